//! The words of the catalog: exact lookup, prefix completion, and typo lookup through a
//! deletion neighbourhood (the SymSpell idea: two words within edit distance k share a string
//! obtained by deleting at most k characters from each), so a misspelt word is matched against
//! a handful of candidates instead of the whole vocabulary.

use std::collections::HashMap;

/// Deepest deletion indexed for a word of this length: typos are tolerated from four letters
/// (one edit) and from seven letters (two edits), so shorter words need fewer deletions.
fn index_depth(len: usize) -> usize {
    match len {
        0..=2 => 0,
        3..=4 => 1,
        _ => 2,
    }
}

/// Edits tolerated in a typed word of this length.
pub fn allowed_edits(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=6 => 1,
        _ => 2,
    }
}

#[derive(Default)]
pub struct Vocabulary {
    words: Vec<Box<str>>,
    ids: HashMap<Box<str>, u32>,
    /// Word ids in alphabetical order, for prefix ranges.
    sorted: Vec<u32>,
    /// (hash of a deletion variant, word id), sorted.
    deletions: Vec<(u64, u32)>,
}

impl Vocabulary {
    /// The id of `word`, adding it if new. Call [`Vocabulary::finish`] after the last one.
    pub fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.push(word.into());
        self.ids.insert(word.into(), id);
        id
    }

    /// Builds the prefix and typo lookups.
    pub fn finish(&mut self) {
        let mut sorted: Vec<u32> = (0..self.words.len() as u32).collect();
        sorted.sort_by(|&a, &b| self.words[a as usize].cmp(&self.words[b as usize]));
        self.sorted = sorted;
        let mut deletions = Vec::new();
        for (id, word) in self.words.iter().enumerate() {
            let chars: Vec<char> = word.chars().collect();
            if chars.len() >= 3 {
                for_each_deletion(&chars, index_depth(chars.len()), |hash| {
                    deletions.push((hash, id as u32))
                });
            }
        }
        deletions.sort_unstable();
        deletions.dedup();
        self.deletions = deletions;
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn get(&self, word: &str) -> Option<u32> {
        self.ids.get(word).copied()
    }

    pub fn word(&self, id: u32) -> &str {
        &self.words[id as usize]
    }

    /// Words starting with `prefix` (the word itself included), alphabetically.
    pub fn with_prefix<'a>(&'a self, prefix: &'a str) -> impl Iterator<Item = u32> + 'a {
        let start = self
            .sorted
            .partition_point(|&id| self.words[id as usize].as_ref() < prefix);
        self.sorted[start..]
            .iter()
            .copied()
            .take_while(move |&id| self.words[id as usize].starts_with(prefix))
    }

    /// Words within the edit distance tolerated for `typed` (see [`allowed_edits`]), with their
    /// distance, closest first, then alphabetically; `typed` itself is left out.
    pub fn similar(&self, typed: &str) -> Vec<(u32, usize)> {
        let chars: Vec<char> = typed.chars().collect();
        let max = allowed_edits(chars.len());
        if max == 0 {
            return Vec::new();
        }
        let mut candidates = Vec::new();
        for_each_deletion(&chars, max, |hash| {
            let start = self.deletions.partition_point(|&(h, _)| h < hash);
            candidates.extend(
                self.deletions[start..]
                    .iter()
                    .take_while(|&&(h, _)| h == hash)
                    .map(|&(_, id)| id),
            );
        });
        candidates.sort_unstable();
        candidates.dedup();
        let mut found: Vec<(u32, usize)> = candidates
            .into_iter()
            .filter_map(|id| {
                let word: Vec<char> = self.words[id as usize].chars().collect();
                let distance = bounded_distance(&chars, &word, max)?;
                (distance > 0).then_some((id, distance))
            })
            .collect();
        found.sort_by(|a, b| {
            a.1.cmp(&b.1)
                .then_with(|| self.word(a.0).cmp(self.word(b.0)))
        });
        found
    }
}

/// Hashes `chars` and every string obtained by deleting up to `depth` of its characters.
fn for_each_deletion(chars: &[char], depth: usize, mut emit: impl FnMut(u64)) {
    emit(hash_chars(chars.iter().copied()));
    let n = chars.len();
    if depth >= 1 && n >= 2 {
        for i in 0..n {
            emit(hash_chars(skip(chars, &[i])));
        }
    }
    if depth >= 2 && n >= 3 {
        for i in 0..n {
            for j in i + 1..n {
                emit(hash_chars(skip(chars, &[i, j])));
            }
        }
    }
}

