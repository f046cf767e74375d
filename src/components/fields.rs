//! The parts of a GOV.UK-style input shared by every form: a label (the page's heading when it is
//! the only question), a hint with an example, and the error above the field.

use leptos::prelude::*;
use leptos::text_prop::TextProp;

use super::problems::{Problems, field_id};
use crate::i18n::{ftr, use_filing_texts};

/// The message above a field with an error.
pub fn field_error(problems: Problems, field: String, id: String) -> impl IntoView {
    move || {
        problems.of(&field).map(|message| {
            view! {
                <p id=format!("{id}-error") class="field-error">
                    <span class="visually-hidden">{ftr(|t| t.error_prefix)} " "</span>
                    {message}
                </p>
            }
        })
    }
}

/// The help under a label: the hint and `Ví dụ: …`.
pub fn hint_view(
    id: &str,
    hint: Option<TextProp>,
    example: Option<TextProp>,
) -> Option<impl IntoView + use<>> {
    if hint.is_none() && example.is_none() {
        return None;
    }
    let texts = use_filing_texts();
    Some(view! {
        <div id=format!("{id}-hint") class="hint">
            {hint.map(|hint| view! { <p>{move || hint.get()}</p> })}
            {example
                .map(|example| {
                    view! { <p>{move || format!("{} {}", texts().example, example.get())}</p> }
                })}
        </div>
    })
}

/// `aria-describedby` of a field: its hint, and its error when it has one.
pub fn described_by(
    problems: Problems,
    field: String,
    id: String,
    has_hint: bool,
) -> impl Fn() -> Option<String> + Send + Sync + 'static {
    move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{id}-hint"));
        }
        if problems.of(&field).is_some() {
            ids.push(format!("{id}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// The label text, with "(không bắt buộc)" for an optional question.
pub fn label_text(label: TextProp, optional: bool) -> impl IntoView {
    let texts = use_filing_texts();
    move || {
        if optional {
            format!("{} {}", label.get(), texts().optional)
        } else {
            label.get().to_string()
        }
    }
}

/// The legend of a group; the page's heading when the group is the page's one question.
pub fn legend_view(text: impl IntoView + 'static, heading: bool) -> AnyView {
    if heading {
        view! {
            <legend class="legend-heading">
                <h1 class="question" tabindex="-1">{text}</h1>
            </legend>
        }
        .into_any()
    } else {
        view! { <legend class="legend">{text}</legend> }.into_any()
    }
}

/// What an input is for: its type and the keyboard and autofill a phone offers.
#[derive(Clone, Copy)]
pub struct InputKind {
    pub kind: &'static str,
    pub inputmode: Option<&'static str>,
    pub autocomplete: &'static str,
    /// A CSS class giving the width the answer needs.
    pub width: &'static str,
}

impl InputKind {
    pub const TEXT: InputKind = InputKind {
        kind: "text",
        inputmode: None,
        autocomplete: "off",
        width: "",
    };

    /// A mobile number: the phone keypad.
    pub const PHONE: InputKind = InputKind {
        kind: "tel",
        width: "input-phone",
        ..InputKind::TEXT
    };
}

/// A one-line text input with its label, hint and error.
#[component]
pub fn TextField(
    field: String,
    /// The value shown when the field is drawn.
    value: String,
    on_input: Callback<String>,
    #[prop(into)] label: TextProp,
    #[prop(optional_no_strip)] hint: Option<TextProp>,
    #[prop(optional_no_strip)] example: Option<TextProp>,
    #[prop(optional)] optional: bool,
    /// The label is the page's heading.
    #[prop(optional)]
    heading: bool,
    #[prop(default = InputKind::TEXT)] kind: InputKind,
) -> impl IntoView {
    let problems = expect_context::<Problems>();
    let id = field_id(&field);
    let has_hint = hint.is_some() || example.is_some();
    let label = view! {
        <label for=id.clone() class=if heading { "label label-heading" } else { "label" }>
            {label_text(label, optional)}
        </label>
    };
    let label = if heading {
        view! { <h1 class="question" tabindex="-1">{label}</h1> }.into_any()
    } else {
        label.into_any()
    };
    let invalid = {
        let field = field.clone();
        Memo::new(move |_| problems.of(&field).is_some())
    };
    view! {
        <div class="form-group" class:form-group-error=move || invalid.get()>
            {label}
            {hint_view(&id, hint, example)}
            {field_error(problems, field.clone(), id.clone())}
            <input
                id=id.clone()
                name=id.clone()
                class=format!("input {}", kind.width)
                type=kind.kind
                inputmode=kind.inputmode
                autocomplete=kind.autocomplete
                spellcheck="false"
                aria-describedby=described_by(problems, field.clone(), id, has_hint)
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=value
                on:input=move |event| on_input.run(event_target_value(&event))
            />
        </div>
    }
}
