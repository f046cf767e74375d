use std::collections::BTreeSet;

use futures::future::join_all;
use motcua_api::calendar::{promised_date, reception_date};
use motcua_api::date::{self, vietnam_local_time};
use motcua_api::{ProcessingTime, TimeUnit};
use serde_json::{Value, json};
use sqlx::Executor;

use crate::helpers::{Backend, TestApp, spawn_app};
use crate::samples::{birth_registration, pdf, png};

pub const NO_SUCH_DOSSIER: &str = "Không tìm thấy hồ sơ với mã và số điện thoại này.";

/// A birth registration with three fresh uploads.
pub async fn dossier_with_uploads(app: &TestApp) -> Value {
    let declaration = app.upload_id(pdf("tờ khai"), "to-khai.pdf").await;
    let certificate = app.upload_id(png(), "giấy chứng sinh.png").await;
    let identity = app.upload_id(pdf("căn cước"), "can-cuoc.pdf").await;
    birth_registration(&declaration, &certificate, &identity)
}

pub async fn submit_json(app: &TestApp, key: &str, dossier: &Value, status: u16) -> Value {
    let response = app.submit(key, dossier).await;
    assert_eq!(response.status().as_u16(), status, "POST /api/dossiers");
    response.json().await.expect("JSON body")
}

