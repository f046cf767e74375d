//! A corpus of hostile or broken requests: each gets a clear 4xx with the API's JSON error body
//! and the server answers `/api/health` afterwards.
//!
//! The cases run on SQLite only: they are refused, or their files stored, before any query the
//! backends would run differently. The SQL-looking strings run on both backends, since quoting is
//! exactly where they differ.

use std::path::Path;

use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::dossiers::{dossier_with_uploads, submit_json};
use crate::helpers::{Backend, TestApp, spawn_app, spawn_app_with_upload_limit};
use crate::samples::{pdf, pdf_of_size, png};

const POLYGLOT: &str = "Tệp này chứa kèm một tệp nén (ZIP) bên trong nên không được nhận. \
                        Hãy lưu lại giấy tờ thành tệp PDF hoặc ảnh thông thường rồi tải lên.";
const SCRIPTED_PDF: &str = "Không nhận tệp PDF có chứa mã lệnh (JavaScript) hoặc lệnh mở \
                            chương trình. Hãy in ra PDF (Print to PDF) rồi tải lên lại.";
const NOT_ACCEPTED: &str = "Chỉ nhận tệp PDF hoặc ảnh JPG, PNG.";

/// The JSON error body of `response`, after checking its status and shape: a code, a message in
/// Vietnamese (it has letters beyond ASCII) and a `fields` object.
async fn json_error(response: reqwest::Response, status: u16) -> Value {
    assert_eq!(response.status().as_u16(), status, "{}", response.url());
    let body: Value = response.json().await.expect("JSON error body");
    assert!(!body["error"].as_str().expect("error code").is_empty());
    let message = body["message"].as_str().expect("message");
    assert!(!message.is_ascii(), "not Vietnamese: {message}");
    assert!(body["fields"].is_object(), "{body}");
    body
}

async fn assert_still_up(app: &TestApp) {
    assert_eq!(app.get("/api/health").await.status().as_u16(), 200);
}

/// `POST path` with this content type and body.
async fn post_raw(
    app: &TestApp,
    path: &str,
    content_type: &str,
    body: Vec<u8>,
) -> reqwest::Response {
    app.client
        .post(app.url(path))
        .header("Idempotency-Key", "bad-input-0001")
        .header("Content-Type", content_type)
        .body(body)
        .send()
        .await
        .expect("request")
}

/// `POST /api/uploads` with a hand-made multipart body, so the file name can hold any bytes.
async fn upload_named(app: &TestApp, name: &[u8], bytes: &[u8]) -> reqwest::Response {
    let mut body =
        b"--frontier\r\nContent-Disposition: form-data; name=\"file\"; filename=\"".to_vec();
    body.extend(name);
    body.extend(b"\"\r\nContent-Type: application/pdf\r\n\r\n");
    body.extend(bytes);
    body.extend(b"\r\n--frontier--\r\n");
    post_raw(
        app,
        "/api/uploads",
        "multipart/form-data; boundary=frontier",
        body,
    )
    .await
}

/// A ZIP archive holding one stored file `a.txt`: local header, data, central directory, end.
fn zip() -> Vec<u8> {
    let mut out = b"PK\x03\x04\x14\0\0\0\0\0\0\0\0\0".to_vec();
    out.extend([0; 4]); // CRC-32, not checked by the portal
    out.extend(2u32.to_le_bytes());
    out.extend(2u32.to_le_bytes());
    out.extend(5u16.to_le_bytes());
    out.extend([0, 0]);
    out.extend(b"a.txtok");
    let directory = out.len() as u32;
    out.extend(b"PK\x01\x02\x14\0\x14\0\0\0\0\0\0\0\0\0\0\0\0\0");
    out.extend(2u32.to_le_bytes());
    out.extend(2u32.to_le_bytes());
    out.extend(5u16.to_le_bytes());
    out.extend([0; 12]);
    out.extend(0u32.to_le_bytes());
    out.extend(b"a.txt");
    let directory_size = out.len() as u32 - directory;
    out.extend(b"PK\x05\x06\0\0\0\0\x01\0\x01\0");
    out.extend(directory_size.to_le_bytes());
    out.extend(directory.to_le_bytes());
    out.extend([0, 0]);
    out
}

#[tokio::test]
async fn oversize_bodies_get_a_json_413() {
    let app = spawn_app(Backend::Sqlite).await;
    let huge = json!({ "comment": "x".repeat(2 * 1024 * 1024) });
    let body = json_error(app.submit("oversize-0001", &huge).await, 413).await;
    assert_eq!(body["error"], "payload_too_large");
    let rating = app
        .client
        .post(app.url("/api/dossiers/XA-261202-0001/rating?phone=0912345678"))
        .json(&huge)
        .send()
        .await
        .unwrap();
    json_error(rating, 413).await;
    assert_still_up(&app).await;

    let small = spawn_app_with_upload_limit(Backend::Sqlite, 4096).await;
    let response = small
        .upload(pdf_of_size(64 * 1024), "lon.pdf", "application/pdf")
        .await;
    let body = json_error(response, 413).await;
    assert!(body["fields"]["file"].as_str().unwrap().contains("4 kB"));
    assert_eq!(small.stored_file_count(), 0);
    assert_still_up(&small).await;
}

