//! `POST /api/staff/dossiers/{code}/apology`: the office writes the apology letter an overdue
//! dossier owes.

use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::post;
use axum::{Json, Router};
use motcua_api::apology::{ApologyInput, ApologyLetter};

use crate::auth::Officer;
use crate::clock::unix_now;
use crate::domain::apology::write_apology;
use crate::error::AppResult;
use crate::routes::extract::{ApiJson, ApiPath};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/staff/dossiers/{code}/apology", post(write))
}

/// 201 and the letter as the citizen will read it.
async fn write(
    State(state): State<AppState>,
    officer: Officer,
    ApiPath(code): ApiPath<String>,
    ApiJson(input): ApiJson<ApologyInput>,
) -> AppResult<(StatusCode, Json<ApologyLetter>)> {
    let letter = write_apology(&state.store, &officer, &code, &input, unix_now()).await?;
    Ok((StatusCode::CREATED, Json(letter)))
}
