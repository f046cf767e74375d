//! `/tim-kiem?q=&field=&agency=&level=&page=`: results as you type, filters, paging. The URL is
//! the state, so back, forward, reload and shared links all show the same results.

use leptos::prelude::*;
use leptos_router::NavigateOptions;
use leptos_router::hooks::{use_navigate, use_query_map};
use motcua_api::{FacetCount, Level, ProcedureQuery, QueryError, RawProcedureQuery};

use crate::api;
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::results::{ResultList, level_name};
use crate::components::search_box::SearchBox;
use crate::i18n::use_texts;

#[component]
pub fn SearchResults() -> impl IntoView {
    let texts = use_texts();
    let params = use_query_map();
    let query = Memo::new(move |_| {
        let params = params.read();
        ProcedureQuery::try_from(RawProcedureQuery {
            q: params.get("q"),
            field: params.get("field"),
            agency: params.get("agency"),
            level: params.get("level"),
            page: params.get("page"),
            limit: params.get("limit"),
        })
    });
    let arrived_typing = params.read_untracked().get("go").is_some();
    let navigate = use_navigate();
    let show = Callback::new(move |query: ProcedureQuery| {
        let url = format!("/tim-kiem?{}", query.to_query_string());
        navigate(
            &url,
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        );
    });
    let current = move || query.get().unwrap_or_default();
    let on_type = Callback::new(move |q: String| {
        show.run(ProcedureQuery {
            q: q.trim().to_string(),
            page: 1,
            ..current()
        })
    });
    let page = LocalResource::new(move || {
        let query = query.get();
        async move {
            match query {
                Ok(query) => api::search(&query).await.map(|page| (query, page)),
                Err(error) => Err(invalid(error)),
            }
        }
    });
    view! {
        <div class="container">
            <h1>{move || texts().results_heading}</h1>
            <SearchBox
                initial=current().q
                on_type=on_type
                on_submit=on_type
                focus=arrived_typing
            />
            <Filters query=current() show=show />
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok((query, page)) => {
                            view! { <ResultsPage query=query page=page show=show /> }.into_any()
                        }
                        Err(error) => view! { <ErrorNotice error=error /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

/// A bad parameter in the URL reads like the server's answer to it.
fn invalid(error: QueryError) -> api::Error {
    api::Error::Api {
        status: 400,
        body: motcua_api::ErrorBody {
            error: "bad_request".into(),
            message: error.message.clone(),
            fields: [(error.parameter.to_string(), error.message)].into(),
        },
    }
}

#[component]
fn ResultsPage(
    query: ProcedureQuery,
    page: motcua_api::ProcedurePage,
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
    let empty = page.items.is_empty();
    let current_page = query.page;
    view! {
        <p class="result-count" role="status">
            {move || format!("{} {total} {}", texts().found, texts().procedures)}
        </p>
        {if empty {
            view! {
                <p class="notice">{move || texts().no_results}</p>
                <p class="tips">{move || texts().no_results_tips}</p>
            }
                .into_any()
        } else {
            view! { <ResultList items=page.items /> }.into_any()
        }}
        <nav class="pager" aria-label=move || texts().page>
            {previous.map(|query| pager_button(query, show, move || texts().previous_page))}
            <span>{move || format!("{} {current_page}/{last_page}", texts().page)}</span>
            {next.map(|query| pager_button(query, show, move || texts().next_page))}
        </nav>
    }
}

fn pager_button(
    query: ProcedureQuery,
    show: Callback<ProcedureQuery>,
    label: impl Fn() -> &'static str + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <button type="button" class="button" on:click=move |_| show.run(query.clone())>
            {label}
        </button>
    }
}

#[component]
fn Filters(query: ProcedureQuery, show: Callback<ProcedureQuery>) -> impl IntoView {
    let texts = use_texts();
    let fields = LocalResource::new(api::fields);
    let agencies = LocalResource::new(api::agencies);
    let base = StoredValue::new(query.clone());
    let pick = move |apply: fn(&mut ProcedureQuery, Option<String>)| {
        move |event| {
            let value = event_target_value(&event);
            let mut query = base.get_value();
            apply(&mut query, (!value.is_empty()).then_some(value));
            query.page = 1;
            show.run(query);
        }
    };
    let level = query.level.map(Level::as_str).unwrap_or_default();
    view! {
        <details class="filters" open=query.field.is_some() || query.agency.is_some() || query.level.is_some()>
            <summary>{move || texts().filters_heading}</summary>
            <div class="filter-grid">
                <label for="filter-field">{move || texts().filter_field}</label>
                <select id="filter-field" on:change=pick(|query, value| query.field = value)>
                    <option value="">{move || texts().filter_any}</option>
                    <FacetOptions facets=fields selected=query.field.clone() />
                </select>
                <label for="filter-agency">{move || texts().filter_agency}</label>
                <select id="filter-agency" on:change=pick(|query, value| query.agency = value)>
                    <option value="">{move || texts().filter_any}</option>
                    <FacetOptions facets=agencies selected=query.agency.clone() />
                </select>
                <label for="filter-level">{move || texts().filter_level}</label>
                <select
                    id="filter-level"
                    on:change=pick(|query, value| {
                        query.level = value.as_deref().and_then(Level::parse);
                    })
                >
                    <option value="">{move || texts().filter_any}</option>
                    {Level::ALL
                        .into_iter()
                        .map(|option| {
                            view! {
                                <option value=option.as_str() selected=option.as_str() == level>
                                    {move || level_name(option, texts())}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </div>
        </details>
    }
}

#[component]
fn FacetOptions(
    facets: LocalResource<Result<Vec<FacetCount>, api::Error>>,
    selected: Option<String>,
) -> impl IntoView {
    move || {
        let selected = selected.clone();
        facets.get().and_then(Result::ok).map(|facets| {
            facets
                .into_iter()
                .map(|facet| {
                    let is_selected = selected.as_deref() == Some(facet.name.as_str());
                    view! {
                        <option value=facet.name.clone() selected=is_selected>
                            {format!("{} ({})", facet.name, facet.count)}
                        </option>
                    }
                })
                .collect_view()
        })
    }
}
