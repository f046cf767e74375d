//! Một Cửa front-end: a Leptos client-side app served by the Một Cửa server.

mod api;
mod components;
mod format;
mod i18n;
mod pages;

use leptos::mount::mount_to;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use crate::components::layout::{Footer, Header};
use crate::pages::{
    CounterFiling, CounterPicker, CounterReceipt, CounterStart, Filing, Home, Inbox, MyDossiers,
    NotFound, Prepare, ProcedureDetail, PublicFigures, Receipt, SearchResults, StaffDossier,
    StaffLogin, Tracking, TrackingSearch,
};

/// Mounts the app into `#app` and removes the static shell of `index.html` in the same frame.
pub fn mount() {
    let document = document();
    let Some(container) = document
        .get_element_by_id("app")
        .and_then(|element| element.dyn_into::<HtmlElement>().ok())
    else {
        mount_to_body(App);
        return;
    };
    mount_to(container, App).forget();
    if let Some(shell) = document.get_element_by_id("shell") {
        shell.remove();
    }
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
                    <Route path=path!("/thu-tuc/:code/nop-ho-so/:step") view=Filing />
                    <Route path=path!("/tra-cuu") view=TrackingSearch />
                    <Route path=path!("/ho-so-cua-toi") view=MyDossiers />
                    <Route path=path!("/ho-so/:code") view=Tracking />
                    <Route path=path!("/ho-so/:code/phieu-tiep-nhan") view=Receipt />
                    <Route path=path!("/ket-qua-giai-quyet") view=PublicFigures />
                    <Route path=path!("/can-bo") view=Inbox />
                    <Route path=path!("/can-bo/dang-nhap") view=StaffLogin />
                    <Route path=path!("/can-bo/ho-so/:code") view=StaffDossier />
                    <Route path=path!("/can-bo/ho-so/:code/phieu-tiep-nhan") view=CounterReceipt />
                    <Route path=path!("/can-bo/nop-tai-quay") view=CounterPicker />
                    <Route path=path!("/can-bo/nop-tai-quay/:code") view=CounterStart />
                    <Route path=path!("/can-bo/nop-tai-quay/:code/:step") view=CounterFiling />
                </Routes>
            </main>
            <Footer />
        </Router>
    }
}
