//! Two `motcua serve` processes on one PostgreSQL and one S3-compatible bucket behave as one: a
//! file uploaded through one node is seen and filed through the other, a retry reaching the other
//! node gets the same dossier, codes never clash, and a staff session works on both.

use futures::future::join_all;
use motcua_api::staff::NewStaffInput;
use motcua_server::auth::create_account;
use motcua_server::clock::unix_now;
use reqwest::header::ORIGIN;
use serde_json::{Value, json};

use crate::helpers::{Backend, TestDatabase};
use crate::process::{S3Server, ServerOptions, ServerProcess, free_port};
use crate::samples::{birth_registration, pdf, png};
use crate::staff_support::{TEST_PASSWORD, cookie_client};

const CITIZENS: usize = 30;

/// What one citizen filed: the code, and each document's bytes by file name.
struct Filed {
    code: String,
    files: Vec<(String, Vec<u8>)>,
}

async fn upload(client: &reqwest::Client, node: &str, name: &str, bytes: Vec<u8>) -> String {
    let part = reqwest::multipart::Part::bytes(bytes).file_name(name.to_string());
    let response = client
        .post(format!("{node}/api/uploads"))
        .multipart(reqwest::multipart::Form::new().part("file", part))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201, "upload on {node}");
    let body: Value = response.json().await.unwrap();
    body["id"].as_str().unwrap().to_string()
}

async fn submit(client: &reqwest::Client, node: &str, key: &str, dossier: &Value) -> Value {
    let response = client
        .post(format!("{node}/api/dossiers"))
        .header("Idempotency-Key", key)
        .json(dossier)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 201, "submit on {node}");
    let replayed = response.headers().contains_key("idempotent-replayed");
    let mut body: Value = response.json().await.unwrap();
    body["replayed"] = json!(replayed);
    body
}

/// Uploads through one node, checks the upload through the other, files through the other and
/// retries through the first.
async fn file_across(number: usize, near: &str, far: &str) -> Filed {
    let client = reqwest::Client::new();
    let files = vec![
        ("to-khai.pdf".to_string(), pdf(&format!("tờ khai {number}"))),
        ("giay-chung-sinh.png".to_string(), png()),
        (
            "can-cuoc.pdf".to_string(),
            pdf(&format!("căn cước {number}")),
        ),
    ];
    let mut ids = Vec::new();
    for (name, bytes) in &files {
        ids.push(upload(&client, near, name, bytes.clone()).await);
    }
    let preview = client
        .get(format!("{far}/api/uploads/{}", ids[0]))
        .send()
        .await
        .unwrap();
    assert_eq!(preview.status().as_u16(), 200);
    assert_eq!(preview.bytes().await.unwrap(), files[0].1);

    let dossier = birth_registration(&ids[0], &ids[1], &ids[2]);
    let key = format!("two-nodes-{number:04}");
    let first = submit(&client, far, &key, &dossier).await;
    let again = submit(&client, near, &key, &dossier).await;
    assert_eq!(again["code"], first["code"]);
    assert_eq!(
        (first["replayed"].clone(), again["replayed"].clone()),
        (json!(false), json!(true))
    );
    Filed {
        code: first["code"].as_str().unwrap().to_string(),
        files,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_nodes_on_one_postgres_and_one_bucket_behave_as_one() {
    let bucket = S3Server::start("motcua-test").await;
    let database = TestDatabase::create(Backend::Postgres).await;
    let (dir_a, dir_b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let extra = [
        "--s3-bucket",
        "motcua-test",
        "--s3-endpoint",
        &bucket.endpoint,
        "--submissions-per-hour",
        "0",
        "--uploads-per-hour",
        "0",
    ];
    let env = [
        ("AWS_ACCESS_KEY_ID", "motcua-test"),
        ("AWS_SECRET_ACCESS_KEY", "motcua-test"),
    ];
    let options = |dir| ServerOptions {
        extra: &extra,
        env: &env,
        ..ServerOptions::new(dir, &database.url)
    };
    let a = ServerProcess::start(free_port(), &options(dir_a.path())).await;
    let b = ServerProcess::start(free_port(), &options(dir_b.path())).await;

    let filed = join_all((0..CITIZENS).map(|number| {
        let (near, far) = if number % 2 == 0 {
            (a.base.clone(), b.base.clone())
        } else {
            (b.base.clone(), a.base.clone())
        };
        tokio::spawn(async move { file_across(number, &near, &far).await })
    }))
    .await
    .into_iter()
    .map(|joined| joined.expect("citizen"))
    .collect::<Vec<_>>();

    let mut codes: Vec<&str> = filed.iter().map(|f| f.code.as_str()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), CITIZENS, "a code was given twice");
    assert_eq!(
        database.count("SELECT COUNT(*) FROM dossiers").await,
        CITIZENS as i64
    );
    // Nothing went to the nodes' own folders.
    for dir in [&dir_a, &dir_b] {
        let local = dir.path().join("uploads");
        let stored = std::fs::read_dir(&local)
            .map(|entries| entries.count())
            .unwrap_or(0);
        assert_eq!(stored, 0, "{}", local.display());
    }

    // An officer signs in on one node; the session holds on the other.
    let input = NewStaffInput {
        username: "tiepnhan.hai.nut".into(),
        password: TEST_PASSWORD.into(),
        role: "reception".into(),
        unit: "XA".into(),
    };
    create_account(&database.store().await, &input, unix_now())
        .await
        .unwrap();
    let officer = cookie_client();
    let signed_in = officer
        .post(format!("{}/api/staff/login", a.base))
        .header(ORIGIN, &a.base)
        .json(&json!({ "username": input.username, "password": TEST_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(signed_in.status().as_u16(), 200);
    for dossier in &filed {
        let viewed: Value = officer
            .get(format!("{}/api/staff/dossiers/{}", b.base, dossier.code))
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        let documents = viewed["documents"].as_array().unwrap();
        let attached: Vec<&Value> = documents
            .iter()
            .flat_map(|document| document["files"].as_array().unwrap())
            .collect();
        assert_eq!(attached.len(), dossier.files.len());
        for file in attached {
            let name = file["name"].as_str().unwrap();
            let (_, expected) = dossier.files.iter().find(|(n, _)| n == name).unwrap();
            let id = file["id"].as_str().unwrap();
            let bytes = officer
                .get(format!(
                    "{}/api/staff/dossiers/{}/files/{id}",
                    b.base, dossier.code
                ))
                .send()
                .await
                .unwrap()
                .bytes()
                .await
                .unwrap();
            assert_eq!(&bytes, expected, "{} {name}", dossier.code);
        }
    }
    // Signing out on one node ends the session on both.
    let signed_out = officer
        .post(format!("{}/api/staff/logout", b.base))
        .header(ORIGIN, &b.base)
        .send()
        .await
        .unwrap();
    assert!(signed_out.status().is_success());
    let me = officer
        .get(format!("{}/api/staff/me", a.base))
        .send()
        .await
        .unwrap();
    assert_eq!(me.status().as_u16(), 401);
}
