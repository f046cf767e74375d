//! Catalog rows: the procedure as JSON plus the columns listing and search need.

use motcua_api::{Level, OnlineLevel, Procedure, ProcedureSummary};
use sqlx::Row;

use super::Store;
use crate::clock::unix_now;

/// What an upsert did, for the import report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UpsertOutcome {
    Added,
    Updated,
    Unchanged,
}

impl Store {
    /// Inserts or updates one procedure by code; bumps the catalog version when anything changed.
    pub async fn upsert_procedure(&self, procedure: &Procedure) -> anyhow::Result<UpsertOutcome> {
        let body = serde_json::to_string(procedure)?;
        let mut transaction = self.pool.begin().await?;
        let existing: Option<String> =
            sqlx::query_scalar("SELECT body FROM procedures WHERE code = $1")
                .bind(&procedure.code)
                .fetch_optional(&mut *transaction)
                .await?;
        let outcome = match existing {
            Some(existing) if existing == body => return Ok(UpsertOutcome::Unchanged),
            Some(_) => UpsertOutcome::Updated,
            None => UpsertOutcome::Added,
        };
        sqlx::query(
            "INSERT INTO procedures (code, name, field, agency, levels, online_level, body, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
             ON CONFLICT (code) DO UPDATE SET name = excluded.name, field = excluded.field,
                 agency = excluded.agency, levels = excluded.levels,
                 online_level = excluded.online_level, body = excluded.body,
                 updated_at = excluded.updated_at",
        )
        .bind(&procedure.code)
        .bind(&procedure.name)
        .bind(&procedure.field)
        .bind(&procedure.agency)
        .bind(levels_to_text(&procedure.levels))
        .bind(procedure.online_level.as_str())
        .bind(&body)
        .bind(unix_now())
        .execute(&mut *transaction)
        .await?;
        sqlx::query("UPDATE catalog_meta SET version = version + 1 WHERE id = 1")
            .execute(&mut *transaction)
            .await?;
        transaction.commit().await?;
        Ok(outcome)
    }

    pub async fn procedure(&self, code: &str) -> anyhow::Result<Option<Procedure>> {
        let body: Option<String> =
            sqlx::query_scalar("SELECT body FROM procedures WHERE code = $1")
                .bind(code)
                .fetch_optional(&self.pool)
                .await?;
        Ok(body.map(|body| serde_json::from_str(&body)).transpose()?)
    }

    /// Every procedure as a list row, ordered by code, for the search index.
    pub async fn procedure_summaries(&self) -> anyhow::Result<Vec<ProcedureSummary>> {
        let rows = sqlx::query(
            "SELECT code, name, field, agency, levels, online_level FROM procedures ORDER BY code",
        )
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                Ok(ProcedureSummary {
                    code: row.try_get("code")?,
                    name: row.try_get("name")?,
                    field: row.try_get("field")?,
                    agency: row.try_get("agency")?,
                    levels: levels_from_text(&row.try_get::<String, _>("levels")?),
                    online_level: OnlineLevel::parse(&row.try_get::<String, _>("online_level")?)
                        .unwrap_or(OnlineLevel::None),
                })
            })
            .collect()
    }

    /// Grows with every change to the catalog.
    pub async fn catalog_version(&self) -> sqlx::Result<i64> {
        sqlx::query_scalar("SELECT version FROM catalog_meta WHERE id = 1")
            .fetch_one(&self.pool)
            .await
    }
}

fn levels_to_text(levels: &[Level]) -> String {
    levels
        .iter()
        .map(|level| level.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn levels_from_text(text: &str) -> Vec<Level> {
    text.split(',').filter_map(Level::parse).collect()
}
