//! What a citizen sees when tracking a dossier: its status, its timeline, and where it stands
//! against the promised date. Overdue is computed from the working-day calendar each time it is
//! asked, never stored as a flag that could go stale.

use serde::{Deserialize, Serialize};

use crate::apology::ApologyLetter;
use crate::calendar;
use crate::date::{self, Date};
use crate::dossier::{DossierCode, DossierStatus, MAX_FILES_PER_DOSSIER};
use crate::filing::FieldErrors;
use crate::message::messages;

messages! {
    /// The message above the fields of a supplement that failed its checks.
    pub INVALID_SUPPLEMENT = "Phần bổ sung còn thiếu. Hãy sửa các mục được đánh dấu.",
        "Something is missing from what you are sending. Fix the items marked.";
    /// A supplement sent for a dossier that is not waiting for one.
    pub NO_SUPPLEMENT_ASKED = "Hồ sơ này không chờ bổ sung giấy tờ.",
        "This dossier is not waiting for more documents.";
    UPLOADS_MISSING = "Hãy tải lên ít nhất một tệp giấy tờ được yêu cầu.",
        "Upload at least one file of the documents asked for.";
    UPLOADS_TOO_MANY = "Mỗi lần bổ sung tối đa 40 tệp.",
        "You can send up to 40 files at a time.";
    NOTE_TOO_LONG = "Ghi chú không được dài quá 1000 ký tự.",
        "The note must be 1,000 characters or fewer.";
}

/// One step of a dossier's life, as the citizen reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineEntry {
    /// Unix seconds.
    pub at: i64,
    /// The status the dossier entered.
    pub status: DossierStatus,
    /// Which office did it, e.g. `Bộ phận một cửa UBND phường Ba Đình`.
    pub office: String,
    /// What the citizen should read, e.g. what to add when more documents are asked for.
    #[serde(default)]
    pub note: String,
}

/// `GET /api/dossiers/{code}`: the tracking page's data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierTracking {
    pub code: DossierCode,
    pub procedure_code: String,
    pub procedure_name: String,
    pub agency: String,
    pub status: DossierStatus,
    pub submitted_at: i64,
    #[serde(with = "date::iso")]
    pub received_on: Date,
    #[serde(with = "date::iso_option")]
    pub promised_date: Option<Date>,
    pub processing_time: String,
    /// Oldest first.
    pub timeline: Vec<TimelineEntry>,
    /// Where the dossier stands against its promised date, as of the server's today.
    pub deadline: Deadline,
    /// While the dossier waits for the citizen: what the office asked for.
    #[serde(default)]
    pub supplement: Option<SupplementRequest>,
    /// Letters the office wrote because the dossier was late, oldest first.
    #[serde(default)]
    pub apology_letters: Vec<ApologyLetter>,
    /// Once there is a result: how the citizen gets it (e.g. `Trả tại quầy số 3`).
    #[serde(default)]
    pub result_note: Option<String>,
}

/// What the office asked the citizen to add (phiếu yêu cầu bổ sung, hoàn thiện hồ sơ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SupplementRequest {
    pub missing: Vec<String>,
    pub note: String,
    /// Unix seconds.
    pub requested_at: i64,
}

/// `POST /api/dossiers/{code}/supplement` (with the phone or token, like tracking): the files the
/// citizen uploaded for what was asked, and a note for the officer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct SupplementInput {
    /// Upload ids from `POST /api/uploads`.
    pub uploads: Vec<String>,
    pub note: String,
}

/// The longest note sent with a supplement, in characters.
pub const MAX_SUPPLEMENT_NOTE_CHARS: usize = 1000;

