//! The inbox filters: search, procedure, field and dates, applied together with "Lọc" (which goes
//! back to page 1 of the same tab).

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use motcua_api::message::Message;
use motcua_api::staff::RawInboxQuery;

use super::inbox::inbox_url;
use crate::api;
use crate::i18n::{StaffTexts, sttr, tr, use_language, use_staff_texts};

/// A bad parameter of the URL and its message.
pub type BadParameter = Option<(&'static str, Message)>;

/// The filters as typed, before "Lọc".
#[derive(Clone, Copy)]
struct Draft {
    q: RwSignal<String>,
    procedure: RwSignal<String>,
    field: RwSignal<String>,
    from: RwSignal<String>,
    to: RwSignal<String>,
}

impl Draft {
    fn new() -> Draft {
        Draft {
            q: RwSignal::new(String::new()),
            procedure: RwSignal::new(String::new()),
            field: RwSignal::new(String::new()),
            from: RwSignal::new(String::new()),
            to: RwSignal::new(String::new()),
        }
    }

    fn show(self, query: &RawInboxQuery) {
        let text = |value: &Option<String>| value.clone().unwrap_or_default();
        self.q.set(text(&query.q));
        self.procedure.set(text(&query.procedure));
        self.field.set(text(&query.field));
        self.from.set(text(&query.from));
        self.to.set(text(&query.to));
    }

    fn query(self, tab: Option<String>) -> RawInboxQuery {
        let given = |signal: RwSignal<String>| {
            let value = signal.get_untracked().trim().to_string();
            (!value.is_empty()).then_some(value)
        };
        RawInboxQuery {
            tab,
            procedure: given(self.procedure),
            field: given(self.field),
            from: given(self.from),
            to: given(self.to),
            q: given(self.q),
            page: None,
        }
    }
}

#[component]
pub fn InboxFilters(query: Memo<RawInboxQuery>, bad: Signal<BadParameter>) -> impl IntoView {
    let texts = use_staff_texts();
    let fields = LocalResource::new(api::fields);
    let draft = Draft::new();
    // Back and forward change the URL: the inputs follow.
    Effect::new(move || draft.show(&query.read()));
    // Closed unless a filter is in use: the list comes first, on a phone above all.
    let open = query.with_untracked(|query| {
        [
            &query.q,
            &query.procedure,
            &query.field,
            &query.from,
            &query.to,
        ]
        .iter()
        .any(|value| value.is_some())
    }) || bad.get_untracked().is_some();
    let navigate = use_navigate();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let next = draft.query(query.read_untracked().tab.clone());
        navigate(&inbox_url(&next), Default::default());
    };
    let clear = move || {
        inbox_url(&RawInboxQuery {
            tab: query.read().tab.clone(),
            ..RawInboxQuery::default()
        })
    };
    let field_options = move || {
        fields.get().and_then(Result::ok).map(|facets| {
            facets
                .into_iter()
                .map(|facet| {
                    let name = facet.name.clone();
                    let value = facet.name.clone();
                    let selected = move || draft.field.with(|field| *field == name);
                    view! {
                        <option value=value prop:selected=selected>
                            {facet.name}
                        </option>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="filters inbox-filters-box" open=open>
            <summary>{sttr(|t| t.filters)}</summary>
            <form
                class="inbox-filters"
                role="search"
                aria-label=move || texts().filters
                novalidate
                on:submit=on_submit
            >
                <Filter
                    id="inbox-q"
                    kind="search"
                    label=|t| t.filter_q
                    value=draft.q
                    param="q"
                    bad=bad
                />
                <Filter
                    id="inbox-procedure"
                    kind="text"
                    label=|t| t.filter_procedure
                    value=draft.procedure
                    param="procedure"
                    bad=bad
                />
                <div class="inbox-filter">
                    <label for="inbox-field" class="label">
                        {sttr(|t| t.filter_field)}
                    </label>
                    <select
                        id="inbox-field"
                        class="select"
                        on:change=move |event| draft.field.set(event_target_value(&event))
                    >
                        <option value="" prop:selected=move || draft.field.read().is_empty()>
                            {tr(|t| t.filter_any)}
                        </option>
                        {field_options}
                    </select>
                </div>
                <Filter
                    id="inbox-from"
                    kind="date"
                    label=|t| t.filter_from
                    value=draft.from
                    param="from"
                    bad=bad
                />
                <Filter
                    id="inbox-to"
                    kind="date"
                    label=|t| t.filter_to
                    value=draft.to
                    param="to"
                    bad=bad
                />
                <div class="button-row inbox-filter-buttons">
                    <button type="submit" id="inbox-apply" class="button button-primary">
                        {sttr(|t| t.apply_filters)}
                    </button>
                    <a class="button" id="inbox-clear" href=clear>
                        {sttr(|t| t.clear_filters)}
                    </a>
                </div>
            </form>
        </details>
    }
}

/// One labelled input, with the message when the URL gave a bad value for it.
#[component]
fn Filter(
    id: &'static str,
    kind: &'static str,
    label: fn(&StaffTexts) -> &'static str,
    value: RwSignal<String>,
    param: &'static str,
    bad: Signal<BadParameter>,
) -> impl IntoView {
    let lang = use_language();
    let message = move || {
        bad.get()
            .filter(|(name, _)| *name == param)
            .map(|(_, message)| lang.get().message(message))
    };
    let error_id = format!("{id}-error");
    view! {
        <div class="inbox-filter" class:form-group-error=move || message().is_some()>
            <label for=id class="label">
                {sttr(label)}
            </label>
            {
                let error_id = error_id.clone();
                move || {
                    message()
                        .map(|message| {
                            view! {
                                <p id=error_id.clone() class="field-error">
                                    {message}
                                </p>
                            }
                        })
                }
            }
            <input
                id=id
                name=id
                class="input"
                type=kind
                prop:value=move || value.get()
                aria-invalid=move || message().is_some().then_some("true")
                aria-describedby=move || message().is_some().then(|| error_id.clone())
                on:input=move |event| value.set(event_target_value(&event))
            />
        </div>
    }
}
