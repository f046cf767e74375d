//! Apology letters (phiếu xin lỗi và hẹn lại ngày trả kết quả): a watch records that an overdue
//! dossier owes one, and the office writes it with the reason and a new date.

use std::time::Duration;

use motcua_api::apology::{self, ApologyInput, ApologyLetter, INVALID_APOLOGY, NO_APOLOGY_DUE};
use motcua_api::date::{self, Date, vietnam_local_time};
use motcua_api::dossier::DossierCode;
use motcua_api::staff::Permission;

use crate::auth::Officer;
use crate::clock::unix_now;
use crate::domain::workflow::audit_entry;
use crate::error::{AppError, AppResult};
use crate::store::{Store, WrittenApology};

/// How often the watch looks for dossiers that became overdue. Overdue starts with a new day, so
/// a few minutes late is soon enough.
const WATCH_INTERVAL: Duration = Duration::from_secs(5 * 60);
/// The stable error code of a letter asked for a dossier that owes none.
pub const NO_APOLOGY_DUE_CODE: &str = "no_apology_due";
const NO_SUCH_DOSSIER: &str = motcua_api::server_messages::NO_SUCH_DOSSIER.vi;
/// The audit log's name for writing a letter.
const AUDIT_ACTION: &str = "write_apology";

/// Records a pending letter for each dossier past its current promise on `today` (a Vietnamese
/// date) that owes none yet; how many it recorded. Running it again on the same day records
/// nothing more.
pub async fn find_overdue(store: &Store, today: Date) -> sqlx::Result<u64> {
    store.record_overdue(today, unix_now()).await
}

/// Looks for overdue dossiers now and every few minutes for the life of the process. Looking at
/// start catches the dossiers that became overdue while the server was down.
pub fn spawn_overdue_watch(store: Store) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(WATCH_INTERVAL);
        loop {
            ticker.tick().await;
            let today = vietnam_local_time(unix_now()).date;
            match find_overdue(&store, today).await {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "apology letters owed"),
                Err(error) => tracing::warn!(%error, "overdue watch failed"),
            }
        }
    });
}

/// Whether the dossier owes a letter nobody wrote yet.
pub async fn apology_due(store: &Store, dossier_id: &str) -> sqlx::Result<bool> {
    Ok(store.pending_apology(dossier_id).await?.is_some())
}

/// The officer writes the letter the dossier with `code` owes, at Unix time `now`: 404 unless
/// the dossier is of the officer's unit, 409 `no_apology_due` when it owes none, 422 for a
/// letter that breaks the shared rules.
pub async fn write_apology(
    store: &Store,
    officer: &Officer,
    code: &str,
    input: &ApologyInput,
    now: i64,
) -> AppResult<ApologyLetter> {
    officer.require(Permission::WriteApology)?;
    let not_found = || AppError::NotFound(NO_SUCH_DOSSIER.into());
    let code = DossierCode::try_from(code).map_err(|_| not_found())?;
    let (dossier_id, unit) = store
        .dossier_unit(code.as_str())
        .await?
        .ok_or_else(not_found)?;
    if unit != officer.unit {
        return Err(not_found());
    }
    let no_apology_due = || AppError::Conflict {
        code: NO_APOLOGY_DUE_CODE,
        message: NO_APOLOGY_DUE.vi.into(),
    };
    let pending = store
        .pending_apology(&dossier_id)
        .await?
        .ok_or_else(no_apology_due)?;
    let today = vietnam_local_time(now).date;
    let letter = apology::check(input, today).map_err(|errors| AppError::Validation {
        message: INVALID_APOLOGY.vi.into(),
        fields: errors
            .into_iter()
            .map(|(field, message)| (field, message.to_string()))
            .collect(),
    })?;
    let written = WrittenApology {
        number: pending.number,
        reason: &letter.reason,
        new_date: letter.new_date,
        written_at: now,
        written_by: &officer.id,
    };
    let detail = format!(
        "Phiếu xin lỗi số {}, hẹn lại ngày {}",
        pending.number,
        date::format_vietnamese(letter.new_date)
    );
    let audit = audit_entry(officer, &dossier_id, AUDIT_ACTION, detail, now);
    if !store.write_apology(&dossier_id, &written, &audit).await? {
        return Err(no_apology_due());
    }
    Ok(ApologyLetter {
        number: u32::try_from(pending.number).map_err(anyhow::Error::from)?,
        office: pending.office,
        reason: letter.reason,
        missed_date: pending.missed_date,
        new_date: letter.new_date,
        written_at: now,
    })
}
