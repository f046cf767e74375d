//! Public figures (kết quả giải quyết hồ sơ): how many dossiers were received in a period, how many
//! were solved on time or late, how many are overdue now, and how satisfied citizens were, overall
//! and per agency and per field.
//!
//! The counting rule lives here once: the server selects the facts of each dossier and calls
//! [`tally`]; the browser only draws what it gets.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use time::Duration;

use crate::date::{self, Date};
use crate::dossier::DossierStatus;
use crate::message::{Message, messages};
use crate::tracking::{self, Deadline};

messages! {
    END_TOO_EARLY = "Ngày kết thúc quá sớm.",
        "The end date is too early.";
    FROM_AFTER_TO = "Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.",
        "The start date must be the same as or before the end date.";
    PERIOD_TOO_LONG = "Mỗi lần chỉ xem được tối đa 366 ngày.",
        "You can view up to 366 days at a time.";
}

/// Days in the period when none is asked for: the 30 days ending today.
pub const DEFAULT_PERIOD_DAYS: i64 = 30;
/// The longest period one request may ask for.
pub const MAX_PERIOD_DAYS: i64 = 366;
/// A satisfaction score from this level up counts as satisfied (hài lòng, rất hài lòng).
pub const SATISFIED_FROM: u8 = 4;
/// The name of the group of dossiers whose procedure names no agency or field.
pub const UNCLASSIFIED: &str = "Chưa phân loại";

/// `GET /api/stats` parameters exactly as they arrive.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct RawStatsQuery {
    /// First day received, `yyyy-mm-dd` or `dd/mm/yyyy`.
    pub from: Option<String>,
    /// Last day received, inclusive.
    pub to: Option<String>,
}

/// A checked period, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StatsQuery {
    pub from: Date,
    pub to: Date,
}

impl StatsQuery {
    /// Checks the period asked on `today`. Without `to` it ends today; without `from` it is the
    /// 30 days ending on `to`. The error names the bad parameter.
    pub fn parse(raw: RawStatsQuery, today: Date) -> Result<StatsQuery, (&'static str, Message)> {
        let day = |name: &'static str, value: Option<String>| {
            value
                .map(|text| text.trim().to_owned())
                .filter(|text| !text.is_empty())
                .map(|text| {
                    date::parse_iso(&text)
                        .or_else(|| date::parse_vietnamese(&text).ok())
                        .ok_or((name, date::PERIOD_DATE_FORMAT))
                })
                .transpose()
        };
        let to = day("to", raw.to)?.unwrap_or(today);
        let from = match day("from", raw.from)? {
            Some(from) => from,
            None => to
                .checked_sub(Duration::days(DEFAULT_PERIOD_DAYS - 1))
                .ok_or(("to", END_TOO_EARLY))?,
        };
        if from > to {
            return Err(("from", FROM_AFTER_TO));
        }
        if (to - from).whole_days() + 1 > MAX_PERIOD_DAYS {
            return Err(("from", PERIOD_TOO_LONG));
        }
        Ok(StatsQuery { from, to })
    }
}

/// What [`tally`] needs to know of one dossier received in the period.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierFacts {
    /// The agency that decides its procedure.
    pub agency: String,
    /// The field of its procedure.
    pub field: String,
    pub status: DossierStatus,
    /// The date on its receipt (moved by a pause for documents, never by an apology letter).
    pub promised_date: Option<Date>,
    /// The day its work ended, when it has.
    pub finished_on: Option<Date>,
    /// The overall score of its rating, 1 to 5, when the citizen rated it.
    pub satisfaction: Option<u8>,
}

/// The figures of a set of dossiers received in the period, counted on the server's today.
///
/// Every dossier received falls in exactly one of `solved_on_time`, `solved_late`, `overdue_now`,
/// `in_progress`, `refused` and `withdrawn`, so these add up to `received`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Figures {
    /// Dossiers received (filed) in the period, whatever became of them.
    pub received: u64,
    /// With a result (done or returned) on or before the promised date, or with no date promised.
    pub solved_on_time: u64,
    /// With a result after the promised date.
    pub solved_late: u64,
    /// Not finished, not waiting for the citizen, and today is after the promised date.
    pub overdue_now: u64,
    /// Not finished and not overdue: within time, or waiting for the citizen's documents.
    pub in_progress: u64,
    /// Refused at reception.
    pub refused: u64,
    /// Withdrawn by the citizen.
    pub withdrawn: u64,
    /// `solved_on_time` per thousand solved (‰, rounded); none when nothing was solved.
    pub on_time_rate: Option<u32>,
    /// Ratings given to these dossiers.
    pub ratings: u64,
    /// Average overall satisfaction in hundredths of the 1 to 5 scale (432 = 4,32); none
    /// without ratings.
    pub satisfaction_average: Option<u32>,
    /// Ratings of 4 or 5 per thousand ratings (‰, rounded); none without ratings.
    pub satisfied_rate: Option<u32>,
}

