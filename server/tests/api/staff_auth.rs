use motcua_api::staff::{BAD_CREDENTIALS, FORBIDDEN, SIGN_IN_NEEDED, StaffRole};
use reqwest::header::{CACHE_CONTROL, COOKIE, ORIGIN, RETRY_AFTER, SET_COOKIE};
use serde_json::{Value, json};

use crate::helpers::{Backend, TestApp, spawn_app};
use crate::staff_support::{
    TEST_PASSWORD, cookie_client, login, new_account, run_create_staff, signed_in,
};

const FOREIGN_REQUEST: &str = "Yêu cầu không đến từ trang của cổng.";
const ACCOUNT_LOCKED: &str =
    "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Hãy thử lại sau 15 phút.";
const TOO_MANY_SIGN_INS: &str = "Đăng nhập sai quá nhiều lần từ máy này. Hãy thử lại sau ít phút.";

fn error(code: &str, message: &str) -> Value {
    json!({ "error": code, "message": message, "fields": {} })
}

/// The `Set-Cookie` of the session cookie.
fn session_cookie(response: &reqwest::Response) -> String {
    response
        .headers()
        .get_all(SET_COOKIE)
        .iter()
        .map(|value| value.to_str().expect("ASCII").to_string())
        .find(|cookie| cookie.starts_with("motcua_staff="))
        .expect("session cookie")
}

/// `name=value` of a `Set-Cookie`.
fn pair(set_cookie: &str) -> String {
    set_cookie.split(';').next().unwrap().to_string()
}

/// `GET /api/staff/me` with exactly this `Cookie` header, from a client without a cookie store.
async fn me_with(app: &TestApp, cookie: &str) -> reqwest::Response {
    app.client
        .get(app.url("/api/staff/me"))
        .header(COOKIE, cookie)
        .send()
        .await
        .expect("request")
}

async fn status_and_body(response: reqwest::Response) -> (u16, Value) {
    let status = response.status().as_u16();
    (status, response.json().await.expect("JSON body"))
}

async fn sessions(app: &TestApp) -> i64 {
    app.database
        .count("SELECT COUNT(*) FROM staff_sessions")
        .await
}

async fn sign_in_sets_a_strict_http_only_cookie(backend: Backend) {
    let app = spawn_app(backend).await;
    let username = new_account(&app, StaffRole::Reception, "XA").await;
    let client = cookie_client();
    let response = login(&app, &client, &username, TEST_PASSWORD).await;
    assert_eq!(response.status().as_u16(), 200);
    assert_eq!(response.headers()[CACHE_CONTROL], "private, no-store");
    let cookie = session_cookie(&response);
    let flags: Vec<&str> = cookie.split("; ").skip(1).collect();
    assert!(flags.contains(&"HttpOnly"), "{cookie}");
    assert!(flags.contains(&"SameSite=Strict"), "{cookie}");
    assert!(flags.contains(&"Path=/"), "{cookie}");
    assert!(!flags.contains(&"Secure"), "{cookie}");
    let me = json!({ "username": username, "role": "reception", "unit": "XA" });
    assert_eq!(response.json::<Value>().await.unwrap(), me);
    // The cookie signs the next requests in.
    let response = client.get(app.url("/api/staff/me")).send().await.unwrap();
    assert_eq!(response.headers()[CACHE_CONTROL], "private, no-store");
    assert_eq!(status_and_body(response).await, (200, me));
    // Without it, nobody is signed in.
    let anonymous = app.get_json("/api/staff/me", 401).await;
    assert_eq!(anonymous, error("unauthorized", SIGN_IN_NEEDED.vi));
}

async fn a_wrong_password_and_an_unknown_user_get_the_same_answer(backend: Backend) {
    let app = spawn_app(backend).await;
    let username = new_account(&app, StaffRole::Leader, "XA").await;
    let client = cookie_client();
    let wrong = login(&app, &client, &username, "not the password").await;
    assert!(wrong.headers().get(SET_COOKIE).is_none());
    let unknown = login(&app, &client, "nobody.here", TEST_PASSWORD).await;
    let expected = (401, error("unauthorized", BAD_CREDENTIALS.vi));
    assert_eq!(status_and_body(wrong).await, expected);
    assert_eq!(status_and_body(unknown).await, expected);
    assert_eq!(sessions(&app).await, 0);
}

