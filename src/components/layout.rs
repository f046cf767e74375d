//! The frame of every page: skip link, header with the language switch, footer.

use leptos::prelude::*;

use crate::i18n::{Lang, Texts, tr, use_language, use_texts};

/// Names the browser tab after the page, `{page} — Một Cửa`, in the current language.
pub fn use_title(page: impl Fn(&Texts) -> Option<String> + Send + Sync + 'static) {
    let texts = use_texts();
    Effect::new(move || {
        let texts = texts();
        let title = match page(texts) {
            Some(page) => format!("{page} — {}", texts.portal_name),
            None => format!("{} — {}", texts.portal_name, texts.portal_tagline),
        };
        document().set_title(&title);
    });
}

#[component]
pub fn Header() -> impl IntoView {
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
        <a class="skip-link" href="#main">{tr(|t| t.skip_to_content)}</a>
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href="/">
                    <span class="brand-name">{tr(|t| t.portal_name)}</span>
                    <span class="brand-tagline">{tr(|t| t.portal_tagline)}</span>
                </a>
                <button
                    type="button"
                    class="lang-switch"
                    on:click=toggle
                    lang=move || if lang.get() == Lang::Vi { "en" } else { "vi" }
                >
                    {tr(|t| t.switch_to)}
                </button>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    view! {
        <footer class="site-footer">
            <div class="container">
                <p>{tr(|t| t.footer)}</p>
            </div>
        </footer>
    }
}
