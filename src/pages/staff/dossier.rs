//! `/can-bo/ho-so/{code}`: everything an officer needs to decide on a dossier, and the decisions
//! this officer may take on it now.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use motcua_api::date::format_vietnamese;
use motcua_api::dossier::DeliveryMethod;
use motcua_api::staff::{AnswerView, ApplicantView, Channel, DossierResult, StaffDossierView};

use super::actions::Actions;
use super::apology::Apology;
use super::audit::AuditLog;
use super::documents::Documents;
use super::forms::{Desk, NOTICE_ID};
use super::{INBOX_PATH, Session, StaffShell, is_late, page_or_sign_in};
use crate::api;
use crate::components::layout::{focus_heading, use_title};
use crate::components::notice::{Loading, error_fallback};
use crate::components::problems::ErrorSummary;
use crate::components::status::{StatusTag, deadline_text, timeline_entry};
use crate::format::moment;
use crate::i18n::{StaffTexts, sttr, use_staff_texts};

#[component]
pub fn StaffDossier() -> impl IntoView {
    view! {
        <StaffShell>
            <DossierContent />
        </StaffShell>
    }
}

#[component]
fn DossierContent() -> impl IntoView {
    let session = expect_context::<Session>();
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default().to_uppercase());
    let dossier = LocalResource::new(move || {
        let code = code.get();
        async move { api::staff::dossier(&code).await }
    });
    view! {
        <p>
            <a class="back-link" href=INBOX_PATH>
                {sttr(|t| t.back_to_inbox)}
            </a>
        </p>
        <Transition fallback=|| view! { <Loading /> }>
            <ErrorBoundary fallback=error_fallback>
                {move || Suspend::new(async move {
                    page_or_sign_in(
                        session,
                        dossier.await,
                        |dossier| view! { <DossierView dossier=dossier /> }.into_any(),
                    )
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn DossierView(dossier: StaffDossierView) -> impl IntoView {
    let session = expect_context::<Session>();
    let title = format!("{} — {}", dossier.code, dossier.procedure_name);
    use_title(move |_| Some(title.clone()));
    focus_heading();
    let applicant = dossier.applicant.clone();
    let answers = dossier.answers.clone();
    let heading = dossier.procedure_name.clone();
    let desk = Desk::new(dossier, session);
    provide_context(desk);
    provide_context(desk.problems);
    let audit = move || session.is_leader().then(|| view! { <AuditLog /> });
    view! {
        <ErrorSummary />
        <h1 tabindex="-1" id="staff-dossier-heading">{heading}</h1>
        <p id=NOTICE_ID class="staff-notice" role="status" aria-live="polite" tabindex="-1">
            {move || desk.notice.get()}
        </p>
        <p class="no-print">
            <a href="#actions-heading">{sttr(|t| t.actions_heading)}</a>
        </p>
        <Summary />
        <ApplicantCard applicant=applicant />
        <Answers answers=answers />
        <Documents />
        <ResultView />
        <section
            aria-labelledby="actions-heading"
            class="staff-section staff-actions"
            id="staff-actions"
        >
            <h2 id="actions-heading" tabindex="-1">{sttr(|t| t.actions_heading)}</h2>
            <Actions />
        </section>
        <Apology />
        <Timeline />
        {audit}
    }
}

fn delivery_name(delivery: DeliveryMethod, texts: &StaffTexts) -> &'static str {
    match delivery {
        DeliveryMethod::Counter => texts.delivery_counter,
        DeliveryMethod::Post => texts.delivery_post,
        DeliveryMethod::Online => texts.delivery_online,
    }
}

/// A `<dt>`/`<dd>` pair of a summary list.
fn row(key: fn(&StaffTexts) -> &'static str, value: impl IntoView + 'static) -> impl IntoView {
    view! {
        <div class="summary-row">
            <dt class="summary-key">{sttr(key)}</dt>
            <dd class="summary-value">{value}</dd>
        </div>
    }
}

#[component]
fn Summary() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let texts = use_staff_texts();
    move || {
        let dossier = desk.dossier.get();
        let status = dossier.status;
        let deadline = dossier.deadline;
        let channel = match dossier.channel {
            Channel::Online => sttr(|t| t.channel_online),
            Channel::Counter => sttr(|t| t.channel_counter),
        };
        let delivery = dossier.delivery;
        let submitted = dossier.submitted_at;
        let promised = dossier.promised_date.map(|date| {
            row(
                |t| t.promised,
                view! { <strong id="staff-promised">{format_vietnamese(date)}</strong> },
            )
        });
        let deadline_row = deadline_text(status, deadline, &texts().deadline_words).map(|_| {
            row(
                |t| t.deadline,
                view! {
                    <strong id="staff-deadline" class:deadline-late=is_late(deadline)>
                        {move || deadline_text(status, deadline, &texts().deadline_words)}
                    </strong>
                },
            )
        });
        view! {
            <dl class="summary-list staff-summary">
                {row(
                    |t| t.code,
                    view! { <strong id="staff-code">{dossier.code.to_string()}</strong> },
                )}
                {row(|t| t.status, view! { <StatusTag status=status id="staff-status" /> })}
                {promised}
                {deadline_row}
                {row(|t| t.channel, channel)}
                {row(|t| t.agency, format!("{} ({})", dossier.agency, dossier.procedure_code))}
                {row(|t| t.submitted_at, move || moment(submitted, texts().time_at))}
                {row(|t| t.received_on, format_vietnamese(dossier.received_on))}
                {row(|t| t.delivery, move || delivery_name(delivery, texts()))}
            </dl>
        }
    }
}

#[component]
fn ApplicantCard(applicant: ApplicantView) -> impl IntoView {
    let ApplicantView {
        full_name,
        citizen_id,
        date_of_birth,
        phone,
        email,
        address,
        represented,
    } = applicant;
    view! {
        <section
            aria-labelledby="applicant-heading"
            class="staff-section staff-card"
            id="staff-applicant"
        >
            <h2 id="applicant-heading">{sttr(|t| t.applicant_heading)}</h2>
            <dl class="summary-list">
                {row(|t| t.full_name, view! { <strong>{full_name}</strong> })}
                {represented.map(|represented| row(|t| t.represented, represented))}
                {row(|t| t.citizen_id, citizen_id)}
                {row(|t| t.date_of_birth, format_vietnamese(date_of_birth))}
                {row(|t| t.phone, view! { <a href=format!("tel:{phone}")>{phone.clone()}</a> })}
                {email.map(|email| row(|t| t.email, email))}
                {row(|t| t.address, address)}
            </dl>
        </section>
    }
}

#[component]
fn Answers(answers: Vec<AnswerView>) -> impl IntoView {
    let body = if answers.is_empty() {
        view! { <p class="meta">{sttr(|t| t.no_answers)}</p> }.into_any()
    } else {
        let rows = answers
            .into_iter()
            .map(|AnswerView { question, answer }| {
                view! {
                    <div class="summary-row">
                        <dt class="summary-key">{question}</dt>
                        <dd class="summary-value">{answer}</dd>
                    </div>
                }
            })
            .collect_view();
        view! { <dl class="summary-list" id="staff-answers">{rows}</dl> }.into_any()
    };
    view! {
        <section aria-labelledby="answers-heading" class="staff-section">
            <h2 id="answers-heading">{sttr(|t| t.answers_heading)}</h2>
            {body}
        </section>
    }
}

#[component]
fn ResultView() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let result = Memo::new(move |_| desk.dossier.with(|dossier| dossier.result.clone()));
    move || {
        result.get().map(|DossierResult { note, file }| {
            let file = file.map(|file| {
                let url = api::staff::file_url(&desk.code.get_value(), &file.id);
                view! {
                    <p>
                        <a href=url target="_blank" rel="noopener" id="staff-result-file">
                            {file.name}
                        </a>
                    </p>
                }
            });
            view! {
                <section aria-labelledby="result-heading" class="staff-section" id="staff-result">
                    <h2 id="result-heading">{sttr(|t| t.result_heading)}</h2>
                    <p class="timeline-note">{note}</p>
                    {file}
                </section>
            }
        })
    }
}

#[component]
fn Timeline() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let time_at = sttr(|t| t.time_at);
    let entries = move || {
        desk.dossier
            .with(|dossier| dossier.timeline.clone())
            .into_iter()
            .map(|entry| timeline_entry(entry, time_at))
            .collect_view()
    };
    view! {
        <section aria-labelledby="timeline-heading" class="staff-section">
            <h2 id="timeline-heading">{sttr(|t| t.timeline_heading)}</h2>
            <ol class="timeline staff-timeline" id="staff-timeline">{entries}</ol>
        </section>
    }
}
