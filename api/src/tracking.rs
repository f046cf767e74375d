//! What a citizen sees when tracking a dossier: its status, its timeline, and where it stands
//! against the promised date. Overdue is computed from the working-day calendar each time it is
//! asked, never stored as a flag that could go stale.

use serde::{Deserialize, Serialize};

use crate::calendar;
use crate::date::{self, Date};
use crate::dossier::{DossierCode, DossierStatus};

/// One step of a dossier's life, as the citizen reads it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
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
}

/// Where a dossier stands against the date promised on its receipt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
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
