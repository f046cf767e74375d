//! The big search box: labelled, with an example, reporting what is typed after a pause.

use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::i18n::{tr, use_texts};

/// How long typing must pause before the search runs.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// `on_type`, when given, runs once typing pauses; `on_submit` at once on Enter or the button.
#[component]
pub fn SearchBox(
    #[prop(optional, into)] on_type: Option<Callback<String>>,
    #[prop(into)] on_submit: Callback<String>,
    /// The searched text as the page knows it (the URL); the box follows it on back and forward.
    #[prop(into, default = Signal::stored(String::new()))]
    text: Signal<String>,
    /// A message about the text, shown under the box.
    #[prop(into, default = Signal::stored(None))]
    error: Signal<Option<String>>,
    /// Whether the label is the page's main heading (home) or a plain label.
    #[prop(optional)]
    headline: bool,
    /// Put the caret in the box on arrival (the citizen was typing on the previous page).
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let texts = use_texts();
    let value = RwSignal::new(text.get_untracked());
    Effect::new(move || {
        let text = text.get();
        if value.get_untracked().trim() != text {
            value.set(text);
        }
    });
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move || {
        if focus && let Some(input) = input.get() {
            input.focus().ok();
            let end = input.value().len() as u32;
            input.set_selection_range(end, end).ok();
        }
    });
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let cancel_pending = move || {
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
    };
    let on_input = move |event| {
        value.set(event_target_value(&event));
        cancel_pending();
        if let Some(on_type) = on_type {
            let handle =
                set_timeout_with_handle(move || on_type.run(value.get_untracked()), DEBOUNCE);
            pending.set_value(handle.ok());
        }
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        cancel_pending();
        on_submit.run(value.get_untracked());
    };
    on_cleanup(cancel_pending);
    let label = move || {
        let label = view! {
            <label for="search-input" class="search-label">
                {texts().search_label}
            </label>
        };
        if headline {
            view! { <h1 class="search-title">{label}</h1> }.into_any()
        } else {
            label.into_any()
        }
    };
    let invalid = move || error.read().is_some();
    view! {
        <form class="search-box" role="search" on:submit=submit>
            {label}
            <p id="search-hint" class="hint">
                {tr(|t| t.search_hint)}
            </p>
            {move || {
                error
                    .get()
                    .map(|message| {
                        view! {
                            <p id="search-error" class="field-error">
                                {message}
                            </p>
                        }
                    })
            }}
            <div class="search-row">
                <input
                    node_ref=input
                    id="search-input"
                    type="search"
                    name="q"
                    autocomplete="off"
                    enterkeyhint="search"
                    aria-describedby=move || {
                        if invalid() { "search-error search-hint" } else { "search-hint" }
                    }
                    aria-invalid=move || invalid().then_some("true")
                    placeholder=tr(|t| t.search_placeholder)
                    prop:value=move || value.get()
                    on:input=on_input
                />
                <button type="submit" class="button button-primary">
                    {tr(|t| t.search_button)}
                </button>
            </div>
        </form>
    }
}
