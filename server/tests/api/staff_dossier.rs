use motcua_api::staff::StaffRole;
use serde_json::{Value, json};
use sqlx::{Connection, Executor};

use crate::dossiers::dossier_with_uploads;
use crate::helpers::{Backend, spawn_app};
use crate::samples::pdf;
use crate::staff_support::{StaffClient, signed_in};
use crate::workflow::{act, action, file_birth, set_status, view};

async fn reads_and_decisions_are_audited_and_the_log_cannot_change(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = file_birth(&app, "audit-0001").await;
    let reception = signed_in(&app, StaffRole::Reception, "XA").await;
    let leader = signed_in(&app, StaffRole::Leader, "XA").await;
    let viewed = view(&reception, &code).await;
    let file = viewed["documents"][0]["files"][0]["id"]
        .as_str()
        .unwrap()
        .to_string();
    let preview = reception
        .get(&format!("/api/staff/dossiers/{code}/files/{file}"))
        .await;
    assert_eq!(preview.status().as_u16(), 200);
    reception
        .post_json_expect(
            &format!("/api/staff/dossiers/{code}/checks"),
            &json!({ "index": 0, "checked": true }),
            200,
        )
        .await;
    act(&reception, &code, &action("receive")).await;

    let log = leader
        .get_json(&format!("/api/staff/dossiers/{code}/audit"), 200)
        .await;
    let entries = log.as_array().unwrap();
    let actions: Vec<&str> = entries
        .iter()
        .map(|entry| entry["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        ["view", "view_file", "check_document", "view", "receive"]
    );
    for entry in entries {
        assert_eq!(entry["username"], reception.username.as_str());
        assert_eq!(entry["role"], "reception");
        let detail = entry["detail"].as_str().unwrap();
        assert!(!detail.contains("001190012345"), "{detail}");
    }
    assert_eq!(
        entries[0]["detail"],
        "Xem hồ sơ của Nguyễn Thị Hoa (số định danh 0011******45)"
    );
    assert_eq!(entries[4]["detail"], "submitted → received");
    let at: Vec<i64> = entries
        .iter()
        .map(|entry| entry["at"].as_i64().unwrap())
        .collect();
    assert!(at.windows(2).all(|pair| pair[0] <= pair[1]));

    // The database itself refuses to rewrite or erase the log.
    sqlx::any::install_default_drivers();
    let mut connection = sqlx::AnyConnection::connect(&app.database.url)
        .await
        .unwrap();
    for statement in [
        "UPDATE audit_log SET detail = 'nothing happened'",
        "DELETE FROM audit_log",
    ] {
        let refused = connection.execute(statement).await.unwrap_err();
        assert!(
            refused.to_string().contains("append-only"),
            "{statement}: {refused}"
        );
    }
    assert_eq!(
        app.database.count("SELECT COUNT(*) FROM audit_log").await,
        5
    );
}

async fn files_preview_inline_with_safe_headers(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = file_birth(&app, "preview-0001").await;
    let other = file_birth(&app, "preview-0002").await;
    let leader = signed_in(&app, StaffRole::Leader, "XA").await;
    let viewed = view(&leader, &code).await;
    let file = &viewed["documents"][0]["files"][0];
    let id = file["id"].as_str().unwrap();
    assert_eq!(file["content_type"], "application/pdf");
    let response = leader
        .get(&format!("/api/staff/dossiers/{code}/files/{id}"))
        .await;
    assert_eq!(response.status().as_u16(), 200);
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_string();
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(
        header("content-disposition"),
        format!("inline; filename=\"{code}-{id}.pdf\"")
    );
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert_eq!(
        header("content-security-policy"),
        "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; plugin-types application/pdf"
    );
    assert_eq!(header("cache-control"), "private, no-store");
    assert_eq!(
        response.bytes().await.unwrap().as_ref(),
        pdf("tờ khai").as_slice()
    );

    // A file of another dossier, or no file at all, is not this dossier's.
    for path in [
        format!("/api/staff/dossiers/{other}/files/{id}"),
        format!("/api/staff/dossiers/{code}/files/not-an-id"),
        format!("/api/staff/dossiers/{code}/files/3f2b8a5e-1111-4222-8333-444455556666"),
    ] {
        assert_eq!(
            leader.get_json(&path, 404).await["error"],
            "not_found",
            "{path}"
        );
    }

    // The result document: uploaded by the officer, attached when the dossier is finished.
    set_status(&app, &code, "processing").await;
    let result = app.upload_id(pdf("kết quả"), "trich-luc.pdf").await;
    let finish = json!({ "kind": "finish", "note": "", "result_upload": result });
    let done = act(&leader, &code, &finish).await;
    assert_eq!(done["result"]["file"]["id"], result.as_str());
    assert_eq!(done["result"]["note"], "");
    let response = leader
        .get(&format!("/api/staff/dossiers/{code}/files/{result}"))
        .await;
    assert_eq!(response.status().as_u16(), 200);
    // It is the dossier's now: no longer a draft anyone holding its id could fetch or delete.
    app.get_json(&format!("/api/uploads/{result}"), 404).await;
}

async fn the_checklist_is_ticked_per_document(backend: Backend) {
    let app = spawn_app(backend).await;
    let code = file_birth(&app, "checks-0001").await;
    let processing = signed_in(&app, StaffRole::Processing, "XA").await;
    let path = format!("/api/staff/dossiers/{code}/checks");
    let before = view(&processing, &code).await;
    let documents = before["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 7);
    assert_eq!(documents[0]["required"], true);
    assert_eq!(documents[0]["files"].as_array().unwrap().len(), 1);
    assert_eq!(documents[2]["files"], json!([]));
    assert!(
        documents
            .iter()
            .all(|document| document["checked"] == false)
    );

    let ticked = processing
        .post_json_expect(&path, &json!({ "index": 5, "checked": true }), 200)
        .await;
    assert_eq!(ticked["documents"][5]["checked"], true);
    assert_eq!(ticked["version"], 1);
    let again = processing
        .post_json_expect(&path, &json!({ "index": 5, "checked": true }), 200)
        .await;
    assert_eq!(again["documents"][5]["checked"], true);
    let unticked = processing
        .post_json_expect(&path, &json!({ "index": 5, "checked": false }), 200)
        .await;
    assert_eq!(unticked["documents"][5]["checked"], false);
    let bad = processing
        .post_json_expect(&path, &json!({ "index": 7, "checked": true }), 422)
        .await;
    assert!(bad["fields"]["index"].is_string());
}

async fn reception_files_at_the_counter(backend: Backend) {
    let app = spawn_app(backend).await;
    let reception = signed_in(&app, StaffRole::Reception, "XA").await;
    let dossier = dossier_with_uploads(&app).await;
    let file = |staff: &StaffClient, key: &'static str| {
        let dossier = dossier.clone();
        let origin = staff.origin.clone();
        let client = staff.client.clone();
        async move {
            client
                .post(format!("{origin}/api/staff/dossiers"))
                .header("Origin", origin.as_str())
                .header("Idempotency-Key", key)
                .json(&dossier)
                .send()
                .await
                .unwrap()
        }
    };
    let response = file(&reception, "counter-0001").await;
    assert_eq!(response.status().as_u16(), 201);
    let receipt: Value = response.json().await.unwrap();
    assert_eq!(receipt["status"], "received");
    let code = receipt["code"].as_str().unwrap();
    assert!(code.starts_with("XA-"));
    let viewed = view(&reception, code).await;
    assert_eq!(viewed["channel"], "counter");
    assert_eq!(viewed["status"], "received");
    assert_eq!(viewed["timeline"].as_array().unwrap().len(), 1);
    assert_eq!(
        viewed["timeline"][0]["note"],
        "Hồ sơ đã được tiếp nhận trực tiếp tại bộ phận một cửa."
    );
    let replay = file(&reception, "counter-0001").await;
    assert_eq!(replay.status().as_u16(), 201);
    assert_eq!(replay.headers()["idempotent-replayed"], "true");
    assert_eq!(replay.json::<Value>().await.unwrap()["code"], code);
    let inbox = reception
        .get_json("/api/staff/dossiers?tab=received", 200)
        .await;
    assert_eq!(inbox["total"], 1);
    assert_eq!(inbox["items"][0]["channel"], "counter");

    // Processing officers do not file; another unit does not file this unit's procedures.
    let processing = signed_in(&app, StaffRole::Processing, "XA").await;
    assert_eq!(
        file(&processing, "counter-0002").await.status().as_u16(),
        403
    );
    let province = signed_in(&app, StaffRole::Reception, "TINH").await;
    let response = file(&province, "counter-0003").await;
    assert_eq!(response.status().as_u16(), 403);
    let body: Value = response.json().await.unwrap();
    assert_eq!(
        body["message"],
        "Thủ tục này do đơn vị XA tiếp nhận; tài khoản của bạn thuộc đơn vị TINH."
    );
    assert_eq!(app.database.count("SELECT COUNT(*) FROM dossiers").await, 1);
    assert_eq!(
        app.database
            .count("SELECT COUNT(*) FROM audit_log WHERE action = 'file_at_counter'")
            .await,
        1
    );
}

crate::on_both_backends!(
    reads_and_decisions_are_audited_and_the_log_cannot_change,
    files_preview_inline_with_safe_headers,
    the_checklist_is_ticked_per_document,
    reception_files_at_the_counter,
);
