//! The one typed HTTP client of the front-end: pages call these functions, never build URLs.

mod citizen;
pub mod staff;
mod upload;

use std::fmt;

use gloo_net::http::{Request, RequestBuilder, Response};
use motcua_api::dossier::DossierReceipt;
use motcua_api::filing::DossierInput;
use motcua_api::query::percent_encode;
use motcua_api::tracking::DossierTracking;
use motcua_api::{ErrorBody, FacetCount, Procedure, ProcedurePage, ProcedureQuery};
use serde::de::DeserializeOwned;

pub use citizen::{rate, rating, stats, supplement};
pub use upload::upload;

/// Why a request did not give what was asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// The device has no network connection.
    Offline,
    /// The device is online but the server did not answer.
    Network,
    /// The server answered with an error; its message is for the citizen.
    Api { status: u16, body: ErrorBody },
    /// The server answered something this app cannot read (a version mismatch).
    Decode(String),
}

impl Error {
    pub fn is_not_found(&self) -> bool {
        matches!(self, Error::Api { status: 404, .. })
    }

    /// Whether sending the same request again later may succeed: no network, or a server error.
    pub fn is_transient(&self) -> bool {
        match self {
            Error::Offline | Error::Network => true,
            Error::Api { status, .. } => *status >= 500 || *status == 408 || *status == 429,
            Error::Decode(_) => false,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Offline => write!(f, "offline"),
            Error::Network => write!(f, "server unreachable"),
            Error::Api { status, body } => write!(f, "HTTP {status}: {}", body.message),
            Error::Decode(detail) => write!(f, "unreadable answer: {detail}"),
        }
    }
}

impl std::error::Error for Error {}

/// One page of the catalog for a checked query.
pub async fn search(query: &ProcedureQuery) -> Result<ProcedurePage, Error> {
    get(&format!("/api/procedures?{}", query.to_query_string())).await
}

/// The whole procedure with this code; `Error::Api` with status 404 when there is none.
pub async fn procedure(code: &str) -> Result<Procedure, Error> {
    get(&format!("/api/procedures/{}", percent_encode(code))).await
}

/// The values of the "field" filter with their counts.
pub async fn fields() -> Result<Vec<FacetCount>, Error> {
    get("/api/fields").await
}

/// The values of the "agency" filter with their counts.
pub async fn agencies() -> Result<Vec<FacetCount>, Error> {
    get("/api/agencies").await
}

/// Where the browser shows an uploaded file before the dossier is sent.
pub fn upload_url(id: &str) -> String {
    format!("/api/uploads/{}", percent_encode(id))
}

/// Removes a file uploaded but no longer wanted.
pub async fn delete_upload(id: &str) -> Result<(), Error> {
    send_for_nothing(Request::delete(&upload_url(id))).await
}

/// Sends a request whose answer has no body worth reading: only whether it went through.
async fn send_for_nothing(request: RequestBuilder) -> Result<(), Error> {
    let response = request.send().await.map_err(|_| unreachable_reason())?;
    if response.ok() {
        Ok(())
    } else {
        Err(error_of(response).await)
    }
}

/// Files the dossier. The same `idempotency_key` with the same body never files twice.
pub async fn submit_dossier(
    input: &DossierInput,
    idempotency_key: &str,
) -> Result<DossierReceipt, Error> {
    file_dossier("/api/dossiers", input, idempotency_key).await
}

/// Posts a dossier to be filed at `url`, online or at the counter, keyed for a safe retry.
async fn file_dossier(
    url: &str,
    input: &DossierInput,
    idempotency_key: &str,
) -> Result<DossierReceipt, Error> {
    let response = Request::post(url)
        .header("Accept", "application/json")
        .header("Idempotency-Key", idempotency_key)
        .json(input)
        .map_err(|error| Error::Decode(error.to_string()))?
        .send()
        .await
        .map_err(|_| unreachable_reason())?;
    decode(response).await
}

/// The receipt of a dossier, opened with the secret of its tracking link.
pub async fn receipt(code: &str, proof: &Proof) -> Result<DossierReceipt, Error> {
    get(&dossier_url(code, "/receipt", proof)).await
}

/// What proves the citizen may see a dossier: the phone given when filing, or the secret of its
/// tracking link.
#[derive(Debug, Clone, PartialEq)]
pub enum Proof {
    Phone(String),
    Token(String),
}

/// Where a dossier stands; `Error::Api` with status 404 when the code and the proof do not match,
/// 429 after too many failed lookups.
pub async fn track(code: &str, proof: &Proof) -> Result<DossierTracking, Error> {
    get(&dossier_url(code, "", proof)).await
}

/// `/api/dossiers/{code}{tail}?phone=…` or `?token=…`.
fn dossier_url(code: &str, tail: &str, proof: &Proof) -> String {
    let (name, value) = match proof {
        Proof::Phone(phone) => ("phone", phone),
        Proof::Token(token) => ("token", token),
    };
    format!(
        "/api/dossiers/{}{tail}?{name}={}",
        percent_encode(code),
        percent_encode(value)
    )
}

async fn get<T: DeserializeOwned>(url: &str) -> Result<T, Error> {
    let response = Request::get(url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| unreachable_reason())?;
    decode(response).await
}

fn unreachable_reason() -> Error {
    let online = web_sys::window().is_none_or(|window| window.navigator().on_line());
    if online {
        Error::Network
    } else {
        Error::Offline
    }
}

async fn decode<T: DeserializeOwned>(response: Response) -> Result<T, Error> {
    if response.ok() {
        return response
            .json()
            .await
            .map_err(|error| Error::Decode(error.to_string()));
    }
    Err(error_of(response).await)
}

async fn error_of(response: Response) -> Error {
    let status = response.status();
    let text = response.text().await.unwrap_or_default();
    error_from_text(status, &text)
}

/// The error of a non-2xx answer; a server error without the JSON body (a proxy's page) keeps an
/// empty message.
fn error_from_text(status: u16, text: &str) -> Error {
    match serde_json::from_str::<ErrorBody>(text) {
        Ok(body) => Error::Api { status, body },
        Err(_) if status >= 500 => Error::Api {
            status,
            body: ErrorBody {
                error: "server".into(),
                message: String::new(),
                fields: Default::default(),
            },
        },
        Err(error) => Error::Decode(format!("HTTP {status}: {error}")),
    }
}
