//! How numbers, fees and times read in Vietnamese.

use motcua_api::{Channel, TimeUnit};

use crate::i18n::Texts;

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

fn trim_float(value: f32) -> String {
    if value.fract() == 0.0 {
        format!("{}", value as u64)
    } else {
        format!("{value}").replace('.', ",")
    }
}

#[cfg(test)]
mod tests {
    use super::thousands;

    #[test]
    fn groups_thousands_with_dots() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(8000), "8.000");
        assert_eq!(thousands(1_250_000), "1.250.000");
    }
}
