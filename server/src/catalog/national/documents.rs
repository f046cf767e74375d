//! `thanh_phan_ho_so`: one or more tables `Tên giấy tờMẫu đơn, tờ khaiSố lượng`, each row a
//! document name, its template file(s) and its quantity, all run together:
//! `Tờ khai (Mẫu số 01).Mau01.doc1 bản chínhGiấy chứng sinh0 bản chính,1 bản sao`.
//! The text before a table heads it (`* Giấy tờ phải xuất trình:`, `Trường hợp ủy quyền:`); the
//! heading prefixes the names of the table's documents so that no case is lost or mixed up.

use motcua_api::RequiredDocument;

use super::text::{clean, is_blank, strip_bullet};

const HEADER: &str = "Tên giấy tờMẫu đơn, tờ khaiSố lượng";
/// Longest first: `.docx` before `.doc`.
const TEMPLATE_EXTENSIONS: [&str; 7] = [".docx", ".doc", ".pdf", ".xlsx", ".xls", ".rtf", ".odt"];
/// Headings longer than this (in characters) are shortened in the names.
const MAX_HEADING: usize = 160;
/// Headings that only say "the dossier comprises".
const GENERIC_HEADINGS: [&str; 5] = [
    "thành phần hồ sơ",
    "hồ sơ gồm",
    "hồ sơ bao gồm",
    "bao gồm",
    "giấy tờ gồm",
];

/// The documents; `None` when the text holds no table, or only rows that could not be read.
/// A table that only says `Không quy định` (nothing required) gives an empty list.
pub fn parse(source: &str) -> Option<Vec<RequiredDocument>> {
    let mut tables = source.split(HEADER);
    let mut heading = tables.next().unwrap_or_default();
    let mut documents = Vec::new();
    let mut nothing_required = false;
    for table in tables {
        nothing_required |= says_nothing_required(table);
        let prefix = heading_name(heading);
        let mut row_start = 0;
        while let Some(quantity) = next_quantity(table, row_start) {
            let (name, template) = split_template(&table[row_start..quantity.name_end]);
            row_start = quantity.end;
            let name = match (name.is_empty(), &template) {
                (false, _) => name,
                (true, Some(template)) => template.clone(),
                (true, None) => continue,
            };
            let name = match &prefix {
                Some(prefix) => format!("{prefix}: {name}"),
                None => name,
            };
            documents.push(RequiredDocument {
                mandatory: !is_conditional(&name),
                name,
                template,
                originals: quantity.originals,
                copies: quantity.copies,
            });
        }
        // What follows the last row heads the next table.
        heading = &table[row_start..];
    }
    (!documents.is_empty() || nothing_required).then_some(documents)
}

/// `Không quy định0 bản chính`: a single row saying no document is required.
fn says_nothing_required(table: &str) -> bool {
    let text = table.trim_end();
    let text = text
        .strip_suffix("bản chính")
        .or_else(|| text.strip_suffix("bản sao"))
        .map_or(text, |rest| {
            rest.trim_end()
                .trim_end_matches(|c: char| c.is_ascii_digit())
        });
    is_blank(text)
}

/// A row's quantity: `1 bản chính`, `0 bản chính,1 bản sao`, `2 bản sao`.
struct Quantity {
    /// Where the row's name (and template) ends.
    name_end: usize,
    end: usize,
    originals: u32,
    copies: u32,
}

