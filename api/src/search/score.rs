//! Scoring: how much of the query a procedure covers, how little else its name says, and
//! whether the query's words stand together in it.
//!
//! * coverage `Q` — per slot, the best reading's share of matched words (weighted by inverse
//!   document frequency; a word in the field counts 0.3, in the agency 0.15, a typo or a
//!   completion less than the exact word), summed with the slots' weights: 0 ≤ Q ≤ 1;
//! * length `L` — BM25's length normalisation with binary term frequency,
//!   `(k1 + 1) / (1 + k1 (1 − b + b · len / avg_len))`: of two names covering the query, the one
//!   saying less is the general procedure ("đăng ký khai sinh" before "... lưu động");
//! * proximity `P` — the share of neighbouring query words found in order side by side
//!   (or within three words, half) in the name.
//!
//! `score = Q² · L · (1 + 0.3 P)`. The square keeps a short name covering half the query below a
//! long one covering all of it.
//!
//! The first pass ([`super::coverage`]) computes `Q` for every document that can be a hit, from
//! the postings alone; the
//! proximity needs the name's word order and is computed for the best [`RERANK_WINDOW`] only,
//! a fixed number so that pages stay consistent with each other.

use super::index::Index;
use super::plan::Plan;

pub const FIELD_WEIGHT: f32 = 0.3;
pub const AGENCY_WEIGHT: f32 = 0.15;
const K1: f32 = 1.2;
const B: f32 = 0.75;
const PROXIMITY_WEIGHT: f32 = 0.3;
/// A document is a hit when it covers at least this share of the best coverage.
pub const RELATIVE_COVERAGE: f32 = 0.5;
pub const RERANK_WINDOW: usize = 200;

pub fn length_factor(index: &Index, doc: u32) -> f32 {
    let len = f32::from(index.name_len[doc as usize]);
    (K1 + 1.0) / (1.0 + K1 * (1.0 - B + B * len / index.avg_name_len))
}

/// The first-pass score `Q² · L` of the documents covering enough of the query.
pub fn hits(index: &Index, covered: Vec<(u32, f32)>) -> Vec<Hit> {
    covered
        .into_iter()
        .map(|(doc, q)| Hit {
            doc,
            score: q * q * length_factor(index, doc),
        })
        .collect()
}

#[derive(Debug, Clone, Copy)]
pub struct Hit {
    pub doc: u32,
    pub score: f32,
}

/// Best first, ties by code (document id).
pub fn by_score(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then_with(|| a.doc.cmp(&b.doc))
}

/// Orders `hits` so that at least the first `needed` are final: the best [`RERANK_WINDOW`] by
/// first-pass score get their proximity bonus and are ordered by it; the rest follow by
/// first-pass score.
pub fn order(index: &Index, plan: &Plan, hits: &mut [Hit], needed: usize) {
    let window = RERANK_WINDOW.min(hits.len());
    let sorted = needed.max(window).min(hits.len());
    if sorted == 0 {
        return;
    }
    if sorted < hits.len() {
        hits.select_nth_unstable_by(sorted - 1, by_score);
    }
    hits[..sorted].sort_unstable_by(by_score);
    for hit in &mut hits[..window] {
        let (q, proximity) = explain(index, plan, hit.doc);
        hit.score = q * q * length_factor(index, hit.doc) * (1.0 + PROXIMITY_WEIGHT * proximity);
    }
    hits[..window].sort_unstable_by(by_score);
}

