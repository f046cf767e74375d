//! `cach_thuc_thuc_hien`: `Hình thức nộpThời gianPhí, lệ phíMô tả`, then per channel its name,
//! time, fee (with the fee's own note in parentheses) and description, all run together:
//! `Trực tiếp5 Ngày làm việc100,000 Việt Nam Đồng(/hồ sơ)Nộp tại Bộ phận Một cửaTrực tuyến...`.
//!
//! Fee rule: `fee_vnd` is the one amount in đồng the row states (0 when free). It is `None` for
//! foreign currencies, when the row states several different amounts, when "free" comes with
//! amounts or a fee left to the province (HĐND), and when the amount cannot be trusted: the
//! catalog sometimes writes thousands (`20 VNĐ` for 20.000 đồng), which is only accepted when the
//! row's own text confirms the full amount, and it glues a unit-less time to the fee (`Trực
//! tuyến120 VNĐ` is time `1`, fee 20.000), which is only split when the text confirms the split.

use motcua_api::{Channel, ChannelKind, ProcessingTime, TimeUnit};

use super::text::{amounts_in, clean, is_blank, number_token, parse_number, strip_prefix_ci};

const HEADER: &str = "Hình thức nộpThời gianPhí, lệ phíMô tả";

const CHANNEL_NAMES: [(&str, ChannelKind); 3] = [
    ("Trực tiếp", ChannelKind::Counter),
    ("Trực tuyến", ChannelKind::Online),
    ("Dịch vụ bưu chính", ChannelKind::Post),
];

/// Units after a number, longest first (`ngày làm việc` before `ngày`), with the factor that
/// turns the amount into the unit kept.
const UNITS: [(&str, TimeUnit, f32); 7] = [
    ("ngày làm việc", TimeUnit::WorkingDays, 1.0),
    ("giờ làm việc", TimeUnit::WorkingHours, 1.0),
    ("ngày", TimeUnit::Days, 1.0),
    ("giờ", TimeUnit::WorkingHours, 1.0),
    ("tuần", TimeUnit::Days, 7.0),
    ("tháng", TimeUnit::Months, 1.0),
    ("năm", TimeUnit::Months, 12.0),
];

/// Currencies after an amount, longest first; `true` for đồng.
const CURRENCIES: [(&str, bool); 8] = [
    ("việt nam đồng", true),
    ("vnđ", true),
    ("vnd", true),
    ("đồng", true),
    ("đ", true),
    ("usd", false),
    ("đô la mỹ", false),
    ("eur", false),
];

const FREE: [&str; 3] = ["Miễn phí", "Không thu phí", "Không mất phí"];
const UNKNOWN: &str = "Không có thông tin";
/// How far after a channel name its fee may start, for the name to begin a row.
const MAX_TIME_TEXT: usize = 300;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Fee<'a> {
    Free,
    Unknown,
    /// The amount as written and whether it is in đồng.
    Amount {
        token: &'a str,
        vnd: bool,
    },
}

pub fn parse(source: &str) -> Vec<Channel> {
    let text = source.trim();
    let body = text.strip_prefix(HEADER).unwrap_or(text);
    let starts = row_starts(body);
    starts
        .iter()
        .enumerate()
        .map(|(index, &(start, content, kind))| {
            let end = starts.get(index + 1).map_or(body.len(), |next| next.0);
            debug_assert!(start <= content && content <= end);
            parse_row(kind, &body[content..end])
        })
        .collect()
}

/// Where each row starts and where its content (after the channel name) starts. A channel name
/// begins a row at the very start, or when its time is glued to it (a digit or a capital) and a
/// fee follows soon; the same words inside a description (`- Trực tiếp tại ...`) do not.
fn row_starts(body: &str) -> Vec<(usize, usize, ChannelKind)> {
    let mut starts = Vec::new();
    for (name, kind) in CHANNEL_NAMES {
        for (index, _) in body.match_indices(name) {
            let content = index + name.len();
            let after = &body[content..];
            let glued = after
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || c.is_uppercase());
            let fee_soon = || first_fee(after, MAX_TIME_TEXT).is_some();
            if index == 0 || (glued && (time_at(after).is_some() || fee_soon())) {
                starts.push((index, content, kind));
            }
        }
    }
    starts.sort_by_key(|start| start.0);
    starts
}

