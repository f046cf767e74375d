use motcua_api::date::{Date, Month};
use motcua_api::dossier::DossierStatus;
use motcua_api::staff::StaffRole;
use motcua_server::domain::retention::erase_expired;
use serde_json::{Value, json};

use crate::dossiers::{dossier_with_uploads, submit_json};
use crate::helpers::{Backend, TestApp, spawn_app};
use crate::staff_support::signed_in;

const OFFICE: &str = "Ủy ban nhân dân cấp xã";

/// A dossier filed now; its receipt.
async fn filed(app: &TestApp, key: &str) -> Value {
    let dossier = dossier_with_uploads(app).await;
    submit_json(app, key, &dossier, 201).await
}

/// Finishes the dossier now, then dates its end `finished_on` (`yyyy-mm-dd`).
async fn finished(app: &TestApp, receipt: &Value, finished_on: &str) {
    let code = receipt["code"].as_str().unwrap();
    let at = receipt["submitted_at"].as_i64().unwrap() + 60;
    app.store
        .record_event(code, DossierStatus::Done, OFFICE, "Đã có kết quả.", at)
        .await
        .unwrap()
        .unwrap();
    app.database
        .execute(&format!(
            "UPDATE dossiers SET finished_on = '{finished_on}' WHERE code = '{code}'"
        ))
        .await;
}

fn receipt_path(receipt: &Value) -> String {
    format!(
        "/api/dossiers/{}/receipt?token={}",
        receipt["code"].as_str().unwrap(),
        receipt["tracking_token"].as_str().unwrap()
    )
}

async fn dossiers_past_the_period_lose_their_personal_data_and_files(backend: Backend) {
    let app = spawn_app(backend).await;
    let old = filed(&app, "retention-0001").await;
    let recent = filed(&app, "retention-0002").await;
    let open = filed(&app, "retention-0003").await;
    finished(&app, &old, "2020-12-04").await;
    finished(&app, &recent, "2021-12-05").await;
    let rating = json!({"satisfaction": 5, "guidance_clear": 4, "on_time": 3,
        "staff_attitude": 5, "comment": "Chị Hoa ở phường Ba Đình được hướng dẫn tận tình."});
    let rated = app
        .client
        .post(app.url(&receipt_path(&old).replace("/receipt", "/rating")))
        .json(&rating)
        .send()
        .await
        .unwrap();
    assert_eq!(rated.status().as_u16(), 201);
    let files_before = app.stored_file_count();

    // Five years on 5/12/2026 keep what finished from 5/12/2021.
    let today = Date::from_calendar_date(2026, Month::December, 5).unwrap();
    let erased = erase_expired(&app.store, &app.files, today, 5)
        .await
        .unwrap();
    assert_eq!(erased, (1, 3));
    assert_eq!(app.stored_file_count(), files_before - 3);

    // Nothing opens the erased dossier, for the citizen or the office; the others are untouched.
    assert_eq!(app.get(&receipt_path(&old)).await.status().as_u16(), 404);
    for kept in [&recent, &open] {
        assert_eq!(app.get(&receipt_path(kept)).await.status().as_u16(), 200);
    }
    let officer = signed_in(&app, StaffRole::Reception, "XA").await;
    let code = old["code"].as_str().unwrap();
    let view = officer.get(&format!("/api/staff/dossiers/{code}")).await;
    assert_eq!(view.status().as_u16(), 404);
    let listed = officer
        .get_json("/api/staff/dossiers?tab=done", 200)
        .await
        .to_string();
    assert!(!listed.contains(code), "{listed}");
    assert!(listed.contains(recent["code"].as_str().unwrap()));

    // What stays is what the figures count.
    let erased_row =
        |column: &str| format!("SELECT COUNT(*) FROM dossiers WHERE code = '{code}' AND {column}");
    for kept in [
        "status = 'done'",
        "finished_on = '2020-12-04'",
        "procedure_code = '1.001193'",
    ] {
        assert_eq!(app.database.count(&erased_row(kept)).await, 1, "{kept}");
    }
    for gone in [
        "applicant_name = ''",
        "phone = ''",
        "body = '{}'",
        "tracking_token = ''",
        "erased_on = '2026-12-05'",
    ] {
        assert_eq!(app.database.count(&erased_row(gone)).await, 1, "{gone}");
    }
    let comments = "SELECT COUNT(*) FROM ratings WHERE comment = '' AND satisfaction = 5";
    assert_eq!(app.database.count(comments).await, 1);
    let keys = "SELECT COUNT(*) FROM idempotency_keys WHERE key = 'retention-0001'";
    assert_eq!(app.database.count(keys).await, 0);

    // A second pass finds nothing more.
    let again = erase_expired(&app.store, &app.files, today, 5)
        .await
        .unwrap();
    assert_eq!(again, (0, 0));
}

crate::on_both_backends!(dossiers_past_the_period_lose_their_personal_data_and_files);
