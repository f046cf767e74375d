//! Dossiers: numbered per unit and day, and filed together with their attachments or not at all.

use std::collections::BTreeMap;

use motcua_api::date::{self, Date, vietnam_local_time};
use motcua_api::dossier::{DossierCode, DossierStatus};
use motcua_api::staff::Channel;
use motcua_api::tracking::is_finished;
use sqlx::{Any, Row, Transaction};

use super::Store;
use super::inbox::name_search_key;
use crate::ids::new_id;

/// Everything stored about a dossier being filed.
#[derive(Debug, Clone)]
pub struct NewDossier {
    pub id: String,
    /// Reception unit, the first part of the code (`XA`, `TINH`, ...).
    pub unit: &'static str,
    /// The Vietnamese date of filing: dossiers are numbered within it.
    pub day: Date,
    pub procedure_code: String,
    /// The procedure as JSON, as it was when filed.
    pub procedure_snapshot: String,
    pub applicant_name: String,
    /// Normalized (`0912345678`).
    pub phone: String,
    /// The validated dossier as JSON.
    pub body: String,
    pub submitted_at: i64,
    pub received_on: Date,
    pub promised_date: Option<Date>,
    pub processing_time: String,
    pub delivery: String,
    pub tracking_token: String,
    /// The procedure's agency: who the first step of the timeline names, and whose figures the
    /// dossier counts in.
    pub office: String,
    /// What the first step of the timeline tells the citizen.
    pub submitted_note: String,
    /// The first status: submitted online, received when filed at the counter.
    pub status: DossierStatus,
    pub channel: Channel,
    /// The procedure's field (lĩnh vực), for the staff inbox's filter.
    pub field: String,
    /// Upload ids by document index.
    pub documents: BTreeMap<usize, Vec<String>>,
    pub idempotency_key: String,
    /// SHA-256 of the request, to tell a retry from another request under the same key.
    pub request_hash: String,
}

/// What filing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Submission {
    /// Filed now: the dossier as stored, with its files.
    Created(Box<FiledDossier>),
    /// The same request was filed before under this key: the code it got.
    Replayed(String),
    /// The key was used for a different request.
    KeyReused,
    /// These documents (by index) name uploads that are gone or belong to another dossier;
    /// nothing was filed.
    UnavailableUploads(Vec<usize>),
}

/// A dossier just filed, read back in its filing transaction: answering needs no other
/// connection, which under a burst would wait behind every other request for the pool.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiledDossier {
    pub record: DossierRecord,
    pub files: Vec<AttachedFile>,
}

/// A filed dossier as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierRecord {
    pub id: String,
    pub code: String,
    pub status: String,
    pub procedure_snapshot: String,
    pub applicant_name: String,
    pub phone: String,
    pub body: String,
    pub submitted_at: i64,
    pub received_on: String,
    pub promised_date: Option<String>,
    pub processing_time: String,
    pub delivery: String,
    pub tracking_token: String,
    /// The Vietnamese date (`yyyy-mm-dd`) the dossier entered a finished status.
    pub finished_on: Option<String>,
}

/// One step of a dossier's timeline as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DossierEvent {
    pub seq: i64,
    pub at: i64,
    pub status: String,
    pub office: String,
    pub note: String,
}

/// A file attached to a dossier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttachedFile {
    pub id: String,
    pub name: String,
    pub size: i64,
}

impl Store {
    /// Files the dossier in one transaction: the next number of its unit and day, the dossier,
    /// its idempotency key and its attachments. A request already filed under the same key is
    /// answered with the dossier it made, also when both arrive at once.
    pub async fn submit_dossier(&self, dossier: &NewDossier) -> sqlx::Result<Submission> {
        let _turn = self.write_turn().await;
        let mut transaction = self.begin_write().await?;
        if let Some(earlier) = earlier_submission(&mut *transaction, dossier).await? {
            return Ok(earlier);
        }
        let sequence: i64 = sqlx::query_scalar(
            "INSERT INTO dossier_sequences (unit, day, last) VALUES ($1, $2, 1)
             ON CONFLICT (unit, day) DO UPDATE SET last = dossier_sequences.last + 1
             RETURNING last",
        )
        .bind(dossier.unit)
        .bind(date::format_iso(dossier.day))
        .fetch_one(&mut *transaction)
        .await?;
        let sequence =
            u32::try_from(sequence).map_err(|error| sqlx::Error::Decode(error.into()))?;
        let code = DossierCode::new(dossier.unit, dossier.day, sequence).to_string();
        insert_dossier(&mut transaction, dossier, &code).await?;
        insert_event(
            &mut transaction,
            &dossier.id,
            1,
            dossier.status,
            &dossier.office,
            &dossier.submitted_note,
            dossier.submitted_at,
        )
        .await?;
        let key = sqlx::query(
            "INSERT INTO idempotency_keys (key, request_hash, dossier_code, created_at)
             VALUES ($1, $2, $3, $4)",
        )
        .bind(&dossier.idempotency_key)
        .bind(&dossier.request_hash)
        .bind(&code)
        .bind(dossier.submitted_at)
        .execute(&mut *transaction)
        .await;
        match key {
            Ok(_) => {}
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => {
                // The same key committed by another request while this one ran.
                transaction.rollback().await?;
                return match earlier_submission(&self.pool, dossier).await? {
                    Some(earlier) => Ok(earlier),
                    None => Err(sqlx::Error::Database(error)),
                };
            }
            Err(error) => return Err(error),
        }
        let unavailable = attach_uploads(&mut transaction, dossier).await?;
        if !unavailable.is_empty() {
            transaction.rollback().await?;
            return Ok(Submission::UnavailableUploads(unavailable));
        }
        let record = dossier_in(&mut *transaction, &code)
            .await?
            .ok_or(sqlx::Error::RowNotFound)?;
        let files = attached_files_in(&mut *transaction, &dossier.id).await?;
        transaction.commit().await?;
        Ok(Submission::Created(Box::new(FiledDossier {
            record,
            files,
        })))
    }

