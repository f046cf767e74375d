use std::time::Duration;

use motcua_api::dossier::DossierStatus;
use motcua_api::staff::StaffRole;
use motcua_api::workflow::STALE_DOSSIER;
use serde_json::{Value, json};
use sqlx::{Connection, Executor};

use crate::dossiers::{dossier_with_uploads, submit_json};
use crate::helpers::{Backend, TestApp, spawn_app};
use crate::staff_support::{StaffClient, signed_in};

/// The legal moves of the status machine: from, action, to.
const LEGAL: [(&str, &str, &str); 10] = [
    ("submitted", "receive", "received"),
    ("submitted", "refuse", "refused"),
    ("submitted", "request_supplement", "needs_supplement"),
    ("received", "start_processing", "processing"),
    ("received", "refuse", "refused"),
    ("received", "request_supplement", "needs_supplement"),
    ("processing", "finish", "done"),
    ("processing", "refuse", "refused"),
    ("processing", "request_supplement", "needs_supplement"),
    ("done", "return", "returned"),
];

/// A birth registration filed online now; its code.
pub async fn file_birth(app: &TestApp, key: &str) -> String {
    let dossier = dossier_with_uploads(app).await;
    let receipt = submit_json(app, key, &dossier, 201).await;
    receipt["code"].as_str().expect("code").to_string()
}

/// A well-formed action of this kind.
pub fn action(kind: &str) -> Value {
    match kind {
        "refuse" => json!({ "kind": "refuse", "reason": "Hồ sơ không thuộc thẩm quyền." }),
        "request_supplement" => json!({
            "kind": "request_supplement",
            "missing": ["Bản sao giấy chứng sinh có chứng thực"],
            "note": "Nộp bản scan rõ nét.",
        }),
        "finish" => json!({ "kind": "finish", "note": "Trả tại quầy số 3." }),
        kind => json!({ "kind": kind }),
    }
}

/// `POST .../actions` with this version and action.
pub async fn post_action(
    staff: &StaffClient,
    code: &str,
    version: i64,
    action: &Value,
) -> reqwest::Response {
    staff
        .post_json(
            &format!("/api/staff/dossiers/{code}/actions"),
            &json!({ "version": version, "action": action }),
        )
        .await
}

/// The staff view of the dossier (a read, audited).
pub async fn view(staff: &StaffClient, code: &str) -> Value {
    staff
        .get_json(&format!("/api/staff/dossiers/{code}"), 200)
        .await
}

/// Takes the action on the dossier's current version; the view after it.
pub async fn act(staff: &StaffClient, code: &str, action: &Value) -> Value {
    let version = view(staff, code).await["version"].as_i64().unwrap();
    let response = post_action(staff, code, version, action).await;
    assert_eq!(response.status().as_u16(), 200, "{action}");
    response.json().await.unwrap()
}

/// Puts the dossier in `status` directly in the database.
pub async fn set_status(app: &TestApp, code: &str, status: &str) {
    let changed = app
        .database
        .execute(&format!(
            "UPDATE dossiers SET status = '{status}' WHERE code = '{code}'"
        ))
        .await;
    assert_eq!(changed, 1);
}

async fn events(app: &TestApp, code: &str) -> i64 {
    app.database
        .count(&format!(
            "SELECT COUNT(*) FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id
             WHERE d.code = '{code}'"
        ))
        .await
}

