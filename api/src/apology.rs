//! Apology letters (phiếu xin lỗi và hẹn lại ngày trả kết quả): owed when a dossier passes its
//! promised date unfinished, written by the office with the reason and a new date, and shown to
//! the citizen, who can print it.

use serde::{Deserialize, Serialize};

use crate::applicant::tidy;
use crate::calendar;
use crate::date::{self, Date};
use crate::filing::FieldErrors;
use crate::message::messages;
use crate::workflow::MAX_NOTE_CHARS;

messages! {
    /// The message above the fields of a letter that failed its checks.
    pub INVALID_APOLOGY = "Phiếu xin lỗi còn thông tin chưa đúng. Hãy sửa các mục được đánh dấu.",
        "Some details of the apology letter need correcting. Fix the items marked.";
    /// A letter asked for a dossier that owes none.
    pub NO_APOLOGY_DUE = "Hồ sơ này không quá hạn hoặc đã có phiếu xin lỗi.",
        "This dossier is not overdue, or already has an apology letter.";
    REASON_MISSING = "Hãy ghi lý do hồ sơ bị chậm.",
        "Enter the reason the dossier is late.";
    REASON_TOO_LONG = "Lý do không được dài quá 2000 ký tự.",
        "The reason must be 2,000 characters or fewer.";
    NEW_DATE_MALFORMED = "Hãy nhập ngày hẹn mới dạng ngày/tháng/năm, ví dụ 15/12/2026.",
        "Enter the new date as day/month/year, for example 15/12/2026.";
    NEW_DATE_NOT_AFTER_TODAY = "Ngày hẹn mới phải sau hôm nay.",
        "The new date must be after today.";
    NEW_DATE_NOT_WORKING_DAY = "Ngày hẹn mới phải là ngày làm việc.",
        "The new date must be a working day.";
}

/// `POST /api/staff/dossiers/{code}/apology`: as the officer typed it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct ApologyInput {
    pub reason: String,
    /// The new date, `dd/mm/yyyy` or `yyyy-mm-dd`.
    pub new_date: String,
}

/// A letter that passed [`check`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Apology {
    pub reason: String,
    pub new_date: Date,
}

/// Checks the letter written on `today`: a reason, and a new date that is a working day after
/// today.
pub fn check(input: &ApologyInput, today: Date) -> Result<Apology, FieldErrors> {
    let mut errors = FieldErrors::new();
    let reason = tidy(&input.reason);
    if reason.is_empty() {
        errors.insert("reason".into(), REASON_MISSING);
    } else if reason.chars().count() > MAX_NOTE_CHARS {
        errors.insert("reason".into(), REASON_TOO_LONG);
    }
    let text = input.new_date.trim();
    let new_date = date::parse_iso(text).or_else(|| date::parse_vietnamese(text).ok());
    match new_date {
        None => {
            errors.insert("new_date".into(), NEW_DATE_MALFORMED);
        }
        Some(day) if day <= today => {
            errors.insert("new_date".into(), NEW_DATE_NOT_AFTER_TODAY);
        }
        Some(day) if !calendar::is_working_day(day) => {
            errors.insert("new_date".into(), NEW_DATE_NOT_WORKING_DAY);
        }
        Some(_) => {}
    }
    match (errors.is_empty(), new_date) {
        (true, Some(new_date)) => Ok(Apology { reason, new_date }),
        _ => Err(errors),
    }
}

/// A written letter, as the citizen reads and prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApologyLetter {
    /// 1 for the first letter of the dossier, 2 if the new date was missed too, ...
    pub number: u32,
    /// The office that apologises.
    pub office: String,
    pub reason: String,
    /// The date promised before this letter.
    #[serde(with = "date::iso")]
    pub missed_date: Date,
    #[serde(with = "date::iso")]
    pub new_date: Date,
    /// Unix seconds.
    pub written_at: i64,
}

/// The date a dossier is due now: the last letter's new date, or the receipt's promise.
pub fn current_promise(promised: Option<Date>, letters: &[ApologyLetter]) -> Option<Date> {
    letters
        .iter()
        .map(|letter| letter.new_date)
        .max()
        .or(promised)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::test_date as day;

    #[test]
    fn a_letter_needs_a_reason_and_a_working_day_after_today() {
        let today = day(2026, 12, 2);
        let letter = |reason: &str, new_date: &str| {
            check(
                &ApologyInput {
                    reason: reason.into(),
                    new_date: new_date.into(),
                },
                today,
            )
        };
        let good = letter("  Chờ xác minh của cơ quan thuế ", "07/12/2026").expect("valid");
        assert_eq!(good.reason, "Chờ xác minh của cơ quan thuế");
        assert_eq!(good.new_date, day(2026, 12, 7));
        let errors = letter("", "05/12/2026").unwrap_err();
        assert!(errors.contains_key("reason"));
        assert!(errors.contains_key("new_date"), "a Saturday");
        assert!(
            letter("Lý do", "2026-12-02")
                .unwrap_err()
                .contains_key("new_date")
        );
        assert!(letter("Lý do", "mai").unwrap_err().contains_key("new_date"));
    }
}
