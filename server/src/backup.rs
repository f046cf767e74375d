//! `motcua backup` and `motcua restore`: the database and the attachments together, consistent,
//! taken while the portal serves.
//!
//! The database is copied first, as one snapshot (SQLite `VACUUM INTO`; PostgreSQL `pg_dump`,
//! which reads in one transaction). The files come after it: a stored file never changes and a
//! file a dossier holds is never deleted, so every file the snapshot names is still there to copy.
//! The manifest is written last: a folder without one is a backup cut short, and restore refuses it.

use std::fmt;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};
use serde::{Deserialize, Serialize};
use tokio::io::AsyncReadExt;

use crate::clock::unix_now;
use crate::files::{FileStore, StoredFile};
use crate::store::{Backend, Store};

const MANIFEST: &str = "manifest.json";
const SQLITE_COPY: &str = "database.sqlite3";
const POSTGRES_DUMP: &str = "database.pgdump";
const FILES: &str = "uploads";
/// Bumped when the layout of a backup folder changes.
const FORMAT: u32 = 1;

#[derive(Debug, Serialize, Deserialize)]
struct Manifest {
    format: u32,
    backend: BackendName,
    /// Unix seconds when the database snapshot was taken.
    taken_at: i64,
    files: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
enum BackendName {
    Sqlite,
    Postgres,
}

impl From<Backend> for BackendName {
    fn from(backend: Backend) -> BackendName {
        match backend {
            Backend::Sqlite => BackendName::Sqlite,
            Backend::Postgres => BackendName::Postgres,
        }
    }
}

/// Where the portal keeps its data: the database and the attachments.
#[derive(Clone)]
pub struct DataLocation {
    pub database_url: String,
    pub files: FileStore,
}

/// What a backup or a restore copied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CopyReport {
    /// Files copied.
    pub files: usize,
    /// Drafts' files deleted by the hourly sweep between the snapshot and the copy.
    pub swept_drafts: usize,
}

impl fmt::Display for CopyReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "database and {} files copied", self.files)?;
        if self.swept_drafts > 0 {
            write!(
                f,
                " ({} unsubmitted drafts' files were swept meanwhile)",
                self.swept_drafts
            )?;
        }
        Ok(())
    }
}

/// Copies the portal's data into `folder`, which must be new or empty.
pub async fn backup(data: &DataLocation, folder: &Path) -> anyhow::Result<CopyReport> {
    prepare_empty_folder(folder).await?;
    let store = Store::connect(&data.database_url).await?;
    let taken_at = unix_now();
    match store.backend() {
        Backend::Sqlite => store
            .copy_sqlite_into(&folder.join(SQLITE_COPY))
            .await
            .context("copying the SQLite database")?,
        Backend::Postgres => {
            let dump = folder.join(POSTGRES_DUMP);
            run(
                "pg_dump",
                &[
                    "--format=custom".as_ref(),
                    "--file".as_ref(),
                    dump.as_os_str(),
                    data.database_url.as_ref(),
                ],
            )
            .await?
        }
    }
    let report =
        copy_named_files(&store, &data.files, &FileStore::local(folder.join(FILES))?).await?;
    store.close().await;
    let manifest = Manifest {
        format: FORMAT,
        backend: store.backend().into(),
        taken_at,
        files: report.files,
    };
    tokio::fs::write(folder.join(MANIFEST), serde_json::to_vec_pretty(&manifest)?).await?;
    Ok(report)
}

/// Puts a backup back into an empty database and attachments' folder, checking every file
/// against the SHA-256 its row keeps.
pub async fn restore(folder: &Path, data: &DataLocation) -> anyhow::Result<CopyReport> {
    let manifest: Manifest = match tokio::fs::read(folder.join(MANIFEST)).await {
        Ok(bytes) => serde_json::from_slice(&bytes).context("reading manifest.json")?,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
            bail!(
                "{} is not a whole backup: it has no {MANIFEST}",
                folder.display()
            )
        }
        Err(error) => return Err(error.into()),
    };
    if manifest.format != FORMAT {
        bail!("backup format {} is not {FORMAT}", manifest.format);
    }
    let Some(backend) = Backend::of_url(&data.database_url) else {
        bail!("database URL must start with sqlite: or postgres://");
    };
    if manifest.backend != backend.into() {
        bail!(
            "this backup is of a {:?} database; restore it into the same kind",
            manifest.backend
        );
    }
    match backend {
        Backend::Sqlite => {
            let target = sqlite_file_of(&data.database_url);
            if tokio::fs::try_exists(&target).await? {
                bail!(
                    "{} already exists: restore into an empty data folder",
                    target.display()
                );
            }
            if let Some(parent) = target.parent() {
                tokio::fs::create_dir_all(parent).await?;
            }
            tokio::fs::copy(folder.join(SQLITE_COPY), &target).await?;
        }
        Backend::Postgres => {
            ensure_empty_postgres(&data.database_url).await?;
            let dump = folder.join(POSTGRES_DUMP);
            run(
                "pg_restore",
                &[
                    "--no-owner".as_ref(),
                    "--no-privileges".as_ref(),
                    "--exit-on-error".as_ref(),
                    "--dbname".as_ref(),
                    data.database_url.as_ref(),
                    dump.as_os_str(),
                ],
            )
            .await?
        }
    }
    // Connecting brings a backup of an older release up to this release's schema.
    let store = Store::connect(&data.database_url).await?;
    let report =
        copy_named_files(&store, &FileStore::local(folder.join(FILES))?, &data.files).await?;
    store.close().await;
    Ok(report)
}

