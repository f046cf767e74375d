use crate::helpers::{Backend, spawn_app};

async fn health_answers_ok(backend: Backend) {
    let app = spawn_app(backend).await;
    let body = app.get_json("/api/health", 200).await;
    assert_eq!(body, serde_json::json!({ "status": "ok" }));
}

async fn unknown_api_path_is_json_404(backend: Backend) {
    let app = spawn_app(backend).await;
    let body = app.get_json("/api/no-such-thing", 404).await;
    assert_eq!(body["error"], "not_found");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|text| !text.is_empty())
    );
}

async fn wrong_method_is_json_405(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app
        .client
        .delete(app.url("/api/health"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 405);
    let body: serde_json::Value = response.json().await.unwrap();
    assert_eq!(body["error"], "method_not_allowed");
}

crate::on_both_backends!(
    health_answers_ok,
    unknown_api_path_is_json_404,
    wrong_method_is_json_405
);
