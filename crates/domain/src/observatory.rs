//! The key figures as the observatory reads them: each row with the measurement it stands
//! for (a re-quote stands for the row it quotes), its citations and conflicting values, the
//! rows of one statement, timelines, and the figures of an actor type. Pure; built from the
//! rows `crate::figure` reads and checks.

use std::collections::{BTreeMap, HashMap};

use crate::figure::{KeyFigure, Population};

/// Every figure with the indexes the observatory reads.
#[derive(Debug, Default, Clone)]
pub struct Observatory {
    pub figures: Vec<KeyFigure>,
    by_id: HashMap<String, usize>,
    /// Statement key → rows in id order.
    by_statement: BTreeMap<String, Vec<usize>>,
    /// Row → the rows that quote it again.
    citations: HashMap<usize, Vec<usize>>,
}

/// One point of a timeline: a year and the row measured then.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelinePoint<'a> {
    pub annee: u16,
    pub figure: &'a KeyFigure,
}

impl Observatory {
    #[must_use]
    pub fn new(mut figures: Vec<KeyFigure>) -> Observatory {
        figures.sort_by_key(|f| natural(&f.id));
        let by_id: HashMap<String, usize> = figures
            .iter()
            .enumerate()
            .map(|(i, f)| (f.id.clone(), i))
            .collect();
        let mut by_statement: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        let mut citations: HashMap<usize, Vec<usize>> = HashMap::new();
        for (i, f) in figures.iter().enumerate() {
            by_statement.entry(f.statement_key()).or_default().push(i);
            if let Some(j) = f.reprise_de.as_ref().and_then(|r| by_id.get(r)) {
                citations.entry(*j).or_default().push(i);
            }
        }
        Observatory {
            figures,
            by_id,
            by_statement,
            citations,
        }
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&KeyFigure> {
        self.by_id.get(id).map(|i| &self.figures[*i])
    }

    /// The measurement a row stands for: itself, or the row it quotes again (followed to
    /// the end of a chain).
    #[must_use]
    pub fn measurement<'a>(&'a self, f: &'a KeyFigure) -> &'a KeyFigure {
        let mut current = f;
        for _ in 0..8 {
            match current.reprise_de.as_deref().and_then(|r| self.get(r)) {
                Some(next) => current = next,
                None => break,
            }
        }
        current
    }

    /// The rows that quote this row's measurement again.
    #[must_use]
    pub fn citations(&self, f: &KeyFigure) -> Vec<&KeyFigure> {
        self.by_id
            .get(&f.id)
            .and_then(|i| self.citations.get(i))
            .map(|v| v.iter().map(|j| &self.figures[*j]).collect())
            .unwrap_or_default()
    }

    /// Rows giving another value for the same statement and population, both ways.
    #[must_use]
    pub fn conflicts(&self, f: &KeyFigure) -> Vec<&KeyFigure> {
        let mut out: Vec<&KeyFigure> = f.ecart_avec.iter().filter_map(|id| self.get(id)).collect();
        for other in &self.figures {
            if other.ecart_avec.contains(&f.id) && !out.iter().any(|o| o.id == other.id) {
                out.push(other);
            }
        }
        out
    }

    /// Every row of the same statement (this one included), in id order.
    #[must_use]
    pub fn same_statement(&self, f: &KeyFigure) -> Vec<&KeyFigure> {
        self.by_statement
            .get(&f.statement_key())
            .map(|v| v.iter().map(|i| &self.figures[*i]).collect())
            .unwrap_or_default()
    }

    /// The statements in id order of their first row, each with its rows.
    pub fn statements(&self) -> Vec<Vec<&KeyFigure>> {
        let mut groups: Vec<Vec<&KeyFigure>> = self
            .by_statement
            .values()
            .map(|v| v.iter().map(|i| &self.figures[*i]).collect())
            .collect();
        groups.sort_by_key(|g| natural(&g[0].id));
        groups
    }

    /// The timeline of one population for one statement: independent measurements with a
    /// year (re-quotes and rows without a year stay out; so do rows another source
    /// contradicts, which are shown side by side instead), one point per year. `None` when
    /// fewer than two years remain; two rows of one year are not a timeline either.
    #[must_use]
    pub fn timeline<'a>(&'a self, f: &KeyFigure) -> Option<Vec<TimelinePoint<'a>>> {
        let mut points: Vec<TimelinePoint<'a>> = Vec::new();
        let mut years_seen: HashMap<u16, usize> = HashMap::new();
        for other in self.same_statement(f) {
            if other.population != f.population
                || other.region != f.region
                || !other.is_measurement()
                || other.valeur.is_none()
                || !self.conflicts(other).is_empty()
            {
                continue;
            }
            if let Some(annee) = other.annee {
                *years_seen.entry(annee).or_default() += 1;
                points.push(TimelinePoint {
                    annee,
                    figure: other,
                });
            }
        }
        points.retain(|p| years_seen.get(&p.annee) == Some(&1));
        points.sort_by_key(|p| p.annee);
        (points.len() >= 2).then_some(points)
    }

    /// The figures whose population belongs to an actor type.
    pub fn figures_for_actor<'a>(
        &'a self,
        populations: &'a [Population],
        actor: &'a str,
    ) -> impl Iterator<Item = &'a KeyFigure> {
        self.figures.iter().filter(move |f| {
            f.population.as_deref().is_some_and(|p| {
                populations
                    .iter()
                    .any(|x| x.code == p && x.type_acteur == actor)
            })
        })
    }
}

