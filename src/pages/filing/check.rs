//! "Kiểm tra lại thông tin": every answer with a "Sửa" link to its page, then "Gửi hồ sơ".

use leptos::prelude::*;
use leptos::text_prop::TextProp;
use leptos_router::hooks::use_navigate;
use motcua_api::applicant::AddressInput;
use motcua_api::dossier::DeliveryMethod;
use motcua_api::filing::{DossierInput, Step, is_asked};
use motcua_api::{Procedure, QuestionKind};

use super::draft::Draft;
use super::question::delivery_name;
use super::submit::{SendState, is_waiting, submit};
use super::{Form, StepHeader, words};
use crate::components::problems::Problems;
use crate::format::file_size;
use crate::i18n::{FilingTexts, ftr, use_filing_texts, use_language};
use crate::pages::staff::Session;

/// One line of the summary: what, the answer (lines), and the page to change it on.
struct Row {
    key: TextProp,
    value: TextProp,
    step: Step,
}

fn row(key: impl Into<TextProp>, value: impl Into<TextProp>, step: Step) -> Row {
    Row {
        key: key.into(),
        value: value.into(),
        step,
    }
}

fn address(address: &AddressInput) -> String {
    [&address.street, &address.commune, &address.province]
        .into_iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// An answer as typed, or "Không có".
fn answer(
    text: String,
    texts: impl Fn() -> &'static FilingTexts + Send + Sync + 'static,
) -> TextProp {
    TextProp::from(move || {
        if text.trim().is_empty() {
            texts().not_given.to_string()
        } else {
            text.clone()
        }
    })
}

fn applicant_rows(input: &DossierInput) -> Vec<Row> {
    let texts = use_filing_texts();
    let applicant = input.applicant.clone();
    let filing_for = {
        let applicant = applicant.clone();
        move || match applicant.filing_for.as_str() {
            "other" => format!(
                "{}: {} ({})",
                texts().for_other,
                applicant.represented_name.trim(),
                applicant.relationship.trim()
            ),
            _ => texts().for_self.to_string(),
        }
    };
    vec![
        row(move || texts().filing_for_row, filing_for, Step::FilingFor),
        row(
            move || texts().full_name_row,
            answer(applicant.full_name, texts),
            Step::FullName,
        ),
        row(
            move || texts().citizen_id_row,
            answer(applicant.citizen_id, texts),
            Step::CitizenId,
        ),
        row(
            move || texts().date_of_birth_row,
            answer(applicant.date_of_birth, texts),
            Step::DateOfBirth,
        ),
        row(
            move || texts().phone_row,
            answer(applicant.phone, texts),
            Step::Phone,
        ),
        row(
            move || texts().email_row,
            answer(applicant.email, texts),
            Step::Email,
        ),
        row(
            move || texts().address_row,
            answer(address(&applicant.address), texts),
            Step::Address,
        ),
    ]
}

fn question_rows(procedure: &Procedure, input: &DossierInput) -> Vec<Row> {
    let texts = use_filing_texts();
    let questions = procedure
        .form
        .as_ref()
        .map(|form| form.questions.as_slice())
        .unwrap_or_default();
    questions
        .iter()
        .enumerate()
        .filter(|(_, question)| is_asked(procedure, question, input))
        .map(|(index, question)| {
            let value = if question.kind == QuestionKind::Address {
                let part = |name: &str| {
                    let key = format!("{}.{name}", question.id);
                    input.answers.get(&key).cloned().unwrap_or_default()
                };
                address(&AddressInput {
                    province: part("province"),
                    commune: part("commune"),
                    street: part("street"),
                })
            } else {
                input.answers.get(&question.id).cloned().unwrap_or_default()
            };
            row(
                question.label.clone(),
                answer(value, texts),
                Step::Question(index),
            )
        })
        .collect()
}

fn document_rows(procedure: &Procedure, draft: &Draft) -> Vec<Row> {
    let texts = use_filing_texts();
    procedure
        .documents
        .iter()
        .enumerate()
        .map(|(index, document)| {
            let files = draft
                .input
                .documents
                .get(&index)
                .into_iter()
                .flatten()
                .map(|id| match draft.files.get(id) {
                    Some(file) => format!("{} ({})", file.name, file_size(file.size)),
                    None => id.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n");
            let value = move || {
                if files.is_empty() {
                    texts().no_file.to_string()
                } else {
                    files.clone()
                }
            };
            row(document.name.clone(), value, Step::Document(index))
        })
        .collect()
}

fn delivery_rows(input: &DossierInput) -> Vec<Row> {
    let texts = use_filing_texts();
    let method = DeliveryMethod::parse(&input.delivery.method);
    let value = match method {
        Some(method) => delivery_name(method),
        None => TextProp::from(move || texts().not_given),
    };
    let mut rows = vec![row(move || texts().delivery_row, value, Step::Delivery)];
    if method == Some(DeliveryMethod::Post) {
        rows.push(row(
            move || texts().post_address_legend,
            answer(address(&input.delivery.address), texts),
            Step::Delivery,
        ));
    }
    rows
}

#[component]
fn SummaryList(rows: Vec<Row>) -> impl IntoView {
    let form = expect_context::<Form>();
    rows.into_iter()
        .map(|Row { key, value, step }| {
            let hidden = key.clone();
            view! {
                <div class="summary-row">
                    <dt class="summary-key">{move || key.get()}</dt>
                    <dd class="summary-value">{move || value.get()}</dd>
                    <dd class="summary-action">
                        <a href=form.fix_url(step)>
                            {ftr(|t| t.change)}
                            <span class="visually-hidden">" " {move || hidden.get()}</span>
                        </a>
                    </dd>
                </div>
            }
        })
        .collect_view()
}

#[component]
pub fn CheckPage() -> impl IntoView {
    let form = expect_context::<Form>();
    let problems = Problems::new();
    provide_context(problems);
    let state = RwSignal::new(SendState::Idle);
    let lang = use_language();
    let navigate = use_navigate();
    let session = use_context::<Session>();
    let send = move || submit(form, state, problems, lang, session, navigate.clone());
    if is_waiting(form) {
        send();
    }
    let (applicant, questions, documents, delivery) = form.draft.with_untracked(|draft| {
        form.procedure.with_value(|procedure| {
            (
                applicant_rows(&draft.input),
                question_rows(procedure, &draft.input),
                document_rows(procedure, draft),
                delivery_rows(&draft.input),
            )
        })
    });
    let has_questions = !questions.is_empty();
    let busy = move || state.get() != SendState::Idle;
    let status = move || match state.get() {
        SendState::Idle => None,
        SendState::Sending => {
            Some(view! { <p class="loading">{ftr(|t| t.sending)}</p> }.into_any())
        }
        SendState::Waiting { offline } => {
            let text = if offline {
                ftr(|t| t.offline_wait)
            } else {
                ftr(|t| t.server_wait)
            };
            Some(view! { <p class="notice notice-waiting">{text}</p> }.into_any())
        }
    };
    view! {
        <StepHeader step=Step::Check />
        <h1 class="question" tabindex="-1">{ftr(|t| t.check_heading)}</h1>
        <p>{ftr(|t| t.check_intro)}</p>
        <h2>{ftr(|t| t.applicant_section)}</h2>
        <dl class="summary-list">
            <SummaryList rows=applicant />
        </dl>
        {has_questions
            .then(|| {
                view! {
                    <h2>{ftr(|t| t.answers_section)}</h2>
                    <dl class="summary-list">
                        <SummaryList rows=questions />
                    </dl>
                }
            })}
        <h2>{ftr(|t| t.documents_section)}</h2>
        <dl class="summary-list">
            <SummaryList rows=documents />
        </dl>
        <h2>{ftr(|t| t.delivery_section)}</h2>
        <dl class="summary-list">
            <SummaryList rows=delivery />
        </dl>
        <p class="declaration">{words(|t| t.declaration, |t| t.declaration)}</p>
        <div role="status" aria-live="polite">{status}</div>
        <button
            type="button"
            class="button button-primary button-large"
            disabled=busy
            aria-disabled=move || busy().then_some("true")
            on:click=move |_| send()
        >
            {words(|t| t.submit, |t| t.submit)}
        </button>
    }
}
