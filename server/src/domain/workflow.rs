//! What officers do to a dossier of their unit: read it (each read audited), preview its files,
//! tick its checklist, and move it through the status machine of `motcua_api::workflow`.

use std::fmt;

use motcua_api::Procedure;
use motcua_api::applicant::tidy;
use motcua_api::date::{Date, vietnam_local_time};
use motcua_api::dossier::DossierCode;
use motcua_api::filing::ValidDossier;
use motcua_api::server_messages as says;
use motcua_api::staff::{
    ActionInput, AuditEntry, DocumentCheckInput, Permission, StaffDossierView,
};
use motcua_api::workflow::{INVALID_ACTION, Refusal, STALE_DOSSIER, StaffAction, next_status};

use crate::auth::Officer;
use crate::domain::columns::Columns;
use crate::domain::dossier_view::{is_checklist_line, staff_view};
use crate::error::{AppError, AppResult};
use crate::ids::{is_id, new_id};
use crate::store::{
    DossierUpload, NewAuditEntry, NewResult, NewSupplement, StaffRecord, Store, Transition,
    TransitionOutcome,
};

/// Another unit's dossier, or none: the same answer, so no officer learns what other units hold.
pub const NO_SUCH_DOSSIER: &str = says::NO_SUCH_DOSSIER_IN_UNIT.vi;
const NO_SUCH_FILE: &str = says::NO_SUCH_FILE.vi;
const NO_SUCH_DOCUMENT: &str = says::NO_SUCH_DOCUMENT.vi;
const RESULT_UPLOAD_GONE: &str = says::RESULT_UPLOAD_GONE.vi;

/// The dossier with this code if the officer's unit holds it; 404 otherwise.
pub async fn dossier_of_unit(
    store: &Store,
    officer: &Officer,
    code: &str,
) -> AppResult<StaffRecord> {
    let not_found = || AppError::NotFound(NO_SUCH_DOSSIER.into());
    let code = DossierCode::try_from(code).map_err(|_| not_found())?;
    store
        .staff_record(code.as_str())
        .await?
        .filter(|record| record.unit == officer.unit)
        .ok_or_else(not_found)
}

/// An audit entry by `officer` about the dossier at Unix time `at`.
pub fn audit_entry(
    officer: &Officer,
    dossier_id: &str,
    action: &str,
    detail: String,
    at: i64,
) -> NewAuditEntry {
    NewAuditEntry {
        dossier_id: dossier_id.to_string(),
        staff_id: officer.id.clone(),
        username: officer.username.clone(),
        role: officer.role,
        action: action.to_string(),
        detail,
        at,
    }
}

fn today(now: i64) -> Date {
    vietnam_local_time(now).date
}

/// The dossier for the officer to decide on; the read is written to the audit log with whose
/// data it showed (the citizen ID masked).
pub async fn view_dossier(
    store: &Store,
    officer: &Officer,
    code: &str,
    now: i64,
) -> AppResult<StaffDossierView> {
    officer.require(Permission::ViewDossiers)?;
    let record = dossier_of_unit(store, officer, code).await?;
    let view = staff_view(store, &record, officer.role, today(now)).await?;
    let dossier: ValidDossier = serde_json::from_str(&record.body).map_err(anyhow::Error::from)?;
    let detail = format!(
        "Xem hồ sơ của {} (số định danh {})",
        dossier.applicant.full_name,
        dossier.applicant.citizen_id.masked()
    );
    store
        .append_audit(&audit_entry(officer, &record.id, "view", detail, now))
        .await?;
    Ok(view)
}

/// A file the dossier holds (a document, a supplement or the result), its read audited.
pub async fn dossier_file(
    store: &Store,
    officer: &Officer,
    code: &str,
    upload_id: &str,
    now: i64,
) -> AppResult<(StaffRecord, DossierUpload)> {
    officer.require(Permission::ViewDossiers)?;
    let record = dossier_of_unit(store, officer, code).await?;
    let not_found = || AppError::NotFound(NO_SUCH_FILE.into());
    if !is_id(upload_id) {
        return Err(not_found());
    }
    let upload = store
        .dossier_upload(&record.id, upload_id)
        .await?
        .ok_or_else(not_found)?;
    let detail = format!("Xem tệp {} ({})", upload.id, upload.name);
    store
        .append_audit(&audit_entry(officer, &record.id, "view_file", detail, now))
        .await?;
    Ok((record, upload))
}

/// Ticks or unticks a line of the checklist; the dossier as it is now.
pub async fn check_document(
    store: &Store,
    officer: &Officer,
    code: &str,
    input: &DocumentCheckInput,
    now: i64,
) -> AppResult<StaffDossierView> {
    officer.require(Permission::ViewDossiers)?;
    let record = dossier_of_unit(store, officer, code).await?;
    let procedure: Procedure =
        serde_json::from_str(&record.procedure_snapshot).map_err(anyhow::Error::from)?;
    let uploads = store.dossier_uploads(&record.id).await?;
    if !is_checklist_line(&procedure, &uploads, input.index) {
        return Err(AppError::invalid_field("index", NO_SUCH_DOCUMENT));
    }
    let detail = format!(
        "{} giấy tờ số {}",
        if input.checked {
            "Đánh dấu đã kiểm tra"
        } else {
            "Bỏ đánh dấu"
        },
        input.index + 1
    );
    let audit = audit_entry(officer, &record.id, "check_document", detail, now);
    store
        .set_document_check(&record.id, input.index, input.checked, &audit)
        .await?;
    Ok(staff_view(store, &record, officer.role, today(now)).await?)
}

