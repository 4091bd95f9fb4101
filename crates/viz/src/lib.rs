//! Server-side SVG maps of France, drawn from outlines projected once by
//! `tools/derive-data.py` (Lambert conic for metropolitan France, one inset per overseas
//! département). Every map is a group of links with accessible names, and every page that
//! shows one also shows the same facts in a table.

use std::fmt::Write as _;
use std::sync::OnceLock;

use serde::Deserialize;

pub mod chart;

#[derive(Debug, Deserialize)]
pub struct Inset {
    pub departement: String,
    pub region: String,
    pub x: f64,
    pub y: f64,
    #[serde(rename = "largeur")]
    pub width: f64,
    #[serde(rename = "hauteur")]
    pub height: f64,
}

#[derive(Debug, Deserialize)]
pub struct Shape {
    pub code: String,
    pub d: String,
    /// x, y, width, height in map units.
    #[serde(rename = "boite")]
    pub bbox: [f64; 4],
    /// Longitude, latitude (WGS 84) of the main polygon's centroid.
    #[serde(rename = "centre")]
    pub centre: [f64; 2],
    /// Région of a département.
    pub region: Option<String>,
    /// Where a label goes: the centroid of the main polygon, in map units.
    #[serde(rename = "etiquette")]
    pub label_at: [f64; 2],
}

#[derive(Debug, Deserialize)]
pub struct MapData {
    #[serde(rename = "largeur")]
    pub width: f64,
    #[serde(rename = "hauteur")]
    pub height: f64,
    #[serde(rename = "encarts")]
    pub insets: Vec<Inset>,
    #[serde(rename = "formes")]
    pub shapes: Vec<Shape>,
}

impl MapData {
    #[must_use]
    pub fn shape(&self, code: &str) -> Option<&Shape> {
        self.shapes.iter().find(|s| s.code == code)
    }
}

fn parse(json: &str) -> MapData {
    serde_json::from_str(json).expect("embedded map data is valid")
}

/// Régions of France (13 metropolitan, 5 overseas in insets).
pub fn regions() -> &'static MapData {
    static M: OnceLock<MapData> = OnceLock::new();
    M.get_or_init(|| parse(include_str!("../../../data/geo/carte-regions.json")))
}

/// Départements of France (96 metropolitan, 5 overseas in insets).
pub fn departements() -> &'static MapData {
    static M: OnceLock<MapData> = OnceLock::new();
    M.get_or_init(|| parse(include_str!("../../../data/geo/carte-departements.json")))
}

/// Régions for whole-France views: the same frame, outlines rounded to one unit (below a
/// pixel at that scale), a third of the weight.
pub fn regions_france() -> &'static MapData {
    static M: OnceLock<MapData> = OnceLock::new();
    M.get_or_init(|| parse(include_str!("../../../data/geo/france-regions.json")))
}

/// Départements for whole-France views (see [`regions_france`]).
pub fn departements_france() -> &'static MapData {
    static M: OnceLock<MapData> = OnceLock::new();
    M.get_or_init(|| parse(include_str!("../../../data/geo/france-departements.json")))
}

/// How one shape is drawn.
#[derive(Debug, Clone)]
pub struct Area {
    pub code: String,
    /// A link makes the shape focusable; without one it is decoration.
    pub href: Option<String>,
    /// Accessible name and tooltip.
    pub label: String,
    /// `actif` (highlighted), `lien` (plain link), `fond` (context), or a scale class
    /// (`classe-1` … `classe-5`) for choropleths.
    pub class: &'static str,
}

/// What part of the map to show.
#[derive(Debug, Clone)]
pub enum View {
    /// The whole of France with the overseas insets.
    Whole,
    /// The bounding box of these shapes, with a margin.
    Zoom(Vec<String>),
}

