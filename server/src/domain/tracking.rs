//! Tracking a dossier: its status, its timeline and where it stands against its promised date.

use motcua_api::Procedure;
use motcua_api::date::Date;
use motcua_api::dossier::DossierStatus;
use motcua_api::tracking::{self, DossierTracking, SupplementRequest, TimelineEntry};

use crate::domain::columns::Columns;
use crate::store::{DossierRecord, Store};

/// What the citizen tracking a stored dossier sees on `today` (a Vietnamese date).
pub async fn tracking(
    store: &Store,
    record: &DossierRecord,
    today: Date,
) -> anyhow::Result<DossierTracking> {
    let procedure: Procedure = serde_json::from_str(&record.procedure_snapshot)?;
    let columns = Columns::of(&record.code);
    let status = columns.status(&record.status, "status")?;
    let promised_date = columns.optional_date(record.promised_date.as_deref(), "promised_date")?;
    let finished_on = columns.optional_date(record.finished_on.as_deref(), "finished_on")?;
    let supplement = match status {
        DossierStatus::NeedsSupplement => {
            store
                .open_supplement(&record.id)
                .await?
                .map(|request| SupplementRequest {
                    missing: request.missing,
                    note: request.note,
                    requested_at: request.requested_at,
                })
        }
        _ => None,
    };
    let result_note = match status {
        DossierStatus::Done | DossierStatus::Returned => store.result_note(&record.id).await?,
        _ => None,
    };
    Ok(DossierTracking {
        code: columns.code()?,
        procedure_code: procedure.code,
        procedure_name: procedure.name,
        agency: procedure.agency,
        status,
        submitted_at: record.submitted_at,
        received_on: columns.date(&record.received_on, "received_on")?,
        promised_date,
        processing_time: record.processing_time.clone(),
        timeline: timeline(store, &record.id, &record.code).await?,
        deadline: tracking::deadline(status, promised_date, finished_on, today),
        supplement,
        apology_letters: store.apology_letters(&record.id).await?,
        result_note,
    })
}

/// The dossier's timeline, oldest first.
pub async fn timeline(
    store: &Store,
    dossier_id: &str,
    code: &str,
) -> anyhow::Result<Vec<TimelineEntry>> {
    store
        .dossier_events(dossier_id)
        .await?
        .into_iter()
        .map(|event| {
            Ok(TimelineEntry {
                at: event.at,
                status: Columns::of(code).status(&event.status, "event status")?,
                office: event.office,
                note: event.note,
            })
        })
        .collect()
}
