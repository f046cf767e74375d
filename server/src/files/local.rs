//! Files in a folder: `{root}/{first two hex digits}/{key}`, written under `{root}/tmp` first and
//! renamed into place when complete, so a reader never sees half a file.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use tokio::fs::File;
use tokio::io::AsyncWriteExt;

use super::{is_file_key, malformed};

#[derive(Clone)]
pub struct LocalFolder {
    root: Arc<PathBuf>,
}

impl LocalFolder {
    pub fn new(root: PathBuf) -> io::Result<LocalFolder> {
        std::fs::create_dir_all(root.join("tmp"))?;
        Ok(LocalFolder {
            root: Arc::new(root),
        })
    }

    /// Where the file of `key` lives; `None` for anything but a key this store made.
    fn path_of(&self, key: &str) -> Option<PathBuf> {
        is_file_key(key).then(|| self.root.join(&key[..2]).join(key))
    }

    /// A file under `key`: new, or another store's (a restore).
    pub async fn create_as(&self, key: String) -> io::Result<PartFile> {
        let target = self.path_of(&key).ok_or_else(|| malformed(&key))?;
        let temp = self.root.join("tmp").join(format!("{key}.part"));
        let file = File::create_new(&temp).await?;
        Ok(PartFile {
            file,
            temp,
            target,
            key,
            committed: false,
        })
    }

    pub async fn open(&self, key: &str) -> io::Result<Option<File>> {
        let Some(path) = self.path_of(key) else {
            return Ok(None);
        };
        match File::open(path).await {
            Ok(file) => Ok(Some(file)),
            Err(error) if error.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(error) => Err(error),
        }
    }

    pub async fn delete(&self, key: &str) -> io::Result<()> {
        let Some(path) = self.path_of(key) else {
            return Ok(());
        };
        match tokio::fs::remove_file(path).await {
            Err(error) if error.kind() != io::ErrorKind::NotFound => Err(error),
            _ => Ok(()),
        }
    }
}

/// A file under `tmp/` until committed; removed if dropped before.
pub struct PartFile {
    file: File,
    temp: PathBuf,
    target: PathBuf,
    key: String,
    committed: bool,
}

impl PartFile {
    pub async fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.file.write_all(bytes).await
    }

    /// Flushes to disk and moves the file to its place; returns its key.
    pub async fn commit(mut self) -> io::Result<String> {
        self.file.flush().await?;
        self.file.sync_data().await?;
        tokio::fs::create_dir_all(self.target.parent().unwrap_or(Path::new("."))).await?;
        tokio::fs::rename(&self.temp, &self.target).await?;
        self.committed = true;
        Ok(std::mem::take(&mut self.key))
    }
}

impl Drop for PartFile {
    fn drop(&mut self) {
        if !self.committed {
            let _ = std::fs::remove_file(&self.temp);
        }
    }
}
