//! The retention period: the personal data of a dossier finished longer ago than the period the
//! office sets (`--retention-years`, per the archives rules for its procedures) is erased, files
//! included. What the public figures count stays. Off unless set: keeping is the safe default.

use std::time::Duration;

use motcua_api::date::{self, Date, vietnam_local_time};

use crate::clock::unix_now;
use crate::files::FileStore;
use crate::store::Store;

/// How often the server looks for dossiers past their period.
const SWEEP_INTERVAL: Duration = Duration::from_secs(6 * 3600);

/// The first day whose finished dossiers are still kept on `today`, with a period of `years`.
pub fn kept_since(today: Date, years: u16) -> Date {
    let year = today.year() - i32::from(years);
    // 29 February falls back to the 28th in a year without it.
    today
        .replace_year(year)
        .or_else(|_| today.replace_day(28).and_then(|day| day.replace_year(year)))
        .unwrap_or(Date::MIN)
}

/// Erases every dossier finished before the period on `today`; how many, and how many files.
pub async fn erase_expired(
    store: &Store,
    files: &FileStore,
    today: Date,
    years: u16,
) -> anyhow::Result<(u64, usize)> {
    let cutoff = date::format_iso(kept_since(today, years));
    let today = date::format_iso(today);
    let (mut dossiers, mut removed) = (0, 0);
    loop {
        let (erased, keys) = store.erase_finished_before(&cutoff, &today).await?;
        // The rows no longer name these files: deleting them now can only leave bytes behind.
        for key in &keys {
            files.delete(key).await?;
        }
        dossiers += erased;
        removed += keys.len();
        if erased == 0 {
            return Ok((dossiers, removed));
        }
    }
}

/// Erases what has expired now and every few hours, for the life of the process.
pub fn spawn_retention(store: Store, files: FileStore, years: u16) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(SWEEP_INTERVAL);
        loop {
            ticker.tick().await;
            let today = vietnam_local_time(unix_now()).date;
            match erase_expired(&store, &files, today, years).await {
                Ok((0, _)) => {}
                Ok((dossiers, files)) => {
                    tracing::info!(dossiers, files, "personal data past its retention erased")
                }
                Err(error) => {
                    tracing::warn!(error = format!("{error:#}"), "retention sweep failed")
                }
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use motcua_api::date::Month;

    #[test]
    fn the_period_counts_back_whole_years() {
        let day = |year, month, day| Date::from_calendar_date(year, month, day).unwrap();
        assert_eq!(
            kept_since(day(2026, Month::December, 5), 5),
            day(2021, Month::December, 5)
        );
        assert_eq!(
            kept_since(day(2028, Month::February, 29), 1),
            day(2027, Month::February, 28)
        );
    }
}
