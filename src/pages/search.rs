//! `/tim-kiem?q=&field=&agency=&level=&page=`: results as you type, filters, paging. The URL is
//! the state, so back, forward, reload and shared links all show the same results.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use motcua_api::{ProcedurePage, ProcedureQuery, QueryError, RawProcedureQuery};

use super::results_url;
use crate::api;
use crate::components::filters::Filters;
use crate::components::layout::use_title;
use crate::components::notice::{Loading, error_fallback};
use crate::components::results::ResultList;
use crate::components::search_box::SearchBox;
use crate::i18n::{Texts, tr, use_language, use_texts};

/// The query of the URL: the checked query with any bad parameter left out, and what was wrong.
fn read_query(mut raw: RawProcedureQuery) -> (ProcedureQuery, Option<QueryError>) {
    let mut first_error = None;
    loop {
        match ProcedureQuery::try_from(raw.clone()) {
            Ok(query) => return (query, first_error),
            Err(error) => {
                match error.parameter {
                    "q" => raw.q = None,
                    "level" => raw.level = None,
                    "page" => raw.page = None,
                    "limit" => raw.limit = None,
                    "field" => raw.field = None,
                    _ => raw.agency = None,
                }
                first_error.get_or_insert(error);
            }
        }
    }
}

#[component]
pub fn SearchResults() -> impl IntoView {
    use_title(|t| Some(t.results_heading.to_string()));
    let params = use_query_map();
    let parsed = Memo::new(move |_| {
        let params = params.read();
        read_query(RawProcedureQuery {
            q: params.get("q"),
            field: params.get("field"),
            agency: params.get("agency"),
            level: params.get("level"),
            page: params.get("page"),
            limit: params.get("limit"),
        })
    });
    let query = Memo::new(move |_| parsed.read().0.clone());
    let lang = use_language();
    let error_of = move |parameters: &'static [&'static str]| {
        Signal::derive(move || {
            parsed
                .read()
                .1
                .as_ref()
                .filter(|error| parameters.contains(&error.parameter))
                .map(|error| lang.get().message(error.message).to_string())
        })
    };
    let arrived_typing = params.read_untracked().get("go").is_some();
    let navigate = use_navigate();
    let go = Callback::new(move |(query, replace): (ProcedureQuery, bool)| {
        let options = NavigateOptions {
            replace,
            scroll: !replace,
            ..Default::default()
        };
        navigate(&results_url(&query), options);
    });
    let show = Callback::new(move |query| go.run((query, false)));
    let on_type = Callback::new(move |q: String| {
        let next = ProcedureQuery {
            q: q.trim().to_string(),
            page: 1,
            ..query.get_untracked()
        };
        if next != query.get_untracked() {
            go.run((next, true));
        }
    });
    let page = LocalResource::new(move || {
        let query = query.get();
        async move { api::search(&query).await.map(|page| (query, page)) }
    });
    view! {
        <div class="container">
            <h1>{tr(|t| t.results_heading)}</h1>
            <SearchBox
                text=Signal::derive(move || query.read().q.clone())
                error=error_of(&["q"])
                on_type=on_type
                on_submit=on_type
                focus=arrived_typing
            />
            <Filters query=query show=show level_error=error_of(&["level"]) />
            {move || {
                error_of(&["page", "limit"])
                    .get()
                    .map(|message| view! { <p class="notice notice-error">{message}</p> })
            }}
            <Transition fallback=|| view! { <Loading /> }>
                <ErrorBoundary fallback=error_fallback>
                    {move || Suspend::new(async move {
                        page.await.map(|(query, page)| {
                            view! { <ResultsPage query=query page=page show=show /> }
                        })
                    })}
                </ErrorBoundary>
            </Transition>
        </div>
    }
}

#[component]
fn ResultsPage(
    query: ProcedureQuery,
    page: ProcedurePage,
    show: Callback<ProcedureQuery>,
) -> impl IntoView {
    let texts = use_texts();
    let total = page.total;
    let last_page = total.div_ceil(u64::from(query.limit)).max(1) as u32;
    let previous = (query.page > 1).then(|| ProcedureQuery {
        page: query.page - 1,
        ..query.clone()
    });
    let next = (query.page < last_page).then(|| ProcedureQuery {
        page: query.page + 1,
        ..query.clone()
    });
    let current_page = query.page;
    let list = if page.items.is_empty() {
        view! { <EmptyState /> }.into_any()
    } else {
        view! { <ResultList items=page.items /> }.into_any()
    };
    view! {
        <p class="result-count" role="status">
            {move || format!("{} {total} {}", texts().found, texts().procedures)}
        </p>
        {list}
        {(last_page > 1)
            .then(|| {
                view! {
                    <nav class="pager" aria-label=tr(|t| t.paging)>
                        {previous.map(|query| pager_button(query, show, |t| t.previous_page))}
                        <span>{move || format!("{} {current_page}/{last_page}", texts().page)}</span>
                        {next.map(|query| pager_button(query, show, |t| t.next_page))}
                    </nav>
                }
            })}
    }
}

#[component]
fn EmptyState() -> impl IntoView {
    view! {
        <div class="notice">
            <p>
                <strong>{tr(|t| t.no_results)}</strong>
            </p>
            <p>{tr(|t| t.tips_heading)}</p>
            <ul class="tips">
                <li>{tr(|t| t.tip_short)}</li>
                <li>{tr(|t| t.tip_spelling)}</li>
                <li>{tr(|t| t.tip_filters)}</li>
            </ul>
        </div>
    }
}

fn pager_button(
    query: ProcedureQuery,
    show: Callback<ProcedureQuery>,
    label: fn(&Texts) -> &'static str,
) -> impl IntoView {
    view! {
        <button type="button" class="button" on:click=move |_| show.run(query.clone())>
            {tr(label)}
        </button>
    }
}
