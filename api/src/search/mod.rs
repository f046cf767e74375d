//! Catalog search: diacritic-insensitive, typo-tolerant, synonym-aware, ranked.
//!
//! A query goes through:
//! 1. [`normalize`] — folding (`Đăng ký` → `dang ki`, `ký`/`kí` alike); text made of digits
//!    is first looked up as a procedure code;
//! 2. `segment` — words typed without spaces are split (`khaisinh`);
//! 3. `plan` — question words are dropped, colloquial phrases of [`synonyms`] (indexed by
//!    `lexicon`) are read both literally and as the catalog words them, unknown words are
//!    corrected (one typo from 4 letters, two from 7) and the last word is completed, through
//!    `vocabulary` (prefix ranges and a deletion neighbourhood);
//! 4. `coverage` — term at a time over the inverted index of `index` (names; fields and
//!    agencies through `facet`): how much of the query each procedure covers;
//! 5. `score` — coverage², BM25 length normalisation and, for the best 200, proximity of the
//!    query words in the name; ties by code.
//!
//! Documents are kept in code order, so an empty query pages through them without sorting.

mod coverage;
mod facet;
mod index;
mod lexicon;
pub mod normalize;
mod plan;
mod score;
mod segment;
pub mod synonyms;
mod vocabulary;

#[cfg(test)]
mod plan_tests;
#[cfg(test)]
mod tests;

pub use normalize::{normalize, tokenize};
pub use vocabulary::edit_distance;

use crate::{FacetCount, ProcedurePage, ProcedureQuery, ProcedureSummary};
use index::{Index, level_bit};
use plan::Plan;

/// The catalog in memory, ready to answer `ProcedureQuery`s.
pub struct SearchIndex {
    index: Index,
    field_counts: Vec<FacetCount>,
    agency_counts: Vec<FacetCount>,
}

/// The filters of a query, resolved to ids.
struct Filter {
    field: Option<u32>,
    agency: Option<u32>,
    level: Option<u8>,
}

impl SearchIndex {
    pub fn new(docs: Vec<ProcedureSummary>) -> Self {
        let index = Index::build(docs);
        SearchIndex {
            field_counts: index.fields.counts(),
            agency_counts: index.agencies.counts(),
            index,
        }
    }

    pub fn len(&self) -> usize {
        self.index.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.index.docs.is_empty()
    }

    /// Filters, ranks and pages; an empty `q` lists by code.
    pub fn search(&self, query: &ProcedureQuery) -> ProcedurePage {
        let Some(filter) = self.filter(query) else {
            return ProcedurePage {
                total: 0,
                items: Vec::new(),
            };
        };
        let offset = query.offset();
        let limit = query.limit as usize;
        let accept = |doc: u32| self.accepts(&filter, doc);
        let q = query.q.trim();
        if q.is_empty() {
            return self.list(&filter, offset, limit);
        }
        if let Some(digits) = normalize::code_digits(q) {
            let found: Vec<u32> = self.index.by_code(&digits);
            if !found.is_empty() {
                let found: Vec<u32> = found.into_iter().filter(|&d| accept(d)).collect();
                return self.page(found.len(), found.into_iter().skip(offset).take(limit));
            }
        }
        let Some(plan) = Plan::new(&self.index, q) else {
            return self.page(0, std::iter::empty());
        };
        let covered = coverage::coverage(&self.index, &plan, &accept);
        let mut hits = score::hits(&self.index, covered);
        let end = offset.saturating_add(limit).min(hits.len());
        score::order(&self.index, &plan, &mut hits, end);
        let total = hits.len();
        let start = offset.min(end);
        self.page(total, hits[start..end].iter().map(|hit| hit.doc))
    }

    /// Every field with its number of procedures, most first.
    pub fn fields(&self) -> Vec<FacetCount> {
        self.field_counts.clone()
    }

    /// Every agency with its number of procedures, most first.
    pub fn agencies(&self) -> Vec<FacetCount> {
        self.agency_counts.clone()
    }

    /// `None` when a filter names a field or agency the catalog does not have.
    fn filter(&self, query: &ProcedureQuery) -> Option<Filter> {
        Some(Filter {
            field: match &query.field {
                Some(name) => Some(self.index.fields.id(name)?),
                None => None,
            },
            agency: match &query.agency {
                Some(name) => Some(self.index.agencies.id(name)?),
                None => None,
            },
            level: query.level.map(level_bit),
        })
    }

    fn accepts(&self, filter: &Filter, doc: u32) -> bool {
        let doc = doc as usize;
        filter.field.is_none_or(|f| self.index.field_of[doc] == f)
            && filter.agency.is_none_or(|a| self.index.agency_of[doc] == a)
            && filter
                .level
                .is_none_or(|bit| self.index.levels[doc] & bit != 0)
    }

    /// The catalog in code order (document order), filtered.
    fn list(&self, filter: &Filter, offset: usize, limit: usize) -> ProcedurePage {
        let candidates: Box<dyn Iterator<Item = u32> + '_> = match (filter.field, filter.agency) {
            (Some(field), _) => Box::new(self.index.fields.docs[field as usize].iter().copied()),
            (None, Some(agency)) => {
                Box::new(self.index.agencies.docs[agency as usize].iter().copied())
            }
            (None, None) if filter.level.is_none() => {
                let n = self.len();
                let start = offset.min(n);
                let end = start.saturating_add(limit).min(n);
                return self.page(n, start as u32..end as u32);
            }
            (None, None) => Box::new(0..self.len() as u32),
        };
        let mut total = 0;
        let mut items = Vec::with_capacity(limit);
        for doc in candidates.filter(|&doc| self.accepts(filter, doc)) {
            if total >= offset && items.len() < limit {
                items.push(doc);
            }
            total += 1;
        }
        self.page(total, items.into_iter())
    }

    fn page(&self, total: usize, docs: impl Iterator<Item = u32>) -> ProcedurePage {
        ProcedurePage {
            total: total as u64,
            items: docs
                .map(|doc| self.index.docs[doc as usize].clone())
                .collect(),
        }
    }
}

impl SearchIndex {
    /// How `q` is read and how the procedure `code` scores for it, for tuning the ranking:
    /// the slots with their readings, then coverage `Q`, length factor `L`, proximity `P`.
    pub fn explain(&self, q: &str, code: &str) -> String {
        let Some(plan) = Plan::new(&self.index, q) else {
            return format!("{q:?}: nothing searchable");
        };
        let vocabulary = &self.index.vocabulary;
        let mut out = String::new();
        for slot in &plan.slots {
            let readings: Vec<String> = slot
                .readings
                .iter()
                .map(|reading| {
                    let words: Vec<String> = reading
                        .terms
                        .iter()
                        .map(|&t| {
                            let options: Vec<String> = plan.terms[t]
                                .options
                                .iter()
                                .take(4)
                                .map(|&(id, f)| format!("{}×{f:.2}", vocabulary.word(id)))
                                .collect();
                            options.join("|")
                        })
                        .collect();
                    words.join(" ")
                })
                .collect();
            out.push_str(&format!(
                "[{:.3}] {}\n",
                slot.weight,
                readings.join("  /  ")
            ));
        }
        if let Some(doc) = self.index.docs.iter().position(|d| d.code == code) {
            let doc = doc as u32;
            let (q, p) = score::explain(&self.index, &plan, doc);
            let l = score::length_factor(&self.index, doc);
            out.push_str(&format!("{code}: Q={q:.3} L={l:.3} P={p:.3}\n"));
        }
        out
    }
}
