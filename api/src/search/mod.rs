//! Catalog search: diacritic-insensitive, typo-tolerant, synonym-aware, ranked.
//!
//! TEMPORARY naive implementation so the server can be wired; being replaced.

use crate::{FacetCount, ProcedurePage, ProcedureQuery, ProcedureSummary};

/// The catalog in memory, ready to answer `ProcedureQuery`s.
pub struct SearchIndex {
    docs: Vec<ProcedureSummary>,
}

impl SearchIndex {
    pub fn new(docs: Vec<ProcedureSummary>) -> Self {
        SearchIndex { docs }
    }

    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Filters, ranks and pages; an empty `q` lists by code.
    pub fn search(&self, query: &ProcedureQuery) -> ProcedurePage {
        let q = query.q.to_lowercase();
        let hits: Vec<&ProcedureSummary> = self
            .docs
            .iter()
            .filter(|doc| q.is_empty() || doc.name.to_lowercase().contains(&q) || doc.code == q)
            .filter(|doc| query.field.as_ref().is_none_or(|field| &doc.field == field))
            .filter(|doc| query.agency.as_ref().is_none_or(|agency| &doc.agency == agency))
            .filter(|doc| query.level.is_none_or(|level| doc.levels.contains(&level)))
            .collect();
        ProcedurePage {
            total: hits.len() as u64,
            items: hits
                .into_iter()
                .skip(query.offset())
                .take(query.limit as usize)
                .cloned()
                .collect(),
        }
    }

    /// Every field with its number of procedures, most first.
    pub fn fields(&self) -> Vec<FacetCount> {
        facet(self.docs.iter().map(|doc| doc.field.as_str()))
    }

    /// Every agency with its number of procedures, most first.
    pub fn agencies(&self) -> Vec<FacetCount> {
        facet(self.docs.iter().map(|doc| doc.agency.as_str()))
    }
}

fn facet<'a>(values: impl Iterator<Item = &'a str>) -> Vec<FacetCount> {
    let mut counts = std::collections::BTreeMap::<&str, u64>::new();
    for value in values.filter(|value| !value.is_empty()) {
        *counts.entry(value).or_default() += 1;
    }
    let mut facets: Vec<FacetCount> = counts
        .into_iter()
        .map(|(name, count)| FacetCount {
            name: name.to_string(),
            count,
        })
        .collect();
    facets.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    facets
}
