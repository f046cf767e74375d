//! A dossier as an officer sees it: the applicant in full, the answers under their questions,
//! the required documents beside what came, the timeline, the deadline and what can be done.

use motcua_api::Procedure;
use motcua_api::date::Date;
use motcua_api::filing::ValidDossier;
use motcua_api::staff::{
    AnswerView, ApplicantView, DocumentCheck, DossierResult, StaffDossierView, StaffFile, StaffRole,
};
use motcua_api::tracking;
use motcua_api::workflow::allowed_actions;

use crate::domain::apology::apology_due;
use crate::domain::columns::Columns;
use crate::domain::tracking::timeline;
use crate::store::{DossierUpload, StaffRecord, Store};

/// The name of the checklist's last line, which holds what the citizen sent when asked for more.
pub const SUPPLEMENT_FILES: &str = "Giấy tờ bổ sung";

/// The stored dossier as an officer of `role` sees it on `today` (a Vietnamese date).
pub async fn staff_view(
    store: &Store,
    record: &StaffRecord,
    role: StaffRole,
    today: Date,
) -> anyhow::Result<StaffDossierView> {
    let procedure: Procedure = serde_json::from_str(&record.procedure_snapshot)?;
    let dossier: ValidDossier = serde_json::from_str(&record.body)?;
    let columns = Columns::of(&record.code);
    let status = columns.status(&record.status, "status")?;
    let promised_date = columns.optional_date(record.promised_date.as_deref(), "promised_date")?;
    let finished_on = columns.optional_date(record.finished_on.as_deref(), "finished_on")?;
    let uploads = store.dossier_uploads(&record.id).await?;
    let checked = store.checked_documents(&record.id).await?;
    let result = (record.result_note.is_some() || record.result_upload_id.is_some()).then(|| {
        DossierResult {
            note: record.result_note.clone().unwrap_or_default(),
            file: uploads
                .iter()
                .find(|upload| Some(&upload.id) == record.result_upload_id.as_ref())
                .map(staff_file),
        }
    });
    Ok(StaffDossierView {
        code: columns.code()?,
        version: record.version,
        status,
        channel: columns.channel(&record.channel)?,
        unit: record.unit.clone(),
        applicant: applicant_view(&dossier),
        answers: answers(&procedure, &dossier),
        documents: checklist(&procedure, &uploads, &checked),
        delivery: columns.delivery(&record.delivery)?,
        submitted_at: record.submitted_at,
        received_on: columns.date(&record.received_on, "received_on")?,
        promised_date,
        deadline: tracking::deadline(status, promised_date, finished_on, today),
        timeline: timeline(store, &record.id, &record.code).await?,
        result,
        allowed_actions: allowed_actions(role, status),
        apology_due: apology_due(store, &record.id).await?,
        procedure_code: procedure.code,
        procedure_name: procedure.name,
        agency: procedure.agency,
    })
}

fn applicant_view(dossier: &ValidDossier) -> ApplicantView {
    let applicant = &dossier.applicant;
    ApplicantView {
        full_name: applicant.full_name.to_string(),
        citizen_id: applicant.citizen_id.to_string(),
        date_of_birth: applicant.date_of_birth,
        phone: applicant.phone.to_string(),
        email: applicant.email.as_ref().map(ToString::to_string),
        address: applicant.address.to_string(),
        represented: applicant
            .represented
            .as_ref()
            .map(|represented| format!("{} ({})", represented.full_name, represented.relationship)),
    }
}

/// The answers in the order the form asked them, each under its question's label.
fn answers(procedure: &Procedure, dossier: &ValidDossier) -> Vec<AnswerView> {
    let questions = procedure
        .form
        .as_ref()
        .map(|form| form.questions.as_slice())
        .unwrap_or_default();
    let asked = questions.iter().filter_map(|question| {
        dossier.answers.get(&question.id).map(|answer| AnswerView {
            question: question.label.clone(),
            answer: answer.clone(),
        })
    });
    // Answers the snapshot's form does not name are still shown, under their key.
    let unnamed = dossier
        .answers
        .iter()
        .filter(|(id, _)| !questions.iter().any(|question| &question.id == *id))
        .map(|(id, answer)| AnswerView {
            question: id.clone(),
            answer: answer.clone(),
        });
    asked.chain(unnamed).collect()
}

/// One line per document the procedure asks for, with its files and whether it was checked;
/// then, when the citizen sent a supplement, a last line [`SUPPLEMENT_FILES`] with its files
/// (its index is the number of the procedure's documents).
fn checklist(
    procedure: &Procedure,
    uploads: &[DossierUpload],
    checked: &[usize],
) -> Vec<DocumentCheck> {
    let mut lines: Vec<DocumentCheck> = procedure
        .documents
        .iter()
        .enumerate()
        .map(|(index, document)| DocumentCheck {
            index,
            name: document.name.clone(),
            required: document.mandatory,
            files: uploads
                .iter()
                .filter(|upload| {
                    upload
                        .document_index
                        .is_some_and(|at| usize::try_from(at).ok() == Some(index))
                })
                .map(staff_file)
                .collect(),
            checked: checked.contains(&index),
        })
        .collect();
    let supplied: Vec<StaffFile> = uploads
        .iter()
        .filter(|upload| upload.supplement_id.is_some())
        .map(staff_file)
        .collect();
    if !supplied.is_empty() {
        let index = procedure.documents.len();
        lines.push(DocumentCheck {
            index,
            name: SUPPLEMENT_FILES.to_string(),
            required: false,
            files: supplied,
            checked: checked.contains(&index),
        });
    }
    lines
}

/// Whether `index` names a line of the dossier's checklist.
pub fn is_checklist_line(procedure: &Procedure, uploads: &[DossierUpload], index: usize) -> bool {
    index < procedure.documents.len()
        || (index == procedure.documents.len()
            && uploads.iter().any(|upload| upload.supplement_id.is_some()))
}

fn staff_file(upload: &DossierUpload) -> StaffFile {
    StaffFile {
        id: upload.id.clone(),
        name: upload.name.clone(),
        size: u64::try_from(upload.size).unwrap_or_default(),
        content_type: upload.content_type.clone(),
    }
}
