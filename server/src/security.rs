//! What the browser may do with the portal's responses (security headers), and how long one API
//! request may take.

use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use motcua_api::ErrorBody;
use motcua_api::area::FrontEndArea;
use sha2::{Digest, Sha256};
use utoipa_axum::router::OpenApiRouter;

/// Time for an ordinary API request, from its first byte to the answer's headers.
pub const REQUEST_TIME: Duration = Duration::from_secs(30);

/// Time for an attachment: 10 MB from a phone on a slow mobile connection.
pub const UPLOAD_TIME: Duration = Duration::from_secs(5 * 60);

/// Largest JSON body an API route reads; attachments have their own limit.
pub const JSON_BODY_BYTES: usize = 1024 * 1024;

const TIMED_OUT: &str = motcua_api::server_messages::TIMED_OUT.vi;

/// The headers every response carries, unless its handler set its own (the sandboxed previews
/// of attachments keep their stricter policy).
#[derive(Debug, Clone)]
pub struct SecurityHeaders {
    headers: Vec<(HeaderName, HeaderValue)>,
}

impl SecurityHeaders {
    /// The headers for the front-end whose `index.html` is `index` (`None` when only the API is
    /// served); `https` adds HSTS, which only makes sense where the portal is served over HTTPS.
    pub fn new(index: Option<&str>, https: bool) -> SecurityHeaders {
        let policy = content_security_policy(index.unwrap_or_default());
        let mut headers = vec![
            (
                CONTENT_SECURITY_POLICY,
                HeaderValue::try_from(policy).expect("hashes are header-safe"),
            ),
            (X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff")),
            (
                REFERRER_POLICY,
                HeaderValue::from_static("strict-origin-when-cross-origin"),
            ),
            (X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
            (
                HeaderName::from_static("cross-origin-opener-policy"),
                HeaderValue::from_static("same-origin"),
            ),
            // The upload widget's `<input capture>` opens the phone's camera app, which needs
            // no permission of the page.
            (
                HeaderName::from_static("permissions-policy"),
                HeaderValue::from_static("camera=(), geolocation=(), microphone=()"),
            ),
        ];
        if https {
            headers.push((
                STRICT_TRANSPORT_SECURITY,
                HeaderValue::from_static("max-age=31536000; includeSubDomains"),
            ));
        }
        SecurityHeaders { headers }
    }

    /// The headers for the front-end built into `dist`, read once at start: the inline blocks of
    /// every app's page are allowed.
    pub fn for_dist(dist: &Path, https: bool) -> SecurityHeaders {
        let pages: Vec<String> = FrontEndArea::ALL
            .iter()
            .filter_map(|area| std::fs::read_to_string(dist.join(area.html_file())).ok())
            .collect();
        SecurityHeaders::new(
            (!pages.is_empty()).then(|| pages.concat()).as_deref(),
            https,
        )
    }

    /// Adds each header the response does not have yet.
    pub fn add_to(&self, headers: &mut HeaderMap) {
        for (name, value) in &self.headers {
            if !headers.contains_key(name) {
                headers.insert(name.clone(), value.clone());
            }
        }
    }

    /// `router` with these headers on every response, errors and fallbacks included.
    pub fn apply(self, router: Router) -> Router {
        let headers = Arc::new(self);
        router.layer(middleware::map_response(move |mut response: Response| {
            let headers = Arc::clone(&headers);
            async move {
                headers.add_to(response.headers_mut());
                response
            }
        }))
    }
}

/// The page may run its own scripts, the Wasm, and the inline loaders and critical CSS of
/// `index`, the text of the apps' pages (allowed by hash, so no `'unsafe-inline'`), and nothing may frame it.
pub fn content_security_policy(index: &str) -> String {
    let sources = |tag| {
        let mut hashes: Vec<String> = inline_blocks(index, tag)
            .map(|text| format!(" 'sha256-{}'", BASE64.encode(Sha256::digest(text))))
            .collect();
        hashes.sort();
        hashes.dedup();
        hashes.concat()
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; \
         img-src 'self' data: blob:; connect-src 'self'; frame-src 'self'; object-src 'none'; \
         base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
        sources("script"),
        sources("style"),
    )
}

/// The text of each inline `<tag>` element of `html` (scripts with `src` are not inline), as
/// the browser hashes it: line endings normalized to `\n`.
fn inline_blocks<'a>(html: &'a str, tag: &'a str) -> impl Iterator<Item = String> + 'a {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let close = format!("</{tag}");
    let mut from = 0;
    std::iter::from_fn(move || {
        loop {
            let start = from + lower[from..].find(&open)?;
            let after_name = start + open.len();
            // `<styles>` or `<script-x>` are other elements.
            if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
                from = after_name;
                continue;
            }
            let body = after_name + lower[after_name..].find('>')? + 1;
            let end = body + lower[body..].find(&close)?;
            from = end;
            let attributes = &lower[after_name..body];
            if tag == "script" && attributes.contains("src=") {
                continue;
            }
            return Some(html[body..end].replace("\r\n", "\n"));
        }
    })
}

/// `router` answering a JSON 503 when a request takes longer than `limit`, so a stalled client
/// or query does not hold the server's resources forever.
pub fn time_limited<S: Clone + Send + Sync + 'static>(
    router: OpenApiRouter<S>,
    limit: Duration,
) -> OpenApiRouter<S> {
    router.layer(middleware::from_fn_with_state(limit, time_limit))
}

async fn time_limit(State(limit): State<Duration>, request: Request, next: Next) -> Response {
    match tokio::time::timeout(limit, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            tracing::warn!(?limit, "request timed out");
            let body = ErrorBody {
                error: "timeout".into(),
                message: TIMED_OUT.into(),
                fields: Default::default(),
            };
            (StatusCode::SERVICE_UNAVAILABLE, axum::Json(body)).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = "<html><head><style>\nbody { margin: 0 }\n</style>\
        <script type=\"module\">\nimport init from '/app.js';\n</script>\
        <script src=\"/other.js\"></script><link rel=\"stylesheet\" href=\"/main.css\"></head></html>";

    fn hash(text: &str) -> String {
        format!("'sha256-{}'", BASE64.encode(Sha256::digest(text)))
    }

    #[test]
    fn inline_scripts_and_styles_are_allowed_by_hash() {
        let policy = content_security_policy(PAGE);
        assert!(policy.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' {};",
            hash("\nimport init from '/app.js';\n")
        )));
        assert!(policy.contains(&format!(
            "style-src 'self' {};",
            hash("\nbody { margin: 0 }\n")
        )));
        assert_eq!(policy.matches("sha256-").count(), 2, "{policy}");
        assert!(!policy.contains(" 'unsafe-eval'"));
        assert!(!policy.contains("'unsafe-inline'"));
    }

    #[test]
    fn no_front_end_means_no_hashes() {
        let policy = content_security_policy("");
        assert!(policy.starts_with("default-src 'self'; script-src 'self' 'wasm-unsafe-eval';"));
        assert!(policy.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn headers_set_by_a_handler_are_kept() {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox"));
        SecurityHeaders::new(None, false).add_to(&mut headers);
        assert_eq!(headers[CONTENT_SECURITY_POLICY], "sandbox");
        assert_eq!(headers[X_FRAME_OPTIONS], "DENY");
        assert!(!headers.contains_key(STRICT_TRANSPORT_SECURITY));
        SecurityHeaders::new(None, true).add_to(&mut headers);
        assert!(headers.contains_key(STRICT_TRANSPORT_SECURITY));
    }
}
