//! Apology letters: the overdue watch records the letters owed, the office writes them, the
//! citizen reads them on the tracking page.

use futures::future::join_all;
use motcua_api::calendar::add_working_days;
use motcua_api::date::{self, Date, Month, vietnam_local_time};
use motcua_api::dossier::DossierStatus;
use motcua_api::staff::StaffRole;
use motcua_server::clock::unix_now;
use motcua_server::domain::apology::{apology_due, find_overdue};
use motcua_server::store::Store;
use reqwest::header::ORIGIN;
use serde_json::{Value, json};

use crate::dossiers::{dossier_with_uploads, submit_json};
use crate::helpers::{Backend, TestApp, spawn_app};
use crate::staff_support::signed_in;

const OFFICE: &str = "Ủy ban nhân dân cấp xã";
const NO_APOLOGY_DUE: &str = "Hồ sơ này không quá hạn hoặc đã có phiếu xin lỗi.";
const REASON: &str = "Chờ kết quả xác minh của cơ quan công an.";

fn day(year: i32, month: u8, day: u8) -> Date {
    Date::from_calendar_date(year, Month::try_from(month).unwrap(), day).unwrap()
}

/// A birth registration filed now and moved through `steps`, promised on Friday 28/08/2026;
/// its code.
async fn promised_friday(app: &TestApp, key: &str, steps: &[DossierStatus]) -> String {
    let dossier = dossier_with_uploads(app).await;
    let receipt = submit_json(app, key, &dossier, 201).await;
    let code = receipt["code"].as_str().unwrap().to_string();
    let mut at = receipt["submitted_at"].as_i64().unwrap();
    for status in steps {
        at += 60;
        app.store
            .record_event(&code, *status, OFFICE, "", at)
            .await
            .unwrap()
            .unwrap();
    }
    let sql = format!("UPDATE dossiers SET promised_date = '2026-08-28' WHERE code = '{code}'");
    assert_eq!(app.database.execute(&sql).await, 1);
    code
}

async fn dossier_id(store: &Store, code: &str) -> String {
    store.dossier_by_code(code).await.unwrap().unwrap().id
}

async fn letters(app: &TestApp) -> i64 {
    app.database
        .count("SELECT COUNT(*) FROM apology_letters")
        .await
}

/// The written letters on the dossier's tracking page.
async fn tracked_letters(app: &TestApp, code: &str) -> Value {
    let tracking = app
        .get_json(&format!("/api/dossiers/{code}?phone=0912345678"), 200)
        .await;
    tracking["apology_letters"].clone()
}

/// A working day a few days after the server's today, as a letter's new date.
fn new_date() -> Date {
    add_working_days(vietnam_local_time(unix_now()).date, 3)
}

fn letter_input(new_date: Date) -> Value {
    json!({ "reason": REASON, "new_date": date::format_vietnamese(new_date) })
}

async fn overdue_across_a_weekend_and_a_holiday(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = promised_friday(&app, "apology-weekend-0001", &[DossierStatus::Received]).await;
    let paused = promised_friday(
        &app,
        "apology-weekend-0002",
        &[DossierStatus::Received, DossierStatus::NeedsSupplement],
    )
    .await;
    promised_friday(&app, "apology-weekend-0003", &[DossierStatus::Done]).await;
    let id = dossier_id(&app.store, &code).await;

    // Due on Friday itself: not overdue yet.
    assert_eq!(find_overdue(&app.store, day(2026, 8, 28)).await.unwrap(), 0);
    assert!(!apology_due(&app.store, &id).await.unwrap());
    // Saturday 29/08: overdue, though no working day has passed; the paused and the finished
    // dossiers owe nothing.
    assert_eq!(find_overdue(&app.store, day(2026, 8, 29)).await.unwrap(), 1);
    assert!(apology_due(&app.store, &id).await.unwrap());
    let paused_id = dossier_id(&app.store, &paused).await;
    assert!(!apology_due(&app.store, &paused_id).await.unwrap());
    // Thursday 3/9, after the weekend and Quốc khánh (1/9, 2/9): still the one letter.
    assert_eq!(find_overdue(&app.store, day(2026, 9, 3)).await.unwrap(), 0);
    assert_eq!(letters(&app).await, 1);
    let sql = format!(
        "SELECT COUNT(*) FROM apology_letters WHERE dossier_id = '{id}' AND number = 1
             AND missed_date = '2026-08-28' AND office = '{OFFICE}' AND written_at IS NULL"
    );
    assert_eq!(app.database.count(&sql).await, 1);
    // Owed, not written: the citizen sees no letter yet.
    assert_eq!(tracked_letters(&app, &code).await, json!([]));
}

async fn scans_at_once_or_again_record_each_letter_once(backend: Backend) {
    let app = spawn_app(backend).await;
    for key in ["apology-once-0001", "apology-once-0002"] {
        promised_friday(&app, key, &[DossierStatus::Processing]).await;
    }
    let scans = join_all((0..6).map(|_| find_overdue(&app.store, day(2026, 9, 3)))).await;
    let recorded: u64 = scans.into_iter().map(Result::unwrap).sum();
    assert_eq!(recorded, 2);
    assert_eq!(find_overdue(&app.store, day(2026, 9, 3)).await.unwrap(), 0);
    assert_eq!(find_overdue(&app.store, day(2026, 9, 4)).await.unwrap(), 0);
    assert_eq!(letters(&app).await, 2);
}

