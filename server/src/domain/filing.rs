//! Filing a dossier: the shared rules check it, then it is numbered, dated and stored with its
//! attachments; and its receipt (phiếu tiếp nhận và hẹn trả kết quả).

use motcua_api::calendar;
use motcua_api::date::vietnam_local_time;
use motcua_api::dossier::{
    DossierReceipt, DossierStatus, ReceivedDocument, ReceivedFile, mask_phone, receiving_unit,
};
use motcua_api::filing::{DossierInput, ValidDossier, validate};
use motcua_api::staff::Channel;
use motcua_api::{ChannelKind, Procedure, ProcessingTime};

use crate::domain::columns::Columns;
use crate::error::{AppError, AppResult};
use crate::ids::{new_id, random_token, sha256_hex};
use crate::store::{AttachedFile, DossierRecord, FiledDossier, NewDossier, Store, Submission};

const UNKNOWN_PROCEDURE: &str = motcua_api::server_messages::UNKNOWN_PROCEDURE.vi;
/// The first step of every timeline of a dossier filed online.
pub const SUBMITTED_NOTE: &str =
    "Hồ sơ đã được nộp trực tuyến và đang chờ bộ phận một cửa tiếp nhận.";
/// The first step of a dossier filed at the counter, received there and then.
pub const RECEIVED_AT_COUNTER_NOTE: &str = "Hồ sơ đã được tiếp nhận trực tiếp tại bộ phận một cửa.";
const UPLOAD_GONE: &str = motcua_api::server_messages::UPLOAD_GONE.vi;

/// A filed dossier's receipt, and whether an earlier request had filed it.
pub struct Filed {
    pub receipt: DossierReceipt,
    pub replayed: bool,
}

/// Files the dossier at Unix time `now`, online (submitted, waiting for reception) or at the
/// counter (received as it is filed). The same `idempotency_key` with the same input and channel
/// gives back the dossier filed the first time; with anything else it is refused.
pub async fn file_dossier(
    store: &Store,
    input: &DossierInput,
    idempotency_key: &str,
    channel: Channel,
    now: i64,
) -> AppResult<Filed> {
    let procedure = store
        .procedure(input.procedure_code.trim())
        .await?
        .ok_or_else(|| {
            AppError::invalid_dossier([("procedure_code".to_string(), UNKNOWN_PROCEDURE)])
        })?;
    let filed_at = vietnam_local_time(now);
    let dossier = validate(&procedure, input, filed_at.date).map_err(AppError::invalid_dossier)?;
    let received_on = calendar::reception_date(filed_at);
    let (status, filed_by, note) = match channel {
        Channel::Online => (
            DossierStatus::Submitted,
            ChannelKind::Online,
            SUBMITTED_NOTE,
        ),
        Channel::Counter => (
            DossierStatus::Received,
            ChannelKind::Counter,
            RECEIVED_AT_COUNTER_NOTE,
        ),
    };
    let (time, processing_time) = processing_time(&procedure, filed_by);
    // Online requests keep the hash they always had; counter ones hash their channel too, so a
    // key never replays a dossier filed through the other channel.
    let mut request = serde_json::to_vec(input).map_err(anyhow::Error::from)?;
    if channel == Channel::Counter {
        request.splice(0..0, b"counter:".iter().copied());
    }
    let new = NewDossier {
        id: new_id(),
        unit: receiving_unit(&procedure),
        day: filed_at.date,
        procedure_code: procedure.code.clone(),
        procedure_snapshot: serde_json::to_string(&procedure).map_err(anyhow::Error::from)?,
        applicant_name: dossier.applicant.full_name.to_string(),
        phone: dossier.applicant.phone.to_string(),
        body: serde_json::to_string(&dossier).map_err(anyhow::Error::from)?,
        submitted_at: now,
        received_on,
        promised_date: time.map(|time| calendar::promised_date(received_on, time)),
        processing_time,
        delivery: dossier.delivery.as_str().to_string(),
        tracking_token: random_token()?,
        office: procedure.agency.clone(),
        submitted_note: note.to_string(),
        status,
        channel,
        field: procedure.field.clone(),
        documents: dossier.documents.clone(),
        idempotency_key: idempotency_key.to_string(),
        request_hash: sha256_hex(&request),
    };
    let (filed, replayed) = match store.submit_dossier(&new).await? {
        Submission::Created(filed) => (*filed, false),
        Submission::Replayed(code) => {
            let record = store
                .dossier_by_code(&code)
                .await?
                .ok_or_else(|| anyhow::anyhow!("dossier {code} vanished after filing"))?;
            let files = store.attached_files(&record.id).await?;
            (FiledDossier { record, files }, true)
        }
        Submission::KeyReused => return Err(AppError::IdempotencyConflict),
        Submission::UnavailableUploads(documents) => {
            return Err(AppError::invalid_dossier(
                documents
                    .into_iter()
                    .map(|index| (format!("documents.{index}"), UPLOAD_GONE)),
            ));
        }
    };
    Ok(Filed {
        receipt: receipt_with_files(&filed.record, &filed.files)?,
        replayed,
    })
}

