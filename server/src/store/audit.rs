//! The audit log: who read or changed which dossier, and when. Rows are only ever added (the
//! database's triggers refuse to change or remove one).

use motcua_api::staff::{AuditEntry, StaffRole};
use sqlx::{Any, Row, Transaction};

use super::Store;

/// One line to add to the audit log.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAuditEntry {
    pub dossier_id: String,
    pub staff_id: String,
    pub username: String,
    pub role: StaffRole,
    /// `view`, `view_file`, `check_document`, an action's `ActionKind::as_str`, ...
    pub action: String,
    /// What was read or changed, never a citizen ID in full.
    pub detail: String,
    /// Unix seconds.
    pub at: i64,
}

impl Store {
    /// Adds the entry on its own; a change that must be logged with it uses [`append_audit_in`]
    /// inside its transaction instead.
    pub async fn append_audit(&self, entry: &NewAuditEntry) -> sqlx::Result<()> {
        let _turn = self.write_turn().await;
        let mut transaction = self.begin_write().await?;
        append_audit_in(&mut transaction, entry).await?;
        transaction.commit().await
    }

    /// The dossier's audit log, oldest first.
    pub async fn audit_entries(&self, dossier_id: &str) -> sqlx::Result<Vec<AuditEntry>> {
        let rows = sqlx::query(
            "SELECT at, username, role, action, detail FROM audit_log
             WHERE dossier_id = $1 ORDER BY id",
        )
        .bind(dossier_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let role: String = row.try_get("role")?;
                Ok(AuditEntry {
                    at: row.try_get("at")?,
                    username: row.try_get("username")?,
                    role: StaffRole::parse(&role).ok_or_else(|| {
                        sqlx::Error::Decode(format!("unknown staff role {role}").into())
                    })?,
                    action: row.try_get("action")?,
                    detail: row.try_get("detail")?,
                })
            })
            .collect()
    }
}

/// Adds the entry within a write transaction, so it is kept exactly when the change it
/// describes is.
pub async fn append_audit_in(
    transaction: &mut Transaction<'static, Any>,
    entry: &NewAuditEntry,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO audit_log (at, dossier_id, staff_id, username, role, action, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(entry.at)
    .bind(&entry.dossier_id)
    .bind(&entry.staff_id)
    .bind(&entry.username)
    .bind(entry.role.as_str())
    .bind(&entry.action)
    .bind(&entry.detail)
    .execute(&mut **transaction)
    .await?;
    Ok(())
}
