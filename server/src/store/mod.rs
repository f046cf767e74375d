//! The database: SQLite by default, PostgreSQL at scale, through one set of portable queries.
//!
//! Queries use `$1` placeholders and types both databases share (TEXT, BIGINT), so one query
//! serves both; only the migrations differ.

mod apology;
mod audit;
mod dossiers;
mod inbox;
mod procedures;
mod rate_limits;
mod ratings;
mod retention;
mod staff;
mod stats;
mod supplements;
mod uploads;
mod workflow;

use std::str::FromStr;
use std::sync::Arc;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions};
use sqlx::{Any, AnyPool, ConnectOptions, Executor, Transaction};
use tokio::sync::{Mutex, MutexGuard};

pub use apology::{PendingApology, WrittenApology};
pub use audit::{NewAuditEntry, append_audit_in};
pub use dossiers::{
    AttachedFile, DossierEvent, DossierRecord, FiledDossier, NewDossier, Submission,
};
pub use inbox::{InboxFilter, InboxRow, name_search_key};
pub use procedures::UpsertOutcome;
pub use rate_limits::WindowCount;
pub use ratings::RatingRecord;
pub use staff::{StaffAccount, StaffSession};
pub use supplements::{ResumeOutcome, Resumption, SupplementRecord};
pub use uploads::{StoredBytes, UploadRecord};
pub use workflow::{
    DossierUpload, NewResult, NewSupplement, StaffRecord, Transition, TransitionOutcome,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The database a URL names, if one the portal can use.
    pub fn of_url(url: &str) -> Option<Backend> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Backend::Postgres)
        } else if url.starts_with("sqlite:") {
            Some(Backend::Sqlite)
        } else {
            None
        }
    }
}

/// A handle on the database, cheap to clone.
#[derive(Clone)]
pub struct Store {
    pool: AnyPool,
    backend: Backend,
    /// SQLite lets one writer in at a time: writers of this process queue here, in order, rather
    /// than in SQLite's busy handler, which sleeps and retries.
    writer: Arc<Mutex<()>>,
}

impl Store {
    /// Connects and brings the schema up to date.
    pub async fn connect(url: &str) -> anyhow::Result<Store> {
        sqlx::any::install_default_drivers();
        let Some(backend) = Backend::of_url(url) else {
            anyhow::bail!("database URL must start with sqlite: or postgres://");
        };
        let options = AnyConnectOptions::from_str(url)?.disable_statement_logging();
        let pool_options = AnyPoolOptions::new().max_connections(match backend {
            Backend::Sqlite => 8,
            Backend::Postgres => 16,
        });
        let pool = match backend {
            Backend::Sqlite => {
                pool_options
                    .after_connect(|connection, _| {
                        Box::pin(async move {
                            connection
                                .execute(
                                    "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; \
                                     PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;",
                                )
                                .await?;
                            Ok(())
                        })
                    })
                    .connect_with(options)
                    .await?
            }
            Backend::Postgres => pool_options.connect_with(options).await?,
        };
        let store = Store {
            pool,
            backend,
            writer: Arc::new(Mutex::new(())),
        };
        store.migrate().await?;
        Ok(store)
    }

    async fn migrate(&self) -> anyhow::Result<()> {
        match self.backend {
            Backend::Sqlite => {
                sqlx::migrate!("./migrations/sqlite")
                    .run(&self.pool)
                    .await?
            }
            Backend::Postgres => {
                sqlx::migrate!("./migrations/postgres")
                    .run(&self.pool)
                    .await?
            }
        }
        self.fill_name_search_keys().await?;
        Ok(())
    }

    /// Waits for this process's turn to write (SQLite only; PostgreSQL locks rows itself).
    async fn write_turn(&self) -> Option<MutexGuard<'_, ()>> {
        match self.backend {
            Backend::Sqlite => Some(self.writer.lock().await),
            Backend::Postgres => None,
        }
    }

    /// A transaction that will write. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), so it never fails half-way on a lock another connection took after it began.
    async fn begin_write(&self) -> sqlx::Result<Transaction<'static, Any>> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Answers when the database does.
    pub async fn ping(&self) -> sqlx::Result<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn close(&self) {
        self.pool.close().await;
    }
}
