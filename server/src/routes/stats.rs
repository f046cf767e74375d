//! The public figures (kết quả giải quyết hồ sơ): open to everyone, no proof asked.

use axum::extract::State;
use axum::http::HeaderName;
use axum::http::header::CACHE_CONTROL;
use axum::routing::get;
use axum::{Json, Router};
use motcua_api::date::vietnam_local_time;
use motcua_api::stats::{PublicStats, RawStatsQuery, StatsQuery, tally};

use super::extract::ApiQuery;
use crate::clock::unix_now;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/stats", get(stats))
}

/// The figures of the dossiers received from `from` to `to` (by default the last 30 days), as of
/// today; 400 naming the parameter for a bad period. Caches must ask again each time, so a
/// dossier finished a moment ago is counted at once.
async fn stats(
    State(state): State<AppState>,
    ApiQuery(raw): ApiQuery<RawStatsQuery>,
) -> AppResult<([(HeaderName, &'static str); 1], Json<PublicStats>)> {
    let today = vietnam_local_time(unix_now()).date;
    let query =
        StatsQuery::parse(raw, today).map_err(|(parameter, message)| AppError::BadParameter {
            parameter: parameter.into(),
            message: message.into(),
        })?;
    let facts = state.store.dossier_facts(query.from, query.to).await?;
    Ok((
        [(CACHE_CONTROL, "public, no-cache")],
        Json(tally(query, facts, today)),
    ))
}