/// `kf-2` before `kf-10`: digit runs compare as numbers.
pub(crate) fn natural(id: &str) -> (String, u64) {
    let prefix: String = id.chars().take_while(|c| !c.is_ascii_digit()).collect();
    let number: u64 = id[prefix.len()..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0);
    (prefix, number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figure::tests::figure;

    #[test]
    fn re_quotes_are_citations_not_timeline_points() {
        let mut requote = figure("kf-051", 53.0, Some(2023), "maires");
        requote.reprise_de = Some("kf-009".into());
        let mut undated = figure("kf-060", 50.0, None, "maires");
        undated.libelle = "a des partenariats".into();
        let obs = Observatory::new(vec![
            figure("kf-010", 46.0, Some(2009), "maires"),
            figure("kf-009", 53.0, Some(2015), "maires"),
            requote,
            undated,
            figure("kf-011", 35.0, Some(2015), "dirigeants-entreprise"),
        ]);
        assert_eq!(obs.figures[0].id, "kf-009");
        let f = obs.get("kf-009").unwrap();
        let timeline = obs.timeline(f).unwrap();
        let years: Vec<u16> = timeline.iter().map(|p| p.annee).collect();
        assert_eq!(years, [2009, 2015]);
        assert_eq!(obs.citations(f).len(), 1);
        assert_eq!(obs.measurement(obs.get("kf-051").unwrap()).id, "kf-009");
        assert!(obs.timeline(obs.get("kf-011").unwrap()).is_none());
    }

    #[test]
    fn conflicting_values_of_different_years_are_not_a_trend() {
        let mut a = figure("kf-058", 74.0, Some(2019), "maires");
        a.ecart_avec = vec!["kf-074".into()];
        let obs = Observatory::new(vec![a, figure("kf-074", 82.0, Some(2022), "maires")]);
        assert!(obs.timeline(obs.get("kf-074").unwrap()).is_none());
    }

    #[test]
    fn conflicts_are_symmetric_and_same_year_values_are_not_a_timeline() {
        let mut a = figure("kf-052", 84.0, Some(2023), "maires");
        a.ecart_avec = vec!["kf-056".into()];
        let b = figure("kf-056", 83.0, Some(2023), "maires");
        let obs = Observatory::new(vec![a, b]);
        assert_eq!(obs.conflicts(obs.get("kf-056").unwrap())[0].id, "kf-052");
        assert!(obs.timeline(obs.get("kf-052").unwrap()).is_none());
    }
}
