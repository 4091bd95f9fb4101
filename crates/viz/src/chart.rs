//! Small SVG charts: horizontal bars comparing values for one statement, a timeline of one
//! statement measured in several years, and inline bars for tables. Every chart is a
//! picture of a table the page shows beside it (`role="img"` with a title); values are
//! written on the chart, so that it reads without colour.

use std::fmt::Write as _;

use super::escape;

/// One bar: its label (wrapped on two lines at most), its value (`None`: the source gives
/// none — written as such, never drawn as 0), the text written after the bar, and a class
/// (`barre-alt` for a second value of the same population).
pub struct Bar<'a> {
    pub label: &'a str,
    pub value: Option<f64>,
    pub text: &'a str,
    pub class: &'static str,
}

/// Wraps a label at spaces into lines of about `width` characters, `max` lines at most.
fn wrap(label: &str, width: usize, max: usize) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in label.split_whitespace() {
        match out.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => out.push(word.to_owned()),
        }
    }
    if out.len() > max {
        out.truncate(max);
        if let Some(last) = out.last_mut() {
            last.push('…');
        }
    }
    out
}

/// Horizontal bars on a 0–`max` scale, titled by the element `title_id` (with `title`).
#[must_use]
pub fn bars(bars: &[Bar<'_>], max: f64, title: &str, title_id: &str) -> String {
    const W: f64 = 680.0;
    const LABEL_W: f64 = 230.0;
    const BAR_W: f64 = 330.0;
    const ROW: f64 = 46.0;
    const TOP: f64 = 28.0;
    let h = TOP + ROW * bars.len() as f64 + 8.0;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"graphique\" viewBox=\"0 0 {W} {h}\" role=\"img\" aria-labelledby=\"{title_id}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{title_id}\">"
    );
    escape(title, &mut out);
    out.push_str("</title>");
    // Scale: 0, 25, 50, 75, 100 % of max.
    for i in 0..=4u8 {
        let x = LABEL_W + BAR_W * f64::from(i) / 4.0;
        let v = max * f64::from(i) / 4.0;
        let _ = write!(
            out,
            "<line class=\"graduation\" x1=\"{x:.1}\" y1=\"{}\" x2=\"{x:.1}\" y2=\"{:.1}\"/><text class=\"graduation-texte\" x=\"{x:.1}\" y=\"16\" text-anchor=\"middle\">{}</text>",
            TOP - 6.0,
            h - 6.0,
            format_number(v)
        );
    }
    for (i, b) in bars.iter().enumerate() {
        let y = TOP + ROW * i as f64;
        let lines = wrap(b.label, 30, 2);
        let first = y + if lines.len() > 1 { 17.0 } else { 27.0 };
        let _ = write!(
            out,
            "<text class=\"etiquette-barre\" x=\"{}\" y=\"{first:.1}\" text-anchor=\"end\">",
            LABEL_W - 10.0
        );
        for (k, line) in lines.iter().enumerate() {
            let _ = write!(
                out,
                "<tspan x=\"{}\" dy=\"{}\">",
                LABEL_W - 10.0,
                if k == 0 { 0 } else { 17 }
            );
            escape(line, &mut out);
            out.push_str("</tspan>");
        }
        out.push_str("</text>");
        match b.value {
            Some(v) => {
                let width = (v / max).clamp(0.0, 1.0) * BAR_W;
                let _ = write!(
                    out,
                    "<rect class=\"barre {}\" x=\"{LABEL_W}\" y=\"{:.1}\" width=\"{width:.1}\" height=\"24\" rx=\"3\"/><text class=\"valeur-barre\" x=\"{:.1}\" y=\"{:.1}\">",
                    b.class,
                    y + 10.0,
                    LABEL_W + width + 8.0,
                    y + 27.0
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<text class=\"valeur-barre valeur-absente\" x=\"{:.1}\" y=\"{:.1}\">",
                    LABEL_W + 4.0,
                    y + 27.0
                );
            }
        }
        escape(b.text, &mut out);
        out.push_str("</text>");
    }
    out.push_str("</svg>");
    out
}

