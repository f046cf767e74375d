//! From what the citizen typed to what to look for.
//!
//! The query becomes a list of *slots*, one per thing asked for. A slot is either one word (with
//! its typo corrections, or its completions when it is the last word being typed) or a phrase
//! from the synonym table (with its literal reading and each catalog wording as *readings*).
//! Each slot weighs what its words weigh (inverse document frequency), so "khai sinh" counts
//! more than "đăng ký".

use super::index::Index;
use super::normalize::tokenize;
use super::segment::split_glued;

/// Weight of a completion of the last word, when that word is itself a word / when it is not.
pub const PREFIX_OF_WORD: f32 = 0.7;
pub const PREFIX_ONLY: f32 = 0.9;
/// Weight of a word reached through one / two typos.
pub const ONE_TYPO: f32 = 0.75;
pub const TWO_TYPOS: f32 = 0.55;
/// Most completions kept for the last word, the most frequent first (16 after one letter, 32
/// after two).
const MAX_COMPLETIONS: usize = 40;
const MAX_CORRECTIONS: usize = 8;
/// Words of a query looked at; the rest is ignored (the API accepts 200 characters).
const MAX_WORDS: usize = 32;
/// Longest word looked up as a typo.
const MAX_TYPO_LEN: usize = 24;

/// One word looked for, in any of its forms: (word id, weight ≤ 1).
pub struct Term {
    pub options: Vec<(u32, f32)>,
}

/// One way to read a slot: terms in order, each with its share of the reading (summing to 1).
pub struct Reading {
    pub terms: Vec<usize>,
    pub shares: Vec<f32>,
}

pub struct Slot {
    /// Share of the whole query (all slots sum to 1).
    pub weight: f32,
    pub readings: Vec<Reading>,
}

pub struct Plan {
    pub terms: Vec<Term>,
    pub slots: Vec<Slot>,
}

enum Item<'a> {
    Word(String),
    Phrase(&'a [String], &'a [Vec<String>]),
}

impl Plan {
    /// The plan for `text`, `None` when nothing in it is in the catalog.
    pub fn new(index: &Index, text: &str) -> Option<Plan> {
        let mut words = tokenize(text);
        words.truncate(MAX_WORDS);
        let words = split_glued(index, words);
        let mut items = read_items(index, &words, true);
        if items.is_empty() {
            // Nothing but question words: search them after all.
            items = read_items(index, &words, false);
        }
        let mut plan = Plan {
            terms: Vec::new(),
            slots: Vec::new(),
        };
        // Words the query asks for on their own: a synonym's wording need not ask again.
        let asked: Vec<u32> = items
            .iter()
            .filter_map(|item| match item {
                Item::Word(word) => index.vocabulary.get(word),
                Item::Phrase(..) => None,
            })
            .collect();
        // The catalog word ending each item, to complete the last word with what follows it.
        let ends: Vec<Option<u32>> = items
            .iter()
            .map(|item| match item {
                Item::Word(word) => index.vocabulary.get(word),
                Item::Phrase(pattern, _) => index.vocabulary.get(pattern.last()?),
            })
            .collect();
        let mut weights = Vec::new();
        let count = items.len();
        for (at, item) in items.into_iter().enumerate() {
            let added = match item {
                Item::Word(word) => {
                    let last = (at + 1 == count).then(|| at.checked_sub(1).and_then(|p| ends[p]));
                    plan.add_word(index, &word, last, count > 1)
                }
                Item::Phrase(pattern, alternatives) => {
                    plan.add_phrase(index, pattern, alternatives, &asked)
                }
            };
            if let Some(weight) = added {
                weights.push(weight);
            }
        }
        let total: f32 = weights.iter().sum();
        if plan.slots.is_empty() || total <= 0.0 {
            return None;
        }
        for (slot, weight) in plan.slots.iter_mut().zip(weights) {
            slot.weight = weight / total;
        }
        Some(plan)
    }

    fn push_term(&mut self, term: Term) -> usize {
        self.terms.push(term);
        self.terms.len() - 1
    }