async fn a_dossier_walks_from_filing_to_its_returned_result(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = file_birth(&app, "walk-0001").await;
    let reception = signed_in(&app, StaffRole::Reception, "XA").await;
    let processing = signed_in(&app, StaffRole::Processing, "XA").await;

    let first = view(&reception, &code).await;
    assert_eq!(first["status"], "submitted");
    assert_eq!(first["version"], 1);
    assert_eq!(
        first["allowed_actions"],
        json!(["receive", "refuse", "request_supplement"])
    );
    let steps = [
        (&reception, "receive", "received"),
        (&processing, "start_processing", "processing"),
        (&processing, "finish", "done"),
        (&reception, "return", "returned"),
    ];
    for (number, (staff, kind, status)) in steps.into_iter().enumerate() {
        let after = act(staff, &code, &action(kind)).await;
        assert_eq!(after["status"], status, "{kind}");
        assert_eq!(after["version"], number as i64 + 2, "{kind}");
        let timeline = after["timeline"].as_array().unwrap();
        assert_eq!(timeline.len(), number + 2, "{kind}");
        assert_eq!(timeline.last().unwrap()["status"], status);
        assert_eq!(timeline.last().unwrap()["office"], "Ủy ban nhân dân cấp xã");
    }
    let returned = view(&reception, &code).await;
    assert_eq!(returned["allowed_actions"], json!([]));
    assert_eq!(returned["deadline"]["kind"], "finished");
    assert_eq!(
        returned["result"],
        json!({ "note": "Trả tại quầy số 3.", "file": null })
    );
    let finished = returned["timeline"][3]["note"].as_str().unwrap();
    assert!(finished.contains("Trả tại quầy số 3."), "{finished}");
    let tracking = app
        .get_json(&format!("/api/dossiers/{code}?phone=0912345678"), 200)
        .await;
    assert_eq!(tracking["status"], "returned");
    assert_eq!(tracking["result_note"], "Trả tại quầy số 3.");
    assert_eq!(
        app.database
            .count("SELECT COUNT(*) FROM dossiers WHERE finished_on IS NOT NULL")
            .await,
        1
    );
}

async fn refusals_and_supplement_requests_are_taken_from_each_open_status(backend: Backend) {
    let app = spawn_app(backend).await;
    let leader = signed_in(&app, StaffRole::Leader, "XA").await;
    let mut number = 0;
    for from in ["submitted", "received", "processing"] {
        for kind in ["refuse", "request_supplement"] {
            number += 1;
            let code = file_birth(&app, &format!("open-status-{number:04}")).await;
            set_status(&app, &code, from).await;
            let after = act(&leader, &code, &action(kind)).await;
            let expected = LEGAL
                .iter()
                .find(|(status, action, _)| *status == from && *action == kind)
                .unwrap()
                .2;
            assert_eq!(after["status"], expected, "{kind} from {from}");
            let note = after["timeline"].as_array().unwrap().last().unwrap()["note"]
                .as_str()
                .unwrap()
                .to_string();
            match kind {
                "refuse" => assert_eq!(
                    note,
                    "Hồ sơ bị từ chối. Lý do: Hồ sơ không thuộc thẩm quyền."
                ),
                _ => assert_eq!(
                    note,
                    "Cần bổ sung: Bản sao giấy chứng sinh có chứng thực. Nộp bản scan rõ nét."
                ),
            }
        }
    }
    assert_eq!(
        app.database
            .count("SELECT COUNT(*) FROM supplement_requests WHERE resumed_at IS NULL")
            .await,
        3
    );
}

