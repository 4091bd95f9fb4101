//! Key figures as pages show them: the value as what it is (a percentage, a number, a rank,
//! or « no value given » — never 0), the statement and the population in the reader's
//! language, the study and year (« année non précisée » when none), the notes that must
//! travel with the figure. Shared by the observatory, the territory syntheses, the fiches
//! repères and the diagnostic's personal path.

use alliances_domain::figure::{KeyFigure, Observatory};
use alliances_i18n::Lang;

use crate::collections::population_label;
use crate::ctx::Ctx;
use crate::state::Ready;

/// A figure ready for a template.
pub struct FigureView {
    pub id: String,
    pub href: String,
    /// « 92 % », « 4 », « 1er rang », or « valeur non donnée ».
    pub value: String,
    /// The value is missing (the source gives a rank, a formula or nothing).
    pub no_value: bool,
    /// A count, whose number is the head of its label.
    pub is_count: bool,
    pub label: String,
    /// `lang` attribute of the label when it is not in the page's language.
    pub label_lang: Option<&'static str>,
    pub population: Option<String>,
    /// « IMPACT-Élus locaux · Comisis – OpinionWay · 2020 ».
    pub provenance: String,
    pub year: String,
    pub echantillon: Option<u32>,
    pub region: Option<String>,
    pub non_corrobore: bool,
    /// The figure this one quotes again: (id, href).
    pub reprise_de: Option<(String, String)>,
    pub editorial_reprise: bool,
    /// Other values for the same statement and population: (id, href, value).
    pub ecarts: Vec<(String, String, String)>,
    /// The note in the reader's language (French note, or the fact table's English one).
    pub note: Option<String>,
    pub note_lang: Option<&'static str>,
    /// One sentence that reads the figure.
    pub reading: String,
}

/// « 92 % », « 7,1 % », « 4 ».
#[must_use]
pub fn value_text(ctx: &Ctx, f: &KeyFigure) -> Option<String> {
    let v = f.valeur?;
    let number = if v.fract() == 0.0 {
        ctx.int(v as i64)
    } else {
        format!("{v:.1}").replace('.', if ctx.lang == Lang::Fr { "," } else { "." })
    };
    Some(match f.unite.as_deref() {
        Some("%") => match ctx.lang {
            Lang::Fr => format!("{number}\u{a0}%"),
            Lang::En => format!("{number}%"),
        },
        _ => number,
    })
}

/// The year, or « année non précisée ».
#[must_use]
pub fn year_text(ctx: &Ctx, f: &KeyFigure) -> String {
    f.annee
        .map_or_else(|| ctx.t("donnees-annee-non-precisee"), |y| y.to_string())
}

/// The population in the reader's language.
#[must_use]
pub fn population_text(ctx: &Ctx, ready: &Ready, f: &KeyFigure) -> Option<String> {
    f.population
        .as_deref()
        .map(|p| population_label(ready.populations, p, ctx.lang == Lang::En))
}

/// The statement in the reader's language, and its language when it differs.
#[must_use]
pub fn label_of<'a>(ctx: &Ctx, f: &'a KeyFigure) -> (&'a str, Option<&'static str>) {
    let english = ctx.lang == Lang::En;
    let label = f.label(english);
    let lang = (english && f.libelle_en.is_none()).then_some("fr");
    (label, lang)
}