    /// The dossier with this code, unless its personal data was erased (`retention`).
    pub async fn dossier_by_code(&self, code: &str) -> sqlx::Result<Option<DossierRecord>> {
        dossier_in(&self.pool, code).await
    }

    /// Codes of the dossiers whose filed body holds `value` as a whole JSON string (an ID
    /// number, say), oldest first. It reads every dossier: for a rare export, not for requests.
    /// `value` must hold no `%` or `_`.
    pub async fn dossier_codes_mentioning(&self, value: &str) -> sqlx::Result<Vec<String>> {
        sqlx::query_scalar(
            "SELECT code FROM dossiers WHERE body LIKE $1 ORDER BY submitted_at, code",
        )
        .bind(format!("%\"{value}\"%"))
        .fetch_all(&self.pool)
        .await
    }

    /// The dossier's timeline, oldest first.
    pub async fn dossier_events(&self, dossier_id: &str) -> sqlx::Result<Vec<DossierEvent>> {
        let rows = sqlx::query(
            "SELECT seq, at, status, office, note FROM dossier_events
             WHERE dossier_id = $1 ORDER BY seq",
        )
        .bind(dossier_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(DossierEvent {
                    seq: row.try_get::<i32, _>("seq")?.into(),
                    at: row.try_get("at")?,
                    status: row.try_get("status")?,
                    office: row.try_get("office")?,
                    note: row.try_get("note")?,
                })
            })
            .collect()
    }

    /// Moves the dossier with this code to `status` at Unix time `at`, in one transaction: the
    /// next step of its timeline, its status, its version, and the day its work ended when the
    /// status is a finished one (the first such day is kept). The step's number, or `None` when
    /// there is no such dossier. Whether the move is allowed is the caller's to check.
    pub async fn record_event(
        &self,
        code: &str,
        status: DossierStatus,
        office: &str,
        note: &str,
        at: i64,
    ) -> sqlx::Result<Option<i64>> {
        let _turn = self.write_turn().await;
        let mut transaction = self.begin_write().await?;
        // Updating the dossier first locks its row, so steps recorded at once number in turn.
        let finished = if is_finished(status) {
            "COALESCE(finished_on, $2)"
        } else {
            "NULL"
        };
        let id: Option<String> = sqlx::query_scalar(&format!(
            "UPDATE dossiers SET status = $1, version = version + 1, finished_on = {finished}
             WHERE code = $3 RETURNING id"
        ))
        .bind(status.as_str())
        .bind(date::format_iso(vietnam_local_time(at).date))
        .bind(code)
        .fetch_optional(&mut *transaction)
        .await?;
        let Some(id) = id else {
            transaction.rollback().await?;
            return Ok(None);
        };
        let last: Option<i32> =
            sqlx::query_scalar("SELECT MAX(seq) FROM dossier_events WHERE dossier_id = $1")
                .bind(&id)
                .fetch_one(&mut *transaction)
                .await?;
        let seq = i64::from(last.unwrap_or(0)) + 1;
        insert_event(&mut transaction, &id, seq, status, office, note, at).await?;
        transaction.commit().await?;
        Ok(Some(seq))
    }

    pub async fn attached_files(&self, dossier_id: &str) -> sqlx::Result<Vec<AttachedFile>> {
        attached_files_in(&self.pool, dossier_id).await
    }
}

/// What an earlier request under the same idempotency key got, if there was one.
async fn earlier_submission<'c, E>(
    executor: E,
    dossier: &NewDossier,
) -> sqlx::Result<Option<Submission>>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let row = sqlx::query("SELECT request_hash, dossier_code FROM idempotency_keys WHERE key = $1")
        .bind(&dossier.idempotency_key)
        .fetch_optional(executor)
        .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let request_hash: String = row.try_get("request_hash")?;
    Ok(Some(if request_hash == dossier.request_hash {
        Submission::Replayed(row.try_get("dossier_code")?)
    } else {
        Submission::KeyReused
    }))
}

