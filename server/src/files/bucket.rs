//! Files in an S3-compatible bucket (AWS, MinIO, Ceph RGW...) through the `object_store` crate,
//! as objects `{2 hex}/{key}`, so several nodes share them.
//!
//! An object appears whole or not at all: it is sent in one PUT when the file is complete, or, past
//! the buffer, as a multipart upload that becomes visible when completed. A file dropped before
//! it is finished sends nothing, or leaves an incomplete multipart upload that the bucket's
//! lifecycle rule (`AbortIncompleteMultipartUpload`) removes.

use std::io;
use std::sync::Arc;

use futures::TryStreamExt;
use object_store::aws::AmazonS3Builder;
use object_store::buffered::BufWriter;
use object_store::path::Path;
use object_store::{ObjectStore, ObjectStoreExt};
use tokio::io::AsyncWriteExt;
use tokio_util::io::StreamReader;

use super::{FileReader, is_file_key, malformed};

/// Bytes kept in memory before a file goes up as a multipart upload instead of one PUT.
const BUFFER_BYTES: usize = 8 * 1024 * 1024;

/// Where the bucket is.
#[derive(Debug, Clone)]
pub struct BucketSettings {
    pub name: String,
    /// For storage other than AWS, e.g. `http://minio.internal:9000`.
    pub endpoint: Option<String>,
    pub region: String,
}

#[derive(Clone)]
pub struct Bucket {
    store: Arc<dyn ObjectStore>,
}

impl Bucket {
    /// The bucket, with credentials from the environment (`AWS_ACCESS_KEY_ID`,
    /// `AWS_SECRET_ACCESS_KEY`), never from the command line where `ps` would show them.
    pub fn s3(settings: &BucketSettings) -> io::Result<Bucket> {
        let mut builder = AmazonS3Builder::from_env()
            .with_bucket_name(&settings.name)
            .with_region(&settings.region);
        if let Some(endpoint) = &settings.endpoint {
            builder = builder
                .with_allow_http(endpoint.starts_with("http://"))
                .with_endpoint(endpoint);
        }
        let store = builder.build().map_err(io::Error::other)?;
        Ok(Bucket {
            store: Arc::new(store),
        })
    }

    fn path_of(key: &str) -> Option<Path> {
        is_file_key(key).then(|| Path::from(format!("{}/{key}", &key[..2])))
    }

    pub fn create_as(&self, key: String) -> io::Result<PartObject> {
        let path = Bucket::path_of(&key).ok_or_else(|| malformed(&key))?;
        Ok(PartObject {
            writer: BufWriter::with_capacity(self.store.clone(), path, BUFFER_BYTES),
            key,
        })
    }

    pub async fn open(&self, key: &str) -> io::Result<Option<FileReader>> {
        let Some(path) = Bucket::path_of(key) else {
            return Ok(None);
        };
        match self.store.get(&path).await {
            Ok(object) => {
                let bytes = object.into_stream().map_err(io::Error::other);
                Ok(Some(Box::pin(StreamReader::new(bytes))))
            }
            Err(object_store::Error::NotFound { .. }) => Ok(None),
            Err(error) => Err(io::Error::other(error)),
        }
    }

    pub async fn delete(&self, key: &str) -> io::Result<()> {
        let Some(path) = Bucket::path_of(key) else {
            return Ok(());
        };
        match self.store.delete(&path).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(error) => Err(io::Error::other(error)),
        }
    }
}

/// An object being written; nothing is visible under its key until [`PartObject::commit`].
pub struct PartObject {
    writer: BufWriter,
    key: String,
}

impl PartObject {
    pub async fn write(&mut self, bytes: &[u8]) -> io::Result<()> {
        self.writer.write_all(bytes).await
    }

    /// Sends what is left and completes the object; returns its key.
    pub async fn commit(mut self) -> io::Result<String> {
        self.writer.shutdown().await?;
        Ok(self.key)
    }
}
