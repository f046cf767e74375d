//! Calendar dates as citizens write them (`dd/mm/yyyy`) and as the API carries them (ISO 8601).

pub use time::{Date, Month, Weekday};

use crate::message::{Message, messages};

messages! {
    DATE_MISSING = "Hãy nhập ngày, ví dụ 27/03/1990.",
        "Enter a date, for example 27/03/1990.";
    DATE_FORMAT = "Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 27/03/1990.",
        "Enter the date as day/month/year, for example 27/03/1990.";
    DATE_NOT_REAL = "Ngày này không có thật, hãy kiểm tra ngày, tháng và năm.",
        "This date does not exist. Check the day, month and year.";
    /// A date of a period (statistics, inbox filters) that does not read as one.
    pub PERIOD_DATE_FORMAT = "Ngày có dạng ngày/tháng/năm, ví dụ 01/12/2026.",
        "Enter the date as day/month/year, for example 01/12/2026.";
}

/// Why a typed date was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateError {
    Empty,
    /// Not shaped like a date at all.
    Format,
    /// Shaped like a date, but no such day (31/02, month 13, year 1850).
    Invalid,
}

impl DateError {
    pub fn message(self) -> Message {
        match self {
            DateError::Empty => DATE_MISSING,
            DateError::Format => DATE_FORMAT,
            DateError::Invalid => DATE_NOT_REAL,
        }
    }
}

const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2100;

/// Reads `27/03/1990`, `27-3-1990`, `27.03.1990` or the ISO `1990-03-27`, years 1900 to 2100.
pub fn parse_vietnamese(text: &str) -> Result<Date, DateError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(DateError::Empty);
    }
    let parts: Vec<&str> = text.split(['/', '-', '.']).map(str::trim).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|part| part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(DateError::Format);
    }
    let (day, month, year) = if parts[0].len() == 4 {
        (parts[2], parts[1], parts[0])
    } else {
        (parts[0], parts[1], parts[2])
    };
    if day.len() > 2 || month.len() > 2 || year.len() != 4 {
        return Err(DateError::Format);
    }
    let (Ok(day), Ok(month), Ok(year)) = (day.parse::<u8>(), month.parse::<u8>(), year.parse())
    else {
        return Err(DateError::Format);
    };
    from_parts(year, month, day).ok_or(DateError::Invalid)
}

fn from_parts(year: i32, month: u8, day: u8) -> Option<Date> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return None;
    }
    let month = Month::try_from(month).ok()?;
    Date::from_calendar_date(year, month, day).ok()
}

/// `27/03/1990`.
pub fn format_vietnamese(date: Date) -> String {
    format!(
        "{:02}/{:02}/{:04}",
        date.day(),
        u8::from(date.month()),
        date.year()
    )
}

/// `1990-03-27`.
pub fn format_iso(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

/// Reads exactly `yyyy-mm-dd`.
pub fn parse_iso(text: &str) -> Option<Date> {
    let bytes = text.as_bytes();
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let year = text[..4].parse().ok()?;
    let month = text[5..7].parse().ok()?;
    let day = text[8..].parse().ok()?;
    if !text[..4]
        .bytes()
        .chain(text[5..7].bytes())
        .chain(text[8..].bytes())
        .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    from_parts(year, month, day)
}

/// Serde as an ISO string: `#[serde(with = "date::iso")]`.
pub mod iso {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use super::Date;

    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::format_iso(*date))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_iso(&text).ok_or_else(|| D::Error::custom(format!("not a date: {text}")))
    }
}

/// Serde of an optional date as an ISO string or null.
pub mod iso_option {
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    use super::Date;

    pub fn serialize<S: Serializer>(date: &Option<Date>, serializer: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(date) => serializer.serialize_str(&super::format_iso(*date)),
            None => serializer.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<Date>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| {
                super::parse_iso(&text)
                    .ok_or_else(|| D::Error::custom(format!("not a date: {text}")))
            })
            .transpose()
    }
}

/// A moment on the clock of Vietnam (UTC+7, no daylight saving), to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
}

const VIETNAM_OFFSET_SECS: i64 = 7 * 3600;

/// The Vietnamese wall clock at a Unix time.
pub fn vietnam_local_time(unix_secs: i64) -> LocalTime {
    let local = unix_secs + VIETNAM_OFFSET_SECS;
    let days = local.div_euclid(86_400);
    let seconds = local.rem_euclid(86_400);
    let epoch = Date::from_calendar_date(1970, Month::January, 1).expect("1970-01-01 exists");
    LocalTime {
        date: epoch + time::Duration::days(days),
        hour: (seconds / 3600) as u8,
        minute: (seconds % 3600 / 60) as u8,
    }
}

/// A date from its numbers, for tests.
#[cfg(test)]
pub(crate) fn test_date(year: i32, month: u8, day: u8) -> Date {
    Date::from_calendar_date(year, Month::try_from(month).unwrap(), day).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::date::test_date as day;

    #[test]
    fn reads_the_ways_people_write_a_date() {
        for text in [
            "27/03/1990",
            "27/3/1990",
            " 27-03-1990 ",
            "27.03.1990",
            "1990-03-27",
        ] {
            assert_eq!(parse_vietnamese(text), Ok(day(1990, 3, 27)), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_date() {
        assert_eq!(parse_vietnamese(""), Err(DateError::Empty));
        assert_eq!(parse_vietnamese("27/03"), Err(DateError::Format));
        assert_eq!(parse_vietnamese("27/03/90"), Err(DateError::Format));
        assert_eq!(parse_vietnamese("hai bảy/3/1990"), Err(DateError::Format));
        assert_eq!(parse_vietnamese("31/02/2024"), Err(DateError::Invalid));
        assert_eq!(parse_vietnamese("29/02/2023"), Err(DateError::Invalid));
        assert_eq!(parse_vietnamese("01/13/2024"), Err(DateError::Invalid));
        assert_eq!(parse_vietnamese("01/01/1850"), Err(DateError::Invalid));
        assert_eq!(parse_vietnamese("29/02/2024"), Ok(day(2024, 2, 29)));
    }

    #[test]
    fn formats_both_ways_and_round_trips() {
        let date = day(2026, 1, 5);
        assert_eq!(format_vietnamese(date), "05/01/2026");
        assert_eq!(format_iso(date), "2026-01-05");
        assert_eq!(parse_iso("2026-01-05"), Some(date));
        assert_eq!(parse_iso("2026-1-5"), None);
        assert_eq!(parse_iso("2026-02-30"), None);
        assert_eq!(parse_iso("+026-01-05"), None);
    }

    #[test]
    fn vietnam_is_seven_hours_ahead_of_utc() {
        // 2026-11-22T16:59:00Z is 23:59 in Hà Nội; one hour later it is the next day there.
        let evening = 1_795_366_740;
        assert_eq!(
            vietnam_local_time(evening),
            LocalTime {
                date: day(2026, 11, 22),
                hour: 23,
                minute: 59
            }
        );
        assert_eq!(vietnam_local_time(evening + 3600).date, day(2026, 11, 23));
        assert_eq!(vietnam_local_time(0).hour, 7);
    }
}
