//! The one typed HTTP client of the front-end: pages call these functions, never build URLs.

use gloo_net::http::{Request, Response};
use motcua_api::query::percent_encode;
use motcua_api::{ErrorBody, FacetCount, Procedure, ProcedurePage, ProcedureQuery};
use serde::de::DeserializeOwned;

/// Why a request did not give what was asked.
#[derive(Debug, Clone, PartialEq)]
pub enum Error {
    /// No answer: the device is offline or the server is unreachable.
    Offline,
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

pub async fn search(query: &ProcedureQuery) -> Result<ProcedurePage, Error> {
    get(&format!("/api/procedures?{}", query.to_query_string())).await
}

pub async fn procedure(code: &str) -> Result<Procedure, Error> {
    get(&format!("/api/procedures/{}", percent_encode(code))).await
}

pub async fn fields() -> Result<Vec<FacetCount>, Error> {
    get("/api/fields").await
}

pub async fn agencies() -> Result<Vec<FacetCount>, Error> {
    get("/api/agencies").await
}

async fn get<T: DeserializeOwned>(url: &str) -> Result<T, Error> {
    let response = Request::get(url).send().await.map_err(|_| Error::Offline)?;
    decode(response).await
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
