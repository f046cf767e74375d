//! The real `motcua serve` binary in a process of its own, as an operator runs it.

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

/// A running `motcua serve` on a fixed port; killed when dropped.
pub struct ServerProcess {
    child: Child,
    pub base: String,
}

/// How to start one.
pub struct ServerOptions<'a> {
    pub data_dir: &'a Path,
    pub database_url: &'a str,
    /// More `serve` options.
    pub extra: &'a [&'a str],
    /// More environment variables.
    pub env: &'a [(&'a str, &'a str)],
    /// `RUST_LOG`.
    pub log_filter: &'a str,
    /// Where its log goes; nowhere by default.
    pub log_file: Option<PathBuf>,
}

impl<'a> ServerOptions<'a> {
    pub fn new(data_dir: &'a Path, database_url: &'a str) -> ServerOptions<'a> {
        ServerOptions {
            data_dir,
            database_url,
            extra: &[],
            env: &[],
            log_filter: "error",
            log_file: None,
        }
    }
}

impl ServerProcess {
    /// Starts it and waits until `/api/health` answers.
    pub async fn start(port: u16, options: &ServerOptions<'_>) -> ServerProcess {
        let log = match &options.log_file {
            Some(path) => Stdio::from(std::fs::File::create(path).expect("log file")),
            None => Stdio::null(),
        };
        let base = format!("http://127.0.0.1:{port}");
        let server = ServerProcess {
            child: Command::new(env!("CARGO_BIN_EXE_motcua"))
                .args(["serve", "--demo", "--addr", &format!("127.0.0.1:{port}")])
                .arg("--data-dir")
                .arg(options.data_dir)
                .args(["--database-url", options.database_url])
                .args(["--dist", "/nonexistent-dist"])
                .args(options.extra)
                .envs(options.env.iter().copied())
                .env("RUST_LOG", options.log_filter)
                .stdout(log)
                .spawn()
                .expect("start motcua serve"),
            base,
        };
        let health = format!("{}/api/health", server.base);
        for _ in 0..300 {
            if reqwest::get(&health)
                .await
                .is_ok_and(|response| response.status().is_success())
            {
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("the server did not answer {health}");
    }

    /// SIGKILL: no shutdown, no flush, nothing the process could still do.
    pub fn kill(mut self) {
        self.child.kill().expect("SIGKILL");
        self.child.wait().expect("wait");
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port nobody listens on now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("address")
        .port()
}

/// moto's S3-compatible server (PyPI `moto[server]`, installed by the test command into
/// `.venv`), with one empty bucket.
pub struct S3Server {
    child: Child,
    pub endpoint: String,
}

impl S3Server {
    pub async fn start(bucket: &str) -> S3Server {
        let program = Path::new(env!("CARGO_MANIFEST_DIR")).join("../.venv/bin/moto_server");
        let port = free_port();
        let server = S3Server {
            child: Command::new(&program)
                .args(["-H", "127.0.0.1", "-p", &port.to_string()])
                .stdout(Stdio::null())
                .stderr(Stdio::null())
                .spawn()
                .unwrap_or_else(|error| {
                    panic!(
                        "{}: {error} (bash scripts/test.sh installs it)",
                        program.display()
                    )
                }),
            endpoint: format!("http://127.0.0.1:{port}"),
        };
        let client = reqwest::Client::new();
        let bucket_url = format!("{}/{bucket}", server.endpoint);
        for _ in 0..300 {
            if let Ok(response) = client.put(&bucket_url).send().await {
                assert!(
                    response.status().is_success(),
                    "create bucket: {}",
                    response.status()
                );
                return server;
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        panic!("moto did not answer on {}", server.endpoint);
    }
}

impl Drop for S3Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
