use motcua_api::dossier::DEFAULT_MAX_UPLOAD_BYTES;
use motcua_server::clock::unix_now;
use motcua_server::domain::uploads::delete_stale_uploads;
use serde_json::Value;
use sha2::{Digest, Sha256};

use crate::helpers::{Backend, spawn_app, spawn_app_with_upload_limit};
use crate::samples::{birth_registration, pdf, pdf_of_size, png, windows_program};

const PROGRAM: &str = "Tệp này là một chương trình máy tính, không phải giấy tờ. \
                       Hãy tải lên bản PDF hoặc ảnh chụp (JPG, PNG).";

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

async fn files_are_typed_by_content_not_name(backend: Backend) {
    let app = spawn_app(backend).await;
    let bytes = pdf("khai sinh");
    let response = app
        .upload(
            bytes.clone(),
            "C:\\fakepath\\giấy khai sinh.jpg",
            "image/jpeg",
        )
        .await;
    assert_eq!(response.status().as_u16(), 201);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["name"], "giấy khai sinh.jpg");
    assert_eq!(body["content_type"], "application/pdf");
    assert_eq!(body["size"], bytes.len());
    assert_eq!(body["sha256"], hex_sha256(&bytes));
    let id = body["id"].as_str().unwrap();
    assert_eq!(uuid::Uuid::parse_str(id).unwrap().get_version_num(), 4);

    let image = png();
    let body: Value = app
        .upload(image.clone(), "anh.pdf", "application/pdf")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["content_type"], "image/png");
    assert_eq!(body["sha256"], hex_sha256(&image));
    assert_ne!(body["id"].as_str().unwrap(), id);
    assert_eq!(app.stored_file_count(), 2);
}

async fn preview_serves_the_bytes_safely_and_delete_removes_them(backend: Backend) {
    let app = spawn_app(backend).await;
    let bytes = pdf("xem trước");
    let id = app.upload_id(bytes.clone(), "giấy chứng sinh.pdf").await;
    let path = format!("/api/uploads/{id}");
    let response = app.get(&path).await;
    assert_eq!(response.status().as_u16(), 200);
    let header = |name: &str| response.headers()[name].to_str().unwrap().to_string();
    assert_eq!(header("content-type"), "application/pdf");
    assert_eq!(header("x-content-type-options"), "nosniff");
    assert!(header("content-security-policy").starts_with("sandbox;"));
    assert_eq!(header("cache-control"), "private, no-store");
    assert_eq!(
        header("content-disposition"),
        "inline; filename*=UTF-8''gi%E1%BA%A5y%20ch%E1%BB%A9ng%20sinh.pdf"
    );
    assert_eq!(response.bytes().await.unwrap().as_ref(), bytes.as_slice());

    let deleted = app.client.delete(app.url(&path)).send().await.unwrap();
    assert_eq!(deleted.status().as_u16(), 204);
    assert_eq!(app.stored_file_count(), 0);
    assert_eq!(app.get_json(&path, 404).await["error"], "not_found");
    let again = app.client.delete(app.url(&path)).send().await.unwrap();
    assert_eq!(again.status().as_u16(), 404);
    for bad in ["not-an-id", "..%2F..%2Fmotcua.sqlite3", &id.to_uppercase()] {
        app.get_json(&format!("/api/uploads/{bad}"), 404).await;
    }
}

async fn a_program_named_like_a_pdf_is_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    let response = app
        .upload(windows_program(), "giay-to.pdf", "application/pdf")
        .await;
    assert_eq!(response.status().as_u16(), 415);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "unsupported_media_type");
    assert_eq!(body["message"], PROGRAM);
    assert_eq!(body["fields"]["file"], PROGRAM);
    assert_eq!(app.stored_file_count(), 0);
}

async fn other_kinds_are_refused(backend: Backend) {
    let app = spawn_app(backend).await;
    for (bytes, name) in [
        (b"GIF89a\x01\x00\x01\x00".to_vec(), "anh.gif"),
        (b"Ho ten: Nguyen Van An".to_vec(), "to-khai.pdf"),
        (b"PK\x03\x04\x14\x00\x00\x00".to_vec(), "ho-so.docx"),
    ] {
        let response = app.upload(bytes, name, "application/pdf").await;
        assert_eq!(response.status().as_u16(), 415, "{name}");
        let body: Value = response.json().await.unwrap();
        assert_eq!(
            body["message"], "Chỉ nhận tệp PDF hoặc ảnh JPG, PNG.",
            "{name}"
        );
    }
    assert_eq!(app.stored_file_count(), 0);
}

