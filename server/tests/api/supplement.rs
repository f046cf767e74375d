use motcua_api::calendar::{add_working_days, working_days_between};
use motcua_api::date::{self, Date, vietnam_local_time};
use motcua_api::staff::StaffRole;
use motcua_api::tracking::{INVALID_SUPPLEMENT, NO_SUPPLEMENT_ASKED};
use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, spawn_app};
use crate::samples::pdf;
use crate::staff_support::signed_in;
use crate::workflow::{act, action, file_birth, view};

/// `POST /api/dossiers/{code}/supplement?{proof}`.
async fn send(app: &TestApp, code: &str, proof: &str, body: &Value) -> reqwest::Response {
    app.client
        .post(app.url(&format!("/api/dossiers/{code}/supplement?{proof}")))
        .json(body)
        .send()
        .await
        .unwrap()
}

async fn track(app: &TestApp, code: &str) -> Value {
    app.get_json(&format!("/api/dossiers/{code}?phone=0912345678"), 200)
        .await
}

async fn a_supplement_pauses_the_clock_and_sending_it_resumes_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = file_birth(&app, "supplement-0001").await;
    let processing = signed_in(&app, StaffRole::Processing, "XA").await;
    let leader = signed_in(&app, StaffRole::Leader, "XA").await;
    act(&leader, &code, &action("receive")).await;
    act(&processing, &code, &action("start_processing")).await;
    let asked = act(&processing, &code, &action("request_supplement")).await;
    assert_eq!(asked["status"], "needs_supplement");
    assert_eq!(asked["deadline"], json!({ "kind": "paused" }));

    let waiting = track(&app, &code).await;
    assert_eq!(waiting["status"], "needs_supplement");
    assert_eq!(waiting["deadline"], json!({ "kind": "paused" }));
    assert_eq!(
        waiting["supplement"]["missing"],
        json!(["Bản sao giấy chứng sinh có chứng thực"])
    );
    assert_eq!(waiting["supplement"]["note"], "Nộp bản scan rõ nét.");
    let requested_at = waiting["supplement"]["requested_at"].as_i64().unwrap();
    assert_eq!(
        requested_at,
        waiting["timeline"].as_array().unwrap().last().unwrap()["at"]
            .as_i64()
            .unwrap()
    );

    // The request was made twelve days ago: the promise moves by the working days waited.
    let today = vietnam_local_time(motcua_server::clock::unix_now()).date;
    let paused_on = Date::from_julian_day(today.to_julian_day() - 12).unwrap();
    app.database
        .execute(&format!(
            "UPDATE supplement_requests SET paused_on = '{}'",
            date::format_iso(paused_on)
        ))
        .await;
    let promised = date::parse_iso(waiting["promised_date"].as_str().unwrap()).unwrap();
    let waited = working_days_between(paused_on, today);
    assert!(waited >= 6, "{waited}");

    let upload = app.upload_id(pdf("giấy chứng sinh"), "bo-sung.pdf").await;
    let body = json!({ "uploads": [upload], "note": "Đã bổ sung bản chứng thực." });
    let response = send(&app, &code, "phone=0912345678", &body).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()["cache-control"], "private, no-store");
    let resumed: Value = response.json().await.unwrap();
    assert_eq!(resumed["status"], "processing");
    assert_eq!(resumed["supplement"], Value::Null);
    let moved = add_working_days(promised, waited);
    assert_eq!(resumed["promised_date"], date::format_iso(moved));
    assert_eq!(resumed["deadline"]["kind"], "on_time");
    let last = resumed["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(last["status"], "processing");
    assert_eq!(
        last["note"],
        format!(
            "Công dân đã bổ sung giấy tờ. Ngày hẹn trả kết quả mới: {}. Ghi chú của công dân: Đã bổ sung bản chứng thực.",
            date::format_vietnamese(moved)
        )
    );
    assert_eq!(resumed["timeline"].as_array().unwrap().len(), 5);

    // The officer finds the file on the checklist's last line, and can preview and tick it.
    let seen = view(&processing, &code).await;
    assert_eq!(seen["version"], 5);
    let documents = seen["documents"].as_array().unwrap();
    let supplied = documents.last().unwrap();
    assert_eq!(supplied["name"], "Giấy tờ bổ sung");
    assert_eq!(supplied["index"], 7);
    assert_eq!(supplied["files"][0]["id"], upload.as_str());
    let preview = processing
        .get(&format!("/api/staff/dossiers/{code}/files/{upload}"))
        .await;
    assert_eq!(preview.status().as_u16(), 200);
    processing
        .post_json_expect(
            &format!("/api/staff/dossiers/{code}/checks"),
            &json!({ "index": 7, "checked": true }),
            200,
        )
        .await;

    // Nothing more is awaited now.
    let again = app.upload_id(pdf("lần hai"), "lan-hai.pdf").await;
    let response = send(
        &app,
        &code,
        "phone=0912345678",
        &json!({ "uploads": [again] }),
    )
    .await;
    assert_eq!(response.status().as_u16(), 409);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body,
        json!({ "error": "no_supplement_asked", "message": NO_SUPPLEMENT_ASKED.vi, "fields": {} })
    );
}