/// The next quantity closing a row that starts at `row_start`. A quantity is glued to what
/// precedes or follows it; one written as a separate phrase (`nộp 01 bản sao có chứng thực`)
/// belongs to the name, and so does one with no name before it.
fn next_quantity(table: &str, row_start: usize) -> Option<Quantity> {
    const MARKER: &str = " bản ";
    let mut search_from = row_start;
    while let Some(found) = table.get(search_from..)?.find(MARKER) {
        let marker = search_from + found;
        search_from = marker + MARKER.len();
        let run_start = table[..marker]
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .len();
        if run_start == marker || run_start < row_start {
            continue;
        }
        let (count, count_start) = count_of(&table[run_start..marker], run_start);
        let after = &table[search_from..];
        let (originals, mut copies, mut rest) = if let Some(rest) = after.strip_prefix("chính") {
            (count, 0, rest)
        } else if let Some(rest) = after.strip_prefix("sao") {
            (0, count, rest)
        } else {
            continue;
        };
        if let Some(second) = rest.strip_prefix(',').map(str::trim_start) {
            let digits = second
                .find(|c: char| !c.is_ascii_digit())
                .unwrap_or(second.len());
            if digits > 0
                && let Some(tail) = second[digits..].strip_prefix(" bản sao")
            {
                copies = count_of(&second[..digits], 0).0;
                rest = tail;
            }
        }
        let end = table.len() - rest.len();
        let no_name = is_blank(&table[row_start..count_start]);
        // `nộp 01 bản sao có chứng thực`: a phrase of the name.
        let a_phrase = table[..run_start].ends_with(char::is_whitespace)
            && rest.starts_with(char::is_whitespace);
        // `(nếu có): 01 bản chính.1 bản chính`: the quantity column is the second one.
        let another_follows =
            starts_with_quantity(rest.trim_start_matches([';', '.', ',', ':', ' ']));
        // `Văn bản đề nghị (01 bản chính)0 bản chính`.
        let in_parentheses = table[..run_start].ends_with('(') || rest.starts_with(')');
        if !(no_name || a_phrase || another_follows || in_parentheses) {
            return Some(Quantity {
                name_end: count_start,
                end,
                originals,
                copies,
            });
        }
    }
    None
}

fn starts_with_quantity(text: &str) -> bool {
    let digits = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    digits > 0
        && (text[digits..].starts_with(" bản chính") || text[digits..].starts_with(" bản sao"))
}

/// The count in a run of digits glued to the name before it: `1`, `01`, but `20231` (a year then
/// `1`) and `181` (`Mẫu số 18` then `1`) count 1. Returns it and where its digits start.
fn count_of(run: &str, run_start: usize) -> (u32, usize) {
    let digits = if run.len() == 1 || (run.len() == 2 && run.starts_with('0')) {
        run
    } else {
        &run[run.len().saturating_sub(1)..]
    };
    let count = digits.parse().unwrap_or(0);
    (count, run_start + run.len() - digits.len())
}

/// A row ends with its template file(s) glued to the name: `...theo mẫu;Mẫu số 03.docx`,
/// `...đăng ký hoạt độngMẫu TP-LS-02-sđ.docx`, `Mau06.docxMau08.docx`.
fn split_template(row: &str) -> (String, Option<String>) {
    let row = row.trim();
    let ends = extension_ends(row);
    let (Some(&(first_start, _)), Some(&(_, last_end))) = (ends.first(), ends.last()) else {
        return (tidy_name(row), None);
    };
    if !is_blank(&row[last_end..]) {
        // A file name inside the text (`định dạng đuôi “.pdf”`), not a template.
        return (tidy_name(row), None);
    }
    let start = template_start(&row[..first_start]).unwrap_or_else(|| {
        // Nothing marks where the file name begins: take its last word.
        row[..first_start]
            .char_indices()
            .rfind(|(_, c)| c.is_whitespace())
            .map_or(0, |(space, c)| space + c.len_utf8())
    });
    let files: Vec<String> = ends
        .iter()
        .scan(start, |from, &(_, end)| {
            let file = clean(row[*from..end].trim_start_matches([';', ',', '.', ' ', '-']));
            *from = end;
            Some(file)
        })
        .filter(|file| !file.is_empty())
        .collect();
    (tidy_name(&row[..start]), Some(files.join(", ")))
}

/// Start and end of each template extension in `row` (an extension ends its word).
fn extension_ends(row: &str) -> Vec<(usize, usize)> {
    let mut ends = Vec::new();
    for (dot, _) in row.match_indices('.') {
        let extension = TEMPLATE_EXTENSIONS.iter().find(|extension| {
            row.get(dot..dot + extension.len())
                .is_some_and(|found| found.eq_ignore_ascii_case(extension))
        });
        if let Some(extension) = extension {
            let end = dot + extension.len();
            // Another file may follow at once (`Mau06.docxMau08.docx`), not more letters.
            if !row[end..].starts_with(|c: char| c.is_ascii_lowercase()) {
                ends.push((dot, end));
            }
        }
    }
    ends
}

