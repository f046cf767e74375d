//! What the supplement and rating forms of the tracking page share: errors named by `motcua_api`
//! or the server put next to this page's fields, and a text area with a character counter.

use leptos::prelude::*;
use motcua_api::filing::FieldErrors;

use crate::api;
use crate::components::fields::field_error;
use crate::components::notice::error_message;
use crate::components::problems::{Problem, Problems, field_id};
use crate::i18n::{Lang, use_tracking_texts};

/// Shows the errors of the shared checks in `lang`, as [`show_errors`] does.
pub fn show_checks(problems: Problems, fields: &[(&str, &str)], errors: FieldErrors, lang: Lang) {
    let errors = errors
        .into_iter()
        .map(|(name, message)| (name, lang.message(message).to_string()));
    show_errors(problems, fields, errors);
}

/// Shows `errors`, named as the API names them (`note`), on this page's fields: `fields` pairs
/// each API name with its field here (`supplement.note`, whose element is `#supplement-note`), in
/// the page's order. A name the page does not know is told without a link.
fn show_errors(
    problems: Problems,
    fields: &[(&str, &str)],
    errors: impl IntoIterator<Item = (String, String)>,
) {
    let mut list: Vec<(usize, Problem)> = errors
        .into_iter()
        .map(
            |(name, message)| match fields.iter().position(|(api, _)| *api == name) {
                Some(place) => {
                    let field = fields[place].1.to_string();
                    let href = format!("#{}", field_id(&field));
                    (
                        place,
                        Problem {
                            field,
                            message,
                            href,
                        },
                    )
                }
                None => {
                    let problem = Problem {
                        field: String::new(),
                        message,
                        href: String::new(),
                    };
                    (fields.len(), problem)
                }
            },
        )
        .collect();
    list.sort_by_key(|(place, _)| *place);
    problems
        .0
        .set(list.into_iter().map(|(_, problem)| problem).collect());
}

/// Shows a refused sending: the server's errors next to their fields (422), else its message.
pub fn show_refusal(problems: Problems, fields: &[(&str, &str)], error: &api::Error, lang: Lang) {
    match error {
        api::Error::Api { status: 422, body } if !body.fields.is_empty() => {
            let errors = body
                .fields
                .iter()
                .map(|(name, message)| (name.clone(), lang.server_message(message.clone())));
            show_errors(problems, fields, errors);
        }
        _ => {
            problems.0.set(vec![Problem {
                field: String::new(),
                message: error_message(error, lang),
                href: String::new(),
            }]);
        }
    }
}

/// "Còn 940 ký tự" under a text area, read out politely as it changes; `{id}-count`.
fn char_count(id: &str, text: RwSignal<String>, max: usize) -> impl IntoView + use<> {
    let texts = use_tracking_texts();
    let count = move || {
        let used = text.with(|text| text.trim().chars().count());
        match max.checked_sub(used) {
            Some(left) => (texts().chars_left.replace("{n}", &left.to_string()), false),
            None => (
                texts().chars_over.replace("{n}", &(used - max).to_string()),
                true,
            ),
        }
    };
    view! {
        <p
            id=format!("{id}-count")
            class="hint char-count"
            class:char-count-over=move || count().1
            aria-live="polite"
        >
            {move || count().0}
        </p>
    }
}

/// A text area with its label (the children), hint, error and character counter: the elements
/// `{id}`, `{id}-hint`, `{id}-error` and `{id}-count`.
#[component]
pub fn CountedTextArea(
    id: &'static str,
    /// The field whose problem is shown here, e.g. `rating.comment`.
    field: &'static str,
    #[prop(into)] hint: Signal<&'static str>,
    text: RwSignal<String>,
    max: usize,
    children: Children,
) -> impl IntoView {
    let problems = expect_context::<Problems>();
    let invalid = Memo::new(move |_| problems.of(field).is_some());
    view! {
        <div class="form-group" class:form-group-error=move || invalid.get()>
            <label for=id class="label">
                {children()}
            </label>
            <p id=format!("{id}-hint") class="hint">
                {hint}
            </p>
            {field_error(problems, field.into(), id.into())}
            <textarea
                id=id
                name=id
                class="input textarea"
                rows="4"
                aria-describedby=move || {
                    let error = if invalid.get() { format!(" {id}-error") } else { String::new() };
                    format!("{id}-hint {id}-count{error}")
                }
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || text.get()
                on:input=move |event| text.set(event_target_value(&event))
            ></textarea>
            {char_count(id, text, max)}
        </div>
    }
}
