//! The staff inbox: the dossiers of the officer's unit, by tab, filtered and searched.

use motcua_api::date::{self, Date};
use motcua_api::dossier::DossierCode;
use motcua_api::staff::{INBOX_PAGE_SIZE, InboxItem, InboxPage, InboxQuery, TabCount};
use motcua_api::tracking;
use serde::Deserialize;

use crate::domain::columns::Columns;
use crate::store::{InboxFilter, InboxRow, Store, name_search_key};

/// Seconds between Unix midnight and midnight in Vietnam (UTC+7).
const VIETNAM_OFFSET_SECS: i64 = 7 * 3600;
/// The Julian day of 1970-01-01.
const UNIX_EPOCH_JULIAN_DAY: i64 = 2_440_588;

/// One page of the inbox of `unit` on `today` (a Vietnamese date), with every tab's count.
pub async fn inbox(
    store: &Store,
    unit: &str,
    query: &InboxQuery,
    today: Date,
) -> anyhow::Result<InboxPage> {
    let filter = filter_of(unit, query, today);
    let counts: Vec<TabCount> = store
        .inbox_counts(&filter)
        .await?
        .into_iter()
        .map(|(tab, count)| TabCount { tab, count })
        .collect();
    let total = counts
        .iter()
        .find(|count| count.tab == query.tab)
        .map_or(0, |count| count.count);
    let offset = u64::from(query.page - 1) * u64::from(INBOX_PAGE_SIZE);
    let items = store
        .inbox_page(&filter, query.tab, INBOX_PAGE_SIZE, offset)
        .await?
        .iter()
        .map(|row| item_of(row, today))
        .collect::<anyhow::Result<_>>()?;
    Ok(InboxPage {
        items,
        total,
        page: query.page,
        page_size: INBOX_PAGE_SIZE,
        counts,
    })
}

/// The store's filter: a search that reads as a dossier code looks for that code only; any
/// other search is part of the applicant's name, without regard to case or diacritics.
fn filter_of(unit: &str, query: &InboxQuery, today: Date) -> InboxFilter {
    let (code, name) = match query.q.as_deref() {
        None => (None, None),
        Some(q) => match DossierCode::try_from(q) {
            Ok(code) => (Some(code.as_str().to_string()), None),
            Err(_) => (None, Some(name_search_key(q))),
        },
    };
    InboxFilter {
        unit: unit.to_string(),
        procedure_code: query.procedure.clone(),
        field: query.field.clone(),
        filed_from: query.from.map(vietnam_midnight),
        filed_before: query.to.map(|to| vietnam_midnight(to) + 86_400),
        code,
        name,
        today: date::format_iso(today),
    }
}

/// The Unix time at which `day` begins in Vietnam.
fn vietnam_midnight(day: Date) -> i64 {
    (i64::from(day.to_julian_day()) - UNIX_EPOCH_JULIAN_DAY) * 86_400 - VIETNAM_OFFSET_SECS
}

/// The few fields of the procedure snapshot an inbox line shows.
#[derive(Deserialize)]
struct ProcedureName {
    name: String,
}

fn item_of(row: &InboxRow, today: Date) -> anyhow::Result<InboxItem> {
    let columns = Columns::of(&row.code);
    let status = columns.status(&row.status, "status")?;
    let promised_date = columns.optional_date(row.promised_date.as_deref(), "promised_date")?;
    let finished_on = columns.optional_date(row.finished_on.as_deref(), "finished_on")?;
    let procedure: ProcedureName = serde_json::from_str(&row.procedure_snapshot)?;
    Ok(InboxItem {
        code: columns.code()?,
        procedure_code: row.procedure_code.clone(),
        procedure_name: procedure.name,
        applicant_name: row.applicant_name.clone(),
        status,
        channel: columns.channel(&row.channel)?,
        submitted_at: row.submitted_at,
        promised_date,
        deadline: tracking::deadline(status, promised_date, finished_on, today),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use motcua_api::date::vietnam_local_time;
    use motcua_api::staff::InboxTab;

    #[test]
    fn a_day_begins_at_midnight_in_vietnam() {
        let day = date::parse_iso("2026-12-02").unwrap();
        let midnight = vietnam_midnight(day);
        assert_eq!(vietnam_local_time(midnight).date, day);
        assert_eq!(vietnam_local_time(midnight).hour, 0);
        assert_eq!(
            vietnam_local_time(midnight - 1).date,
            date::parse_iso("2026-12-01").unwrap()
        );
    }

    #[test]
    fn a_search_is_a_code_or_part_of_a_name() {
        let today = date::parse_iso("2026-12-02").unwrap();
        let query = |q: &str| InboxQuery {
            tab: InboxTab::New,
            q: Some(q.to_string()),
            page: 1,
            ..InboxQuery::default()
        };
        let by_code = filter_of("XA", &query("xa-261202-0001"), today);
        assert_eq!(by_code.code.as_deref(), Some("XA-261202-0001"));
        assert_eq!(by_code.name, None);
        let by_name = filter_of("XA", &query("Thị  HÒA"), today);
        assert_eq!(by_name.name.as_deref(), Some("thi hoa"));
        assert_eq!(by_name.code, None);
    }
}
