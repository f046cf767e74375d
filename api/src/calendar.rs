//! Working days of Vietnamese public offices, and the return date promised on a receipt.
//!
//! Offices work Monday to Friday. Public holidays (Labour Code 2019, art. 112) close them; when a
//! holiday falls on a weekend the next working day is off instead, and the government sometimes
//! swaps a working day to make a longer break (ngày làm bù, a Saturday then becomes a working day).
//! 2024 to 2026 follow the Prime Minister's announced schedules; 2027 and 2028 follow the statutory
//! rule (Tết: New Year's Eve and the four days after it); other years only the solar holidays.

use crate::date::{Date, LocalTime, Month, Weekday};
use crate::{ProcessingTime, TimeUnit};

/// Offices stop receiving at 17:00: a dossier filed later counts as received the next working day.
pub const OFFICE_CLOSES_AT_HOUR: u8 = 17;

/// Hours in one working day, to turn a time given in working hours into days.
const HOURS_PER_WORKING_DAY: f32 = 8.0;

const NEW_YEAR: &str = "Tết Dương lịch";
const TET: &str = "Tết Nguyên đán";
const HUNG_KINGS: &str = "Giỗ Tổ Hùng Vương";
const REUNIFICATION: &str = "Ngày Chiến thắng";
const LABOUR: &str = "Ngày Quốc tế Lao động";
const NATIONAL: &str = "Quốc khánh";
const SWAPPED: &str = "Nghỉ hoán đổi";
const IN_LIEU: &str = "Nghỉ bù";

type Day = (u8, u8);

/// One year's announced schedule: weekdays off, and Saturdays worked in exchange.
struct Schedule {
    year: i32,
    days_off: &'static [(Day, &'static str)],
    saturdays_worked: &'static [Day],
}

const ANNOUNCED: &[Schedule] = &[
    Schedule {
        year: 2024,
        days_off: &[
            ((1, 1), NEW_YEAR),
            ((2, 8), TET),
            ((2, 9), TET),
            ((2, 12), TET),
            ((2, 13), TET),
            ((2, 14), TET),
            ((4, 18), HUNG_KINGS),
            ((4, 29), SWAPPED),
            ((4, 30), REUNIFICATION),
            ((5, 1), LABOUR),
            ((9, 2), NATIONAL),
            ((9, 3), NATIONAL),
        ],
        saturdays_worked: &[(5, 4)],
    },
    Schedule {
        year: 2025,
        days_off: &[
            ((1, 1), NEW_YEAR),
            ((1, 27), TET),
            ((1, 28), TET),
            ((1, 29), TET),
            ((1, 30), TET),
            ((1, 31), TET),
            ((4, 7), HUNG_KINGS),
            ((4, 30), REUNIFICATION),
            ((5, 1), LABOUR),
            ((5, 2), SWAPPED),
            ((9, 1), NATIONAL),
            ((9, 2), NATIONAL),
        ],
        saturdays_worked: &[(4, 26)],
    },
    Schedule {
        year: 2026,
        days_off: &[
            ((1, 1), NEW_YEAR),
            ((1, 2), SWAPPED),
            ((2, 16), TET),
            ((2, 17), TET),
            ((2, 18), TET),
            ((2, 19), TET),
            ((2, 20), TET),
            ((4, 27), IN_LIEU),
            ((4, 30), REUNIFICATION),
            ((5, 1), LABOUR),
            ((9, 1), NATIONAL),
            ((9, 2), NATIONAL),
        ],
        saturdays_worked: &[(1, 10)],
    },
];

/// Lunar dates for years past the announced schedules: (year, Tết eve, Hùng Kings' day).
const LUNAR: &[(i32, Day, Day)] = &[(2027, (2, 5), (4, 16)), (2028, (1, 25), (4, 4))];

fn date(year: i32, (month, day): Day) -> Option<Date> {
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

fn is_weekend(day: Date) -> bool {
    matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday)
}

