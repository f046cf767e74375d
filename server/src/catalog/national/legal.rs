//! `can_cu_phap_ly`: `Tên văn bản pháp lýMã văn bản`, then per law its title and its number run
//! together: `Luật Hộ tịch60/2014/QH13Nghị định 123/2015/NĐ-CP123/2015/NĐ-CPThông tư số
//! 04/2020/TT-BTP ngày 28/5/2020 ...04/2020/TT-BTP`. A title may contain numbers itself; the
//! number column is the one glued to the end of its title and followed by the next title (or
//! the end), while a number inside a title is spaced from its words or directly followed by the
//! number column.

use motcua_api::LegalDocument;

use super::text::{clean, is_blank, is_syllable};

const HEADER: &str = "Tên văn bản pháp lýMã văn bản";
/// Issuers that end a number (`NĐ-CP`, `TT-BTC`), to tell them from a title glued after them.
const ISSUERS: [&str; 33] = [
    "CP", "BTC", "NHNN", "BNNMT", "BCA", "BTP", "BGTVT", "BNNPTNT", "BXD", "BTNMT", "BLĐTBXH",
    "BKHĐT", "UBND", "HĐND", "BKHCN", "BNG", "LLTP", "BNV", "BYT", "BCT", "BVHTTDL", "BQP",
    "BGDĐT", "BTTTT", "VPCP", "TANDTC", "VKSNDTC", "CTN", "KTNN", "BNN", "BHXH", "UBDT", "TTCP",
];
/// Kinds of legal text; one glued to the end of a title belongs to the number column.
const KINDS: [&str; 11] = [
    "Bộ luật",
    "Luật",
    "Pháp lệnh",
    "Nghị quyết",
    "Nghị định",
    "Thông tư liên tịch",
    "Thông tư",
    "Quyết định",
    "Chỉ thị",
    "Công văn",
    "Văn bản hợp nhất",
];

pub fn parse(source: &str) -> Vec<LegalDocument> {
    let Some(body) = source.trim().strip_prefix(HEADER) else {
        return Vec::new();
    };
    let mut documents: Vec<LegalDocument> = Vec::new();
    let mut title_start = 0;
    let mut from = 0;
    while let Some((start, end)) = next_number(body, from) {
        from = end;
        if title_start <= start && is_column(body, start, end) {
            let number = &body[start..end];
            let title = tidy_title(&body[title_start..start]);
            let title = if title.is_empty() {
                number.to_string()
            } else {
                title
            };
            documents.push(LegalDocument {
                title,
                number: number.to_string(),
            });
            title_start = end;
        }
    }
    let rest = tidy_title(&body[title_start..]);
    if !is_blank(&rest) {
        documents.push(LegalDocument {
            title: rest,
            number: String::new(),
        });
    }
    let mut unique: Vec<LegalDocument> = Vec::new();
    for document in documents {
        let known = unique.iter().any(|other| {
            other.number == document.number
                && (other.title == document.title || document.title == document.number)
        });
        if !known {
            unique.push(document);
        }
    }
    unique
}

/// Whether the number at `start..end` is the number column (see the module documentation).
fn is_column(body: &str, start: usize, end: usize) -> bool {
    let before = body[..start].chars().next_back();
    let after = &body[end..];
    let glued_before = before.is_some_and(|c| !c.is_whitespace() && c != '(');
    if after
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ';' | ','))
        .is_empty()
    {
        return true;
    }
    match after.chars().next() {
        Some(c) if c.is_ascii_digit() => false,
        Some(c) if c.is_alphabetic() => true,
        Some(c) if c.is_whitespace() => {
            let next = after.trim_start().chars().next();
            (glued_before || before.is_none())
                && next.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        }
        _ => false,
    }
}

/// The next number `N/YYYY/SUFFIX` (or `N/YYYY` ending the text) from byte `from`.
fn next_number(body: &str, from: usize) -> Option<(usize, usize)> {
    let bytes = body.as_bytes();
    let mut index = from;
    while index < bytes.len() {
        // A run of digits starts here (or right where the previous number ended: `QH1354/`).
        let starts_run =
            bytes[index].is_ascii_digit() && (index == from || !bytes[index - 1].is_ascii_digit());
        if starts_run && let Some(found) = number_at(body, index) {
            return Some(found);
        }
        index += 1;
    }
    None
}