/// Copies every file the database names from `source` to `target`. A dossier's file that is
/// missing, or whose bytes are not the ones recorded, stops the copy.
async fn copy_named_files(
    store: &Store,
    source: &FileStore,
    target: &FileStore,
) -> anyhow::Result<CopyReport> {
    let mut report = CopyReport {
        files: 0,
        swept_drafts: 0,
    };
    for named in store.stored_bytes().await? {
        match copy_file(source, target, &named.storage_key).await? {
            Some(copied) if copied.sha256 == named.sha256 => report.files += 1,
            Some(_) => bail!("file {} does not match its SHA-256", named.storage_key),
            None if named.attached => bail!("file {} of a dossier is missing", named.storage_key),
            None => report.swept_drafts += 1,
        }
    }
    Ok(report)
}

async fn copy_file(
    source: &FileStore,
    target: &FileStore,
    key: &str,
) -> anyhow::Result<Option<StoredFile>> {
    let Some(mut reader) = source.open(key).await? else {
        return Ok(None);
    };
    let mut file = target.create_as(key).await?;
    let mut buffer = vec![0; 64 * 1024];
    loop {
        let read = reader.read(&mut buffer).await?;
        if read == 0 {
            break;
        }
        file.write(&buffer[..read]).await?;
    }
    Ok(Some(file.finish().await?))
}

/// Makes `folder` if missing; refuses one that holds anything.
pub(crate) async fn prepare_empty_folder(folder: &Path) -> anyhow::Result<()> {
    tokio::fs::create_dir_all(folder).await?;
    if tokio::fs::read_dir(folder)
        .await?
        .next_entry()
        .await?
        .is_some()
    {
        bail!("{} is not empty: write into a new folder", folder.display());
    }
    Ok(())
}

/// The file of a `sqlite:` URL, without its options.
fn sqlite_file_of(url: &str) -> PathBuf {
    let path = url
        .trim_start_matches("sqlite:")
        .trim_start_matches("//")
        .split('?')
        .next()
        .unwrap_or_default();
    PathBuf::from(path)
}

async fn ensure_empty_postgres(url: &str) -> anyhow::Result<()> {
    sqlx::any::install_default_drivers();
    let pool = sqlx::AnyPool::connect(url).await?;
    let tables: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = 'public'",
    )
    .fetch_one(&pool)
    .await?;
    pool.close().await;
    if tables > 0 {
        bail!("the database already has tables: restore into an empty database");
    }
    Ok(())
}

/// Runs a PostgreSQL client program; its error output becomes the error.
async fn run(program: &str, args: &[&std::ffi::OsStr]) -> anyhow::Result<()> {
    let output = tokio::process::Command::new(program)
        .args(args)
        .output()
        .await
        .with_context(|| format!("running {program} (PostgreSQL client programs)"))?;
    if !output.status.success() {
        bail!(
            "{program} failed: {}",
            String::from_utf8_lossy(&output.stderr).trim()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_of_a_sqlite_url() {
        assert_eq!(
            sqlite_file_of("sqlite:///var/lib/motcua/motcua.sqlite3?mode=rwc"),
            PathBuf::from("/var/lib/motcua/motcua.sqlite3")
        );
        assert_eq!(
            sqlite_file_of("sqlite://data/motcua.sqlite3"),
            PathBuf::from("data/motcua.sqlite3")
        );
        assert_eq!(sqlite_file_of("sqlite:data.db"), PathBuf::from("data.db"));
    }
}
