//! Ratings: one per dossier, kept by the table's primary key.

use sqlx::Row;

use super::Store;

/// A dossier's rating as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatingRecord {
    pub satisfaction: i32,
    pub guidance_clear: i32,
    pub on_time: i32,
    pub staff_attitude: i32,
    pub comment: String,
    pub rated_at: i64,
}

impl Store {
    /// Stores the dossier's rating unless it has one: whether this one was stored. Of ratings
    /// arriving at once exactly one is.
    pub async fn rate_dossier(
        &self,
        dossier_id: &str,
        rating: &RatingRecord,
    ) -> sqlx::Result<bool> {
        let _turn = self.write_turn().await;
        let inserted = sqlx::query(
            "INSERT INTO ratings (dossier_id, satisfaction, guidance_clear, on_time,
                 staff_attitude, comment, rated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (dossier_id) DO NOTHING",
        )
        .bind(dossier_id)
        .bind(rating.satisfaction)
        .bind(rating.guidance_clear)
        .bind(rating.on_time)
        .bind(rating.staff_attitude)
        .bind(&rating.comment)
        .bind(rating.rated_at)
        .execute(&self.pool)
        .await;
        match inserted {
            Ok(done) => Ok(done.rows_affected() == 1),
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => Ok(false),
            Err(error) => Err(error),
        }
    }

    pub async fn dossier_rating(&self, dossier_id: &str) -> sqlx::Result<Option<RatingRecord>> {
        let row = sqlx::query(
            "SELECT satisfaction, guidance_clear, on_time, staff_attitude, comment, rated_at
             FROM ratings WHERE dossier_id = $1",
        )
        .bind(dossier_id)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(RatingRecord {
                satisfaction: row.try_get("satisfaction")?,
                guidance_clear: row.try_get("guidance_clear")?,
                on_time: row.try_get("on_time")?,
                staff_attitude: row.try_get("staff_attitude")?,
                comment: row.try_get("comment")?,
                rated_at: row.try_get("rated_at")?,
            })
        })
        .transpose()
    }
}
