//! `/thu-tuc/{code}/nop-ho-so/{step}`: the filing form, one question per page. Which pages, in
//! which order, and each page's checks come from `motcua_api::filing`. The same form serves
//! reception staff filing at the counter (`/can-bo/nop-tai-quay/{code}/{step}`): see [`Mode`].

mod check;
mod documents;
pub mod draft;
mod fields;
mod filed;
mod mode;
mod question;
mod submit;
pub mod upload;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use motcua_api::date::{Date, vietnam_local_time};
use motcua_api::filing::{Step, check_step, steps};
use motcua_api::{OnlineLevel, Procedure};

pub use self::filed::{MyDossier, my_dossiers, my_token, receipt_url, tracking_url};
pub use self::mode::Mode;

use self::draft::DraftStore;
use super::procedure::procedure_view;
use crate::components::layout::{focus_heading, use_title};
use crate::components::problems::{ErrorSummary, Problems};
use crate::i18n::{
    CounterTexts, FilingTexts, ctr, ftr, use_counter_texts, use_filing_texts, use_language,
};

/// The form on screen: its procedure and draft, shared by every page.
#[derive(Clone, Copy)]
pub struct Form {
    pub mode: Mode,
    pub procedure: StoredValue<Procedure>,
    pub draft: DraftStore,
    /// The citizen came from the check page to change one answer, and goes back there.
    pub returning: Memo<bool>,
}

impl Form {
    pub fn code(&self) -> String {
        self.procedure
            .with_value(|procedure| procedure.code.clone())
    }

    /// The pages asked given the answers so far (reactive).
    pub fn steps(&self) -> Vec<Step> {
        self.draft.with(|draft| {
            self.procedure
                .with_value(|procedure| steps(procedure, &draft.input))
        })
    }

    pub fn url(&self, step: Step) -> String {
        self.procedure.with_value(|procedure| {
            format!(
                "{}/{}",
                self.mode.intro_url(&procedure.code),
                step.slug(procedure)
            )
        })
    }

    /// A page opened from the check page, to come back to it.
    pub fn fix_url(&self, step: Step) -> String {
        format!("{}?quay-lai=kiem-tra", self.url(step))
    }

    fn check(&self, step: Step) -> motcua_api::filing::FieldErrors {
        self.draft.with_untracked(|draft| {
            self.procedure
                .with_value(|procedure| check_step(procedure, &draft.input, step, today()))
        })
    }

    /// Where "Tiếp tục" leads: the next page, or back to the check page (by way of any page the
    /// change made necessary).
    fn next_url(&self, step: Step) -> String {
        let all = self.draft.with_untracked(|draft| {
            self.procedure
                .with_value(|procedure| steps(procedure, &draft.input))
        });
        if self.returning.get_untracked() {
            return match all
                .iter()
                .find(|step| **step != Step::Check && !self.check(**step).is_empty())
            {
                Some(unfinished) => self.fix_url(*unfinished),
                None => self.url(Step::Check),
            };
        }
        let next = all.iter().skip_while(|other| **other != step).nth(1);
        self.url(next.copied().unwrap_or(Step::Check))
    }

    /// The page before this one; `None` before the first.
    fn previous_url(&self, step: Step) -> Option<String> {
        if self.returning.get() && step != Step::Check {
            return Some(self.url(Step::Check));
        }
        let all = self.steps();
        let position = all.iter().position(|other| *other == step)?;
        position
            .checked_sub(1)
            .map(|previous| self.url(all[previous]))
    }
}

/// A text that differs by mode: the citizen's words online, the officer's at the counter.
fn words(
    online: fn(&FilingTexts) -> &'static str,
    counter: fn(&CounterTexts) -> &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let form = expect_context::<Form>();
    let filing = use_filing_texts();
    let counter_texts = use_counter_texts();
    move || match form.mode {
        Mode::Citizen => online(filing()),
        Mode::Counter => counter(counter_texts()),
    }
}

/// Today in Vietnam, the day dates are checked against.
pub fn today() -> Date {
    vietnam_local_time((js_sys::Date::now() / 1000.0) as i64).date
}

/// The intro page of a procedure's online filing.
pub fn intro_url(procedure_code: &str) -> String {
    Mode::Citizen.intro_url(procedure_code)
}

#[component]
pub fn Filing() -> impl IntoView {
    filing_view(Mode::Citizen)
}

