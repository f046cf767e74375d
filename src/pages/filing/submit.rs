//! Sending the dossier: once, with an `Idempotency-Key` kept in the draft, and again and again
//! while the network or the server is down, until it lands. Online it goes to `/api/dossiers`; at
//! the counter to `/api/staff/dossiers`, with the officer's session.

use js_sys::Promise;
use leptos::prelude::*;
use leptos_router::NavigateOptions;
use motcua_api::dossier::DossierReceipt;
use motcua_api::filing::{DossierInput, Step, validate};
use wasm_bindgen_futures::JsFuture;

use super::draft::{self, Submission};
use super::filed::remember;
use super::{Form, Mode, today};
use crate::api;
use crate::components::problems::{Problem, Problems};
use crate::i18n::{FilingTexts, Lang};
use crate::pages::staff::Session;

/// First wait before sending again; it doubles up to `MAX_RETRY_MS`.
const FIRST_RETRY_MS: i32 = 2_000;
const MAX_RETRY_MS: i32 = 30_000;

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum SendState {
    Idle,
    Sending,
    /// Not sent for want of a connection (`offline`) or because the server failed; sent again
    /// by itself.
    Waiting {
        offline: bool,
    },
}

/// A new idempotency key: 32 random hexadecimal digits.
fn new_key() -> String {
    let mut bytes = [0u8; 16];
    let random = window()
        .crypto()
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).map(drop));
    if random.is_err() {
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// The body to send and its key: the key of the last attempt while the body is the same.
fn prepare(form: Form) -> (DossierInput, String) {
    let mut prepared = (DossierInput::default(), String::new());
    form.draft.edit(|draft| {
        let body = serde_json::to_string(&draft.input).unwrap_or_default();
        let key = match &draft.submission {
            Some(submission) if submission.body == body => submission.key.clone(),
            _ => new_key(),
        };
        draft.submission = Some(Submission {
            key: key.clone(),
            body,
            waiting: false,
        });
        prepared = (draft.input.clone(), key);
    });
    prepared
}

/// Whether an earlier sending of this very draft is waiting for the network.
pub fn is_waiting(form: Form) -> bool {
    form.draft.with_untracked(|draft| {
        let body = serde_json::to_string(&draft.input).unwrap_or_default();
        draft
            .submission
            .as_ref()
            .is_some_and(|submission| submission.waiting && submission.body == body)
    })
}

/// Checks the whole dossier, then sends it until it lands; on success opens the receipt. At the
/// counter, a `session` that has ended sends the officer to sign in (the draft waits here).
pub fn submit(
    form: Form,
    state: RwSignal<SendState>,
    problems: Problems,
    lang: RwSignal<Lang>,
    session: Option<Session>,
    navigate: impl Fn(&str, NavigateOptions) + 'static,
) {
    if state.get_untracked() != SendState::Idle {
        return;
    }
    let errors = form.draft.with_untracked(|draft| {
        form.procedure
            .with_value(|procedure| validate(procedure, &draft.input, today()).err())
    });
    if let Some(errors) = errors {
        let fields = errors
            .into_iter()
            .map(|(field, message)| (field, lang.get_untracked().message(message).to_string()))
            .collect();
        problems
            .0
            .set(elsewhere(form, fields, lang.get_untracked().filing()));
        return;
    }
    problems.0.set(Vec::new());
    state.set(SendState::Sending);
    leptos::task::spawn_local(async move {
        match send_until_landed(form, state).await {
            Some(Ok(receipt)) => {
                // A dossier filed at the counter is the citizen's, not this device's.
                if form.mode == Mode::Citizen {
                    remember(&receipt);
                }
                draft::remove(form.mode, &receipt.procedure_code);
                form.draft.clear();
                if !state.is_disposed() {
                    let options = NavigateOptions {
                        replace: true,
                        ..Default::default()
                    };
                    navigate(&form.mode.receipt_url(&receipt), options);
                }
            }
            Some(Err(error)) if !state.is_disposed() => {
                state.set(SendState::Idle);
                if session.is_some_and(|session| session.signed_out(&error)) {
                    return;
                }
                problems
                    .0
                    .set(problems_of(form, error, lang.get_untracked()));
            }
            Some(Err(_)) => {}
            None => {}
        }
    });
}

/// `None` when the citizen left the page while waiting.
async fn send_until_landed(
    form: Form,
    state: RwSignal<SendState>,
) -> Option<Result<DossierReceipt, api::Error>> {
    let mut delay = FIRST_RETRY_MS;
    let mut key_renewed = false;
    loop {
        let (input, key) = prepare(form);
        let sent = match form.mode {
            Mode::Citizen => api::submit_dossier(&input, &key).await,
            Mode::Counter => api::staff::file_at_counter(&input, &key).await,
        };
        match sent {
            Ok(receipt) => return Some(Ok(receipt)),
            Err(error) if error.is_transient() => {
                form.draft.edit(|draft| {
                    if let Some(submission) = &mut draft.submission {
                        submission.waiting = true;
                    }
                });
                let offline = matches!(error, api::Error::Offline | api::Error::Network);
                state.try_set(SendState::Waiting { offline });
                wait_for_network(delay).await;
                delay = (delay * 2).min(MAX_RETRY_MS);
                if state.is_disposed() {
                    return None;
                }
            }
            Err(api::Error::Api { body, .. })
                if body.error == "idempotency_key_reused" && !key_renewed =>
            {
                key_renewed = true;
                form.draft.edit(|draft| draft.submission = None);
            }
            Err(error) => return Some(Err(error)),
        }
    }
}

/// Resolves after `delay_ms`, or as soon as the device is back online.
async fn wait_for_network(delay_ms: i32) {
    let window = window();
    let mut wake = None;
    let woken = Promise::new(&mut |resolve, _| {
        window
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, delay_ms)
            .ok();
        window
            .add_event_listener_with_callback("online", &resolve)
            .ok();
        wake = Some(resolve);
    });
    JsFuture::from(woken).await.ok();
    if let Some(wake) = wake {
        window
            .remove_event_listener_with_callback("online", &wake)
            .ok();
    }
}