async fn five_wrong_passwords_lock_the_account(backend: Backend) {
    let app = spawn_app(backend).await;
    let username = new_account(&app, StaffRole::Processing, "XA").await;
    let client = cookie_client();
    for attempt in 1..=5 {
        let response = login(&app, &client, &username, "wrong password").await;
        assert_eq!(response.status().as_u16(), 401, "attempt {attempt}");
    }
    // Locked: even the right password is refused, with an answer that does not say it was right.
    for password in [TEST_PASSWORD, "wrong password"] {
        let response = login(&app, &client, &username, password).await;
        assert_eq!(locked_answer(response).await, (429, ACCOUNT_LOCKED.into()));
    }
    assert_eq!(sessions(&app).await, 0);
    // Fifteen minutes later the right password works, and the count starts again.
    let aged = app
        .database
        .execute("UPDATE sign_in_lockouts SET locked_until = locked_until - 901")
        .await;
    assert_eq!(aged, 1);
    let response = login(&app, &client, &username, TEST_PASSWORD).await;
    assert_eq!(response.status().as_u16(), 200);
    let sql = "SELECT COUNT(*) FROM sign_in_lockouts";
    assert_eq!(app.database.count(sql).await, 0);
}

/// The status and message of a locked sign-in, after checking its `Retry-After`.
async fn locked_answer(response: reqwest::Response) -> (u16, String) {
    let status = response.status().as_u16();
    let retry_after: u64 = response.headers()[RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((890..=900).contains(&retry_after), "{retry_after}");
    let body: serde_json::Value = response.json().await.unwrap();
    (status, body["message"].as_str().unwrap().to_string())
}

/// A name no account has locks exactly as one that does, so the lock tells nobody which exist.
async fn a_name_without_an_account_locks_alike(backend: Backend) {
    let app = spawn_app(backend).await;
    let username = new_account(&app, StaffRole::Processing, "XA").await;
    let client = cookie_client();
    let mut answers = Vec::new();
    for name in [username.as_str(), "khong.co.ai"] {
        for _ in 1..=5 {
            let response = login(&app, &client, name, "wrong password").await;
            assert_eq!(response.status().as_u16(), 401);
        }
        answers.push(locked_answer(login(&app, &client, name, "wrong password").await).await);
    }
    assert_eq!(answers[0], answers[1]);
    assert_eq!(answers[0], (429, ACCOUNT_LOCKED.into()));
}

async fn one_address_is_slowed_after_twenty_failures(backend: Backend) {
    let app = spawn_app(backend).await;
    let username = new_account(&app, StaffRole::Reception, "XA").await;
    let client = cookie_client();
    for attempt in 0..20 {
        let response = login(&app, &client, &format!("guess{attempt}"), "password1").await;
        assert_eq!(response.status().as_u16(), 401, "attempt {attempt}");
    }
    // Now every sign-in from this address waits, a right one too.
    let response = login(&app, &client, &username, TEST_PASSWORD).await;
    let retry_after: u64 = response.headers()[RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=600).contains(&retry_after), "{retry_after}");
    let throttled = (429, error("too_many_requests", TOO_MANY_SIGN_INS));
    assert_eq!(status_and_body(response).await, throttled);
}

async fn an_idle_session_ends_after_thirty_minutes(backend: Backend) {
    let app = spawn_app(backend).await;
    let officer = signed_in(&app, StaffRole::Reception, "XA").await;
    // Twenty-nine minutes idle: still signed in.
    app.database
        .execute("UPDATE staff_sessions SET last_seen_at = last_seen_at - 1740")
        .await;
    let me = officer.get_json("/api/staff/me", 200).await;
    assert_eq!(me["username"], officer.username.as_str());
    // Thirty-one minutes idle: signed out, and the session is gone.
    app.database
        .execute("UPDATE staff_sessions SET last_seen_at = last_seen_at - 1860")
        .await;
    let ended = officer.get_json("/api/staff/me", 401).await;
    assert_eq!(ended, error("unauthorized", SIGN_IN_NEEDED.vi));
    assert_eq!(sessions(&app).await, 0);
}

async fn a_session_ends_after_twelve_hours_even_in_use(backend: Backend) {
    let app = spawn_app(backend).await;
    let officer = signed_in(&app, StaffRole::Leader, "XA").await;
    app.database
        .execute("UPDATE staff_sessions SET created_at = created_at - 43140")
        .await;
    officer.get_json("/api/staff/me", 200).await;
    app.database
        .execute("UPDATE staff_sessions SET created_at = created_at - 60")
        .await;
    let ended = officer.get_json("/api/staff/me", 401).await;
    assert_eq!(ended, error("unauthorized", SIGN_IN_NEEDED.vi));
    assert_eq!(sessions(&app).await, 0);
}

