//! The OpenAPI document at `/api/openapi.json`: OpenAPI 3.1, every route of the API in it, every
//! operation in it served, and every error answer described with the API's error body.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::helpers::{Backend, TestApp, spawn_app};

/// Operations the portal's pages and tools call: the document must keep each of them.
const KNOWN: &[&str] = &[
    "GET /api/health",
    "GET /api/openapi.json",
    "GET /api/procedures",
    "GET /api/procedures/{code}",
    "GET /api/fields",
    "GET /api/agencies",
    "GET /api/stats",
    "POST /api/uploads",
    "GET /api/uploads/{id}",
    "DELETE /api/uploads/{id}",
    "POST /api/dossiers",
    "GET /api/dossiers/{code}",
    "GET /api/dossiers/{code}/receipt",
    "GET /api/dossiers/{code}/rating",
    "POST /api/dossiers/{code}/rating",
    "POST /api/dossiers/{code}/supplement",
    "POST /api/staff/login",
    "POST /api/staff/logout",
    "GET /api/staff/me",
    "GET /api/staff/accounts",
    "POST /api/staff/accounts",
    "GET /api/staff/dossiers",
    "POST /api/staff/dossiers",
    "GET /api/staff/dossiers/{code}",
    "GET /api/staff/dossiers/{code}/files/{id}",
    "POST /api/staff/dossiers/{code}/actions",
    "POST /api/staff/dossiers/{code}/checks",
    "GET /api/staff/dossiers/{code}/audit",
    "POST /api/staff/dossiers/{code}/apology",
];

async fn document(app: &TestApp) -> Value {
    let response = app.get("/api/openapi.json").await;
    assert_eq!(response.status().as_u16(), 200);
    let content_type = response.headers()["content-type"].to_str().unwrap();
    assert!(
        content_type.starts_with("application/json"),
        "{content_type}"
    );
    response.json().await.expect("JSON document")
}

/// Every operation of the document as `METHOD /path`.
fn operations(document: &Value) -> BTreeSet<String> {
    document["paths"]
        .as_object()
        .expect("paths")
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .expect("path item")
                .keys()
                .filter(|key| !matches!(key.as_str(), "parameters" | "summary" | "description"))
                .map(move |method| format!("{} {path}", method.to_uppercase()))
        })
        .collect()
}

/// What `pointer` (`#/components/...`) names in the document.
fn resolve<'a>(document: &'a Value, pointer: &str) -> &'a Value {
    let path = pointer.strip_prefix('#').expect("local reference");
    document
        .pointer(path)
        .unwrap_or_else(|| panic!("{pointer} names nothing"))
}

#[tokio::test]
async fn the_document_is_openapi_3_1_and_lists_the_known_operations() {
    let app = spawn_app(Backend::Sqlite).await;
    let document = document(&app).await;
    let version = document["openapi"].as_str().expect("openapi version");
    assert!(version.starts_with("3.1."), "{version}");
    assert!(!document["info"]["title"].as_str().unwrap().is_empty());
    let operations = operations(&document);
    let missing: Vec<_> = KNOWN
        .iter()
        .filter(|known| !operations.contains(**known))
        .collect();
    assert!(missing.is_empty(), "not documented: {missing:?}");
    assert_eq!(operations.len(), KNOWN.len(), "{operations:#?}");
}

#[tokio::test]
async fn every_operation_is_described_whole() {
    let app = spawn_app(Backend::Sqlite).await;
    let document = document(&app).await;
    let mut ids = BTreeSet::new();
    for (path, item) in document["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let name = format!("{method} {path}");
            let id = operation["operationId"].as_str().expect("operationId");
            assert!(ids.insert(id.to_string()), "{name}: operationId {id} twice");
            let responses = operation["responses"].as_object().expect("responses");
            assert!(
                responses.keys().any(|status| status.starts_with('2')),
                "{name}: no success answer"
            );
            for (status, response) in responses {
                let response = match response["$ref"].as_str() {
                    Some(pointer) => resolve(&document, pointer),
                    None => response,
                };
                if status.starts_with('4') || status.starts_with('5') {
                    let schema = &response["content"]["application/json"]["schema"];
                    assert_eq!(
                        schema["$ref"], "#/components/schemas/ErrorBody",
                        "{name} {status}: not the error body"
                    );
                }
            }
            let staff = path.starts_with("/api/staff/");
            assert_eq!(
                operation.get("security").is_some(),
                staff,
                "{name}: security schemes only and always on staff operations"
            );
        }
    }
    let text = document.to_string();
    for pointer in text.split("\"$ref\":\"").skip(1) {
        let pointer = &pointer[..pointer.find('"').unwrap()];
        resolve(&document, pointer);
    }
    let schemes = &document["components"]["securitySchemes"];
    assert_eq!(schemes["staff_session"]["in"], "cookie");
    assert_eq!(schemes["staff_session"]["name"], "motcua_staff");
    assert_eq!(schemes["same_origin"]["in"], "header");
}

/// Each documented operation reaches a handler, never the API's fallbacks for an unknown path or
/// method; and a method the document does not list gets the 405 fallback.
async fn every_documented_operation_is_served(backend: Backend) {
    let app = spawn_app(backend).await;
    let document = document(&app).await;
    let unknown: Value = app.get_json("/api/no-such-endpoint", 404).await;
    for operation in operations(&document) {
        let (method, path) = operation.split_once(' ').unwrap();
        let url = app.url(
            &path
                .replace("{code}", "XA-260105-0001")
                .replace("{id}", "no-such-id"),
        );
        let request = app
            .client
            .request(method.parse().unwrap(), &url)
            .header("Origin", &app.address)
            .header("Content-Type", "application/json")
            .body("{}");
        let response = request.send().await.expect("request");
        let status = response.status().as_u16();
        let body: Value = match response.json().await {
            Ok(body) => body,
            Err(_) => Value::Null,
        };
        assert_ne!(status, 405, "{operation}: {body}");
        assert!(
            !(status == 404 && body == unknown),
            "{operation}: answered as an unknown endpoint"
        );
    }
    let response = app
        .client
        .put(app.url("/api/procedures"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
}

/// Routes are registered only through `routes!`, which documents them; the document could miss
/// a route added with axum's own `.route(...)` or `.nest(...)`.
#[test]
fn routes_are_registered_only_with_their_documentation() {
    fn check(dir: &Path) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                check(&path);
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            for call in [".route(", ".route_service(", ".nest(", ".nest_service("] {
                assert!(
                    !source.contains(call),
                    "{}: routes with `{call}`; register it with `routes!` so the OpenAPI \
                     document has it",
                    path.display()
                );
            }
        }
    }
    check(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/routes"));
}

crate::on_both_backends!(every_documented_operation_is_served);
