//! Apology letters: owed rows inserted by the overdue watch, written later by the office.

use motcua_api::apology::ApologyLetter;
use motcua_api::date::{self, Date};
use motcua_api::dossier::DossierStatus;
use motcua_api::tracking::is_finished;
use sqlx::Row;

use super::{NewAuditEntry, Store, append_audit_in};
use crate::ids::new_id;

/// A letter the watch found owed and nobody wrote yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingApology {
    pub number: i32,
    /// The promise that was missed.
    pub missed_date: Date,
    pub office: String,
}

/// What the office wrote in a letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenApology<'a> {
    pub number: i32,
    pub reason: &'a str,
    pub new_date: Date,
    /// Unix seconds.
    pub written_at: i64,
    /// The officer's id.
    pub written_by: &'a str,
}

impl Store {
    /// Inserts a pending letter for each dossier whose current promise (the last written
    /// letter's new date, else the receipt's) is before `today` while the office still holds it
    /// (not finished, not waiting for the citizen) and that owes no letter yet; how many it
    /// inserted. Letters are numbered per dossier and the number is unique, so scans running at
    /// once insert each letter once.
    pub async fn record_overdue(&self, today: Date, now: i64) -> sqlx::Result<u64> {
        let held: Vec<String> = DossierStatus::ALL
            .into_iter()
            .filter(|status| !is_finished(*status) && *status != DossierStatus::NeedsSupplement)
            .map(|status| format!("'{}'", status.as_str()))
            .collect();
        let today = date::format_iso(today);
        let _turn = self.write_turn().await;
        let mut transaction = self.begin_write().await?;
        let candidates = sqlx::query(&format!(
            "SELECT id, agency, promise, last_number FROM (
                 SELECT d.id, d.agency,
                        COALESCE((SELECT MAX(w.new_date) FROM apology_letters w
                                  WHERE w.dossier_id = d.id AND w.written_at IS NOT NULL),
                                 d.promised_date) AS promise,
                        (SELECT COALESCE(MAX(l.number), 0) FROM apology_letters l
                         WHERE l.dossier_id = d.id) AS last_number
                 FROM dossiers d
                 WHERE d.status IN ({}) AND d.promised_date < $1
                   AND NOT EXISTS (SELECT 1 FROM apology_letters p
                                   WHERE p.dossier_id = d.id AND p.written_at IS NULL)
             ) AS candidates
             WHERE promise < $1",
            held.join(", ")
        ))
        .bind(&today)
        .fetch_all(&mut *transaction)
        .await?;
        let mut inserted = 0;
        for candidate in candidates {
            let last_number: i32 = candidate.try_get("last_number")?;
            let done = sqlx::query(
                "INSERT INTO apology_letters (id, dossier_id, number, missed_date, needed_since,
                     office)
                 VALUES ($1, $2, $3, $4, $5, $6)
                 ON CONFLICT (dossier_id, number) DO NOTHING",
            )
            .bind(new_id())
            .bind(candidate.try_get::<String, _>("id")?)
            .bind(last_number + 1)
            .bind(candidate.try_get::<String, _>("promise")?)
            .bind(now)
            .bind(candidate.try_get::<String, _>("agency")?)
            .execute(&mut *transaction)
            .await?;
            inserted += done.rows_affected();
        }
        transaction.commit().await?;
        Ok(inserted)
    }

    /// The letter the dossier owes and nobody wrote yet, if any.
    pub async fn pending_apology(&self, dossier_id: &str) -> sqlx::Result<Option<PendingApology>> {
        let row = sqlx::query(
            "SELECT number, missed_date, office FROM apology_letters
             WHERE dossier_id = $1 AND written_at IS NULL
             ORDER BY number LIMIT 1",
        )
        .bind(dossier_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(PendingApology {
                number: row.try_get("number")?,
                missed_date: iso(row.try_get("missed_date")?)?,
                office: row.try_get("office")?,
            })
        })
        .transpose()
    }

    /// Writes the pending letter numbered `letter.number` and logs it with `audit`, both or
    /// neither: whether it was still unwritten (of two officers writing at once, one does).
    pub async fn write_apology(
        &self,
        dossier_id: &str,
        letter: &WrittenApology<'_>,
        audit: &NewAuditEntry,
    ) -> sqlx::Result<bool> {
        let _turn = self.write_turn().await;
        let mut transaction = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE apology_letters SET reason = $1, new_date = $2, written_at = $3,
                 written_by = $4
             WHERE dossier_id = $5 AND number = $6 AND written_at IS NULL",
        )
        .bind(letter.reason)
        .bind(date::format_iso(letter.new_date))
        .bind(letter.written_at)
        .bind(letter.written_by)
        .bind(dossier_id)
        .bind(letter.number)
        .execute(&mut *transaction)
        .await?;
        if done.rows_affected() != 1 {
            transaction.rollback().await?;
            return Ok(false);
        }
        append_audit_in(&mut transaction, audit).await?;
        transaction.commit().await?;
        Ok(true)
    }

    /// The dossier's written letters, oldest first.
    pub async fn apology_letters(&self, dossier_id: &str) -> sqlx::Result<Vec<ApologyLetter>> {
        let rows = sqlx::query(
            "SELECT number, office, reason, missed_date, new_date, written_at
             FROM apology_letters
             WHERE dossier_id = $1 AND written_at IS NOT NULL
             ORDER BY number",
        )
        .bind(dossier_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ApologyLetter {
                    number: u32::try_from(row.try_get::<i32, _>("number")?)
                        .map_err(|error| sqlx::Error::Decode(error.into()))?,
                    office: row.try_get("office")?,
                    reason: row.try_get("reason")?,
                    missed_date: iso(row.try_get("missed_date")?)?,
                    new_date: iso(row.try_get("new_date")?)?,
                    written_at: row.try_get("written_at")?,
                })
            })
            .collect()
    }

    /// The id and reception unit of the dossier with this code.
    pub async fn dossier_unit(&self, code: &str) -> sqlx::Result<Option<(String, String)>> {
        let row = sqlx::query("SELECT id, unit FROM dossiers WHERE code = $1")
            .bind(code)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| Ok((row.try_get("id")?, row.try_get("unit")?)))
            .transpose()
    }
}

/// A stored `yyyy-mm-dd`.
pub(super) fn iso(text: String) -> sqlx::Result<Date> {
    date::parse_iso(&text)
        .ok_or_else(|| sqlx::Error::Decode(format!("bad stored date {text:?}").into()))
}