fn parse_row(kind: ChannelKind, row: &str) -> Channel {
    let row = row.trim_start();
    let (time, mut time_text, rest) = split_time(row);
    let (fees, fee_text, note) = split_fees(rest);
    let note = if is_blank(note) {
        String::new()
    } else {
        clean(note)
    };
    let context = format!("{fee_text} {note}");
    let mut fee_vnd = fee_value(&fees, &fee_text, &context);
    let mut fee_text = if fees.iter().all(|fee| *fee == Fee::Unknown) {
        String::new()
    } else {
        fee_text
    };
    // `Trực tuyến120 VNĐ(20.000 vnđ/tờ khai)`: no time, the time's digits glued to the fee's.
    if time.is_none()
        && time_text.is_empty()
        && let [Fee::Amount { token, vnd: true }] = fees.as_slice()
        && row.starts_with(*token)
    {
        fee_vnd = None;
        if let Some((digits, amount)) = split_glued_time(token, &context) {
            time_text = digits.to_string();
            if let Some(fee) = fee_text.strip_prefix(digits) {
                fee_text = fee.to_string();
            }
            fee_vnd = Some(amount);
        }
    }
    Channel {
        kind,
        time,
        time_text,
        fee_vnd,
        fee_text,
        note,
    }
}

/// The time at the start of the row; returns it, its text as published, and the rest.
fn split_time(row: &str) -> (Option<ProcessingTime>, String, &str) {
    if let Some(rest) = strip_prefix_ci(row, "Trong ngày") {
        let same_day = ProcessingTime {
            amount: 0.0,
            unit: TimeUnit::WorkingDays,
        };
        return (Some(same_day), "Trong ngày".into(), rest);
    }
    if let Some((time, mut rest)) = time_at(row) {
        // Further times glued after the first (`5 Ngày làm việc10 Ngày`) stay in the text.
        while let Some((_, more)) = time_at(rest) {
            rest = more;
        }
        return (Some(time), clean(&row[..row.len() - rest.len()]), rest);
    }
    if let Some((token, after)) = number_token(row)
        && fee_at(after).is_some()
    {
        // A bare number: its unit is not said, so no date can be computed from it.
        return (None, token.to_string(), after);
    }
    for phrase in [UNKNOWN, "Không quy định", "Không"] {
        if let Some(after) = strip_prefix_ci(row, phrase)
            && fee_at(after.trim_start()).is_some()
        {
            return (None, String::new(), after.trim_start());
        }
    }
    match first_fee(row, row.len()) {
        Some(position) => {
            let text = &row[..position];
            let time_text = if is_blank(text) {
                String::new()
            } else {
                clean(text)
            };
            (first_time_in(text), time_text, &row[position..])
        }
        None => (None, String::new(), row),
    }
}

/// `5 Ngày làm việc`, `03 ngày`, `0.5 Ngày làm việc`, `24 Giờ`, `3 Tháng` at the start of `text`.
fn time_at(text: &str) -> Option<(ProcessingTime, &str)> {
    let (token, after) = number_token(text)?;
    // A time beyond a few thousand units is a misreading (and must stay a finite `f32`).
    let amount = parse_number(token).filter(|amount| *amount < 100_000.0)? as f32;
    let after = after.trim_start();
    UNITS.iter().find_map(|(word, unit, factor)| {
        let rest = strip_prefix_ci(after, word)?;
        let time = ProcessingTime {
            amount: amount * factor,
            unit: *unit,
        };
        Some((time, rest))
    })
}

/// The first time written anywhere in a free-text time (`Không quá 02 ngày làm việc`).
fn first_time_in(text: &str) -> Option<ProcessingTime> {
    text.char_indices()
        .filter(|&(index, c)| {
            c.is_ascii_digit()
                && !text[..index].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',')
        })
        .find_map(|(index, _)| time_at(&text[index..]).map(|(time, _)| time))
}

/// A fee at the start of `text`, with its length.
fn fee_at(text: &str) -> Option<(Fee<'_>, usize)> {
    if let Some(phrase) = FREE.iter().find(|phrase| text.starts_with(**phrase)) {
        return Some((Fee::Free, phrase.len()));
    }
    if text.starts_with(UNKNOWN) {
        return Some((Fee::Unknown, UNKNOWN.len()));
    }
    // A bare `Không` (no fee), alone or with its note.
    if let Some(rest) = text.strip_prefix("Không")
        && (rest.trim().is_empty() || rest.starts_with('('))
    {
        return Some((Fee::Free, "Không".len()));
    }
    // `Lệ phí : 8.000 Đồng`, `Phí: 50.000 đồng/hồ sơ`, `100,000 Việt Nam Đồng`, `10 USD`.
    let mut body = text;
    for label in ["Lệ phí", "Phí"] {
        if let Some(rest) = strip_prefix_ci(body, label) {
            body = rest.trim_start().trim_start_matches(':').trim_start();
            break;
        }
    }
    let (token, after) = number_token(body)?;
    let after = after.trim_start();
    CURRENCIES.iter().find_map(|(currency, vnd)| {
        let rest = strip_prefix_ci(after, currency)?;
        if *currency == "đ" && rest.starts_with(char::is_alphabetic) {
            return None;
        }
        // What the amount is per: `đồng/hồ sơ`, `đồng/lần`.
        let per = rest.strip_prefix('/').map_or(0, |per| {
            let words = per
                .find(|c: char| !(c.is_lowercase() || c.is_ascii_digit() || c == ' '))
                .unwrap_or(per.len());
            1 + per[..words].trim_end().len()
        });
        Some((
            Fee::Amount { token, vnd: *vnd },
            text.len() - rest.len() + per,
        ))
    })
}