/// A timeline: one point per year (`(year, value, text)`), on a 0–`max` scale.
#[must_use]
pub fn timeline(points: &[(u16, f64, String)], max: f64, title: &str, title_id: &str) -> String {
    const W: f64 = 640.0;
    const H: f64 = 260.0;
    const LEFT: f64 = 56.0;
    const RIGHT: f64 = 40.0;
    const TOP: f64 = 20.0;
    const BOTTOM: f64 = 40.0;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"graphique\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"{title_id}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{title_id}\">"
    );
    escape(title, &mut out);
    out.push_str("</title>");
    let (Some(first), Some(last)) = (points.first(), points.last()) else {
        out.push_str("</svg>");
        return out;
    };
    let (y0, y1) = (f64::from(first.0), f64::from(last.0));
    let span = (y1 - y0).max(1.0);
    let x_of = |year: u16| LEFT + (f64::from(year) - y0) / span * (W - LEFT - RIGHT);
    let y_of = |v: f64| TOP + (1.0 - (v / max).clamp(0.0, 1.0)) * (H - TOP - BOTTOM);
    for i in 0..=4u8 {
        let v = max * f64::from(i) / 4.0;
        let y = y_of(v);
        let _ = write!(
            out,
            "<line class=\"graduation\" x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\"/><text class=\"graduation-texte\" x=\"{:.1}\" y=\"{:.1}\" text-anchor=\"end\">{}</text>",
            W - RIGHT,
            LEFT - 8.0,
            y + 5.0,
            format_number(v)
        );
    }
    let path: Vec<String> = points
        .iter()
        .map(|(year, v, _)| format!("{:.1},{:.1}", x_of(*year), y_of(*v)))
        .collect();
    let _ = write!(
        out,
        "<polyline class=\"ligne-temps\" points=\"{}\"/>",
        path.join(" ")
    );
    for (year, v, text) in points {
        let (x, y) = (x_of(*year), y_of(*v));
        let _ = write!(
            out,
            "<circle class=\"point-temps\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\"/><text class=\"valeur-barre\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">",
            y - 12.0
        );
        escape(text, &mut out);
        let _ = write!(
            out,
            "</text><text class=\"graduation-texte\" x=\"{x:.1}\" y=\"{:.1}\" text-anchor=\"middle\">{year}</text>",
            H - 14.0
        );
    }
    out.push_str("</svg>");
    out
}

/// A bar for a table cell: `value` out of `max`, drawn on 100 units (decoration: the cell
/// beside it holds the number).
#[must_use]
pub fn inline_bar(value: f64, max: f64) -> String {
    let width = if max > 0.0 {
        (value / max).clamp(0.0, 1.0) * 100.0
    } else {
        0.0
    };
    format!(
        "<svg class=\"barre-cellule\" viewBox=\"0 0 100 10\" preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"{width:.1}\" height=\"10\" rx=\"1\"/></svg>"
    )
}

/// A swatch of a colour (an SDG's, say) for a list item; decoration.
#[must_use]
pub fn swatch(colour: &str) -> String {
    let mut out = String::from(
        "<svg class=\"pastille\" viewBox=\"0 0 12 12\" aria-hidden=\"true\" focusable=\"false\"><rect width=\"12\" height=\"12\" rx=\"2\" fill=\"",
    );
    escape(colour, &mut out);
    out.push_str("\"/></svg>");
    out
}

fn format_number(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_value_is_written_not_drawn() {
        let svg = bars(
            &[
                Bar {
                    label: "maires",
                    value: Some(92.0),
                    text: "92 %",
                    class: "",
                },
                Bar {
                    label: "dirigeants d'entreprise <a>",
                    value: None,
                    text: "valeur non donnée",
                    class: "",
                },
            ],
            100.0,
            "Titre & co",
            "g1",
        );
        assert_eq!(svg.matches("<rect class=\"barre").count(), 1);
        assert!(svg.contains("valeur non donnée"));
        assert!(svg.contains("&lt;a&gt;"));
        assert!(svg.contains("aria-labelledby=\"g1\""));
        // 92 % of a 330-unit scale.
        assert!(svg.contains("width=\"303.6\""), "{svg}");
    }

    #[test]
    fn timeline_places_years_in_order() {
        let svg = timeline(
            &[(2009, 46.0, "46 %".into()), (2015, 53.0, "53 %".into())],
            100.0,
            "t",
            "t1",
        );
        assert_eq!(svg.matches("<circle").count(), 2);
        assert!(svg.find(">2009<").unwrap() < svg.find(">2015<").unwrap());
        assert_eq!(inline_bar(5.0, 10.0).matches("width=\"50.0\"").count(), 1);
        assert!(
            wrap(
                "une phrase assez longue pour tenir sur plusieurs lignes au moins",
                20,
                2
            )[1]
            .ends_with('…')
        );
    }
}