#[tokio::test]
async fn wrong_content_types_are_named() {
    let app = spawn_app(Backend::Sqlite).await;
    let dossier = serde_json::to_vec(&json!({ "procedure_code": "1.001193" })).unwrap();
    for content_type in ["text/plain", "multipart/form-data; boundary=frontier"] {
        let response = post_raw(&app, "/api/dossiers", content_type, dossier.clone()).await;
        let body = json_error(response, 415).await;
        assert_eq!(body["error"], "unsupported_media_type");
        assert!(
            body["message"]
                .as_str()
                .unwrap()
                .contains("application/json")
        );
    }
    let response = post_raw(&app, "/api/uploads", "application/json", dossier).await;
    let body = json_error(response, 400).await;
    assert!(
        body["message"]
            .as_str()
            .unwrap()
            .contains("multipart/form-data")
    );
    assert_eq!(app.database.count("SELECT COUNT(*) FROM dossiers").await, 0);
    assert_still_up(&app).await;
}

#[tokio::test]
async fn invalid_utf8_is_refused_or_replaced() {
    let app = spawn_app(Backend::Sqlite).await;
    let body = b"{\"procedure_code\": \"1.00\xff\xfe\"}".to_vec();
    let response = post_raw(&app, "/api/dossiers", "application/json", body).await;
    json_error(response, 400).await;
    json_error(app.get("/api/procedures?q=khai%FFsinh").await, 400).await;

    // A name the device sent in another encoding is not the file's fault: the file is kept
    // under a name the server makes.
    let response = upload_named(&app, b"gi\xe1y \xff\xfe.pdf", &pdf("tên lạ")).await;
    assert_eq!(response.status().as_u16(), 201);
    let body: Value = response.json().await.unwrap();
    assert_eq!(body["name"], "tep-dinh-kem.pdf");
    assert_still_up(&app).await;
}

#[tokio::test]
async fn json_nested_ten_thousand_deep_is_a_400() {
    let app = spawn_app(Backend::Sqlite).await;
    let arrays = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let objects = format!("{}1{}", "{\"a\":".repeat(10_000), "}".repeat(10_000));
    for nested in [arrays, objects] {
        let response = post_raw(&app, "/api/dossiers", "application/json", nested.into()).await;
        assert_eq!(json_error(response, 400).await["error"], "bad_request");
    }
    assert_still_up(&app).await;
}

#[tokio::test]
async fn file_names_cannot_climb_out_of_the_store() {
    let app = spawn_app(Backend::Sqlite).await;
    let cases: [(&[u8], &str); 4] = [
        (b"../../etc/passwd.pdf", "passwd.pdf"),
        (b"..\\..\\boot.ini.pdf", "boot.ini.pdf"),
        (b"/abs/x.pdf", "x.pdf"),
        (b"a\tb\t.pdf", "ab.pdf"),
    ];
    for (name, shown) in cases {
        let response = upload_named(&app, name, &pdf("đường dẫn")).await;
        assert_eq!(response.status().as_u16(), 201);
        let body: Value = response.json().await.unwrap();
        assert_eq!(body["name"], shown);
    }
    // NUL and other controls cannot travel in a header: the body is unreadable, and said so.
    for name in [&b"a\0b.pdf"[..], b"a\x01b\x1f.pdf"] {
        json_error(upload_named(&app, name, &pdf("nul")).await, 400).await;
    }

    // Every stored file sits at `{two hex}/{server-made key}` inside the store's folder.
    let root = app.uploads_dir.as_path();
    let mut stored = Vec::new();
    walk(root, &mut stored);
    assert_eq!(stored.len(), 4);
    for path in stored {
        let relative = path
            .strip_prefix(root)
            .unwrap()
            .to_str()
            .unwrap()
            .to_string();
        let (folder, key) = relative.split_once('/').unwrap();
        assert!(key.len() == 32 && key.starts_with(folder), "{relative}");
        assert!(
            key.bytes().all(|byte| byte.is_ascii_hexdigit()),
            "{relative}"
        );
    }
    for outside in ["/etc/passwd.pdf", "/abs/x.pdf"] {
        assert!(!Path::new(outside).exists());
    }
    assert!(!root.parent().unwrap().join("boot.ini.pdf").exists());
    assert_still_up(&app).await;
}

fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, files);
        } else {
            files.push(path);
        }
    }
}

