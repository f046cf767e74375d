//! `POST /api/staff/dossiers/{code}/apology`: the office writes the apology letter an overdue
//! dossier owes.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use motcua_api::ErrorBody;
use motcua_api::apology::{ApologyInput, ApologyLetter};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Officer;
use crate::clock::unix_now;
use crate::domain::apology::write_apology;
use crate::error::AppResult;
use crate::routes::dossiers::DOSSIER_CODE;
use crate::routes::extract::{ApiJson, ApiPath};
use crate::routes::openapi::{
    BadRequest, BodyTooLarge, Forbidden, Internal, NotJson, SignInNeeded, Timeout,
};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(write))
}

/// 201 and the letter as the citizen will read it.
#[utoipa::path(
    post,
    path = "/staff/dossiers/{code}/apology",
    tag = "staff",
    summary = "Write the apology letter an overdue dossier owes",
    security(("staff_session" = [], "same_origin" = [])),
    params(("code" = String, Path, description = DOSSIER_CODE)),
    request_body = ApologyInput,
    responses(
        (status = 201, description = "The letter as the citizen will read it",
            body = ApologyLetter),
        (status = 400, response = BadRequest),
        (status = 401, response = SignInNeeded),
        (status = 403, response = Forbidden),
        (status = 404, description = "No such dossier in the officer's unit (`not_found`)",
            body = ErrorBody),
        (status = 409, description = "The dossier owes no letter (`no_apology_due`)",
            body = ErrorBody),
        (status = 413, response = BodyTooLarge),
        (status = 415, response = NotJson),
        (status = 422, description = "No reason, or a new date that is not a later working day \
            (`validation`, each in `fields`)", body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn write(
    State(state): State<AppState>,
    officer: Officer,
    ApiPath(code): ApiPath<String>,
    ApiJson(input): ApiJson<ApologyInput>,
) -> AppResult<(StatusCode, Json<ApologyLetter>)> {
    let letter = write_apology(&state.store, &officer, &code, &input, unix_now()).await?;
    Ok((StatusCode::CREATED, Json(letter)))
}