/// Where the template glued after the name begins: the first place where the text runs on
/// without a space, after `;`, `:`, `)` or a sentence's `.`, or from a lower-case word into a
/// capital (`nhấtMẫu`, `NĐ-CPMẫu`, `2024Mẫu`).
fn template_start(text: &str) -> Option<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    (1..chars.len()).find_map(|at| {
        let (index, next) = chars[at];
        let current = chars[at - 1].1;
        let before = at.checked_sub(2).map(|k| chars[k].1);
        let after = chars.get(at + 1).map(|&(_, c)| c);
        let lower_follows = after.is_some_and(char::is_lowercase);
        let glued = match current {
            ';' | ':' | ')' => next.is_alphanumeric(),
            '.' => {
                (next.is_alphabetic() && before.is_some_and(|c| c.is_alphabetic() || c == ')'))
                    || (next.is_ascii_digit() && before.is_some_and(|c| c.is_lowercase() || c == ')'))
            }
            c if c.is_lowercase() => {
                (next.is_uppercase() && before.is_some_and(char::is_lowercase))
                    // `quy định1.002903.docx`, but not inside `Mau06.docx`.
                    || (next.is_ascii_digit() && !c.is_ascii() && before.is_some_and(char::is_lowercase))
            }
            c if c.is_uppercase() => {
                next.is_uppercase() && lower_follows && before.is_some_and(char::is_uppercase)
            }
            c if c.is_ascii_digit() => next.is_uppercase() && lower_follows,
            _ => false,
        };
        (glued && !tidy_name(&text[..index]).is_empty()).then_some(index)
    })
}

/// A name without its list bullet or label (`a)`, `(ii)`, `1.`) and trailing punctuation.
fn tidy_name(text: &str) -> String {
    let text = strip_label(strip_bullet(text.trim()));
    clean(
        text.trim_end_matches(|c: char| {
            c.is_whitespace() || matches!(c, ';' | ',' | ':' | '.' | '-')
        }),
    )
}

/// Removes a list label: `a) `, `đ) `, `(ii) `, `1. `, `2.1. `.
fn strip_label(text: &str) -> &str {
    let inner = text.strip_prefix('(').unwrap_or(text);
    let length = inner
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c.is_ascii_lowercase() || c == 'đ'))
        .unwrap_or(inner.len());
    let (label, rest) = inner.split_at(length);
    let letters = label.chars().count() == 1 && label != "."
        || (!label.is_empty() && label.chars().all(|c| matches!(c, 'i' | 'v' | 'x')));
    let numbers = !label.is_empty() && label.chars().all(|c| c.is_ascii_digit() || c == '.');
    if let Some(after) = rest.strip_prefix(')')
        && (letters || numbers)
        && label.len() <= 5
    {
        return after.trim_start();
    }
    if numbers && label.ends_with('.') && rest.starts_with(' ') && !text.starts_with('(') {
        return rest.trim_start();
    }
    text
}

/// The heading of a table as a name prefix; `None` when there is none or it says nothing.
fn heading_name(text: &str) -> Option<String> {
    let text = clean(strip_label(strip_bullet(
        text.trim().trim_start_matches('-'),
    )));
    let text = text
        .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ':' | ';' | ',' | '.'))
        .trim_start_matches(['*', ' ']);
    let lower = text.to_lowercase();
    let generic = text.chars().count() < 50
        && GENERIC_HEADINGS
            .iter()
            .any(|generic| lower.starts_with(generic));
    if is_blank(text) || generic {
        return None;
    }
    if text.chars().count() <= MAX_HEADING {
        return Some(text.to_string());
    }
    let cut: String = text.chars().take(MAX_HEADING).collect();
    let cut = cut.rfind(' ').map_or(cut.as_str(), |space| &cut[..space]);
    Some(format!("{}…", cut.trim_end_matches([',', ';', ':'])))
}

/// Documents asked for only in some cases: `(nếu có)`, `trường hợp ...`, `nếu ...`.
fn is_conditional(name: &str) -> bool {
    let lower = name.to_lowercase();
    lower.contains("nếu") || lower.contains("trường hợp")
}