async fn insert_dossier(
    transaction: &mut Transaction<'static, Any>,
    dossier: &NewDossier,
    code: &str,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO dossiers (id, code, procedure_code, unit, status, applicant_name, phone,
             body, procedure_snapshot, submitted_at, received_on, promised_date,
             processing_time, delivery, tracking_token, agency, channel, field, applicant_search)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
             $18, $19)",
    )
    .bind(&dossier.id)
    .bind(code)
    .bind(&dossier.procedure_code)
    .bind(dossier.unit)
    .bind(dossier.status.as_str())
    .bind(&dossier.applicant_name)
    .bind(&dossier.phone)
    .bind(&dossier.body)
    .bind(&dossier.procedure_snapshot)
    .bind(dossier.submitted_at)
    .bind(date::format_iso(dossier.received_on))
    .bind(dossier.promised_date.map(date::format_iso))
    .bind(&dossier.processing_time)
    .bind(&dossier.delivery)
    .bind(&dossier.tracking_token)
    .bind(&dossier.office)
    .bind(dossier.channel.as_str())
    .bind(&dossier.field)
    .bind(name_search_key(&dossier.applicant_name))
    .execute(&mut **transaction)
    .await?;
    Ok(())
}

pub(super) async fn insert_event(
    transaction: &mut Transaction<'static, Any>,
    dossier_id: &str,
    seq: i64,
    status: DossierStatus,
    office: &str,
    note: &str,
    at: i64,
) -> sqlx::Result<()> {
    sqlx::query(
        "INSERT INTO dossier_events (id, dossier_id, seq, at, status, office, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(new_id())
    .bind(dossier_id)
    .bind(i32::try_from(seq).unwrap_or(i32::MAX))
    .bind(at)
    .bind(status.as_str())
    .bind(office)
    .bind(note)
    .execute(&mut **transaction)
    .await?;
    Ok(())
}

/// Gives the dossier each of its uploads still free; returns the documents with one that was not.
///
/// Uploads are taken in id order, so two transactions never wait on each other in a cycle.
async fn attach_uploads(
    transaction: &mut Transaction<'static, Any>,
    dossier: &NewDossier,
) -> sqlx::Result<Vec<usize>> {
    let mut uploads: Vec<(&str, usize)> = dossier
        .documents
        .iter()
        .flat_map(|(index, ids)| ids.iter().map(move |id| (id.as_str(), *index)))
        .collect();
    uploads.sort_unstable();
    let mut unavailable = Vec::new();
    for (id, index) in uploads {
        let attached = sqlx::query(
            "UPDATE uploads SET dossier_id = $1, document_index = $2
             WHERE id = $3 AND dossier_id IS NULL",
        )
        .bind(&dossier.id)
        .bind(i32::try_from(index).unwrap_or(i32::MAX))
        .bind(id)
        .execute(&mut **transaction)
        .await?;
        if attached.rows_affected() != 1 && !unavailable.contains(&index) {
            unavailable.push(index);
        }
    }
    unavailable.sort_unstable();
    Ok(unavailable)
}

async fn dossier_in<'c, E>(executor: E, code: &str) -> sqlx::Result<Option<DossierRecord>>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let Some(row) = sqlx::query(
        "SELECT id, code, status, procedure_snapshot, applicant_name, phone, body,
                submitted_at, received_on, promised_date, processing_time, delivery,
                tracking_token, finished_on
         FROM dossiers WHERE code = $1 AND erased_on IS NULL",
    )
    .bind(code)
    .fetch_optional(executor)
    .await?
    else {
        return Ok(None);
    };
    Ok(Some(DossierRecord {
        id: row.try_get("id")?,
        code: row.try_get("code")?,
        status: row.try_get("status")?,
        procedure_snapshot: row.try_get("procedure_snapshot")?,
        applicant_name: row.try_get("applicant_name")?,
        phone: row.try_get("phone")?,
        body: row.try_get("body")?,
        submitted_at: row.try_get("submitted_at")?,
        received_on: row.try_get("received_on")?,
        promised_date: row.try_get("promised_date")?,
        processing_time: row.try_get("processing_time")?,
        delivery: row.try_get("delivery")?,
        tracking_token: row.try_get("tracking_token")?,
        finished_on: row.try_get("finished_on")?,
    }))
}

async fn attached_files_in<'c, E>(executor: E, dossier_id: &str) -> sqlx::Result<Vec<AttachedFile>>
where
    E: sqlx::Executor<'c, Database = Any>,
{
    let rows = sqlx::query("SELECT id, name, size FROM uploads WHERE dossier_id = $1")
        .bind(dossier_id)
        .fetch_all(executor)
        .await?;
    rows.iter()
        .map(|row| {
            Ok(AttachedFile {
                id: row.try_get("id")?,
                name: row.try_get("name")?,
                size: row.try_get("size")?,
            })
        })
        .collect()
}
