//! Command line and environment.

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
use motcua_api::dossier::DEFAULT_MAX_UPLOAD_BYTES;

use crate::backup::DataLocation;
use crate::files::{BucketSettings, FileStore};
use crate::throttle::{LimitRules, Rule};

#[derive(Debug, Parser)]
#[command(
    name = "motcua",
    version,
    about = "Một Cửa: cổng dịch vụ công (citizen portal server)"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the API under /api and the built front-end.
    Serve(ServeArgs),
    /// Import the national procedure catalog (JSON Lines, plain or gzip); re-import updates.
    ImportCatalog(ImportArgs),
    /// Create a staff account; the password is asked, or read from stdin (one line).
    CreateStaff(CreateStaffArgs),
    /// Copy the database and the attachments into a new folder, while the portal serves.
    Backup(BackupArgs),
    /// Put a backup back into an empty data dir (or empty PostgreSQL database).
    Restore(RestoreArgs),
    /// Write everything held about one citizen (their dossiers, timelines, ratings and files)
    /// into a new folder, for their request to see their data.
    ExportCitizen(ExportCitizenArgs),
}

#[derive(Debug, Clone, Args)]
pub struct StorageArgs {
    /// Folder for the SQLite database and the attachments (in `uploads/`).
    #[arg(long, env = "MOTCUA_DATA_DIR", default_value = "data")]
    pub data_dir: PathBuf,
    /// Database URL; `postgres://...` selects PostgreSQL. Default: a SQLite file in the data dir.
    #[arg(long, env = "DATABASE_URL")]
    pub database_url: Option<String>,
    /// Keep attachments in this S3-compatible bucket instead of `{data dir}/uploads`; the
    /// credentials come from `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`.
    #[arg(long, env = "MOTCUA_S3_BUCKET")]
    pub s3_bucket: Option<String>,
    /// The bucket's server, for storage other than AWS (e.g. `http://minio.internal:9000`).
    #[arg(long, env = "MOTCUA_S3_ENDPOINT", requires = "s3_bucket")]
    pub s3_endpoint: Option<String>,
    #[arg(long, env = "MOTCUA_S3_REGION", default_value = "us-east-1")]
    pub s3_region: String,
}

impl StorageArgs {
    /// Where attachments are kept.
    pub fn uploads_dir(&self) -> PathBuf {
        self.data_dir.join("uploads")
    }

    /// Where attachments are kept: the bucket if one is named, else the data dir's folder.
    pub fn file_store(&self) -> std::io::Result<FileStore> {
        match &self.s3_bucket {
            Some(name) => FileStore::bucket(&BucketSettings {
                name: name.clone(),
                endpoint: self.s3_endpoint.clone(),
                region: self.s3_region.clone(),
            }),
            None => FileStore::local(self.uploads_dir()),
        }
    }

    /// The database and attachments these arguments name.
    pub fn data_location(&self) -> std::io::Result<DataLocation> {
        Ok(DataLocation {
            database_url: self.resolved_database_url()?,
            files: self.file_store()?,
        })
    }

    /// The database URL to connect to, creating the data dir for the SQLite default.
    pub fn resolved_database_url(&self) -> std::io::Result<String> {
        match &self.database_url {
            Some(url) => Ok(url.clone()),
            None => {
                std::fs::create_dir_all(&self.data_dir)?;
                Ok(format!(
                    "sqlite://{}?mode=rwc",
                    self.data_dir.join("motcua.sqlite3").display()
                ))
            }
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "MOTCUA_ADDR", default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
    /// Folder of the built front-end (Trunk's output).
    #[arg(long, env = "MOTCUA_DIST", default_value = "dist")]
    pub dist: PathBuf,
    /// Load the demo catalog shipped with the portal before serving.
    #[arg(long, env = "MOTCUA_DEMO")]
    pub demo: bool,
    /// Largest attachment accepted, in bytes.
    #[arg(long, env = "MOTCUA_MAX_UPLOAD_BYTES", default_value_t = DEFAULT_MAX_UPLOAD_BYTES)]
    pub max_upload_bytes: u64,
    /// Mark the staff session cookie `Secure` (sent over HTTPS only) and send HSTS: set it where
    /// the portal is served over HTTPS, directly or behind a proxy.
    #[arg(long, env = "MOTCUA_SECURE_COOKIES")]
    pub secure_cookies: bool,
    /// A proxy or load balancer in front of the portal, whose `X-Forwarded-For` names the
    /// client the limits count; repeat it, or separate with commas, for several.
    #[arg(long, env = "MOTCUA_TRUSTED_PROXIES", value_delimiter = ',')]
    pub trusted_proxy: Vec<IpAddr>,
    /// Dossiers one client address may submit per hour (0: no limit).
    #[arg(long, env = "MOTCUA_SUBMISSIONS_PER_HOUR", default_value_t = LimitRules::STANDARD.submissions.limit)]
    pub submissions_per_hour: u32,
    /// Files one client address may upload per hour (0: no limit).
    #[arg(long, env = "MOTCUA_UPLOADS_PER_HOUR", default_value_t = LimitRules::STANDARD.uploads.limit)]
    pub uploads_per_hour: u32,
    /// Procedure searches one client address may make per minute on one node (0: no limit).
    #[arg(long, env = "MOTCUA_SEARCHES_PER_MINUTE", default_value_t = LimitRules::STANDARD.searches.limit)]
    pub searches_per_minute: u32,
    /// Erase the personal data and files of dossiers finished more than this many years ago
    /// (0: keep them); set it per the archives rules for the office's procedures.
    #[arg(long, env = "MOTCUA_RETENTION_YEARS", default_value_t = 0)]
    pub retention_years: u16,
    #[command(flatten)]
    pub storage: StorageArgs,
}

impl ServeArgs {
    /// The standard limits, with the ones set here.
    pub fn limit_rules(&self) -> LimitRules {
        LimitRules {
            submissions: Rule::per_hour(self.submissions_per_hour),
            uploads: Rule::per_hour(self.uploads_per_hour),
            searches: Rule::per_minute(self.searches_per_minute),
            ..LimitRules::STANDARD
        }
    }
}

#[derive(Debug, Clone, Args)]
pub struct ImportArgs {
    /// The catalog file: JSON Lines, one procedure per line, plain or gzip.
    pub file: PathBuf,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Debug, Clone, Args)]
pub struct CreateStaffArgs {
    /// 3 to 32 of a-z 0-9 . _ -, starting with a letter.
    #[arg(long)]
    pub username: String,
    /// reception, processing, leader or admin.
    #[arg(long)]
    pub role: String,
    /// The reception unit, e.g. XA.
    #[arg(long)]
    pub unit: String,
    /// Read the password from stdin (one line) even on a terminal.
    #[arg(long)]
    pub password_stdin: bool,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Debug, Clone, Args)]
pub struct BackupArgs {
    /// The folder to write: new, or empty.
    #[arg(long)]
    pub to: PathBuf,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Debug, Clone, Args)]
pub struct RestoreArgs {
    /// A folder `motcua backup` wrote.
    #[arg(long)]
    pub from: PathBuf,
    #[command(flatten)]
    pub storage: StorageArgs,
}

#[derive(Debug, Clone, Args)]
pub struct ExportCitizenArgs {
    /// The citizen's ID number (12 digits).
    #[arg(long)]
    pub citizen_id: String,
    /// The folder to write: new, or empty.
    #[arg(long)]
    pub to: PathBuf,
    #[command(flatten)]
    pub storage: StorageArgs,
}
