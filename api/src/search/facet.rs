//! The distinct values of one attribute (field or agency): their words, their documents.

use std::collections::HashMap;

use super::normalize::tokenize;
use super::vocabulary::Vocabulary;
use crate::FacetCount;

/// Distinct values of one attribute (field or agency) with the documents having each.
#[derive(Default)]
pub struct Facet {
    pub names: Vec<String>,
    ids: HashMap<String, u32>,
    /// Facet value → its words.
    pub words: Vec<Vec<u32>>,
    /// Facet value → documents, ascending.
    pub docs: Vec<Vec<u32>>,
    /// Word → facet values containing it.
    pub by_word: HashMap<u32, Vec<u32>>,
}

impl Facet {
    pub fn add(&mut self, value: &str, doc: u32, vocabulary: &mut Vocabulary) -> u32 {
        let id = match self.ids.get(value) {
            Some(&id) => id,
            None => {
                let id = self.names.len() as u32;
                let mut words: Vec<u32> = tokenize(value)
                    .iter()
                    .map(|word| vocabulary.intern(word))
                    .collect();
                words.sort_unstable();
                words.dedup();
                for &word in &words {
                    self.by_word.entry(word).or_default().push(id);
                }
                self.names.push(value.to_string());
                self.ids.insert(value.to_string(), id);
                self.words.push(words);
                self.docs.push(Vec::new());
                id
            }
        };
        self.docs[id as usize].push(doc);
        id
    }

    pub fn id(&self, value: &str) -> Option<u32> {
        self.ids.get(value).copied()
    }

    /// Facet values containing `word`.
    pub fn with_word(&self, word: u32) -> &[u32] {
        self.by_word.get(&word).map_or(&[], Vec::as_slice)
    }

    /// Every non-empty value with its number of documents, most first, then by name.
    pub fn counts(&self) -> Vec<FacetCount> {
        let mut counts: Vec<FacetCount> = self
            .names
            .iter()
            .zip(&self.docs)
            .filter(|(name, _)| !name.is_empty())
            .map(|(name, docs)| FacetCount {
                name: name.clone(),
                count: docs.len() as u64,
            })
            .collect();
        counts.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
        counts
    }
}
