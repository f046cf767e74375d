//! Signing in, with brute force capped twice: per account and per client address, both stored, so
//! neither a restart nor another node resets them.

use std::net::IpAddr;
use std::time::Duration;

use motcua_api::staff::{BAD_CREDENTIALS, LoginInput, MAX_PASSWORD_CHARS, StaffMe};

use super::password::verify_password;
use super::session::{new_secret, seconds};
use crate::error::{AppError, AppResult};
use crate::state::AppState;

/// Wrong passwords in a row that lock a username.
pub const MAX_FAILED_LOGINS: i64 = 5;
/// How long a locked account stays locked.
pub const LOCK_DURATION: Duration = Duration::from_secs(15 * 60);
/// An account locked after wrong passwords; says nothing of whether this password was right.
pub const ACCOUNT_LOCKED: &str = motcua_api::server_messages::ACCOUNT_LOCKED.vi;
/// Too many failed sign-ins from one address.
pub const TOO_MANY_SIGN_INS: &str = motcua_api::server_messages::TOO_MANY_SIGN_INS.vi;

/// A signed-in officer and the secret of their new session, for the cookie.
pub struct SignedIn {
    pub me: StaffMe,
    pub secret: String,
}

/// Checks the credentials and opens a new session: 401 [`BAD_CREDENTIALS`] alike for an unknown
/// user and a wrong password, 429 for a locked account or a throttled address.
pub async fn sign_in(
    state: &AppState,
    client: IpAddr,
    input: LoginInput,
    now: i64,
) -> AppResult<SignedIn> {
    let throttle = &state.limits.failed_sign_ins;
    AppError::unless_limited(throttle.check(client, now).await?, TOO_MANY_SIGN_INS)?;
    // The lock is the name's, whether an account has it or not: a lock tells nobody which exist.
    let name: String = input
        .username
        .trim()
        .to_lowercase()
        .chars()
        .take(64)
        .collect();
    if let Some(locked_until) = state.store.sign_in_locked_until(&name, now).await? {
        throttle.fail(client, now).await?;
        return Err(AppError::TooManyRequests {
            retry_after: u64::try_from(locked_until - now).unwrap_or(1),
            message: ACCOUNT_LOCKED.into(),
        });
    }
    let account = state.store.staff_by_username(&input.username).await?;
    // A password longer than any allowed is wrong without hashing it, yet takes the same time.
    let too_long = input.password.chars().count() > MAX_PASSWORD_CHARS;
    let candidate = if too_long {
        String::new()
    } else {
        input.password
    };
    let hash = account
        .as_ref()
        .map(|account| account.password_hash.clone());
    let right = verify_password(candidate, hash).await? && !too_long;
    let account = match account {
        Some(account) if right => account,
        _ => {
            throttle.fail(client, now).await?;
            let lock_until = now + seconds(LOCK_DURATION);
            state
                .store
                .record_failed_sign_in(&name, MAX_FAILED_LOGINS, lock_until, now)
                .await?;
            tracing::info!(%client, "staff sign-in refused");
            return Err(AppError::Unauthorized(BAD_CREDENTIALS.vi.into()));
        }
    };
    state.store.clear_failed_sign_ins(&name).await?;
    let policy = state.sessions;
    state
        .store
        .delete_expired_sessions(now - seconds(policy.idle), now - seconds(policy.absolute))
        .await?;
    let (secret, hash) = new_secret()?;
    state.store.insert_session(&hash, &account.id, now).await?;
    tracing::info!(username = %account.username, "staff signed in");
    Ok(SignedIn {
        me: StaffMe {
            username: account.username,
            role: account.role,
            unit: account.unit,
        },
        secret,
    })
}
