//! `spawn_app`: the real server on port 0 over a fresh database, SQLite or PostgreSQL.

use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use motcua_api::dossier::DEFAULT_MAX_UPLOAD_BYTES;
use motcua_server::app;
use motcua_server::files::FileStore;
use motcua_server::store::Store;
use motcua_server::throttle::{LimitRules, Rule};
use tokio::net::TcpListener;

pub use motcua_server::store::Backend;

/// Where the tests find PostgreSQL (the test command starts it); override with `TEST_POSTGRES_URL`.
fn postgres_admin_url() -> String {
    std::env::var("TEST_POSTGRES_URL")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

/// A database made for one test and removed after it, even when the test fails.
pub struct TestDatabase {
    pub url: String,
    postgres_name: Option<String>,
    _dir: Option<tempfile::TempDir>,
}

impl TestDatabase {
    pub async fn create(backend: Backend) -> TestDatabase {
        let dir = tempfile::tempdir().expect("temp dir");
        match backend {
            Backend::Sqlite => TestDatabase {
                url: format!(
                    "sqlite://{}?mode=rwc",
                    dir.path().join("test.sqlite3").display()
                ),
                postgres_name: None,
                _dir: Some(dir),
            },
            Backend::Postgres => {
                static COUNTER: AtomicU32 = AtomicU32::new(0);
                let name = format!(
                    "motcua_test_{}_{}",
                    std::process::id(),
                    COUNTER.fetch_add(1, Ordering::Relaxed)
                );
                admin_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).await;
                admin_execute(&format!("CREATE DATABASE {name}")).await;
                let base = postgres_admin_url();
                let server = base
                    .rsplit_once('/')
                    .map(|(server, _)| server)
                    .unwrap_or(&base);
                TestDatabase {
                    url: format!("{server}/{name}"),
                    postgres_name: Some(name),
                    _dir: Some(dir),
                }
            }
        }
    }

    /// A SQLite database in this file, which the caller's folder keeps.
    pub fn sqlite_file(path: &Path) -> TestDatabase {
        TestDatabase {
            url: format!("sqlite://{}?mode=rwc", path.display()),
            postgres_name: None,
            _dir: None,
        }
    }

    pub async fn store(&self) -> Store {
        Store::connect(&self.url).await.expect("connect test store")
    }

    /// A connection holding the lock filing needs until it sends `COMMIT`: submissions made
    /// meanwhile all wait at the same point, then race.
    pub async fn hold_filing(&self) -> sqlx::AnyConnection {
        use sqlx::{Connection, Executor};
        sqlx::any::install_default_drivers();
        let mut connection = sqlx::AnyConnection::connect(&self.url)
            .await
            .expect("connect");
        let statements: &[&str] = match self.postgres_name {
            Some(_) => &["BEGIN", "LOCK TABLE dossier_sequences IN EXCLUSIVE MODE"],
            None => &["BEGIN IMMEDIATE"],
        };
        for statement in statements {
            connection.execute(*statement).await.expect(statement);
        }
        connection
    }

    /// One number from a query run directly on the database.
    pub async fn count(&self, sql: &str) -> i64 {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        let mut connection = sqlx::AnyConnection::connect(&self.url)
            .await
            .expect("connect");
        sqlx::query_scalar(sql)
            .fetch_one(&mut connection)
            .await
            .unwrap_or_else(|error| panic!("{sql}: {error}"))
    }

    /// Runs a statement directly on the database, e.g. to age a row; how many rows it touched.
    pub async fn execute(&self, sql: &str) -> u64 {
        use sqlx::Connection;
        sqlx::any::install_default_drivers();
        let mut connection = sqlx::AnyConnection::connect(&self.url)
            .await
            .expect("connect");
        sqlx::query(sql)
            .execute(&mut connection)
            .await
            .unwrap_or_else(|error| panic!("{sql}: {error}"))
            .rows_affected()
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some(name) = self.postgres_name.take() {
            // Drop runs outside any runtime guarantee (also while unwinding), so use our own.
            std::thread::spawn(move || {
                tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("runtime")
                    .block_on(admin_execute(&format!(
                        "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                    )));
            })
            .join()
            .ok();
        }
    }
}

async fn admin_execute(sql: &str) {
    use sqlx::Connection;
    let mut connection = sqlx::PgConnection::connect(&postgres_admin_url())
        .await
        .expect("PostgreSQL must run on 127.0.0.1:5432 for the tests (see README)");
    sqlx::Executor::execute(&mut connection, sql)
        .await
        .unwrap_or_else(|error| panic!("{sql}: {error}"));
}

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub store: Store,
    pub files: FileStore,
    /// The file store's folder, `uploads/` in `data_dir`.
    pub uploads_dir: PathBuf,
    pub data_dir: tempfile::TempDir,
    pub database: TestDatabase,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.address)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .send()
            .await
            .expect("request")
    }

    /// GET that must answer `status` with a JSON body.
    pub async fn get_json(&self, path: &str, status: u16) -> serde_json::Value {
        let response = self.get(path).await;
        assert_eq!(response.status().as_u16(), status, "GET {path}");
        response.json().await.expect("JSON body")
    }

    /// `POST /api/uploads` with one part `file`, as a browser sends it.
    pub async fn upload(
        &self,
        bytes: Vec<u8>,
        name: &str,
        content_type: &str,
    ) -> reqwest::Response {
        let part = reqwest::multipart::Part::bytes(bytes)
            .file_name(name.to_string())
            .mime_str(content_type)
            .expect("content type");
        self.client
            .post(self.url("/api/uploads"))
            .multipart(reqwest::multipart::Form::new().part("file", part))
            .send()
            .await
            .expect("request")
    }

    /// An upload that must succeed; its id.
    pub async fn upload_id(&self, bytes: Vec<u8>, name: &str) -> String {
        let response = self.upload(bytes, name, "application/octet-stream").await;
        assert_eq!(response.status().as_u16(), 201, "upload {name}");
        let body: serde_json::Value = response.json().await.expect("JSON body");
        body["id"].as_str().expect("id").to_string()
    }

    /// `POST /api/dossiers` under this idempotency key.
    pub async fn submit(&self, key: &str, dossier: &serde_json::Value) -> reqwest::Response {
        self.client
            .post(self.url("/api/dossiers"))
            .header("Idempotency-Key", key)
            .json(dossier)
            .send()
            .await
            .expect("request")
    }

    /// How many files the file store holds.
    pub fn stored_file_count(&self) -> usize {
        fn count(dir: &Path) -> usize {
            std::fs::read_dir(dir)
                .expect("read dir")
                .map(|entry| entry.expect("entry").path())
                .map(|path| if path.is_dir() { count(&path) } else { 1 })
                .sum()
        }
        count(&self.uploads_dir)
    }
}