/// The processing time promised for a dossier filed through `filed_by` (online or at the
/// counter): that channel's, else the other's, else the first channel giving one; with the text
/// as published.
fn processing_time(
    procedure: &Procedure,
    filed_by: ChannelKind,
) -> (Option<ProcessingTime>, String) {
    let timed = |kind: ChannelKind| {
        procedure
            .channels
            .iter()
            .find(|channel| channel.kind == kind && channel.time.is_some())
    };
    let other = match filed_by {
        ChannelKind::Online => ChannelKind::Counter,
        _ => ChannelKind::Online,
    };
    let channel = timed(filed_by).or_else(|| timed(other)).or_else(|| {
        procedure
            .channels
            .iter()
            .find(|channel| channel.time.is_some())
    });
    match channel {
        Some(channel) => (channel.time, channel.time_text.clone()),
        None => (
            None,
            procedure
                .channels
                .iter()
                .map(|channel| channel.time_text.trim())
                .find(|text| !text.is_empty())
                .unwrap_or_default()
                .to_string(),
        ),
    }
}

/// The receipt of a stored dossier: its procedure as filed, and each document with its files.
pub async fn receipt(store: &Store, record: &DossierRecord) -> anyhow::Result<DossierReceipt> {
    let files = store.attached_files(&record.id).await?;
    receipt_with_files(record, &files)
}

fn receipt_with_files(
    record: &DossierRecord,
    files: &[AttachedFile],
) -> anyhow::Result<DossierReceipt> {
    let procedure: Procedure = serde_json::from_str(&record.procedure_snapshot)?;
    let dossier: ValidDossier = serde_json::from_str(&record.body)?;
    let documents = dossier
        .documents
        .iter()
        .map(|(index, ids)| ReceivedDocument {
            name: procedure
                .documents
                .get(*index)
                .map(|document| document.name.clone())
                .unwrap_or_default(),
            files: ids
                .iter()
                .filter_map(|id| files.iter().find(|file| &file.id == id))
                .map(|file| ReceivedFile {
                    name: file.name.clone(),
                    size: u64::try_from(file.size).unwrap_or_default(),
                })
                .collect(),
        })
        .filter(|document| !document.files.is_empty())
        .collect();
    let columns = Columns::of(&record.code);
    Ok(DossierReceipt {
        code: columns.code()?,
        status: columns.status(&record.status, "status")?,
        procedure_code: procedure.code,
        procedure_name: procedure.name,
        agency: procedure.agency,
        applicant_name: record.applicant_name.clone(),
        phone_masked: mask_phone(&record.phone),
        submitted_at: record.submitted_at,
        received_on: columns.date(&record.received_on, "received_on")?,
        promised_date: columns.optional_date(record.promised_date.as_deref(), "promised_date")?,
        processing_time: record.processing_time.clone(),
        documents,
        delivery: columns.delivery(&record.delivery)?,
        tracking_token: record.tracking_token.clone(),
    })
}
