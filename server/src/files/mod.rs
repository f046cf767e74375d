//! Attachment bytes, kept apart from the database under keys the server chooses: in a local
//! folder by default, or in an S3-compatible bucket that several nodes share.

mod bucket;
mod local;

use std::io;
use std::path::PathBuf;
use std::pin::Pin;

use sha2::{Digest, Sha256};
use tokio::io::AsyncRead;

pub use bucket::BucketSettings;

/// The bytes of a stored file, read as they are needed.
pub type FileReader = Pin<Box<dyn AsyncRead + Send>>;

/// Where attachments are kept; cheap to clone.
#[derive(Clone)]
pub enum FileStore {
    /// A folder on this machine (`{data_dir}/uploads`).
    Local(local::LocalFolder),
    /// An S3-compatible bucket.
    Bucket(bucket::Bucket),
}

/// A key this store makes: 32 lowercase hex digits (a UUID). Anything else names no file, so no
/// key can reach outside the store's folder or prefix.
fn is_file_key(key: &str) -> bool {
    key.len() == 32
        && key
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn malformed(key: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::InvalidInput,
        format!("malformed file key {key:?}"),
    )
}

fn new_key() -> String {
    uuid::Uuid::new_v4().simple().to_string()
}

impl FileStore {
    /// A store in this folder, created if missing.
    pub fn local(root: PathBuf) -> io::Result<FileStore> {
        Ok(FileStore::Local(local::LocalFolder::new(root)?))
    }

    /// A store in this S3-compatible bucket.
    pub fn bucket(settings: &BucketSettings) -> io::Result<FileStore> {
        Ok(FileStore::Bucket(bucket::Bucket::s3(settings)?))
    }

    /// Starts a new file; nothing is visible under its key until [`NewFile::finish`].
    pub async fn create(&self) -> io::Result<NewFile> {
        self.create_as(&new_key()).await
    }

    /// Starts a file under a key another store made, as a restore puts back a backup's files.
    pub async fn create_as(&self, key: &str) -> io::Result<NewFile> {
        let sink = match self {
            FileStore::Local(folder) => Sink::Local(folder.create_as(key.to_owned()).await?),
            FileStore::Bucket(bucket) => Sink::Bucket(bucket.create_as(key.to_owned())?),
        };
        Ok(NewFile {
            sink,
            hasher: Sha256::new(),
            size: 0,
        })
    }

    /// The file's bytes, or `None` when no file has this key.
    pub async fn open(&self, key: &str) -> io::Result<Option<FileReader>> {
        match self {
            FileStore::Local(folder) => Ok(folder
                .open(key)
                .await?
                .map(|file| Box::pin(file) as FileReader)),
            FileStore::Bucket(bucket) => bucket.open(key).await,
        }
    }

    /// Removes the file; a key already gone is not an error.
    pub async fn delete(&self, key: &str) -> io::Result<()> {
        match self {
            FileStore::Local(folder) => folder.delete(key).await,
            FileStore::Bucket(bucket) => bucket.delete(key).await,
        }
    }
}

/// Where a new file's bytes go.
enum Sink {
    Local(local::PartFile),
    Bucket(bucket::PartObject),
}

/// A file being written, hashed on the way. Dropped before `finish`, it leaves nothing behind.
pub struct NewFile {
    sink: Sink,
    hasher: Sha256,
    size: u64,
}

/// A file written in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredFile {
    pub key: String,
    pub size: u64,
    /// SHA-256 of the bytes, lowercase hex.
    pub sha256: String,
}

impl NewFile {
    pub async fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hasher.update(bytes);
        self.size += bytes.len() as u64;
        match &mut self.sink {
            Sink::Local(file) => file.write(bytes).await,
            Sink::Bucket(object) => object.write(bytes).await,
        }
    }

    /// Makes the file durable and visible under its key.
    pub async fn finish(self) -> io::Result<StoredFile> {
        let key = match self.sink {
            Sink::Local(file) => file.commit().await?,
            Sink::Bucket(object) => object.commit().await?,
        };
        Ok(StoredFile {
            key,
            size: self.size,
            sha256: hex::encode(self.hasher.finalize()),
        })
    }
}