async fn an_empty_missing_or_second_file_is_named(backend: Backend) {
    let app = spawn_app(backend).await;
    let body: Value = app
        .upload(Vec::new(), "rong.pdf", "application/pdf")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(body["error"], "validation");
    assert!(body["fields"]["file"].as_str().unwrap().contains("trống"));

    let send = |form: reqwest::multipart::Form| {
        app.client
            .post(app.url("/api/uploads"))
            .multipart(form)
            .send()
    };
    let response = send(reqwest::multipart::Form::new().text("note", "không có tệp"))
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["fields"]["file"], "Hãy chọn một tệp để tải lên.");

    let part = |bytes: Vec<u8>| reqwest::multipart::Part::bytes(bytes).file_name("a.pdf");
    let two = reqwest::multipart::Form::new()
        .part("file", part(pdf("1")))
        .part("file", part(pdf("2")));
    let response = send(two).await.unwrap();
    assert_eq!(response.status().as_u16(), 422);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["fields"]["file"], "Mỗi lần chỉ tải lên một tệp.");
    assert_eq!(app.stored_file_count(), 0);

    let not_multipart = app
        .client
        .post(app.url("/api/uploads"))
        .body(pdf("raw"))
        .send()
        .await
        .unwrap();
    assert_eq!(not_multipart.status().as_u16(), 400);
    let body: Value = not_multipart.json().await.unwrap();
    assert_eq!(body["error"], "bad_request");
}

async fn a_file_over_a_small_limit_is_413(backend: Backend) {
    let app = spawn_app_with_upload_limit(backend, 20_000).await;
    let response = app
        .upload(pdf_of_size(20_001), "lon.pdf", "application/pdf")
        .await;
    assert_eq!(response.status().as_u16(), 413);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "payload_too_large");
    let message =
        "Tệp lớn hơn 20 kB. Hãy chụp lại với độ phân giải thấp hơn hoặc chia nhỏ tệp PDF.";
    assert_eq!(body["message"], message);
    assert_eq!(body["fields"]["file"], message);
    assert_eq!(app.stored_file_count(), 0, "no partial file is left");
    // Far past the limit the body limit stops the stream: still a JSON 413.
    let response = app
        .upload(pdf_of_size(1_000_000), "rat-lon.pdf", "application/pdf")
        .await;
    assert_eq!(response.status().as_u16(), 413);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["error"], "payload_too_large");

    let response = app
        .upload(pdf_of_size(20_000), "vua.pdf", "application/pdf")
        .await;
    assert_eq!(response.status().as_u16(), 201);
    assert_eq!(app.stored_file_count(), 1);
}

async fn a_file_over_the_default_limit_is_413(backend: Backend) {
    let app = spawn_app(backend).await;
    let size = usize::try_from(DEFAULT_MAX_UPLOAD_BYTES).unwrap() + 1;
    let response = app
        .upload(pdf_of_size(size), "10mb.pdf", "application/pdf")
        .await;
    assert_eq!(response.status().as_u16(), 413);
    let body: Value = response.json().await.unwrap();
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .starts_with("Tệp lớn hơn 10 MB."),
        "{body}"
    );
    assert_eq!(app.stored_file_count(), 0);
}

async fn stale_unattached_uploads_are_swept(backend: Backend) {
    let app = spawn_app(backend).await;
    let declaration = app.upload_id(pdf("tờ khai"), "to-khai.pdf").await;
    let certificate = app.upload_id(png(), "chung-sinh.png").await;
    let identity = app.upload_id(pdf("căn cước"), "can-cuoc.pdf").await;
    let dossier = birth_registration(&declaration, &certificate, &identity);
    let response = app.submit("sweep-test-0001", &dossier).await;
    assert_eq!(response.status().as_u16(), 201);
    let abandoned = app.upload_id(pdf("bỏ dở"), "bo-do.pdf").await;
    assert_eq!(app.stored_file_count(), 4);

    let day_ago = unix_now() - 24 * 3600;
    assert_eq!(
        delete_stale_uploads(&app.store, &app.files, day_ago)
            .await
            .unwrap(),
        0,
        "a fresh upload stays"
    );
    assert_eq!(
        app.get(&format!("/api/uploads/{abandoned}"))
            .await
            .status()
            .as_u16(),
        200
    );

    let swept = delete_stale_uploads(&app.store, &app.files, unix_now() + 1)
        .await
        .unwrap();
    assert_eq!(swept, 1, "only the unattached upload goes");
    app.get_json(&format!("/api/uploads/{abandoned}"), 404)
        .await;
    assert_eq!(app.stored_file_count(), 3);
    assert_eq!(app.database.count("SELECT COUNT(*) FROM uploads").await, 3);
    assert_eq!(
        app.database
            .count("SELECT COUNT(*) FROM uploads WHERE dossier_id IS NOT NULL")
            .await,
        3
    );
}

crate::on_both_backends!(
    files_are_typed_by_content_not_name,
    preview_serves_the_bytes_safely_and_delete_removes_them,
    a_program_named_like_a_pdf_is_refused,
    other_kinds_are_refused,
    an_empty_missing_or_second_file_is_named,
    a_file_over_a_small_limit_is_413,
    a_file_over_the_default_limit_is_413,
    stale_unattached_uploads_are_swept,
);