async fn logout_ends_the_session(backend: Backend) {
    let app = spawn_app(backend).await;
    let username = new_account(&app, StaffRole::Admin, "XA").await;
    let client = cookie_client();
    let response = login(&app, &client, &username, TEST_PASSWORD).await;
    let cookie = pair(&session_cookie(&response));
    assert_eq!(me_with(&app, &cookie).await.status().as_u16(), 200);
    let response = client
        .post(app.url("/api/staff/logout"))
        .header(ORIGIN, &app.address)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 204);
    assert!(session_cookie(&response).contains("Max-Age=0"));
    assert_eq!(sessions(&app).await, 0);
    // The old cookie, replayed, opens nothing.
    let (status, body) = status_and_body(me_with(&app, &cookie).await).await;
    assert_eq!(
        (status, body),
        (401, error("unauthorized", SIGN_IN_NEEDED.vi))
    );
    let response = client.get(app.url("/api/staff/me")).send().await.unwrap();
    assert_eq!(response.status().as_u16(), 401);
}

async fn every_sign_in_gets_a_new_session_id(backend: Backend) {
    let app = spawn_app(backend).await;
    let username = new_account(&app, StaffRole::Reception, "XA").await;
    // An id planted before sign-in (session fixation) is not the one after.
    let planted = format!("motcua_staff={}", "ab".repeat(32));
    let response = app
        .client
        .post(app.url("/api/staff/login"))
        .header(ORIGIN, &app.address)
        .header(COOKIE, &planted)
        .json(&json!({ "username": username, "password": TEST_PASSWORD }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status().as_u16(), 200);
    let first = pair(&session_cookie(&response));
    assert_ne!(first, planted);
    assert_eq!(me_with(&app, &planted).await.status().as_u16(), 401);
    // Signing in again while signed in gives another id and ends the first session.
    let response = app
        .client
        .post(app.url("/api/staff/login"))
        .header(ORIGIN, &app.address)
        .header(COOKIE, &first)
        .json(&json!({ "username": username, "password": TEST_PASSWORD }))
        .send()
        .await
        .unwrap();
    let second = pair(&session_cookie(&response));
    assert_ne!(second, first);
    assert_eq!(me_with(&app, &first).await.status().as_u16(), 401);
    assert_eq!(me_with(&app, &second).await.status().as_u16(), 200);
    assert_eq!(sessions(&app).await, 1);
}

async fn staff_posts_must_come_from_the_portal(backend: Backend) {
    let app = spawn_app(backend).await;
    let username = new_account(&app, StaffRole::Admin, "XA").await;
    let credentials = json!({ "username": username, "password": TEST_PASSWORD });
    let post = |origin: Option<&'static str>, fetch_site: Option<&'static str>| {
        let mut request = app
            .client
            .post(app.url("/api/staff/login"))
            .json(&credentials);
        if let Some(origin) = origin {
            request = request.header(ORIGIN, origin);
        }
        if let Some(site) = fetch_site {
            request = request.header("Sec-Fetch-Site", site);
        }
        request.send()
    };
    let refused = (403, error("forbidden", FOREIGN_REQUEST));
    let no_origin = post(None, None).await.unwrap();
    assert_eq!(no_origin.headers()[CACHE_CONTROL], "private, no-store");
    assert_eq!(status_and_body(no_origin).await, refused);
    let foreign = post(Some("http://evil.example"), None).await.unwrap();
    assert_eq!(status_and_body(foreign).await, refused);
    let cross_site = post(None, Some("cross-site")).await.unwrap();
    assert_eq!(status_and_body(cross_site).await, refused);
    assert_eq!(sessions(&app).await, 0);
    // The browser's own fetch metadata is enough when it sends no Origin.
    let same_site = post(None, Some("same-origin")).await.unwrap();
    assert_eq!(same_site.status().as_u16(), 200);
    // A signed-in officer's cookie does not let a foreign page act.
    let admin = signed_in(&app, StaffRole::Admin, "XA").await;
    let forged = admin
        .client
        .post(app.url("/api/staff/accounts"))
        .header(ORIGIN, "http://evil.example")
        .json(&json!({ "username": "forged", "password": TEST_PASSWORD, "role": "admin", "unit": "XA" }))
        .send()
        .await
        .unwrap();
    assert_eq!(status_and_body(forged).await, refused);
    let sql = "SELECT COUNT(*) FROM staff_accounts WHERE username = 'forged'";
    assert_eq!(app.database.count(sql).await, 0);
}

async fn only_admins_manage_accounts(backend: Backend) {
    let app = spawn_app(backend).await;
    let new = |username: &str, password: &str, role: &str| json!({ "username": username, "password": password, "role": role, "unit": "XB" });
    let body = new("xuly.xb", "một mật khẩu dài", "processing");
    // Nobody signed in.
    let anonymous = app
        .client
        .post(app.url("/api/staff/accounts"))
        .header(ORIGIN, &app.address)
        .json(&body)
        .send()
        .await
        .unwrap();
    let signed_out = (401, error("unauthorized", SIGN_IN_NEEDED.vi));
    assert_eq!(status_and_body(anonymous).await, signed_out);
    assert_eq!(app.get_json("/api/staff/accounts", 401).await, signed_out.1);
    // Every role but admin.
    for role in [
        StaffRole::Reception,
        StaffRole::Processing,
        StaffRole::Leader,
    ] {
        let officer = signed_in(&app, role, "XA").await;
        let refused = error("forbidden", FORBIDDEN.vi);
        assert_eq!(officer.get_json("/api/staff/accounts", 403).await, refused);
        assert_eq!(
            officer
                .post_json_expect("/api/staff/accounts", &body, 403)
                .await,
            refused
        );
    }
    let admin = signed_in(&app, StaffRole::Admin, "XA").await;
    let created = admin
        .post_json_expect("/api/staff/accounts", &body, 201)
        .await;
    assert_eq!(
        created,
        json!({ "username": "xuly.xb", "role": "processing", "unit": "XB" })
    );
    let taken = admin
        .post_json_expect("/api/staff/accounts", &body, 409)
        .await;
    assert_eq!(taken["error"], "username_taken");
    let short = admin
        .post_json_expect(
            "/api/staff/accounts",
            &new("ngan", "1234567", "leader"),
            422,
        )
        .await;
    assert_eq!(short["fields"]["password"], "Mật khẩu cần ít nhất 8 ký tự.");
    let bad = admin
        .post_json_expect(
            "/api/staff/accounts",
            &new("Bad Name", TEST_PASSWORD, "boss"),
            422,
        )
        .await;
    let fields = bad["fields"].as_object().unwrap();
    assert_eq!(fields.keys().collect::<Vec<_>>(), ["role", "username"]);
    let accounts = admin.get_json("/api/staff/accounts", 200).await;
    assert!(accounts.as_array().unwrap().contains(&created));
    // The new officer signs in with the admin's password for them.
    let response = login(&app, &cookie_client(), "xuly.xb", "một mật khẩu dài").await;
    assert_eq!(response.status().as_u16(), 200);
}

async fn the_create_staff_command_makes_an_account_that_signs_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let args = [
        "--username",
        "tiepnhan.02",
        "--role",
        "reception",
        "--unit",
        "XA",
    ];
    let (ok, out, err) = run_create_staff(&app, &args, "một câu mật khẩu dài\n").await;
    assert!(ok, "{err}");
    assert!(out.contains("Đã tạo tài khoản tiepnhan.02"), "{out}");
    let response = login(
        &app,
        &cookie_client(),
        "tiepnhan.02",
        "một câu mật khẩu dài",
    )
    .await;
    assert_eq!(
        status_and_body(response).await,
        (
            200,
            json!({ "username": "tiepnhan.02", "role": "reception", "unit": "XA" })
        )
    );
    // A taken username, a bad role, a short password: refused, saying why.
    let (ok, _, err) = run_create_staff(&app, &args, "một câu mật khẩu khác\n").await;
    assert!(!ok);
    assert!(err.contains("Tên đăng nhập này đã có người dùng"), "{err}");
    let args = [
        "--username",
        "moi",
        "--role",
        "boss",
        "--unit",
        "XA",
        "--password-stdin",
    ];
    let (ok, _, err) = run_create_staff(&app, &args, "1234567\n").await;
    assert!(!ok);
    assert!(err.contains("--role: Vai trò"), "{err}");
    assert!(
        err.contains("--password: Mật khẩu cần ít nhất 8 ký tự."),
        "{err}"
    );
    let sql = "SELECT COUNT(*) FROM staff_accounts";
    assert_eq!(app.database.count(sql).await, 1);
}

crate::on_both_backends!(
    sign_in_sets_a_strict_http_only_cookie,
    a_wrong_password_and_an_unknown_user_get_the_same_answer,
    five_wrong_passwords_lock_the_account,
    a_name_without_an_account_locks_alike,
    one_address_is_slowed_after_twenty_failures,
    an_idle_session_ends_after_thirty_minutes,
    a_session_ends_after_twelve_hours_even_in_use,
    logout_ends_the_session,
    every_sign_in_gets_a_new_session_id,
    staff_posts_must_come_from_the_portal,
    only_admins_manage_accounts,
    the_create_staff_command_makes_an_account_that_signs_in,
);
