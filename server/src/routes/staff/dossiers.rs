//! The dossiers of the officer's unit: the inbox, one dossier with its files, checklist, actions
//! and audit log, and filing at the counter. Every handler takes the [`Officer`] first, so a
//! request without a session is 401 before anything else is looked at.

use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::{get, post};
use axum::{Json, Router};
use motcua_api::date::vietnam_local_time;
use motcua_api::filing::DossierInput;
use motcua_api::staff::{
    ActionInput, AuditEntry, DocumentCheckInput, InboxPage, InboxQuery, Permission, RawInboxQuery,
    StaffDossierView,
};

use crate::auth::Officer;
use crate::clock::unix_now;
use crate::domain::counter::file_at_counter;
use crate::domain::inbox::inbox;
use crate::domain::workflow::{act, audit_log, check_document, dossier_file, view_dossier};
use crate::error::{AppError, AppResult};
use crate::routes::dossiers::{filed_response, idempotency_key};
use crate::routes::extract::{ApiJson, ApiPath, ApiQuery};
use crate::routes::uploads::inline_file;
use crate::state::AppState;

const FILE_GONE: &str = "Tệp này không còn trên máy chủ.";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/dossiers", get(list).post(file))
        .route("/staff/dossiers/{code}", get(view))
        .route("/staff/dossiers/{code}/files/{id}", get(preview))
        .route("/staff/dossiers/{code}/actions", post(action))
        .route("/staff/dossiers/{code}/checks", post(check))
        .route("/staff/dossiers/{code}/audit", get(audit))
}

/// One page of a tab of the inbox; 400 naming the parameter that is wrong.
async fn list(
    State(state): State<AppState>,
    officer: Officer,
    ApiQuery(raw): ApiQuery<RawInboxQuery>,
) -> AppResult<Json<InboxPage>> {
    officer.require(Permission::ViewDossiers)?;
    let query =
        InboxQuery::try_from(raw).map_err(|(parameter, message)| AppError::BadParameter {
            parameter: parameter.into(),
            message: message.into(),
        })?;
    let today = vietnam_local_time(unix_now()).date;
    Ok(Json(
        inbox(&state.store, &officer.unit, &query, today).await?,
    ))
}

/// Files a dossier brought on paper: 201 and the receipt, as online filing answers.
async fn file(
    State(state): State<AppState>,
    officer: Officer,
    headers: HeaderMap,
    ApiJson(input): ApiJson<DossierInput>,
) -> AppResult<Response> {
    officer.require(Permission::FileAtCounter)?;
    let key = idempotency_key(&headers)?;
    let filed = file_at_counter(&state.store, &officer, &input, key, unix_now()).await?;
    Ok(filed_response(filed))
}

async fn view(
    State(state): State<AppState>,
    officer: Officer,
    ApiPath(code): ApiPath<String>,
) -> AppResult<Json<StaffDossierView>> {
    Ok(Json(
        view_dossier(&state.store, &officer, &code, unix_now()).await?,
    ))
}

/// The bytes of a file the dossier holds, shown inline under a name the server makes
/// (`{code}-{id}.pdf`), never the name it was uploaded with.
async fn preview(
    State(state): State<AppState>,
    officer: Officer,
    ApiPath((code, id)): ApiPath<(String, String)>,
) -> AppResult<Response> {
    let (record, upload) = dossier_file(&state.store, &officer, &code, &id, unix_now()).await?;
    let reader = state
        .files
        .open(&upload.storage_key)
        .await?
        .ok_or_else(|| AppError::NotFound(FILE_GONE.into()))?;
    let extension = match upload.content_type.as_str() {
        "application/pdf" => "pdf",
        "image/jpeg" => "jpg",
        "image/png" => "png",
        _ => "bin",
    };
    let disposition = format!(
        "inline; filename=\"{}-{}.{extension}\"",
        record.code, upload.id
    );
    Ok(inline_file(
        reader,
        upload.content_type,
        upload.size,
        disposition,
    ))
}

/// 200 and the dossier after the action; see [`act`] for the refusals.
async fn action(
    State(state): State<AppState>,
    officer: Officer,
    ApiPath(code): ApiPath<String>,
    ApiJson(input): ApiJson<ActionInput>,
) -> AppResult<Json<StaffDossierView>> {
    Ok(Json(
        act(&state.store, &officer, &code, &input, unix_now()).await?,
    ))
}

/// 200 and the dossier with the checklist line ticked or unticked.
async fn check(
    State(state): State<AppState>,
    officer: Officer,
    ApiPath(code): ApiPath<String>,
    ApiJson(input): ApiJson<DocumentCheckInput>,
) -> AppResult<Json<StaffDossierView>> {
    Ok(Json(
        check_document(&state.store, &officer, &code, &input, unix_now()).await?,
    ))
}

/// The dossier's audit log, oldest first; leaders only.
async fn audit(
    State(state): State<AppState>,
    officer: Officer,
    ApiPath(code): ApiPath<String>,
) -> AppResult<Json<Vec<AuditEntry>>> {
    Ok(Json(audit_log(&state.store, &officer, &code).await?))
}
