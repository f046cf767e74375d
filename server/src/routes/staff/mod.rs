//! The staff workspace's API under `/api/staff`: every route here passes the same-origin check
//! (non-GET requests) and answers `Cache-Control: private, no-store` (officers' pages hold personal data).
//!
//! A staff sub-router is merged here, above the layers, so that they cover it.

mod apology;
mod auth;
mod dossiers;

use axum::http::HeaderValue;
use axum::http::header::CACHE_CONTROL;
use axum::middleware;
use axum::response::Response;
use utoipa_axum::router::OpenApiRouter;

use crate::auth::csrf::same_origin;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .merge(auth::router())
        .merge(apology::router())
        .merge(dossiers::router())
        .layer(middleware::from_fn(same_origin))
        .layer(middleware::map_response(no_store))
}

async fn no_store(mut response: Response) -> Response {
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
    response
}
