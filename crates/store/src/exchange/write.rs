//! The CSV and XLSX writers of the import layouts, with spreadsheet formulas neutralised.

use std::io::{Cursor, Write};

/// The first characters that make a spreadsheet read a cell as a formula.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A cell as written to a CSV file: text a spreadsheet would run as a formula (`=`, `+`,
/// `-`, `@`, tab or carriage return first) gets a leading apostrophe, as spreadsheet users
/// expect; a number (`-3`, `+1.5`) is left as it is.
#[must_use]
pub fn neutralise_cell(cell: &str) -> std::borrow::Cow<'_, str> {
    // Apostrophes first count too (`'=x` is written `''=x`), so that reading back removes
    // exactly the one added here.
    let formula = cell.trim_start_matches('\'').starts_with(FORMULA_STARTS)
        && cell.trim().parse::<f64>().is_err();
    if formula {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// A CSV cell as read: the apostrophe [`neutralise_cell`] adds is removed, so that an
/// export imports back unchanged.
#[must_use]
pub fn restore_cell(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// CSV with a header (UTF-8 with BOM so that spreadsheets read the accents); every cell
/// neutralised against formulas ([`neutralise_cell`]).
pub fn write_csv(
    out: &mut dyn Write,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
    with_header: bool,
) -> std::io::Result<()> {
    if with_header {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut w = csv::WriterBuilder::new().from_writer(out);
    if with_header {
        w.write_record(header)?;
    }
    for row in rows {
        w.write_record(row.iter().map(|c| neutralise_cell(c).into_owned()))?;
    }
    w.flush()
}

/// Text escaped for XML content and attributes; control characters XML 1.0 cannot hold
/// (all but tab and newline) are dropped.
#[must_use]
pub fn xml_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => o.push(c),
        }
    }
    o
}

/// A minimal XLSX workbook (one sheet named `sheet_name`, inline strings): a header row,
/// then the rows.
pub fn write_xlsx(
    sheet_name: &str,
    header: &[&str],
    rows: impl Iterator<Item = Vec<String>>,
) -> std::io::Result<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    let col = |mut i: usize| {
        let mut s = Vec::new();
        loop {
            s.push(b'A' + (i % 26) as u8);
            if i < 26 {
                break;
            }
            i = i / 26 - 1;
        }
        s.reverse();
        String::from_utf8(s).unwrap_or_default()
    };
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    let mut row = |n: usize, cells: Vec<String>| {
        sheet.push_str(&format!("<row r=\"{n}\">"));
        for (i, v) in cells.iter().enumerate() {
            if v.is_empty() {
                continue;
            }
            sheet.push_str(&format!(
                "<c r=\"{}{n}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
                col(i),
                xml_escape(v)
            ));
        }
        sheet.push_str("</row>");
    };
    row(1, header.iter().map(|h| (*h).to_owned()).collect());
    for (i, cells) in rows.enumerate() {
        row(i + 2, cells);
    }
    sheet.push_str("</sheetData></worksheet>");
    let mut buf = Cursor::new(Vec::new());
    {
        let mut z = zip::ZipWriter::new(&mut buf);
        let o = SimpleFileOptions::default();
        let workbook = format!(
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
            xml_escape(sheet_name)
        );
        let files: [(&str, &str); 5] = [
            (
                "[Content_Types].xml",
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
            ),
            (
                "_rels/.rels",
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
            ),
            ("xl/workbook.xml", workbook.as_str()),
            (
                "xl/_rels/workbook.xml.rels",
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
            ),
            ("xl/worksheets/sheet1.xml", sheet.as_str()),
        ];
        for (name, content) in files {
            z.start_file(name, o).map_err(std::io::Error::other)?;
            z.write_all(content.as_bytes())?;
        }
        z.finish().map_err(std::io::Error::other)?;
    }
    Ok(buf.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_in_csv_and_read_back_unchanged() {
        for (value, written) in [
            ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
            ("+33 1 23", "'+33 1 23"),
            ("- 30 % de déchets", "'- 30 % de déchets"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tcmd", "'\tcmd"),
            ("'=déjà", "''=déjà"),
            ("''+x", "'''+x"),
            ("-3", "-3"),
            ("+1.5", "+1.5"),
            ("Réseau", "Réseau"),
            ("l'alliance", "l'alliance"),
        ] {
            assert_eq!(super::neutralise_cell(value), written, "{value}");
            assert_eq!(super::restore_cell(written), value, "{written}");
        }
        // Through the writer and the reader.
        let mut out = Vec::new();
        super::write_csv(
            &mut out,
            &["a", "b"],
            [vec!["=1+1".to_owned(), "-2".to_owned()]].into_iter(),
            true,
        )
        .unwrap();
        let text = String::from_utf8(out.clone()).unwrap();
        assert!(text.contains("'=1+1,-2"), "{text}");
        let mut table = super::super::sources::csv(Box::new(out.as_slice())).unwrap();
        let (_, first) = table.rows.next().unwrap().unwrap();
        assert_eq!(first, vec!["=1+1".to_owned(), "-2".to_owned()]);
    }

    #[test]
    fn xml_escaping() {
        assert_eq!(xml_escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }
}
