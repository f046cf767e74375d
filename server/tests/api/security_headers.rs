//! Security headers, body size limit and time limit. These live in the HTTP layers, above the
//! store, so the tests run on SQLite only: PostgreSQL would test the same code again.

use std::path::Path;
use std::time::Duration;

use axum::Router;
use axum::routing::get;
use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use motcua_server::app;
use motcua_server::files::FileStore;
use motcua_server::security::time_limited;
use reqwest::Response;
use sha2::{Digest, Sha256};
use tokio::net::TcpListener;
use utoipa_axum::router::OpenApiRouter;

use crate::helpers::{Backend, TestDatabase, spawn_app, spawn_app_with_dist};
use crate::samples;

const LOADER: &str = "\nimport init from '/app-1234.js';\nawait init();\n";
const CRITICAL_CSS: &str = "\n  body { margin: 0; }\n";
const STAFF_LOADER: &str = "\nimport init from '/staff-1234.js';\nawait init();\n";

/// A stand-in `dist/` whose index has Trunk's inline loader and critical CSS, and whose staff
/// app's page has a loader of its own.
fn built_front_end() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    let index = format!(
        "<!DOCTYPE html><html><head><style>{CRITICAL_CSS}</style>\
         <script type=\"module\">{LOADER}</script>\
         <link rel=\"modulepreload\" href=\"/app-1234.js\"></head><body></body></html>"
    );
    std::fs::write(dist.path().join("index.html"), index).unwrap();
    let staff = format!("<!DOCTYPE html><script type=\"module\">{STAFF_LOADER}</script>");
    std::fs::write(dist.path().join("staff.html"), staff).unwrap();
    std::fs::write(dist.path().join("app-1234.js"), "export default 1").unwrap();
    dist
}

fn hash(text: &str) -> String {
    format!("'sha256-{}'", BASE64.encode(Sha256::digest(text)))
}

fn header<'a>(response: &'a Response, name: &str) -> &'a str {
    response
        .headers()
        .get(name)
        .unwrap_or_else(|| panic!("{} has no {name}", response.url()))
        .to_str()
        .unwrap()
}

/// The headers every response carries, whatever it is.
fn assert_secured(response: &Response) {
    let policy = header(response, "content-security-policy");
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "object-src 'none'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ] {
        assert!(policy.contains(directive), "{directive} in {policy}");
    }
    assert!(!policy.contains("'unsafe-eval'"), "{policy}");
    assert!(!policy.contains("'unsafe-inline'"), "{policy}");
    assert_eq!(header(response, "x-content-type-options"), "nosniff");
    assert_eq!(
        header(response, "referrer-policy"),
        "strict-origin-when-cross-origin"
    );
    assert_eq!(header(response, "x-frame-options"), "DENY");
    assert_eq!(
        header(response, "cross-origin-opener-policy"),
        "same-origin"
    );
    assert!(header(response, "permissions-policy").contains("geolocation=()"));
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .is_none()
    );
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let dist = built_front_end();
    let app = spawn_app_with_dist(Backend::Sqlite, dist.path()).await;
    for path in [
        "/api/health",
        "/api/procedures/x/y/z",
        "/api/dossiers/KHONG-CO",
        "/",
        "/thu-tuc/1.001193",
        "/app-1234.js",
    ] {
        assert_secured(&app.get(path).await);
    }
    let refused = app
        .client
        .delete(app.url("/api/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status().as_u16(), 405);
    assert_secured(&refused);
}

#[tokio::test]
async fn the_policy_allows_the_inline_loaders_and_css_of_every_app_by_hash() {
    let dist = built_front_end();
    let app = spawn_app_with_dist(Backend::Sqlite, dist.path()).await;
    let index = app.get("/").await;
    let policy = header(&index, "content-security-policy");
    let mut loaders = [hash(LOADER), hash(STAFF_LOADER)];
    loaders.sort();
    assert!(
        policy.contains(&format!(
            "script-src 'self' 'wasm-unsafe-eval' {};",
            loaders.join(" ")
        )),
        "{policy}"
    );
    assert!(
        policy.contains(&format!("style-src 'self' {};", hash(CRITICAL_CSS))),
        "{policy}"
    );
}

#[tokio::test]
async fn hsts_only_when_served_over_https() {
    let plain = spawn_app(Backend::Sqlite).await;
    let response = plain.get("/api/health").await;
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .is_none()
    );

    let database = TestDatabase::create(Backend::Sqlite).await;
    let uploads = tempfile::tempdir().unwrap();
    let files = FileStore::local(uploads.path().to_path_buf()).unwrap();
    let mut state = app::prepare(database.store().await, files, 1024, false)
        .await
        .unwrap();
    state.sessions.secure_cookies = true;
    let address = serve(app::router(state, Path::new("/nonexistent-dist"))).await;
    let response = reqwest::get(format!("{address}/api/health")).await.unwrap();
    assert_eq!(
        header(&response, "strict-transport-security"),
        "max-age=31536000; includeSubDomains"
    );
}

#[tokio::test]
async fn an_oversized_json_body_is_refused_with_413() {
    let app = spawn_app(Backend::Sqlite).await;
    let huge = serde_json::json!({ "procedure": "x".repeat(1024 * 1024 + 1) });
    let response = app.submit("khoa-lon", &huge).await;
    assert_eq!(response.status().as_u16(), 413);
    assert_secured(&response);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"], "payload_too_large");
    assert!(body["message"].as_str().unwrap().contains("1 MB"));
}

#[tokio::test]
async fn uploads_keep_their_own_larger_limit() {
    let app = spawn_app(Backend::Sqlite).await;
    let response = app
        .upload(
            samples::pdf_of_size(3 * 1024 * 1024),
            "to.pdf",
            "application/pdf",
        )
        .await;
    assert_eq!(response.status().as_u16(), 201);
}

#[tokio::test]
async fn the_upload_preview_keeps_its_sandbox() {
    let app = spawn_app(Backend::Sqlite).await;
    let id = app.upload_id(samples::png(), "anh.png").await;
    let preview = app.get(&format!("/api/uploads/{id}")).await;
    assert_eq!(preview.status().as_u16(), 200);
    let policy = header(&preview, "content-security-policy");
    assert!(policy.starts_with("sandbox;"), "{policy}");
    assert!(!policy.contains("wasm-unsafe-eval"), "{policy}");
    assert_eq!(header(&preview, "x-frame-options"), "SAMEORIGIN");
}

#[tokio::test]
async fn a_request_over_its_time_answers_503_json() {
    let slow = OpenApiRouter::new().route(
        "/slow",
        get(|| async {
            tokio::time::sleep(Duration::from_secs(5)).await;
            "late"
        }),
    );
    let address = serve(time_limited(slow, Duration::from_millis(100)).into()).await;
    let response = reqwest::get(format!("{address}/slow")).await.unwrap();
    assert_eq!(response.status().as_u16(), 503);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"], "timeout");
    assert!(!body["message"].as_str().unwrap().is_empty());
}

/// Serves `router` on a free port; its base URL.
async fn serve(router: Router) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = format!("http://{}", listener.local_addr().unwrap());
    let service = router.into_make_service_with_connect_info::<std::net::SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await.unwrap() });
    address
}