async fn the_watch_finds_what_became_overdue_while_the_server_was_down(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = promised_friday(&app, "apology-restart-0001", &[DossierStatus::Received]).await;
    // The last scan before the server stopped, on Thursday 27/08.
    assert_eq!(find_overdue(&app.store, day(2026, 8, 27)).await.unwrap(), 0);
    app.store.close().await;

    // Started again on Monday 31/08 over the same database: the first scan finds it.
    let restarted = app.database.store().await;
    let before = unix_now();
    assert_eq!(find_overdue(&restarted, day(2026, 8, 31)).await.unwrap(), 1);
    let id = dossier_id(&restarted, &code).await;
    assert!(apology_due(&restarted, &id).await.unwrap());
    let sql = format!(
        "SELECT COUNT(*) FROM apology_letters WHERE dossier_id = '{id}'
             AND missed_date = '2026-08-28' AND needed_since >= {before}"
    );
    assert_eq!(app.database.count(&sql).await, 1);
    restarted.close().await;
}

async fn the_office_writes_the_letter_and_the_citizen_reads_it(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = promised_friday(&app, "apology-write-0001", &[DossierStatus::Processing]).await;
    let id = dossier_id(&app.store, &code).await;
    let officer = signed_in(&app, StaffRole::Processing, "XA").await;
    let path = format!("/api/staff/dossiers/{code}/apology");

    // Nothing owed yet.
    let early = officer
        .post_json_expect(&path, &letter_input(new_date()), 409)
        .await;
    assert_eq!(
        early,
        json!({ "error": "no_apology_due", "message": NO_APOLOGY_DUE, "fields": {} })
    );

    find_overdue(&app.store, day(2026, 8, 31)).await.unwrap();
    let bad = officer
        .post_json_expect(&path, &json!({ "reason": " ", "new_date": "mai" }), 422)
        .await;
    assert_eq!(bad["error"], "validation");
    let fields: Vec<&String> = bad["fields"].as_object().unwrap().keys().collect();
    assert_eq!(fields, ["new_date", "reason"]);

    let new_date = new_date();
    let before = unix_now();
    let letter = officer
        .post_json_expect(&path, &letter_input(new_date), 201)
        .await;
    let written_at = letter["written_at"].as_i64().unwrap();
    assert!(written_at >= before);
    let expected = json!({
        "number": 1,
        "office": OFFICE,
        "reason": REASON,
        "missed_date": "2026-08-28",
        "new_date": date::format_iso(new_date),
        "written_at": written_at,
    });
    assert_eq!(letter, expected);
    assert!(!apology_due(&app.store, &id).await.unwrap());
    assert_eq!(tracked_letters(&app, &code).await, json!([expected]));
    // Written once: a second letter is not owed.
    let again = officer
        .post_json_expect(&path, &letter_input(new_date), 409)
        .await;
    assert_eq!(again["error"], "no_apology_due");
    let logged = format!(
        "SELECT COUNT(*) FROM audit_log WHERE dossier_id = '{id}' AND action = 'write_apology'"
    );
    assert_eq!(app.database.count(&logged).await, 1);

    // The new date is the promise now: a second letter only once it passes too.
    assert_eq!(find_overdue(&app.store, new_date).await.unwrap(), 0);
    let after = new_date.next_day().unwrap();
    assert_eq!(find_overdue(&app.store, after).await.unwrap(), 1);
    let sql = format!(
        "SELECT COUNT(*) FROM apology_letters WHERE dossier_id = '{id}' AND number = 2
             AND missed_date = '{}' AND written_at IS NULL",
        date::format_iso(new_date)
    );
    assert_eq!(app.database.count(&sql).await, 1);
    assert_eq!(tracked_letters(&app, &code).await, json!([expected]));
}

async fn only_officers_of_the_unit_who_may_write_letters_do(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = promised_friday(&app, "apology-deny-0001", &[DossierStatus::Processing]).await;
    find_overdue(&app.store, day(2026, 8, 31)).await.unwrap();
    let path = format!("/api/staff/dossiers/{code}/apology");
    let input = letter_input(new_date());

    let anonymous = app
        .client
        .post(app.url(&path))
        .header(ORIGIN, &app.address)
        .json(&input)
        .send()
        .await
        .unwrap();
    assert_eq!(anonymous.status().as_u16(), 401);
    let reception = signed_in(&app, StaffRole::Reception, "XA").await;
    let denied = reception.post_json_expect(&path, &input, 403).await;
    assert_eq!(denied["error"], "forbidden");
    let other_unit = signed_in(&app, StaffRole::Leader, "TINH").await;
    let hidden = other_unit.post_json_expect(&path, &input, 404).await;
    assert_eq!(hidden["error"], "not_found");
    let unknown = other_unit
        .post_json_expect("/api/staff/dossiers/XA-260828-9999/apology", &input, 404)
        .await;
    assert_eq!(unknown, hidden);
    assert_eq!(
        app.database
            .count("SELECT COUNT(*) FROM apology_letters WHERE written_at IS NULL")
            .await,
        1
    );

    let leader = signed_in(&app, StaffRole::Leader, "XA").await;
    leader.post_json_expect(&path, &input, 201).await;
}

crate::on_both_backends!(
    overdue_across_a_weekend_and_a_holiday,
    scans_at_once_or_again_record_each_letter_once,
    the_watch_finds_what_became_overdue_while_the_server_was_down,
    the_office_writes_the_letter_and_the_citizen_reads_it,
    only_officers_of_the_unit_who_may_write_letters_do,
);
