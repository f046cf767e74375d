//! The staff workflow's writes and reads: a dossier as officers see it, its files and checklist,
//! and version-checked transitions.

use motcua_api::date::{self, vietnam_local_time};
use motcua_api::dossier::DossierStatus;
use motcua_api::tracking::is_finished;
use sqlx::any::AnyRow;
use sqlx::{Any, Row, Transaction};

use super::Store;
use super::audit::{NewAuditEntry, append_audit_in};
use super::dossiers::insert_event;

/// A dossier as the staff workspace reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRecord {
    pub id: String,
    pub code: String,
    pub unit: String,
    pub status: String,
    /// Grows with every change of status: an action names the version it was decided on.
    pub version: i64,
    pub channel: String,
    pub procedure_snapshot: String,
    pub body: String,
    pub submitted_at: i64,
    pub received_on: String,
    pub promised_date: Option<String>,
    pub finished_on: Option<String>,
    pub delivery: String,
    pub result_note: Option<String>,
    pub result_upload_id: Option<String>,
}

/// A file a dossier holds: a citizen's document (`document_index`), a supplement
/// (`supplement_id`), or the result (neither).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierUpload {
    pub id: String,
    pub name: String,
    pub size: i64,
    pub content_type: String,
    pub storage_key: String,
    pub document_index: Option<i64>,
    pub supplement_id: Option<String>,
}

/// A new supplement request, recorded with the transition that asks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewSupplement {
    pub id: String,
    pub missing: Vec<String>,
    pub note: String,
    pub status_before: DossierStatus,
}

/// What finishing a dossier records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewResult {
    pub note: String,
    /// An upload no dossier has yet, which becomes the result document.
    pub upload_id: Option<String>,
}

/// A change of status an officer decided on the dossier's `version`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transition {
    pub dossier_id: String,
    pub version: i64,
    pub status: DossierStatus,
    /// Unix seconds.
    pub at: i64,
    /// Who the timeline names, and what it tells the citizen.
    pub office: String,
    pub note: String,
    pub result: Option<NewResult>,
    pub supplement: Option<NewSupplement>,
    pub audit: NewAuditEntry,
}

/// What became of a transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransitionOutcome {
    Applied,
    /// The dossier changed since the officer saw it: nothing was written.
    Stale,
    /// The result upload is gone or another dossier has it: nothing was written.
    ResultUploadUnavailable,
}

impl Store {
    /// The dossier with this code, unless its personal data was erased (`retention`).
    pub async fn staff_record(&self, code: &str) -> sqlx::Result<Option<StaffRecord>> {
        let row = sqlx::query(
            "SELECT id, code, unit, status, version, channel, procedure_snapshot, body,
                    submitted_at, received_on, promised_date, finished_on, delivery,
                    result_note, result_upload_id
             FROM dossiers WHERE code = $1 AND erased_on IS NULL",
        )
        .bind(code)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(StaffRecord {
                id: row.try_get("id")?,
                code: row.try_get("code")?,
                unit: row.try_get("unit")?,
                status: row.try_get("status")?,
                version: row.try_get::<i32, _>("version")?.into(),
                channel: row.try_get("channel")?,
                procedure_snapshot: row.try_get("procedure_snapshot")?,
                body: row.try_get("body")?,
                submitted_at: row.try_get("submitted_at")?,
                received_on: row.try_get("received_on")?,
                promised_date: row.try_get("promised_date")?,
                finished_on: row.try_get("finished_on")?,
                delivery: row.try_get("delivery")?,
                result_note: row.try_get("result_note")?,
                result_upload_id: row.try_get("result_upload_id")?,
            })
        })
        .transpose()
    }

    /// Every file the dossier holds, oldest first.
    pub async fn dossier_uploads(&self, dossier_id: &str) -> sqlx::Result<Vec<DossierUpload>> {
        let rows = sqlx::query(
            "SELECT id, name, size, content_type, storage_key, document_index, supplement_id
             FROM uploads WHERE dossier_id = $1 ORDER BY created_at, id",
        )
        .bind(dossier_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(dossier_upload_of).collect()
    }

    /// The file `upload_id` if the dossier holds it.
    pub async fn dossier_upload(
        &self,
        dossier_id: &str,
        upload_id: &str,
    ) -> sqlx::Result<Option<DossierUpload>> {
        sqlx::query(
            "SELECT id, name, size, content_type, storage_key, document_index, supplement_id
             FROM uploads WHERE dossier_id = $1 AND id = $2",
        )
        .bind(dossier_id)
        .bind(upload_id)
        .fetch_optional(&self.pool)
        .await?
        .map(|row| dossier_upload_of(&row))
        .transpose()
    }

    /// The indexes of the procedure's documents an officer has checked.
    pub async fn checked_documents(&self, dossier_id: &str) -> sqlx::Result<Vec<usize>> {
        let indexes: Vec<i32> = sqlx::query_scalar(
            "SELECT document_index FROM document_checks WHERE dossier_id = $1
             ORDER BY document_index",
        )
        .bind(dossier_id)
        .fetch_all(&self.pool)
        .await?;
        Ok(indexes
            .into_iter()
            .filter_map(|index| usize::try_from(index).ok())
            .collect())
    }

    /// Ticks or unticks a document of the checklist, with its audit entry. Not a change of
    /// status: the dossier's version stays, so no other officer's decision goes stale.
    pub async fn set_document_check(
        &self,
        dossier_id: &str,
        index: usize,
        checked: bool,
        audit: &NewAuditEntry,
    ) -> sqlx::Result<()> {
        let index = i32::try_from(index).unwrap_or(i32::MAX);
        let _turn = self.write_turn().await;
        let mut transaction = self.begin_write().await?;
        if checked {
            sqlx::query(
                "INSERT INTO document_checks (dossier_id, document_index, checked_by, checked_at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (dossier_id, document_index) DO NOTHING",
            )
            .bind(dossier_id)
            .bind(index)
            .bind(&audit.username)
            .bind(audit.at)
            .execute(&mut *transaction)
            .await?;
        } else {
            sqlx::query(
                "DELETE FROM document_checks WHERE dossier_id = $1 AND document_index = $2",
            )
            .bind(dossier_id)
            .bind(index)
            .execute(&mut *transaction)
            .await?;
        }
        append_audit_in(&mut transaction, audit).await?;
        transaction.commit().await
    }

    /// Applies the transition in one transaction if the dossier is still at `version`: its
    /// status and version, the day its work ended, its result, the timeline step, the supplement
    /// request and the audit entry. Two officers deciding on the same version: one applies, the
    /// other is told [`TransitionOutcome::Stale`].
    pub async fn apply_transition(
        &self,
        transition: &Transition,
    ) -> sqlx::Result<TransitionOutcome> {
        let _turn = self.write_turn().await;
        let mut transaction = self.begin_write().await?;
        let finished = if is_finished(transition.status) {
            "COALESCE(finished_on, $2)"
        } else {
            "NULL"
        };
        // The version check locks the row first, so a second decision waits here and then
        // finds the version moved on.
        let updated = sqlx::query(&format!(
            "UPDATE dossiers SET status = $1, version = version + 1, finished_on = {finished},
                 result_note = COALESCE($3, result_note)
             WHERE id = $4 AND version = $5"
        ))
        .bind(transition.status.as_str())
        .bind(date::format_iso(vietnam_local_time(transition.at).date))
        .bind(transition.result.as_ref().map(|result| result.note.clone()))
        .bind(&transition.dossier_id)
        .bind(transition.version)
        .execute(&mut *transaction)
        .await?;
        if updated.rows_affected() != 1 {
            transaction.rollback().await?;
            return Ok(TransitionOutcome::Stale);
        }
        if let Some(upload_id) = transition
            .result
            .as_ref()
            .and_then(|result| result.upload_id.as_deref())
            && !attach_result(&mut transaction, &transition.dossier_id, upload_id).await?
        {
            transaction.rollback().await?;
            return Ok(TransitionOutcome::ResultUploadUnavailable);
        }
        if let Some(supplement) = &transition.supplement {
            insert_supplement(&mut transaction, transition, supplement).await?;
        }
        append_event(
            &mut transaction,
            &transition.dossier_id,
            transition.status,
            &transition.office,
            &transition.note,
            transition.at,
        )
        .await?;
        append_audit_in(&mut transaction, &transition.audit).await?;
        transaction.commit().await?;
        Ok(TransitionOutcome::Applied)
    }
}

