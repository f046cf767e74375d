//! The supplement loop as stored: the request a dossier waits on, and the citizen's answer to it.

use motcua_api::dossier::DossierStatus;
use sqlx::Row;

use super::Store;
use super::workflow::append_event;

/// A request for more documents, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SupplementRecord {
    pub id: String,
    pub missing: Vec<String>,
    pub note: String,
    pub requested_at: i64,
    pub status_before: String,
    /// The Vietnamese date (`yyyy-mm-dd`) the clock stopped.
    pub paused_on: String,
}

/// The citizen's answer to an open supplement request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resumption {
    pub dossier_id: String,
    pub supplement_id: String,
    pub status: DossierStatus,
    pub promised_date: Option<String>,
    pub uploads: Vec<String>,
    pub citizen_note: String,
    pub at: i64,
    pub office: String,
    pub note: String,
}

/// What became of a supplement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ResumeOutcome {
    Resumed,
    /// The dossier no longer waits for one (e.g. the same supplement was sent twice at once).
    NotWaiting,
    /// These uploads (positions in the list) are gone or belong to a dossier: nothing written.
    UnavailableUploads(Vec<usize>),
}

impl Store {
    /// The request the dossier waits on, if any.
    pub async fn open_supplement(
        &self,
        dossier_id: &str,
    ) -> sqlx::Result<Option<SupplementRecord>> {
        let row = sqlx::query(
            "SELECT id, missing, note, requested_at, status_before, paused_on
             FROM supplement_requests WHERE dossier_id = $1 AND resumed_at IS NULL",
        )
        .bind(dossier_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            let missing: String = row.try_get("missing")?;
            Ok(SupplementRecord {
                id: row.try_get("id")?,
                missing: serde_json::from_str(&missing)
                    .map_err(|error| sqlx::Error::Decode(error.into()))?,
                note: row.try_get("note")?,
                requested_at: row.try_get("requested_at")?,
                status_before: row.try_get("status_before")?,
                paused_on: row.try_get("paused_on")?,
            })
        })
        .transpose()
    }

    /// Records the citizen's supplement in one transaction, if the dossier still waits for one
    /// (only a supplement ends the wait, so two sent at once record one): the dossier back to
    /// work with its new promise and version, the files attached to the request, the request
    /// closed and the timeline step.
    pub async fn resume_after_supplement(
        &self,
        resumption: &Resumption,
    ) -> sqlx::Result<ResumeOutcome> {
        let _turn = self.write_turn().await;
        let mut transaction = self.begin_write().await?;
        let updated = sqlx::query(
            "UPDATE dossiers SET status = $1, version = version + 1, promised_date = $2
             WHERE id = $3 AND status = $4",
        )
        .bind(resumption.status.as_str())
        .bind(&resumption.promised_date)
        .bind(&resumption.dossier_id)
        .bind(DossierStatus::NeedsSupplement.as_str())
        .execute(&mut *transaction)
        .await?;
        if updated.rows_affected() != 1 {
            transaction.rollback().await?;
            return Ok(ResumeOutcome::NotWaiting);
        }
        // Uploads are taken in id order, so two transactions never wait on each other in a cycle.
        let mut uploads: Vec<(&str, usize)> = resumption
            .uploads
            .iter()
            .enumerate()
            .map(|(position, id)| (id.as_str(), position))
            .collect();
        uploads.sort_unstable();
        let mut unavailable = Vec::new();
        for (id, position) in uploads {
            let attached = sqlx::query(
                "UPDATE uploads SET dossier_id = $1, supplement_id = $2
                 WHERE id = $3 AND dossier_id IS NULL",
            )
            .bind(&resumption.dossier_id)
            .bind(&resumption.supplement_id)
            .bind(id)
            .execute(&mut *transaction)
            .await?;
            if attached.rows_affected() != 1 {
                unavailable.push(position);
            }
        }
        if !unavailable.is_empty() {
            transaction.rollback().await?;
            unavailable.sort_unstable();
            return Ok(ResumeOutcome::UnavailableUploads(unavailable));
        }
        sqlx::query(
            "UPDATE supplement_requests SET resumed_at = $1, citizen_note = $2 WHERE id = $3",
        )
        .bind(resumption.at)
        .bind(&resumption.citizen_note)
        .bind(&resumption.supplement_id)
        .execute(&mut *transaction)
        .await?;
        append_event(
            &mut transaction,
            &resumption.dossier_id,
            resumption.status,
            &resumption.office,
            &resumption.note,
            resumption.at,
        )
        .await?;
        transaction.commit().await?;
        Ok(ResumeOutcome::Resumed)
    }

    /// How the citizen gets the result, once there is one.
    pub async fn result_note(&self, dossier_id: &str) -> sqlx::Result<Option<String>> {
        sqlx::query_scalar("SELECT result_note FROM dossiers WHERE id = $1")
            .bind(dossier_id)
            .fetch_optional(&self.pool)
            .await
            .map(Option::flatten)
    }
}
