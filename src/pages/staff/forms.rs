//! What the parts of the dossier page share: the dossier on screen, what the officer typed (kept
//! across reloads of the dossier), the error summary's problems and the "done" notice, and the one
//! way an action is sent.

use leptos::prelude::*;
use leptos::task::spawn_local;
use motcua_api::dossier::UploadedFile;
use motcua_api::filing::FieldErrors;
use motcua_api::staff::{ActionInput, StaffDossierView};
use motcua_api::workflow::{ActionKind, StaffAction};

use super::Session;
use super::actions::action_name;
use crate::api::{self, Error};
use crate::components::fields::{described_by, field_error};
use crate::components::notice::error_message;
use crate::components::problems::{Problem, Problems, field_id, focus_element};
use crate::i18n::{Lang, StaffTexts, sttr, use_language};

/// The live region telling what was just done; it takes the focus after an action, whose form or
/// button is gone by then.
pub const NOTICE_ID: &str = "staff-notice";

/// What the officer typed in the forms of the page; a reload of the dossier keeps it.
#[derive(Clone, Copy)]
pub struct Drafts {
    pub refuse_reason: RwSignal<String>,
    pub supplement_missing: RwSignal<String>,
    pub supplement_note: RwSignal<String>,
    pub finish_note: RwSignal<String>,
    pub finish_file: RwSignal<Option<UploadedFile>>,
    pub apology_reason: RwSignal<String>,
    pub apology_date: RwSignal<String>,
}

impl Drafts {
    fn new() -> Drafts {
        Drafts {
            refuse_reason: RwSignal::new(String::new()),
            supplement_missing: RwSignal::new(String::new()),
            supplement_note: RwSignal::new(String::new()),
            finish_note: RwSignal::new(String::new()),
            finish_file: RwSignal::new(None),
            apology_reason: RwSignal::new(String::new()),
            apology_date: RwSignal::new(String::new()),
        }
    }

    /// Empties the form of an action once it is done.
    fn clear(self, kind: ActionKind) {
        match kind {
            ActionKind::Refuse => self.refuse_reason.set(String::new()),
            ActionKind::RequestSupplement => {
                self.supplement_missing.set(String::new());
                self.supplement_note.set(String::new());
            }
            ActionKind::Finish => {
                self.finish_note.set(String::new());
                self.finish_file.set(None);
            }
            ActionKind::Receive | ActionKind::StartProcessing | ActionKind::Return => {}
        }
    }
}

/// The dossier page's shared state.
#[derive(Clone, Copy)]
pub struct Desk {
    pub code: StoredValue<String>,
    pub dossier: RwSignal<StaffDossierView>,
    pub drafts: Drafts,
    pub problems: Problems,
    /// What was just done, told by a polite live region.
    pub notice: RwSignal<Option<String>>,
    pub busy: RwSignal<bool>,
    pub session: Session,
    pub lang: RwSignal<Lang>,
}

impl Desk {
    pub fn new(dossier: StaffDossierView, session: Session) -> Desk {
        Desk {
            code: StoredValue::new(dossier.code.to_string()),
            dossier: RwSignal::new(dossier),
            drafts: Drafts::new(),
            problems: Problems::new(),
            notice: RwSignal::new(None),
            busy: RwSignal::new(false),
            session,
            lang: use_language(),
        }
    }

