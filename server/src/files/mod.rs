//! Attachment bytes, kept apart from the database under keys the server chooses.
//!
//! A local folder today; object storage can take its place as another variant of [`FileStore`].

mod local;

use std::io;
use std::path::PathBuf;
use std::pin::Pin;

use sha2::{Digest, Sha256};
use tokio::io::AsyncRead;

/// The bytes of a stored file, read as they are needed.
pub type FileReader = Pin<Box<dyn AsyncRead + Send>>;

/// Where attachments are kept; cheap to clone.
#[derive(Clone)]
pub enum FileStore {
    /// A folder on this machine (`{data_dir}/uploads`).
    Local(local::LocalFolder),
}

impl FileStore {
    /// A store in this folder, created if missing.
    pub fn local(root: PathBuf) -> io::Result<FileStore> {
        Ok(FileStore::Local(local::LocalFolder::new(root)?))
    }

    /// Starts a new file; nothing is visible under its key until [`NewFile::finish`].
    pub async fn create(&self) -> io::Result<NewFile> {
        let sink = match self {
            FileStore::Local(folder) => folder.create().await?,
        };
        Ok(NewFile::writing_to(sink))
    }

    /// Starts a file under a key another store made, as a restore puts back a backup's files.
    pub async fn create_as(&self, key: &str) -> io::Result<NewFile> {
        let sink = match self {
            FileStore::Local(folder) => folder.create_as(key.to_owned()).await?,
        };
        Ok(NewFile::writing_to(sink))
    }

    /// The file's bytes, or `None` when no file has this key.
    pub async fn open(&self, key: &str) -> io::Result<Option<FileReader>> {
        match self {
            FileStore::Local(folder) => Ok(folder
                .open(key)
                .await?
                .map(|file| Box::pin(file) as FileReader)),
        }
    }

    /// Removes the file; a key already gone is not an error.
    pub async fn delete(&self, key: &str) -> io::Result<()> {
        match self {
            FileStore::Local(folder) => folder.delete(key).await,
        }
    }
}

/// A file being written, hashed on the way. Dropped before `finish`, it leaves nothing behind.
pub struct NewFile {
    sink: local::PartFile,
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
    fn writing_to(sink: local::PartFile) -> NewFile {
        NewFile {
            sink,
            hasher: Sha256::new(),
            size: 0,
        }
    }

    pub async fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.hasher.update(bytes);
        self.size += bytes.len() as u64;
        self.sink.write(bytes).await
    }

    /// Makes the file durable and visible under its key.
    pub async fn finish(self) -> io::Result<StoredFile> {
        let key = self.sink.commit().await?;
        Ok(StoredFile {
            key,
            size: self.size,
            sha256: hex::encode(self.hasher.finalize()),
        })
    }
}
