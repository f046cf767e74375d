//! The synonym table and stop phrases, folded and indexed by first word.

use std::collections::{HashMap, HashSet};

use super::normalize::tokenize;
use super::synonyms::{QUERY_STOP_PHRASES, SYNONYMS};

/// One phrase-level rewrite, folded.
pub struct Rule {
    pub pattern: Vec<String>,
    pub alternatives: Vec<Vec<String>>,
}

/// The folded synonym table and stop phrases.
pub struct Lexicon {
    rules: Vec<Rule>,
    /// Every word of every pattern.
    words: HashSet<String>,
    by_first: HashMap<String, Vec<usize>>,
    stops: Vec<Vec<String>>,
}

impl Lexicon {
    pub fn new() -> Self {
        let mut merged: Vec<Rule> = Vec::new();
        for (patterns, meanings) in SYNONYMS {
            for pattern in patterns.split('|') {
                let pattern = tokenize(pattern);
                if pattern.is_empty() {
                    continue;
                }
                let alternatives: Vec<Vec<String>> = meanings.split('|').map(tokenize).collect();
                match merged.iter_mut().find(|rule| rule.pattern == pattern) {
                    Some(rule) => rule.alternatives.extend(alternatives),
                    None => merged.push(Rule {
                        pattern,
                        alternatives,
                    }),
                }
            }
        }
        for rule in &mut merged {
            let pattern = rule.pattern.clone();
            rule.alternatives
                .retain(|alternative| *alternative != pattern);
            rule.alternatives.dedup();
        }
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
        for (index, rule) in merged.iter().enumerate() {
            by_first
                .entry(rule.pattern[0].clone())
                .or_default()
                .push(index);
        }
        // Longest pattern first, so the most specific phrase wins.
        for indices in by_first.values_mut() {
            indices.sort_by_key(|&index| std::cmp::Reverse(merged[index].pattern.len()));
        }
        let mut stops: Vec<Vec<String>> = QUERY_STOP_PHRASES.iter().map(|s| tokenize(s)).collect();
        stops.sort_by_key(|phrase| std::cmp::Reverse(phrase.len()));
        let words = merged
            .iter()
            .flat_map(|rule| rule.pattern.clone())
            .collect();
        Lexicon {
            words,
            rules: merged,
            by_first,
            stops,
        }
    }

    /// The longest rule whose pattern starts at `words[at]`.
    pub fn rule_at(&self, words: &[String], at: usize) -> Option<&Rule> {
        let candidates = self.by_first.get(&words[at])?;
        candidates
            .iter()
            .map(|&index| &self.rules[index])
            .find(|rule| words[at..].starts_with(&rule.pattern))
    }

    /// Length of the longest stop phrase starting at `words[at]`, 0 when none.
    pub fn stop_at(&self, words: &[String], at: usize) -> usize {
        self.stops
            .iter()
            .find(|phrase| words[at..].starts_with(phrase))
            .map_or(0, |phrase| phrase.len())
    }

    /// Whether `word` appears in some colloquial phrase (so it is not a typo to correct).
    pub fn knows(&self, word: &str) -> bool {
        self.words.contains(word)
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Lexicon::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text)
    }

    #[test]
    fn colloquial_names_map_to_catalog_wording() {
        let lexicon = Lexicon::new();
        let cases = [
            ("so do", "giay chung nhan quyen su dung dat"),
            ("Sổ hồng", "giay chung nhan quyen su dung dat"),
            ("bang lai xe", "giay phep lai xe"),
            ("CCCD", "the can cuoc"),
            ("chung minh nhan dan", "the can cuoc"),
            ("giay xac nhan doc than", "xac nhan tinh trang hon nhan"),
            ("giấy khai sinh", "dang ki khai sinh"),
            ("nhap ho khau", "dang ki thuong tru"),
            ("LLTP", "phieu li lich tu phap"),
            ("visa", "thi thuc"),
            ("passport", "ho chieu"),
            ("cong chung ban sao", "chung thuc ban sao tu ban chinh"),
            (
                "xin phep xay nha",
                "cap giay phep xay dung moi nha o rieng le",
            ),
        ];
        for (typed, meant) in cases {
            let typed = words(typed);
            let rule = lexicon
                .rule_at(&typed, 0)
                .unwrap_or_else(|| panic!("{typed:?}"));
            assert_eq!(rule.pattern, typed);
            assert!(
                rule.alternatives.iter().any(|a| a.join(" ") == meant),
                "{typed:?} → {:?}",
                rule.alternatives
            );
        }
    }

    #[test]
    fn longest_pattern_wins() {
        let lexicon = Lexicon::new();
        let typed = words("cap lai so do");
        assert_eq!(lexicon.rule_at(&typed, 0).unwrap().pattern.len(), 4);
        let typed = words("bang lai xe may");
        assert_eq!(
            lexicon.rule_at(&typed, 0).unwrap().pattern,
            words("bang lai xe")
        );
        assert!(lexicon.rule_at(&words("khai sinh"), 0).is_none());
    }

    #[test]
    fn abbreviations_go_both_ways() {
        let lexicon = Lexicon::new();
        let bhxh = lexicon.rule_at(&words("bhxh"), 0).unwrap();
        assert_eq!(bhxh.alternatives, [words("bao hiem xa hoi")]);
        let long = lexicon.rule_at(&words("bảo hiểm xã hội"), 0).unwrap();
        assert_eq!(long.alternatives, [words("bhxh")]);
    }

    #[test]
    fn stop_phrases_match_longest_first() {
        let lexicon = Lexicon::new();
        let typed = words("thủ tục hành chính đăng ký");
        assert_eq!(lexicon.stop_at(&typed, 0), 4);
        assert_eq!(lexicon.stop_at(&words("o dau"), 0), 2);
        assert_eq!(lexicon.stop_at(&words("khai sinh"), 0), 0);
        assert!(lexicon.knows("cccd"));
        assert!(!lexicon.knows("tich"));
    }
}
