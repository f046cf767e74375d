//! Words typed without their spaces: "khaisinh", "dangky", "hochieu".

use super::index::Index;
use super::normalize::fold_final_y;
use super::vocabulary::allowed_edits;

/// Longest glued word tried (the split is quadratic in its length).
const MAX_GLUED_LEN: usize = 40;

/// Splits words typed without spaces ("khaisinh", "dangky") into catalog words, when every
/// neighbouring pair occurs side by side in the catalog, or when no typo explains the word.
pub fn split_glued(index: &Index, words: Vec<String>) -> Vec<String> {
    let mut out = Vec::with_capacity(words.len());
    for word in words {
        let unknown = index.vocabulary.get(&word).is_none() && !index.lexicon.knows(&word);
        if !unknown
            || !(4..=MAX_GLUED_LEN).contains(&word.len())
            || !word.bytes().all(|b| b.is_ascii_lowercase())
        {
            out.push(word);
            continue;
        }
        match segment(index, &word) {
            Some((parts, linked))
                if linked
                    || allowed_edits(word.len()) == 0
                    || index.vocabulary.similar(&word).is_empty() =>
            {
                out.extend(parts);
            }
            _ => out.push(word),
        }
    }
    out
}

/// The split of `word` into the fewest catalog words of two letters or more (then the most
/// pairs attested side by side), with whether every pair is attested.
fn segment(index: &Index, word: &str) -> Option<(Vec<String>, bool)> {
    let n = word.len();
    // best[j]: (parts, unattested pairs, start of last part, last word id) for word[..j].
    let mut best: Vec<Option<(usize, usize, usize, u32)>> = vec![None; n + 1];
    best[0] = Some((0, 0, 0, u32::MAX));
    for end in 2..=n {
        for start in 0..=end - 2 {
            let Some((parts, unattested, _, previous)) = best[start] else {
                continue;
            };
            let mut part = word[start..end].to_string();
            fold_final_y(&mut part);
            let Some(id) = index.vocabulary.get(&part) else {
                continue;
            };
            let linked = previous == u32::MAX || index.has_bigram(previous, id);
            let candidate = (parts + 1, unattested + usize::from(!linked), start, id);
            if best[end].is_none_or(|b| (candidate.0, candidate.1) < (b.0, b.1)) {
                best[end] = Some(candidate);
            }
        }
    }
    let (parts, unattested, _, _) = best[n]?;
    if parts < 2 {
        return None;
    }
    let mut pieces = Vec::with_capacity(parts);
    let mut end = n;
    while end > 0 {
        let (_, _, start, id) = best[end]?;
        pieces.push(index.vocabulary.word(id).to_string());
        end = start;
    }
    pieces.reverse();
    Some((pieces, unattested == 0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::index::from_names as index;

    fn split(index: &Index, text: &str) -> Vec<String> {
        split_glued(index, super::super::normalize::tokenize(text))
    }

    #[test]
    fn splits_words_typed_together() {
        let index = index(&[
            "Đăng ký khai sinh",
            "Cấp hộ chiếu phổ thông",
            "Học hiệu",
            "Đăng ký kết hôn",
        ]);
        assert_eq!(split(&index, "khaisinh"), ["khai", "sinh"]);
        // "ky" folds to "ki" inside the glued word too.
        assert_eq!(split(&index, "dangky kethon"), ["dang", "ki", "ket", "hon"]);
        assert_eq!(split(&index, "dangkykethon"), ["dang", "ki", "ket", "hon"]);
        // "ho|chieu" follow each other in a name, "hoc|hieu" as well: fewest parts, then
        // attested pairs decide.
        assert_eq!(split(&index, "hochieu"), ["ho", "chieu"]);
    }

    #[test]
    fn leaves_known_short_and_odd_words_alone() {
        let index = index(&["Đăng ký khai sinh"]);
        assert_eq!(split(&index, "khai sinh"), ["khai", "sinh"]);
        assert_eq!(split(&index, "cccd"), ["cccd"]);
        assert_eq!(split(&index, "xyzw"), ["xyzw"]);
        assert_eq!(split(&index, "sinhkhai2"), ["sinhkhai2"]);
    }
}
