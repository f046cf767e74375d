//! Signing in and out, who is signed in, and the admin's account list.

use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use motcua_api::staff::{LoginInput, NewStaffInput, Permission, StaffMe};

use crate::auth::login::sign_in;
use crate::auth::session::{session_hash, set_cookie};
use crate::auth::{Officer, create_account};
use crate::clock::unix_now;
use crate::error::AppResult;
use crate::routes::extract::{ApiJson, ClientAddress};
use crate::state::AppState;

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/staff/login", post(login))
        .route("/staff/logout", post(logout))
        .route("/staff/me", get(me))
        .route("/staff/accounts", get(accounts).post(new_account))
}

/// 200 with who signed in and the cookie of a new session. A session the browser held before is
/// ended: a session id is never carried across a sign-in.
async fn login(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    ApiJson(input): ApiJson<LoginInput>,
) -> AppResult<Response> {
    let signed_in = sign_in(&state, client, input, unix_now()).await?;
    if let Some(old) = session_hash(&headers) {
        state.store.delete_session(&old).await?;
    }
    let mut response = Json(signed_in.me).into_response();
    set_cookie(
        response.headers_mut(),
        state.sessions.cookie(&signed_in.secret),
    );
    Ok(response)
}

/// 204, the session ended and the cookie cleared, signed in or not.
async fn logout(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    if let Some(hash) = session_hash(&headers) {
        state.store.delete_session(&hash).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    set_cookie(response.headers_mut(), state.sessions.clearing_cookie());
    Ok(response)
}

async fn me(officer: Officer) -> Json<StaffMe> {
    Json(officer.me())
}

/// Every account (admins only).
async fn accounts(
    State(state): State<AppState>,
    officer: Officer,
) -> AppResult<Json<Vec<StaffMe>>> {
    officer.require(Permission::ManageAccounts)?;
    let accounts = state.store.staff_accounts().await?;
    Ok(Json(
        accounts
            .into_iter()
            .map(|account| StaffMe {
                username: account.username,
                role: account.role,
                unit: account.unit,
            })
            .collect(),
    ))
}

/// 201 and the new account (admins only).
async fn new_account(
    State(state): State<AppState>,
    officer: Officer,
    ApiJson(input): ApiJson<NewStaffInput>,
) -> AppResult<(StatusCode, Json<StaffMe>)> {
    officer.require(Permission::ManageAccounts)?;
    let created = create_account(&state.store, &input, unix_now()).await?;
    tracing::info!(by = %officer.username, username = %created.username, "account made by an admin");
    Ok((StatusCode::CREATED, Json(created)))
}