fn skip<'a>(chars: &'a [char], left_out: &'a [usize]) -> impl Iterator<Item = char> + 'a {
    chars
        .iter()
        .enumerate()
        .filter(|(i, _)| !left_out.contains(i))
        .map(|(_, &c)| c)
}

/// FNV-1a over the characters: stable across runs and platforms (unlike `RandomState`).
fn hash_chars(chars: impl Iterator<Item = char>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for c in chars {
        for byte in (c as u32).to_le_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    hash
}

/// Edit distance counting insertion, deletion, substitution and the swap of two neighbours
/// (`khia` → `khai`) as one edit each (optimal string alignment).
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    bounded_distance(&a, &b, usize::MAX).unwrap_or(usize::MAX)
}

/// The edit distance of `a` and `b` when it is at most `max`.
fn bounded_distance(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    // Three rows: two back (for swaps), previous, current.
    let mut rows = vec![0usize; width * 3];
    for (j, cell) in rows[width..2 * width].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        let (older, rest) = rows.split_at_mut(width);
        let (prev, cur) = rest.split_at_mut(width);
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(older[j - 2] + 1);
            }
            cur[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > max {
            return None;
        }
        rows.rotate_left(width);
    }
    // After the last rotation the final row sits in the middle slot.
    let distance = rows[width + b.len()];
    (distance <= max).then_some(distance)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary(words: &[&str]) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        for word in words {
            vocabulary.intern(word);
        }
        vocabulary.finish();
        vocabulary
    }

    fn similar(vocabulary: &Vocabulary, typed: &str) -> Vec<(String, usize)> {
        vocabulary
            .similar(typed)
            .into_iter()
            .map(|(id, d)| (vocabulary.word(id).to_string(), d))
            .collect()
    }

    #[test]
    fn edit_distance_counts_swaps_as_one() {
        assert_eq!(edit_distance("khai", "khai"), 0);
        assert_eq!(edit_distance("khai", "khia"), 1);
        assert_eq!(edit_distance("sinh", "sin"), 1);
        assert_eq!(edit_distance("thuong", "thuongg"), 1);
        assert_eq!(edit_distance("chung", "chunh"), 1);
        assert_eq!(edit_distance("nguoi", "nguoif"), 1);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(bounded_distance(&['a'; 3], &['b'; 3], 2), None);
    }

    #[test]
    fn finds_words_one_edit_away_from_four_letters() {
        let v = vocabulary(&["khai", "sinh", "khac", "thai", "cuoc"]);
        assert_eq!(similar(&v, "khia"), [("khai".to_string(), 1)]);
        assert_eq!(similar(&v, "sinhh"), [("sinh".to_string(), 1)]);
        assert_eq!(similar(&v, "cuco"), [("cuoc".to_string(), 1)]);
        // Three letters: too short to guess.
        assert!(similar(&v, "sih").is_empty());
        // The word itself is not a typo of itself.
        assert!(!similar(&v, "khai").iter().any(|(w, _)| w == "khai"));
    }

    #[test]
    fn finds_words_two_edits_away_from_seven_letters() {
        let v = vocabulary(&["nghiep", "chuyen", "nguoi", "thuong"]);
        assert_eq!(similar(&v, "chuyeenn"), [("chuyen".to_string(), 2)]);
        assert_eq!(similar(&v, "ngheipp"), [("nghiep".to_string(), 2)]);
        // Six letters: only one edit.
        assert!(similar(&v, "thuonn").iter().all(|(_, d)| *d == 1));
        assert!(similar(&v, "thoung").iter().any(|(w, _)| w == "thuong"));
    }

    #[test]
    fn completes_prefixes_in_order() {
        let v = vocabulary(&["sinh", "si", "sieu", "khai", "sim"]);
        let words: Vec<&str> = v.with_prefix("si").map(|id| v.word(id)).collect();
        assert_eq!(words, ["si", "sieu", "sim", "sinh"]);
        assert_eq!(v.with_prefix("x").count(), 0);
    }
}
