//! The server's one error type and the JSON body every error answers with.

use std::collections::BTreeMap;
use std::fmt;

use axum::Json;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::http::header::RETRY_AFTER;
use axum::http::{HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use motcua_api::filing::FieldErrors;
use motcua_api::rating::{ALREADY_RATED, INVALID_RATING, NOT_RATABLE};
use motcua_api::server_messages as says;
use motcua_api::staff::FORBIDDEN;
use motcua_api::{ErrorBody, QueryError};

/// The message above the fields of a dossier that failed its checks.
pub const INVALID_DOSSIER: &str = says::INVALID_DOSSIER.vi;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found: {0}")]
    NotFound(String),
    /// A bad request parameter, named, with the message for the person who sent it.
    #[error("bad parameter {parameter}: {message}")]
    BadParameter { parameter: String, message: String },
    #[error("bad request: {0}")]
    BadRequest(String),
    /// Input that is well formed but wrong: each bad field with its message.
    #[error("invalid input: {fields:?}")]
    Validation {
        message: String,
        fields: BTreeMap<String, String>,
    },
    /// An upload over the size limit; the message says the limit.
    #[error("payload too large")]
    PayloadTooLarge(String),
    /// A JSON body over the API's size limit.
    #[error("request body too large")]
    BodyTooLarge,
    /// An upload of a kind the portal does not take; the message says which kinds it does.
    #[error("unsupported media type: {0}")]
    UnsupportedMedia(String),
    /// A body sent as another type than the route reads; the message names the right one.
    #[error("wrong content type: {0}")]
    WrongContentType(String),
    /// An idempotency key sent again with a different request.
    #[error("idempotency key reused for another request")]
    IdempotencyConflict,
    /// A dossier without its result yet, which cannot be rated.
    #[error("dossier not ratable yet")]
    NotRatable,
    /// A dossier rated before: each is rated once.
    #[error("dossier already rated")]
    AlreadyRated,
    /// Over a limit (`throttle`): retry after this many seconds; the message says which.
    #[error("too many requests, retry after {retry_after} s")]
    TooManyRequests { retry_after: u64, message: String },
    /// No valid staff session, or wrong credentials.
    #[error("unauthorized: {0}")]
    Unauthorized(String),
    /// Signed in, but the role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// Signed in, but this is not the officer's to do, for the reason given (e.g. another unit's).
    #[error("forbidden: {0}")]
    ForbiddenBecause(String),
    /// The request clashes with the dossier's state: `code` is the stable error code
    /// (`stale_version`, `illegal_transition`, ...).
    #[error("conflict {code}: {message}")]
    Conflict { code: &'static str, message: String },
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Files(#[from] std::io::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    /// Input that failed its checks: `message` above the fields, and each bad field with its
    /// message, Vietnamese as the body carries it (the `Display` of
    /// a shared [`motcua_api::message::Message`]).
    pub fn invalid<M: fmt::Display>(
        message: impl Into<String>,
        errors: impl IntoIterator<Item = (String, M)>,
    ) -> AppError {
        AppError::Validation {
            message: message.into(),
            fields: errors
                .into_iter()
                .map(|(field, message)| (field, message.to_string()))
                .collect(),
        }
    }

    /// A dossier that failed the shared filing rules, or the server's own checks.
    pub fn invalid_dossier<M: fmt::Display>(
        errors: impl IntoIterator<Item = (String, M)>,
    ) -> AppError {
        AppError::invalid(INVALID_DOSSIER, errors)
    }

    /// A rating that failed the shared rating rules.
    pub fn invalid_rating(errors: FieldErrors) -> AppError {
        AppError::invalid(INVALID_RATING.vi, errors)
    }

    /// Refused by a limit that said to wait `Err(seconds)`; `Ok` passes.
    pub fn unless_limited(verdict: Result<(), u64>, message: &str) -> AppResult<()> {
        verdict.map_err(|retry_after| AppError::TooManyRequests {
            retry_after,
            message: message.into(),
        })
    }

    /// One bad field, whose message is also the error's.
    pub fn invalid_field(field: &str, message: &str) -> AppError {
        AppError::Validation {
            message: message.into(),
            fields: BTreeMap::from([(field.to_string(), message.to_string())]),
        }
    }
}

impl From<QueryError> for AppError {
    fn from(error: QueryError) -> Self {
        AppError::BadParameter {
            parameter: error.parameter.to_string(),
            message: error.message.vi.into(),
        }
    }
}

impl From<QueryRejection> for AppError {
    fn from(rejection: QueryRejection) -> Self {
        tracing::debug!(%rejection, "query string rejected");
        AppError::BadRequest(says::BAD_QUERY.vi.into())
    }
}

impl From<PathRejection> for AppError {
    fn from(rejection: PathRejection) -> Self {
        tracing::debug!(%rejection, "path rejected");
        AppError::BadRequest(says::BAD_PATH.vi.into())
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        tracing::debug!(%rejection, "JSON body rejected");
        if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
            return AppError::BodyTooLarge;
        }
        if let JsonRejection::MissingJsonContentType(_) = rejection {
            return AppError::WrongContentType(says::JSON_ONLY.vi.into());
        }
        AppError::BadRequest(says::BAD_JSON.vi.into())
    }
}

impl From<MultipartRejection> for AppError {
    fn from(rejection: MultipartRejection) -> Self {
        tracing::debug!(%rejection, "multipart body rejected");
        AppError::BadRequest(says::MULTIPART_ONLY.vi.into())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let retry_after = match &self {
            AppError::TooManyRequests {
                retry_after: seconds,
                ..
            } => Some(*seconds),
            _ => None,
        };
        let file = |message: &String| BTreeMap::from([("file".to_string(), message.clone())]);
        let (status, code, message, fields) = match self {
            AppError::NotFound(message) => (StatusCode::NOT_FOUND, "not_found", message, None),
            AppError::BadParameter { parameter, message } => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                message.clone(),
                Some(BTreeMap::from([(parameter, message)])),
            ),
            AppError::BadRequest(message) => {
                (StatusCode::BAD_REQUEST, "bad_request", message, None)
            }
            AppError::Validation { message, fields } => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "validation",
                message,
                Some(fields),
            ),
            AppError::PayloadTooLarge(message) => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                message.clone(),
                Some(file(&message)),
            ),
            AppError::BodyTooLarge => (
                StatusCode::PAYLOAD_TOO_LARGE,
                "payload_too_large",
                says::BODY_TOO_LARGE.vi.into(),
                None,
            ),
            AppError::UnsupportedMedia(message) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                message.clone(),
                Some(file(&message)),
            ),
            AppError::WrongContentType(message) => (
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "unsupported_media_type",
                message,
                None,
            ),
            AppError::IdempotencyConflict => (
                StatusCode::UNPROCESSABLE_ENTITY,
                "idempotency_key_reused",
                says::IDEMPOTENCY_CONFLICT.vi.into(),
                None,
            ),
            AppError::NotRatable => (
                StatusCode::CONFLICT,
                "not_ratable",
                NOT_RATABLE.vi.into(),
                None,
            ),
            AppError::AlreadyRated => (
                StatusCode::CONFLICT,
                "already_rated",
                ALREADY_RATED.vi.into(),
                None,
            ),
            AppError::TooManyRequests { message, .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                "too_many_requests",
                message,
                None,
            ),
            AppError::Unauthorized(message) => {
                (StatusCode::UNAUTHORIZED, "unauthorized", message, None)
            }
            AppError::Forbidden => (
                StatusCode::FORBIDDEN,
                "forbidden",
                FORBIDDEN.vi.into(),
                None,
            ),
            AppError::ForbiddenBecause(message) => {
                (StatusCode::FORBIDDEN, "forbidden", message, None)
            }
            AppError::Conflict { code, message } => (StatusCode::CONFLICT, code, message, None),
            AppError::Database(error) => {
                tracing::error!(%error, "database error");
                internal()
            }
            AppError::Files(error) => {
                tracing::error!(%error, "file store error");
                internal()
            }
            AppError::Internal(error) => {
                tracing::error!(error = format!("{error:#}"), "internal error");
                internal()
            }
        };
        let body = ErrorBody {
            error: code.to_string(),
            message,
            fields: fields.unwrap_or_default(),
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(seconds) = retry_after {
            response
                .headers_mut()
                .insert(RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

type Parts = (
    StatusCode,
    &'static str,
    String,
    Option<BTreeMap<String, String>>,
);

fn internal() -> Parts {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        says::INTERNAL.vi.into(),
        None,
    )
}
