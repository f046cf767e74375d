//! The built front-end (`dist/`). Files Trunk names by their content hash never change, so
//! browsers keep them a year without asking; `index.html`, which names them, and every other
//! file are asked for again each time, so a new release is picked up at once. A file is sent
//! brotli- or gzip-compressed when the build made a `.br` / `.gz` beside it
//! (`scripts/precompress.mjs`), so nothing is compressed per request. A hashed file that is not
//! there (asked for by a page of an older release) is a 404, never the index in its place.

mod with_procedure;

use std::path::{Path, PathBuf};

use axum::Router;
use axum::extract::{Request, State};
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use motcua_api::area::FrontEndArea;
use tower::ServiceExt;
use tower::service_fn;
use tower_http::compression::CompressionLayer;
use tower_http::services::{ServeDir, ServeFile};

use self::with_procedure::{Pages, page_with_procedure};
use crate::store::Store;

const FOREVER: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const ASK_AGAIN: HeaderValue = HeaderValue::from_static("no-cache");

/// Serves `dist`, answering any path that is not a file with the page of the front-end app that
/// owns it (`motcua_api::area`): `/` the home page, `/thu-tuc/…` the catalog's or the filing page
/// (with their procedure, `with_procedure`), `/ho-so/…` the services' page, `/can-bo/…` the staff
/// page.
pub fn service(dist: &Path, store: Store) -> Router {
    let pages = dist.to_path_buf();
    let page_of_app = service_fn(move |request: Request| {
        let page = FrontEndArea::of_path(request.uri().path()).html_file();
        ServeFile::new(pages.join(page))
            .precompressed_br()
            .precompressed_gzip()
            .oneshot(request)
    });
    let files = ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(page_of_app);
    let pages = Pages {
        dist: dist.to_path_buf(),
        store,
    };
    Router::new()
        .route("/thu-tuc/{code}", get(page_with_procedure))
        .route("/thu-tuc/{code}/nop-ho-so", get(page_with_procedure))
        .route(
            "/thu-tuc/{code}/nop-ho-so/{*step}",
            get(page_with_procedure),
        )
        .layer(CompressionLayer::new())
        .with_state(pages)
        .fallback_service(files)
        .layer(middleware::from_fn_with_state(
            dist.to_path_buf(),
            cache_policy,
        ))
}

async fn cache_policy(State(dist): State<PathBuf>, request: Request, next: Next) -> Response {
    let hashed = hashed_name(request.uri().path());
    let (mut response, policy) = match hashed {
        // Trunk puts its hashed files at the top of `dist`: only the name is looked up.
        Some(name) if !dist.join(name).is_file() => {
            (StatusCode::NOT_FOUND.into_response(), ASK_AGAIN)
        }
        Some(_) => (next.run(request).await, FOREVER),
        None => (next.run(request).await, ASK_AGAIN),
    };
    response.headers_mut().insert(CACHE_CONTROL, policy);
    response
}

/// The file name of the path when it carries a content hash.
fn hashed_name(path: &str) -> Option<&str> {
    let name = path.rsplit('/').next().unwrap_or_default();
    is_content_hashed(name).then_some(name)
}

/// Whether the file's name carries Trunk's content hash: `-` and the hex digits of a 64-bit hash
/// (leading zeros dropped, so 12 to 16 of them in practice) before its extension or suffix, as in
/// `motcua-catalog-d34ee2011554835f_bg.wasm` or `main-decc7bea834a726.css`.
fn is_content_hashed(name: &str) -> bool {
    name.match_indices('-').any(|(at, _)| {
        let rest = &name[at + 1..];
        let digits = rest.bytes().take_while(u8::is_ascii_hexdigit).count();
        (12..=16).contains(&digits) && matches!(rest.as_bytes().get(digits), Some(b'.' | b'_'))
    })
}

#[cfg(test)]
mod tests {
    use super::hashed_name;

    #[test]
    fn trunk_hashed_names_are_told_from_the_rest() {
        assert_eq!(
            hashed_name("/motcua-web-d34ee2011554835f_bg.wasm"),
            Some("motcua-web-d34ee2011554835f_bg.wasm")
        );
        assert!(hashed_name("/motcua-web-d34ee2011554835f.js").is_some());
        assert!(hashed_name("/main-2b9994590ebd0161.css").is_some());
        assert!(hashed_name("/main-decc7bea834a726.css").is_some());
        for other in [
            "/index.html",
            "/",
            "/thu-tuc/1.001193",
            "/manifest-webapp.json",
            "/x-2b9994590eb.css",
            "/icon-192.png",
            "/x-2b9994590ebd01612.css",
        ] {
            assert_eq!(hashed_name(other), None, "{other}");
        }
    }
}