/// A figure for a template.
#[must_use]
pub fn view(ctx: &Ctx, ready: &Ready, obs: &Observatory, f: &KeyFigure) -> FigureView {
    let (label, label_lang) = label_of(ctx, f);
    let population = population_text(ctx, ready, f);
    let year = year_text(ctx, f);
    let value = value_text(ctx, f);
    let no_value = value.is_none();
    let value_shown = match (&value, f.rang) {
        (Some(v), _) => v.clone(),
        (None, Some(r)) => ctx.tn("donnees-rang", i64::from(r)),
        (None, None) => ctx.t("donnees-valeur-absente"),
    };
    let mut provenance: Vec<String> = Vec::new();
    if let Some(e) = &f.etude {
        provenance.push(e.clone());
    }
    if let Some(i) = &f.institut {
        provenance.push(i.clone());
    }
    provenance.push(year.clone());
    let (note, note_lang) = match ctx.lang {
        Lang::Fr => match (&f.note_fr, &f.note) {
            (Some(n), _) => (Some(n.clone()), None),
            (None, Some(n)) => (Some(n.clone()), Some("en")),
            _ => (None, None),
        },
        Lang::En => match (&f.note, &f.note_fr) {
            (Some(n), _) => (Some(n.clone()), None),
            (None, Some(n)) => (Some(n.clone()), Some("fr")),
            _ => (None, None),
        },
    };
    let href = |id: &str| ctx.href(format!("/donnees/chiffres/{id}"));
    let region = f
        .region
        .as_deref()
        .and_then(|r| ready.small(alliances_domain::territory::Level::Region, r))
        .map(|r| r.name.clone());
    let reading = reading(
        ctx,
        f,
        label,
        population.as_deref(),
        value.as_deref(),
        &provenance,
    );
    FigureView {
        id: f.id.clone(),
        href: href(&f.id),
        value: value_shown,
        no_value,
        is_count: f.nature == "denombrement",
        label: label.to_owned(),
        label_lang,
        population,
        provenance: provenance.join(" · "),
        year,
        echantillon: f.echantillon,
        region,
        non_corrobore: f.non_corrobore,
        reprise_de: f.reprise_de.as_ref().map(|r| (r.clone(), href(r))),
        editorial_reprise: f.reprise_editoriale,
        ecarts: obs
            .conflicts(f)
            .into_iter()
            .map(|o| {
                (
                    o.id.clone(),
                    href(&o.id),
                    value_text(ctx, o).unwrap_or_else(|| ctx.t("donnees-valeur-absente")),
                )
            })
            .collect(),
        note,
        note_lang,
        reading,
    }
}

/// « Lecture : … » — one sentence that says what the figure measures, as what it is: a
/// re-quote says it quotes a measurement, a rank stays a rank, no value is never a number.
fn reading(
    ctx: &Ctx,
    f: &KeyFigure,
    label: &str,
    population: Option<&str>,
    value: Option<&str>,
    provenance: &[String],
) -> String {
    let source = provenance.join(", ");
    let rank = f.rang.map(|r| ctx.tn("donnees-rang", i64::from(r)));
    let shown = value
        .map(str::to_owned)
        .or_else(|| rank.clone())
        .unwrap_or_else(|| ctx.t("donnees-valeur-absente"));
    let key = if f.reprise_de.is_some() {
        "donnees-lecture-reprise"
    } else if f.nature == "denombrement" {
        "donnees-lecture-denombrement"
    } else if f.nature == "fragilite-percue" {
        match (&rank, value) {
            (Some(_), Some(_)) => "donnees-lecture-rang-valeur",
            (Some(_), None) => "donnees-lecture-rang",
            (None, Some(_)) => "donnees-lecture-fragilite-valeur",
            (None, None) => "donnees-lecture-fragilite",
        }
    } else if value.is_some() && f.unite.as_deref() == Some("%") {
        "donnees-lecture-pourcentage"
    } else {
        "donnees-lecture-sans-valeur"
    };
    let args: Vec<(&str, alliances_i18n::Value<'_>)> = vec![
        ("libelle", alliances_i18n::text(label)),
        ("valeur", alliances_i18n::text(&shown)),
        (
            "rang",
            alliances_i18n::text(rank.as_deref().unwrap_or_default()),
        ),
        ("source", alliances_i18n::text(&source)),
        (
            "population",
            alliances_i18n::text(population.unwrap_or_default()),
        ),
        (
            "id",
            alliances_i18n::text(f.reprise_de.as_deref().unwrap_or_default()),
        ),
    ];
    ctx.state
        .catalog
        .get_with(ctx.lang, key, &args)
        .into_owned()
}
