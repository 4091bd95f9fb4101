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
/// Each row has its label above its bar, so that long labels wrap instead of being cut.
#[must_use]
pub fn bars(bars: &[Bar<'_>], max: f64, title: &str, title_id: &str) -> String {
    const W: f64 = 640.0;
    const BAR_W: f64 = 520.0;
    const LINE: f64 = 19.0;
    const BAR_H: f64 = 22.0;
    const TOP: f64 = 26.0;
    let rows: Vec<Vec<String>> = bars.iter().map(|b| wrap(b.label, 70, 2)).collect();
    let h = TOP
        + rows
            .iter()
            .map(|lines| LINE * lines.len() as f64 + BAR_H + 16.0)
            .sum::<f64>()
        + 4.0;
    let mut out = String::new();
    let _ = write!(
        out,
        "<svg class=\"graphique\" viewBox=\"0 0 {W} {h:.0}\" role=\"img\" aria-labelledby=\"{title_id}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{title_id}\">"
    );
    escape(title, &mut out);
    out.push_str("</title>");
    // Scale: 0, 25, 50, 75, 100 % of max.
    for i in 0..=4u8 {
        let x = BAR_W * f64::from(i) / 4.0 + 1.0;
        let v = max * f64::from(i) / 4.0;
        let anchor = match i {
            0 => "start",
            4 => "end",
            _ => "middle",
        };
        let _ = write!(
            out,
            "<line class=\"graduation\" x1=\"{x:.1}\" y1=\"{}\" x2=\"{x:.1}\" y2=\"{:.1}\"/><text class=\"graduation-texte\" x=\"{x:.1}\" y=\"14\" text-anchor=\"{anchor}\">{}</text>",
            TOP - 6.0,
            h - 4.0,
            format_number(v)
        );
    }
    let mut y = TOP;
    for (b, lines) in bars.iter().zip(&rows) {
        let _ = write!(
            out,
            "<text class=\"etiquette-barre\" x=\"0\" y=\"{:.1}\">",
            y + 14.0
        );
        for (k, line) in lines.iter().enumerate() {
            let _ = write!(
                out,
                "<tspan x=\"0\" dy=\"{}\">",
                if k == 0 { 0.0 } else { LINE }
            );
            escape(line, &mut out);
            out.push_str("</tspan>");
        }
        out.push_str("</text>");
        let bar_y = y + LINE * lines.len() as f64 + 2.0;
        match b.value {
            Some(v) => {
                let width = (v / max).clamp(0.0, 1.0) * BAR_W;
                let _ = write!(
                    out,
                    "<rect class=\"barre {}\" x=\"1\" y=\"{bar_y:.1}\" width=\"{width:.1}\" height=\"{BAR_H}\" rx=\"3\"/><text class=\"valeur-barre\" x=\"{:.1}\" y=\"{:.1}\">",
                    b.class,
                    width + 9.0,
                    bar_y + 16.0
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<text class=\"valeur-barre valeur-absente\" x=\"4\" y=\"{:.1}\">",
                    bar_y + 16.0
                );
            }
        }
        escape(b.text, &mut out);
        out.push_str("</text>");
        y += LINE * lines.len() as f64 + BAR_H + 16.0;
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
        // 92 % of a 520-unit scale.
        assert!(svg.contains("width=\"478.4\""), "{svg}");
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
