mod home;
mod not_found;
mod prepare;
mod procedure;
mod search;

pub use home::Home;
pub use not_found::NotFound;
pub use prepare::Prepare;
pub use procedure::ProcedureDetail;
pub use search::SearchResults;

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use motcua_api::ProcedureQuery;

/// The search box's two callbacks for pages that send the citizen to the results page: on a
/// pause in typing (the box there then takes the caret, `go=1`) and on submit.
pub fn search_callbacks() -> (Callback<String>, Callback<String>) {
    let navigate = use_navigate();
    let navigate_on_submit = navigate.clone();
    let on_type = Callback::new(move |q: String| {
        if !q.trim().is_empty() {
            navigate(&results_url(&q, true), Default::default());
        }
    });
    let on_submit = Callback::new(move |q: String| {
        navigate_on_submit(&results_url(&q, false), Default::default());
    });
    (on_type, on_submit)
}

fn results_url(q: &str, typing: bool) -> String {
    let query = ProcedureQuery {
        q: q.trim().to_string(),
        ..ProcedureQuery::default()
    };
    let mut url = format!("/tim-kiem?{}", query.to_query_string());
    if typing {
        url.push_str(if query.q.is_empty() { "go=1" } else { "&go=1" });
    }
    url
}
