//! A dossier's status, deadline and timeline in plain words; the status as a coloured tag.

use leptos::prelude::*;
use motcua_api::dossier::DossierStatus;
use motcua_api::tracking::{Deadline, TimelineEntry};

use crate::format::moment;
use crate::i18n::{DeadlineTexts, FilingTexts, use_filing_texts};

/// The status as the citizen reads it, e.g. "Đang giải quyết".
pub fn status_name(status: DossierStatus, texts: &FilingTexts) -> &'static str {
    match status {
        DossierStatus::Submitted => texts.status_submitted,
        DossierStatus::Received => texts.status_received,
        DossierStatus::Refused => texts.status_refused,
        DossierStatus::Processing => texts.status_processing,
        DossierStatus::NeedsSupplement => texts.status_needs_supplement,
        DossierStatus::Done => texts.status_done,
        DossierStatus::Returned => texts.status_returned,
        DossierStatus::Withdrawn => texts.status_withdrawn,
    }
}

/// The status words in a tag coloured by status (`status-tag-{status}`); the colour only repeats
/// what the words say.
#[component]
pub fn StatusTag(
    status: DossierStatus,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let texts = use_filing_texts();
    view! {
        <strong id=id class=format!("status-tag status-tag-{}", status.as_str())>
            {move || status_name(status, texts())}
        </strong>
    }
}

/// The deadline in words; none for a dossier refused or withdrawn, which has no result to wait for.
pub fn deadline_text(
    status: DossierStatus,
    deadline: Deadline,
    texts: &DeadlineTexts,
) -> Option<String> {
    if matches!(status, DossierStatus::Refused | DossierStatus::Withdrawn) {
        return None;
    }
    let days = |template: &str, n: u32| template.replace("{n}", &n.to_string());
    Some(match deadline {
        Deadline::NoDate => texts.no_deadline.to_string(),
        Deadline::OnTime {
            working_days_left: 0,
        } => texts.due_today.to_string(),
        Deadline::OnTime { working_days_left } => days(texts.days_left, working_days_left),
        Deadline::Overdue {
            working_days_late: 0,
        } => texts.past_promised.to_string(),
        Deadline::Overdue { working_days_late } => days(texts.days_late, working_days_late),
        Deadline::Finished { on_time: true } => texts.finished_on_time.to_string(),
        Deadline::Finished { on_time: false } => texts.finished_late.to_string(),
        Deadline::Paused => texts.paused.to_string(),
    })
}

/// One step of a dossier's timeline, newest first in its `<ol>`; `time_at` is the word between the
/// date and the hour ("lúc", "at").
pub fn timeline_entry(entry: TimelineEntry, time_at: Signal<&'static str>) -> impl IntoView {
    let filing = use_filing_texts();
    let TimelineEntry {
        at,
        status,
        office,
        note,
    } = entry;
    let note = (!note.is_empty()).then(|| view! { <p class="timeline-note">{note}</p> });
    view! {
        <li class="timeline-entry">
            <p class="timeline-status">{move || status_name(status, filing())}</p>
            <p class="meta">{move || moment(at, time_at.get())}</p>
            <p class="meta">{office}</p>
            {note}
        </li>
    }
}
