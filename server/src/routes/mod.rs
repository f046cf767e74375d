//! The JSON API under `/api`: one module per resource, each exporting `router()`, whose routes are
//! registered with `utoipa_axum::routes!` together with their OpenAPI operations.

mod dossiers;
mod extract;
mod health;
mod openapi;
mod procedures;
mod staff;
mod stats;
mod uploads;

use axum::extract::DefaultBodyLimit;
use axum::http::{StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Router};
use motcua_api::server_messages as says;
use utoipa_axum::router::OpenApiRouter;

use crate::error::AppError;
use crate::security::{JSON_BODY_BYTES, REQUEST_TIME, time_limited};
use crate::state::AppState;

/// The API; `max_upload_bytes` caps one attachment. Bodies are capped at `JSON_BODY_BYTES` and
/// requests at `REQUEST_TIME`, except the uploads, which set their own.
pub fn router(max_upload_bytes: u64) -> Router<AppState> {
    let (api, operations) = documented(max_upload_bytes).split_for_parts();
    let json = openapi::document(operations)
        .to_json()
        .expect("the OpenAPI document serializes");
    api.layer(Extension(openapi::Served(json.into())))
        .layer(DefaultBodyLimit::max(JSON_BODY_BYTES))
        .fallback(unknown_endpoint)
        .method_not_allowed_fallback(method_not_allowed)
}

/// The routes with their OpenAPI operations (paths relative to `/api`), which come from the same
/// `routes!` calls: every route is in the document.
fn documented(max_upload_bytes: u64) -> OpenApiRouter<AppState> {
    let quick = OpenApiRouter::new()
        .merge(health::router())
        .merge(openapi::router())
        .merge(procedures::router())
        .merge(dossiers::router())
        .merge(staff::router())
        .merge(stats::router());
    time_limited(quick, REQUEST_TIME).merge(uploads::router(max_upload_bytes))
}

/// An `/api` path that does not exist is a JSON 404, never the front-end's index.html.
async fn unknown_endpoint(uri: Uri) -> AppError {
    tracing::debug!(%uri, "unknown api endpoint");
    AppError::NotFound(says::UNKNOWN_ENDPOINT.vi.into())
}

async fn method_not_allowed() -> Response {
    let body = motcua_api::ErrorBody {
        error: "method_not_allowed".into(),
        message: says::METHOD_NOT_ALLOWED.vi.into(),
        fields: Default::default(),
    };
    (StatusCode::METHOD_NOT_ALLOWED, axum::Json(body)).into_response()
}
