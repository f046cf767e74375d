mod filing;
mod home;
mod not_found;
mod prepare;
mod procedure;
mod receipt;
mod search;
mod staff;
mod stats;
mod tracking;

pub use filing::Filing;
pub use home::Home;
pub use not_found::Elsewhere;
pub use prepare::Prepare;
pub use procedure::ProcedureDetail;
#[cfg(feature = "prerender")]
pub use procedure::{PRERENDERED_ID, ProcedureText};
pub use receipt::Receipt;
pub use search::SearchResults;
pub use staff::{
    CounterFiling, CounterPicker, CounterReceipt, CounterStart, Inbox, StaffDossier, StaffLogin,
};
pub use stats::PublicFigures;
pub use tracking::{MyDossiers, Tracking, TrackingSearch};

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use motcua_api::ProcedureQuery;

/// For a search box that sends the citizen to the results page on a pause in typing (the box
/// there then takes the caret, `go=1`). Only within the catalog app: a page of another app would
/// load while the citizen types and drop the keys.
pub fn search_as_you_type() -> Callback<String> {
    let navigate = use_navigate();
    Callback::new(move |q: String| {
        if !q.trim().is_empty() {
            let url = format!("{}&go=1", results_url(&text_query(&q)));
            navigate(&url, Default::default());
        }
    })
}

/// For a search box that sends the citizen to the results page on Enter or the button.
pub fn search_on_submit() -> Callback<String> {
    let navigate = use_navigate();
    Callback::new(move |q: String| {
        navigate(&results_url(&text_query(&q)), Default::default());
    })
}

fn text_query(q: &str) -> ProcedureQuery {
    ProcedureQuery {
        q: q.trim().to_string(),
        ..ProcedureQuery::default()
    }
}

/// The results page of a query; the URL always has a `?` so parameters can be appended.
pub fn results_url(query: &ProcedureQuery) -> String {
    format!("/tim-kiem?{}", query.to_query_string())
}
