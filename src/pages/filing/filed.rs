//! The dossiers filed from this device (localStorage `motcua.dossiers`, newest first) and the
//! addresses of their pages.

use motcua_api::dossier::DossierReceipt;
use motcua_api::query::percent_encode;
use serde::{Deserialize, Serialize};

use super::draft::{read_json, write_json};

/// The dossiers filed from this device, newest first: localStorage `motcua.dossiers`.
const MY_DOSSIERS: &str = "motcua.dossiers";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MyDossier {
    pub code: String,
    pub token: String,
    pub procedure_code: String,
    pub procedure_name: String,
    /// `yyyy-mm-dd`.
    pub received_on: String,
}

/// The tracking secret of a dossier filed from this device.
pub fn my_token(code: &str) -> Option<String> {
    my_dossiers()
        .into_iter()
        .find(|dossier| dossier.code == code)
        .map(|dossier| dossier.token)
}

pub fn remember(receipt: &DossierReceipt) {
    let mut mine = my_dossiers();
    mine.retain(|dossier| dossier.code != receipt.code.as_str());
    mine.insert(
        0,
        MyDossier {
            code: receipt.code.to_string(),
            token: receipt.tracking_token.clone(),
            procedure_code: receipt.procedure_code.clone(),
            procedure_name: receipt.procedure_name.clone(),
            received_on: motcua_api::date::format_iso(receipt.received_on),
        },
    );
    write_json(MY_DOSSIERS, &mine);
}

/// The dossiers filed from this device, newest first.
pub fn my_dossiers() -> Vec<MyDossier> {
    read_json(MY_DOSSIERS).unwrap_or_default()
}

/// The tracking page of a dossier, opened with its secret.
pub fn tracking_url(code: &str, token: &str) -> String {
    format!(
        "/ho-so/{}?token={}",
        percent_encode(code),
        percent_encode(token)
    )
}

/// The receipt page of a dossier.
pub fn receipt_url(code: &str, token: &str) -> String {
    format!(
        "/ho-so/{}/phieu-tiep-nhan?token={}",
        percent_encode(code),
        percent_encode(token)
    )
}