/// The form of the route's procedure, filled in `mode`.
pub fn filing_view(mode: Mode) -> impl IntoView {
    view! {
        <div class="container filing">
            {procedure_view(move |procedure| view! { <Wizard procedure=procedure mode=mode /> })}
        </div>
    }
}

#[component]
fn Wizard(procedure: Procedure, mode: Mode) -> impl IntoView {
    let name = procedure.name.clone();
    let counter_texts = use_counter_texts();
    use_title(move |t| {
        let what = match mode {
            Mode::Citizen => t.file_online,
            Mode::Counter => counter_texts().heading,
        };
        Some(format!("{what} — {name}"))
    });
    // At the counter any procedure may be filed: the citizen came in person.
    if mode == Mode::Citizen && procedure.online_level == OnlineLevel::None {
        let back = intro_url(&procedure.code);
        return view! {
            <p class="notice">{ftr(|t| t.not_online)}</p>
            <p>
                <a href=back>{ftr(|t| t.back)}</a>
            </p>
        }
        .into_any();
    }
    let params = use_params_map();
    let query = use_query_map();
    let form = Form {
        mode,
        draft: DraftStore::open(mode, &procedure.code),
        procedure: StoredValue::new(procedure),
        returning: Memo::new(move |_| query.read().get("quay-lai").as_deref() == Some("kiem-tra")),
    };
    provide_context(form);
    // Only pages asked given the answers so far: a question hidden by an earlier answer is not
    // reachable by its URL. A memo, so typing does not redraw the page.
    let step = Memo::new(move |_| {
        let slug = params.read().get("step").unwrap_or_default();
        form.procedure
            .with_value(|procedure| Step::from_slug(procedure, &slug))
            .filter(|step| form.steps().contains(step))
    });
    (move || match step.get() {
        None => view! { <UnknownStep /> }.into_any(),
        Some(Step::Check) => view! { <check::CheckPage /> }.into_any(),
        Some(Step::Document(index)) => view! { <documents::DocumentPage index=index /> }.into_any(),
        Some(step) => view! { <question::QuestionPage step=step /> }.into_any(),
    })
    .into_any()
}

#[component]
fn UnknownStep() -> impl IntoView {
    let form = expect_context::<Form>();
    view! {
        <p class="notice">{ftr(|t| t.unknown_step)}</p>
        <p>
            <a href=form.url(Step::FilingFor)>{ftr(|t| t.first_page)}</a>
        </p>
    }
}

/// "Quay lại", "Bước n/N" and the procedure's name: the top of every page of the form.
#[component]
fn StepHeader(step: Step) -> impl IntoView {
    let form = expect_context::<Form>();
    let texts = use_filing_texts();
    let code = form.code();
    let back = move || {
        form.previous_url(step)
            .unwrap_or_else(|| form.mode.intro_url(&code))
    };
    let progress = move || {
        let all = form.steps();
        let number = all.iter().position(|other| *other == step).unwrap_or(0) + 1;
        format!("{} {number}/{}", texts().step, all.len())
    };
    let name = form
        .procedure
        .with_value(|procedure| procedure.name.clone());
    form.draft.edit(|draft| draft.last_page = form.url(step));
    focus_heading();
    view! {
        <p>
            <a class="back-link" href=back>
                {ftr(|t| t.back)}
            </a>
        </p>
        <ErrorSummary />
        {(form.mode == Mode::Counter)
            .then(|| view! { <p class="notice counter-note">{ctr(|t| t.on_behalf)}</p> })}
        <p class="caption">
            <span class="step-count">{progress}</span>
            <span class="procedure-name">{name}</span>
        </p>
    }
}

/// A page of questions: the header, the fields, and "Tiếp tục", which checks the page first.
#[component]
fn StepPage(step: Step, children: Children) -> impl IntoView {
    let form = expect_context::<Form>();
    let problems = Problems::new();
    provide_context(problems);
    let lang = use_language();
    let navigate = use_navigate();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let errors = form.check(step);
        if errors.is_empty() {
            problems.0.set(Vec::new());
            navigate(&form.next_url(step), Default::default());
        } else {
            problems.show_here(errors, lang.get_untracked());
        }
    };
    view! {
        <StepHeader step=step />
        <form class="step-form" novalidate on:submit=on_submit>
            {children()}
            <button type="submit" class="button button-primary button-large">
                {ftr(|t| t.continue_button)}
            </button>
        </form>
    }
}
