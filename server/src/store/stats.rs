//! The facts the public figures count, in one query.

use motcua_api::date::{self, Date};
use motcua_api::dossier::DossierStatus;
use motcua_api::stats::DossierFacts;
use sqlx::Row;

use super::Store;
use super::apology::iso;

impl Store {
    /// Each dossier received from `from` to `to` (inclusive) with its rating's overall score.
    pub async fn dossier_facts(&self, from: Date, to: Date) -> sqlx::Result<Vec<DossierFacts>> {
        let rows = sqlx::query(
            "SELECT d.agency, d.field, d.status, d.promised_date, d.finished_on, r.satisfaction
             FROM dossiers d LEFT JOIN ratings r ON r.dossier_id = d.id
             WHERE d.received_on >= $1 AND d.received_on <= $2",
        )
        .bind(date::format_iso(from))
        .bind(date::format_iso(to))
        .fetch_all(&self.pool)
        .await?;
        let decode = |what: String| sqlx::Error::Decode(what.into());
        rows.iter()
            .map(|row| {
                let status: String = row.try_get("status")?;
                let optional_date = |column: &str| {
                    row.try_get::<Option<String>, _>(column)?
                        .map(iso)
                        .transpose()
                };
                Ok(DossierFacts {
                    agency: row.try_get("agency")?,
                    field: row.try_get("field")?,
                    status: DossierStatus::parse(&status)
                        .ok_or_else(|| decode(format!("bad stored status {status:?}")))?,
                    promised_date: optional_date("promised_date")?,
                    finished_on: optional_date("finished_on")?,
                    satisfaction: row
                        .try_get::<Option<i32>, _>("satisfaction")?
                        .map(|score| {
                            u8::try_from(score)
                                .map_err(|_| decode(format!("bad stored score {score}")))
                        })
                        .transpose()?,
                })
            })
            .collect()
    }
}
