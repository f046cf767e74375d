use std::net::{IpAddr, Ipv4Addr};

use motcua_api::calendar::working_days_between;
use motcua_api::date::{self, vietnam_local_time};
use motcua_api::dossier::DossierStatus;
use serde_json::{Value, json};

use crate::dossiers::{NO_SUCH_DOSSIER, dossier_with_uploads, submit_json};
use crate::helpers::{Backend, TestApp, spawn_app, spawn_app_with_lookup_limit};

const OFFICE: &str = "Ủy ban nhân dân cấp xã";
const SUBMITTED_NOTE: &str = "Hồ sơ đã được nộp trực tuyến và đang chờ bộ phận một cửa tiếp nhận.";

/// A birth registration filed now; its receipt.
async fn filed(app: &TestApp, key: &str) -> Value {
    let dossier = dossier_with_uploads(app).await;
    submit_json(app, key, &dossier, 201).await
}

/// `GET /api/dossiers/{code}?{query}`, which must answer 200, private and uncached.
async fn track(app: &TestApp, code: &str, query: &str) -> Value {
    let path = format!("/api/dossiers/{code}?{query}");
    let response = app.get(&path).await;
    assert_eq!(response.status().as_u16(), 200, "GET {path}");
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    response.json().await.expect("JSON body")
}

async fn a_dossier_is_tracked_by_phone_and_by_token(backend: Backend) {
    let app = spawn_app(backend).await;
    let receipt = filed(&app, "track-filed-0001").await;
    let code = receipt["code"].as_str().unwrap();
    let token = receipt["tracking_token"].as_str().unwrap();

    let by_phone = track(&app, code, "phone=0912345678").await;
    let today = vietnam_local_time(motcua_server::clock::unix_now()).date;
    let promised = date::parse_iso(receipt["promised_date"].as_str().unwrap()).unwrap();
    assert_eq!(
        by_phone,
        json!({
            "code": code,
            "procedure_code": "1.001193",
            "procedure_name": "Thủ tục đăng ký khai sinh",
            "agency": OFFICE,
            "status": "submitted",
            "submitted_at": receipt["submitted_at"],
            "received_on": receipt["received_on"],
            "promised_date": receipt["promised_date"],
            "processing_time": "01 ngày làm việc",
            "timeline": [{
                "at": receipt["submitted_at"],
                "status": "submitted",
                "office": OFFICE,
                "note": SUBMITTED_NOTE,
            }],
            "deadline": {
                "kind": "on_time",
                "working_days_left": working_days_between(today, promised),
            },
            "supplement": null,
            "apology_letters": [],
            "result_note": null,
        })
    );
    assert_eq!(track(&app, code, &format!("token={token}")).await, by_phone);
    assert_eq!(
        track(&app, &code.to_lowercase(), "phone=%2B84%20912%20345%20678").await,
        by_phone
    );
}

async fn tracking_failures_look_the_same_as_the_receipts(backend: Backend) {
    let app = spawn_app(backend).await;
    let receipt = filed(&app, "track-probe-0001").await;
    let code = receipt["code"].as_str().unwrap();
    let unknown = format!("{}9999", &code[..10]);
    let expected = json!({ "error": "not_found", "message": NO_SUCH_DOSSIER, "fields": {} });
    for path in [
        format!("/api/dossiers/{code}?phone=0987654321"),
        format!("/api/dossiers/{code}?phone=not-a-phone"),
        format!("/api/dossiers/{code}?token=0000"),
        format!("/api/dossiers/{unknown}?phone=0912345678"),
        "/api/dossiers/nonsense?token=abc".to_string(),
        format!("/api/dossiers/{code}/receipt?token=0000"),
    ] {
        assert_eq!(app.get_json(&path, 404).await, expected, "{path}");
    }
    for path in [
        format!("/api/dossiers/{code}"),
        format!("/api/dossiers/{code}?phone=%20&token="),
    ] {
        let body = app.get_json(&path, 400).await;
        assert_eq!(body["error"], "bad_request", "{path}");
    }
}

async fn recorded_steps_extend_the_timeline_in_order(backend: Backend) {
    let app = spawn_app(backend).await;
    let receipt = filed(&app, "track-steps-0001").await;
    let code = receipt["code"].as_str().unwrap();
    let submitted_at = receipt["submitted_at"].as_i64().unwrap();
    let office = "Bộ phận một cửa UBND phường Ba Đình";
    let received = app
        .store
        .record_event(code, DossierStatus::Received, office, "", submitted_at + 60)
        .await
        .unwrap();
    let processing = app
        .store
        .record_event(
            code,
            DossierStatus::Processing,
            "Công chức tư pháp - hộ tịch",
            "Đang kiểm tra giấy tờ.",
            submitted_at + 120,
        )
        .await
        .unwrap();
    assert_eq!((received, processing), (Some(2), Some(3)));
    let missing = app
        .store
        .record_event("XA-991231-0001", DossierStatus::Received, office, "", 0)
        .await
        .unwrap();
    assert_eq!(missing, None);

    let tracking = track(&app, code, "phone=0912345678").await;
    assert_eq!(tracking["status"], "processing");
    assert_eq!(
        tracking["timeline"],
        json!([
            { "at": submitted_at, "status": "submitted", "office": OFFICE, "note": SUBMITTED_NOTE },
            { "at": submitted_at + 60, "status": "received", "office": office, "note": "" },
            {
                "at": submitted_at + 120,
                "status": "processing",
                "office": "Công chức tư pháp - hộ tịch",
                "note": "Đang kiểm tra giấy tờ.",
            },
        ])
    );
    assert_eq!(tracking["deadline"]["kind"], "on_time");
    assert_eq!(
        app.database
            .count("SELECT MAX(version) FROM dossiers")
            .await,
        3
    );
    assert_eq!(
        app.database
            .count("SELECT COUNT(*) FROM dossier_events")
            .await,
        3
    );
    assert_eq!(
        app.database
            .count("SELECT COUNT(*) FROM dossiers WHERE finished_on IS NULL")
            .await,
        1
    );
    // The receipt shows the new status too.
    let path = format!("/api/dossiers/{code}/receipt?phone=0912345678");
    assert_eq!(app.get_json(&path, 200).await["status"], "processing");
}

