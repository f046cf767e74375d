//! The procedure catalog: search, one procedure, and the filter values.

use std::time::Instant;

use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use motcua_api::{FacetCount, Procedure, ProcedurePage, ProcedureQuery, RawProcedureQuery};

use super::extract::{ApiPath, ApiQuery, ClientAddress};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

const TOO_MANY_SEARCHES: &str = "Bạn tìm kiếm quá nhanh. Hãy chờ giây lát rồi thử lại.";

/// Longest procedure code accepted; real ones are like `1.001193`.
const MAX_CODE_CHARS: usize = 64;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/procedures", get(search))
        .route("/procedures/{code}", get(procedure))
        .route("/fields", get(fields))
        .route("/agencies", get(agencies))
}

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

async fn procedure(
    State(state): State<AppState>,
    ApiPath(code): ApiPath<String>,
) -> AppResult<Json<Procedure>> {
    if code.chars().count() > MAX_CODE_CHARS {
        return Err(AppError::BadParameter {
            parameter: "code".into(),
            message: format!("Mã thủ tục quá dài (tối đa {MAX_CODE_CHARS} ký tự)."),
        });
    }
    state
        .store
        .procedure(code.trim())
        .await?
        .map(Json)
        .ok_or_else(|| AppError::NotFound(format!("Không tìm thấy thủ tục có mã {code}.")))
}

async fn fields(State(state): State<AppState>) -> Json<Vec<FacetCount>> {
    Json(state.catalog.index().fields())
}

async fn agencies(State(state): State<AppState>) -> Json<Vec<FacetCount>> {
    Json(state.catalog.index().agencies())
}
