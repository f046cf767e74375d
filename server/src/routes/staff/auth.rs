//! Signing in and out, who is signed in, and the admin's account list.

use axum::Json;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use motcua_api::ErrorBody;
use motcua_api::staff::{LoginInput, NewStaffInput, Permission, StaffMe};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::login::sign_in;
use crate::auth::session::{session_hash, set_cookie};
use crate::auth::{Officer, create_account};
use crate::clock::unix_now;
use crate::error::AppResult;
use crate::routes::extract::{ApiJson, ClientAddress};
use crate::routes::openapi::{
    BadRequest, BodyTooLarge, Forbidden, Internal, NotJson, SignInNeeded, Timeout,
};
use crate::state::AppState;

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(login))
        .routes(routes!(logout))
        .routes(routes!(me))
        .routes(routes!(accounts, new_account))
}

/// The same-origin check's refusal, as the OpenAPI document describes it.
const FOREIGN: &str = "The request did not come from the portal's own pages (`forbidden`)";

/// 200 with who signed in and the cookie of a new session. A session the browser held before is
/// ended: a session id is never carried across a sign-in.
#[utoipa::path(
    post,
    path = "/staff/login",
    tag = "staff",
    summary = "Sign in",
    security(("same_origin" = [])),
    request_body = LoginInput,
    responses(
        (status = 200, description = "Signed in: who, and the cookie of a new session",
            body = StaffMe, headers(("Set-Cookie" = String,
                description = "`motcua_staff`, the new session's secret"))),
        (status = 400, response = BadRequest),
        (status = 401, description = "Wrong username or password, the same answer for both \
            (`unauthorized`)", body = ErrorBody),
        (status = 403, description = FOREIGN, body = ErrorBody),
        (status = 413, response = BodyTooLarge),
        (status = 415, response = NotJson),
        (status = 429, description = "The username is locked after wrong passwords, or the \
            client's address failed too often (`too_many_requests`)", body = ErrorBody,
            headers(("Retry-After" = u64, description = "Seconds to wait before trying again"))),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
#[utoipa::path(
    post,
    path = "/staff/logout",
    tag = "staff",
    summary = "Sign out",
    security(("same_origin" = [], "staff_session" = []), ("same_origin" = [])),
    responses(
        (status = 204, description = "Signed out, signed in before or not; the cookie cleared",
            headers(("Set-Cookie" = String, description = "`motcua_staff` emptied"))),
        (status = 403, description = FOREIGN, body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn logout(State(state): State<AppState>, headers: HeaderMap) -> AppResult<Response> {
    if let Some(hash) = session_hash(&headers) {
        state.store.delete_session(&hash).await?;
    }
    let mut response = StatusCode::NO_CONTENT.into_response();
    set_cookie(response.headers_mut(), state.sessions.clearing_cookie());
    Ok(response)
}

/// Who is signed in
#[utoipa::path(
    get,
    path = "/staff/me",
    tag = "staff",
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "The signed-in officer", body = StaffMe),
        (status = 401, response = SignInNeeded),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn me(officer: Officer) -> Json<StaffMe> {
    Json(officer.me())
}

/// Every account (admins only).
#[utoipa::path(
    get,
    path = "/staff/accounts",
    tag = "staff",
    summary = "Every staff account (admins only)",
    security(("staff_session" = [])),
    responses(
        (status = 200, description = "Every account", body = Vec<StaffMe>),
        (status = 401, response = SignInNeeded),
        (status = 403, response = Forbidden),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
#[utoipa::path(
    post,
    path = "/staff/accounts",
    tag = "staff",
    summary = "Make a staff account (admins only)",
    security(("staff_session" = [], "same_origin" = [])),
    request_body = NewStaffInput,
    responses(
        (status = 201, description = "The new account", body = StaffMe),
        (status = 400, response = BadRequest),
        (status = 401, response = SignInNeeded),
        (status = 403, response = Forbidden),
        (status = 409, description = "The username is taken (`username_taken`)",
            body = ErrorBody),
        (status = 413, response = BodyTooLarge),
        (status = 415, response = NotJson),
        (status = 422, description = "A bad username, password, role or unit (`validation`, \
            each in `fields`)", body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
