//! The citizen's side of a supplement request: sending what the office asked for, which puts the
//! dossier back to work and moves its promised date by the working days it waited.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use motcua_api::Procedure;
use motcua_api::applicant::tidy;
use motcua_api::date::{self, vietnam_local_time};
use motcua_api::dossier::DossierStatus;
use motcua_api::tracking::{
    DossierTracking, INVALID_SUPPLEMENT, NO_SUPPLEMENT_ASKED, SupplementInput,
};
use motcua_api::workflow::{promise_after_pause, status_after_supplement};

use crate::domain::columns::Columns;
use crate::domain::tracking::tracking;
use crate::error::{AppError, AppResult};
use crate::ids::is_id;
use crate::store::{DossierRecord, ResumeOutcome, Resumption, Store};

const UPLOAD_GONE: &str = motcua_api::server_messages::UPLOAD_GONE.vi;
const REPEATED_UPLOAD: &str = motcua_api::server_messages::REPEATED_UPLOAD.vi;

/// Records the citizen's supplement to the dossier at Unix time `now`; the tracking page as it
/// is then. 409 `no_supplement_asked` unless the dossier waits for one; 422 for bad input or
/// uploads that are gone or taken.
pub async fn send_supplement(
    store: &Store,
    record: &DossierRecord,
    input: &SupplementInput,
    now: i64,
) -> AppResult<DossierTracking> {
    let not_asked = || AppError::Conflict {
        code: "no_supplement_asked",
        message: NO_SUPPLEMENT_ASKED.vi.into(),
    };
    if record.status != DossierStatus::NeedsSupplement.as_str() {
        return Err(not_asked());
    }
    input.check().map_err(invalid_supplement)?;
    check_upload_ids(&input.uploads).map_err(invalid_supplement)?;
    let request = store
        .open_supplement(&record.id)
        .await?
        .ok_or_else(not_asked)?;
    let columns = Columns::of(&record.code);
    let before = columns.status(&request.status_before, "status_before")?;
    let paused_on = columns.date(&request.paused_on, "paused_on")?;
    let today = vietnam_local_time(now).date;
    let promised_date = columns
        .optional_date(record.promised_date.as_deref(), "promised_date")?
        .map(|promised| promise_after_pause(promised, paused_on, today));
    let citizen_note = tidy(&input.note);
    let mut note = "Công dân đã bổ sung giấy tờ.".to_string();
    if let Some(promised) = promised_date {
        note.push_str(&format!(
            " Ngày hẹn trả kết quả mới: {}.",
            date::format_vietnamese(promised)
        ));
    }
    if !citizen_note.is_empty() {
        note.push_str(&format!(" Ghi chú của công dân: {citizen_note}"));
    }
    let procedure: Procedure =
        serde_json::from_str(&record.procedure_snapshot).map_err(anyhow::Error::from)?;
    let resumption = Resumption {
        dossier_id: record.id.clone(),
        supplement_id: request.id,
        status: status_after_supplement(before),
        promised_date: promised_date.map(date::format_iso),
        uploads: input.uploads.clone(),
        citizen_note,
        at: now,
        office: procedure.agency,
        note,
    };
    match store.resume_after_supplement(&resumption).await? {
        ResumeOutcome::Resumed => {}
        ResumeOutcome::NotWaiting => return Err(not_asked()),
        ResumeOutcome::UnavailableUploads(positions) => {
            return Err(invalid_supplement(
                positions
                    .into_iter()
                    .map(|position| (format!("uploads.{position}"), UPLOAD_GONE)),
            ));
        }
    }
    let record = store
        .dossier_by_code(&record.code)
        .await?
        .ok_or_else(|| anyhow::anyhow!("dossier {}: vanished", record.code))?;
    Ok(tracking(store, &record, today).await?)
}

/// Each upload id well formed and listed once.
fn check_upload_ids(uploads: &[String]) -> Result<(), BTreeMap<String, &'static str>> {
    let mut seen = BTreeSet::new();
    let errors: BTreeMap<_, _> = uploads
        .iter()
        .enumerate()
        .filter_map(|(position, id)| {
            let problem = if !is_id(id) {
                Some(UPLOAD_GONE)
            } else if !seen.insert(id) {
                Some(REPEATED_UPLOAD)
            } else {
                None
            };
            problem.map(|message| (format!("uploads.{position}"), message))
        })
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors)
    }
}

fn invalid_supplement<M: fmt::Display>(errors: impl IntoIterator<Item = (String, M)>) -> AppError {
    AppError::invalid(INVALID_SUPPLEMENT.vi, errors)
}