/// The figures of one agency or one field.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct GroupFigures {
    pub name: String,
    pub figures: Figures,
}

/// `GET /api/stats`: the public figures of a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublicStats {
    #[serde(with = "date::iso")]
    pub from: Date,
    #[serde(with = "date::iso")]
    pub to: Date,
    pub overall: Figures,
    /// Ordered by name.
    pub by_agency: Vec<GroupFigures>,
    /// Ordered by name.
    pub by_field: Vec<GroupFigures>,
}

/// Counts the dossiers received in `query`'s period on `today`: overall, per agency and per
/// field, from the same facts.
pub fn tally(
    query: StatsQuery,
    facts: impl IntoIterator<Item = DossierFacts>,
    today: Date,
) -> PublicStats {
    let mut overall = Counter::default();
    let mut by_agency: BTreeMap<String, Counter> = BTreeMap::new();
    let mut by_field: BTreeMap<String, Counter> = BTreeMap::new();
    for fact in facts {
        overall.add(&fact, today);
        by_agency
            .entry(group_name(&fact.agency))
            .or_default()
            .add(&fact, today);
        by_field
            .entry(group_name(&fact.field))
            .or_default()
            .add(&fact, today);
    }
    let groups = |groups: BTreeMap<String, Counter>| {
        groups
            .into_iter()
            .map(|(name, counter)| GroupFigures {
                name,
                figures: counter.figures(),
            })
            .collect()
    };
    PublicStats {
        from: query.from,
        to: query.to,
        overall: overall.figures(),
        by_agency: groups(by_agency),
        by_field: groups(by_field),
    }
}

fn group_name(name: &str) -> String {
    match name.trim() {
        "" => UNCLASSIFIED.to_owned(),
        name => name.to_owned(),
    }
}

/// Running counts; the rates are worked out once at the end.
#[derive(Default)]
struct Counter {
    figures: Figures,
    satisfaction_sum: u64,
    satisfied: u64,
}

impl Counter {
    fn add(&mut self, fact: &DossierFacts, today: Date) {
        let figures = &mut self.figures;
        figures.received += 1;
        let bucket = match fact.status {
            DossierStatus::Refused => &mut figures.refused,
            DossierStatus::Withdrawn => &mut figures.withdrawn,
            status => {
                match tracking::deadline(status, fact.promised_date, fact.finished_on, today) {
                    Deadline::Overdue { .. } => &mut figures.overdue_now,
                    _ if !tracking::is_finished(status) => &mut figures.in_progress,
                    Deadline::Finished { on_time: false } => &mut figures.solved_late,
                    _ => &mut figures.solved_on_time,
                }
            }
        };
        *bucket += 1;
        if let Some(score) = fact.satisfaction {
            figures.ratings += 1;
            self.satisfaction_sum += u64::from(score);
            self.satisfied += u64::from(score >= SATISFIED_FROM);
        }
    }

    fn figures(self) -> Figures {
        let figures = self.figures;
        Figures {
            on_time_rate: per_mille(
                figures.solved_on_time,
                figures.solved_on_time + figures.solved_late,
            ),
            satisfaction_average: ratio(self.satisfaction_sum * 100, figures.ratings),
            satisfied_rate: per_mille(self.satisfied, figures.ratings),
            ..figures
        }
    }
}

fn per_mille(part: u64, whole: u64) -> Option<u32> {
    ratio(part * 1000, whole)
}

