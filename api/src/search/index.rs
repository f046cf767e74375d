//! The catalog laid out for search: documents in code order (so document id order *is* code
//! order, and ties and empty queries need no sorting), an inverted index from word to the names
//! containing it, the words of every name in order (for phrase proximity), and the fields and
//! agencies as facets with their own small word index.

use super::facet::Facet;
use super::lexicon::Lexicon;
use super::normalize::{for_each_word, tokenize};
use super::synonyms::NAME_FILLER;
use super::vocabulary::Vocabulary;
use crate::{Level, ProcedureSummary};

/// Words inside brackets counted in a name's length (see [`Index::name_len`]).
pub const BRACKETED_WORDS_COUNTED: usize = 5;

pub struct Index {
    /// Sorted by code: a document's id is its rank in code order.
    pub docs: Vec<ProcedureSummary>,
    pub vocabulary: Vocabulary,
    pub lexicon: Lexicon,
    /// Word → documents whose name holds it, ascending.
    pub postings: Vec<Vec<u32>>,
    /// Word → number of documents holding it anywhere (name, field or agency).
    pub df: Vec<u32>,
    pub idf: Vec<f32>,
    /// The content words of every name in order, concatenated; `name_start[d]..name_start[d + 1]`.
    pub name_words: Vec<u32>,
    pub name_start: Vec<u32>,
    /// Length of each name for the length normalisation: its content words, of which at most
    /// [`BRACKETED_WORDS_COUNTED`] inside brackets (a long bracketed remark explains the
    /// procedure rather than narrowing it).
    pub name_len: Vec<u16>,
    pub avg_name_len: f32,
    /// Adjacent word pairs of names, `first << 32 | second`, sorted.
    pub bigrams: Vec<u64>,
    pub fields: Facet,
    pub agencies: Facet,
    pub field_of: Vec<u32>,
    pub agency_of: Vec<u32>,
    /// Bit `level as u8` set for each level the procedure is done at.
    pub levels: Vec<u8>,
    /// (digits of the code, document), sorted.
    pub codes: Vec<(String, u32)>,
}

