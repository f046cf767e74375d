//! First pass: coverage `Q` of every document matching the query, term at a time over the
//! inverted index into dense accumulators (one `f32` per document, plus the list of documents
//! touched, so clearing costs what was touched). The postings of common words are long, but a
//! posting costs a few nanoseconds: 264,200 procedures answer in a few milliseconds.

use super::index::Index;
use super::plan::Plan;
use super::score::{AGENCY_WEIGHT, FIELD_WEIGHT, RELATIVE_COVERAGE};

/// Sparse accumulator over documents: dense values plus the list of touched documents.
struct Accumulator {
    values: Vec<f32>,
    touched: Vec<u32>,
}

impl Accumulator {
    fn new(n: usize) -> Self {
        Accumulator {
            values: vec![0.0; n],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, doc: u32, value: f32) {
        let slot = &mut self.values[doc as usize];
        if *slot == 0.0 {
            self.touched.push(doc);
        }
        *slot += value;
    }

    fn max(&mut self, doc: u32, value: f32) {
        let slot = &mut self.values[doc as usize];
        if *slot == 0.0 {
            self.touched.push(doc);
        }
        *slot = slot.max(value);
    }

    /// Hands every touched (doc, value) to `take` and clears.
    fn drain(&mut self, mut take: impl FnMut(u32, f32)) {
        for &doc in &self.touched {
            let value = std::mem::take(&mut self.values[doc as usize]);
            if value > 0.0 {
                take(doc, value);
            }
        }
        self.touched.clear();
    }
}

/// (doc, Q) for every accepted document covering at least [`RELATIVE_COVERAGE`] of the best.
pub fn coverage(index: &Index, plan: &Plan, accept: &dyn Fn(u32) -> bool) -> Vec<(u32, f32)> {
    let covered: Vec<(u32, f32)> = accumulate(index, plan)
        .into_iter()
        .filter(|&(doc, _)| accept(doc))
        .collect();
    let best = covered.iter().map(|&(_, q)| q).fold(0.0f32, f32::max);
    let floor = best * RELATIVE_COVERAGE;
    covered.into_iter().filter(|&(_, q)| q >= floor).collect()
}

/// Q of every document matching something.
fn accumulate(index: &Index, plan: &Plan) -> Vec<(u32, f32)> {
    let n = index.docs.len();
    let mut total = Accumulator::new(n);
    let mut term = Accumulator::new(n);
    let mut reading: Option<Accumulator> = None;
    let mut slot_best: Option<Accumulator> = None;
    for slot in &plan.slots {
        if let [only] = slot.readings.as_slice() {
            for (&t, &share) in only.terms.iter().zip(&only.shares) {
                let weight = slot.weight * share;
                match plan.terms[t].options.as_slice() {
                    // One form, found in names only (most words): no maximum to take.
                    &[(word, factor)] if !in_facets(index, word) => index.postings[word as usize]
                        .iter()
                        .for_each(|&doc| total.add(doc, weight * factor)),
                    _ => {
                        term_matches(index, plan, t, &mut term);
                        term.drain(|doc, m| total.add(doc, weight * m));
                    }
                }
            }
            continue;
        }
        let reading = reading.get_or_insert_with(|| Accumulator::new(n));
        let slot_best = slot_best.get_or_insert_with(|| Accumulator::new(n));
        for r in &slot.readings {
            for (&t, &share) in r.terms.iter().zip(&r.shares) {
                term_matches(index, plan, t, &mut term);
                term.drain(|doc, m| reading.add(doc, share * m));
            }
            reading.drain(|doc, covered| slot_best.max(doc, covered));
        }
        slot_best.drain(|doc, covered| total.add(doc, slot.weight * covered));
    }
    let mut out = Vec::with_capacity(total.touched.len());
    total.drain(|doc, q| out.push((doc, q)));
    out
}

fn in_facets(index: &Index, word: u32) -> bool {
    !index.fields.with_word(word).is_empty() || !index.agencies.with_word(word).is_empty()
}

/// Best match strength of term `t` in each document holding one of its forms: in the name,
/// the field or the agency.
fn term_matches(index: &Index, plan: &Plan, t: usize, into: &mut Accumulator) {
    for &(word, factor) in &plan.terms[t].options {
        for &doc in &index.postings[word as usize] {
            into.max(doc, factor);
        }
        for (facet, strength) in [
            (&index.fields, factor * FIELD_WEIGHT),
            (&index.agencies, factor * AGENCY_WEIGHT),
        ] {
            for &value in facet.with_word(word) {
                for &doc in &facet.docs[value as usize] {
                    into.max(doc, strength);
                }
            }
        }
    }
}
