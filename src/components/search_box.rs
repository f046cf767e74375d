//! The big search box: labelled, with an example, reporting what is typed after a pause.

use std::time::Duration;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::i18n::use_texts;

/// How long typing must pause before the search runs.
const DEBOUNCE: Duration = Duration::from_millis(300);

/// `on_type` runs once typing pauses; `on_submit` at once on Enter or the button.
#[component]
pub fn SearchBox(
    #[prop(into)] initial: String,
    #[prop(into)] on_type: Callback<String>,
    #[prop(into)] on_submit: Callback<String>,
    /// Whether the label is the page's main heading (home) or a plain label.
    #[prop(optional)]
    headline: bool,
    /// Put the caret in the box on arrival (the citizen was typing on the previous page).
    #[prop(optional)]
    focus: bool,
) -> impl IntoView {
    let texts = use_texts();
    let value = RwSignal::new(initial);
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move || {
        if focus && let Some(input) = input.get() {
            input.focus().ok();
            let end = input.value().len() as u32;
            input.set_selection_range(end, end).ok();
        }
    });
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let on_input = move |event| {
        value.set(event_target_value(&event));
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || on_type.run(value.get_untracked()), DEBOUNCE);
        pending.set_value(handle.ok());
    };
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        on_submit.run(value.get_untracked());
    };
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
    view! {
        <form class="search-box" role="search" on:submit=submit>
            {label}
            <p id="search-hint" class="hint">
                {move || texts().search_hint}
            </p>
            <div class="search-row">
                <input
                    node_ref=input
                    id="search-input"
                    type="search"
                    name="q"
                    autocomplete="off"
                    aria-describedby="search-hint"
                    placeholder=move || texts().search_placeholder
                    prop:value=move || value.get()
                    on:input=on_input
                />
                <button type="submit" class="button button-primary">
                    {move || texts().search_button}
                </button>
            </div>
        </form>
    }
}
