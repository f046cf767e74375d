//! `/ho-so/{code}`: where a dossier stands, opened with `?token=` (the receipt's link or QR code),
//! the token saved when it was filed on this device, or the phone it was just found with.

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use motcua_api::date::{format_vietnamese, vietnam_local_time};
use motcua_api::dossier::DossierStatus;
use motcua_api::query::percent_encode;
use motcua_api::tracking::{Deadline, DossierTracking, TimelineEntry};

use super::proof_for;
use crate::api::{self, Proof};
use crate::components::layout::{focus_heading, use_title};
use crate::components::notice::{Loading, error_fallback};
use crate::components::status::{StatusTag, status_name};
use crate::format::date_with_weekday;
use crate::i18n::{TrackingTexts, ftr, tr, ttr, use_filing_texts, use_tracking_texts};
use crate::pages::filing::receipt_url;

#[component]
pub fn Tracking() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let found = LocalResource::new(move || {
        let code = params.read().get("code").unwrap_or_default().to_uppercase();
        let proof = proof_for(&code, query.read().get("token"));
        async move {
            match proof {
                Some(proof) => {
                    let token = match &proof {
                        Proof::Token(token) => Some(token.clone()),
                        Proof::Phone(_) => None,
                    };
                    api::track(&code, &proof)
                        .await
                        .map(|dossier| Some((dossier, token)))
                }
                None => Ok(None),
            }
        }
    });
    view! {
        <div class="container tracking">
            <Transition fallback=|| view! { <Loading /> }>
                <ErrorBoundary fallback=error_fallback>
                    {move || Suspend::new(async move {
                        match found.await {
                            Ok(Some((dossier, token))) => {
                                Ok(view! { <TrackingView dossier=dossier token=token /> }.into_any())
                            }
                            Ok(None) => Ok(view! { <NotFound /> }.into_any()),
                            Err(error) if error.is_not_found() => Ok(view! { <NotFound /> }.into_any()),
                            Err(error) => Err(error),
                        }
                    })}
                </ErrorBoundary>
            </Transition>
        </div>
    }
}

/// No proof on this device, or one that does not open the dossier: the same page either way.
#[component]
fn NotFound() -> impl IntoView {
    let texts = use_filing_texts();
    use_title(move |_| Some(texts().receipt_not_found_title.to_string()));
    focus_heading();
    view! {
        <h1 tabindex="-1">{ftr(|t| t.receipt_not_found_title)}</h1>
        <p>{ttr(|t| t.not_found)}</p>
        <p>
            <a href="/tra-cuu">{ttr(|t| t.search_link)}</a>
        </p>
    }
}

/// The deadline in words; none for a dossier refused or withdrawn, which has no result to wait for.
fn deadline_text(
    status: DossierStatus,
    deadline: Deadline,
    texts: &TrackingTexts,
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

/// `07/12/2026 lúc 14:05`, on the clock of Vietnam.
fn moment(unix_secs: i64, texts: &TrackingTexts) -> String {
    let local = vietnam_local_time(unix_secs);
    format!(
        "{} {} {:02}:{:02}",
        format_vietnamese(local.date),
        texts.time_at,
        local.hour,
        local.minute
    )
}

#[component]
fn TrackingView(dossier: DossierTracking, token: Option<String>) -> impl IntoView {
    let texts = use_tracking_texts();
    let filing = use_filing_texts();
    let name = dossier.procedure_name.clone();
    use_title(move |_| Some(name.clone()));
    focus_heading();
    let DossierTracking {
        code,
        procedure_name,
        agency,
        status,
        promised_date,
        processing_time,
        timeline,
        deadline,
        ..
    } = dossier;
    let code = code.to_string();
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
    let late = matches!(
        deadline,
        Deadline::Overdue { .. } | Deadline::Finished { on_time: false }
    );
    let deadline = deadline_text(status, deadline, texts()).is_some().then(|| {
        view! {
            <div class="summary-row">
                <dt class="summary-key">{ttr(|t| t.deadline_row)}</dt>
                <dd class="summary-value">
                    <strong id="tracking-deadline" class:deadline-late=late>
                        {move || deadline_text(status, deadline, texts())}
                    </strong>
                </dd>
            </div>
        }
    });
    let todo = (status == DossierStatus::NeedsSupplement).then(|| {
        let note = timeline
            .iter()
            .rev()
            .find(|entry| entry.status == DossierStatus::NeedsSupplement)
            .map(|entry| entry.note.clone())
            .unwrap_or_default();
        view! {
            <section class="todo" aria-labelledby="todo-heading">
                <h2 id="todo-heading">{ttr(|t| t.todo_heading)}</h2>
                <p>{ttr(|t| t.todo_supplement)}</p>
                <p class="todo-note">{note}</p>
                <p>{ttr(|t| t.todo_after)}</p>
            </section>
        }
    });
    // Without the token (found by phone), the receipt page finds the phone in this tab.
    let receipt_link = match &token {
        Some(token) => receipt_url(&code, token),
        None => format!("/ho-so/{}/phieu-tiep-nhan", percent_encode(&code)),
    };
    let receipt = view! {
        <p class="no-print">
            <a href=receipt_link>{ttr(|t| t.view_receipt)}</a>
        </p>
    };
    let entries = timeline
        .into_iter()
        .rev()
        .map(timeline_entry)
        .collect_view();
    view! {
        <h1 tabindex="-1">{procedure_name}</h1>
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
            {deadline}
            <div class="summary-row">
                <dt class="summary-key">{ftr(|t| t.agency_row)}</dt>
                <dd class="summary-value">{agency}</dd>
            </div>
            <div class="summary-row">
                <dt class="summary-key">{tr(|t| t.processing_time)}</dt>
                <dd class="summary-value">{processing_time}</dd>
            </div>
        </dl>
        <section aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{ttr(|t| t.timeline_heading)}</h2>
            <p class="hint">{ttr(|t| t.timeline_order)}</p>
            <ol id="tracking-timeline" class="timeline">{entries}</ol>
        </section>
        {receipt}
        <p>
            <a href="/tra-cuu">{ttr(|t| t.track_another)}</a>
        </p>
    }
}

fn timeline_entry(entry: TimelineEntry) -> impl IntoView {
    let texts = use_tracking_texts();
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
            <p class="meta">{move || moment(at, texts())}</p>
            <p class="meta">{office}</p>
            {note}
        </li>
    }
}
