//! Password hashing: Argon2id with the OWASP parameters.
//!
//! `Argon2::default()` of the `argon2` crate is Argon2id, version 0x13, m = 19456 KiB (19 MiB),
//! t = 2, p = 1: the first of OWASP's recommended settings. Each hash takes tens of milliseconds
//! of CPU, so it runs on the blocking pool, a few at a time (each needs 19 MiB).

use std::sync::LazyLock;

use anyhow::Context;
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use tokio::sync::Semaphore;

/// Hashes running at once at most: bounds the memory a burst of sign-ins can take.
static HASHING: LazyLock<Semaphore> = LazyLock::new(|| Semaphore::new(4));

/// Checked against when the username is unknown, so that answer takes as long as a wrong password.
static DUMMY_HASH: LazyLock<String> = LazyLock::new(|| {
    hash_now("not the password of anyone").unwrap_or_else(|error| {
        tracing::error!(%error, "cannot make the dummy password hash");
        String::new()
    })
});

fn hash_now(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    getrandom::fill(&mut salt).map_err(|error| anyhow::anyhow!("no randomness: {error}"))?;
    let salt = SaltString::encode_b64(&salt).map_err(|error| anyhow::anyhow!("salt: {error}"))?;
    let hash = Argon2::default()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|error| anyhow::anyhow!("hash password: {error}"))?;
    Ok(hash.to_string())
}

fn verify_now(password: &str, hash: &str) -> bool {
    PasswordHash::new(hash).is_ok_and(|parsed| {
        Argon2::default()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// The PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`) to store for `password`.
pub async fn hash_password(password: String) -> anyhow::Result<String> {
    let _permit = HASHING.acquire().await.context("hashing closed")?;
    tokio::task::spawn_blocking(move || hash_now(&password))
        .await
        .context("hashing task")?
}

/// Whether `password` matches the stored `hash`; with no hash (unknown user) it checks a dummy
/// one and answers `false`, taking the same time.
pub async fn verify_password(password: String, hash: Option<String>) -> anyhow::Result<bool> {
    let _permit = HASHING.acquire().await.context("hashing closed")?;
    tokio::task::spawn_blocking(move || match hash {
        Some(hash) => verify_now(&password, &hash),
        None => {
            verify_now(&password, &DUMMY_HASH);
            false
        }
    })
    .await
    .context("verifying task")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn hashes_are_argon2id_salted_and_verify() {
        let first = hash_password("một câu mật khẩu".into()).await.unwrap();
        let second = hash_password("một câu mật khẩu".into()).await.unwrap();
        assert!(
            first.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{first}"
        );
        assert_ne!(first, second);
        assert!(
            verify_password("một câu mật khẩu".into(), Some(first.clone()))
                .await
                .unwrap()
        );
        assert!(
            !verify_password("mot cau mat khau".into(), Some(first))
                .await
                .unwrap()
        );
        assert!(
            !verify_password("một câu mật khẩu".into(), None)
                .await
                .unwrap()
        );
    }
}
