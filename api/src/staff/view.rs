//! A dossier as an officer sees it, and what an officer sends back about it.

use serde::{Deserialize, Serialize};

use super::StaffRole;
use crate::date::{self, Date};
use crate::dossier::{DeliveryMethod, DossierCode, DossierStatus};
use crate::tracking::{Deadline, TimelineEntry};
use crate::workflow::ActionKind;

/// Where a dossier came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
// `DossierChannel` in the OpenAPI document, apart from the procedure's `Channel`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema), schema(as = DossierChannel))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Nộp trực tuyến by the citizen.
    #[default]
    Online,
    /// Filed at the counter by reception staff, from the paper the citizen brought.
    Counter,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Counter => "counter",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        [Channel::Online, Channel::Counter]
            .into_iter()
            .find(|channel| channel.as_str() == text)
    }
}

/// The applicant as the officer sees them: in full, and each read is written to the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantView {
    pub full_name: String,
    pub citizen_id: String,
    #[serde(with = "date::iso")]
    pub date_of_birth: Date,
    pub phone: String,
    pub email: Option<String>,
    /// One line: street, commune, province.
    pub address: String,
    /// Filing on behalf of someone: `{name} ({relationship})`.
    pub represented: Option<String>,
}

/// One answer to a procedure's question, as asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnswerView {
    pub question: String,
    pub answer: String,
}

/// A file attached to a dossier, previewed at `/api/staff/dossiers/{code}/files/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffFile {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub content_type: String,
}

/// One line of the required-document checklist: what the procedure asks, what came, and whether
/// an officer has checked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentCheck {
    /// The document's index in the procedure (`documents.{index}`).
    pub index: usize,
    pub name: String,
    pub required: bool,
    pub files: Vec<StaffFile>,
    pub checked: bool,
}

/// The result of a finished dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierResult {
    pub note: String,
    pub file: Option<StaffFile>,
}

/// `GET /api/staff/dossiers/{code}`: everything an officer needs to decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffDossierView {
    pub code: DossierCode,
    /// Sent back with every action: a stale version is refused (another officer acted first).
    pub version: i64,
    pub status: DossierStatus,
    pub channel: Channel,
    pub unit: String,
    pub procedure_code: String,
    pub procedure_name: String,
    pub agency: String,
    pub applicant: ApplicantView,
    pub answers: Vec<AnswerView>,
    pub documents: Vec<DocumentCheck>,
    pub delivery: DeliveryMethod,
    pub submitted_at: i64,
    #[serde(with = "date::iso")]
    pub received_on: Date,
    #[serde(with = "date::iso_option")]
    pub promised_date: Option<Date>,
    pub deadline: Deadline,
    /// Oldest first.
    pub timeline: Vec<TimelineEntry>,
    pub result: Option<DossierResult>,
    /// What this officer can do now.
    pub allowed_actions: Vec<ActionKind>,
    /// Whether an apology letter is owed and not yet written.
    pub apology_due: bool,
}

/// `POST /api/staff/dossiers/{code}/checks`: ticks or unticks one document of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DocumentCheckInput {
    pub index: usize,
    pub checked: bool,
}

/// `POST /api/staff/dossiers/{code}/actions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ActionInput {
    /// [`StaffDossierView::version`] as the officer saw it.
    pub version: i64,
    pub action: crate::workflow::StaffAction,
}

/// One line of a dossier's audit log (`GET /api/staff/dossiers/{code}/audit`, leaders only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub at: i64,
    pub username: String,
    pub role: StaffRole,
    /// `view`, `receive`, `refuse`, `check_document`, `write_apology`, ...
    pub action: String,
    /// What changed, never a citizen ID in full.
    pub detail: String,
}
