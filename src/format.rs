//! How numbers, fees and times read in Vietnamese.

use motcua_api::date::{Date, format_vietnamese, vietnam_local_time};
use motcua_api::{Channel, TimeUnit};

use crate::i18n::{FilingTexts, Texts};

/// `07/12/2026 lúc 14:05`, on the clock of Vietnam; `time_at` is the word between ("lúc", "at").
pub fn moment(unix_secs: i64, time_at: &str) -> String {
    let local = vietnam_local_time(unix_secs);
    format!(
        "{} {time_at} {:02}:{:02}",
        format_vietnamese(local.date),
        local.hour,
        local.minute
    )
}

/// `8000` → `8.000`: Vietnamese groups thousands with dots.
pub fn thousands(amount: u64) -> String {
    let digits = amount.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    grouped
}

/// The fee of a channel as a citizen reads it.
pub fn fee(channel: &Channel, texts: &Texts) -> String {
    match channel.fee_vnd {
        Some(0) => texts.free.to_string(),
        Some(amount) => format!("{} {}", thousands(amount), texts.currency),
        None if channel.fee_text.is_empty() => texts.no_information.to_string(),
        None => channel.fee_text.clone(),
    }
}

/// The processing time of a channel, e.g. `3 ngày làm việc`.
pub fn time(channel: &Channel, texts: &Texts) -> String {
    match channel.time {
        Some(time) if time.amount == 0.0 => texts.same_day.to_string(),
        Some(time) => {
            let unit = match time.unit {
                TimeUnit::WorkingDays => texts.working_days,
                TimeUnit::Days => texts.days,
                TimeUnit::WorkingHours => texts.working_hours,
                TimeUnit::Months => texts.months,
            };
            format!("{} {unit}", trim_float(time.amount))
        }
        None if channel.time_text.is_empty() => texts.no_information.to_string(),
        None => channel.time_text.clone(),
    }
}

/// `245 KB`, `1,5 MB`: a file's size as a phone shows it.
pub fn file_size(bytes: u64) -> String {
    const KB: u64 = 1024;
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        format!("{} KB", bytes.div_ceil(KB).max(1))
    } else {
        let tenths = (bytes * 10).div_ceil(MB);
        trim_float(tenths as f32 / 10.0) + " MB"
    }
}

/// `Thứ Hai, 07/12/2026`.
pub fn date_with_weekday(date: Date, texts: &FilingTexts) -> String {
    let weekday = texts.weekdays[usize::from(date.weekday().number_days_from_monday())];
    format!("{weekday}, {}", format_vietnamese(date))
}

fn trim_float(value: f32) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as u64)
    } else {
        format!("{value}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::{file_size, thousands};

    #[test]
    fn groups_thousands_with_dots() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(8000), "8.000");
        assert_eq!(thousands(1_250_000), "1.250.000");
    }

    #[test]
    fn sizes_read_in_kilobytes_or_megabytes() {
        assert_eq!(file_size(0), "1 KB");
        assert_eq!(file_size(250_000), "245 KB");
        assert_eq!(file_size(1024 * 1024), "1 MB");
        assert_eq!(file_size(1_572_864), "1,5 MB");
    }
}
