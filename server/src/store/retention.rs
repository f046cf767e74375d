//! Erasing the personal data of dossiers past their retention period.

use super::Store;

/// Dossiers erased in one transaction: a long backlog is erased in several, so writers wait
/// little.
const BATCH: i64 = 200;

impl Store {
    /// Erases the personal data of up to [`BATCH`] dossiers finished before `cutoff`
    /// (`yyyy-mm-dd`), noting `today`: the applicant, phone, what was filed, the rating's
    /// comment, the tracking token and the idempotency key go; the code, procedure, unit, dates
    /// and statuses stay for the public figures. No lookup finds an erased dossier.
    /// Returns the dossiers erased and the storage keys of their files, whose bytes the caller
    /// deletes once this has committed.
    pub async fn erase_finished_before(
        &self,
        cutoff: &str,
        today: &str,
    ) -> sqlx::Result<(u64, Vec<String>)> {
        let _turn = self.write_turn().await;
        let mut transaction = self.begin_write().await?;
        let dossiers: Vec<(String, String)> = sqlx::query_as(
            "SELECT id, code FROM dossiers
             WHERE finished_on < $1 AND erased_on IS NULL ORDER BY finished_on LIMIT $2",
        )
        .bind(cutoff)
        .bind(BATCH)
        .fetch_all(&mut *transaction)
        .await?;
        let mut keys = Vec::new();
        for (id, code) in &dossiers {
            let stored: Vec<String> = sqlx::query_scalar(
                "SELECT storage_key FROM uploads WHERE dossier_id = $1 AND storage_key <> ''",
            )
            .bind(id)
            .fetch_all(&mut *transaction)
            .await?;
            keys.extend(stored);
            sqlx::query("UPDATE uploads SET name = '', storage_key = '' WHERE dossier_id = $1")
                .bind(id)
                .execute(&mut *transaction)
                .await?;
            sqlx::query(
                "UPDATE dossiers SET applicant_name = '', phone = '', applicant_search = '',
                     body = '{}', tracking_token = '', erased_on = $2
                 WHERE id = $1",
            )
            .bind(id)
            .bind(today)
            .execute(&mut *transaction)
            .await?;
            sqlx::query("UPDATE ratings SET comment = '' WHERE dossier_id = $1")
                .bind(id)
                .execute(&mut *transaction)
                .await?;
            sqlx::query("DELETE FROM idempotency_keys WHERE dossier_code = $1")
                .bind(code)
                .execute(&mut *transaction)
                .await?;
        }
        transaction.commit().await?;
        Ok((dossiers.len() as u64, keys))
    }
}
