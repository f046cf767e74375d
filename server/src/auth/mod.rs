//! Staff sign-in: accounts, passwords, sessions, the same-origin check, and [`Officer`], the
//! extractor every staff handler takes.

pub mod accounts;
pub mod command;
pub mod csrf;
pub mod login;
pub mod password;
pub mod session;

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use motcua_api::staff::{Permission, SIGN_IN_NEEDED, StaffMe, StaffRole};

use crate::clock::unix_now;
use crate::error::{AppError, AppResult};
use crate::state::AppState;

pub use accounts::create_account;
pub use session::SessionPolicy;

/// Used within this many seconds, a session is not marked used again: saves a write per request.
const TOUCH_EVERY: i64 = 60;

/// The signed-in officer of a request: a handler that takes one answers 401 without a live session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Officer {
    pub id: String,
    pub username: String,
    pub role: StaffRole,
    pub unit: String,
}

impl Officer {
    /// 403 unless the officer's role may do `permission`.
    pub fn require(&self, permission: Permission) -> AppResult<()> {
        if self.role.may(permission) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    pub fn me(&self) -> StaffMe {
        StaffMe {
            username: self.username.clone(),
            role: self.role,
            unit: self.unit.clone(),
        }
    }
}

impl FromRequestParts<AppState> for Officer {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> AppResult<Officer> {
        let signed_out = || AppError::Unauthorized(SIGN_IN_NEEDED.vi.into());
        let hash = session::session_hash(&parts.headers).ok_or_else(signed_out)?;
        let session = state
            .store
            .staff_session(&hash)
            .await?
            .ok_or_else(signed_out)?;
        let now = unix_now();
        if state
            .sessions
            .expired(session.created_at, session.last_seen_at, now)
        {
            state.store.delete_session(&hash).await?;
            return Err(signed_out());
        }
        if now - session.last_seen_at >= TOUCH_EVERY {
            state.store.touch_session(&hash, now).await?;
        }
        Ok(Officer {
            id: session.staff_id,
            username: session.username,
            role: session.role,
            unit: session.unit,
        })
    }
}
