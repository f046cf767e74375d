//! The server's one error type and the JSON body every error answers with.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::rejection::{PathRejection, QueryRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use motcua_api::{ErrorBody, QueryError};

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("not found: {0}")]
    NotFound(String),
    /// A bad request parameter, named, with the message for the person who sent it.
    #[error("bad parameter {parameter}: {message}")]
    BadParameter { parameter: String, message: String },
    #[error("bad request: {0}")]
    BadRequest(String),
    #[error(transparent)]
    Database(#[from] sqlx::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl From<QueryError> for AppError {
    fn from(error: QueryError) -> Self {
        AppError::BadParameter {
            parameter: error.parameter.to_string(),
            message: error.message,
        }
    }
}

impl From<QueryRejection> for AppError {
    fn from(rejection: QueryRejection) -> Self {
        tracing::debug!(%rejection, "query string rejected");
        AppError::BadRequest(
            "Tham số trên địa chỉ không hợp lệ (không đọc được dưới dạng UTF-8).".into(),
        )
    }
}

impl From<PathRejection> for AppError {
    fn from(rejection: PathRejection) -> Self {
        tracing::debug!(%rejection, "path rejected");
        AppError::BadRequest("Địa chỉ không hợp lệ.".into())
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code, message, fields) = match self {
            AppError::NotFound(message) => (StatusCode::NOT_FOUND, "not_found", message, None),
            AppError::BadParameter { parameter, message } => (
                StatusCode::BAD_REQUEST,
                "bad_request",
                message.clone(),
                Some((parameter, message)),
            ),
            AppError::BadRequest(message) => {
                (StatusCode::BAD_REQUEST, "bad_request", message, None)
            }
            AppError::Database(error) => {
                tracing::error!(%error, "database error");
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
            fields: fields.into_iter().collect::<BTreeMap<_, _>>(),
        };
        (status, Json(body)).into_response()
    }
}

fn internal() -> (StatusCode, &'static str, String, Option<(String, String)>) {
    (
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "Hệ thống đang gặp sự cố, vui lòng thử lại sau ít phút.".into(),
        None,
    )
}
