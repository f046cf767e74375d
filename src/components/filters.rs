//! The filters of the results page: field, agency and level, each a labelled select.

use leptos::prelude::*;
use motcua_api::{FacetCount, Level, ProcedureQuery};

use crate::api;
use crate::components::results::level_name;
use crate::i18n::{tr, use_texts};

type Facets = LocalResource<Result<Vec<FacetCount>, api::Error>>;

/// `query` is the search shown; `show` runs with the query a changed filter asks for.
#[component]
pub fn Filters(
    query: Memo<ProcedureQuery>,
    show: Callback<ProcedureQuery>,
    /// A message about the level given in the URL, shown next to its select.
    level_error: Signal<Option<String>>,
) -> impl IntoView {
    let texts = use_texts();
    let fields = LocalResource::new(api::fields);
    let agencies = LocalResource::new(api::agencies);
    let pick = move |apply: fn(&mut ProcedureQuery, Option<String>)| {
        move |event| {
            let value = event_target_value(&event);
            let mut next = query.get_untracked();
            apply(&mut next, (!value.is_empty()).then_some(value));
            next.page = 1;
            show.run(next);
        }
    };
    let open = {
        let query = query.get_untracked();
        query.field.is_some()
            || query.agency.is_some()
            || query.level.is_some()
            || level_error.get_untracked().is_some()
    };
    let level_invalid = move || level_error.read().is_some();
    view! {
        <details class="filters" open=open>
            <summary>{tr(|t| t.filters_heading)}</summary>
            <div class="filter-grid">
                <div class="filter">
                    <label for="filter-field">{tr(|t| t.filter_field)}</label>
                    <select id="filter-field" on:change=pick(|query, value| query.field = value)>
                        <option value="" prop:selected=move || query.read().field.is_none()>
                            {tr(|t| t.filter_any)}
                        </option>
                        <FacetOptions
                            facets=fields
                            selected=Signal::derive(move || query.read().field.clone())
                        />
                    </select>
                </div>
                <div class="filter">
                    <label for="filter-agency">{tr(|t| t.filter_agency)}</label>
                    <select id="filter-agency" on:change=pick(|query, value| query.agency = value)>
                        <option value="" prop:selected=move || query.read().agency.is_none()>
                            {tr(|t| t.filter_any)}
                        </option>
                        <FacetOptions
                            facets=agencies
                            selected=Signal::derive(move || query.read().agency.clone())
                        />
                    </select>
                </div>
                <div class="filter">
                    <label for="filter-level">{tr(|t| t.filter_level)}</label>
                    {move || {
                        level_error
                            .get()
                            .map(|message| {
                                view! { <p id="level-error" class="field-error">{message}</p> }
                            })
                    }}
                    <select
                        id="filter-level"
                        aria-invalid=move || level_invalid().then_some("true")
                        aria-describedby=move || level_invalid().then_some("level-error")
                        on:change=pick(|query, value| {
                            query.level = value.as_deref().and_then(Level::parse);
                        })
                    >
                        <option value="" prop:selected=move || query.read().level.is_none()>
                            {tr(|t| t.filter_any)}
                        </option>
                        {Level::ALL
                            .into_iter()
                            .map(|option| {
                                view! {
                                    <option
                                        value=option.as_str()
                                        prop:selected=move || query.read().level == Some(option)
                                    >
                                        {move || level_name(option, texts())}
                                    </option>
                                }
                            })
                            .collect_view()}
                    </select>
                </div>
            </div>
        </details>
    }
}

/// The options of a facet once loaded; without them the select offers "all" only.
#[component]
fn FacetOptions(facets: Facets, selected: Signal<Option<String>>) -> impl IntoView {
    move || {
        facets.get().and_then(Result::ok).map(|facets| {
            facets
                .into_iter()
                .map(|facet| {
                    let name = facet.name.clone();
                    let is_selected = move || selected.read().as_deref() == Some(name.as_str());
                    view! {
                        <option value=facet.name.clone() prop:selected=is_selected>
                            {format!("{} ({})", facet.name, facet.count)}
                        </option>
                    }
                })
                .collect_view()
        })
    }
}