/// Coverage `Q` and proximity `P` of one document, from its own words. Unlike the first pass,
/// each word of the name serves one query word only: in "cấp giấy phép lái xe", the "lai" of
/// "lái xe" cannot also be the "lại" of "cấp lại".
pub fn explain(index: &Index, plan: &Plan, doc: u32) -> (f32, f32) {
    let name = index.name(doc);
    let field = &index.fields.words[index.field_of[doc as usize] as usize];
    let agency = &index.agencies.words[index.agency_of[doc as usize] as usize];
    // Per term: positions in the name with their strength, and strength outside the name.
    let mut in_name: Vec<Vec<(usize, f32)>> = vec![Vec::new(); plan.terms.len()];
    let mut elsewhere = vec![0.0f32; plan.terms.len()];
    for (t, term) in plan.terms.iter().enumerate() {
        for &(word, factor) in &term.options {
            for (at, _) in name.iter().enumerate().filter(|&(_, &w)| w == word) {
                in_name[t].push((at, factor));
            }
            if field.binary_search(&word).is_ok() {
                elsewhere[t] = elsewhere[t].max(factor * FIELD_WEIGHT);
            } else if agency.binary_search(&word).is_ok() {
                elsewhere[t] = elsewhere[t].max(factor * AGENCY_WEIGHT);
            }
        }
    }
    let strength = |t: usize| {
        in_name[t]
            .iter()
            .map(|&(_, f)| f)
            .fold(elsewhere[t], f32::max)
    };
    // The best reading of each slot, then the words of the name they use, in query order.
    let mut used = vec![false; name.len()];
    let mut q = 0.0f32;
    let mut sequence: Vec<usize> = Vec::new();
    for slot in &plan.slots {
        let mut best = (0.0f32, 0usize);
        for (r, reading) in slot.readings.iter().enumerate() {
            let covered: f32 = reading
                .terms
                .iter()
                .zip(&reading.shares)
                .map(|(&t, &share)| share * strength(t))
                .sum();
            if covered > best.0 {
                best = (covered, r);
            }
        }
        let reading = &slot.readings[best.1];
        for (&t, &share) in reading.terms.iter().zip(&reading.shares) {
            let free = in_name[t].iter().filter(|&&(at, _)| !used[at]).fold(
                None,
                |b: Option<(usize, f32)>, &(at, f)| match b {
                    Some((_, bf)) if bf >= f => b,
                    _ => Some((at, f)),
                },
            );
            let s = match free {
                Some((at, f)) => {
                    used[at] = true;
                    f.max(elsewhere[t])
                }
                None => elsewhere[t],
            };
            q += slot.weight * share * s;
        }
        sequence.extend(&reading.terms);
    }
    let pairs = sequence.len().saturating_sub(1);
    if pairs == 0 {
        return (q, 0.0);
    }
    let together: f32 = sequence
        .windows(2)
        .map(|pair| {
            let mut best = 0.0f32;
            for &(a, _) in &in_name[pair[0]] {
                for &(b, _) in &in_name[pair[1]] {
                    if b == a + 1 {
                        return 1.0;
                    }
                    if b > a && b <= a + 3 {
                        best = 0.5;
                    }
                }
            }
            best
        })
        .sum();
    (q, together / pairs as f32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::coverage::coverage;
    use crate::search::index::from_names;

    fn scores(index: &Index, q: &str) -> Vec<(u32, f32, f32)> {
        let plan = Plan::new(index, q).unwrap();
        let mut covered = coverage(index, &plan, &|_| true);
        covered.sort_by_key(|&(doc, _)| doc);
        covered
            .into_iter()
            .map(|(doc, q1)| {
                let (q2, _) = explain(index, &plan, doc);
                (doc, q1, q2)
            })
            .collect()
    }

    #[test]
    fn both_passes_agree_on_coverage() {
        let index = from_names(&[
            "Đăng ký khai sinh",
            "Đăng ký khai sinh lưu động",
            "Khai báo tạm vắng",
            "Đăng ký thường trú",
        ]);
        for q in [
            "dang ky khai sinh",
            "khai bao",
            "dang ky thuogn tru",
            "khai si",
        ] {
            for (doc, first, second) in scores(&index, q) {
                assert!(
                    (first - second).abs() < 1e-5,
                    "{q:?} doc {doc}: {first} {second}"
                );
            }
        }
    }

    #[test]
    fn a_name_word_serves_one_query_word() {
        // "lái" and "lại" both fold to "lai": "cấp lại giấy phép lái xe" asks for two of them.
        let index = from_names(&["Cấp giấy phép lái xe", "Cấp lại giấy phép lái xe"]);
        let found = scores(&index, "cap lai giay phep lai xe");
        let (_, first_pass, general) = found[0];
        let (_, _, reissue) = found[1];
        assert!(
            (first_pass - 1.0).abs() < 1e-5,
            "the first pass cannot tell"
        );
        assert!(general < 0.95 && (reissue - 1.0).abs() < 1e-5, "{found:?}");
    }

    #[test]
    fn proximity_rewards_words_in_order_side_by_side() {
        let index = from_names(&[
            "Đăng ký khai sinh",
            "Khai sinh, đăng ký",
            "Đăng ký lại khai sinh",
            "Đăng ký việc nuôi con nuôi, khai sinh",
        ]);
        let plan = Plan::new(&index, "dang ky khai sinh").unwrap();
        let p: Vec<f32> = (0..4).map(|doc| explain(&index, &plan, doc).1).collect();
        assert_eq!(p[0], 1.0);
        assert!(p[0] > p[2] && p[2] > p[3] && p[1] < 1.0, "{p:?}");
    }

    #[test]
    fn shorter_names_weigh_more() {
        let index = from_names(&[
            "Đăng ký khai sinh",
            "Đăng ký khai sinh có yếu tố nước ngoài",
        ]);
        assert!(length_factor(&index, 0) > length_factor(&index, 1));
    }
}
