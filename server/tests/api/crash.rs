//! Crash safety: a thousand citizens file at once, the server process is killed with SIGKILL in
//! the middle, started again on the same data, and every citizen retries what was not answered,
//! with the same Idempotency-Key. Every dossier must then be there exactly once, with its files.

use std::time::Duration;

use futures::future::join_all;
use motcua_server::files::FileStore;
use serde_json::Value;
use sha2::{Digest, Sha256};
use tokio::io::AsyncReadExt;

use crate::helpers::{Backend, TestDatabase};
use crate::process::{ServerOptions, ServerProcess, free_port};
use crate::samples::{birth_registration, pdf, png};

const CITIZENS: usize = 1000;
/// The server is killed once it has filed this many dossiers.
const KILL_AFTER: i64 = CITIZENS as i64 / 2;

/// One citizen's filing: what the server has answered so far.
#[derive(Default)]
struct Filing {
    uploads: [Option<String>; 3],
    code: Option<String>,
    /// The answer came from an earlier request under the same key (`Idempotent-Replayed`).
    replayed: bool,
}

impl Filing {
    fn key(number: usize) -> String {
        format!("crash-test-citizen-{number:05}")
    }

    /// Uploads what has no answer yet, then submits; stops at the first request not answered.
    async fn go_on(&mut self, client: &reqwest::Client, base: &str, number: usize) -> bool {
        let files = [
            ("to-khai.pdf", pdf(&format!("tờ khai {number}"))),
            ("giay-chung-sinh.png", png()),
            ("can-cuoc.pdf", pdf(&format!("căn cước {number}"))),
        ];
        for (slot, (name, bytes)) in self.uploads.iter_mut().zip(files) {
            if slot.is_none() {
                let part = reqwest::multipart::Part::bytes(bytes).file_name(name);
                let sent = client
                    .post(format!("{base}/api/uploads"))
                    .multipart(reqwest::multipart::Form::new().part("file", part))
                    .send()
                    .await;
                match sent {
                    Ok(response) if response.status().as_u16() == 201 => {
                        let Ok(body) = response.json::<Value>().await else {
                            return false;
                        };
                        *slot = Some(body["id"].as_str().expect("upload id").to_string());
                    }
                    _ => return false,
                }
            }
        }
        let [Some(declaration), Some(certificate), Some(identity)] = &self.uploads else {
            unreachable!("every upload was answered");
        };
        let sent = client
            .post(format!("{base}/api/dossiers"))
            .header("Idempotency-Key", Self::key(number))
            .json(&birth_registration(declaration, certificate, identity))
            .send()
            .await;
        match sent {
            Ok(response) if response.status().is_success() => {
                self.replayed = response.headers().contains_key("idempotent-replayed");
                let Ok(body) = response.json::<Value>().await else {
                    return false;
                };
                self.code = Some(body["code"].as_str().expect("code").to_string());
                true
            }
            Ok(response) if response.status().is_client_error() => {
                panic!(
                    "citizen {number}: {}",
                    response.text().await.unwrap_or_default()
                )
            }
            _ => false,
        }
    }
}

async fn sha256_of(files: &FileStore, key: &str) -> Option<String> {
    let mut reader = files.open(key).await.expect("open")?;
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).await.expect("read");
    Some(hex::encode(Sha256::digest(&bytes)))
}

async fn a_kill_in_the_middle_of_a_thousand_filings_loses_and_doubles_nothing(backend: Backend) {
    let database = TestDatabase::create(backend).await;
    let data_dir = tempfile::tempdir().expect("temp dir");
    let port = free_port();
    // A thousand citizens from one address: the limits would stop them.
    let options = ServerOptions {
        extra: &["--submissions-per-hour", "0", "--uploads-per-hour", "0"],
        ..ServerOptions::new(data_dir.path(), &database.url)
    };
    let server = ServerProcess::start(port, &options).await;
    let base = server.base.clone();
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(60))
        .build()
        .expect("client");

    // A thousand citizens at once; the server dies when it has filed half of them.
    let filings = join_all((0..CITIZENS).map(|number| {
        let (client, base) = (client.clone(), base.clone());
        tokio::spawn(async move {
            let mut filing = Filing::default();
            filing.go_on(&client, &base, number).await;
            filing
        })
    }));
    let killer = async {
        while database.count("SELECT COUNT(*) FROM dossiers").await < KILL_AFTER {
            tokio::time::sleep(Duration::from_millis(10)).await;
        }
        server.kill();
    };
    let (filings, ()) = tokio::join!(filings, killer);
    let mut filings: Vec<Filing> = filings.into_iter().map(|f| f.expect("citizen")).collect();
    let before_kill = filings.iter().filter(|f| f.code.is_some()).count();
    assert!(before_kill < CITIZENS, "the kill came before the end");

    // Started again on the same data; every citizen without an answer tries again.
    let _server = ServerProcess::start(port, &options).await;
    let fresh_client = reqwest::Client::new();
    for round in 0..5 {
        let waiting: Vec<usize> = (0..CITIZENS)
            .filter(|&number| filings[number].code.is_none())
            .collect();
        if waiting.is_empty() {
            break;
        }
        assert!(round < 4, "{} citizens still unanswered", waiting.len());
        let retried = join_all(waiting.iter().map(|&number| {
            let mut filing = std::mem::take(&mut filings[number]);
            let (client, base) = (fresh_client.clone(), base.clone());
            async move {
                filing.go_on(&client, &base, number).await;
                (number, filing)
            }
        }))
        .await;
        for (number, filing) in retried {
            filings[number] = filing;
        }
    }
    let replayed = filings.iter().filter(|filing| filing.replayed).count();
    eprintln!(
        "{backend:?}: {before_kill} of {CITIZENS} dossiers answered before SIGKILL, {} after \
         the restart, of which {replayed} had been filed before the kill without an answer",
        CITIZENS - before_kill
    );

    // Exactly once each: one dossier per key, no two citizens with one code.
    let mut codes: Vec<&str> = filings
        .iter()
        .map(|filing| filing.code.as_deref().expect("answered"))
        .collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), CITIZENS);
    let count = |sql: &'static str| database.count(sql);
    assert_eq!(
        count("SELECT COUNT(*) FROM dossiers").await,
        CITIZENS as i64
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM idempotency_keys").await,
        CITIZENS as i64
    );
    assert_eq!(
        count("SELECT COUNT(*) FROM uploads WHERE dossier_id IS NOT NULL").await,
        3 * CITIZENS as i64
    );
    // Every dossier's files are whole, byte for byte what was recorded.
    let store = database.store().await;
    let files = FileStore::local(data_dir.path().join("uploads")).expect("file store");
    for named in store.stored_bytes().await.expect("uploads") {
        if named.attached {
            assert_eq!(
                sha256_of(&files, &named.storage_key).await.as_deref(),
                Some(named.sha256.as_str()),
                "file {}",
                named.storage_key
            );
        }
    }
}

// Several threads, so the citizens' side keeps up with the server and the kill lands while
// requests are in flight.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_sqlite_a_kill_in_the_middle_of_a_thousand_filings_loses_and_doubles_nothing() {
    a_kill_in_the_middle_of_a_thousand_filings_loses_and_doubles_nothing(Backend::Sqlite).await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn on_postgres_a_kill_in_the_middle_of_a_thousand_filings_loses_and_doubles_nothing() {
    a_kill_in_the_middle_of_a_thousand_filings_loses_and_doubles_nothing(Backend::Postgres).await
}
