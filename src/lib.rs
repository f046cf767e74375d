//! Một Cửa front-end: a Leptos client-side app served by the Một Cửa server.

// The `prerender` feature (server-side rendering) nests view types deeper than the default limit.
#![recursion_limit = "256"]

mod api;
mod components;
mod format;
mod i18n;
mod pages;
#[cfg(feature = "prerender")]
pub mod prerender;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use motcua_api::area::FrontEndArea;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::components::layout::{Footer, Header};
use crate::pages::{
    CounterFiling, CounterPicker, CounterReceipt, CounterStart, Elsewhere, Filing, Home, Inbox,
    MyDossiers, Prepare, ProcedureDetail, PublicFigures, Receipt, SearchResults, StaffDossier,
    StaffLogin, Tracking, TrackingSearch,
};

/// Mounts an app into `#app`, removes the static shell of its page in the same frame, and
/// registers the service worker.
pub fn mount<V: IntoView + 'static>(app: fn() -> V) {
    let document = document();
    let Some(container) = document
        .get_element_by_id("app")
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    else {
        mount_to_body(app);
        return;
    };
    mount_to(container, app).forget();
    if let Some(shell) = document.get_element_by_id("shell") {
        shell.remove();
    }
    register_service_worker();
}

/// Registers the service worker (`public/sw.js`, stamped by `scripts/pwa.mjs`) where the browser
/// offers them: over HTTPS or on localhost, not on a plain-HTTP intranet address.
fn register_service_worker() {
    let navigator = window().navigator();
    if js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        drop(navigator.service_worker().register("/sw.js"));
    }
}

/// The frame every app shares: language, router, header, main landmark, footer.
#[component]
fn Frame(children: Children) -> impl IntoView {
    i18n::provide_language();
    view! {
        <Router>
            <Header />
            <main id="main" tabindex="-1">
                {children()}
            </main>
            <Footer />
        </Router>
    }
}

/// The first screen, the home page alone (`index.html`).
#[component]
pub fn HomeApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere area=FrontEndArea::Home /> }>
                <Route path=path!("/") view=Home />
            </Routes>
        </Frame>
    }
}

/// Search results, procedure pages and "not found" (`catalog.html`).
#[component]
pub fn CatalogApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere area=FrontEndArea::Catalog /> }>
                <Route path=path!("/tim-kiem") view=SearchResults />
                <Route path=path!("/thu-tuc/:code") view=ProcedureDetail />
            </Routes>
        </Frame>
    }
}

/// The filing wizard (`filing.html`).
#[component]
pub fn FilingApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere area=FrontEndArea::Filing /> }>
                <Route path=path!("/thu-tuc/:code/nop-ho-so") view=Prepare />
                <Route path=path!("/thu-tuc/:code/nop-ho-so/:step") view=Filing />
            </Routes>
        </Frame>
    }
}

/// Tracking, receipts, rating and the public figures (`services.html`).
#[component]
pub fn ServicesApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere area=FrontEndArea::Services /> }>
                <Route path=path!("/tra-cuu") view=TrackingSearch />
                <Route path=path!("/ho-so-cua-toi") view=MyDossiers />
                <Route path=path!("/ho-so/:code") view=Tracking />
                <Route path=path!("/ho-so/:code/phieu-tiep-nhan") view=Receipt />
                <Route path=path!("/ket-qua-giai-quyet") view=PublicFigures />
            </Routes>
        </Frame>
    }
}

/// The staff workspace, counter filing included (`staff.html`).
#[component]
pub fn StaffApp() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere area=FrontEndArea::Staff /> }>
                <Route path=path!("/can-bo") view=Inbox />
                <Route path=path!("/can-bo/dang-nhap") view=StaffLogin />
                <Route path=path!("/can-bo/ho-so/:code") view=StaffDossier />
                <Route path=path!("/can-bo/ho-so/:code/phieu-tiep-nhan") view=CounterReceipt />
                <Route path=path!("/can-bo/nop-tai-quay") view=CounterPicker />
                <Route path=path!("/can-bo/nop-tai-quay/:code") view=CounterStart />
                <Route path=path!("/can-bo/nop-tai-quay/:code/:step") view=CounterFiling />
            </Routes>
        </Frame>
    }
}