/// Where the first fee of `text` starts, if it starts by `limit` (an amount must not start
/// inside a number).
fn first_fee(text: &str, limit: usize) -> Option<usize> {
    text.char_indices()
        .map(|(index, _)| index)
        .take_while(|&index| index <= limit)
        .find(|&index| {
            let inside_number =
                text[..index].ends_with(|c: char| c.is_ascii_digit() || c == '.' || c == ',');
            match fee_at(&text[index..]) {
                Some((Fee::Amount { .. }, _)) => !inside_number,
                Some(_) => true,
                None => false,
            }
        })
}

/// The fees at the start of `text` (usually one), each with its note in parentheses; returns
/// them, their text as published, and the rest (the description).
fn split_fees(text: &str) -> (Vec<Fee<'_>>, String, &str) {
    let mut fees = Vec::new();
    let mut rest = text;
    while let Some((fee, length)) = fee_at(rest) {
        if !fees.is_empty() && fee == Fee::Unknown {
            break;
        }
        fees.push(fee);
        rest = &rest[length..];
        // An unknown fee has no note of its own: `Không có thông tin(1) Trường hợp ...`.
        if rest.starts_with('(') && fee != Fee::Unknown {
            rest = &rest[parenthesis_length(rest)..];
        }
    }
    let fee_text = clean(&text[..text.len() - rest.len()]);
    (fees, fee_text, rest)
}

/// Length of the parenthesis that opens `text`; when it is never closed, up to the last `)`.
fn parenthesis_length(text: &str) -> usize {
    let mut depth = 0usize;
    for (index, c) in text.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return index + 1;
                }
            }
            _ => {}
        }
    }
    text.rfind(')').map_or(text.len(), |index| index + 1)
}

/// The one amount in đồng the fees state (see the module documentation); `context` is the fee
/// text and the row's description.
fn fee_value(fees: &[Fee<'_>], fee_text: &str, context: &str) -> Option<u64> {
    let values: Vec<Option<u64>> = fees
        .iter()
        .map(|fee| match fee {
            Fee::Free => free_is_free(fee_text, context).then_some(0),
            Fee::Unknown => None,
            Fee::Amount { token, vnd } => vnd.then(|| vnd_amount(token, context)).flatten(),
        })
        .collect();
    match values.as_slice() {
        [first, others @ ..] if others.iter().all(|other| other == first) => *first,
        _ => None,
    }
}

/// "Free" whose text states amounts in đồng, or whose note leaves the fee to the province
/// (HĐND), is not free.
fn free_is_free(fee_text: &str, context: &str) -> bool {
    let lower = context.to_lowercase();
    let states_amount = ["đồng", "vnđ", "đ/"].iter().any(|currency| {
        lower.match_indices(currency).any(|(index, _)| {
            lower[..index]
                .trim_end()
                .trim_end_matches(|c: char| c.is_alphabetic() && c != 'đ')
                .trim_end()
                .ends_with(|c: char| c.is_ascii_digit())
        })
    });
    !states_amount && !fee_text.to_lowercase().contains("hội đồng nhân dân")
}

/// An amount in đồng; below 1.000 it is taken for thousands only when the text says so.
fn vnd_amount(token: &str, context: &str) -> Option<u64> {
    let value = parse_number(token)?;
    if value.fract() != 0.0 {
        return None;
    }
    if value == 0.0 || value >= 1000.0 {
        return Some(value as u64);
    }
    let thousands = value * 1000.0;
    amounts_in(context)
        .contains(&thousands)
        .then_some(thousands as u64)
}

/// Splits `120` into the time's digits `1` and the fee 20.000 when the text confirms the amount.
fn split_glued_time<'a>(token: &'a str, context: &str) -> Option<(&'a str, u64)> {
    let mentioned = amounts_in(context);
    (1..token.len().min(4))
        .filter(|&split| token[..split].bytes().all(|b| b.is_ascii_digit()))
        .find_map(|split| {
            let value = parse_number(&token[split..])?;
            let amount = if value < 1000.0 {
                value * 1000.0
            } else {
                value
            };
            (amount > 0.0 && mentioned.contains(&amount)).then(|| (&token[..split], amount as u64))
        })
}