/// How a test server is set up, beyond its data.
#[derive(Clone)]
pub struct Settings {
    pub dist: PathBuf,
    pub max_upload_bytes: u64,
    pub limit_rules: LimitRules,
    pub trusted_proxies: Vec<IpAddr>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            dist: PathBuf::from("/nonexistent-dist"),
            max_upload_bytes: DEFAULT_MAX_UPLOAD_BYTES,
            limit_rules: LimitRules::STANDARD,
            trusted_proxies: Vec::new(),
        }
    }
}

/// The server with the demo catalog, serving the front-end from `dist`.
pub async fn spawn_app_with_dist(backend: Backend, dist: &Path) -> TestApp {
    spawn_app_with(
        backend,
        Settings {
            dist: dist.to_path_buf(),
            ..Settings::default()
        },
    )
    .await
}

/// The server with the demo catalog and no front-end.
pub async fn spawn_app(backend: Backend) -> TestApp {
    spawn_app_with(backend, Settings::default()).await
}

/// The server taking attachments of at most `max_upload_bytes`.
pub async fn spawn_app_with_upload_limit(backend: Backend, max_upload_bytes: u64) -> TestApp {
    spawn_app_with(
        backend,
        Settings {
            max_upload_bytes,
            ..Settings::default()
        },
    )
    .await
}

/// The server refusing lookups from an address after `limit` failed ones within ten minutes.
pub async fn spawn_app_with_lookup_limit(backend: Backend, limit: u32) -> TestApp {
    let limit_rules = LimitRules {
        failed_lookups: Rule::new(limit, Duration::from_secs(600)),
        ..LimitRules::STANDARD
    };
    spawn_app_with(
        backend,
        Settings {
            limit_rules,
            ..Settings::default()
        },
    )
    .await
}

/// The server so set up, over a fresh database.
pub async fn spawn_app_with(backend: Backend, settings: Settings) -> TestApp {
    let database = TestDatabase::create(backend).await;
    let data_dir = tempfile::tempdir().expect("temp dir");
    serve_on(database, data_dir, settings).await
}

/// The server with the demo catalog over data already there (the attachments in
/// `data_dir/uploads`), e.g. a restored backup.
pub async fn spawn_app_on(database: TestDatabase, data_dir: tempfile::TempDir) -> TestApp {
    serve_on(database, data_dir, Settings::default()).await
}

/// Another node over the same database as `app` (with attachments of its own).
pub async fn spawn_second_node(app: &TestApp, settings: Settings) -> TestApp {
    let database = TestDatabase {
        url: app.database.url.clone(),
        postgres_name: None,
        _dir: None,
    };
    serve_on(database, tempfile::tempdir().expect("temp dir"), settings).await
}

async fn serve_on(
    database: TestDatabase,
    data_dir: tempfile::TempDir,
    settings: Settings,
) -> TestApp {
    let store = database.store().await;
    let uploads_dir = data_dir.path().join("uploads");
    let files = FileStore::local(uploads_dir.clone()).expect("file store");
    let mut state = app::prepare(
        store.clone(),
        files.clone(),
        settings.max_upload_bytes,
        true,
    )
    .await
    .expect("prepare");
    state.limits = settings.limit_rules.limits(&store);
    state.trusted_proxies = settings.trusted_proxies.into();
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = format!("http://{}", listener.local_addr().expect("address"));
    let service =
        app::router(state, &settings.dist).into_make_service_with_connect_info::<SocketAddr>();
    tokio::spawn(async move { axum::serve(listener, service).await.expect("serve") });
    TestApp {
        address,
        client: reqwest::Client::new(),
        store,
        files,
        uploads_dir,
        data_dir,
        database,
    }
}

/// Runs each listed `async fn(Backend)` as a test on SQLite and again on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::helpers::Backend::Sqlite).await
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test]
                async fn $name() {
                    super::$name($crate::helpers::Backend::Postgres).await
                }
            )*
        }
    };
}