    fn texts(self) -> &'static StaffTexts {
        self.lang.get_untracked().staff()
    }

    /// Shows the errors of a form, each keyed `{form}.{field}` so it sits next to its input.
    pub fn show_fields(self, form: &str, errors: impl IntoIterator<Item = (String, String)>) {
        let problems = errors
            .into_iter()
            .map(|(field, message)| {
                let name = if field == "result_upload" {
                    "file"
                } else {
                    field.as_str()
                };
                let field = format!("{form}.{}", name.replace('_', "-"));
                Problem {
                    href: format!("#{}", field_id(&field)),
                    field,
                    message,
                }
            })
            .collect();
        self.problems.0.set(problems);
    }

    /// Shows the errors of the shared checks, in the language of the page.
    pub fn show_checks(self, form: &str, errors: FieldErrors) {
        let lang = self.lang.get_untracked();
        self.show_fields(
            form,
            errors
                .into_iter()
                .map(|(field, message)| (field, lang.message(message).to_string())),
        );
    }

    /// Tells an error of a request: a lost session goes to sign-in, a 422 goes next to the
    /// fields of `form`, the rest goes in the summary with the server's message.
    pub fn show_error(self, form: &str, error: Error) {
        if self.session.signed_out(&error) {
            return;
        }
        match error {
            Error::Api { status: 422, body } if !body.fields.is_empty() => {
                let lang = self.lang.get_untracked();
                let fields = body.fields.into_iter();
                self.show_fields(
                    form,
                    fields.map(|(field, message)| (field, lang.server_message(message))),
                )
            }
            error => self.show_message(error_message(&error, self.lang.get_untracked())),
        }
    }

    pub fn show_message(self, message: String) {
        self.problems.0.set(vec![Problem {
            field: String::new(),
            message,
            href: String::new(),
        }]);
    }

    fn start(self) -> bool {
        if self.busy.get_untracked() {
            return false;
        }
        self.busy.set(true);
        self.problems.0.set(Vec::new());
        self.notice.set(None);
        true
    }

    /// Sends an action with the version on screen. When another officer acted first (or the
    /// status moved on), says so and loads the dossier again; what was typed stays in the forms.
    pub fn act(self, form: &'static str, action: StaffAction) {
        if let Err(errors) = action.check() {
            self.show_checks(form, errors);
            return;
        }
        if !self.start() {
            return;
        }
        let kind = action.kind();
        let input = ActionInput {
            version: self.dossier.with_untracked(|dossier| dossier.version),
            action,
        };
        spawn_local(async move {
            let result = api::staff::act(&self.code.get_value(), &input).await;
            if self.busy.is_disposed() {
                return;
            }
            self.busy.set(false);
            match result {
                Ok(dossier) => {
                    self.dossier.set(dossier);
                    self.drafts.clear(kind);
                    let texts = self.texts();
                    self.notice.set(Some(format!(
                        "{}: {}",
                        texts.done,
                        action_name(kind, texts)
                    )));
                    request_animation_frame(|| focus_element(NOTICE_ID));
                }
                Err(error)
                    if matches!(error.code(), Some("stale_version" | "illegal_transition")) =>
                {
                    self.show_error(form, error);
                    self.reload();
                }
                Err(error) => self.show_error(form, error),
            }
        });
    }

    /// Loads the dossier as it is now on the server.
    pub fn reload(self) {
        spawn_local(async move {
            match api::staff::dossier(&self.code.get_value()).await {
                Ok(dossier) if !self.dossier.is_disposed() => {
                    self.dossier.set(dossier);
                    self.notice.set(Some(self.texts().reloaded.to_string()));
                }
                Ok(_) => {}
                Err(error) => self.show_error("", error),
            }
        });
    }
}

/// A labelled input or text area of the dossier page, with its hint and its error; `field` is
/// `{form}.{name}` and gives the element id (`refuse.reason` → `#refuse-reason`).
#[component]
pub fn Field(
    field: &'static str,
    label: fn(&StaffTexts) -> &'static str,
    value: RwSignal<String>,
    #[prop(optional)] hint: Option<fn(&StaffTexts) -> &'static str>,
    /// Lines of a text area; 0 for a one-line input.
    #[prop(optional)]
    rows: u32,
) -> impl IntoView {
    let problems = expect_context::<Desk>().problems;
    let id = field_id(field);
    let invalid = Memo::new(move |_| problems.of(field).is_some());
    let described = described_by(problems, field.to_string(), id.clone(), hint.is_some());
    let hint = hint.map(|hint| {
        view! {
            <p id=format!("{id}-hint") class="hint">
                {sttr(hint)}
            </p>
        }
    });
    let on_input = move |event| value.set(event_target_value(&event));
    let control = if rows == 0 {
        view! {
            <input
                id=id.clone()
                name=id.clone()
                class="input input-date"
                type="text"
                autocomplete="off"
                aria-describedby=described
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || value.get()
                on:input=on_input
            />
        }
        .into_any()
    } else {
        view! {
            <textarea
                id=id.clone()
                name=id.clone()
                class="input textarea"
                rows=rows
                aria-describedby=described
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || value.get()
                on:input=on_input
            ></textarea>
        }
        .into_any()
    };
    view! {
        <div class="form-group" class:form-group-error=move || invalid.get()>
            <label for=id.clone() class="label">
                {sttr(label)}
            </label>
            {hint}
            {field_error(problems, field.to_string(), id.clone())}
            {control}
        </div>
    }
}
