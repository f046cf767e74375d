//! Một Cửa front-end: a Leptos client-side app served by the Một Cửa server.

mod api;
mod components;
mod format;
mod i18n;
mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::components::layout::{Footer, Header};
use crate::pages::{Home, NotFound, Prepare, ProcedureDetail, SearchResults};

/// Replaces the static shell of `index.html` with the app.
pub fn mount() {
    let document = document();
    if let Some(shell) = document.get_element_by_id("shell") {
        shell.remove();
    }
    mount_to_body(App);
}

#[component]
pub fn App() -> impl IntoView {
    i18n::provide_language();
    view! {
        <Router>
            <Header />
            <main id="main" tabindex="-1">
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/tim-kiem") view=SearchResults />
                    <Route path=path!("/thu-tuc/:code") view=ProcedureDetail />
                    <Route path=path!("/thu-tuc/:code/nop-ho-so") view=Prepare />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