impl Index {
    pub fn build(mut docs: Vec<ProcedureSummary>) -> Index {
        docs.sort_by(|a, b| a.code.cmp(&b.code).then_with(|| a.name.cmp(&b.name)));
        let lexicon = Lexicon::new();
        let filler: Vec<Vec<String>> = NAME_FILLER.iter().map(|f| tokenize(f)).collect();
        let mut vocabulary = Vocabulary::default();
        let mut postings: Vec<Vec<u32>> = Vec::new();
        let mut name_words = Vec::new();
        let mut name_start = Vec::with_capacity(docs.len() + 1);
        let mut bigrams = Vec::new();
        let mut fields = Facet::default();
        let mut agencies = Facet::default();
        let mut field_of = Vec::with_capacity(docs.len());
        let mut agency_of = Vec::with_capacity(docs.len());
        let mut levels = Vec::with_capacity(docs.len());
        let mut codes = Vec::with_capacity(docs.len());
        let mut words: Vec<String> = Vec::new();
        let mut distinct: Vec<u32> = Vec::new();
        let mut name_len = Vec::with_capacity(docs.len());
        let mut outside: Vec<String> = Vec::new();
        for (doc, summary) in docs.iter().enumerate() {
            let doc = doc as u32;
            words.clear();
            for_each_word(&summary.name, |word| words.push(word.to_string()));
            remove_filler(&mut words, &filler);
            outside.clear();
            for_each_word(&outside_brackets(&summary.name), |w| {
                outside.push(w.to_string())
            });
            remove_filler(&mut outside, &filler);
            let inside = words.len().saturating_sub(outside.len());
            let counted = outside.len() + inside.min(BRACKETED_WORDS_COUNTED);
            name_len.push(counted.min(usize::from(u16::MAX)) as u16);
            name_start.push(name_words.len() as u32);
            let first = name_words.len();
            for word in &words {
                name_words.push(vocabulary.intern(word));
            }
            let ids = &name_words[first..];
            for pair in ids.windows(2) {
                bigrams.push(u64::from(pair[0]) << 32 | u64::from(pair[1]));
            }
            distinct.clear();
            distinct.extend_from_slice(ids);
            distinct.sort_unstable();
            distinct.dedup();
            for &word in &distinct {
                if postings.len() <= word as usize {
                    postings.resize_with(word as usize + 1, Vec::new);
                }
                postings[word as usize].push(doc);
            }
            field_of.push(fields.add(&summary.field, doc, &mut vocabulary));
            agency_of.push(agencies.add(&summary.agency, doc, &mut vocabulary));
            levels.push(
                summary
                    .levels
                    .iter()
                    .fold(0u8, |mask, &l| mask | level_bit(l)),
            );
            let digits: String = summary.code.chars().filter(char::is_ascii_digit).collect();
            codes.push((digits, doc));
        }
        name_start.push(name_words.len() as u32);
        vocabulary.finish();
        postings.resize_with(vocabulary.len(), Vec::new);
        bigrams.sort_unstable();
        bigrams.dedup();
        bigrams.shrink_to_fit();
        name_words.shrink_to_fit();
        for list in &mut postings {
            list.shrink_to_fit();
        }
        codes.sort();

        // Document frequency over all three attributes, each document counted once.
        let mut df = vec![0u32; vocabulary.len()];
        let mut last_doc = vec![u32::MAX; vocabulary.len()];
        for doc in 0..docs.len() {
            let name = &name_words[name_start[doc] as usize..name_start[doc + 1] as usize];
            let field = &fields.words[field_of[doc] as usize];
            let agency = &agencies.words[agency_of[doc] as usize];
            for &word in name.iter().chain(field).chain(agency) {
                if last_doc[word as usize] != doc as u32 {
                    last_doc[word as usize] = doc as u32;
                    df[word as usize] += 1;
                }
            }
        }
        let n = docs.len() as f32;
        let idf = df
            .iter()
            .map(|&df| (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln())
            .collect();
        let avg_name_len = if docs.is_empty() {
            1.0
        } else {
            (name_len.iter().map(|&l| f32::from(l)).sum::<f32>() / n).max(1.0)
        };
        Index {
            docs,
            vocabulary,
            lexicon,
            postings,
            df,
            idf,
            name_words,
            name_start,
            name_len,
            avg_name_len,
            bigrams,
            fields,
            agencies,
            field_of,
            agency_of,
            levels,
            codes,
        }
    }

    /// The content words of document `doc`'s name, in order.
    pub fn name(&self, doc: u32) -> &[u32] {
        let doc = doc as usize;
        &self.name_words[self.name_start[doc] as usize..self.name_start[doc + 1] as usize]
    }

    /// Whether some name holds `words` side by side, in this order.
    pub fn has_phrase(&self, words: &[u32]) -> bool {
        let Some(&rarest) = words
            .iter()
            .min_by_key(|&&word| self.postings[word as usize].len())
        else {
            return false;
        };
        self.postings[rarest as usize]
            .iter()
            .any(|&doc| self.name(doc).windows(words.len()).any(|w| w == words))
    }

    pub fn has_bigram(&self, first: u32, second: u32) -> bool {
        self.bigrams
            .binary_search(&(u64::from(first) << 32 | u64::from(second)))
            .is_ok()
    }

    /// Documents whose code digits equal `digits`; else whose code after the dot does (a
    /// six-digit number typed without its leading group); else whose code starts with them.
    pub fn by_code(&self, digits: &str) -> Vec<u32> {
        let start = self
            .codes
            .partition_point(|(code, _)| code.as_str() < digits);
        let prefixed: Vec<u32> = self.codes[start..]
            .iter()
            .take_while(|(code, _)| code.starts_with(digits))
            .map(|&(_, doc)| doc)
            .collect();
        let exact: Vec<u32> = self.codes[start..]
            .iter()
            .take_while(|(code, _)| code == digits)
            .map(|&(_, doc)| doc)
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        if digits.len() == 6 {
            let mut after_dot: Vec<u32> = self
                .codes
                .iter()
                .filter(|(code, _)| code.len() == 7 && code.ends_with(digits))
                .map(|&(_, doc)| doc)
                .collect();
            if !after_dot.is_empty() {
                after_dot.sort_unstable();
                return after_dot;
            }
        }
        let mut prefixed = prefixed;
        prefixed.sort_unstable();
        prefixed
    }
}

/// An index of procedures named `names`, coded `1.000000`, `1.000001`, ... in that order.
#[cfg(test)]
pub fn from_names(names: &[&str]) -> Index {
    Index::build(
        names
            .iter()
            .enumerate()
            .map(|(i, name)| ProcedureSummary {
                code: format!("1.{i:06}"),
                name: name.to_string(),
                field: String::new(),
                agency: String::new(),
                levels: Vec::new(),
                online_level: crate::OnlineLevel::None,
            })
            .collect(),
    )
}

pub fn level_bit(level: Level) -> u8 {
    1 << (level as u8)
}

/// `text` without its bracketed parts: `"Cấp thị thực (cấp tỉnh)"` → `"Cấp thị thực "`.
fn outside_brackets(text: &str) -> String {
    let mut depth = 0usize;
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth = depth.saturating_sub(1);
                out.push(' ');
            }
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

/// Drops filler phrases ("thủ tục") from the words of a name.
fn remove_filler(words: &mut Vec<String>, filler: &[Vec<String>]) {
    let mut kept = Vec::with_capacity(words.len());
    let mut at = 0;
    'words: while at < words.len() {
        for phrase in filler {
            if words[at..].starts_with(phrase) {
                at += phrase.len();
                continue 'words;
            }
        }
        kept.push(std::mem::take(&mut words[at]));
        at += 1;
    }
    *words = kept;
}