async fn a_finished_dossier_is_judged_by_the_day_it_finished(backend: Backend) {
    let app = spawn_app(backend).await;
    let receipt = filed(&app, "track-finish-0001").await;
    let code = receipt["code"].as_str().unwrap();
    let submitted_at = receipt["submitted_at"].as_i64().unwrap();
    let office = OFFICE;
    for (status, at) in [
        (DossierStatus::Received, submitted_at + 60),
        (DossierStatus::Processing, submitted_at + 120),
    ] {
        app.store
            .record_event(code, status, office, "", at)
            .await
            .unwrap()
            .unwrap();
    }
    let stored = app.store.dossier_by_code(code).await.unwrap().unwrap();
    assert_eq!(stored.finished_on, None);

    // Done thirty days later: well past the promised date of one working day.
    let done_at = submitted_at + 30 * 86_400;
    app.store
        .record_event(code, DossierStatus::Done, office, "Đã có kết quả.", done_at)
        .await
        .unwrap()
        .unwrap();
    let done_on = date::format_iso(vietnam_local_time(done_at).date);
    let stored = app.store.dossier_by_code(code).await.unwrap().unwrap();
    assert_eq!(stored.finished_on.as_deref(), Some(done_on.as_str()));
    let tracking = track(&app, code, "phone=0912345678").await;
    assert_eq!(tracking["status"], "done");
    assert_eq!(
        tracking["deadline"],
        json!({ "kind": "finished", "on_time": false })
    );
    assert_eq!(tracking["timeline"].as_array().unwrap().len(), 4);

    // Handing the result over later does not move the day the work ended.
    app.store
        .record_event(code, DossierStatus::Returned, office, "", done_at + 86_400)
        .await
        .unwrap()
        .unwrap();
    let stored = app.store.dossier_by_code(code).await.unwrap().unwrap();
    assert_eq!(stored.finished_on.as_deref(), Some(done_on.as_str()));

    // A dossier finished at once is finished on time.
    let quick = filed(&app, "track-finish-0002").await;
    let quick_code = quick["code"].as_str().unwrap();
    app.store
        .record_event(
            quick_code,
            DossierStatus::Refused,
            office,
            "Hồ sơ không thuộc thẩm quyền.",
            quick["submitted_at"].as_i64().unwrap() + 60,
        )
        .await
        .unwrap()
        .unwrap();
    let tracking = track(&app, quick_code, "phone=0912345678").await;
    assert_eq!(
        tracking["deadline"],
        json!({ "kind": "finished", "on_time": true })
    );
}

async fn too_many_failed_lookups_are_refused_for_a_while(backend: Backend) {
    let app = spawn_app_with_lookup_limit(backend, 3).await;
    let receipt = filed(&app, "track-limit-0001").await;
    let code = receipt["code"].as_str().unwrap();
    let right = format!("/api/dossiers/{code}?phone=0912345678");
    // Successful lookups are not counted.
    for _ in 0..5 {
        app.get_json(&right, 200).await;
    }
    for path in [
        format!("/api/dossiers/{code}?phone=0987654321"),
        format!("/api/dossiers/{code}/receipt?token=0000"),
        "/api/dossiers/nonsense?phone=0912345678".to_string(),
    ] {
        app.get_json(&path, 404).await;
    }
    // Now even the right proof is refused, on both endpoints.
    for path in [right.clone(), right.replace('?', "/receipt?")] {
        let response = app.get(&path).await;
        assert_eq!(response.status().as_u16(), 429, "{path}");
        let retry_after: u64 = response.headers()["retry-after"]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((590..=600).contains(&retry_after), "{retry_after}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body,
            json!({
                "error": "too_many_requests",
                "message": "Bạn đã tra cứu sai quá nhiều lần. Hãy thử lại sau ít phút.",
                "fields": {},
            })
        );
    }
    // Another address is not held back.
    let other = reqwest::Client::builder()
        .local_address(IpAddr::V4(Ipv4Addr::new(127, 0, 0, 2)))
        .build()
        .unwrap();
    let response = other.get(app.url(&right)).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 200);
}

crate::on_both_backends!(
    a_dossier_is_tracked_by_phone_and_by_token,
    tracking_failures_look_the_same_as_the_receipts,
    recorded_steps_extend_the_timeline_in_order,
    a_finished_dossier_is_judged_by_the_day_it_finished,
    too_many_failed_lookups_are_refused_for_a_while,
);
