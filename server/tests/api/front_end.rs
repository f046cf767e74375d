use motcua_api::area::FrontEndArea;

use crate::helpers::{Backend, spawn_app_with_dist};

/// A stand-in `dist/` with each app's page, titled by its file name, and a few assets: what
/// matters here is how the server routes.
fn built_front_end() -> tempfile::TempDir {
    let dist = tempfile::tempdir().unwrap();
    for area in FrontEndArea::ALL {
        let page = area.html_file();
        std::fs::write(
            dist.path().join(page),
            format!("<!doctype html><title>{page}</title>"),
        )
        .unwrap();
    }
    std::fs::write(dist.path().join("app-1234.js"), "console.log(1)").unwrap();
    std::fs::write(dist.path().join("app-0123456789abcdef_bg.wasm"), "wasm").unwrap();
    std::fs::write(
        dist.path().join("app-0123456789abcdef_bg.wasm.br"),
        "brotli",
    )
    .unwrap();
    std::fs::write(dist.path().join("app-0123456789abcdef_bg.wasm.gz"), "gzip").unwrap();
    dist
}

/// Each deep link gets the page of the app that owns it.
async fn deep_links_load_their_app(backend: Backend) {
    let dist = built_front_end();
    let app = spawn_app_with_dist(backend, dist.path()).await;
    for (path, page) in [
        ("/", "index.html"),
        ("/thu-tuc/1.001193", "catalog.html"),
        ("/tim-kiem?q=khai%20sinh", "catalog.html"),
        ("/no/such/page", "catalog.html"),
        ("/thu-tuc/1.001193/nop-ho-so/giay-to", "filing.html"),
        ("/ho-so/XA-261202-0001", "services.html"),
        ("/can-bo/ho-so/XA-261202-0001", "staff.html"),
    ] {
        let response = app.get(path).await;
        assert_eq!(response.status().as_u16(), 200, "{path}");
        let title = format!("<title>{page}</title>");
        assert!(response.text().await.unwrap().contains(&title), "{path}");
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

/// Hashed files are kept a year; the index, which names them, is asked for again every time.
async fn hashed_files_are_cached_for_good_and_the_index_never(backend: Backend) {
    let dist = built_front_end();
    let app = spawn_app_with_dist(backend, dist.path()).await;
    let cache = |response: &reqwest::Response| response.headers()["cache-control"].clone();
    let wasm = app.get("/app-0123456789abcdef_bg.wasm").await;
    assert_eq!(cache(&wasm), "public, max-age=31536000, immutable");
    assert_eq!(wasm.text().await.unwrap(), "wasm");
    for path in ["/", "/index.html", "/thu-tuc/1.001193", "/app-1234.js"] {
        assert_eq!(cache(&app.get(path).await), "no-cache", "{path}");
    }
    let missing = app.get("/app-fedcba9876543210_bg.wasm").await;
    assert_eq!(
        cache(&missing),
        "no-cache",
        "the index answers, and may change"
    );
}

/// The compressed copies made at build time are sent to a browser that accepts them.
async fn precompressed_copies_are_sent_when_accepted(backend: Backend) {
    let dist = built_front_end();
    let app = spawn_app_with_dist(backend, dist.path()).await;
    let client = reqwest::Client::new();
    for (accepted, encoding, body) in [("br, gzip", "br", "brotli"), ("gzip", "gzip", "gzip")] {
        let response = client
            .get(app.url("/app-0123456789abcdef_bg.wasm"))
            .header("accept-encoding", accepted)
            .send()
            .await
            .unwrap();
        assert_eq!(response.headers()["content-encoding"], encoding);
        assert_eq!(response.headers()["content-type"], "application/wasm");
        assert_eq!(response.text().await.unwrap(), body);
    }
}

crate::on_both_backends!(
    deep_links_load_their_app,
    api_paths_never_fall_back_to_the_app,
    hashed_files_are_cached_for_good_and_the_index_never,
    precompressed_copies_are_sent_when_accepted
);
