//! `/can-bo/dang-nhap`: the officer's sign-in. Wrong credentials get one message whichever part
//! was wrong; too many attempts get the server's own message (it says when to try again).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use motcua_api::staff::LoginInput;

use super::{RETURN_PARAM, safe_return};
use crate::api;
use crate::components::fields::{InputKind, TextField, described_by, field_error};
use crate::components::layout::{focus_heading, use_title};
use crate::components::notice::error_message;
use crate::components::problems::{ErrorSummary, Problem, Problems, field_id};
use crate::i18n::{Lang, sttr, use_language, use_staff_texts};

const USERNAME: &str = "staff.username";
const PASSWORD: &str = "staff.password";

#[component]
pub fn StaffLogin() -> impl IntoView {
    let texts = use_staff_texts();
    use_title(move |_| Some(texts().sign_in_heading.to_string()));
    focus_heading();
    let problems = Problems::new();
    provide_context(problems);
    let lang = use_language();
    let query = use_query_map();
    let return_to = query.read_untracked().get(RETURN_PARAM);
    let came_back = return_to.is_some();
    let username = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let navigate = use_navigate();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let input = LoginInput {
            username: username.get_untracked().trim().to_string(),
            password: password.get_untracked(),
        };
        let texts = lang.get_untracked().staff();
        let mut missing = Vec::new();
        if input.username.is_empty() {
            missing.push(here(USERNAME, texts.username_missing));
        }
        if input.password.is_empty() {
            missing.push(here(PASSWORD, texts.password_missing));
        }
        if !missing.is_empty() {
            problems.0.set(missing);
            return;
        }
        problems.0.set(Vec::new());
        sending.set(true);
        let navigate = navigate.clone();
        let return_to = return_to.clone();
        leptos::task::spawn_local(async move {
            let result = api::staff::login(&input).await;
            if sending.is_disposed() {
                return;
            }
            sending.set(false);
            match result {
                Ok(_) => navigate(&safe_return(return_to), Default::default()),
                Err(error) => problems
                    .0
                    .set(vec![problem_of(&error, lang.get_untracked())]),
            }
        });
    };
    let notice = came_back.then(|| {
        view! { <p class="notice" id="staff-session-ended">{sttr(|t| t.session_ended)}</p> }
    });
    view! {
        <div class="container staff-login">
            <ErrorSummary />
            <h1 tabindex="-1">{sttr(|t| t.sign_in_heading)}</h1>
            {notice}
            <p class="lead">{sttr(|t| t.sign_in_intro)}</p>
            <form class="step-form" novalidate on:submit=on_submit>
                <TextField
                    field=USERNAME.to_string()
                    value=String::new()
                    on_input=Callback::new(move |value| username.set(value))
                    label=move || texts().username
                    kind=InputKind {
                        autocomplete: "username",
                        width: "input-username",
                        ..InputKind::TEXT
                    }
                />
                <PasswordField password=password />
                <button
                    type="submit"
                    id="staff-sign-in"
                    class="button button-primary button-large"
                    disabled=move || sending.get()
                >
                    {move || if sending.get() { texts().signing_in } else { texts().sign_in }}
                </button>
            </form>
        </div>
    }
}

/// The password with a "Hiện mật khẩu" toggle, so an officer at a busy counter can check it.
#[component]
fn PasswordField(password: RwSignal<String>) -> impl IntoView {
    let texts = use_staff_texts();
    let problems = expect_context::<Problems>();
    let id = field_id(PASSWORD);
    let shown = RwSignal::new(false);
    let invalid = Memo::new(move |_| problems.of(PASSWORD).is_some());
    view! {
        <div class="form-group" class:form-group-error=move || invalid.get()>
            <label for=id.clone() class="label">
                {sttr(|t| t.password)}
            </label>
            {field_error(problems, PASSWORD.to_string(), id.clone())}
            <div class="password-row">
                <input
                    id=id.clone()
                    name=id.clone()
                    class="input input-password"
                    type=move || if shown.get() { "text" } else { "password" }
                    autocomplete="current-password"
                    autocapitalize="none"
                    spellcheck="false"
                    aria-describedby=described_by(problems, PASSWORD.to_string(), id, false)
                    aria-invalid=move || invalid.get().then_some("true")
                    on:input=move |event| password.set(event_target_value(&event))
                />
                <button
                    type="button"
                    id="staff-password-toggle"
                    class="button"
                    aria-pressed=move || if shown.get() { "true" } else { "false" }
                    on:click=move |_| shown.update(|shown| *shown = !*shown)
                >
                    {move || {
                        if shown.get() { texts().hide_password } else { texts().show_password }
                    }}
                </button>
            </div>
            <p class="visually-hidden" aria-live="polite">
                {move || shown.get().then(|| texts().password_shown)}
            </p>
        </div>
    }
}

fn here(field: &str, message: &str) -> Problem {
    Problem {
        field: field.to_string(),
        message: message.to_string(),
        href: format!("#{}", field_id(field)),
    }
}

/// 401 is told the same whether the name or the password was wrong, pointing at the password; a
/// 429 (too many attempts) and the rest carry the server's message.
fn problem_of(error: &api::Error, lang: Lang) -> Problem {
    if error.is_signed_out() {
        return here(PASSWORD, lang.staff().bad_credentials);
    }
    Problem {
        field: String::new(),
        message: error_message(error, lang),
        href: String::new(),
    }
}