async fn a_birth_registration_is_filed_and_its_receipt_read_back(backend: Backend) {
    let app = spawn_app(backend).await;
    let dossier = dossier_with_uploads(&app).await;
    let declaration = dossier["documents"]["0"][0].as_str().unwrap().to_string();
    assert_eq!(
        app.get(&format!("/api/uploads/{declaration}"))
            .await
            .status()
            .as_u16(),
        200
    );

    let receipt = submit_json(&app, "first-filing-0001", &dossier, 201).await;
    let submitted_at = receipt["submitted_at"].as_i64().unwrap();
    let today = vietnam_local_time(submitted_at).date;
    let expected_code = format!(
        "XA-{:02}{:02}{:02}-0001",
        today.year() % 100,
        u8::from(today.month()),
        today.day()
    );
    assert_eq!(receipt["code"], expected_code.as_str());
    assert_eq!(receipt["status"], "submitted");
    assert_eq!(receipt["procedure_code"], "1.001193");
    assert_eq!(receipt["procedure_name"], "Thủ tục đăng ký khai sinh");
    assert_eq!(receipt["agency"], "Ủy ban nhân dân cấp xã");
    assert_eq!(receipt["applicant_name"], "Nguyễn Thị Hoa");
    assert_eq!(receipt["phone_masked"], "091****678");
    assert_eq!(receipt["delivery"], "counter");
    assert_eq!(receipt["processing_time"], "01 ngày làm việc");
    let received_on = reception_date(vietnam_local_time(submitted_at));
    assert_eq!(receipt["received_on"], date::format_iso(received_on));
    let one_day = ProcessingTime {
        amount: 1.0,
        unit: TimeUnit::WorkingDays,
    };
    assert_eq!(
        receipt["promised_date"],
        date::format_iso(promised_date(received_on, one_day))
    );
    let token = receipt["tracking_token"].as_str().unwrap();
    assert!(token.len() >= 32, "{token}");
    let documents = receipt["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 3);
    assert!(
        documents[0]["name"]
            .as_str()
            .unwrap()
            .starts_with("Tờ khai đăng ký khai sinh")
    );
    assert!(
        documents[1]["name"]
            .as_str()
            .unwrap()
            .starts_with("Giấy chứng sinh")
    );
    assert!(
        documents[2]["name"]
            .as_str()
            .unwrap()
            .starts_with("Giấy tờ tùy thân")
    );
    assert_eq!(
        documents[1]["files"],
        json!([{ "name": "giấy chứng sinh.png", "size": png().len() }])
    );
    assert_eq!(documents[0]["files"][0]["size"], pdf("tờ khai").len());

    // Filed uploads are no longer the draft's to preview or delete.
    app.get_json(&format!("/api/uploads/{declaration}"), 404)
        .await;
    let delete = app
        .client
        .delete(app.url(&format!("/api/uploads/{declaration}")))
        .send()
        .await
        .unwrap();
    assert_eq!(delete.status().as_u16(), 404);

    let code = receipt["code"].as_str().unwrap();
    for query in [
        "phone=0912345678".to_string(),
        "phone=%2B84%20912%20345%20678".to_string(),
        format!("token={token}"),
    ] {
        let response = app
            .get(&format!("/api/dossiers/{code}/receipt?{query}"))
            .await;
        assert_eq!(response.status().as_u16(), 200, "{query}");
        assert_eq!(response.headers()["cache-control"], "private, no-store");
        assert_eq!(response.json::<Value>().await.unwrap(), receipt, "{query}");
    }
    let lowercase = format!(
        "/api/dossiers/{}/receipt?phone=0912345678",
        code.to_lowercase()
    );
    assert_eq!(app.get_json(&lowercase, 200).await["code"], code);
}

async fn each_bad_field_is_named(backend: Backend) {
    let app = spawn_app(backend).await;
    let good = dossier_with_uploads(&app).await;
    // The field named in the answer, the value changed, and its bad value.
    let cases = [
        (
            "applicant.citizen_id",
            "/applicant/citizen_id",
            json!("0011900123"),
        ),
        ("applicant.phone", "/applicant/phone", json!("0212345678")),
        (
            "applicant.date_of_birth",
            "/applicant/date_of_birth",
            json!("31/02/1990"),
        ),
        (
            "applicant.full_name",
            "/applicant/full_name",
            json!("Nguyen 2"),
        ),
        ("answers.child_name", "/answers/child_name", json!("  ")),
        ("answers.child_sex", "/answers/child_sex", json!("Khác")),
        (
            "answers.applicant_relation_other",
            "/answers/applicant_relation",
            json!("Người thân khác"),
        ),
        ("delivery.method", "/delivery/method", json!("")),
        (
            "delivery.address.province",
            "/delivery/method",
            json!("post"),
        ),
        ("documents.1", "/documents/1", json!([])),
    ];
    for (number, (field, pointer, bad)) in cases.into_iter().enumerate() {
        let mut dossier = good.clone();
        *dossier.pointer_mut(pointer).expect(pointer) = bad;
        let body = submit_json(&app, &format!("bad-field-{number:04}"), &dossier, 422).await;
        assert_eq!(body["error"], "validation", "{field}");
        assert_eq!(
            body["message"],
            "Hồ sơ còn thông tin chưa đúng. Hãy sửa các mục được đánh dấu."
        );
        assert!(
            body["fields"][field]
                .as_str()
                .is_some_and(|m| !m.is_empty()),
            "{field}: {body}"
        );
    }
    let mut unknown = good.clone();
    unknown["procedure_code"] = json!("9.999999");
    let body = submit_json(&app, "unknown-procedure", &unknown, 422).await;
    assert_eq!(
        body["fields"]["procedure_code"],
        "Không tìm thấy thủ tục này."
    );
    assert_eq!(app.database.count("SELECT COUNT(*) FROM dossiers").await, 0);
    // Nothing was taken: the good dossier still files.
    submit_json(&app, "good-after-bad", &good, 201).await;
}

async fn the_idempotency_key_is_required_and_checked(backend: Backend) {
    let app = spawn_app(backend).await;
    let dossier = dossier_with_uploads(&app).await;
    let missing = app
        .client
        .post(app.url("/api/dossiers"))
        .json(&dossier)
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status().as_u16(), 400);
    let body: Value = missing.json().await.unwrap();
    assert_eq!(body["error"], "bad_request");
    assert!(body["fields"]["Idempotency-Key"].is_string(), "{body}");
    for bad in [
        "short",
        "has space 12345",
        "dấu-tiếng-việt",
        &"k".repeat(101),
    ] {
        let body = submit_json(&app, bad, &dossier, 400).await;
        assert!(body["fields"]["Idempotency-Key"].is_string(), "{bad}");
    }
    let malformed = app
        .client
        .post(app.url("/api/dossiers"))
        .header("Idempotency-Key", "malformed-json-1")
        .header("Content-Type", "application/json")
        .body("{\"procedure_code\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(malformed.status().as_u16(), 400);
    let body: Value = malformed.json().await.unwrap();
    assert_eq!(body["error"], "bad_request");
    assert_eq!(app.database.count("SELECT COUNT(*) FROM dossiers").await, 0);
}

async fn a_retry_gets_the_same_dossier(backend: Backend) {
    let app = spawn_app(backend).await;
    let dossier = dossier_with_uploads(&app).await;
    let first = submit_json(&app, "retry-key-0001", &dossier, 201).await;
    let response = app.submit("retry-key-0001", &dossier).await;
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(response.headers()["idempotent-replayed"], "true");
    let second: Value = response.json().await.unwrap();
    assert_eq!(second, first);
    assert_eq!(app.database.count("SELECT COUNT(*) FROM dossiers").await, 1);
}

async fn simultaneous_retries_file_one_dossier(backend: Backend) {
    let app = spawn_app(backend).await;
    let dossier = dossier_with_uploads(&app).await;
    let mut held = app.database.hold_filing().await;
    let attempts: Vec<_> = (0..8)
        .map(|_| {
            let request = app
                .client
                .post(app.url("/api/dossiers"))
                .header("Idempotency-Key", "same-moment-0001")
                .json(&dossier);
            tokio::spawn(request.send())
        })
        .collect();
    // Every attempt is past its check for an earlier filing and waits for the lock.
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    held.execute("COMMIT").await.unwrap();
    let mut codes = BTreeSet::new();
    for attempt in attempts {
        let response = attempt.await.unwrap().unwrap();
        assert_eq!(response.status().as_u16(), 201);
        let body: Value = response.json().await.unwrap();
        codes.insert(body["code"].as_str().unwrap().to_string());
    }
    assert_eq!(codes.len(), 1, "{codes:?}");
    assert_eq!(app.database.count("SELECT COUNT(*) FROM dossiers").await, 1);
    assert_eq!(
        app.database
            .count("SELECT MAX(last) FROM dossier_sequences")
            .await,
        1
    );
}

async fn a_key_reused_for_another_dossier_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let dossier = dossier_with_uploads(&app).await;
    submit_json(&app, "reused-key-0001", &dossier, 201).await;
    let mut other = dossier.clone();
    other["answers"]["child_name"] = json!("Nguyễn Văn Bình");
    let body = submit_json(&app, "reused-key-0001", &other, 422).await;
    assert_eq!(body["error"], "idempotency_key_reused");
    assert!(!body["message"].as_str().unwrap().is_empty());
    assert_eq!(app.database.count("SELECT COUNT(*) FROM dossiers").await, 1);
}

