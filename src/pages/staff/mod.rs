//! The staff workspace: `/can-bo/dang-nhap` (sign in), `/can-bo` (the inbox) and
//! `/can-bo/ho-so/{code}` (one dossier, its checks and decisions), and filing at the counter
//! (`/can-bo/nop-tai-quay/…`). Every page but sign-in sits in
//! [`StaffShell`], which knows who is signed in and sends the officer back to sign in (and then
//! back here) whenever the server answers 401.

mod actions;
mod apology;
mod audit;
mod counter;
mod documents;
mod dossier;
mod filters;
mod forms;
mod inbox;
mod login;
mod result_file;

pub use counter::{CounterFiling, CounterPicker, CounterReceipt, CounterStart};
pub use dossier::StaffDossier;
pub use inbox::Inbox;
pub use login::StaffLogin;

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::use_navigate;
use motcua_api::query::percent_encode;
use motcua_api::staff::{StaffMe, StaffRole};
use motcua_api::tracking::Deadline;

use crate::api::{self, Error};
use crate::components::notice::error_message;
use crate::i18n::{StaffTexts, sttr, use_language, use_staff_texts};

const SIGN_IN_PATH: &str = "/can-bo/dang-nhap";
const INBOX_PATH: &str = "/can-bo";
/// The sign-in page's parameter holding the page to come back to.
const RETURN_PARAM: &str = "tro-lai";

fn dossier_path(code: &str) -> String {
    format!("/can-bo/ho-so/{}", percent_encode(code))
}

fn sign_in_url(return_to: &str) -> String {
    format!(
        "{SIGN_IN_PATH}?{RETURN_PARAM}={}",
        percent_encode(return_to)
    )
}

/// Where to go after signing in: a staff page of this site only, never another site (`//…`).
fn safe_return(path: Option<String>) -> String {
    path.filter(|path| path.starts_with(INBOX_PATH) && !path.starts_with(SIGN_IN_PATH))
        .unwrap_or_else(|| INBOX_PATH.to_string())
}

/// Who is signed in, and the way back to sign-in, for every staff page.
#[derive(Clone, Copy)]
pub struct Session {
    pub me: RwSignal<Option<StaffMe>>,
    to_sign_in: Callback<()>,
}

impl Session {
    /// Whether `error` says the session is gone; if so, sends the officer to sign in, coming back
    /// to this page after. Waits a frame: it may be called while a view is being drawn.
    pub fn signed_out(self, error: &Error) -> bool {
        if !error.is_signed_out() {
            return false;
        }
        self.me.try_set(None);
        let to_sign_in = self.to_sign_in;
        // The shell may be gone by then (another request already went to sign-in).
        request_animation_frame(move || {
            to_sign_in.try_run(());
        });
        true
    }

    pub fn is_leader(self) -> bool {
        self.me
            .read()
            .as_ref()
            .is_some_and(|me| me.role == StaffRole::Leader)
    }
}

/// The page after a staff read: the page, a note while going to sign-in, or the error for the
/// `<ErrorBoundary>`.
fn page_or_sign_in<T>(
    session: Session,
    result: Result<T, Error>,
    page: impl FnOnce(T) -> AnyView,
) -> Result<AnyView, Error> {
    match result {
        Ok(value) => Ok(page(value)),
        Err(error) if session.signed_out(&error) => Ok(view! {
            <p class="notice" role="status">{sttr(|t| t.redirecting)}</p>
        }
        .into_any()),
        Err(error) => Err(error),
    }
}

/// The frame of the signed-in pages: who is signed in, their role and unit, and "Đăng xuất".
#[component]
pub fn StaffShell(children: Children) -> impl IntoView {
    let navigate = use_navigate();
    let to_sign_in = Callback::new(move |()| {
        let location = window().location();
        let here = format!(
            "{}{}",
            location.pathname().unwrap_or_default(),
            location.search().unwrap_or_default()
        );
        let options = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        navigate(&sign_in_url(&here), options);
    });
    let session = Session {
        me: RwSignal::new(None),
        to_sign_in,
    };
    provide_context(session);
    let me = LocalResource::new(api::staff::me);
    Effect::new(move || match me.get() {
        Some(Ok(me)) => session.me.set(Some(me)),
        Some(Err(error)) => {
            session.signed_out(&error);
        }
        None => {}
    });
    view! {
        <div class="staff">
            <div class="staff-bar no-print">
                <div class="container staff-bar-row">
                    <a class="staff-home" href=INBOX_PATH>
                        {sttr(|t| t.workspace)}
                    </a>
                    {move || match session.me.get() {
                        Some(me) => view! { <Officer me=me /> }.into_any(),
                        None => view! { <OfficerLoading /> }.into_any(),
                    }}
                </div>
            </div>
            <div class="container">{children()}</div>
        </div>
    }
}

/// The officer's place in the bar while their account loads, as tall as it will be, so that the
/// page does not jump when it arrives (on a phone the bar wraps).
#[component]
fn OfficerLoading() -> impl IntoView {
    view! {
        <p class="staff-officer" aria-hidden="true">"\u{a0}"</p>
        <button type="button" class="button staff-sign-out" disabled=true aria-hidden="true" tabindex="-1">
            {sttr(|t| t.sign_out)}
        </button>
    }
}

#[component]
fn Officer(me: StaffMe) -> impl IntoView {
    let texts = use_staff_texts();
    let lang = use_language();
    let session = expect_context::<Session>();
    let navigate = use_navigate();
    let problem = RwSignal::new(None::<Error>);
    let sending = RwSignal::new(false);
    let sign_out = move |_| {
        sending.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            match api::staff::logout().await {
                Ok(()) => {
                    session.me.try_set(None);
                    navigate(SIGN_IN_PATH, Default::default());
                }
                Err(error) if session.signed_out(&error) => {}
                Err(error) => {
                    sending.try_set(false);
                    problem.try_set(Some(error));
                }
            }
        });
    };
    let StaffMe {
        username,
        role,
        unit,
    } = me;
    view! {
        <p class="staff-officer" id="staff-officer">
            <span class="visually-hidden">{sttr(|t| t.signed_in_as)} " "</span>
            <strong id="staff-officer-name">{username}</strong>
            <span id="staff-officer-role">{move || role_name(role, texts())}</span>
            <span id="staff-officer-unit">{sttr(|t| t.unit)} " " {unit}</span>
        </p>
        <button
            type="button"
            id="staff-sign-out"
            class="button staff-sign-out"
            disabled=move || sending.get()
            on:click=sign_out
        >
            {sttr(|t| t.sign_out)}
        </button>
        {move || {
            problem
                .get()
                .map(|error| {
                    view! {
                        <p class="notice notice-error" role="alert">
                            {error_message(&error, lang.get())}
                        </p>
                    }
                })
        }}
    }
}

pub fn role_name(role: StaffRole, texts: &StaffTexts) -> &'static str {
    match role {
        StaffRole::Reception => texts.role_reception,
        StaffRole::Processing => texts.role_processing,
        StaffRole::Leader => texts.role_leader,
        StaffRole::Admin => texts.role_admin,
    }
}

/// Whether a deadline is one to worry about: shown in red.
fn is_late(deadline: Deadline) -> bool {
    matches!(
        deadline,
        Deadline::Overdue { .. } | Deadline::Finished { on_time: false }
    )
}
