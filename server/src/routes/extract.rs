//! Extractors whose rejections answer with the API's JSON error body.

use axum::Json;
use axum::extract::{FromRequest, FromRequestParts, Path, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// Query parameters; unlike axum's `Query`, percent-escapes that do not decode to UTF-8 are
/// refused rather than silently replaced, so a garbled search never runs as something else.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        if std::str::from_utf8(&percent_decode(query)).is_err() {
            return Err(AppError::BadRequest(
                "Tham số trên địa chỉ không hợp lệ (không phải văn bản UTF-8).".into(),
            ));
        }
        let Query(value) = Query::try_from_uri(&parts.uri)?;
        Ok(ApiQuery(value))
    }
}

#[derive(FromRequestParts)]
#[from_request(via(Path), rejection(AppError))]
pub struct ApiPath<T>(pub T);

/// A JSON body; malformed input gets the API's error body.
#[derive(FromRequest)]
#[from_request(via(Json), rejection(AppError))]
pub struct ApiJson<T>(pub T);

/// The bytes a form-encoded query stands for (`+` is a space, `%XX` a byte).
fn percent_decode(query: &str) -> Vec<u8> {
    let bytes = query.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (b'+', _) => {
                decoded.push(b' ');
                index += 1;
            }
            (byte, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    decoded
}

#[cfg(test)]
mod tests {
    use super::percent_decode;

    #[test]
    fn decodes_escapes_plus_and_leaves_stray_percent() {
        assert_eq!(percent_decode("q=kh%C3%A1+sinh"), "q=khá sinh".as_bytes());
        assert_eq!(percent_decode("a=100%&b=%4"), b"a=100%&b=%4");
        assert!(std::str::from_utf8(&percent_decode("q=%FF%FE")).is_err());
    }
}
