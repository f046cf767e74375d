//! Uploaded files: a row per file, its bytes in the file store under `storage_key`.

use sqlx::Row;
use sqlx::any::AnyRow;

use super::Store;

/// The bytes a row names, as a backup copies and a restore checks them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredBytes {
    pub storage_key: String,
    pub sha256: String,
    /// A dossier holds the file: it is never deleted, so a backup must have it.
    pub attached: bool,
}

/// One uploaded file as the database keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadRecord {
    pub id: String,
    pub name: String,
    pub size: i64,
    pub content_type: String,
    pub sha256: String,
    pub storage_key: String,
    pub created_at: i64,
}

impl Store {
    pub async fn insert_upload(&self, upload: &UploadRecord) -> sqlx::Result<()> {
        let _turn = self.write_turn().await;
        sqlx::query(
            "INSERT INTO uploads (id, name, size, content_type, sha256, storage_key, created_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&upload.id)
        .bind(&upload.name)
        .bind(upload.size)
        .bind(&upload.content_type)
        .bind(&upload.sha256)
        .bind(&upload.storage_key)
        .bind(upload.created_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The upload, while no dossier has it.
    pub async fn unattached_upload(&self, id: &str) -> sqlx::Result<Option<UploadRecord>> {
        sqlx::query(
            "SELECT id, name, size, content_type, sha256, storage_key, created_at FROM uploads
             WHERE id = $1 AND dossier_id IS NULL",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await?
        .map(|row| upload_of(&row))
        .transpose()
    }

    /// Removes the upload's row if no dossier has it; returns its storage key when it did.
    pub async fn delete_unattached_upload(&self, id: &str) -> sqlx::Result<Option<String>> {
        let _turn = self.write_turn().await;
        sqlx::query_scalar(
            "DELETE FROM uploads WHERE id = $1 AND dossier_id IS NULL RETURNING storage_key",
        )
        .bind(id)
        .fetch_optional(&self.pool)
        .await
    }

    /// Removes the rows of uploads no dossier has and made before `created_before` (Unix
    /// seconds); returns their storage keys.
    pub async fn delete_unattached_uploads_before(
        &self,
        created_before: i64,
    ) -> sqlx::Result<Vec<String>> {
        let _turn = self.write_turn().await;
        sqlx::query_scalar(
            "DELETE FROM uploads WHERE dossier_id IS NULL AND created_at < $1
             RETURNING storage_key",
        )
        .bind(created_before)
        .fetch_all(&self.pool)
        .await
    }
}

impl Store {
    /// Every file the uploads name, attached or not.
    pub async fn stored_bytes(&self) -> sqlx::Result<Vec<StoredBytes>> {
        sqlx::query("SELECT storage_key, sha256, dossier_id FROM uploads ORDER BY storage_key")
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|row| {
                Ok(StoredBytes {
                    storage_key: row.try_get("storage_key")?,
                    sha256: row.try_get("sha256")?,
                    attached: row.try_get::<Option<String>, _>("dossier_id")?.is_some(),
                })
            })
            .collect()
    }

    /// Writes a consistent copy of the whole SQLite database to `path` (`VACUUM INTO`: one read
    /// transaction, so writers go on meanwhile).
    pub async fn copy_sqlite_into(&self, path: &std::path::Path) -> sqlx::Result<()> {
        sqlx::query("VACUUM INTO $1")
            .bind(path.to_string_lossy().into_owned())
            .execute(&self.pool)
            .await
            .map(|_| ())
    }
}

fn upload_of(row: &AnyRow) -> sqlx::Result<UploadRecord> {
    Ok(UploadRecord {
        id: row.try_get("id")?,
        name: row.try_get("name")?,
        size: row.try_get("size")?,
        content_type: row.try_get("content_type")?,
        sha256: row.try_get("sha256")?,
        storage_key: row.try_get("storage_key")?,
        created_at: row.try_get("created_at")?,
    })
}
