//! Identifiers and digests the server makes: unguessable ids and tokens, hex SHA-256.

use sha2::{Digest, Sha256};

/// A random UUID v4, e.g. `3f2b...`: ids of uploads and dossiers, which double as capabilities.
pub fn new_id() -> String {
    uuid::Uuid::new_v4().to_string()
}

/// Whether `text` is a UUID as [`new_id`] makes them.
pub fn is_id(text: &str) -> bool {
    uuid::Uuid::try_parse(text).is_ok_and(|id| id.to_string() == text)
}

/// 48 random hex digits (192 bits): a secret that may travel in a URL.
pub fn random_token() -> anyhow::Result<String> {
    let mut bytes = [0u8; 24];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("no randomness: {error}"))?;
    Ok(hex::encode(bytes))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sha256_is_lowercase_hex() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn ids_are_uuids_and_tokens_are_long_and_distinct() {
        let id = new_id();
        assert!(is_id(&id));
        assert!(!is_id("../../etc/passwd"));
        assert!(!is_id(&id.to_uppercase()));
        let (first, second) = (random_token().unwrap(), random_token().unwrap());
        assert_eq!(first.len(), 48);
        assert_ne!(first, second);
    }
}
