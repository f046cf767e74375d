use serde_json::Value;

use crate::helpers::{Backend, spawn_app};

fn codes(page: &Value) -> Vec<&str> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|item| item["code"].as_str().expect("code"))
        .collect()
}

async fn search_without_diacritics_finds_birth_registration_first(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app
        .get_json("/api/procedures?q=dang%20ky%20khai%20sinh", 200)
        .await;
    assert_eq!(codes(&page).first(), Some(&"1.001193"), "{page}");
    assert_eq!(page["items"][0]["name"], "Thủ tục đăng ký khai sinh");
}

async fn search_knows_colloquial_names(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app
        .get_json("/api/procedures?q=giay%20xac%20nhan%20doc%20than", 200)
        .await;
    assert_eq!(codes(&page).first(), Some(&"1.004873"), "{page}");
    let page = app
        .get_json("/api/procedures?q=s%E1%BB%95%20%C4%91%E1%BB%8F", 200)
        .await;
    let top: Vec<&Value> = page["items"].as_array().unwrap().iter().take(3).collect();
    assert!(
        top.iter().any(|item| item["name"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("quyền sử dụng đất")),
        "sổ đỏ: {page}"
    );
}

async fn search_finds_a_procedure_by_code(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.get_json("/api/procedures?q=1.004222", 200).await;
    assert_eq!(codes(&page).first(), Some(&"1.004222"));
}

async fn empty_query_lists_the_catalog_in_pages(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = app.get_json("/api/procedures?limit=10", 200).await;
    let total = first["total"].as_u64().unwrap();
    assert!(total >= 40, "demo catalog has {total} procedures");
    assert_eq!(codes(&first).len(), 10);
    let second = app.get_json("/api/procedures?limit=10&page=2", 200).await;
    assert_eq!(second["total"], first["total"]);
    let (first, second) = (codes(&first), codes(&second));
    assert!(
        first.iter().all(|code| !second.contains(code)),
        "pages overlap"
    );
    let beyond = app
        .get_json("/api/procedures?limit=100&page=100", 200)
        .await;
    assert!(codes(&beyond).is_empty());
}

async fn filters_narrow_the_results(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app
        .get_json("/api/procedures?level=central&limit=100", 200)
        .await;
    assert!(page["total"].as_u64().unwrap() > 0);
    for item in page["items"].as_array().unwrap() {
        assert!(
            item["levels"]
                .as_array()
                .unwrap()
                .contains(&"central".into())
        );
    }
    let fields = app.get_json("/api/fields", 200).await;
    let field = fields[0]["name"].as_str().unwrap();
    let count = fields[0]["count"].as_u64().unwrap();
    let path = format!(
        "/api/procedures?limit=100&field={}",
        motcua_api::query::percent_encode(field)
    );
    let page = app.get_json(&path, 200).await;
    assert_eq!(page["total"].as_u64().unwrap(), count);
    for item in page["items"].as_array().unwrap() {
        assert_eq!(item["field"], field);
    }
}

async fn facets_count_every_procedure(backend: Backend) {
    let app = spawn_app(backend).await;
    let total = app.get_json("/api/procedures", 200).await["total"]
        .as_u64()
        .unwrap();
    for path in ["/api/fields", "/api/agencies"] {
        let facets = app.get_json(path, 200).await;
        let sum: u64 = facets
            .as_array()
            .unwrap()
            .iter()
            .map(|facet| facet["count"].as_u64().unwrap())
            .sum();
        assert_eq!(sum, total, "{path}");
    }
}

async fn bad_parameters_are_named(backend: Backend) {
    let app = spawn_app(backend).await;
    let long_query = format!("/api/procedures?q={}", "a".repeat(201));
    for (path, parameter) in [
        ("/api/procedures?page=0", "page"),
        ("/api/procedures?page=abc", "page"),
        ("/api/procedures?limit=1000", "limit"),
        ("/api/procedures?limit=-1", "limit"),
        ("/api/procedures?level=district", "level"),
        (long_query.as_str(), "q"),
    ] {
        let body = app.get_json(path, 400).await;
        assert_eq!(body["error"], "bad_request", "{path}");
        assert!(
            body["fields"][parameter]
                .as_str()
                .is_some_and(|text| !text.is_empty()),
            "{path}: {body}"
        );
    }
}

async fn malformed_utf8_in_the_query_is_a_json_400(backend: Backend) {
    let app = spawn_app(backend).await;
    let body = app.get_json("/api/procedures?q=%FF%FE%C3", 400).await;
    assert_eq!(body["error"], "bad_request");
}

async fn one_procedure_in_full(backend: Backend) {
    let app = spawn_app(backend).await;
    let procedure = app.get_json("/api/procedures/1.001193", 200).await;
    assert_eq!(procedure["code"], "1.001193");
    assert!(!procedure["documents"].as_array().unwrap().is_empty());
    assert!(!procedure["channels"].as_array().unwrap().is_empty());
    assert!(
        !procedure["form"]["questions"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

async fn unknown_procedure_is_json_404(backend: Backend) {
    let app = spawn_app(backend).await;
    let body = app.get_json("/api/procedures/9.999999", 404).await;
    assert_eq!(body["error"], "not_found");
    assert!(body["message"].as_str().unwrap().contains("9.999999"));
    let long = format!("/api/procedures/{}", "1".repeat(65));
    let body = app.get_json(&long, 400).await;
    assert!(body["fields"]["code"].is_string());
}

crate::on_both_backends!(
    search_without_diacritics_finds_birth_registration_first,
    search_knows_colloquial_names,
    search_finds_a_procedure_by_code,
    empty_query_lists_the_catalog_in_pages,
    filters_narrow_the_results,
    facets_count_every_procedure,
    bad_parameters_are_named,
    malformed_utf8_in_the_query_is_a_json_400,
    one_procedure_in_full,
    unknown_procedure_is_json_404,
);
