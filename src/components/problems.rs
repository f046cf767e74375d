//! What is wrong, and where to fix it: the error summary at the top of a page and the way from a
//! field name (`documents.1`) to its input or its page.

use leptos::prelude::*;
use motcua_api::filing::FieldErrors;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollIntoViewOptions, ScrollLogicalPosition};

use crate::i18n::{Lang, ftr};

/// A bad field and its message; `href` is `#{id}` on this page, the page to fix it on, or empty.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub field: String,
    pub message: String,
    pub href: String,
}

/// The problems of the page on screen.
#[derive(Clone, Copy)]
pub struct Problems(pub RwSignal<Vec<Problem>>);

impl Problems {
    pub fn new() -> Problems {
        Problems(RwSignal::new(Vec::new()))
    }

    /// The message of a field of this page, if it has one.
    pub fn of(self, field: &str) -> Option<String> {
        self.0.with(|problems| {
            problems
                .iter()
                .find(|problem| problem.field == field && problem.href.starts_with('#'))
                .map(|problem| problem.message.clone())
        })
    }

    /// Shows the errors of this page's fields in `lang`, in the order the page shows them.
    pub fn show_here(self, errors: FieldErrors, lang: Lang) {
        let mut problems: Vec<Problem> = errors
            .into_iter()
            .map(|(field, message)| Problem {
                href: format!("#{}", field_id(&field)),
                field,
                message: lang.message(message).to_string(),
            })
            .collect();
        problems.sort_by_key(|problem| place_on_page(&problem.field));
        self.0.set(problems);
    }
}

/// Where a field sits on its page: the parts of a group read in this order.
fn place_on_page(field: &str) -> usize {
    const ORDER: [&str; 6] = [
        "filing_for",
        "represented_name",
        "relationship",
        "province",
        "commune",
        "street",
    ];
    let last = field.rsplit('.').next().unwrap_or(field);
    ORDER
        .iter()
        .position(|part| *part == last)
        .unwrap_or(ORDER.len())
}

/// The element id of a field: `applicant.address.province` → `applicant-address-province`; a
/// document's errors point at its file input.
pub fn field_id(field: &str) -> String {
    match field.strip_prefix("documents.") {
        Some(index) => format!("documents-{index}-file"),
        None => field.replace('.', "-"),
    }
}

/// Puts the caret in an element and scrolls it to the middle, as GOV.UK's summary links do.
pub fn focus_element(id: &str) {
    let Some(element) = document().get_element_by_id(id) else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if let Ok(element) = element.dyn_into::<HtmlElement>() {
        element.focus().ok();
    }
}

/// "There is a problem": each problem a link to where it is fixed; takes the focus when shown.
#[component]
pub fn ErrorSummary() -> impl IntoView {
    let Problems(problems) = expect_context::<Problems>();
    let summary = NodeRef::<leptos::html::Div>::new();
    Effect::new(move || {
        if !problems.read().is_empty()
            && let Some(summary) = summary.get()
        {
            summary.focus().ok();
            summary.scroll_into_view();
        }
    });
    move || {
        let list = problems.get();
        (!list.is_empty()).then(|| {
            let items = list.into_iter().map(summary_item).collect_view();
            view! {
                <div
                    node_ref=summary
                    class="error-summary"
                    role="alert"
                    tabindex="-1"
                    aria-labelledby="error-summary-title"
                >
                    <h2 id="error-summary-title">{ftr(|t| t.problem_title)}</h2>
                    <ul>{items}</ul>
                </div>
            }
        })
    }
}

fn summary_item(problem: Problem) -> impl IntoView {
    if problem.href.is_empty() {
        return view! { <li>{problem.message}</li> }.into_any();
    }
    let href = problem.href.clone();
    let on_click = move |event: leptos::ev::MouseEvent| {
        if let Some(id) = href.strip_prefix('#') {
            event.prevent_default();
            focus_element(id);
        }
    };
    view! {
        <li>
            <a href=problem.href on:click=on_click>
                {problem.message}
            </a>
        </li>
    }
    .into_any()
}