/// `numerator / denominator` rounded half up; none when dividing by nothing.
fn ratio(numerator: u64, denominator: u64) -> Option<u32> {
    (denominator > 0).then(|| ((numerator * 2 + denominator) / (denominator * 2)) as u32)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::date::test_date as day;

    fn raw(from: Option<&str>, to: Option<&str>) -> RawStatsQuery {
        RawStatsQuery {
            from: from.map(Into::into),
            to: to.map(Into::into),
        }
    }

    #[test]
    fn the_period_defaults_to_the_last_30_days_and_is_checked() {
        let today = day(2026, 12, 2);
        assert_eq!(
            StatsQuery::parse(RawStatsQuery::default(), today),
            Ok(StatsQuery {
                from: day(2026, 11, 3),
                to: today
            })
        );
        assert_eq!(
            StatsQuery::parse(raw(Some("01/11/2026"), Some("2026-11-30")), today),
            Ok(StatsQuery {
                from: day(2026, 11, 1),
                to: day(2026, 11, 30)
            })
        );
        assert_eq!(
            StatsQuery::parse(raw(Some(" "), Some("")), today),
            StatsQuery::parse(RawStatsQuery::default(), today)
        );
        assert_eq!(
            StatsQuery::parse(raw(Some("hôm qua"), None), today)
                .unwrap_err()
                .0,
            "from"
        );
        assert_eq!(
            StatsQuery::parse(raw(None, Some("31/02/2026")), today)
                .unwrap_err()
                .0,
            "to"
        );
        assert_eq!(
            StatsQuery::parse(raw(Some("2026-12-03"), Some("2026-12-02")), today)
                .unwrap_err()
                .0,
            "from"
        );
        assert!(StatsQuery::parse(raw(Some("2026-01-01"), Some("2027-01-01")), today).is_ok());
        assert!(StatsQuery::parse(raw(Some("2025-12-31"), Some("2027-01-01")), today).is_err());
    }

    fn fact(
        agency: &str,
        status: DossierStatus,
        promised: Option<Date>,
        finished_on: Option<Date>,
        satisfaction: Option<u8>,
    ) -> DossierFacts {
        DossierFacts {
            agency: agency.into(),
            field: "Hộ tịch".into(),
            status,
            promised_date: promised,
            finished_on,
            satisfaction,
        }
    }

    #[test]
    fn each_dossier_counts_once_and_rates_round() {
        use DossierStatus::*;
        let today = day(2026, 9, 3);
        let promised = Some(day(2026, 8, 28));
        let facts = vec![
            fact(
                "UBND A",
                Returned,
                promised,
                Some(day(2026, 8, 28)),
                Some(5),
            ),
            fact("UBND A", Done, None, Some(day(2026, 9, 2)), None),
            fact(
                "UBND A",
                Returned,
                promised,
                Some(day(2026, 8, 31)),
                Some(2),
            ),
            fact("UBND A", Processing, promised, None, None),
            fact("UBND B", NeedsSupplement, promised, None, None),
            fact("UBND B", Received, Some(day(2026, 9, 3)), None, None),
            fact("UBND B", Refused, None, None, Some(4)),
            fact("", Withdrawn, promised, None, None),
        ];
        let query = StatsQuery {
            from: day(2026, 8, 1),
            to: day(2026, 8, 31),
        };
        let stats = tally(query, facts, today);
        let overall = stats.overall;
        assert_eq!(overall.received, 8);
        assert_eq!(
            (
                overall.solved_on_time,
                overall.solved_late,
                overall.overdue_now
            ),
            (2, 1, 1)
        );
        assert_eq!(
            (overall.in_progress, overall.refused, overall.withdrawn),
            (2, 1, 1)
        );
        assert_eq!(overall.on_time_rate, Some(667));
        assert_eq!(overall.ratings, 3);
        assert_eq!(overall.satisfaction_average, Some(367));
        assert_eq!(overall.satisfied_rate, Some(667));
        let names: Vec<&str> = stats.by_agency.iter().map(|g| g.name.as_str()).collect();
        assert_eq!(names, ["Chưa phân loại", "UBND A", "UBND B"]);
        let b = stats.by_agency[2].figures;
        assert_eq!((b.received, b.in_progress, b.refused), (3, 2, 1));
        assert_eq!((b.on_time_rate, b.satisfaction_average), (None, Some(400)));
        assert_eq!(stats.by_field.len(), 1);
        assert_eq!(stats.by_field[0].figures, overall);
        let json = serde_json::to_value(&stats).unwrap();
        assert_eq!(json["from"], "2026-08-01");
        assert_eq!(json["overall"]["on_time_rate"], 667);
    }
}
