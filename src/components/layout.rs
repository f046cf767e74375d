//! The frame of every page: skip link, header with the language switch and the dossier links,
//! footer.

use leptos::prelude::*;

use crate::i18n::{Lang, Texts, figtr, tr, ttr, use_language, use_texts, use_tracking_texts};

/// Names the browser tab after the page, `{page} — Một Cửa`, in the current language.
pub fn use_title(page: impl Fn(&Texts) -> Option<String> + Send + Sync + 'static) {
    let texts = use_texts();
    Effect::new(move || {
        let texts = texts();
        let title = match page(texts) {
            Some(page) => page_title(&page, texts),
            None => format!("{} — {}", texts.portal_name, texts.portal_tagline),
        };
        document().set_title(&title);
    });
}

/// The browser's title of a page.
pub fn page_title(page: &str, texts: &Texts) -> String {
    format!("{page} — {}", texts.portal_name)
}

/// Puts the caret on the page's heading once it is drawn, so a screen reader starts there; the
/// `h1` needs `tabindex="-1"`. Waits a frame: a view shown by `<Suspense>` is put in the page
/// after its effects run.
pub fn focus_heading() {
    Effect::new(|| {
        request_animation_frame(|| {
            if let Ok(Some(heading)) = document().query_selector("#main h1")
                && let Ok(heading) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(heading)
            {
                heading.focus().ok();
            }
        });
    });
}

#[component]
pub fn Header() -> impl IntoView {
    let lang = use_language();
    let texts = use_tracking_texts();
    let toggle = move |_| {
        lang.update(|lang| {
            *lang = match lang {
                Lang::Vi => Lang::En,
                Lang::En => Lang::Vi,
            }
        })
    };
    // `target="_self"` leaves the jump to the browser (the router would take it as a navigation
    // and leave the focus behind): the browser moves the focus to `<main tabindex="-1">`.
    view! {
        <a class="skip-link" href="#main" target="_self">
            {tr(|t| t.skip_to_content)}
        </a>
        <header class="site-header">
            <div class="container header-row">
                <a class="brand" href="/">
                    <span class="brand-name">{tr(|t| t.portal_name)}</span>
                    <span class="brand-tagline">{tr(|t| t.portal_tagline)}</span>
                </a>
                <button
                    type="button"
                    class="header-switch lang-switch"
                    on:click=toggle
                    lang=move || if lang.get() == Lang::Vi { "en" } else { "vi" }
                >
                    {tr(|t| t.switch_to)}
                </button>
            </div>
            <div class="container header-tools">
                <nav class="site-nav" aria-label=move || texts().nav_label>
                    <a href="/tra-cuu">{ttr(|t| t.nav_track)}</a>
                    <a href="/ho-so-cua-toi">{ttr(|t| t.nav_mine)}</a>
                    <a href="/ket-qua-giai-quyet">{figtr(|t| t.nav)}</a>
                </nav>
                <LargerTextSwitch />
            </div>
        </header>
    }
}

const LARGER_TEXT_KEY: &str = "motcua.larger_text";

/// A toggle for older citizens: every size is in `rem`, so `data-text-size="larger"` on `<html>`
/// (125 %) enlarges the whole page. Remembered in localStorage, like the language.
#[component]
fn LargerTextSwitch() -> impl IntoView {
    let storage = window().local_storage().ok().flatten();
    let remembered = storage
        .as_ref()
        .and_then(|storage| storage.get_item(LARGER_TEXT_KEY).ok().flatten())
        .is_some();
    let larger = RwSignal::new(remembered);
    Effect::new(move || {
        let Some(root) = document().document_element() else {
            return;
        };
        let larger = larger.get();
        if larger {
            root.set_attribute("data-text-size", "larger").ok();
        } else {
            root.remove_attribute("data-text-size").ok();
        }
        if let Some(storage) = &storage {
            if larger {
                storage.set_item(LARGER_TEXT_KEY, "1").ok();
            } else {
                storage.remove_item(LARGER_TEXT_KEY).ok();
            }
        }
    });
    view! {
        <button
            type="button"
            class="header-switch text-size-switch"
            aria-pressed=move || if larger.get() { "true" } else { "false" }
            on:click=move |_| larger.update(|larger| *larger = !*larger)
        >
            <span aria-hidden="true" class="text-size-icon">
                "A"
                <span class="text-size-icon-big">"A"</span>
            </span>
            {tr(|t| t.larger_text)}
        </button>
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
