//! `/tra-cuu`: find a dossier by its code and the phone given when filing. Both are checked on the
//! device first, with the same rules as the server.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use motcua_api::applicant::Phone;
use motcua_api::dossier::DossierCode;
use motcua_api::filing::FieldErrors;

use super::{dossier_url, remember_phone};
use crate::api::{self, Proof};
use crate::components::fields::{InputKind, TextField};
use crate::components::layout::{focus_heading, use_title};
use crate::components::notice::error_message;
use crate::components::problems::{ErrorSummary, Problem, Problems, field_id};
use crate::i18n::{Lang, ttr, use_language, use_tracking_texts};

const CODE: &str = "tracking.code";
const PHONE: &str = "tracking.phone";

#[component]
pub fn TrackingSearch() -> impl IntoView {
    let texts = use_tracking_texts();
    use_title(move |_| Some(texts().search_heading.to_string()));
    focus_heading();
    let problems = Problems::new();
    provide_context(problems);
    let lang = use_language();
    let code = RwSignal::new(String::new());
    let phone = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let navigate = use_navigate();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let checked = (
            DossierCode::try_from(code.get_untracked()),
            Phone::try_from(phone.get_untracked().as_str()),
        );
        let (code, phone) = match checked {
            (Ok(code), Ok(phone)) => (code, phone),
            (code, phone) => {
                let mut errors = FieldErrors::new();
                if let Err(message) = code {
                    errors.insert(CODE.into(), message);
                }
                if let Err(message) = phone {
                    errors.insert(PHONE.into(), message);
                }
                problems.show_here(errors, lang.get_untracked());
                return;
            }
        };
        problems.0.set(Vec::new());
        sending.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            let found = api::track(code.as_str(), &Proof::Phone(phone.as_str().into())).await;
            if sending.is_disposed() {
                return;
            }
            sending.set(false);
            match found {
                Ok(dossier) => {
                    remember_phone(dossier.code.as_str(), phone.as_str());
                    navigate(&dossier_url(dossier.code.as_str()), Default::default());
                }
                Err(error) => problems
                    .0
                    .set(vec![problem_of(&error, lang.get_untracked())]),
            }
        });
    };
    view! {
        <div class="container tracking-search">
            <ErrorSummary />
            <h1 tabindex="-1">{ttr(|t| t.search_heading)}</h1>
            <p class="lead">{ttr(|t| t.search_intro)}</p>
            <form class="step-form" novalidate on:submit=on_submit>
                <TextField
                    field=CODE.to_string()
                    value=String::new()
                    on_input=Callback::new(move |value| code.set(value))
                    label=move || texts().code_label
                    hint=Some((move || texts().code_hint).into())
                    example=Some("XA-261201-0007".into())
                    kind=InputKind {
                        width: "input-code",
                        ..InputKind::TEXT
                    }
                />
                <TextField
                    field=PHONE.to_string()
                    value=String::new()
                    on_input=Callback::new(move |value| phone.set(value))
                    label=move || texts().phone_label
                    hint=Some((move || texts().phone_hint).into())
                    example=Some("0912 345 678".into())
                    kind=InputKind {
                        autocomplete: "tel",
                        ..InputKind::PHONE
                    }
                />
                <button
                    type="submit"
                    class="button button-primary button-large"
                    disabled=move || sending.get()
                >
                    {move || {
                        if sending.get() { texts().searching } else { texts().search_button }
                    }}
                </button>
            </form>
        </div>
    }
}

/// What the summary says when the server did not give the dossier: a 404 is the same whether the
/// code or the phone is wrong; a 429 carries the server's own message.
fn problem_of(error: &api::Error, lang: Lang) -> Problem {
    if error.is_not_found() {
        return Problem {
            field: String::new(),
            message: lang.tracking().no_match.to_string(),
            href: format!("#{}", field_id(CODE)),
        };
    }
    Problem {
        field: String::new(),
        message: error_message(error, lang),
        href: String::new(),
    }
}
