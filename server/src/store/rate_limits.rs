//! Hits per client and kind of request in fixed windows, shared by every node.

use sqlx::Row;

use super::Store;

/// A client's count in its current window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowCount {
    /// Unix seconds.
    pub window_start: i64,
    pub hits: i64,
}

impl Store {
    /// Counts one hit of `kind` from `client` at `now` (Unix seconds) in a window of
    /// `window_seconds`, starting a new window when the last one has passed; the count after it.
    pub async fn hit(
        &self,
        kind: &str,
        client: &str,
        now: i64,
        window_seconds: i64,
    ) -> sqlx::Result<WindowCount> {
        let _turn = self.write_turn().await;
        let row = sqlx::query(
            "INSERT INTO rate_limits (kind, client, window_start, hits) VALUES ($1, $2, $3, 1)
             ON CONFLICT (kind, client) DO UPDATE SET
                 hits = CASE WHEN rate_limits.window_start <= $4 THEN 1
                             ELSE rate_limits.hits + 1 END,
                 window_start = CASE WHEN rate_limits.window_start <= $4 THEN $3
                                     ELSE rate_limits.window_start END
             RETURNING window_start, hits",
        )
        .bind(kind)
        .bind(client)
        .bind(now)
        .bind(now - window_seconds)
        .fetch_one(&self.pool)
        .await?;
        Ok(WindowCount {
            window_start: row.try_get("window_start")?,
            hits: row.try_get("hits")?,
        })
    }

    /// The count of `kind` from `client` in the window running at `now`, without adding to it.
    pub async fn hits(
        &self,
        kind: &str,
        client: &str,
        now: i64,
        window_seconds: i64,
    ) -> sqlx::Result<Option<WindowCount>> {
        let row = sqlx::query(
            "SELECT window_start, hits FROM rate_limits
             WHERE kind = $1 AND client = $2 AND window_start > $3",
        )
        .bind(kind)
        .bind(client)
        .bind(now - window_seconds)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(WindowCount {
                window_start: row.try_get("window_start")?,
                hits: row.try_get("hits")?,
            })
        })
        .transpose()
    }

    /// Forgets windows that ended before `before` (Unix seconds); how many.
    pub async fn delete_rate_limits_before(&self, before: i64) -> sqlx::Result<u64> {
        let _turn = self.write_turn().await;
        Ok(
            sqlx::query("DELETE FROM rate_limits WHERE window_start < $1")
                .bind(before)
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }
}
