//! Pages the server renders before the app has loaded (feature `prerender`, which only the server
//! turns on): the same components as the app, drawn to HTML in Vietnamese, the language a first
//! visit gets. The app takes the HTML over instead of drawing it again (`ProcedureDetail`).

use leptos::prelude::*;
use motcua_api::Procedure;

use crate::components::layout::page_title;
use crate::i18n::Lang;
use crate::pages::{PRERENDERED_ID, ProcedureText};

/// A page's parts as HTML: its `<title>` element and what goes before `#app`.
pub struct Prerendered {
    pub title: String,
    pub body: String,
}

/// A procedure's page below the header, for `catalog.html`.
pub fn procedure(procedure: &Procedure) -> Prerendered {
    let owner = Owner::new();
    owner.with(|| {
        provide_context(RwSignal::new(Lang::Vi));
        let code = procedure.code.clone();
        let name = procedure.name.clone();
        untrack(|| Prerendered {
            title: view! { <title>{page_title(&name, Lang::Vi.texts())}</title> }.to_html(),
            body: view! {
                <div id=PRERENDERED_ID class="container procedure" data-code=code data-title=name>
                    <ProcedureText procedure=procedure.clone() />
                </div>
            }
            .to_html(),
        })
    })
}