    /// Adds a one-word slot; returns its raw weight. `last` is set for the last word typed,
    /// with the catalog word typed before it if any.
    fn add_word(
        &mut self,
        index: &Index,
        word: &str,
        last: Option<Option<u32>>,
        others: bool,
    ) -> Option<f32> {
        let vocabulary = &index.vocabulary;
        let exact = vocabulary.get(word);
        let mut options: Vec<(u32, f32)> = exact.map(|id| (id, 1.0)).into_iter().collect();
        if let Some(previous) = last.filter(|_| word.len() >= 2 || others) {
            let factor = if exact.is_some() {
                PREFIX_OF_WORD
            } else {
                PREFIX_ONLY
            };
            let mut completions: Vec<u32> = vocabulary
                .with_prefix(word)
                .filter(|&id| Some(id) != exact && index.df[id as usize] > 0)
                .collect();
            // "khai s" → the words following "khai" in some name ("sinh"), if any.
            if let Some(previous) = previous {
                let following: Vec<u32> = completions
                    .iter()
                    .copied()
                    .filter(|&id| index.has_bigram(previous, id))
                    .collect();
                if !following.is_empty() {
                    completions = following;
                }
            }
            completions.sort_by_key(|&id| std::cmp::Reverse(index.df[id as usize]));
            completions.truncate(MAX_COMPLETIONS.min(8 << word.len().min(3)));
            options.extend(completions.into_iter().map(|id| (id, factor)));
        }
        if options.is_empty() && word.len() <= MAX_TYPO_LEN {
            options.extend(
                vocabulary
                    .similar(word)
                    .into_iter()
                    .take(MAX_CORRECTIONS)
                    .map(|(id, edits)| (id, if edits == 1 { ONE_TYPO } else { TWO_TYPOS })),
            );
        }
        options.retain(|&(id, _)| index.df[id as usize] > 0);
        if options.is_empty() {
            return None;
        }
        // The word's own weight, or that of its most common reading.
        let idf = match exact {
            Some(id) => index.idf[id as usize],
            None => options
                .iter()
                .map(|&(id, _)| index.idf[id as usize])
                .fold(f32::INFINITY, f32::min),
        };
        let term = self.push_term(Term { options });
        self.slots.push(Slot {
            weight: 0.0,
            readings: vec![Reading {
                terms: vec![term],
                shares: vec![1.0],
            }],
        });
        Some(idf)
    }

    /// Adds a synonym slot; returns its raw weight.
    fn add_phrase(
        &mut self,
        index: &Index,
        pattern: &[String],
        alternatives: &[Vec<String>],
        asked: &[u32],
    ) -> Option<f32> {
        let mut readings = Vec::new();
        let mut best_mean = 0.0f32;
        // The literal words count only when some name has them side by side.
        let literal = phrase_ids(index, pattern)
            .filter(|ids| ids.len() == pattern.len() && index.has_phrase(ids));
        let wordings = alternatives.iter().filter_map(|a| {
            let ids = phrase_ids(index, a)?;
            let new: Vec<u32> = ids
                .iter()
                .copied()
                .filter(|id| !asked.contains(id))
                .collect();
            Some(if new.is_empty() { ids } else { new })
        });
        for ids in literal.into_iter().chain(wordings) {
            let idfs: Vec<f32> = ids.iter().map(|&id| index.idf[id as usize]).collect();
            let sum: f32 = idfs.iter().sum();
            best_mean = best_mean.max(sum / idfs.len() as f32);
            let terms = ids
                .iter()
                .map(|&id| {
                    self.push_term(Term {
                        options: vec![(id, 1.0)],
                    })
                })
                .collect();
            let shares = idfs.iter().map(|idf| idf / sum).collect();
            readings.push(Reading { terms, shares });
        }
        if readings.is_empty() {
            return None;
        }
        self.slots.push(Slot {
            weight: 0.0,
            readings,
        });
        Some(best_mean * pattern.len() as f32)
    }
}

/// The ids of the catalog words of `words`, skipping unknown ones; `None` when none is known.
fn phrase_ids(index: &Index, words: &[String]) -> Option<Vec<u32>> {
    let ids: Vec<u32> = words
        .iter()
        .filter_map(|word| index.vocabulary.get(word))
        .filter(|&id| index.df[id as usize] > 0)
        .collect();
    (!ids.is_empty()).then_some(ids)
}

/// Synonym phrases and plain words, question words left out when `drop_stops`.
fn read_items<'a>(index: &'a Index, words: &[String], drop_stops: bool) -> Vec<Item<'a>> {
    let lexicon = &index.lexicon;
    let mut items = Vec::new();
    let mut at = 0;
    while at < words.len() {
        if let Some(rule) = lexicon.rule_at(words, at) {
            items.push(Item::Phrase(&rule.pattern, &rule.alternatives));
            at += rule.pattern.len();
            continue;
        }
        let stop = if drop_stops {
            lexicon.stop_at(words, at)
        } else {
            0
        };
        if stop > 0 {
            at += stop;
        } else {
            items.push(Item::Word(words[at].clone()));
            at += 1;
        }
    }
    items
}
