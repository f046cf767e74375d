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

/// The catalog's page as Trunk builds it, in short: the static shell, then the app's mount point.
const CATALOG_PAGE: &str = "<!doctype html><html><head><title>Một Cửa — Cổng dịch vụ công</title>\
    </head><body><div id=\"shell\" aria-hidden=\"true\"></div><div id=\"app\"></div></body></html>";

/// A procedure's page carries the procedure, drawn by the app's own component and escaped, between
/// the shell and the app, and its name as the title; its filing pages carry it as JSON; an unknown
/// code gets the plain page.
async fn a_procedure_page_comes_with_the_procedure_drawn_in(backend: Backend) {
    let dist = built_front_end();
    for page in ["catalog.html", "filing.html"] {
        std::fs::write(dist.path().join(page), CATALOG_PAGE).unwrap();
    }
    let app = spawn_app_with_dist(backend, dist.path()).await;
    let procedure: motcua_api::Procedure = serde_json::from_value(serde_json::json!({
        "code": "9.000001",
        "name": "Cấp phép <script>alert(1)</script> & \"thử\"",
        "field": "Thử nghiệm",
        "agency": "UBND xã",
        "levels": ["commune"],
        "channels": [{"kind": "counter", "time_text": "3 ngày làm việc", "fee_vnd": 0}],
        "steps": ["Nộp hồ sơ tại quầy."],
        "documents": [],
        "online_level": "none",
    }))
    .unwrap();
    app.store.upsert_procedure(&procedure).await.unwrap();

    let response = app.get("/thu-tuc/9.000001").await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(
        response.headers()["content-type"],
        "text/html; charset=utf-8"
    );
    assert_eq!(response.headers()["cache-control"], "no-cache");
    let page = response.text().await.unwrap();
    let escaped = "Cấp phép &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"thử\"";
    assert!(
        page.contains(&format!("<title>{escaped} — Một Cửa</title>")),
        "{page}"
    );
    assert!(page.contains(&format!("<h1>{escaped}</h1>")), "{page}");
    assert!(!page.contains("<script>"), "{page}");
    assert!(page.contains("data-code=\"9.000001\""), "{page}");
    for text in [
        "Các bước thực hiện",
        "Nộp hồ sơ tại quầy.",
        "3 ngày làm việc",
        "Miễn phí",
    ] {
        assert!(page.contains(text), "{text} in {page}");
    }
    let (shell, drawn, app_root) = (
        page.find("id=\"shell\"").unwrap(),
        page.find("id=\"prerendered\"").unwrap(),
        page.find("<div id=\"app\">").unwrap(),
    );
    assert!(shell < drawn && drawn < app_root, "{page}");

    let demo = app.get("/thu-tuc/1.001193").await.text().await.unwrap();
    assert!(demo.contains("data-code=\"1.001193\""), "{demo}");
    let unknown = app.get("/thu-tuc/0.000000").await;
    assert_eq!(unknown.status().as_u16(), 200);
    assert_eq!(unknown.text().await.unwrap(), CATALOG_PAGE);

    let unknown_filing = app.get("/thu-tuc/0.000000/nop-ho-so").await;
    assert_eq!(unknown_filing.text().await.unwrap(), CATALOG_PAGE);
    for not_text in ["/thu-tuc/%FF", "/thu-tuc/%FF/nop-ho-so/nguoi-nop"] {
        let plain = app.get(not_text).await;
        assert_eq!(plain.status().as_u16(), 200, "{not_text}");
        assert_eq!(plain.text().await.unwrap(), CATALOG_PAGE, "{not_text}");
    }
    for path in [
        "/thu-tuc/9.000001/nop-ho-so",
        "/thu-tuc/9.000001/nop-ho-so/nguoi-nop",
    ] {
        let page = app.get(path).await.text().await.unwrap();
        let open = "<script type=\"application/json\" id=\"procedure-data\">";
        let data = &page[page.find(open).expect(path) + open.len()..];
        let data = &data[..data.find("</script>").unwrap()];
        assert!(page.find(open) < page.find("<div id=\"app\">"), "{page}");
        let sent: motcua_api::Procedure = serde_json::from_str(data).unwrap();
        assert_eq!(
            sent, procedure,
            "{path}: the whole procedure, not cut at its </script>"
        );
    }

    let compressed = reqwest::Client::new()
        .get(app.url("/thu-tuc/1.001193"))
        .header("accept-encoding", "br")
        .send()
        .await
        .unwrap();
    assert_eq!(compressed.headers()["content-encoding"], "br");
}

crate::on_both_backends!(
    a_procedure_page_comes_with_the_procedure_drawn_in,
    deep_links_load_their_app,
    api_paths_never_fall_back_to_the_app,
    hashed_files_are_cached_for_good_and_the_index_never,
    precompressed_copies_are_sent_when_accepted
);
