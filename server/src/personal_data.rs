//! `motcua export-citizen`: everything the portal holds about one citizen, for their request to
//! see it (Law 91/2025 on personal data protection). That is every dossier whose record names the
//! citizen's ID number, as the applicant or in an answer (a parent's ID, say), with its timeline,
//! rating and files, written into a folder the office hands over.

use std::path::Path;

use anyhow::Context;
use motcua_api::applicant::CitizenId;
use serde_json::{Value, json};

use crate::backup::prepare_empty_folder;
use crate::clock::unix_now;
use crate::files::FileStore;
use crate::store::{DossierRecord, Store};

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportReport {
    pub dossiers: usize,
    pub files: usize,
}

/// Writes `citizen.json` and `files/{dossier code}/{file}` into `folder`, new or empty.
pub async fn export_citizen(
    store: &Store,
    files: &FileStore,
    citizen_id: &str,
    folder: &Path,
) -> anyhow::Result<ExportReport> {
    let citizen_id =
        CitizenId::try_from(citizen_id).map_err(|message| anyhow::anyhow!("{message}"))?;
    prepare_empty_folder(folder).await?;
    let mut report = ExportReport {
        dossiers: 0,
        files: 0,
    };
    let mut dossiers = Vec::new();
    for code in store.dossier_codes_mentioning(citizen_id.as_str()).await? {
        let Some(record) = store.dossier_by_code(&code).await? else {
            continue;
        };
        let (dossier, copied) = export_dossier(store, files, &record, folder).await?;
        dossiers.push(dossier);
        report.dossiers += 1;
        report.files += copied;
    }
    let export = json!({
        "citizen_id": citizen_id.as_str(),
        "exported_at": unix_now(),
        "dossiers": dossiers,
    });
    tokio::fs::write(
        folder.join("citizen.json"),
        serde_json::to_vec_pretty(&export)?,
    )
    .await?;
    Ok(report)
}

/// One dossier as exported, and how many files it copied.
async fn export_dossier(
    store: &Store,
    files: &FileStore,
    record: &DossierRecord,
    folder: &Path,
) -> anyhow::Result<(Value, usize)> {
    let procedure: Value = serde_json::from_str(&record.procedure_snapshot)?;
    let timeline: Vec<Value> = store
        .dossier_events(&record.id)
        .await?
        .into_iter()
        .map(|event| {
            json!({"at": event.at, "status": event.status, "office": event.office, "note": event.note})
        })
        .collect();
    let rating = store.dossier_rating(&record.id).await?.map(|rating| {
        json!({
            "satisfaction": rating.satisfaction,
            "guidance_clear": rating.guidance_clear,
            "on_time": rating.on_time,
            "staff_attitude": rating.staff_attitude,
            "comment": rating.comment,
            "rated_at": rating.rated_at,
        })
    });
    let mut exported_files = Vec::new();
    for upload in store.dossier_uploads(&record.id).await? {
        // The server-made id names the copy: a citizen's file name may not suit every disk.
        let relative = format!("files/{}/{}", record.code, upload.id);
        let mut reader = files
            .open(&upload.storage_key)
            .await?
            .with_context(|| format!("file {} of {} is missing", upload.id, record.code))?;
        let path = folder.join(&relative);
        if let Some(parent) = path.parent() {
            tokio::fs::create_dir_all(parent).await?;
        }
        tokio::io::copy(&mut reader, &mut tokio::fs::File::create(&path).await?).await?;
        exported_files.push(json!({
            "name": upload.name,
            "size": upload.size,
            "content_type": upload.content_type,
            "document_index": upload.document_index,
            "path": relative,
        }));
    }
    let copied = exported_files.len();
    let dossier = json!({
        "code": record.code,
        "procedure_code": procedure["code"],
        "procedure_name": procedure["name"],
        "status": record.status,
        "submitted_at": record.submitted_at,
        "received_on": record.received_on,
        "promised_date": record.promised_date,
        "finished_on": record.finished_on,
        "filed": serde_json::from_str::<Value>(&record.body)?,
        "timeline": timeline,
        "rating": rating,
        "files": exported_files,
    });
    Ok((dossier, copied))
}
