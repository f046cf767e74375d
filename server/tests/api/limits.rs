use std::net::IpAddr;

use motcua_server::throttle::{LimitRules, Rule};
use serde_json::Value;

use crate::dossiers::dossier_with_uploads;
use crate::helpers::{Backend, Settings, TestApp, spawn_app_with, spawn_second_node};
use crate::samples::pdf;

fn with_rules(limit_rules: LimitRules) -> Settings {
    Settings {
        limit_rules,
        ..Settings::default()
    }
}

/// A 429 with the API's JSON error and a `Retry-After` of at most `window` seconds.
async fn assert_limited(response: reqwest::Response, window: u64, says: &str) {
    assert_eq!(response.status().as_u16(), 429);
    let retry_after: u64 = response.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=window).contains(&retry_after), "{retry_after}");
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "too_many_requests");
    let message = body["message"].as_str().unwrap();
    assert!(message.contains(says), "{message}");
}

async fn submit(app: &TestApp, key: &str) -> reqwest::Response {
    let dossier = dossier_with_uploads(app).await;
    app.submit(key, &dossier).await
}

async fn search(app: &TestApp, forwarded_for: Option<&str>) -> reqwest::Response {
    let mut request = app.client.get(app.url("/api/procedures?q=khai+sinh"));
    if let Some(address) = forwarded_for {
        request = request.header("X-Forwarded-For", address);
    }
    request.send().await.unwrap()
}

async fn filing_past_the_hourly_limit_is_refused_by_every_node(backend: Backend) {
    let rules = LimitRules {
        submissions: Rule::per_hour(2),
        ..LimitRules::STANDARD
    };
    let first = spawn_app_with(backend, with_rules(rules)).await;
    let second = spawn_second_node(&first, with_rules(rules)).await;
    assert_eq!(submit(&first, "limit-0001").await.status().as_u16(), 201);
    assert_eq!(submit(&second, "limit-0002").await.status().as_u16(), 201);
    // The count is in the database: the third is refused, whichever node it reaches.
    assert_limited(submit(&first, "limit-0003").await, 3600, "quá nhiều hồ sơ").await;
    assert_limited(submit(&second, "limit-0003").await, 3600, "quá nhiều hồ sơ").await;
    assert_eq!(
        first.database.count("SELECT COUNT(*) FROM dossiers").await,
        2
    );
}

async fn uploads_past_the_hourly_limit_are_refused(backend: Backend) {
    let rules = LimitRules {
        uploads: Rule::per_hour(3),
        ..LimitRules::STANDARD
    };
    let app = spawn_app_with(backend, with_rules(rules)).await;
    for number in 0..3 {
        let response = app
            .upload(pdf(&format!("{number}")), "to-khai.pdf", "application/pdf")
            .await;
        assert_eq!(response.status().as_u16(), 201);
    }
    let refused = app.upload(pdf("4"), "to-khai.pdf", "application/pdf").await;
    assert_limited(refused, 3600, "quá nhiều tệp").await;
    assert_eq!(app.stored_file_count(), 3);
}

async fn searches_are_limited_per_node(backend: Backend) {
    let rules = LimitRules {
        searches: Rule::per_minute(3),
        ..LimitRules::STANDARD
    };
    let first = spawn_app_with(backend, with_rules(rules)).await;
    for _ in 0..3 {
        assert_eq!(search(&first, None).await.status().as_u16(), 200);
    }
    assert_limited(search(&first, None).await, 60, "tìm kiếm quá nhanh").await;
    // Search writes nothing: its counts are the node's own.
    let second = spawn_second_node(&first, with_rules(rules)).await;
    assert_eq!(search(&second, None).await.status().as_u16(), 200);
}

async fn behind_a_trusted_proxy_each_citizen_is_counted_apart(backend: Backend) {
    let rules = LimitRules {
        searches: Rule::per_minute(2),
        ..LimitRules::STANDARD
    };
    let proxy: IpAddr = "127.0.0.1".parse().unwrap();
    let behind_proxy = spawn_app_with(
        backend,
        Settings {
            trusted_proxies: vec![proxy],
            ..with_rules(rules)
        },
    )
    .await;
    for _ in 0..2 {
        let response = search(&behind_proxy, Some("203.0.113.1")).await;
        assert_eq!(response.status().as_u16(), 200);
    }
    assert_limited(
        search(&behind_proxy, Some("203.0.113.1")).await,
        60,
        "tìm kiếm",
    )
    .await;
    // Another citizen behind the same proxy, even one who forges a first hop.
    let other = search(&behind_proxy, Some("203.0.113.1, 203.0.113.2")).await;
    assert_eq!(other.status().as_u16(), 200);

    // Without the proxy trusted, the header is the client's own word, and ignored.
    let direct = spawn_app_with(backend, with_rules(rules)).await;
    for (address, status) in [("198.51.100.1", 200), ("198.51.100.2", 200)] {
        assert_eq!(
            search(&direct, Some(address)).await.status().as_u16(),
            status
        );
    }
    assert_limited(search(&direct, Some("198.51.100.3")).await, 60, "tìm kiếm").await;
}

crate::on_both_backends!(
    filing_past_the_hourly_limit_is_refused_by_every_node,
    uploads_past_the_hourly_limit_are_refused,
    searches_are_limited_per_node,
    behind_a_trusted_proxy_each_citizen_is_counted_apart,
);
