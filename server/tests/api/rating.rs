use futures::future::join_all;
use motcua_api::dossier::DossierStatus;
use serde_json::{Value, json};

use crate::dossiers::{NO_SUCH_DOSSIER, dossier_with_uploads, submit_json};
use crate::helpers::{Backend, TestApp, spawn_app};

const OFFICE: &str = "Ủy ban nhân dân cấp xã";
const NOT_RATABLE: &str = "Hồ sơ chưa có kết quả nên chưa thể đánh giá.";
const ALREADY_RATED: &str = "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.";
const PICK_A_LEVEL: &str = "Hãy chọn một mức từ 1 đến 5.";

/// A birth registration filed now; its receipt.
async fn filed(app: &TestApp, key: &str) -> Value {
    let dossier = dossier_with_uploads(app).await;
    submit_json(app, key, &dossier, 201).await
}

/// A dossier filed now whose result is ready; its code.
async fn done(app: &TestApp, key: &str) -> String {
    let receipt = filed(app, key).await;
    let code = receipt["code"].as_str().unwrap().to_string();
    let at = receipt["submitted_at"].as_i64().unwrap() + 60;
    app.store
        .record_event(&code, DossierStatus::Done, OFFICE, "Đã có kết quả.", at)
        .await
        .unwrap()
        .unwrap();
    code
}

fn good_rating() -> Value {
    json!({
        "satisfaction": 5,
        "guidance_clear": 4,
        "on_time": 3,
        "staff_attitude": 5,
        "comment": "  Cán bộ hướng dẫn tận tình.  ",
    })
}

/// `POST /api/dossiers/{code}/rating?{query}`.
async fn post_rating(app: &TestApp, code: &str, query: &str, rating: &Value) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/dossiers/{code}/rating?{query}")))
        .json(rating)
        .send()
        .await
        .expect("request")
}

/// A rating that must answer `status` with a JSON body.
async fn rate(app: &TestApp, code: &str, query: &str, rating: &Value, status: u16) -> Value {
    let response = post_rating(app, code, query, rating).await;
    assert_eq!(response.status().as_u16(), status, "POST rating of {code}");
    response.json().await.expect("JSON body")
}

async fn a_dossier_is_rated_once_after_its_result(backend: Backend) {
    let app = spawn_app(backend).await;
    let receipt = filed(&app, "rate-once-0001").await;
    let code = receipt["code"].as_str().unwrap();
    let token = receipt["tracking_token"].as_str().unwrap();

    // Just filed: no result yet.
    let early = rate(&app, code, "phone=0912345678", &good_rating(), 409).await;
    assert_eq!(
        early,
        json!({ "error": "not_ratable", "message": NOT_RATABLE, "fields": {} })
    );
    let path = format!("/api/dossiers/{code}/rating?phone=0912345678");
    assert_eq!(app.get_json(&path, 200).await, Value::Null);

    let done_at = receipt["submitted_at"].as_i64().unwrap() + 60;
    app.store
        .record_event(code, DossierStatus::Done, OFFICE, "Đã có kết quả.", done_at)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(app.get_json(&path, 200).await, Value::Null);

    let response = post_rating(&app, code, &format!("token={token}"), &good_rating()).await;
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    let rated: Value = response.json().await.unwrap();
    let rated_at = rated["rated_at"].as_i64().unwrap();
    let submitted_at = receipt["submitted_at"].as_i64().unwrap();
    assert!(rated_at >= submitted_at, "{rated_at}");
    assert_eq!(
        rated,
        json!({
            "code": code,
            "satisfaction": 5,
            "guidance_clear": 4,
            "on_time": 3,
            "staff_attitude": 5,
            "comment": "Cán bộ hướng dẫn tận tình.",
            "rated_at": rated_at,
        })
    );
    let response = app.get(&path).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    assert_eq!(response.json::<Value>().await.unwrap(), rated);
    let by_token = format!("/api/dossiers/{}/rating?token={token}", code.to_lowercase());
    assert_eq!(app.get_json(&by_token, 200).await, rated);

    // A second rating, even a different one, is refused and changes nothing.
    let again =
        json!({ "satisfaction": 1, "guidance_clear": 1, "on_time": 1, "staff_attitude": 1 });
    assert_eq!(
        rate(&app, code, "phone=0912345678", &again, 409).await,
        json!({ "error": "already_rated", "message": ALREADY_RATED, "fields": {} })
    );
    assert_eq!(app.get_json(&path, 200).await, rated);
    assert_eq!(app.database.count("SELECT COUNT(*) FROM ratings").await, 1);
}

async fn returned_and_refused_dossiers_can_be_rated_too(backend: Backend) {
    let app = spawn_app(backend).await;
    for (key, steps) in [
        (
            "rate-status-0001",
            &[DossierStatus::Received, DossierStatus::Processing][..],
        ),
        (
            "rate-status-0002",
            &[DossierStatus::Done, DossierStatus::Returned][..],
        ),
        ("rate-status-0003", &[DossierStatus::Refused][..]),
    ] {
        let receipt = filed(&app, key).await;
        let code = receipt["code"].as_str().unwrap();
        let at = receipt["submitted_at"].as_i64().unwrap();
        for (step, status) in steps.iter().enumerate() {
            let step = i64::try_from(step).unwrap();
            app.store
                .record_event(code, *status, OFFICE, "", at + 60 * (step + 1))
                .await
                .unwrap()
                .unwrap();
        }
        let expected = if steps.last() == Some(&DossierStatus::Processing) {
            409
        } else {
            201
        };
        rate(&app, code, "phone=0912345678", &good_rating(), expected).await;
    }
    assert_eq!(app.database.count("SELECT COUNT(*) FROM ratings").await, 2);
}

