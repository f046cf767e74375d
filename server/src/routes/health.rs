use axum::Json;
use axum::extract::State;
use serde::Serialize;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::openapi::{Internal, Timeout};
use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(health))
}

#[derive(Serialize, ToSchema)]
struct Health {
    /// Always `ok`.
    #[schema(example = "ok")]
    status: &'static str,
}

/// Whether the server and its database answer
#[utoipa::path(
    get,
    path = "/health",
    tag = "meta",
    responses(
        (status = 200, description = "The server and its database answer", body = Health),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn health(State(state): State<AppState>) -> AppResult<Json<Health>> {
    state.store.ping().await?;
    Ok(Json(Health { status: "ok" }))
}
