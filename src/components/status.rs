//! A dossier's status in plain words, as a coloured tag.

use leptos::prelude::*;
use motcua_api::dossier::DossierStatus;

use crate::i18n::{FilingTexts, use_filing_texts};

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