async fn ratings_arriving_at_once_store_exactly_one(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = done(&app, "rate-race-0001").await;
    let ratings: Vec<Value> = (1..=10u8)
        .map(|n| {
            json!({
                "satisfaction": n % 5 + 1,
                "guidance_clear": 3,
                "on_time": 3,
                "staff_attitude": 3,
                "comment": format!("Lần {n}"),
            })
        })
        .collect();
    let responses = join_all(
        ratings
            .iter()
            .map(|rating| post_rating(&app, &code, "phone=0912345678", rating)),
    )
    .await;
    let mut statuses: Vec<u16> = Vec::new();
    let mut winner = None;
    for response in responses {
        let status = response.status().as_u16();
        let body: Value = response.json().await.unwrap();
        match status {
            201 => winner = Some(body),
            409 => assert_eq!(body["error"], "already_rated"),
            _ => panic!("{status}: {body}"),
        }
        statuses.push(status);
    }
    assert_eq!(statuses.iter().filter(|status| **status == 201).count(), 1);
    assert_eq!(statuses.iter().filter(|status| **status == 409).count(), 9);
    let path = format!("/api/dossiers/{code}/rating?phone=0912345678");
    assert_eq!(Some(app.get_json(&path, 200).await), winner);
    assert_eq!(app.database.count("SELECT COUNT(*) FROM ratings").await, 1);
}

async fn a_bad_rating_names_each_bad_field(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = done(&app, "rate-bad-0001").await;
    let bad = json!({
        "satisfaction": 0,
        "guidance_clear": 6,
        "on_time": 3,
        "staff_attitude": 0,
        "comment": "a".repeat(1001),
    });
    assert_eq!(
        rate(&app, &code, "phone=0912345678", &bad, 422).await,
        json!({
            "error": "validation",
            "message": "Phiếu đánh giá còn thông tin chưa đúng. Hãy sửa các mục được đánh dấu.",
            "fields": {
                "satisfaction": PICK_A_LEVEL,
                "guidance_clear": PICK_A_LEVEL,
                "staff_attitude": PICK_A_LEVEL,
                "comment": "Nhận xét không được dài quá 1000 ký tự.",
            },
        })
    );
    // A score left out is asked for too.
    let missing = json!({ "satisfaction": 4, "guidance_clear": 4, "staff_attitude": 4 });
    let body = rate(&app, &code, "phone=0912345678", &missing, 422).await;
    assert_eq!(body["fields"], json!({ "on_time": PICK_A_LEVEL }));
    // A score that is not a number from 0 to 255 is not a rating at all.
    let garbled = json!({ "satisfaction": "năm", "guidance_clear": 4 });
    let body = rate(&app, &code, "phone=0912345678", &garbled, 400).await;
    assert_eq!(body["error"], "bad_request");
    assert_eq!(app.database.count("SELECT COUNT(*) FROM ratings").await, 0);
    // 1000 characters, after trimming, are fine.
    let longest = json!({
        "satisfaction": 1,
        "guidance_clear": 2,
        "on_time": 3,
        "staff_attitude": 4,
        "comment": format!("  {}  ", "ệ".repeat(1000)),
    });
    let rated = rate(&app, &code, "phone=0912345678", &longest, 201).await;
    assert_eq!(rated["comment"].as_str().unwrap().chars().count(), 1000);
}

async fn rating_lookups_fail_like_tracking(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = done(&app, "rate-probe-0001").await;
    let unknown = format!("{}9999", &code[..10]);
    let expected = json!({ "error": "not_found", "message": NO_SUCH_DOSSIER, "fields": {} });
    for (code, query) in [
        (code.as_str(), "phone=0987654321"),
        (code.as_str(), "token=0000"),
        (unknown.as_str(), "phone=0912345678"),
        ("nonsense", "phone=0912345678"),
    ] {
        // Checked before anything else: neither the rating nor its absence is told.
        assert_eq!(
            rate(&app, code, query, &good_rating(), 404).await,
            expected,
            "POST {code}?{query}"
        );
        let path = format!("/api/dossiers/{code}/rating?{query}");
        assert_eq!(app.get_json(&path, 404).await, expected, "{path}");
    }
    // Tracking answers a wrong phone with the very same body.
    let tracking = format!("/api/dossiers/{code}?phone=0987654321");
    assert_eq!(app.get_json(&tracking, 404).await, expected);
    let body = rate(&app, &code, "phone=%20", &good_rating(), 400).await;
    assert_eq!(body["error"], "bad_request");
    assert_eq!(app.database.count("SELECT COUNT(*) FROM ratings").await, 0);
}

crate::on_both_backends!(
    a_dossier_is_rated_once_after_its_result,
    returned_and_refused_dossiers_can_be_rated_too,
    ratings_arriving_at_once_store_exactly_one,
    a_bad_rating_names_each_bad_field,
    rating_lookups_fail_like_tracking,
);
