//! The one typed HTTP client of the front-end: pages call these functions, never build URLs.

use std::fmt;

use gloo_net::http::{Request, Response};
use motcua_api::query::percent_encode;
use motcua_api::{ErrorBody, FacetCount, Procedure, ProcedurePage, ProcedureQuery};
use serde::de::DeserializeOwned;

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
    let status = response.status();
    match response.json::<ErrorBody>().await {
        Ok(body) => Err(Error::Api { status, body }),
        Err(error) => Err(Error::Decode(format!("HTTP {status}: {error}"))),
    }
}