pub struct MapSpec<'a> {
    /// Unique within the page (used for the title id).
    pub id: &'a str,
    pub title: &'a str,
    pub view: View,
    /// Shapes not listed are drawn as background (`fond`, hidden from assistive tech).
    pub areas: &'a [Area],
    /// Inset frames and captions (for `View::Whole`).
    pub inset_labels: &'a [(String, String)],
    /// Print each linked area's code on it (for zoomed maps).
    pub code_labels: bool,
}

pub(crate) fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
}

fn view_box(map: &MapData, view: &View) -> (f64, f64, f64, f64) {
    match view {
        View::Whole => (0.0, 0.0, map.width, map.height),
        View::Zoom(codes) => {
            let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
            for s in map.shapes.iter().filter(|s| codes.contains(&s.code)) {
                let [x, y, w, h] = s.bbox;
                x0 = x0.min(x);
                y0 = y0.min(y);
                x1 = x1.max(x + w);
                y1 = y1.max(y + h);
            }
            if x0 > x1 {
                return (0.0, 0.0, map.width, map.height);
            }
            let margin = ((x1 - x0).max(y1 - y0) * 0.06).max(2.0);
            (
                x0 - margin,
                y0 - margin,
                x1 - x0 + 2.0 * margin,
                y1 - y0 + 2.0 * margin,
            )
        }
    }
}

/// The SVG markup of a map.
#[must_use]
pub fn render(map: &MapData, spec: &MapSpec<'_>) -> String {
    let (vx, vy, vw, vh) = view_box(map, &spec.view);
    let zoomed = matches!(spec.view, View::Zoom(_));
    let mut out =
        String::with_capacity(map.shapes.iter().map(|s| s.d.len() + 120).sum::<usize>() + 1024);
    let _ = write!(
        out,
        "<svg class=\"carte\" viewBox=\"{vx:.1} {vy:.1} {vw:.1} {vh:.1}\" role=\"group\" aria-labelledby=\"{id}-titre\" \
         xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{id}-titre\">",
        id = spec.id
    );
    escape(spec.title, &mut out);
    out.push_str("</title>");
    if !zoomed {
        for inset in &map.insets {
            let _ = write!(
                out,
                "<rect class=\"encart\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" rx=\"6\" aria-hidden=\"true\"/>",
                inset.x, inset.y, inset.width, inset.height
            );
            if let Some((_, name)) = spec
                .inset_labels
                .iter()
                .find(|(c, _)| *c == inset.departement || *c == inset.region)
            {
                let _ = write!(
                    out,
                    "<text class=\"encart-nom\" x=\"{}\" y=\"{}\" aria-hidden=\"true\">",
                    inset.x + 8.0,
                    inset.y + 16.0
                );
                escape(name, &mut out);
                out.push_str("</text>");
            }
        }
    }
    // Background shapes first, so that highlighted outlines are drawn on top.
    for shape in &map.shapes {
        if spec.areas.iter().any(|a| a.code == shape.code) {
            continue;
        }
        if zoomed && !in_view(shape, (vx, vy, vw, vh)) {
            continue;
        }
        let _ = write!(
            out,
            "<path class=\"fond\" d=\"{}\" aria-hidden=\"true\"/>",
            shape.d
        );
    }
    let mut ordered: Vec<&Area> = spec.areas.iter().collect();
    ordered.sort_by_key(|a| a.class == "actif");
    for area in ordered {
        let Some(shape) = map.shape(&area.code) else {
            continue;
        };
        match &area.href {
            Some(href) => {
                out.push_str("<a href=\"");
                escape(href, &mut out);
                out.push_str("\" aria-label=\"");
                escape(&area.label, &mut out);
                let _ = write!(
                    out,
                    "\"><path class=\"{}\" d=\"{}\"><title>",
                    area.class, shape.d
                );
                escape(&area.label, &mut out);
                out.push_str("</title></path></a>");
            }
            None => {
                let _ = write!(
                    out,
                    "<path class=\"{}\" d=\"{}\"><title>",
                    area.class, shape.d
                );
                escape(&area.label, &mut out);
                out.push_str("</title></path>");
            }
        }
    }
    if spec.code_labels {
        let size = (vw.max(vh) / 32.0).max(3.0);
        for area in spec.areas.iter().filter(|a| a.href.is_some()) {
            let Some(shape) = map.shape(&area.code) else {
                continue;
            };
            let [x, y] = shape.label_at;
            let _ = write!(
                out,
                "<text class=\"etiquette{}\" x=\"{x}\" y=\"{:.1}\" font-size=\"{size:.1}\" text-anchor=\"middle\" aria-hidden=\"true\">",
                if area.class == "actif" {
                    " etiquette-actif"
                } else {
                    ""
                },
                y + size / 3.0
            );
            escape(&area.code, &mut out);
            out.push_str("</text>");
        }
    }
    out.push_str("</svg>");
    out
}