fn dossier_upload_of(row: &AnyRow) -> sqlx::Result<DossierUpload> {
    Ok(DossierUpload {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        size: row.try_get("size")?,
        content_type: row.try_get("content_type")?,
        storage_key: row.try_get("storage_key")?,
        document_index: row
            .try_get::<Option<i32>, _>("document_index")?
            .map(i64::from),
        supplement_id: row.try_get("supplement_id")?,
    })
}

/// Makes the unattached upload the dossier's result document; false when it is not available.
async fn attach_result(
    transaction: &mut Transaction<'static, Any>,
    dossier_id: &str,
    upload_id: &str,
) -> sqlx::Result<bool> {
    let attached =
        sqlx::query("UPDATE uploads SET dossier_id = $1 WHERE id = $2 AND dossier_id IS NULL")
            .bind(dossier_id)
            .bind(upload_id)
            .execute(&mut **transaction)
            .await?;
    if attached.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("UPDATE dossiers SET result_upload_id = $1 WHERE id = $2")
        .bind(upload_id)
        .bind(dossier_id)
        .execute(&mut **transaction)
        .await?;
    Ok(true)
}

async fn insert_supplement(
    transaction: &mut Transaction<'static, Any>,
    transition: &Transition,
    supplement: &NewSupplement,
) -> sqlx::Result<()> {
    let missing = serde_json::to_string(&supplement.missing)
        .map_err(|error| sqlx::Error::Encode(error.into()))?;
    sqlx::query(
        "INSERT INTO supplement_requests (id, dossier_id, missing, note, requested_at,
             requested_by, status_before, paused_on)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&supplement.id)
    .bind(&transition.dossier_id)
    .bind(missing)
    .bind(&supplement.note)
    .bind(transition.at)
    .bind(&transition.audit.username)
    .bind(supplement.status_before.as_str())
    .bind(date::format_iso(vietnam_local_time(transition.at).date))
    .execute(&mut **transaction)
    .await?;
    Ok(())
}

/// The next step of the dossier's timeline; its row is already locked by the caller's update.
pub(super) async fn append_event(
    transaction: &mut Transaction<'static, Any>,
    dossier_id: &str,
    status: DossierStatus,
    office: &str,
    note: &str,
    at: i64,
) -> sqlx::Result<()> {
    let last: Option<i32> =
        sqlx::query_scalar("SELECT MAX(seq) FROM dossier_events WHERE dossier_id = $1")
            .bind(dossier_id)
            .fetch_one(&mut **transaction)
            .await?;
    let seq = i64::from(last.unwrap_or(0)) + 1;
    insert_event(transaction, dossier_id, seq, status, office, note, at).await
}
