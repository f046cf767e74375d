//! The dossiers of the officer's unit: the inbox, one dossier with its files, checklist, actions
//! and audit log, and filing at the counter. Every handler takes the [`Officer`] first, so a
//! request without a session is 401 before anything else is looked at.

use axum::Json;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::response::Response;
use motcua_api::ErrorBody;
use motcua_api::date::vietnam_local_time;
use motcua_api::dossier::DossierReceipt;
use motcua_api::filing::DossierInput;
use motcua_api::staff::{
    ActionInput, AuditEntry, DocumentCheckInput, InboxPage, InboxQuery, Permission, RawInboxQuery,
    StaffDossierView,
};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::Officer;
use crate::clock::unix_now;
use crate::domain::counter::file_at_counter;
use crate::domain::inbox::inbox;
use crate::domain::workflow::{act, audit_log, check_document, dossier_file, view_dossier};
use crate::error::{AppError, AppResult};
use crate::routes::dossiers::{
    DOSSIER_CODE, IDEMPOTENCY_KEY_HELP, filed_response, idempotency_key,
};
use crate::routes::extract::{ApiJson, ApiPath, ApiQuery};
use crate::routes::openapi::{
    BadRequest, BodyTooLarge, Forbidden, Internal, NotJson, SignInNeeded, Timeout,
};
use crate::routes::uploads::inline_file;
use crate::state::AppState;

const FILE_GONE: &str = motcua_api::server_messages::FILE_GONE.vi;
/// A dossier the officer's unit does not hold, as the OpenAPI document describes it.
const NOT_IN_UNIT: &str = "No such dossier in the officer's unit (`not_found`)";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(list, file))
        .routes(routes!(view))
        .routes(routes!(preview))
        .routes(routes!(action))
        .routes(routes!(check))
        .routes(routes!(audit))
}

