//! Signed-in staff for the tests: `signed_in(&app, role, unit)` makes an account and signs it in
//! through the real `POST /api/staff/login`, in a client that keeps the session cookie.

use std::sync::atomic::{AtomicU32, Ordering};

use motcua_api::staff::{NewStaffInput, StaffRole};
use motcua_server::auth::create_account;
use reqwest::header::ORIGIN;
use serde_json::{Value, json};

use crate::helpers::TestApp;

/// The password of every account the tests make.
pub const TEST_PASSWORD: &str = "mật khẩu thử nghiệm";

/// An officer signed in to a test app.
pub struct StaffClient {
    /// Keeps the session cookie.
    pub client: reqwest::Client,
    /// `http://127.0.0.1:PORT`, sent as `Origin` on every request so the same-origin check passes.
    pub origin: String,
    pub username: String,
}

impl StaffClient {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.origin))
            .send()
            .await
            .expect("request")
    }

    pub async fn post_json(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.origin))
            .header(ORIGIN, &self.origin)
            .json(body)
            .send()
            .await
            .expect("request")
    }

    /// GET that must answer `status` with a JSON body.
    pub async fn get_json(&self, path: &str, status: u16) -> Value {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), status, "GET {path}");
        response.json().await.expect("JSON body")
    }

    /// POST that must answer `status` with a JSON body.
    pub async fn post_json_expect(&self, path: &str, body: &Value, status: u16) -> Value {
        let response = self.post_json(path, body).await;
        assert_eq!(response.status().as_u16(), status, "POST {path}");
        response.json().await.expect("JSON body")
    }
}

/// A client that keeps cookies, not signed in.
pub fn cookie_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .build()
        .expect("client")
}

/// A new account (username unique in the test run), password [`TEST_PASSWORD`]; its username.
pub async fn new_account(app: &TestApp, role: StaffRole, unit: &str) -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    let username = format!(
        "{}{}",
        role.as_str(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let input = NewStaffInput {
        username: username.clone(),
        password: TEST_PASSWORD.into(),
        role: role.as_str().into(),
        unit: unit.into(),
    };
    create_account(&app.store, &input, motcua_server::clock::unix_now())
        .await
        .expect("create staff account");
    username
}

/// `POST /api/staff/login` from `client`, with the app's origin.
pub async fn login(
    app: &TestApp,
    client: &reqwest::Client,
    username: &str,
    password: &str,
) -> reqwest::Response {
    client
        .post(app.url("/api/staff/login"))
        .header(ORIGIN, &app.address)
        .json(&json!({ "username": username, "password": password }))
        .send()
        .await
        .expect("request")
}

/// An officer of `role` in `unit`, signed in.
pub async fn signed_in(app: &TestApp, role: StaffRole, unit: &str) -> StaffClient {
    let username = new_account(app, role, unit).await;
    let client = cookie_client();
    let response = login(app, &client, &username, TEST_PASSWORD).await;
    assert_eq!(response.status().as_u16(), 200, "sign in {username}");
    StaffClient {
        client,
        origin: app.address.clone(),
        username,
    }
}

/// `motcua create-staff ... --database-url URL` with `stdin`: its exit status, stdout and stderr.
pub async fn run_create_staff(app: &TestApp, args: &[&str], stdin: &str) -> (bool, String, String) {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let mut command = Command::new(env!("CARGO_BIN_EXE_motcua"));
    command
        .arg("create-staff")
        .args(args)
        .args(["--database-url", &app.database.url])
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let stdin = stdin.to_string();
    tokio::task::spawn_blocking(move || {
        let mut child = command.spawn().expect("run motcua");
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let output = child.wait_with_output().expect("motcua output");
        (
            output.status.success(),
            String::from_utf8(output.stdout).unwrap(),
            String::from_utf8(output.stderr).unwrap(),
        )
    })
    .await
    .unwrap()
}