#[tokio::test]
async fn zips_and_polyglots_are_415() {
    let app = spawn_app(Backend::Sqlite).await;
    let response = app.upload(zip(), "giay-to.pdf", "application/pdf").await;
    assert_eq!(json_error(response, 415).await["message"], NOT_ACCEPTED);
    let mut polyglot = pdf("đa dạng");
    polyglot.extend(zip());
    let mut image = png();
    image.extend(zip());
    for (bytes, name) in [(polyglot, "to-khai.pdf"), (image, "anh.png")] {
        let response = app.upload(bytes, name, "application/octet-stream").await;
        let body = json_error(response, 415).await;
        assert_eq!(body["message"], POLYGLOT);
        assert_eq!(body["fields"]["file"], POLYGLOT);
    }
    assert_eq!(app.stored_file_count(), 0);
    assert_still_up(&app).await;
}

#[tokio::test]
async fn pdfs_carrying_scripts_are_415() {
    let app = spawn_app(Backend::Sqlite).await;
    let open_action = "<< /Type /Catalog /OpenAction 2 0 R >> endobj\n2 0 obj\n\
                       << /S /JavaScript /JS (app.alert(1)) >>";
    let actions = [
        open_action,
        "<< /S /JS >>",
        "<< /S /Launch /F (cmd.exe) >>",
        "<< /S /J#61vaScript >>",
    ];
    for action in actions {
        let bytes = format!("%PDF-1.4\n1 0 obj\n{action}\nendobj\n%%EOF\n");
        let response = app.upload(bytes.into(), "a.pdf", "application/pdf").await;
        assert_eq!(
            json_error(response, 415).await["message"],
            SCRIPTED_PDF,
            "{action}"
        );
    }
    // Past the first bytes too: an update appended to a large, harmless PDF.
    let mut updated = pdf_of_size(100 * 1024);
    updated.extend(b"5 0 obj\n<< /Type /Action /S /Launch /F (x.exe) >>\nendobj\n%%EOF\n");
    let response = app.upload(updated, "lon.pdf", "application/pdf").await;
    assert_eq!(json_error(response, 415).await["message"], SCRIPTED_PDF);
    assert_eq!(app.stored_file_count(), 0);
    assert_still_up(&app).await;
}

async fn sql_looking_strings_are_only_text(backend: Backend) {
    let app = spawn_app(backend).await;
    let procedures = app.database.count("SELECT COUNT(*) FROM procedures").await;
    let search = "/api/procedures?q=%27%20OR%201%3D1%3B%20DROP%20TABLE%20procedures%3B%20--";
    let found = app.get_json(search, 200).await;
    assert_eq!(found["total"], 0, "{found}");

    let injection = "'); DELETE FROM dossiers; --";
    let mut dossier = dossier_with_uploads(&app).await;
    dossier["applicant"]["full_name"] = json!(format!("Nguyễn{injection}"));
    let response = app.submit("sql-name-0001", &dossier).await;
    let body = json_error(response, 422).await;
    assert!(body["fields"]["applicant.full_name"].is_string(), "{body}");

    dossier["applicant"]["full_name"] = json!("Nguyễn Thị Hoa");
    let place = format!("Bệnh viện{injection}");
    dossier["answers"]["child_birth_place"] = json!(place);
    let receipt = submit_json(&app, "sql-answer-0001", &dossier, 201).await;
    let record = app
        .store
        .dossier_by_code(receipt["code"].as_str().unwrap())
        .await
        .unwrap()
        .expect("stored dossier");
    let stored: Value = serde_json::from_str(&record.body).unwrap();
    assert_eq!(stored["answers"]["child_birth_place"], place.as_str());
    assert_eq!(app.database.count("SELECT COUNT(*) FROM dossiers").await, 1);
    assert_eq!(
        app.database.count("SELECT COUNT(*) FROM procedures").await,
        procedures
    );
    assert_still_up(&app).await;
}

#[tokio::test]
async fn a_one_megabyte_query_string_is_a_4xx() {
    let app = spawn_app(Backend::Sqlite).await;
    // Too long for a client's URL type: sent by hand.
    let mut stream = TcpStream::connect(app.address.trim_start_matches("http://"))
        .await
        .unwrap();
    let request = format!(
        "GET /api/procedures?q={} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
        "a".repeat(1024 * 1024)
    );
    // The server may answer and close before reading it all.
    stream.write_all(request.as_bytes()).await.ok();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.ok();
    let status_line = String::from_utf8_lossy(&answer[..answer.len().min(12)]).to_string();
    assert!(status_line.starts_with("HTTP/1.1 4"), "{status_line:?}");
    // One the HTTP layer lets through meets the length check on `q`, named.
    let body = json_error(
        app.get(&format!("/api/procedures?q={}", "a".repeat(4000)))
            .await,
        400,
    )
    .await;
    assert!(body["fields"]["q"].is_string(), "{body}");
    assert_still_up(&app).await;
}

crate::on_both_backends!(sql_looking_strings_are_only_text);