/// One page of a tab of the inbox; 400 naming the parameter that is wrong.
#[utoipa::path(
    get,
    path = "/staff/dossiers",
    tag = "staff",
    summary = "The inbox: one page of a tab, filtered",
    security(("staff_session" = [])),
    params(RawInboxQuery),
    responses(
        (status = 200, description = "The page, and the count of every tab", body = InboxPage),
        (status = 400, response = BadRequest),
        (status = 401, response = SignInNeeded),
        (status = 403, response = Forbidden),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn list(
    State(state): State<AppState>,
    officer: Officer,
    ApiQuery(raw): ApiQuery<RawInboxQuery>,
) -> AppResult<Json<InboxPage>> {
    officer.require(Permission::ViewDossiers)?;
    let query =
        InboxQuery::try_from(raw).map_err(|(parameter, message)| AppError::BadParameter {
            parameter: parameter.into(),
            message: message.vi.into(),
        })?;
    let today = vietnam_local_time(unix_now()).date;
    Ok(Json(
        inbox(&state.store, &officer.unit, &query, today).await?,
    ))
}

/// Files a dossier brought on paper: 201 and the receipt, as online filing answers.
#[utoipa::path(
    post,
    path = "/staff/dossiers",
    tag = "staff",
    summary = "File at the counter a dossier brought on paper",
    security(("staff_session" = [], "same_origin" = [])),
    params(("Idempotency-Key" = String, Header, description = IDEMPOTENCY_KEY_HELP,
        min_length = 8, max_length = 100, pattern = "^[A-Za-z0-9_-]+$")),
    request_body = DossierInput,
    responses(
        (status = 201, description = "Filed and received, or filed before under this key: the \
            receipt", body = DossierReceipt, headers(("Idempotent-Replayed" = String,
                description = "`true` when an earlier request with this key filed it"))),
        (status = 400, response = BadRequest),
        (status = 401, response = SignInNeeded),
        (status = 403, description = "The role may not file at the counter, the procedure is \
            another unit's, or the request did not come from the portal's own pages \
            (`forbidden`)", body = ErrorBody),
        (status = 413, response = BodyTooLarge),
        (status = 415, response = NotJson),
        (status = 422, description = "The dossier breaks the filing rules (`validation`, each \
            bad field in `fields`), or the key was used for another request \
            (`idempotency_key_reused`)", body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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

/// One dossier, all an officer needs to decide; the read is audited
#[utoipa::path(
    get,
    path = "/staff/dossiers/{code}",
    tag = "staff",
    security(("staff_session" = [])),
    params(("code" = String, Path, description = DOSSIER_CODE)),
    responses(
        (status = 200, description = "The dossier", body = StaffDossierView),
        (status = 400, response = BadRequest),
        (status = 401, response = SignInNeeded),
        (status = 403, response = Forbidden),
        (status = 404, description = NOT_IN_UNIT, body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
#[utoipa::path(
    get,
    path = "/staff/dossiers/{code}/files/{id}",
    tag = "staff",
    operation_id = "preview_dossier_file",
    summary = "The bytes of a file the dossier holds; the read is audited",
    security(("staff_session" = [])),
    params(
        ("code" = String, Path, description = DOSSIER_CODE),
        ("id" = String, Path, description = "The file's id, as the dossier view lists it"),
    ),
    responses(
        (status = 200, description = "The file, shown inline and sandboxed",
            content(("application/pdf"), ("image/jpeg"), ("image/png"))),
        (status = 400, response = BadRequest),
        (status = 401, response = SignInNeeded),
        (status = 403, response = Forbidden),
        (status = 404, description = "No such dossier in the officer's unit, or the dossier \
            has no such file (`not_found`)", body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
#[utoipa::path(
    post,
    path = "/staff/dossiers/{code}/actions",
    tag = "staff",
    summary = "Move the dossier on: receive, refuse, ask for a supplement, process, finish, \
        return",
    security(("staff_session" = [], "same_origin" = [])),
    params(("code" = String, Path, description = DOSSIER_CODE)),
    request_body = ActionInput,
    responses(
        (status = 200, description = "The dossier after the action", body = StaffDossierView),
        (status = 400, response = BadRequest),
        (status = 401, response = SignInNeeded),
        (status = 403, response = Forbidden),
        (status = 404, description = NOT_IN_UNIT, body = ErrorBody),
        (status = 409, description = "Another officer changed the dossier since \
            (`stale_version`), or the action is not allowed from its status \
            (`illegal_transition`)", body = ErrorBody),
        (status = 413, response = BodyTooLarge),
        (status = 415, response = NotJson),
        (status = 422, description = "A missing reason, note or result file (`validation`, \
            each in `fields`)", body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
#[utoipa::path(
    post,
    path = "/staff/dossiers/{code}/checks",
    tag = "staff",
    summary = "Tick or untick a line of the document checklist",
    security(("staff_session" = [], "same_origin" = [])),
    params(("code" = String, Path, description = DOSSIER_CODE)),
    request_body = DocumentCheckInput,
    responses(
        (status = 200, description = "The dossier with the line ticked or not",
            body = StaffDossierView),
        (status = 400, response = BadRequest),
        (status = 401, response = SignInNeeded),
        (status = 403, response = Forbidden),
        (status = 404, description = NOT_IN_UNIT, body = ErrorBody),
        (status = 413, response = BodyTooLarge),
        (status = 415, response = NotJson),
        (status = 422, description = "The dossier has no such line (`validation`, in \
            `fields.index`)", body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
#[utoipa::path(
    get,
    path = "/staff/dossiers/{code}/audit",
    tag = "staff",
    summary = "The dossier's audit log, oldest first (leaders only)",
    security(("staff_session" = [])),
    params(("code" = String, Path, description = DOSSIER_CODE)),
    responses(
        (status = 200, description = "Every read and change, oldest first",
            body = Vec<AuditEntry>),
        (status = 400, response = BadRequest),
        (status = 401, response = SignInNeeded),
        (status = 403, response = Forbidden),
        (status = 404, description = NOT_IN_UNIT, body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn audit(
    State(state): State<AppState>,
    officer: Officer,
    ApiPath(code): ApiPath<String>,
) -> AppResult<Json<Vec<AuditEntry>>> {
    Ok(Json(audit_log(&state.store, &officer, &code).await?))
}
