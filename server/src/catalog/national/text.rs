//! Small text rules shared by the field parsers: blanks, white space, Vietnamese numbers and
//! syllables, and the list-like fields (steps, conditions, results).

/// What the source writes where it has nothing to say.
const NO_INFORMATION: [&str; 5] = [
    "không có thông tin",
    "không",
    "không quy định",
    "không có",
    "chưa có thông tin",
];

/// Empty, dashes only (`--`), or a "no information" phrase.
pub fn is_blank(text: &str) -> bool {
    let text = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '.' | '–'));
    text.is_empty() || NO_INFORMATION.contains(&text.to_lowercase().as_str())
}

/// Collapses runs of white space into one space and trims.
pub fn clean(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` without a leading `prefix`, compared without regard to case (Vietnamese letters too).
pub fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let mut chars = text.char_indices();
    for expected in prefix.chars() {
        let (_, found) = chars.next()?;
        if !found.to_lowercase().eq(expected.to_lowercase()) {
            return None;
        }
    }
    Some(chars.next().map_or("", |(index, _)| &text[index..]))
}

/// The leading run of digits, `.` and `,` (a number as written), without a trailing separator.
pub fn number_token(text: &str) -> Option<(&str, &str)> {
    let end = text
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(text.len());
    let token = text[..end].trim_end_matches(['.', ',']);
    token
        .starts_with(|c: char| c.is_ascii_digit())
        .then(|| (token, &text[token.len()..]))
}

/// Reads a number as the catalog writes it: `8.000` and `100,000` (thousands), `1.200.000`,
/// `0,5` and `1.5` (decimals), `03`. `None` when the grouping makes no sense (`1100,000`).
pub fn parse_number(token: &str) -> Option<f64> {
    let separators: Vec<char> = token.chars().filter(|c| matches!(c, '.' | ',')).collect();
    let normalized = match separators.as_slice() {
        [] => token.to_string(),
        [single] => {
            let (head, tail) = token.split_once(*single)?;
            if tail.len() == 3 && head.len() > 3 {
                return None;
            }
            if tail.len() == 3 && head != "0" {
                format!("{head}{tail}")
            } else {
                format!("{head}.{tail}")
            }
        }
        [first, .., last] if first == last => {
            let mut groups = token.split(*first);
            let head = groups.next()?;
            let well_grouped =
                (1..=3).contains(&head.len()) && groups.all(|group| group.len() == 3);
            if !well_grouped {
                return None;
            }
            token.replace(*first, "")
        }
        [.., last] => {
            // `1.200,5`: the last separator is the decimal one.
            let (whole, fraction) = token.rsplit_once(*last)?;
            format!("{}.{fraction}", whole.replace(['.', ','], ""))
        }
    };
    normalized.parse().ok()
}

/// Every amount written in `text`, with `triệu` (million) and `nghìn`/`ngàn` (thousand) applied.
pub fn amounts_in(text: &str) -> Vec<f64> {
    let mut amounts = Vec::new();
    let mut rest = text;
    while let Some(position) = rest.find(|c: char| c.is_ascii_digit()) {
        let preceded_by_digit = rest[..position].ends_with(|c: char| c.is_ascii_digit());
        let Some((token, after)) = number_token(&rest[position..]) else {
            break;
        };
        if !preceded_by_digit && let Some(value) = parse_number(token) {
            let word = after.trim_start();
            let factor = if strip_prefix_ci(word, "triệu").is_some() {
                1_000_000.0
            } else if strip_prefix_ci(word, "nghìn").is_some()
                || strip_prefix_ci(word, "ngàn").is_some()
            {
                1_000.0
            } else {
                1.0
            };
            amounts.push(value * factor);
        }
        rest = after;
    }
    amounts
}

/// Vietnamese consonant letters (and the foreign ones); every other letter is a vowel.
fn is_consonant(c: char) -> bool {
    "bcdđfghjklmnpqrstvwxz".contains(c)
}

/// Whether `word` (lowercase) is one Vietnamese syllable: initial consonants, vowels, final
/// consonants. Used to tell where a word glued to a code begins (`NĐ-CPNghị`, `BTCSỬA`).
pub fn is_syllable(word: &str) -> bool {
    const INITIALS: [&str; 12] = [
        "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "qu", "th", "tr", "",
    ];
    const FINALS: [&str; 9] = ["ch", "ng", "nh", "c", "m", "n", "p", "t", ""];
    let word = word.to_lowercase();
    let after_initial = INITIALS
        .iter()
        .filter_map(|initial| word.strip_prefix(initial))
        .map(|rest| {
            // A single consonant initial when no cluster matched.
            match rest.chars().next() {
                Some(first) if rest.len() == word.len() && is_consonant(first) => {
                    &rest[first.len_utf8()..]
                }
                _ => rest,
            }
        })
        .find(|rest| {
            rest.chars()
                .next()
                .is_some_and(|c| c.is_alphabetic() && !is_consonant(c))
        });
    let Some(rest) = after_initial else {
        return false;
    };
    let vowels_end = rest
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic() || is_consonant(*c))
        .map_or(rest.len(), |(index, _)| index);
    let vowels = rest[..vowels_end].chars().count();
    (1..=3).contains(&vowels) && FINALS.contains(&&rest[vowels_end..])
}

/// Removes a leading list bullet (`-`, `+`, `*`, `•`) and the spaces after it.
pub fn strip_bullet(line: &str) -> &str {
    line.trim_start()
        .trim_start_matches(['-', '+', '*', '•', '–', '\u{f0b7}'])
        .trim_start()
}

/// `Bước 1: ...` (maybe after a bullet or an `a)` label) starts a step.
fn starts_step(line: &str) -> bool {
    let line = strip_bullet(line);
    let line = match line.split_once(')') {
        Some((label, rest)) if label.chars().count() <= 4 && !label.contains(' ') => {
            rest.trim_start()
        }
        _ => line,
    };
    strip_prefix_ci(line, "bước")
        .map(str::trim_start)
        .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
}

/// Splits a line before each `Bước N:` that follows the end of a sentence.
fn split_inline_steps(line: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (index, _) in line.match_indices("Bước") {
        let before = line[..index].trim_end();
        let after = line[index + "Bước".len()..].trim_start();
        let digits = after
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(after.len());
        let marked = digits > 0 && after[digits..].trim_start().starts_with([':', '.']);
        if index > start && marked && before.ends_with(['.', ';', ':']) {
            parts.push(&line[start..index]);
            start = index;
        }
    }
    parts.push(&line[start..]);
    parts
}

/// `Bước N` paragraphs become one step each, with their following lines; without such markers,
/// each line is a step.
pub fn steps(source: &str) -> Vec<String> {
    if is_blank(source) {
        return Vec::new();
    }
    let lines: Vec<&str> = source
        .lines()
        .flat_map(split_inline_steps)
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    let has_markers = lines.iter().any(|line| starts_step(line));
    let mut steps: Vec<String> = Vec::new();
    for line in lines {
        let text = clean(strip_bullet(line));
        if text.is_empty() {
            continue;
        }
        match steps.last_mut() {
            Some(last) if has_markers && !starts_step(line) => {
                last.push('\n');
                last.push_str(&text);
            }
            _ => steps.push(text),
        }
    }
    steps
}

/// Conditions: one per line, without the `+`, `-` or `•` bullet.
pub fn bullets(source: &str) -> Vec<String> {
    if is_blank(source) {
        return Vec::new();
    }
    source
        .lines()
        .map(|line| clean(strip_bullet(line)))
        .filter(|line| !is_blank(line))
        .collect()
}

/// The result field carries a result code after each name (`<name>Mã: KQ.G17.000001<name>...`)
/// and the portal's page furniture at the end (`Từ khóa...Mô tả...Nộp hồ sơ`); keeps the names.
pub fn result_names(source: &str) -> String {
    const CODE: &str = "Mã: ";
    const FURNITURE: &str = "Từ khóa";
    let mut names = Vec::new();
    let mut rest = source;
    loop {
        let code = rest.find(CODE);
        let furniture = rest.find(FURNITURE);
        let end = match (code, furniture) {
            (Some(code), Some(furniture)) => code.min(furniture),
            (one, other) => one.or(other).unwrap_or(rest.len()),
        };
        let name = clean(rest[..end].trim_start_matches(['.', '-', '+', ' ', ':']));
        if !is_blank(&name) && !names.contains(&name) {
            names.push(name);
        }
        if code != Some(end) {
            break;
        }
        // The code (`KQ.G17.000001`, `KQ-G10-KQ-000002`) ends with its last digit.
        let after = &rest[end + CODE.len()..];
        let run = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_')))
            .unwrap_or(after.len());
        let code_end = after[..run]
            .rfind(|c: char| c.is_ascii_digit())
            .map_or(0, |index| index + 1);
        rest = &after[code_end..];
    }
    names.join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_written() {
        assert_eq!(parse_number("8.000"), Some(8000.0));
        assert_eq!(parse_number("100,000"), Some(100_000.0));
        assert_eq!(parse_number("2,000,000"), Some(2_000_000.0));
        assert_eq!(parse_number("1.200.000"), Some(1_200_000.0));
        assert_eq!(parse_number("0,5"), Some(0.5));
        assert_eq!(parse_number("1.5"), Some(1.5));
        assert_eq!(parse_number("03"), Some(3.0));
        assert_eq!(parse_number("1100,000"), None);
        assert_eq!(
            amounts_in("Lệ phí: 135.000 đồng/lần; 02 triệu đồng"),
            [135_000.0, 2_000_000.0]
        );
    }

    #[test]
    fn syllables() {
        for word in [
            "nghị", "Thông", "luật", "quy", "sửa", "về", "giấy", "hướng", "ĐỊNH", "a",
        ] {
            assert!(is_syllable(word), "{word}");
        }
        for word in ["pquy", "aquy", "caquy", "tcsửa", "bca", "nd", "cp"] {
            assert!(!is_syllable(word), "{word}");
        }
    }

    #[test]
    fn blanks() {
        for text in ["", "--", "----", "Không có thông tin", "Không", " không. "] {
            assert!(is_blank(text), "{text}");
        }
        assert!(!is_blank("Không quá 5 ngày"));
    }
}
