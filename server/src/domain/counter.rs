//! Filing at the counter: reception staff file a dossier for a citizen who brought it on paper,
//! with the same form and rules as online, received on the spot.

use motcua_api::dossier::receiving_unit;
use motcua_api::filing::DossierInput;
use motcua_api::staff::{Channel, Permission};

use crate::auth::Officer;
use crate::domain::filing::{Filed, file_dossier};
use crate::domain::workflow::audit_entry;
use crate::error::{AppError, AppResult};
use crate::store::Store;

/// Files the dossier for the citizen at Unix time `now`. 403 unless the officer may file at the
/// counter and the procedure is received by the officer's unit; otherwise as online filing.
pub async fn file_at_counter(
    store: &Store,
    officer: &Officer,
    input: &DossierInput,
    idempotency_key: &str,
    now: i64,
) -> AppResult<Filed> {
    officer.require(Permission::FileAtCounter)?;
    // An unknown procedure is left to filing, which names the field.
    if let Some(procedure) = store.procedure(input.procedure_code.trim()).await? {
        let unit = receiving_unit(&procedure);
        if unit != officer.unit {
            return Err(AppError::ForbiddenBecause(format!(
                "Thủ tục này do đơn vị {unit} tiếp nhận; tài khoản của bạn thuộc đơn vị {}.",
                officer.unit
            )));
        }
    }
    let filed = file_dossier(store, input, idempotency_key, Channel::Counter, now).await?;
    if !filed.replayed {
        let code = filed.receipt.code.as_str();
        let record = store
            .dossier_by_code(code)
            .await?
            .ok_or_else(|| anyhow::anyhow!("dossier {code} vanished after filing"))?;
        let detail = format!("Tiếp nhận tại quầy hồ sơ của {}", record.applicant_name);
        store
            .append_audit(&audit_entry(
                officer,
                &record.id,
                "file_at_counter",
                detail,
                now,
            ))
            .await?;
    }
    Ok(filed)
}