fn in_view(shape: &Shape, (vx, vy, vw, vh): (f64, f64, f64, f64)) -> bool {
    let [x, y, w, h] = shape.bbox;
    x < vx + vw && x + w > vx && y < vy + vh && y + h > vy
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_maps_have_every_region_and_departement() {
        assert_eq!(regions().shapes.len(), 18);
        assert_eq!(departements().shapes.len(), 101);
        assert_eq!(regions_france().shapes.len(), 18);
        assert_eq!(departements_france().shapes.len(), 101);
        // The whole-France outlines are the same places, lighter.
        let light: usize = departements_france().shapes.iter().map(|s| s.d.len()).sum();
        let full: usize = departements().shapes.iter().map(|s| s.d.len()).sum();
        assert!(light * 2 < full, "{light} vs {full}");
        assert_eq!(regions().insets.len(), 5);
        let calvados = departements().shape("14").unwrap();
        assert_eq!(calvados.region.as_deref(), Some("28"));
        // Calvados lies around 0.4° W, 49.1° N.
        assert!((calvados.centre[0] + 0.4).abs() < 0.5 && (calvados.centre[1] - 49.1).abs() < 0.5);
    }

    #[test]
    fn renders_links_with_names_and_escapes_text() {
        let areas = [Area {
            code: "28".into(),
            href: Some("/territoires/regions/28".into()),
            label: "Normandie <3 345 842 habitants>".into(),
            class: "actif",
        }];
        let svg = render(
            regions(),
            &MapSpec {
                id: "m",
                title: "Carte & régions",
                view: View::Whole,
                areas: &areas,
                inset_labels: &[],
                code_labels: false,
            },
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("aria-label=\"Normandie &lt;3 345 842 habitants&gt;\""));
        assert!(svg.contains("<title id=\"m-titre\">Carte &amp; régions</title>"));
        assert_eq!(svg.matches("<a href").count(), 1);
        assert_eq!(svg.matches("class=\"fond\"").count(), 17);
    }

    #[test]
    fn zoom_keeps_only_shapes_in_view() {
        let ids: Vec<String> = ["14", "27", "50", "61", "76"].map(String::from).to_vec();
        let svg = render(
            departements(),
            &MapSpec {
                id: "z",
                title: "Normandie",
                view: View::Zoom(ids),
                areas: &[],
                inset_labels: &[],
                code_labels: true,
            },
        );
        let drawn = svg.matches("<path").count();
        assert!((5..40).contains(&drawn), "{drawn}");
        assert!(!svg.contains("class=\"encart\""));
    }
}

/// Radar (spider) charts of maturity levels.
pub mod radar {
    use std::fmt::Write as _;

