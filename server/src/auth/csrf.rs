//! Cross-site request forgery: a request that changes something must come from the portal's own
//! pages. `SameSite=Strict` already keeps the cookie off cross-site requests; this check also
//! refuses requests without any cookie (a forged sign-in would put the victim in the attacker's
//! account) and covers browsers that ignore `SameSite`.
//!
//! Behind a reverse proxy the `Host` header must reach the server as the browser sent it (nginx:
//! `proxy_set_header Host $host;`), or every such request is refused.

use axum::extract::Request;
use axum::http::header::{HOST, ORIGIN};
use axum::http::{HeaderMap, Method};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use motcua_api::ErrorBody;

/// The answer to a request that did not come from the portal's pages.
pub const FOREIGN_REQUEST: &str = motcua_api::server_messages::FOREIGN_REQUEST.vi;

/// Middleware: lets through reads (`GET`, `HEAD`) and same-origin requests; answers any other 403.
pub async fn same_origin(request: Request, next: Next) -> Response {
    let safe = matches!(*request.method(), Method::GET | Method::HEAD);
    if safe || is_same_origin(request.headers()) {
        next.run(request).await
    } else {
        tracing::info!(method = %request.method(), uri = %request.uri(), "cross-origin request refused");
        let body = ErrorBody {
            error: "forbidden".into(),
            message: FOREIGN_REQUEST.into(),
            fields: Default::default(),
        };
        (axum::http::StatusCode::FORBIDDEN, axum::Json(body)).into_response()
    }
}

/// `Origin`'s host and port equal `Host`; or, with no `Origin`, `Sec-Fetch-Site: same-origin`.
fn is_same_origin(headers: &HeaderMap) -> bool {
    let text = |name| headers.get(name).and_then(|value| value.to_str().ok());
    match text(ORIGIN.as_str()) {
        Some(origin) => {
            let authority = origin
                .strip_prefix("https://")
                .or_else(|| origin.strip_prefix("http://"));
            match (authority, text(HOST.as_str())) {
                (Some(authority), Some(host)) => {
                    !authority.is_empty() && authority.eq_ignore_ascii_case(host)
                }
                _ => false,
            }
        }
        None => text("sec-fetch-site") == Some("same-origin"),
    }
}

#[cfg(test)]
mod tests {
    use axum::http::HeaderValue;

    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        pairs
            .iter()
            .map(|(name, value)| {
                (
                    axum::http::HeaderName::from_static(name),
                    HeaderValue::from_static(value),
                )
            })
            .collect()
    }

    #[test]
    fn origin_must_match_host() {
        let same = headers(&[
            ("host", "127.0.0.1:8080"),
            ("origin", "http://127.0.0.1:8080"),
        ]);
        assert!(is_same_origin(&same));
        let https = headers(&[
            ("host", "motcua.gov.vn"),
            ("origin", "https://MOTCUA.gov.vn"),
        ]);
        assert!(is_same_origin(&https));
        let other_port = headers(&[("host", "127.0.0.1:8080"), ("origin", "http://127.0.0.1:9")]);
        assert!(!is_same_origin(&other_port));
        let null = headers(&[("host", "127.0.0.1:8080"), ("origin", "null")]);
        assert!(!is_same_origin(&null));
        let suffix = headers(&[("host", "gov.vn"), ("origin", "https://evil.gov.vn")]);
        assert!(!is_same_origin(&suffix));
    }

    #[test]
    fn without_origin_fetch_metadata_decides() {
        assert!(is_same_origin(&headers(&[(
            "sec-fetch-site",
            "same-origin"
        )])));
        assert!(!is_same_origin(&headers(&[(
            "sec-fetch-site",
            "cross-site"
        )])));
        assert!(!is_same_origin(&headers(&[("host", "127.0.0.1:8080")])));
    }
}