/// Each field error with a link to the page that fixes it, in the order of the pages. Errors of a
/// question or a document say which one: "Hãy trả lời câu hỏi này" alone would not.
fn elsewhere(form: Form, fields: Vec<(String, String)>, texts: &FilingTexts) -> Vec<Problem> {
    let all = form.steps();
    let mut problems: Vec<(usize, Problem)> = fields
        .into_iter()
        .map(|(field, message)| {
            let step = form
                .procedure
                .with_value(|procedure| Step::of_field(procedure, &field));
            let position = step
                .and_then(|step| all.iter().position(|other| *other == step))
                .unwrap_or(usize::MAX);
            let message = match step {
                Some(Step::Question(index)) => form.procedure.with_value(|procedure| {
                    let question = procedure
                        .form
                        .as_ref()
                        .and_then(|form| form.questions.get(index));
                    match question {
                        Some(question) => format!("{}: {message}", question.label),
                        None => message,
                    }
                }),
                Some(Step::Document(index)) => {
                    format!("{} {}: {message}", texts.document_number, index + 1)
                }
                _ => message,
            };
            let href = step.map(|step| form.fix_url(step)).unwrap_or_default();
            (
                position,
                Problem {
                    field,
                    message,
                    href,
                },
            )
        })
        .collect();
    problems.sort_by_key(|(position, _)| *position);
    problems.into_iter().map(|(_, problem)| problem).collect()
}

/// What the citizen is told when the server refused the dossier.
fn problems_of(form: Form, error: api::Error, lang: Lang) -> Vec<Problem> {
    let unexpected = || Problem {
        field: String::new(),
        message: lang.texts().unexpected.to_string(),
        href: String::new(),
    };
    match error {
        api::Error::Api { body, .. } if !body.fields.is_empty() => {
            let fields = body.fields.into_iter();
            let fields = fields.map(|(field, message)| (field, lang.server_message(message)));
            elsewhere(form, fields.collect(), lang.filing())
        }
        api::Error::Api { body, .. } if !body.message.is_empty() => vec![Problem {
            field: String::new(),
            message: lang.server_message(body.message),
            href: String::new(),
        }],
        _ => vec![unexpected()],
    }
}
