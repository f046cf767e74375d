//! The procedure catalog: search, one procedure, and the filter values.

use std::time::Instant;

use axum::Json;
use axum::extract::State;
use motcua_api::server_messages as says;
use motcua_api::{
    ErrorBody, FacetCount, Procedure, ProcedurePage, ProcedureQuery, RawProcedureQuery,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::{ApiPath, ApiQuery, ClientAddress};
use super::openapi::{BadRequest, Internal, Timeout, TooManyRequests};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

const TOO_MANY_SEARCHES: &str = says::TOO_MANY_SEARCHES.vi;

/// Longest procedure code accepted; real ones are like `1.001193`.
const MAX_CODE_CHARS: usize = 64;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(search))
        .routes(routes!(procedure))
        .routes(routes!(fields))
        .routes(routes!(agencies))
}

/// Search the catalog, one page at a time
///
/// Without `q`, the whole catalog in order; the filters narrow either.
#[utoipa::path(
    get,
    path = "/procedures",
    tag = "catalog",
    params(RawProcedureQuery),
    responses(
        (status = 200, description = "One page of the procedures found", body = ProcedurePage),
        (status = 400, response = BadRequest),
        (status = 429, response = TooManyRequests),
        (status = 503, response = Timeout),
    )
)]
async fn search(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    ApiQuery(raw): ApiQuery<RawProcedureQuery>,
) -> AppResult<Json<ProcedurePage>> {
    let taken = state.limits.searches.take(client, Instant::now());
    AppError::unless_limited(taken, TOO_MANY_SEARCHES)?;
    let query = ProcedureQuery::try_from(raw)?;
    Ok(Json(state.catalog.index().search(&query)))
}

/// One procedure, in full
#[utoipa::path(
    get,
    path = "/procedures/{code}",
    tag = "catalog",
    params(("code" = String, Path, description = "Mã thủ tục, e.g. `1.001193`")),
    responses(
        (status = 200, description = "The procedure", body = Procedure),
        (status = 400, response = BadRequest),
        (status = 404, description = "No procedure has this code (`not_found`)", body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn procedure(
    State(state): State<AppState>,
    ApiPath(code): ApiPath<String>,
) -> AppResult<Json<Procedure>> {
    if code.chars().count() > MAX_CODE_CHARS {
        return Err(AppError::BadParameter {
            parameter: "code".into(),
            message: says::PROCEDURE_CODE_TOO_LONG.vi.into(),
        });
    }
    state
        .store
        .procedure(code.trim())
        .await?
        .map(Json)
        .ok_or_else(|| AppError::NotFound(format!("Không tìm thấy thủ tục có mã {code}.")))
}

/// The fields (lĩnh vực) of the catalog, with how many procedures each has
#[utoipa::path(
    get,
    path = "/fields",
    tag = "catalog",
    responses(
        (status = 200, description = "Every field and its count", body = Vec<FacetCount>),
        (status = 503, response = Timeout),
    )
)]
async fn fields(State(state): State<AppState>) -> Json<Vec<FacetCount>> {
    Json(state.catalog.index().fields())
}

/// The agencies of the catalog, with how many procedures each has
#[utoipa::path(
    get,
    path = "/agencies",
    tag = "catalog",
    responses(
        (status = 200, description = "Every agency and its count", body = Vec<FacetCount>),
        (status = 503, response = Timeout),
    )
)]
async fn agencies(State(state): State<AppState>) -> Json<Vec<FacetCount>> {
    Json(state.catalog.index().agencies())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_message_of_a_long_code_names_the_limit() {
        let limit = format!("tối đa {MAX_CODE_CHARS} ký tự");
        assert!(says::PROCEDURE_CODE_TOO_LONG.vi.contains(&limit));
    }
}
