//! The frame of every page: skip link, header with the language switch, footer.

use leptos::prelude::*;

use crate::i18n::{Lang, use_language, use_texts};

#[component]
pub fn Header() -> impl IntoView {
    let texts = use_texts();
    let lang = use_language();
    let toggle = move |_| {
        lang.update(|lang| {
            *lang = match lang {
                Lang::Vi => Lang::En,
                Lang::En => Lang::Vi,
            }
        })
    };
    view! {
        <a class="skip-link" href="#main">{move || texts().skip_to_content}</a>
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href="/">
                    <span class="brand-name">{move || texts().portal_name}</span>
                    <span class="brand-tagline">{move || texts().portal_tagline}</span>
                </a>
                <button
                    type="button"
                    class="lang-switch"
                    on:click=toggle
                    lang=move || if lang.get() == Lang::Vi { "en" } else { "vi" }
                >
                    {move || texts().switch_to}
                </button>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let texts = use_texts();
    view! {
        <footer class="site-footer">
            <div class="container">
                <p>{move || texts().footer}</p>
            </div>
        </footer>
    }
}
