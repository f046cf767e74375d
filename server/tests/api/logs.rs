//! The log of the real binary never holds a citizen's ID or phone number in full.

use crate::helpers::{Backend, TestDatabase};
use crate::process::{ServerOptions, ServerProcess, free_port};

#[tokio::test]
async fn phone_and_id_numbers_are_masked_in_the_log() {
    let database = TestDatabase::create(Backend::Sqlite).await;
    let data_dir = tempfile::tempdir().expect("temp dir");
    let log_file = data_dir.path().join("motcua.log");
    let options = ServerOptions {
        log_filter: "debug",
        log_file: Some(log_file.clone()),
        ..ServerOptions::new(data_dir.path(), &database.url)
    };
    let server = ServerProcess::start(free_port(), &options).await;
    let client = reqwest::Client::new();
    // The phone travels in the URI, which the request log records.
    let tracking = format!(
        "{}/api/dossiers/XA-261205-0001?phone=0912345678",
        server.base
    );
    assert_eq!(client.get(&tracking).send().await.unwrap().status(), 404);
    // A refused body's message quotes the value that did not fit.
    let refused = client
        .post(format!("{}/api/dossiers", server.base))
        .header("Idempotency-Key", "log-test-0001")
        .header("Content-Type", "application/json")
        .body(r#"{"procedure_code": "1.001193", "applicant": {"citizen_id": 1190012345}}"#)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 400);
    server.kill();

    let log = std::fs::read_to_string(&log_file).unwrap();
    assert!(
        log.contains("phone=*******678"),
        "the request is logged:\n{log}"
    );
    assert!(
        log.contains("*******345"),
        "the refused value is logged:\n{log}"
    );
    for secret in ["0912345678", "1190012345"] {
        assert!(!log.contains(secret), "{secret} in the log:\n{log}");
    }
}