/// The dossier's audit log, oldest first: leaders only.
pub async fn audit_log(store: &Store, officer: &Officer, code: &str) -> AppResult<Vec<AuditEntry>> {
    officer.require(Permission::ViewAudit)?;
    let record = dossier_of_unit(store, officer, code).await?;
    Ok(store.audit_entries(&record.id).await?)
}

/// Takes the officer's action on the dossier as they saw it at `input.version`. Checked in
/// turn: the unit (404), the role (403), what they wrote (422), the status machine (409
/// `illegal_transition`), and that nobody changed the dossier since (409 `stale_version`).
pub async fn act(
    store: &Store,
    officer: &Officer,
    code: &str,
    input: &ActionInput,
    now: i64,
) -> AppResult<StaffDossierView> {
    let record = dossier_of_unit(store, officer, code).await?;
    let current = Columns::of(&record.code).status(&record.status, "status")?;
    let kind = input.action.kind();
    let next = next_status(officer.role, current, kind);
    if next == Err(Refusal::NotPermitted) {
        return Err(AppError::Forbidden);
    }
    input.action.check().map_err(invalid_action)?;
    let status = next.map_err(|refusal| match refusal {
        Refusal::IllegalTransition(message) => AppError::Conflict {
            code: "illegal_transition",
            message: message.vi.into(),
        },
        Refusal::NotPermitted => AppError::Forbidden,
    })?;
    if let StaffAction::Finish {
        result_upload: Some(upload),
        ..
    } = &input.action
        && !is_id(upload)
    {
        return Err(invalid_action([(
            "result_upload".to_string(),
            RESULT_UPLOAD_GONE,
        )]));
    }
    let procedure: Procedure =
        serde_json::from_str(&record.procedure_snapshot).map_err(anyhow::Error::from)?;
    let (note, detail) = describe(&input.action);
    let transition = Transition {
        dossier_id: record.id.clone(),
        version: input.version,
        status,
        at: now,
        office: procedure.agency,
        note,
        result: match &input.action {
            StaffAction::Finish {
                note,
                result_upload,
            } => Some(NewResult {
                note: tidy(note),
                upload_id: result_upload.clone(),
            }),
            _ => None,
        },
        supplement: match &input.action {
            StaffAction::RequestSupplement { missing, note } => Some(NewSupplement {
                id: new_id(),
                missing: listed(missing),
                note: tidy(note),
                status_before: current,
            }),
            _ => None,
        },
        audit: audit_entry(
            officer,
            &record.id,
            kind.as_str(),
            [
                format!("{} → {}", current.as_str(), status.as_str()),
                detail,
            ]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(". "),
            now,
        ),
    };
    match store.apply_transition(&transition).await? {
        TransitionOutcome::Applied => {}
        TransitionOutcome::Stale => {
            return Err(AppError::Conflict {
                code: "stale_version",
                message: STALE_DOSSIER.vi.into(),
            });
        }
        TransitionOutcome::ResultUploadUnavailable => {
            return Err(invalid_action([(
                "result_upload".to_string(),
                RESULT_UPLOAD_GONE,
            )]));
        }
    }
    let record = dossier_of_unit(store, officer, code).await?;
    Ok(staff_view(store, &record, officer.role, today(now)).await?)
}

fn invalid_action<M: fmt::Display>(errors: impl IntoIterator<Item = (String, M)>) -> AppError {
    AppError::invalid(INVALID_ACTION.vi, errors)
}

/// The missing documents as listed, tidied, without blank lines.
fn listed(missing: &[String]) -> Vec<String> {
    missing
        .iter()
        .map(|item| tidy(item))
        .filter(|item| !item.is_empty())
        .collect()
}

/// What the timeline tells the citizen about the action, and the audit log's short detail.
fn describe(action: &StaffAction) -> (String, String) {
    match action {
        StaffAction::Receive => (
            "Hồ sơ đã được tiếp nhận và đang chờ chuyển xử lý.".into(),
            String::new(),
        ),
        StaffAction::Refuse { reason } => {
            let reason = tidy(reason);
            (
                format!("Hồ sơ bị từ chối. Lý do: {reason}"),
                format!("Lý do: {}", shortened(&reason)),
            )
        }
        StaffAction::RequestSupplement { missing, note } => {
            let missing = listed(missing);
            let note = tidy(note);
            let mut text = format!("Cần bổ sung: {}.", missing.join("; "));
            if !note.is_empty() {
                text.push_str(&format!(" {note}"));
            }
            let detail = format!("Yêu cầu bổ sung {} giấy tờ", missing.len());
            (text, detail)
        }
        StaffAction::StartProcessing => ("Hồ sơ đang được xử lý.".into(), String::new()),
        StaffAction::Finish {
            note,
            result_upload,
        } => {
            let note = tidy(note);
            let mut text = "Đã có kết quả giải quyết hồ sơ.".to_string();
            if !note.is_empty() {
                text.push_str(&format!(" {note}"));
            }
            let detail = match result_upload {
                Some(upload) => format!("Kết quả: tệp {upload}. {}", shortened(&note)),
                None => format!("Kết quả: {}", shortened(&note)),
            };
            (text, detail)
        }
        StaffAction::Return => ("Đã trả kết quả cho công dân.".into(), String::new()),
    }
}

/// At most 200 characters of an officer's text, for the audit log.
fn shortened(text: &str) -> String {
    const MAX: usize = 200;
    if text.chars().count() <= MAX {
        text.to_string()
    } else {
        format!("{}…", text.chars().take(MAX).collect::<String>())
    }
}
