use axum::extract::State;
use axum::routing::get;
use axum::{Json, Router};
use serde_json::{Value, json};

use crate::error::AppResult;
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new().route("/health", get(health))
}

/// `{"status":"ok"}` when the database answers.
async fn health(State(state): State<AppState>) -> AppResult<Json<Value>> {
    state.store.ping().await?;
    Ok(Json(json!({ "status": "ok" })))
}
