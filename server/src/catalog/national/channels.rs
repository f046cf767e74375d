//! `cach_thuc_thuc_hien`: `Hình thức nộpThời gianPhí, lệ phíMô tả` then, per channel, its name,
//! time, fee and description run together.

use motcua_api::{Channel, ChannelKind, ProcessingTime, TimeUnit};

use super::text::{clean, is_blank, leading_number};

const HEADER: &str = "Hình thức nộpThời gianPhí, lệ phíMô tả";

const CHANNEL_NAMES: [(&str, ChannelKind); 3] = [
    ("Trực tiếp", ChannelKind::Counter),
    ("Trực tuyến", ChannelKind::Online),
    ("Dịch vụ bưu chính", ChannelKind::Post),
];

/// Units as written after the number, longest first so `Ngày làm việc` wins over `Ngày`.
const UNITS: [(&str, TimeUnit); 6] = [
    ("Ngày làm việc", TimeUnit::WorkingDays),
    ("Giờ làm việc", TimeUnit::WorkingHours),
    ("Ngày", TimeUnit::Days),
    ("Giờ", TimeUnit::WorkingHours),
    ("Tháng", TimeUnit::Months),
    ("Năm", TimeUnit::Months),
];

/// Fees that say there is nothing to pay.
const FREE: [&str; 3] = ["Miễn phí", "Không thu phí", "Không thu"];
/// Fee phrases that say nothing; the row's fee is then unknown.
const UNKNOWN_FEE: [&str; 1] = ["Không có thông tin"];

pub fn parse(source: &str) -> Vec<Channel> {
    let body = source.trim().strip_prefix(HEADER).unwrap_or(source.trim());
    let starts = row_starts(body);
    starts
        .iter()
        .enumerate()
        .map(|(index, &(start, name_len, kind))| {
            let end = starts.get(index + 1).map_or(body.len(), |next| next.0);
            parse_row(kind, &body[start + name_len..end])
        })
        .collect()
}

/// Where each channel row starts: a channel name followed by its time (a digit or `Trong`),
/// so the same words inside a description are not taken for a new row.
fn row_starts(body: &str) -> Vec<(usize, usize, ChannelKind)> {
    let mut starts = Vec::new();
    for (name, kind) in CHANNEL_NAMES {
        for (index, _) in body.match_indices(name) {
            let rest = &body[index + name.len()..];
            if rest.starts_with(|c: char| c.is_ascii_digit())
                || rest.starts_with("Trong")
                || rest.starts_with("Không có thông tin")
            {
                starts.push((index, name.len(), kind));
            }
        }
    }
    starts.sort_by_key(|start| start.0);
    starts
}

fn parse_row(kind: ChannelKind, row: &str) -> Channel {
    let (time, time_text, rest) = parse_time(row);
    let (fee_vnd, fee_text, note) = parse_fee(rest);
    Channel {
        kind,
        time,
        time_text,
        fee_vnd,
        fee_text,
        note,
    }
}

fn parse_time(row: &str) -> (Option<ProcessingTime>, String, &str) {
    if let Some(rest) = row.strip_prefix("Trong ngày") {
        let time = ProcessingTime {
            amount: 0.0,
            unit: TimeUnit::WorkingDays,
        };
        return (Some(time), "Trong ngày".into(), rest);
    }
    if let Some(rest) = row.strip_prefix("Không có thông tin") {
        return (None, String::new(), rest);
    }
    let Some((amount, after)) = leading_number(row) else {
        return (None, String::new(), row);
    };
    let after_space = after.trim_start();
    for (word, unit) in UNITS {
        if let Some(rest) = after_space.strip_prefix(word) {
            let text = clean(&row[..row.len() - rest.len()]);
            let time = ProcessingTime {
                amount: amount as f32,
                unit,
            };
            return (Some(time), text, rest);
        }
    }
    // A bare number: the unit is not said, so no date can be computed from it.
    (None, clean(&row[..row.len() - after.len()]), after)
}

/// The fee is the start of what follows the time; anything after a known fee phrase is the
/// description.
fn parse_fee(rest: &str) -> (Option<u64>, String, String) {
    for phrase in FREE {
        if let Some(note) = rest.strip_prefix(phrase) {
            return (Some(0), phrase.into(), description(note));
        }
    }
    for phrase in UNKNOWN_FEE {
        if let Some(note) = rest.strip_prefix(phrase) {
            return (None, String::new(), description(note));
        }
    }
    let text = clean(rest);
    (single_vnd_amount(&text), text, String::new())
}

fn description(note: &str) -> String {
    if is_blank(note) {
        String::new()
    } else {
        clean(note)
    }
}

/// The amount when the text states exactly one amount in đồng and no foreign currency.
fn single_vnd_amount(text: &str) -> Option<u64> {
    let lower = text.to_lowercase();
    if lower.contains("usd") || lower.contains('%') {
        return None;
    }
    let mut amounts = Vec::new();
    let mut rest = lower.as_str();
    while let Some(position) = rest.find(|c: char| c.is_ascii_digit()) {
        let Some((amount, after)) = leading_number(&rest[position..]) else {
            break;
        };
        let after_trimmed = after.trim_start();
        if ["đồng", "đ/", "đ ", "vnđ", "vnd"]
            .iter()
            .any(|currency| after_trimmed.starts_with(currency))
            || after_trimmed == "đ"
        {
            amounts.push(amount);
        }
        rest = after;
    }
    match amounts.as_slice() {
        [amount] if amount.fract() == 0.0 => Some(*amount as u64),
        _ => None,
    }
}
