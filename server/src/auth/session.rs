//! Staff sessions: a random secret in the `motcua_staff` cookie, its SHA-256 in the database.
//!
//! Written here rather than with `tower-sessions`: that crate keeps session ids in clear in its
//! store, has no absolute lifetime, and has no store for sqlx's `Any` driver; a session here is one
//! row and a few queries.

use std::time::Duration;

use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue};

use crate::ids::sha256_hex;

/// The session cookie.
pub const COOKIE_NAME: &str = "motcua_staff";

/// How long a session lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SessionPolicy {
    /// Unused this long, a session ends.
    pub idle: Duration,
    /// Used or not, a session ends this long after sign-in.
    pub absolute: Duration,
    /// Sends the cookie over HTTPS only: for deployments served over HTTPS.
    pub secure_cookies: bool,
}

impl SessionPolicy {
    /// The portal's rule: 30 minutes idle, 12 hours in all.
    pub fn standard() -> SessionPolicy {
        SessionPolicy {
            idle: Duration::from_secs(30 * 60),
            absolute: Duration::from_secs(12 * 60 * 60),
            secure_cookies: false,
        }
    }

    /// Whether a session begun at `created_at` and last used at `last_seen_at` is over at `now`
    /// (all Unix seconds).
    pub fn expired(&self, created_at: i64, last_seen_at: i64, now: i64) -> bool {
        now - last_seen_at >= seconds(self.idle) || now - created_at >= seconds(self.absolute)
    }

    /// The `Set-Cookie` value that hands the browser `secret`.
    pub fn cookie(&self, secret: &str) -> HeaderValue {
        self.header(&format!(
            "{COOKIE_NAME}={secret}; Max-Age={}",
            seconds(self.absolute)
        ))
    }

    /// The `Set-Cookie` value that makes the browser forget the session.
    pub fn clearing_cookie(&self) -> HeaderValue {
        self.header(&format!("{COOKIE_NAME}=; Max-Age=0"))
    }

    fn header(&self, start: &str) -> HeaderValue {
        let secure = if self.secure_cookies { "; Secure" } else { "" };
        HeaderValue::try_from(format!(
            "{start}; Path=/; HttpOnly; SameSite=Strict{secure}"
        ))
        .expect("cookie text is ASCII")
    }
}

pub fn seconds(duration: Duration) -> i64 {
    i64::try_from(duration.as_secs()).unwrap_or(i64::MAX)
}

/// A new session secret (256 random bits, hex) and the hash stored for it.
pub fn new_secret() -> anyhow::Result<(String, String)> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("no randomness: {error}"))?;
    let secret = hex::encode(bytes);
    let hash = sha256_hex(secret.as_bytes());
    Ok((secret, hash))
}

/// The stored hash of the session the request's cookie names, if it names one well formed.
pub fn session_hash(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .flat_map(|value| value.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, secret)| secret)
        .filter(|secret| secret.len() == 64 && secret.bytes().all(|b| b.is_ascii_hexdigit()))
        .map(|secret| sha256_hex(secret.as_bytes()))
}

/// Adds `cookie` to a response's headers.
pub fn set_cookie(headers: &mut HeaderMap, cookie: HeaderValue) {
    headers.append(SET_COOKIE, cookie);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cookies_are_strict_http_only_and_secure_when_asked() {
        let mut policy = SessionPolicy::standard();
        let cookie = policy.cookie("ab");
        assert_eq!(
            cookie,
            "motcua_staff=ab; Max-Age=43200; Path=/; HttpOnly; SameSite=Strict"
        );
        policy.secure_cookies = true;
        assert!(
            policy
                .clearing_cookie()
                .to_str()
                .unwrap()
                .ends_with("; Secure")
        );
    }

    #[test]
    fn sessions_end_when_idle_or_old() {
        let policy = SessionPolicy::standard();
        assert!(!policy.expired(0, 0, 1799));
        assert!(policy.expired(0, 0, 1800));
        assert!(!policy.expired(0, 43_000, 43_199));
        assert!(policy.expired(0, 43_199, 43_200));
    }

    #[test]
    fn only_a_well_formed_secret_is_read() {
        let (secret, hash) = new_secret().unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            COOKIE,
            HeaderValue::try_from(format!("other=1; {COOKIE_NAME}={secret}")).unwrap(),
        );
        assert_eq!(session_hash(&headers), Some(hash));
        headers.insert(COOKIE, HeaderValue::from_static("motcua_staff=../x"));
        assert_eq!(session_hash(&headers), None);
    }
}