    /// Wraps a label at spaces into lines of about 16 characters, three at most (the
    /// last one ends with « … » when the label is longer), so that it stays in the frame.
    fn lines(label: &str) -> Vec<String> {
        const WIDTH: usize = 16;
        let mut out: Vec<String> = Vec::new();
        for word in label.split_whitespace() {
            match out.last_mut() {
                Some(line) if line.chars().count() + 1 + word.chars().count() <= WIDTH => {
                    line.push(' ');
                    line.push_str(word);
                }
                _ => out.push(word.to_owned()),
            }
        }
        if out.len() > 3 {
            out.truncate(3);
            out[2].push('…');
        }
        for line in &mut out {
            if line.chars().count() > WIDTH + 4 {
                *line = line.chars().take(WIDTH + 3).collect::<String>() + "…";
            }
        }
        out
    }

    /// An SVG radar of `axes` (label, level 1..=max), titled by `title` (an element with
    /// id `title_id`, referenced by `aria-labelledby`). The page shows the same levels in a
    /// table: the chart is a picture of it.
    #[must_use]
    pub fn svg(axes: &[(String, u8)], max: u8, title: &str, title_id: &str) -> String {
        let (w, h, cx, cy, r) = (540.0_f64, 420.0_f64, 270.0_f64, 210.0_f64, 130.0_f64);
        let n = axes.len().max(3) as f64;
        let point = |i: usize, radius: f64| {
            let a = -std::f64::consts::FRAC_PI_2 + (i as f64) * std::f64::consts::TAU / n;
            (cx + radius * a.cos(), cy + radius * a.sin())
        };
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg class=\"radar\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-labelledby=\"{title_id}\" xmlns=\"http://www.w3.org/2000/svg\"><title id=\"{title_id}\">"
        );
        super::escape(title, &mut out);
        out.push_str("</title><g class=\"radar-grille\">");
        for level in 1..=max {
            let radius = r * f64::from(level) / f64::from(max);
            let pts: Vec<String> = (0..axes.len())
                .map(|i| {
                    let (x, y) = point(i, radius);
                    format!("{x:.1},{y:.1}")
                })
                .collect();
            let _ = write!(out, "<polygon points=\"{}\"/>", pts.join(" "));
            let (_, ly) = point(0, radius);
            let _ = write!(
                out,
                "<text class=\"radar-graduation\" x=\"{:.1}\" y=\"{:.1}\">{level}</text>",
                cx + 6.0,
                ly + 12.0
            );
        }
        for i in 0..axes.len() {
            let (x, y) = point(i, r);
            let _ = write!(
                out,
                "<line x1=\"{cx}\" y1=\"{cy}\" x2=\"{x:.1}\" y2=\"{y:.1}\"/>"
            );
        }
        out.push_str("</g>");
        let pts: Vec<String> = axes
            .iter()
            .enumerate()
            .map(|(i, (_, level))| {
                let (x, y) = point(i, r * f64::from(*level) / f64::from(max));
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            out,
            "<polygon class=\"radar-valeurs\" points=\"{}\"/>",
            pts.join(" ")
        );
        for (i, (label, level)) in axes.iter().enumerate() {
            let (px, py) = point(i, r * f64::from(*level) / f64::from(max));
            let _ = write!(
                out,
                "<circle class=\"radar-point\" cx=\"{px:.1}\" cy=\"{py:.1}\" r=\"5\"/>"
            );
            let (x, y) = point(i, r + 22.0);
            let anchor = if (x - cx).abs() < 10.0 {
                "middle"
            } else if x > cx {
                "start"
            } else {
                "end"
            };
            let parts = lines(label);
            let extra = parts.len().saturating_sub(1) as f64;
            let top = if y < cy - 10.0 {
                y - 18.0 * extra
            } else if y > cy + 10.0 {
                y + 12.0
            } else {
                y - 9.0 * extra + 4.0
            };
            let _ = write!(
                out,
                "<text class=\"radar-axe\" text-anchor=\"{anchor}\" x=\"{x:.1}\" y=\"{top:.1}\">"
            );
            for (k, part) in parts.iter().enumerate() {
                let _ = write!(
                    out,
                    "<tspan x=\"{x:.1}\" dy=\"{}\">",
                    if k == 0 { 0 } else { 18 }
                );
                super::escape(part, &mut out);
                out.push_str("</tspan>");
            }
            let _ = write!(
                out,
                "<tspan class=\"radar-niveau\" dx=\"6\">{level}</tspan></text>"
            );
        }
        out.push_str("</svg>");
        out
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn one_point_and_one_label_per_axis() {
            let axes: Vec<(String, u8)> = ["Vision", "Pratique partenariale", "Gouvernance & co"]
                .iter()
                .zip([4u8, 1, 2])
                .map(|(l, n)| ((*l).to_owned(), n))
                .collect();
            let svg = super::svg(&axes, 4, "Maturité", "t");
            assert_eq!(svg.matches("<circle").count(), 3);
            assert_eq!(svg.matches("class=\"radar-axe\"").count(), 3);
            assert!(svg.contains("Gouvernance &amp; co"));
            assert_eq!(
                super::lines("Pratique partenariale"),
                ["Pratique", "partenariale"]
            );
            let long =
                super::lines("Une dimension au titre vraiment beaucoup trop long pour tenir");
            assert_eq!(long.len(), 3);
            assert!(long[2].ends_with('…'));
            assert!(svg.contains("aria-labelledby=\"t\""));
            // Level 4 on the first axis reaches the outer ring (radius 130 above the centre 210).
            assert!(svg.contains("cy=\"80.0\""), "{svg}");
        }
    }
}