impl SupplementInput {
    /// At least one file, at most as many as a dossier may hold, and a short note.
    pub fn check(&self) -> Result<(), FieldErrors> {
        let mut errors = FieldErrors::new();
        if self.uploads.is_empty() {
            errors.insert("uploads".into(), UPLOADS_MISSING);
        } else if self.uploads.len() > MAX_FILES_PER_DOSSIER {
            errors.insert("uploads".into(), UPLOADS_TOO_MANY);
        }
        if self.note.chars().count() > MAX_SUPPLEMENT_NOTE_CHARS {
            errors.insert("note".into(), NOTE_TOO_LONG);
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }
}

/// Where a dossier stands against the date promised on its receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Deadline {
    /// The procedure states no processing time.
    NoDate,
    /// Still within time: working days left after today (0 = due today).
    OnTime { working_days_left: u32 },
    /// The promised date has passed and the dossier is not finished.
    Overdue { working_days_late: u32 },
    /// Finished (result ready, returned, refused or withdrawn), on time or not.
    Finished { on_time: bool },
    /// Waiting for the citizen to add documents: the clock is stopped, and the promised date
    /// moves by the working days waited once they do.
    Paused,
}

/// Whether the office's work on a dossier is over.
pub fn is_finished(status: DossierStatus) -> bool {
    matches!(
        status,
        DossierStatus::Done
            | DossierStatus::Returned
            | DossierStatus::Refused
            | DossierStatus::Withdrawn
    )
}

/// Where a dossier with this status and promise stands on `today`; `finished_on` is the day its
/// work ended, when it has.
pub fn deadline(
    status: DossierStatus,
    promised: Option<Date>,
    finished_on: Option<Date>,
    today: Date,
) -> Deadline {
    let Some(promised) = promised else {
        return Deadline::NoDate;
    };
    if status == DossierStatus::NeedsSupplement {
        return Deadline::Paused;
    }
    if is_finished(status) {
        let finished_on = finished_on.unwrap_or(today);
        return Deadline::Finished {
            on_time: finished_on <= promised,
        };
    }
    if today > promised {
        Deadline::Overdue {
            working_days_late: calendar::working_days_between(promised, today),
        }
    } else {
        Deadline::OnTime {
            working_days_left: calendar::working_days_between(today, promised),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::test_date as day;

    #[test]
    fn working_days_left_skip_the_weekend() {
        // Promised Monday 30/11/2026, seen on Friday 27/11: one working day left.
        let promised = Some(day(2026, 11, 30));
        assert_eq!(
            deadline(DossierStatus::Processing, promised, None, day(2026, 11, 27)),
            Deadline::OnTime {
                working_days_left: 1
            }
        );
        assert_eq!(
            deadline(DossierStatus::Processing, promised, None, day(2026, 11, 30)),
            Deadline::OnTime {
                working_days_left: 0
            }
        );
    }

    #[test]
    fn overdue_counts_working_days_late_across_a_weekend_and_a_holiday() {
        // Promised Friday 28/8/2026; on Thursday 3/9 (1/9 and 2/9 are Quốc khánh) it is two
        // working days late: Monday 31/8 and Thursday 3/9.
        let promised = Some(day(2026, 8, 28));
        assert_eq!(
            deadline(DossierStatus::Received, promised, None, day(2026, 9, 3)),
            Deadline::Overdue {
                working_days_late: 2
            }
        );
        // On the Saturday after, it is late but no working day has passed yet.
        assert_eq!(
            deadline(DossierStatus::Received, promised, None, day(2026, 8, 29)),
            Deadline::Overdue {
                working_days_late: 0
            }
        );
    }

    #[test]
    fn the_clock_stops_while_the_citizen_adds_documents() {
        let promised = Some(day(2026, 11, 30));
        assert_eq!(
            deadline(
                DossierStatus::NeedsSupplement,
                promised,
                None,
                day(2026, 12, 20)
            ),
            Deadline::Paused
        );
        assert!(SupplementInput::default().check().is_err());
    }

    #[test]
    fn a_finished_dossier_is_never_overdue() {
        let promised = Some(day(2026, 11, 30));
        assert_eq!(
            deadline(
                DossierStatus::Returned,
                promised,
                Some(day(2026, 11, 27)),
                day(2026, 12, 20)
            ),
            Deadline::Finished { on_time: true }
        );
        assert_eq!(
            deadline(
                DossierStatus::Done,
                promised,
                Some(day(2026, 12, 1)),
                day(2026, 12, 20)
            ),
            Deadline::Finished { on_time: false }
        );
        assert_eq!(
            deadline(DossierStatus::Submitted, None, None, day(2026, 12, 20)),
            Deadline::NoDate
        );
    }
}
