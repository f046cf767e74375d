use motcua_api::date::{self, vietnam_local_time};
use motcua_api::staff::StaffRole;
use motcua_api::workflow::ActionKind;
use serde_json::{Value, json};

use crate::dossiers::{dossier_with_uploads, submit_json};
use crate::helpers::{Backend, TestApp, spawn_app};
use crate::staff_support::{StaffClient, signed_in};
use crate::workflow::{act, action, file_birth, post_action, set_status};

/// A birth registration filed online by an applicant of this name; its code.
async fn file_for(app: &TestApp, key: &str, name: &str) -> String {
    let mut dossier = dossier_with_uploads(app).await;
    dossier["applicant"]["full_name"] = json!(name);
    let receipt = submit_json(app, key, &dossier, 201).await;
    receipt["code"].as_str().unwrap().to_string()
}

/// The count of each tab, in the order the inbox gives them.
fn counts(page: &Value) -> Vec<(String, u64)> {
    page["counts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|count| {
            (
                count["tab"].as_str().unwrap().to_string(),
                count["count"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The counts of the tabs new, received, processing, needs_supplement, done, closed, overdue.
fn tabs(numbers: [u64; 7]) -> Vec<(String, u64)> {
    [
        "new",
        "received",
        "processing",
        "needs_supplement",
        "done",
        "closed",
        "overdue",
    ]
    .into_iter()
    .map(String::from)
    .zip(numbers)
    .collect()
}

fn codes(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["code"].as_str().unwrap().to_string())
        .collect()
}

async fn inbox(staff: &StaffClient, query: &str) -> Value {
    staff
        .get_json(&format!("/api/staff/dossiers?{query}"), 200)
        .await
}

async fn the_inbox_counts_filters_and_searches(backend: Backend) {
    let app = spawn_app(backend).await;
    let hoa = file_for(&app, "inbox-0001", "Nguyễn Thị Hoa").await;
    let binh = file_for(&app, "inbox-0002", "Trần Văn Bình").await;
    let hoa2 = file_for(&app, "inbox-0003", "Lê Thị Hòa").await;
    let duc = file_for(&app, "inbox-0004", "Phạm Minh Đức").await;
    let leader = signed_in(&app, StaffRole::Leader, "XA").await;
    act(&leader, &binh, &action("receive")).await;
    act(&leader, &hoa2, &action("receive")).await;
    act(&leader, &hoa2, &action("start_processing")).await;
    // Hòa's dossier is a land one; Hoa's was filed ten days ago; Đức's promise has passed.
    let now = motcua_server::clock::unix_now();
    app.database
        .execute(&format!(
            "UPDATE dossiers SET procedure_code = '1.013978', field = 'Đất đai' WHERE code = '{hoa2}'"
        ))
        .await;
    app.database
        .execute(&format!(
            "UPDATE dossiers SET submitted_at = {} WHERE code = '{hoa}'",
            now - 10 * 86_400
        ))
        .await;
    app.database
        .execute(&format!(
            "UPDATE dossiers SET promised_date = '2026-01-05' WHERE code = '{duc}'"
        ))
        .await;

    let page = inbox(&leader, "").await;
    assert_eq!(counts(&page), tabs([2, 1, 1, 0, 0, 0, 1]));
    assert_eq!(page["total"], 2);
    assert_eq!(
        (page["page"].as_u64(), page["page_size"].as_u64()),
        (Some(1), Some(20))
    );
    // The new tab is a queue: the oldest first.
    assert_eq!(codes(&page), [hoa.as_str(), duc.as_str()]);
    let item = &page["items"][0];
    assert_eq!(item["procedure_code"], "1.001193");
    assert_eq!(item["procedure_name"], "Thủ tục đăng ký khai sinh");
    assert_eq!(item["applicant_name"], "Nguyễn Thị Hoa");
    assert_eq!(item["status"], "submitted");
    assert_eq!(item["channel"], "online");

    let overdue = inbox(&leader, "tab=overdue").await;
    assert_eq!(codes(&overdue), [duc.as_str()]);
    assert_eq!(overdue["items"][0]["deadline"]["kind"], "overdue");
    assert_eq!(overdue["items"][0]["promised_date"], "2026-01-05");

    let land = inbox(&leader, "procedure=1.013978&tab=processing").await;
    assert_eq!(counts(&land), tabs([0, 0, 1, 0, 0, 0, 0]));
    assert_eq!(codes(&land), [hoa2.as_str()]);
    let civil = inbox(&leader, "field=H%E1%BB%99%20t%E1%BB%8Bch").await;
    assert_eq!(counts(&civil), tabs([2, 1, 0, 0, 0, 0, 1]));

    let today = vietnam_local_time(now).date;
    let yesterday = today.previous_day().unwrap();
    let recent = inbox(&leader, &format!("from={}", date::format_vietnamese(today))).await;
    assert_eq!(counts(&recent), tabs([1, 1, 1, 0, 0, 0, 1]));
    let older = inbox(&leader, &format!("to={}", date::format_iso(yesterday))).await;
    assert_eq!(counts(&older), tabs([1, 0, 0, 0, 0, 0, 0]));

    let by_code = inbox(&leader, &format!("tab=received&q={}", binh.to_lowercase())).await;
    assert_eq!(counts(&by_code), tabs([0, 1, 0, 0, 0, 0, 0]));
    assert_eq!(codes(&by_code), [binh.as_str()]);
    for q in ["hoa", "TH%E1%BB%8A%20H%C3%92A", "thi%20hoa"] {
        let by_name = inbox(&leader, &format!("q={q}")).await;
        assert_eq!(counts(&by_name), tabs([1, 0, 1, 0, 0, 0, 0]), "{q}");
    }
    let duc_by_name = inbox(&leader, "q=duc").await;
    assert_eq!(codes(&duc_by_name), [duc]);
    let wildcard = inbox(&leader, "q=%25").await;
    assert_eq!(counts(&wildcard), tabs([0; 7]));

    for (query, parameter) in [
        ("tab=all", "tab"),
        ("page=0", "page"),
        ("from=32/13/2026", "from"),
        ("from=2026-12-02&to=2026-12-01", "to"),
    ] {
        let body = leader
            .get_json(&format!("/api/staff/dossiers?{query}"), 400)
            .await;
        assert_eq!(body["error"], "bad_request", "{query}");
        assert!(body["fields"][parameter].is_string(), "{query}: {body}");
    }
}

async fn the_inbox_pages_and_shows_only_the_units_dossiers(backend: Backend) {
    let app = spawn_app(backend).await;
    let filings = (0..22).map(|number| {
        let app = &app;
        async move { file_birth(app, &format!("paging-{number:04}")).await }
    });
    let filed = futures::future::join_all(filings).await;
    let reception = signed_in(&app, StaffRole::Reception, "XA").await;
    let first = inbox(&reception, "").await;
    let second = inbox(&reception, "page=2").await;
    let third = inbox(&reception, "page=3").await;
    assert_eq!(first["total"], 22);
    assert_eq!(codes(&first).len(), 20);
    assert_eq!(codes(&second).len(), 2);
    assert_eq!(codes(&third).len(), 0);
    let mut listed: Vec<String> = codes(&first).into_iter().chain(codes(&second)).collect();
    let times: Vec<i64> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|item| item["submitted_at"].as_i64().unwrap())
        .collect();
    assert!(times.windows(2).all(|pair| pair[0] <= pair[1]));
    listed.sort();
    let mut expected = filed.clone();
    expected.sort();
    assert_eq!(listed, expected);

    // Another unit's officers see none of them and cannot tell they exist.
    let province = signed_in(&app, StaffRole::Leader, "TINH").await;
    let theirs = inbox(&province, "").await;
    assert_eq!(counts(&theirs), tabs([0; 7]));
    assert_eq!(theirs["total"], 0);
    let code = &filed[0];
    let missing = province
        .get_json(&format!("/api/staff/dossiers/{code}"), 404)
        .await;
    let never_filed = province
        .get_json("/api/staff/dossiers/TINH-261231-0001", 404)
        .await;
    assert_eq!(missing, never_filed);
    let response = post_action(&province, code, 1, &action("receive")).await;
    assert_eq!(response.status().as_u16(), 404);
    assert_eq!(
        app.database
            .count("SELECT COUNT(*) FROM dossiers WHERE status = 'submitted'")
            .await,
        22
    );
}

/// Every staff endpoint for every role: allowed, or the exact refusal.
async fn every_endpoint_checks_role_and_unit(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = file_birth(&app, "matrix-0001").await;
    let mut officers = Vec::new();
    for role in StaffRole::ALL {
        officers.push((role, signed_in(&app, role, "XA").await));
    }
    let outsider = signed_in(&app, StaffRole::Leader, "TINH").await;
    let leader = &officers[2].1;
    let file = crate::workflow::view(leader, &code).await["documents"][0]["files"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let reads = [
        "/api/staff/dossiers".to_string(),
        format!("/api/staff/dossiers/{code}"),
        format!("/api/staff/dossiers/{code}/files/{file}"),
        format!("/api/staff/dossiers/{code}/audit"),
    ];
    for (role, staff) in &officers {
        for path in &reads {
            let allowed = match *role {
                StaffRole::Admin => false,
                StaffRole::Leader => true,
                _ => !path.ends_with("/audit"),
            };
            let status = staff.get(path).await.status().as_u16();
            assert_eq!(
                status,
                if allowed { 200 } else { 403 },
                "{role:?} GET {path}"
            );
        }
        let check = staff
            .post_json(
                &format!("/api/staff/dossiers/{code}/checks"),
                &json!({ "index": 0, "checked": true }),
            )
            .await;
        let expected = if *role == StaffRole::Admin { 403 } else { 200 };
        assert_eq!(check.status().as_u16(), expected, "{role:?} checks");
    }
    for path in reads.iter().skip(1) {
        assert_eq!(
            outsider.get(path).await.status().as_u16(),
            404,
            "outsider {path}"
        );
    }
    let outsider_check = outsider
        .post_json(
            &format!("/api/staff/dossiers/{code}/checks"),
            &json!({ "index": 0, "checked": true }),
        )
        .await;
    assert_eq!(outsider_check.status().as_u16(), 404);
    let anonymous = reqwest::Client::new();
    for path in &reads {
        let response = anonymous.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status().as_u16(), 401, "no session GET {path}");
    }
    for path in [
        "/api/staff/dossiers".to_string(),
        format!("/api/staff/dossiers/{code}/actions"),
        format!("/api/staff/dossiers/{code}/checks"),
    ] {
        let response = anonymous
            .post(app.url(&path))
            .header("Origin", app.address.as_str())
            .json(&json!({}))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status().as_u16(), 401, "no session POST {path}");
    }

    // Every action for every role, on a dossier where none is legal: the role's refusal (403)
    // comes before the status machine's (409), so this is the role table itself.
    set_status(&app, &code, "returned").await;
    for (role, staff) in &officers {
        for kind in ActionKind::ALL {
            let response = post_action(staff, &code, 1, &action(kind.as_str())).await;
            let expected = if role.may(kind.permission()) {
                409
            } else {
                403
            };
            assert_eq!(response.status().as_u16(), expected, "{role:?} {kind:?}");
        }
    }
    let response = post_action(&outsider, &code, 1, &action("return")).await;
    assert_eq!(response.status().as_u16(), 404);
    // Counter filing: reception and leaders only.
    let dossier = dossier_with_uploads(&app).await;
    for (role, staff) in &officers {
        let response = staff
            .client
            .post(app.url("/api/staff/dossiers"))
            .header("Origin", app.address.as_str())
            .header(
                "Idempotency-Key",
                format!("matrix-counter-{}", role.as_str()),
            )
            .json(&dossier)
            .send()
            .await
            .unwrap();
        let allowed = role.may(motcua_api::staff::Permission::FileAtCounter);
        let expected = match (allowed, role) {
            (true, StaffRole::Reception) => 201,
            // The uploads went with the reception officer's filing.
            (true, _) => 422,
            (false, _) => 403,
        };
        assert_eq!(
            response.status().as_u16(),
            expected,
            "{role:?} counter filing"
        );
    }
}

crate::on_both_backends!(
    the_inbox_counts_filters_and_searches,
    the_inbox_pages_and_shows_only_the_units_dossiers,
    every_endpoint_checks_role_and_unit,
);