fn number_at(body: &str, run_start: usize) -> Option<(usize, usize)> {
    let bytes = body.as_bytes();
    let run_end = run_start
        + bytes[run_start..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    let mut slash = run_end;
    // `30a/2008/NQ-CP`
    if bytes.get(slash).is_some_and(u8::is_ascii_lowercase) && bytes.get(slash + 1) == Some(&b'/') {
        slash += 1;
    }
    let year = slash + 1;
    let is_year = bytes.get(slash) == Some(&b'/')
        && bytes
            .get(year..year + 4)
            .is_some_and(|digits| digits.iter().all(u8::is_ascii_digit))
        && !bytes.get(year + 4).is_some_and(u8::is_ascii_digit);
    if !is_year {
        return None;
    }
    // A year glued before the number: `ngày 29/6/202443/2024/QH15`, `năm 201102/2011/QH13`.
    let mut start = run_start;
    let after_date = run_start > 0 && bytes[run_start - 1] == b'/';
    let year_first = bytes[run_start..].starts_with(b"19") || bytes[run_start..].starts_with(b"20");
    if run_end - run_start > 4 && (after_date || year_first) {
        start = run_start + 4;
    } else if after_date {
        return None;
    }
    let year_end = year + 4;
    if bytes.get(year_end) != Some(&b'/') {
        // `Nghị định số 85/2026` as the last number column.
        let rest = body[year_end..].trim_matches(|c: char| c.is_whitespace() || c == '.');
        return rest.is_empty().then_some((start, year_end));
    }
    let suffix = suffix_length(&body[year_end + 1..]);
    (suffix > 0).then_some((start, year_end + 1 + suffix))
}

/// Length of the issuer part (`QH13`, `NĐ-CP`, `TT-BTC`, `QĐ-TTg`) that opens `text`, which
/// the next title may follow without a space (`NĐ-CPNghị định`, `QH13Quy định`, `TT-BCAQUY ĐỊNH`).
fn suffix_length(text: &str) -> usize {
    let code_end = code_length(text);
    code_end - (text[..code_end].len() - text[..code_end].trim_end_matches(['-', '_', '&']).len())
}

fn code_length(text: &str) -> usize {
    let allowed = |c: char| c.is_uppercase() || c.is_ascii_digit() || matches!(c, '-' | '_' | '&');
    let chars: Vec<(usize, char)> = text.char_indices().take(40).collect();
    let mut end = 0;
    let mut at = 0;
    while let Some(&(index, c)) = chars.get(at) {
        if !allowed(c) {
            break;
        }
        let after_digit = at > 0 && chars[at - 1].1.is_ascii_digit();
        if c.is_alphabetic() && after_digit {
            // `QH13Quy`: a letter after the digits begins the next title.
            break;
        }
        if c.is_ascii_digit() && !after_digit && glued_number_follows(&text[index..]) {
            // The next number is glued: `NĐ-CP123/2015/NĐ-CP`, or `QH1449/2019/QH14` where
            // the assembly's term (`QH14`) keeps its two digits.
            let run = text[index..].bytes().take_while(u8::is_ascii_digit).count();
            let kept = if text[..index].ends_with("QH") {
                run.saturating_sub(1).min(2)
            } else {
                0
            };
            return index + kept;
        }
        end = index + c.len_utf8();
        at += 1;
    }
    let code = &text[..end];
    let next = &text[end..];
    if code.ends_with("TT") && next.starts_with('g') {
        return end + 1;
    }
    // A known issuer followed by more capitals or digits: the next title begins there
    // (`NĐ-CPNghị`, `TT-BTCThông`, `NĐ-CPLUẬT`).
    let part_start = code.rfind(['-', '_']).map_or(0, |dash| dash + 1);
    let part = &code[part_start..];
    if !ISSUERS.contains(&part)
        && let Some(issuer) = ISSUERS
            .iter()
            .filter(|issuer| part.len() > issuer.len() && part.starts_with(**issuer))
            .max_by_key(|issuer| issuer.len())
    {
        return part_start + issuer.len();
    }
    if next.starts_with(char::is_lowercase)
        && let Some(last) = code.chars().next_back().filter(|c| c.is_uppercase())
    {
        // `...BCAL` + `uật`: the last capital begins the next title's first word.
        let word: String = std::iter::once(last)
            .chain(next.chars().take_while(|c| c.is_lowercase()))
            .collect();
        if is_syllable(&word) {
            return end - last.len_utf8();
        }
    }
    let next_word: String = next
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect();
    if next.starts_with(char::is_whitespace)
        && next_word.chars().count() >= 2
        && next_word.chars().all(char::is_uppercase)
        && let Some(cut) = glued_capital_word(code)
    {
        // `TT-BCAQUY ĐỊNH`: a title in capitals glued to the issuer.
        return cut;
    }
    end
}

/// Where a capital word glued to the end of the issuer's last part begins (`BCAQUY` → `QUY`).
fn glued_capital_word(code: &str) -> Option<usize> {
    let part_start = code.rfind('-').map_or(0, |dash| dash + 1);
    let part: Vec<(usize, char)> = code[part_start..].char_indices().collect();
    (2..part.len().saturating_sub(2))
        .map(|at| part[at].0)
        .find(|&offset| is_syllable(&code[part_start + offset..]))
        .map(|offset| part_start + offset)
}

/// `49/2019/` right at the start of `text`.
fn glued_number_follows(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    digits > 0
        && bytes.get(digits) == Some(&b'/')
        && bytes
            .get(digits + 1..digits + 5)
            .is_some_and(|year| year.iter().all(u8::is_ascii_digit))
        && bytes.get(digits + 5) == Some(&b'/')
}

/// A title without separators around it, nor a kind of text glued to its end (`...môi
/// trườngLuật số`, which belongs to the number column).
fn tidy_title(text: &str) -> String {
    let text = clean(text);
    let mut title =
        text.trim_matches(|c: char| c.is_whitespace() || matches!(c, ';' | ',' | '-' | '–' | ':'));
    for kind in KINDS {
        for tail in [format!("{kind} số"), kind.to_string()] {
            if let Some(head) = title.strip_suffix(tail.as_str())
                && head.ends_with(|c: char| c.is_lowercase() || matches!(c, '.' | ';' | ')'))
            {
                title = head.trim_end_matches([';', ' ']);
            }
        }
    }
    title.to_string()
}
