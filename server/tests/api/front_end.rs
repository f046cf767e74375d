use crate::helpers::{Backend, spawn_app_with_dist};

/// A stand-in `dist/` with an index and one asset: what matters here is how the server routes.
fn built_front_end() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    std::fs::write(
        dist.path().join("index.html"),
        "<!doctype html><title>Một Cửa</title>",
    )
    .unwrap();
    std::fs::write(dist.path().join("app-1234.js"), "console.log(1)").unwrap();
    dist
}

async fn deep_links_load_the_app(backend: Backend) {
    let dist = built_front_end();
    let app = spawn_app_with_dist(backend, dist.path()).await;
    for path in [
        "/",
        "/thu-tuc/1.001193",
        "/tim-kiem?q=khai%20sinh",
        "/no/such/page",
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status().as_u16(), 200, "{path}");
        assert!(
            response
                .text()
                .await
                .unwrap()
                .contains("<title>Một Cửa</title>"),
            "{path}"
        );
    }
    let asset = app.get("/app-1234.js").await;
    assert_eq!(asset.status().as_u16(), 200);
    assert_eq!(asset.text().await.unwrap(), "console.log(1)");
}

async fn api_paths_never_fall_back_to_the_app(backend: Backend) {
    let dist = built_front_end();
    let app = spawn_app_with_dist(backend, dist.path()).await;
    let body = app.get_json("/api/procedures/x/y/z", 404).await;
    assert_eq!(body["error"], "not_found");
}

crate::on_both_backends!(
    deep_links_load_the_app,
    api_paths_never_fall_back_to_the_app
);
