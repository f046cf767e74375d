//! Tracking a dossier: its status, its timeline and where it stands against its promised date.

use motcua_api::Procedure;
use motcua_api::date::{self, Date};
use motcua_api::dossier::{DossierCode, DossierStatus};
use motcua_api::tracking::{self, DossierTracking, TimelineEntry};

use crate::store::{DossierRecord, Store};

/// What the citizen tracking a stored dossier sees on `today` (a Vietnamese date).
pub async fn tracking(
    store: &Store,
    record: &DossierRecord,
    today: Date,
) -> anyhow::Result<DossierTracking> {
    let procedure: Procedure = serde_json::from_str(&record.procedure_snapshot)?;
    let bad = |what: &str| anyhow::anyhow!("dossier {}: bad {what}", record.code);
    let status = DossierStatus::parse(&record.status).ok_or_else(|| bad("status"))?;
    let iso = |text: Option<&str>, what: &str| {
        text.map(|text| date::parse_iso(text).ok_or_else(|| bad(what)))
            .transpose()
    };
    let promised_date = iso(record.promised_date.as_deref(), "promised_date")?;
    let finished_on = iso(record.finished_on.as_deref(), "finished_on")?;
    let timeline = store
        .dossier_events(&record.id)
        .await?
        .into_iter()
        .map(|event| {
            Ok(TimelineEntry {
                at: event.at,
                status: DossierStatus::parse(&event.status).ok_or_else(|| bad("event status"))?,
                office: event.office,
                note: event.note,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    Ok(DossierTracking {
        code: DossierCode::try_from(record.code.as_str()).map_err(|_| bad("code"))?,
        procedure_code: procedure.code,
        procedure_name: procedure.name,
        agency: procedure.agency,
        status,
        submitted_at: record.submitted_at,
        received_on: date::parse_iso(&record.received_on).ok_or_else(|| bad("received_on"))?,
        promised_date,
        processing_time: record.processing_time.clone(),
        timeline,
        deadline: tracking::deadline(status, promised_date, finished_on, today),
        supplement: None,
        apology_letters: Vec::new(),
        result_note: None,
    })
}
