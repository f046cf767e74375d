//! The public figures (kết quả giải quyết hồ sơ): open to everyone, no proof asked.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderName;
use axum::http::header::CACHE_CONTROL;
use motcua_api::date::vietnam_local_time;
use motcua_api::stats::{PublicStats, RawStatsQuery, StatsQuery, tally};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::ApiQuery;
use super::openapi::{BadRequest, Internal, Timeout};
use crate::clock::unix_now;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(stats))
}

/// The figures of the dossiers received from `from` to `to` (by default the last 30 days), as of
/// today; 400 naming the parameter for a bad period. Caches must ask again each time, so a
/// dossier finished a moment ago is counted at once.
#[utoipa::path(
    get,
    path = "/stats",
    tag = "stats",
    summary = "The public figures of a period",
    params(RawStatsQuery),
    responses(
        (status = 200, description = "The figures of the period, overall, by agency and by field",
            body = PublicStats),
        (status = 400, response = BadRequest),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn stats(
    State(state): State<AppState>,
    ApiQuery(raw): ApiQuery<RawStatsQuery>,
) -> AppResult<([(HeaderName, &'static str); 1], Json<PublicStats>)> {
    let today = vietnam_local_time(unix_now()).date;
    let query =
        StatsQuery::parse(raw, today).map_err(|(parameter, message)| AppError::BadParameter {
            parameter: parameter.into(),
            message: message.vi.into(),
        })?;
    let facts = state.store.dossier_facts(query.from, query.to).await?;
    Ok((
        [(CACHE_CONTROL, "public, no-cache")],
        Json(tally(query, facts, today)),
    ))
}