async fn fifty_simultaneous_dossiers_are_numbered_one_to_fifty(backend: Backend) {
    let app = spawn_app(backend).await;
    let mut dossiers = Vec::new();
    for _ in 0..50 {
        dossiers.push(dossier_with_uploads(&app).await);
    }
    let keys: Vec<String> = (0..50)
        .map(|number| format!("concurrent-{number:04}"))
        .collect();
    let submissions = keys
        .iter()
        .zip(&dossiers)
        .map(|(key, dossier)| submit_json(&app, key, dossier, 201));
    let receipts = join_all(submissions).await;
    let codes: BTreeSet<String> = receipts
        .iter()
        .map(|receipt| receipt["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes.len(), 50);
    let prefix = &codes.first().unwrap()[..10];
    let mut sequences: Vec<u32> = codes
        .iter()
        .map(|code| {
            assert_eq!(&code[..10], prefix, "one unit, one day");
            code[10..].parse().unwrap()
        })
        .collect();
    sequences.sort_unstable();
    assert_eq!(sequences, (1..=50).collect::<Vec<_>>());
    assert_eq!(
        app.database.count("SELECT COUNT(*) FROM dossiers").await,
        50
    );
    assert_eq!(
        app.database
            .count("SELECT COUNT(*) FROM uploads WHERE dossier_id IS NOT NULL")
            .await,
        150
    );
}

async fn an_upload_is_attached_once_and_a_refused_dossier_takes_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = dossier_with_uploads(&app).await;
    submit_json(&app, "attach-once-0001", &first, 201).await;

    // A second dossier reusing the first one's birth certificate, with fresh other files.
    let mut second = dossier_with_uploads(&app).await;
    let fresh_identity = second["documents"]["5"][0].as_str().unwrap().to_string();
    second["documents"]["1"] = first["documents"]["1"].clone();
    second["documents"]["4"] = json!(["00000000-0000-4000-8000-000000000000"]);
    let body = submit_json(&app, "attach-once-0002", &second, 422).await;
    assert_eq!(body["error"], "validation");
    let message = "Tệp đã tải lên không còn trên máy chủ, hãy tải lên lại.";
    assert_eq!(body["fields"]["documents.1"], message);
    assert_eq!(body["fields"]["documents.4"], message);
    assert_eq!(body["fields"].as_object().unwrap().len(), 2, "{body}");
    assert_eq!(app.database.count("SELECT COUNT(*) FROM dossiers").await, 1);
    // Its other uploads were not taken: still the draft's, and the sequence did not move.
    assert_eq!(
        app.get(&format!("/api/uploads/{fresh_identity}"))
            .await
            .status()
            .as_u16(),
        200
    );
    assert_eq!(
        app.database
            .count("SELECT MAX(last) FROM dossier_sequences")
            .await,
        1
    );
}

async fn receipt_failures_look_the_same(backend: Backend) {
    let app = spawn_app(backend).await;
    let dossier = dossier_with_uploads(&app).await;
    let receipt = submit_json(&app, "receipt-probe-0001", &dossier, 201).await;
    let code = receipt["code"].as_str().unwrap();
    let unknown = format!("{}9999", &code[..10]);
    let paths = [
        format!("/api/dossiers/{code}/receipt?phone=0987654321"),
        format!("/api/dossiers/{code}/receipt?phone=not-a-phone"),
        format!("/api/dossiers/{code}/receipt?token=0000"),
        format!("/api/dossiers/{unknown}/receipt?phone=0912345678"),
        "/api/dossiers/XA-999999-0001/receipt?phone=0912345678".to_string(),
        "/api/dossiers/nonsense/receipt?token=abc".to_string(),
    ];
    let expected = json!({ "error": "not_found", "message": NO_SUCH_DOSSIER, "fields": {} });
    for path in &paths {
        assert_eq!(app.get_json(path, 404).await, expected, "{path}");
    }
    let body = app
        .get_json(&format!("/api/dossiers/{code}/receipt"), 400)
        .await;
    assert_eq!(body["error"], "bad_request");
}

crate::on_both_backends!(
    a_birth_registration_is_filed_and_its_receipt_read_back,
    each_bad_field_is_named,
    the_idempotency_key_is_required_and_checked,
    a_retry_gets_the_same_dossier,
    simultaneous_retries_file_one_dossier,
    a_key_reused_for_another_dossier_is_refused,
    fifty_simultaneous_dossiers_are_numbered_one_to_fifty,
    an_upload_is_attached_once_and_a_refused_dossier_takes_nothing,
    receipt_failures_look_the_same,
);
