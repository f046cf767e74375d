//! Who fills the form in: the citizen online, or a reception officer at the counter for a citizen
//! who brought the dossier on paper. The pages, checks and draft logic are the same; the addresses,
//! the draft's key, a few words and where the dossier is sent differ.

use motcua_api::dossier::DossierReceipt;
use motcua_api::query::percent_encode;

use super::filed::receipt_url;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Citizen,
    Counter,
}

impl Mode {
    /// The start page of a procedure's form; its pages are below it.
    pub fn intro_url(self, procedure_code: &str) -> String {
        match self {
            Mode::Citizen => format!("/thu-tuc/{procedure_code}/nop-ho-so"),
            Mode::Counter => format!("/can-bo/nop-tai-quay/{procedure_code}"),
        }
    }

    /// The localStorage key of a procedure's draft: an officer's drafts never mix with what a
    /// citizen left on a shared device.
    pub fn draft_key(self, procedure_code: &str) -> String {
        match self {
            Mode::Citizen => format!("motcua.draft.{procedure_code}"),
            Mode::Counter => format!("motcua.counter-draft.{procedure_code}"),
        }
    }

    /// Where the filer goes once the dossier has landed: the receipt, for the officer inside the
    /// staff workspace, to print for the citizen.
    pub fn receipt_url(self, receipt: &DossierReceipt) -> String {
        let code = receipt.code.as_str();
        match self {
            Mode::Citizen => receipt_url(code, &receipt.tracking_token),
            Mode::Counter => format!(
                "/can-bo/ho-so/{}/phieu-tiep-nhan?token={}",
                percent_encode(code),
                percent_encode(&receipt.tracking_token)
            ),
        }
    }
}