/// The statutory holidays of a year without an announced schedule, with weekend ones moved to
/// the next free weekday.
fn statutory_days_off(year: i32) -> Vec<(Date, &'static str)> {
    let mut holidays: Vec<(Date, &'static str)> = Vec::new();
    let mut add = |day: Option<Date>, name| holidays.extend(day.map(|day| (day, name)));
    add(date(year, (1, 1)), NEW_YEAR);
    if let Some(&(_, eve, hung)) = LUNAR.iter().find(|(lunar_year, ..)| *lunar_year == year) {
        if let Some(eve) = date(year, eve) {
            for offset in 0..5 {
                add(Some(eve + time::Duration::days(offset)), TET);
            }
        }
        add(date(year, hung), HUNG_KINGS);
    }
    add(date(year, (4, 30)), REUNIFICATION);
    add(date(year, (5, 1)), LABOUR);
    if let Some(national) = date(year, (9, 2)) {
        add(Some(national), NATIONAL);
        let second = if matches!(national.weekday(), Weekday::Friday | Weekday::Saturday) {
            national.previous_day()
        } else {
            national.next_day()
        };
        add(second, NATIONAL);
    }
    let mut days_off: Vec<(Date, &'static str)> = holidays
        .iter()
        .copied()
        .filter(|(day, _)| !is_weekend(*day))
        .collect();
    for (day, _) in holidays.iter().filter(|(day, _)| is_weekend(*day)) {
        let mut in_lieu = *day;
        while is_weekend(in_lieu)
            || holidays
                .iter()
                .chain(days_off.iter())
                .any(|(other, _)| *other == in_lieu)
        {
            in_lieu = in_lieu.next_day().expect("within the calendar");
        }
        days_off.push((in_lieu, IN_LIEU));
    }
    days_off
}

/// The name of the public holiday that closes offices on this day, if any.
pub fn holiday(day: Date) -> Option<&'static str> {
    let year = day.year();
    match ANNOUNCED.iter().find(|schedule| schedule.year == year) {
        Some(schedule) => schedule
            .days_off
            .iter()
            .find(|(off, _)| date(year, *off) == Some(day))
            .map(|(_, name)| *name),
        None => statutory_days_off(year)
            .into_iter()
            .find(|(off, _)| *off == day)
            .map(|(_, name)| name),
    }
}

fn is_saturday_worked(day: Date) -> bool {
    ANNOUNCED
        .iter()
        .filter(|schedule| schedule.year == day.year())
        .flat_map(|schedule| schedule.saturdays_worked)
        .any(|worked| date(day.year(), *worked) == Some(day))
}

/// Whether public offices receive and process dossiers on this day.
pub fn is_working_day(day: Date) -> bool {
    if is_weekend(day) {
        is_saturday_worked(day)
    } else {
        holiday(day).is_none()
    }
}

/// The first working day strictly after `day`.
pub fn next_working_day(day: Date) -> Date {
    working_day_on_or_after(day.next_day().expect("within the calendar"))
}

/// `day` itself if it is a working day, else the next one.
pub fn working_day_on_or_after(day: Date) -> Date {
    let mut day = day;
    while !is_working_day(day) {
        day = day.next_day().expect("within the calendar");
    }
    day
}

/// The working day `count` working days after `day` (`day` itself when `count` is 0).
pub fn add_working_days(day: Date, count: u32) -> Date {
    (0..count).fold(day, |day, _| next_working_day(day))
}

/// How many working days come after `from` up to and including `to` (0 when `to <= from`).
pub fn working_days_between(from: Date, to: Date) -> u32 {
    let mut count = 0;
    let mut day = from;
    while day < to {
        day = day.next_day().expect("within the calendar");
        if is_working_day(day) {
            count += 1;
        }
    }
    count
}

/// The working day on which a dossier filed at this Vietnamese time counts as received: the same
/// day if it is a working day before closing time, else the next working day.
pub fn reception_date(filed_at: LocalTime) -> Date {
    if is_working_day(filed_at.date) && filed_at.hour < OFFICE_CLOSES_AT_HOUR {
        filed_at.date
    } else {
        next_working_day(filed_at.date)
    }
}

/// The date the result is promised for a dossier received on `received_on` (a working day).
///
/// Times in working days count working days after the reception day; working hours round up to
/// whole days of eight hours; calendar days and months count on the calendar, and a promise that
/// lands on a day off moves to the next working day.
pub fn promised_date(received_on: Date, time: ProcessingTime) -> Date {
    let amount = time.amount.max(0.0);
    match time.unit {
        TimeUnit::WorkingDays => add_working_days(received_on, amount.ceil() as u32),
        TimeUnit::WorkingHours => {
            add_working_days(received_on, (amount / HOURS_PER_WORKING_DAY).ceil() as u32)
        }
        TimeUnit::Days => {
            working_day_on_or_after(received_on + time::Duration::days(amount.ceil() as i64))
        }
        TimeUnit::Months => working_day_on_or_after(add_months(received_on, amount.ceil() as u32)),
    }
}

/// The same day `months` later, or the month's last day when it is shorter (31/01 + 1 → 28/02).
fn add_months(day: Date, months: u32) -> Date {
    let index = day.year() * 12 + i32::from(u8::from(day.month())) - 1 + months as i32;
    let (year, month) = (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8);
    let month = Month::try_from(month).expect("1 to 12");
    let last = month.length(year);
    Date::from_calendar_date(year, month, day.day().min(last)).expect("clamped to the month")
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::date::test_date as day;

    fn working_days(amount: f32) -> ProcessingTime {
        ProcessingTime {
            amount,
            unit: TimeUnit::WorkingDays,
        }
    }

    #[test]
    fn weekends_are_closed_except_announced_make_up_saturdays() {
        assert!(is_working_day(day(2026, 11, 20)));
        assert!(!is_working_day(day(2026, 11, 21)));
        assert!(!is_working_day(day(2026, 11, 22)));
        assert!(
            is_working_day(day(2026, 1, 10)),
            "Saturday worked in exchange for 2/1"
        );
        assert!(is_working_day(day(2024, 5, 4)));
        assert!(is_working_day(day(2025, 4, 26)));
        assert!(!is_working_day(day(2025, 4, 19)));
    }

    #[test]
    fn announced_holidays_close_offices() {
        assert_eq!(holiday(day(2026, 2, 17)), Some(TET));
        assert_eq!(holiday(day(2026, 4, 27)), Some(IN_LIEU));
        assert_eq!(holiday(day(2025, 5, 2)), Some(SWAPPED));
        assert_eq!(holiday(day(2024, 9, 3)), Some(NATIONAL));
        assert_eq!(holiday(day(2026, 2, 23)), None);
        assert!(!is_working_day(day(2026, 1, 2)));
    }

    #[test]
    fn statutory_rule_moves_weekend_holidays_to_the_next_weekday() {
        // 2027: Tết eve Fri 5/2, then Sat, Sun, Mon, Tue: two weekend days move to Wed 10 and Thu 11.
        for off in [5, 8, 9, 10, 11] {
            assert!(!is_working_day(day(2027, 2, off)), "2027-02-{off}");
        }
        assert!(is_working_day(day(2027, 2, 12)));
        // 2028: 2/9 is a Saturday, so Friday 1/9 and Monday 4/9 are off.
        assert!(!is_working_day(day(2028, 9, 1)));
        assert!(!is_working_day(day(2028, 9, 4)));
        assert!(is_working_day(day(2028, 9, 5)));
        // 2030 has no lunar table: the solar holidays still apply.
        assert!(!is_working_day(day(2030, 4, 30)));
        assert!(!is_working_day(day(2030, 1, 1)));
    }

    #[test]
    fn working_days_skip_weekends() {
        // Friday + 1 working day is Monday.
        assert_eq!(add_working_days(day(2026, 11, 20), 1), day(2026, 11, 23));
        assert_eq!(add_working_days(day(2026, 11, 23), 5), day(2026, 11, 30));
        assert_eq!(add_working_days(day(2026, 11, 23), 0), day(2026, 11, 23));
        assert_eq!(
            working_days_between(day(2026, 11, 20), day(2026, 11, 30)),
            6
        );
        assert_eq!(
            working_days_between(day(2026, 11, 30), day(2026, 11, 20)),
            0
        );
    }

    #[test]
    fn working_days_skip_tet() {
        // Received Friday 13/2/2026, 3 working days: Mon 16 to Fri 20 is Tết, so 23, 24, 25.
        assert_eq!(
            promised_date(day(2026, 2, 13), working_days(3.0)),
            day(2026, 2, 25)
        );
        // 2025: Friday 24/1 + 1 working day lands after the Tết week.
        assert_eq!(add_working_days(day(2025, 1, 24), 1), day(2025, 2, 3));
    }

    #[test]
    fn working_days_skip_reunification_and_labour_day() {
        // 2026: Wed 29/4 + 1 is Mon 4/5 (30/4 Thu, 1/5 Fri, then the weekend).
        assert_eq!(add_working_days(day(2026, 4, 29), 1), day(2026, 5, 4));
        // 2025: Tue 29/4 + 1 is Mon 5/5 (30/4, 1/5, swapped 2/5).
        assert_eq!(add_working_days(day(2025, 4, 29), 1), day(2025, 5, 5));
        // 2024: 29/4 to 1/5 off, then Thu 2/5, Fri 3/5 and the make-up Saturday 4/5 are worked.
        assert_eq!(add_working_days(day(2024, 4, 26), 1), day(2024, 5, 2));
        assert_eq!(add_working_days(day(2024, 4, 26), 2), day(2024, 5, 3));
        assert_eq!(add_working_days(day(2024, 4, 26), 3), day(2024, 5, 4));
    }

    #[test]
    fn reception_after_closing_time_or_on_a_day_off_moves_to_the_next_working_day() {
        let at = |date, hour| LocalTime {
            date,
            hour,
            minute: 0,
        };
        assert_eq!(reception_date(at(day(2026, 11, 20), 16)), day(2026, 11, 20));
        assert_eq!(reception_date(at(day(2026, 11, 20), 17)), day(2026, 11, 23));
        assert_eq!(reception_date(at(day(2026, 11, 21), 9)), day(2026, 11, 23));
        assert_eq!(reception_date(at(day(2026, 2, 17), 9)), day(2026, 2, 23));
    }

    #[test]
    fn promised_date_for_each_unit_of_time() {
        let monday = day(2026, 11, 23);
        assert_eq!(promised_date(monday, working_days(0.5)), day(2026, 11, 24));
        let hours = ProcessingTime {
            amount: 12.0,
            unit: TimeUnit::WorkingHours,
        };
        assert_eq!(promised_date(monday, hours), day(2026, 11, 25));
        // 5 calendar days from Monday is Saturday 28/11, which moves to Monday 30/11.
        let days = ProcessingTime {
            amount: 5.0,
            unit: TimeUnit::Days,
        };
        assert_eq!(promised_date(monday, days), day(2026, 11, 30));
        let month = ProcessingTime {
            amount: 1.0,
            unit: TimeUnit::Months,
        };
        assert_eq!(
            promised_date(day(2026, 1, 30), month),
            day(2026, 3, 2),
            "28/2 is a Saturday"
        );
        assert_eq!(promised_date(day(2026, 11, 23), month), day(2026, 12, 23));
    }
}
