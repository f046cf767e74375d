//! The staff workspace's calls under `/api/staff/`. The session is a `SameSite=Strict` cookie the
//! browser sends by itself; POSTs are same-origin `fetch`es, so they carry the `Origin` header the
//! server checks.

use gloo_net::http::Request;
use motcua_api::apology::{ApologyInput, ApologyLetter};
use motcua_api::dossier::DossierReceipt;
use motcua_api::filing::DossierInput;
use motcua_api::query::percent_encode;
use motcua_api::staff::{
    ActionInput, AuditEntry, DocumentCheckInput, InboxPage, LoginInput, RawInboxQuery,
    StaffDossierView, StaffMe,
};
use serde::Serialize;
use serde::de::DeserializeOwned;

use super::{Error, decode, file_dossier, get, send_for_nothing, unreachable_reason};

impl Error {
    /// No session, or one that ended: the officer must sign in again.
    pub fn is_signed_out(&self) -> bool {
        matches!(self, Error::Api { status: 401, .. })
    }

    /// The machine-readable code of an API error (`stale_version`, ...).
    pub fn code(&self) -> Option<&str> {
        match self {
            Error::Api { body, .. } => Some(body.error.as_str()),
            _ => None,
        }
    }
}

/// Signs in; the answer sets the session cookie.
pub async fn login(input: &LoginInput) -> Result<StaffMe, Error> {
    post("/api/staff/login", input).await
}

/// Ends the session on the server.
pub async fn logout() -> Result<(), Error> {
    send_for_nothing(Request::post("/api/staff/logout")).await
}

/// Who is signed in; 401 when nobody is.
pub async fn me() -> Result<StaffMe, Error> {
    get("/api/staff/me").await
}

/// One page of an inbox tab, with every tab's count.
pub async fn inbox(query: &RawInboxQuery) -> Result<InboxPage, Error> {
    get(&format!("/api/staff/dossiers?{}", query_string(query))).await
}

/// The inbox query as URL parameters, without the empty ones; shared with the page's own URL.
pub fn query_string(query: &RawInboxQuery) -> String {
    let RawInboxQuery {
        tab,
        procedure,
        field,
        from,
        to,
        q,
        page,
    } = query;
    [
        ("tab", tab),
        ("procedure", procedure),
        ("field", field),
        ("from", from),
        ("to", to),
        ("q", q),
        ("page", page),
    ]
    .into_iter()
    .filter_map(|(name, value)| {
        value
            .as_deref()
            .filter(|value| !value.trim().is_empty())
            .map(|value| format!("{name}={}", percent_encode(value)))
    })
    .collect::<Vec<_>>()
    .join("&")
}

fn dossier_url(code: &str) -> String {
    format!("/api/staff/dossiers/{}", percent_encode(code))
}

/// Everything an officer needs to decide on a dossier (the read is audited).
pub async fn dossier(code: &str) -> Result<StaffDossierView, Error> {
    get(&dossier_url(code)).await
}

/// Where the browser shows an attached file inline.
pub fn file_url(code: &str, id: &str) -> String {
    format!("{}/files/{}", dossier_url(code), percent_encode(id))
}

/// Takes an action; 409 `stale_version` when another officer acted first, 409
/// `illegal_transition` when the status does not allow it, 422 with the fields to fix.
pub async fn act(code: &str, input: &ActionInput) -> Result<StaffDossierView, Error> {
    post(&format!("{}/actions", dossier_url(code)), input).await
}

/// Ticks or unticks one line of the required-document checklist.
pub async fn check_document(
    code: &str,
    input: &DocumentCheckInput,
) -> Result<StaffDossierView, Error> {
    post(&format!("{}/checks", dossier_url(code)), input).await
}

/// Writes the apology letter of an overdue dossier.
pub async fn write_apology(code: &str, input: &ApologyInput) -> Result<ApologyLetter, Error> {
    post(&format!("{}/apology", dossier_url(code)), input).await
}

/// Files a dossier brought on paper, received at once; the same `idempotency_key` with the same
/// body never files twice. 403 with the server's message when the procedure belongs to another
/// unit, 422 with the fields to fix.
pub async fn file_at_counter(
    input: &DossierInput,
    idempotency_key: &str,
) -> Result<DossierReceipt, Error> {
    file_dossier("/api/staff/dossiers", input, idempotency_key).await
}

/// The dossier's audit log (leaders).
pub async fn audit(code: &str) -> Result<Vec<AuditEntry>, Error> {
    get(&format!("{}/audit", dossier_url(code))).await
}

async fn post<T: DeserializeOwned>(url: &str, body: &impl Serialize) -> Result<T, Error> {
    let response = Request::post(url)
        .header("Accept", "application/json")
        .json(body)
        .map_err(|error| Error::Decode(error.to_string()))?
        .send()
        .await
        .map_err(|_| unreachable_reason())?;
    decode(response).await
}