/// Choropleth classes: five classes of the non-zero values, cut at their quantiles.
pub mod classes {
    /// The classes' CSS names, lightest first; `classe-0` is for zero.
    pub const NAMES: [&str; 5] = ["classe-1", "classe-2", "classe-3", "classe-4", "classe-5"];

    /// Upper bounds of up to five classes of the positive values (quantiles, each bound a
    /// value that occurs; repeated bounds merged). Empty when no value is positive.
    #[must_use]
    pub fn breaks(values: &[f64]) -> Vec<f64> {
        let mut v: Vec<f64> = values.iter().copied().filter(|x| *x > 0.0).collect();
        v.sort_by(f64::total_cmp);
        let Some(&max) = v.last() else {
            return Vec::new();
        };
        let mut out: Vec<f64> = Vec::new();
        for i in 1..=5usize {
            let idx = (v.len() * i).div_ceil(5).saturating_sub(1).min(v.len() - 1);
            let b = v[idx];
            if out.last().is_none_or(|last| b > *last) {
                out.push(b);
            }
        }
        if out.last().is_some_and(|last| *last < max) {
            out.push(max);
        }
        out
    }

    /// The class of a value: `classe-0` for zero, then the first class whose bound holds it.
    #[must_use]
    pub fn of(value: f64, breaks: &[f64]) -> &'static str {
        if value <= 0.0 {
            return "classe-0";
        }
        let i = breaks
            .iter()
            .position(|b| value <= *b)
            .unwrap_or(breaks.len().saturating_sub(1));
        // Fewer than five classes use the darker end of the scale less: spread them.
        let offset = NAMES.len().saturating_sub(breaks.len());
        NAMES[(i + offset).min(NAMES.len() - 1)]
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn five_classes_of_positive_values() {
            let values: Vec<f64> = (0..=100).map(f64::from).collect();
            let b = breaks(&values);
            assert_eq!(b.len(), 5);
            assert_eq!(*b.last().unwrap(), 100.0);
            assert_eq!(of(0.0, &b), "classe-0");
            assert_eq!(of(1.0, &b), "classe-1");
            assert_eq!(of(100.0, &b), "classe-5");
            let few = breaks(&[0.0, 3.0, 3.0, 3.0]);
            assert_eq!(few, [3.0]);
            assert_eq!(of(3.0, &few), "classe-5");
            assert!(breaks(&[0.0, 0.0]).is_empty());
        }
    }
}
