//! Attachments: upload one file; preview or delete it while no dossier has it.
//!
//! The upload id (a random UUID) is the only key to the file: whoever uploaded it holds it.

use axum::Json;
use axum::body::Body;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::extract::{DefaultBodyLimit, Multipart, State};
use axum::http::StatusCode;
use axum::http::header::{
    CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_LENGTH, CONTENT_SECURITY_POLICY, CONTENT_TYPE,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::response::{IntoResponse, Response};
use motcua_api::ErrorBody;
use motcua_api::dossier::UploadedFile;
use motcua_api::query::percent_encode;
use motcua_api::server_messages as says;
use tokio_util::io::ReaderStream;
use utoipa::openapi::schema::AdditionalProperties;
use utoipa::openapi::{ObjectBuilder, RefOr, Schema, Type};
use utoipa::{PartialSchema, ToSchema};
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

use super::extract::{ApiPath, ClientAddress};
use super::openapi::{BadRequest, Internal, Timeout, TooManyRequests};
use crate::clock::unix_now;
use crate::domain::content_scan::ContentScan;
use crate::domain::uploads::{SNIFF_BYTES, accepted_type, clean_name};
use crate::error::{AppError, AppResult};
use crate::files::{FileReader, FileStore, NewFile};
use crate::ids::{is_id, new_id};
use crate::security::{REQUEST_TIME, UPLOAD_TIME, time_limited};
use crate::state::AppState;
use crate::store::UploadRecord;

/// Room for the multipart framing around the file: boundaries, part headers, a long name.
const MULTIPART_OVERHEAD_BYTES: u64 = 64 * 1024;

const NO_FILE: &str = says::NO_FILE.vi;
const EMPTY_FILE: &str = says::EMPTY_FILE.vi;
const TOO_MANY_UPLOADS: &str = says::TOO_MANY_UPLOADS.vi;
const ONE_FILE: &str = says::ONE_FILE.vi;
const NO_SUCH_UPLOAD: &str = says::NO_SUCH_UPLOAD.vi;
/// [`NO_SUCH_UPLOAD`], as the OpenAPI document describes it.
const NO_UPLOAD: &str = "No such upload, or a dossier has it now (`not_found`)";

/// The routes, with request bodies on `POST /uploads` capped at `max_upload_bytes` plus framing
/// and given the time a slow phone needs to send them.
pub fn router(max_upload_bytes: u64) -> OpenApiRouter<AppState> {
    let body_limit = usize::try_from(max_upload_bytes.saturating_add(MULTIPART_OVERHEAD_BYTES))
        .unwrap_or(usize::MAX);
    let receiving =
        OpenApiRouter::new().routes(routes!(upload).layer(DefaultBodyLimit::max(body_limit)));
    let reading = OpenApiRouter::new().routes(routes!(preview, remove));
    time_limited(receiving, UPLOAD_TIME).merge(time_limited(reading, REQUEST_TIME))
}

/// The body of `POST /uploads` as the OpenAPI document describes it: the handler streams the
/// parts rather than reading them into a value.
enum UploadForm {}

impl PartialSchema for UploadForm {
    fn schema() -> RefOr<Schema> {
        let file = ObjectBuilder::new()
            .schema_type(Type::String)
            .content_media_type("application/octet-stream")
            .description(Some(
                "The file: a PDF, JPEG or PNG, told by its content, never its name",
            ));
        ObjectBuilder::new()
            .property("file", file)
            .required("file")
            .additional_properties(Some(AdditionalProperties::FreeForm(false)))
            .into()
    }
}

impl ToSchema for UploadForm {}

/// `multipart/form-data` with one part named `file`: 201 and the stored file.
#[utoipa::path(
    post,
    path = "/uploads",
    tag = "uploads",
    summary = "Upload one attachment",
    description = "`multipart/form-data` with one part, `file`, streamed to storage and refused \
        as soon as it is over the server's size limit (10 MB by default).",
    request_body(content = inline(UploadForm), content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "The file, stored until a dossier takes it or it expires",
            body = UploadedFile),
        (status = 400, response = BadRequest),
        (status = 413, description = "The file is over the size limit (`payload_too_large`, \
            the limit in `message` and `fields.file`)", body = ErrorBody),
        (status = 415, description = "Not a PDF, JPEG or PNG by its content, or a PDF with \
            scripts (`unsupported_media_type`, in `fields.file`)", body = ErrorBody),
        (status = 422, description = "No part `file`, an empty file, or more than one file \
            (`validation`, in `fields.file`)", body = ErrorBody),
        (status = 429, response = TooManyRequests),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn upload(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    multipart: Result<Multipart, MultipartRejection>,
) -> AppResult<(StatusCode, Json<UploadedFile>)> {
    let mut multipart = multipart?;
    let taken = state.limits.uploads.take(client, unix_now()).await?;
    let received = match AppError::unless_limited(taken, TOO_MANY_UPLOADS) {
        Ok(()) => receive(&state, &mut multipart).await,
        Err(refused) => Err(refused),
    };
    if received.is_err() {
        // Read what the client is still sending (no more than the body limit), so it hears the
        // answer rather than a reset connection.
        while let Ok(Some(mut field)) = multipart.next_field().await {
            while let Ok(Some(_)) = field.chunk().await {}
        }
    }
    Ok((StatusCode::CREATED, Json(received?)))
}

/// Streams the file to the store, deciding its kind from its first bytes and refusing it as soon
/// as it is over the limit.
async fn receive(state: &AppState, multipart: &mut Multipart) -> AppResult<UploadedFile> {
    let limit = state.max_upload_bytes;
    let stream_error = |error: MultipartError| {
        if error.status() == StatusCode::PAYLOAD_TOO_LARGE {
            too_large(limit)
        } else {
            tracing::debug!(%error, "multipart body unreadable");
            AppError::BadRequest(says::UNREADABLE_UPLOAD.vi.into())
        }
    };
    let mut field = match multipart.next_field().await.map_err(stream_error)? {
        Some(field) if field.name() == Some("file") => field,
        _ => return Err(AppError::invalid_field("file", NO_FILE)),
    };
    let raw_name = field.file_name().map(str::to_owned);
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    let mut received: u64 = 0;
    let mut writing: Option<Writing> = None;
    while let Some(chunk) = field.chunk().await.map_err(stream_error)? {
        received += chunk.len() as u64;
        if received > limit {
            return Err(too_large(limit));
        }
        match writing.as_mut() {
            Some((file, _, scan)) => {
                scan.feed(&chunk)?;
                file.write(&chunk).await?;
            }
            None => {
                head.extend_from_slice(&chunk);
                if head.len() >= SNIFF_BYTES {
                    writing = Some(start(&state.files, &head).await?);
                }
            }
        }
    }
    if received == 0 {
        return Err(AppError::invalid_field("file", EMPTY_FILE));
    }
    let (file, content_type, scan) = match writing {
        Some(writing) => writing,
        None => start(&state.files, &head).await?,
    };
    scan.finish()?;
    drop(field);
    if multipart
        .next_field()
        .await
        .map_err(stream_error)?
        .is_some()
    {
        return Err(AppError::invalid_field("file", ONE_FILE));
    }
    let stored = file.finish().await?;
    let record = UploadRecord {
        id: new_id(),
        name: clean_name(raw_name.as_deref(), content_type),
        size: i64::try_from(stored.size).unwrap_or(i64::MAX),
        content_type: content_type.to_string(),
        sha256: stored.sha256,
        storage_key: stored.key,
        created_at: unix_now(),
    };
    if let Err(error) = state.store.insert_upload(&record).await {
        state.files.delete(&record.storage_key).await.ok();
        return Err(error.into());
    }
    Ok(UploadedFile {
        id: record.id,
        name: record.name,
        size: stored.size,
        content_type: record.content_type,
        sha256: record.sha256,
    })
}

/// A file being stored: its bytes so far, its kind and the look through its content.
type Writing = (NewFile, &'static str, ContentScan);

/// Checks the kind of the first bytes and starts the file with them.
async fn start(files: &FileStore, head: &[u8]) -> AppResult<Writing> {
    let content_type = accepted_type(head)?;
    let mut scan = ContentScan::new(content_type);
    scan.feed(head)?;
    let mut file = files.create().await?;
    file.write(head).await?;
    Ok((file, content_type, scan))
}

fn too_large(limit: u64) -> AppError {
    AppError::PayloadTooLarge(format!(
        "Tệp lớn hơn {}. Hãy chụp lại với độ phân giải thấp hơn hoặc chia nhỏ tệp PDF.",
        size_text(limit)
    ))
}

/// `10 MB`, `2,5 MB`, `512 kB`: sizes as Vietnamese read them.
fn size_text(bytes: u64) -> String {
    const MB: u64 = 1024 * 1024;
    if bytes < MB {
        return format!("{} kB", bytes.div_ceil(1024));
    }
    let tenths = (bytes * 10 + MB / 2) / MB;
    match tenths % 10 {
        0 => format!("{} MB", tenths / 10),
        decimal => format!("{},{decimal} MB", tenths / 10),
    }
}

/// The bytes, for the citizen to look at before filing; never once a dossier has the file.
#[utoipa::path(
    get,
    path = "/uploads/{id}",
    tag = "uploads",
    operation_id = "preview_upload",
    summary = "An uploaded file's bytes, while no dossier has it",
    params(("id" = String, Path, description = "The upload's id")),
    responses(
        (status = 200, description = "The file, shown inline and sandboxed",
            content(("application/pdf"), ("image/jpeg"), ("image/png"))),
        (status = 400, response = BadRequest),
        (status = 404, description = NO_UPLOAD, body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn preview(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> AppResult<Response> {
    let not_found = || AppError::NotFound(NO_SUCH_UPLOAD.into());
    if !is_id(&id) {
        return Err(not_found());
    }
    let upload = state
        .store
        .unattached_upload(&id)
        .await?
        .ok_or_else(not_found)?;
    let reader = state
        .files
        .open(&upload.storage_key)
        .await?
        .ok_or_else(not_found)?;
    let disposition = format!("inline; filename*=UTF-8''{}", percent_encode(&upload.name));
    Ok(inline_file(
        reader,
        upload.content_type,
        upload.size,
        disposition,
    ))
}

/// What a previewed file may do in the browser: run no script, load nothing but itself, and
/// show in the browser's own PDF viewer.
const PREVIEW_POLICY: &str = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; plugin-types application/pdf";

/// A stored file shown inline, as the type the server found in its bytes, never sniffed as
/// anything else, sandboxed, framed by the portal's own pages only (the staff view shows PDFs in
/// a frame) and never cached; `disposition` names it.
pub(super) fn inline_file(
    reader: FileReader,
    content_type: String,
    size: i64,
    disposition: String,
) -> Response {
    let headers = [
        (CONTENT_TYPE, content_type),
        (CONTENT_LENGTH, size.to_string()),
        (X_CONTENT_TYPE_OPTIONS, "nosniff".into()),
        (CONTENT_SECURITY_POLICY, PREVIEW_POLICY.into()),
        (X_FRAME_OPTIONS, "SAMEORIGIN".into()),
        (CONTENT_DISPOSITION, disposition),
        (CACHE_CONTROL, "private, no-store".into()),
    ];
    (headers, Body::from_stream(ReaderStream::new(reader))).into_response()
}

/// 204 once the file is gone; 404 when a dossier has it or it never existed.
#[utoipa::path(
    delete,
    path = "/uploads/{id}",
    tag = "uploads",
    summary = "Delete an uploaded file while no dossier has it",
    params(("id" = String, Path, description = "The upload's id")),
    responses(
        (status = 204, description = "The file is gone"),
        (status = 400, response = BadRequest),
        (status = 404, description = NO_UPLOAD, body = ErrorBody),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn remove(
    State(state): State<AppState>,
    ApiPath(id): ApiPath<String>,
) -> AppResult<StatusCode> {
    let not_found = || AppError::NotFound(NO_SUCH_UPLOAD.into());
    if !is_id(&id) {
        return Err(not_found());
    }
    let key = state
        .store
        .delete_unattached_upload(&id)
        .await?
        .ok_or_else(not_found)?;
    if let Err(error) = state.files.delete(&key).await {
        tracing::warn!(%error, key, "deleted upload left in the file store");
    }
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::size_text;

    #[test]
    fn sizes_read_in_vietnamese() {
        assert_eq!(size_text(10 * 1024 * 1024), "10 MB");
        assert_eq!(size_text(5 * 1024 * 1024 / 2), "2,5 MB");
        assert_eq!(size_text(1000), "1 kB");
        assert_eq!(size_text(512 * 1024), "512 kB");
    }
}