async fn a_supplement_asked_at_reception_returns_the_dossier_there(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = file_birth(&app, "supplement-0002").await;
    let reception = signed_in(&app, StaffRole::Reception, "XA").await;
    let asked = act(&reception, &code, &action("request_supplement")).await;
    let promised = asked["promised_date"].clone();
    let upload = app.upload_id(pdf("bổ sung"), "bo-sung.pdf").await;
    let response = send(
        &app,
        &code,
        "phone=0912345678",
        &json!({ "uploads": [upload] }),
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
    let resumed: Value = response.json().await.unwrap();
    assert_eq!(resumed["status"], "submitted");
    // Asked and sent the same day: no working day waited, the promise stays.
    assert_eq!(resumed["promised_date"], promised);
    let last = resumed["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert!(
        last["note"]
            .as_str()
            .unwrap()
            .starts_with("Công dân đã bổ sung giấy tờ."),
        "{last}"
    );
    assert_eq!(
        view(&reception, &code).await["allowed_actions"][0],
        "receive"
    );
}

async fn bad_supplements_are_refused_and_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = file_birth(&app, "supplement-0003").await;
    let other = file_birth(&app, "supplement-0004").await;
    let reception = signed_in(&app, StaffRole::Reception, "XA").await;
    let taken = view(&reception, &other).await["documents"][0]["files"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let fresh = app.upload_id(pdf("mới"), "moi.pdf").await;

    // Not asked for yet.
    let response = send(
        &app,
        &code,
        "phone=0912345678",
        &json!({ "uploads": [fresh] }),
    )
    .await;
    assert_eq!(response.status().as_u16(), 409);
    act(&reception, &code, &action("request_supplement")).await;

    // Wrong proof: the tracking page's 404.
    let response = send(
        &app,
        &code,
        "phone=0987654321",
        &json!({ "uploads": [fresh] }),
    )
    .await;
    assert_eq!(response.status().as_u16(), 404);

    let cases = [
        (json!({ "uploads": [] }), "uploads"),
        (json!({ "uploads": ["not-an-id"] }), "uploads.0"),
        (
            json!({ "uploads": [fresh, "3f2b8a5e-1111-4222-8333-444455556666"] }),
            "uploads.1",
        ),
        (json!({ "uploads": [fresh, taken] }), "uploads.1"),
        (json!({ "uploads": [fresh, fresh] }), "uploads.1"),
        (
            json!({ "uploads": [fresh], "note": "x".repeat(1001) }),
            "note",
        ),
    ];
    for (body, field) in cases {
        let response = send(&app, &code, "phone=0912345678", &body).await;
        assert_eq!(response.status().as_u16(), 422, "{body}");
        let error: Value = response.json().await.unwrap();
        assert_eq!(error["message"], INVALID_SUPPLEMENT.vi);
        assert!(error["fields"][field].is_string(), "{field}: {error}");
    }
    let tracking = track(&app, &code).await;
    assert_eq!(tracking["status"], "needs_supplement");
    // The fresh upload is still free for the citizen's next try.
    let response = send(
        &app,
        &code,
        "phone=0912345678",
        &json!({ "uploads": [fresh] }),
    )
    .await;
    assert_eq!(response.status().as_u16(), 200);
}

crate::on_both_backends!(
    a_supplement_pauses_the_clock_and_sending_it_resumes_it,
    a_supplement_asked_at_reception_returns_the_dossier_there,
    bad_supplements_are_refused_and_change_nothing,
);
