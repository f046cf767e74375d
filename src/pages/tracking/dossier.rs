//! `/ho-so/{code}`: where a dossier stands, opened with `?token=` (the receipt's link or QR code),
//! the token saved when it was filed on this device, or the phone it was just found with.

use leptos::prelude::*;
use motcua_api::apology::current_promise;
use motcua_api::dossier::DossierStatus;
use motcua_api::query::percent_encode;
use motcua_api::rating::can_be_rated;
use motcua_api::tracking::{Deadline, DossierTracking};

use super::apology::{ApologyLetters, LetterContext};
use super::rating::RatingSection;
use super::supplement::SupplementTodo;
use super::{Found, dossier_page};
use crate::api::{self, Proof};
use crate::components::layout::{focus_heading, use_title};
use crate::components::status::{StatusTag, deadline_text, timeline_entry};
use crate::format::date_with_weekday;
use crate::i18n::{ftr, tr, ttr, use_filing_texts, use_language, use_tracking_texts};
use crate::pages::filing::receipt_url;

#[component]
pub fn Tracking() -> impl IntoView {
    // The dossier whose supplement was just sent: outlives the page drawn again, to say so.
    let sent = RwSignal::new(None::<String>);
    let fetch = |code: String, proof: Proof| async move { api::track(&code, &proof).await };
    let page =
        move |found: Found<DossierTracking>| view! { <TrackingView found=found sent=sent /> };
    view! { <div class="container tracking">{dossier_page(fetch, page, ttr(|t| t.not_found))}</div> }
}

#[component]
fn TrackingView(found: Found<DossierTracking>, sent: RwSignal<Option<String>>) -> impl IntoView {
    let texts = use_tracking_texts();
    let filing = use_filing_texts();
    let name = found.value.procedure_name.clone();
    use_title(move |_| Some(name.clone()));
    focus_heading();
    let Found {
        value: dossier,
        code,
        proof,
        reload,
    } = found;
    let DossierTracking {
        procedure_name,
        agency,
        status,
        received_on,
        promised_date,
        processing_time,
        timeline,
        deadline,
        supplement,
        apology_letters,
        result_note,
        ..
    } = dossier;
    let promised = promised_date.map(|date| {
        view! {
            <div class="summary-row">
                <dt class="summary-key">{ftr(|t| t.promised_row)}</dt>
                <dd class="summary-value">
                    <strong id="promised-date">{move || date_with_weekday(date, filing())}</strong>
                </dd>
            </div>
        }
    });
    // The deadline stays counted against the receipt's date; the letters' new date is told apart.
    let new_promise = (!apology_letters.is_empty())
        .then(|| current_promise(promised_date, &apology_letters))
        .flatten()
        .map(|date| {
            view! {
                <div class="summary-row summary-row-highlight">
                    <dt class="summary-key">{ttr(|t| t.new_promise_row)}</dt>
                    <dd class="summary-value">
                        <strong id="new-promised-date">
                            {move || date_with_weekday(date, filing())}
                        </strong>
                    </dd>
                </div>
            }
        });
    let late = matches!(
        deadline,
        Deadline::Overdue { .. } | Deadline::Finished { on_time: false }
    );
    let lang = use_language();
    let shown = deadline_text(
        status,
        deadline,
        &lang.get_untracked().tracking().deadline_words,
    )
    .is_some();
    let deadline = shown.then(|| {
        view! {
            <div class="summary-row">
                <dt class="summary-key">{ttr(|t| t.deadline_row)}</dt>
                <dd class="summary-value">
                    <strong id="tracking-deadline" class:deadline-late=late>
                        {move || deadline_text(status, deadline, &texts().deadline_words)}
                    </strong>
                </dd>
            </div>
        }
    });
    let result = result_note
        .filter(|note| !note.trim().is_empty())
        .map(|note| {
            view! {
                <div class="summary-row summary-row-highlight">
                    <dt class="summary-key">{ttr(|t| t.result_row)}</dt>
                    <dd class="summary-value">
                        <strong id="result-note">{note}</strong>
                    </dd>
                </div>
            }
        });
    // Said by the page drawn again after the sending, not by the one still waiting.
    let answered = (status != DossierStatus::NeedsSupplement).then(|| code.clone());
    let sent_notice = move || {
        (answered.is_some() && sent.with(|sent| *sent == answered)).then(|| {
            view! {
                <p id="supplement-sent" class="notice notice-success" role="status">
                    {ttr(|t| t.supplement_sent)}
                </p>
            }
        })
    };
    let todo = (status == DossierStatus::NeedsSupplement).then(|| {
        let fallback_note = timeline
            .iter()
            .rev()
            .find(|entry| entry.status == DossierStatus::NeedsSupplement)
            .map(|entry| entry.note.clone())
            .unwrap_or_default();
        view! {
            <SupplementTodo
                code=code.clone()
                proof=proof.clone()
                request=supplement
                fallback_note=fallback_note
                reload=reload
                sent=sent
            />
        }
    });
    let letters = (!apology_letters.is_empty()).then(|| {
        let context = LetterContext {
            code: code.clone(),
            procedure_name: procedure_name.clone(),
            received_on,
        };
        view! { <ApologyLetters letters=apology_letters context=context proof=proof.clone() /> }
    });
    let rating = can_be_rated(status)
        .then(|| view! { <RatingSection code=code.clone() proof=proof.clone() /> });
    // Without the token (found by phone), the receipt page finds the phone in this tab.
    let receipt_link = match &proof {
        Proof::Token(token) => receipt_url(&code, token),
        Proof::Phone(_) => format!("/ho-so/{}/phieu-tiep-nhan", percent_encode(&code)),
    };
    let time_at = ttr(|t| t.time_at);
    let entries = timeline
        .into_iter()
        .rev()
        .map(|entry| timeline_entry(entry, time_at))
        .collect_view();
    view! {
        <h1 tabindex="-1">{procedure_name}</h1>
        {sent_notice}
        {todo}
        <dl class="summary-list tracking-summary">
            <div class="summary-row">
                <dt class="summary-key">{ttr(|t| t.code_row)}</dt>
                <dd class="summary-value">
                    <strong id="dossier-code">{code.clone()}</strong>
                </dd>
            </div>
            <div class="summary-row">
                <dt class="summary-key">{ftr(|t| t.status_row)}</dt>
                <dd class="summary-value">
                    <StatusTag status=status id="tracking-status" />
                </dd>
            </div>
            {promised}
            {new_promise}
            {deadline}
            {result}
            <div class="summary-row">
                <dt class="summary-key">{ftr(|t| t.agency_row)}</dt>
                <dd class="summary-value">{agency}</dd>
            </div>
            <div class="summary-row">
                <dt class="summary-key">{tr(|t| t.processing_time)}</dt>
                <dd class="summary-value">{processing_time}</dd>
            </div>
        </dl>
        {letters}
        {rating}
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{ttr(|t| t.timeline_heading)}</h2>
            <p class="hint">{ttr(|t| t.timeline_order)}</p>
            <ol id="tracking-timeline" class="timeline">{entries}</ol>
        </section>
        <p class="no-print">
            <a href=receipt_link>{ttr(|t| t.view_receipt)}</a>
        </p>
        <p class="no-print">
            <a href="/tra-cuu">{ttr(|t| t.track_another)}</a>
        </p>
    }
}
