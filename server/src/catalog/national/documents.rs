//! `thanh_phan_ho_so` (documents with their quantities) and `can_cu_phap_ly` (laws and their
//! numbers), both tables flattened into one string.

use motcua_api::{LegalDocument, RequiredDocument};

use super::text::{clean, leading_number};

const DOCUMENT_HEADER: &str = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
const LEGAL_HEADER: &str = "Tên văn bản pháp lýMã văn bản";
const TEMPLATE_EXTENSIONS: [&str; 6] = [".docx", ".doc", ".pdf", ".xlsx", ".xls", ".rtf"];

/// Each document row ends with its quantity: `1 bản chính`, `0 bản chính,1 bản sao`, `2 bản sao`.
pub fn parse(source: &str) -> Vec<RequiredDocument> {
    let mut documents = Vec::new();
    // A record may hold several tables (one per case); the text before a table heads it.
    for table in source.split(DOCUMENT_HEADER).skip(1) {
        let mut rest = table;
        while let Some((name_end, originals, copies, after)) = next_quantity(rest) {
            let (name, template) = split_template(&rest[..name_end]);
            if !name.is_empty() {
                documents.push(RequiredDocument {
                    mandatory: !is_conditional(&name),
                    name,
                    template,
                    originals,
                    copies,
                });
            }
            rest = after;
        }
    }
    documents
}

/// Finds the next quantity; returns where the row's name ends, the counts, and the text after.
fn next_quantity(text: &str) -> Option<(usize, u32, u32, &str)> {
    let mut search_from = 0;
    while let Some(found) = text[search_from..].find(" bản ") {
        let marker = search_from + found;
        search_from = marker + 1;
        let digits_start = text[..marker]
            .rfind(|c: char| !c.is_ascii_digit())
            .map_or(0, |index| {
                index + text[index..].chars().next().map_or(1, char::len_utf8)
            });
        if digits_start == marker {
            continue;
        }
        let count: u32 = text[digits_start..marker].parse().ok()?;
        let after = &text[marker + " bản ".len()..];
        let (originals, mut copies, mut rest) = if let Some(rest) = after.strip_prefix("chính") {
            (count, 0, rest)
        } else if let Some(rest) = after.strip_prefix("sao") {
            (0, count, rest)
        } else {
            continue;
        };
        if let Some(second) = rest.strip_prefix(',').map(str::trim_start)
            && let Some((extra, after_number)) = leading_number(second)
            && let Some(tail) = after_number.trim_start().strip_prefix("bản sao")
        {
            copies = extra as u32;
            rest = tail;
        }
        return Some((digits_start, originals, copies, rest));
    }
    None
}

/// A row name may end with a template file glued to it: `Tờ khai (Mẫu số 03).Mẫu 03.TT41.doc`.
fn split_template(row: &str) -> (String, Option<String>) {
    let row = row
        .trim()
        .trim_start_matches(['-', '+', '*', '•'])
        .trim_start();
    let lower = row.to_lowercase();
    let Some(extension) = TEMPLATE_EXTENSIONS.iter().find(|ext| lower.ends_with(*ext)) else {
        return (clean(row), None);
    };
    // The template starts right after the name's closing `.`, `;` or `)` with no space between.
    let boundary = row
        .char_indices()
        .zip(row.chars().skip(1))
        .find(|((_, c), next)| matches!(c, '.' | ';' | ')' | ':') && next.is_uppercase())
        .map(|((index, c), _)| index + c.len_utf8());
    match boundary {
        Some(index) if index < row.len() - extension.len() => (
            clean(row[..index].trim_end_matches(['.', ';', ':'])),
            Some(clean(&row[index..])),
        ),
        _ => (clean(row), None),
    }
}

fn is_conditional(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.contains("nếu có")
        || lower.starts_with("trường hợp")
        || lower.contains("(nếu")
        || lower.contains("đối với trường hợp")
}

/// Entries are `<title><number>` glued together: `Luật Hộ tịch60/2014/QH13Nghị định ...`.
pub fn parse_legal_basis(source: &str) -> Vec<LegalDocument> {
    let Some(body) = source.trim().strip_prefix(LEGAL_HEADER) else {
        return Vec::new();
    };
    let mut documents: Vec<LegalDocument> = Vec::new();
    let mut title_start = 0;
    let mut index = 0;
    while index < body.len() {
        if let Some(length) = number_at(&body[index..]) {
            let number = &body[index..index + length];
            let title = clean(&body[title_start..index]);
            // A title may itself end with the number (`Luật 51/2019/QH14` + `51/2019/QH14`).
            let title = if title.is_empty() {
                number.to_string()
            } else {
                title
            };
            documents.push(LegalDocument {
                title,
                number: number.to_string(),
            });
            index += length;
            title_start = index;
        } else {
            index += body[index..].chars().next().map_or(1, char::len_utf8);
        }
    }
    documents
        .dedup_by(|next, previous| next.number == previous.number && next.title == next.number);
    documents
}

/// Length of a document number (`47/2014/QH13`, `25/2021/TT-BTC`, `82/2015/NĐ-CP`) starting here,
/// when the text that follows begins a new title (not another number of the same title).
fn number_at(text: &str) -> Option<usize> {
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    if digits == 0 || !text[digits..].starts_with('/') {
        return None;
    }
    let year = &text.as_bytes()[digits + 1..];
    if year.len() < 5 || !year[..4].iter().all(u8::is_ascii_digit) || year[4] != b'/' {
        return None;
    }
    let suffix_start = digits + 6;
    let mut end = suffix_start;
    let mut previous_upper = false;
    for (offset, c) in text[suffix_start..].char_indices() {
        let position = suffix_start + offset;
        if c.is_lowercase() && previous_upper {
            // `QH13Quy`: the `Q` begins the next title.
            end = text[..end]
                .char_indices()
                .last()
                .map_or(end, |(last, _)| last);
            break;
        }
        if c.is_ascii_digit() && number_at_start(&text[position..]) {
            break;
        }
        if !(c.is_uppercase() || c.is_ascii_digit() || c == '-') {
            break;
        }
        previous_upper = c.is_uppercase();
        end = position + c.len_utf8();
    }
    (end > suffix_start).then_some(end)
}

fn number_at_start(text: &str) -> bool {
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    digits > 0 && text[digits..].starts_with('/')
}