async fn illegal_transitions_are_refused_and_change_nothing(backend: Backend) {
    let app = spawn_app(backend).await;
    let leader = signed_in(&app, StaffRole::Leader, "XA").await;
    let code = file_birth(&app, "illegal-0001").await;
    for status in DossierStatus::ALL {
        set_status(&app, &code, status.as_str()).await;
        for kind in [
            "receive",
            "refuse",
            "request_supplement",
            "start_processing",
            "finish",
            "return",
        ] {
            if LEGAL
                .iter()
                .any(|(from, action, _)| *from == status.as_str() && *action == kind)
            {
                continue;
            }
            let response = post_action(&leader, &code, 1, &action(kind)).await;
            assert_eq!(response.status().as_u16(), 409, "{kind} from {status:?}");
            let body: Value = response.json().await.unwrap();
            assert_eq!(
                body["error"], "illegal_transition",
                "{kind} from {status:?}"
            );
            assert!(!body["message"].as_str().unwrap().is_empty());
            let after = view(&leader, &code).await;
            assert_eq!(after["status"], status.as_str());
            assert_eq!(after["version"], 1);
        }
    }
    assert_eq!(events(&app, &code).await, 1);

    // What the officer wrote is checked before the status machine.
    let blank = json!({ "kind": "refuse", "reason": "  " });
    let response = post_action(&leader, &code, 1, &blank).await;
    assert_eq!(response.status().as_u16(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "validation");
    assert!(body["fields"]["reason"].is_string());
    // A result upload that does not exist is refused and nothing changes.
    set_status(&app, &code, "processing").await;
    let finish = json!({
        "kind": "finish",
        "note": "",
        "result_upload": "3f2b8a5e-1111-4222-8333-444455556666",
    });
    let response = post_action(&leader, &code, 1, &finish).await;
    assert_eq!(response.status().as_u16(), 422);
    let body: Value = response.json().await.unwrap();
    assert!(body["fields"]["result_upload"].is_string());
    assert_eq!(view(&leader, &code).await["status"], "processing");
}

async fn a_stale_version_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = file_birth(&app, "stale-0001").await;
    let first = signed_in(&app, StaffRole::Reception, "XA").await;
    let second = signed_in(&app, StaffRole::Reception, "XA").await;
    assert_eq!(view(&second, &code).await["version"], 1);
    act(&first, &code, &action("receive")).await;
    // The second officer still has version 1 on screen; refusing is legal from received.
    let response = post_action(&second, &code, 1, &action("refuse")).await;
    assert_eq!(response.status().as_u16(), 409);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body,
        json!({ "error": "stale_version", "message": STALE_DOSSIER.vi, "fields": {} })
    );
    assert_eq!(view(&second, &code).await["status"], "received");
    assert_eq!(events(&app, &code).await, 2);
}

/// A connection holding the lock every decision needs, until it commits: decisions sent
/// meanwhile all read the dossier first, then wait at the same point.
async fn hold_decisions(app: &TestApp, backend: Backend) -> sqlx::AnyConnection {
    sqlx::any::install_default_drivers();
    let mut connection = sqlx::AnyConnection::connect(&app.database.url)
        .await
        .expect("connect");
    let statements: &[&str] = match backend {
        Backend::Postgres => &["BEGIN", "LOCK TABLE dossiers IN EXCLUSIVE MODE"],
        Backend::Sqlite => &["BEGIN IMMEDIATE"],
    };
    for statement in statements {
        connection.execute(*statement).await.expect(statement);
    }
    connection
}

async fn of_two_decisions_at_once_exactly_one_wins(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = file_birth(&app, "race-0001").await;
    let first = signed_in(&app, StaffRole::Reception, "XA").await;
    let second = signed_in(&app, StaffRole::Reception, "XA").await;
    let mut lock = hold_decisions(&app, backend).await;
    let (receive, supplement) = (action("receive"), action("request_supplement"));
    let racing = futures::future::join(
        post_action(&first, &code, 1, &receive),
        post_action(&second, &code, 1, &supplement),
    );
    let release = async {
        tokio::time::sleep(Duration::from_millis(500)).await;
        lock.execute("COMMIT").await.expect("commit");
    };
    let ((one, two), ()) = futures::future::join(racing, release).await;
    let mut statuses = [one.status().as_u16(), two.status().as_u16()];
    statuses.sort_unstable();
    assert_eq!(statuses, [200, 409]);
    let loser = if one.status().as_u16() == 409 {
        one
    } else {
        two
    };
    let body: Value = loser.json().await.unwrap();
    assert_eq!(body["error"], "stale_version");
    assert_eq!(events(&app, &code).await, 2);
    assert_eq!(
        app.database
            .count(
                "SELECT COUNT(*) FROM audit_log WHERE action IN ('receive', 'request_supplement')"
            )
            .await,
        1
    );
    assert_eq!(
        app.database
            .count("SELECT MAX(version) FROM dossiers")
            .await,
        2
    );
}

crate::on_both_backends!(
    a_dossier_walks_from_filing_to_its_returned_result,
    refusals_and_supplement_requests_are_taken_from_each_open_status,
    illegal_transitions_are_refused_and_change_nothing,
    a_stale_version_is_refused,
    of_two_decisions_at_once_exactly_one_wins,
);
