//! `/can-bo?tab=&procedure=&field=&from=&to=&q=&page=`: the inbox. The URL is the state, so back,
//! forward, reload and a link sent to a colleague show the same list.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use motcua_api::date::format_vietnamese;
use motcua_api::staff::{
    Channel, INBOX_PAGE_SIZE, InboxItem, InboxPage, InboxQuery, InboxTab, RawInboxQuery,
};

use super::counter::{COUNTER_PATH, may_file};
use super::filters::{BadParameter, InboxFilters};
use super::{INBOX_PATH, Session, StaffShell, dossier_path, is_late, page_or_sign_in};
use crate::api;
use crate::components::layout::{focus_heading, use_title};
use crate::components::notice::{Loading, error_fallback};
use crate::components::status::{StatusTag, deadline_text};
use crate::format::moment;
use crate::i18n::{StaffTexts, ctr, sttr, tr, use_staff_texts, use_texts};

#[component]
pub fn Inbox() -> impl IntoView {
    view! {
        <StaffShell>
            <InboxContent />
        </StaffShell>
    }
}

/// The page's URL for a query.
pub fn inbox_url(query: &RawInboxQuery) -> String {
    let parameters = api::staff::query_string(query);
    if parameters.is_empty() {
        INBOX_PATH.to_string()
    } else {
        format!("{INBOX_PATH}?{parameters}")
    }
}

/// The query of the URL with any bad parameter left out, and the first one that was bad.
fn read_query(mut raw: RawInboxQuery) -> (RawInboxQuery, BadParameter) {
    let mut first_error = None;
    loop {
        match InboxQuery::try_from(raw.clone()) {
            Ok(_) => return (raw, first_error),
            Err((parameter, message)) => {
                match parameter {
                    "tab" => raw.tab = None,
                    "page" => raw.page = None,
                    "from" => raw.from = None,
                    "to" => raw.to = None,
                    "q" => raw.q = None,
                    _ => return (RawInboxQuery::default(), Some((parameter, message))),
                }
                first_error.get_or_insert((parameter, message));
            }
        }
    }
}

fn tab_name(tab: InboxTab, texts: &StaffTexts) -> &'static str {
    match tab {
        InboxTab::New => texts.tab_new,
        InboxTab::Received => texts.tab_received,
        InboxTab::Processing => texts.tab_processing,
        InboxTab::NeedsSupplement => texts.tab_needs_supplement,
        InboxTab::Done => texts.tab_done,
        InboxTab::Closed => texts.tab_closed,
        InboxTab::Overdue => texts.tab_overdue,
    }
}

#[component]
fn InboxContent() -> impl IntoView {
    let texts = use_staff_texts();
    use_title(move |_| Some(texts().inbox_heading.to_string()));
    focus_heading();
    let session = expect_context::<Session>();
    let params = use_query_map();
    let parsed = Memo::new(move |_| {
        let params = params.read();
        read_query(RawInboxQuery {
            tab: params.get("tab"),
            procedure: params.get("procedure"),
            field: params.get("field"),
            from: params.get("from"),
            to: params.get("to"),
            q: params.get("q"),
            page: params.get("page"),
        })
    });
    let query = Memo::new(move |_| parsed.read().0.clone());
    let bad = Signal::derive(move || parsed.read().1);
    let page = LocalResource::new(move || {
        let query = query.get();
        async move { api::staff::inbox(&query).await.map(|page| (query, page)) }
    });
    // Reception and leaders file dossiers brought on paper.
    let counter_link = move || {
        may_file(session).then(|| {
            view! {
                <p class="inbox-actions">
                    <a id="counter-filing" class="button" href=COUNTER_PATH>
                        {ctr(|t| t.heading)}
                    </a>
                </p>
            }
        })
    };
    view! {
        <h1 tabindex="-1">{sttr(|t| t.inbox_heading)}</h1>
        {counter_link}
        <InboxFilters query=query bad=bad />
        <Transition fallback=|| view! { <Loading /> }>
            <ErrorBoundary fallback=error_fallback>
                {move || Suspend::new(async move {
                    page_or_sign_in(
                        session,
                        page.await,
                        |(query, page)| view! { <InboxList query=query page=page /> }.into_any(),
                    )
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The tabs with their counts, the table of the page and the pager.
#[component]
fn InboxList(query: RawInboxQuery, page: InboxPage) -> impl IntoView {
    let texts = use_staff_texts();
    let current = query
        .tab
        .as_deref()
        .and_then(InboxTab::parse)
        .unwrap_or_default();
    let tabs = InboxTab::ALL
        .into_iter()
        .map(|tab| {
            let count = page
                .counts
                .iter()
                .find(|count| count.tab == tab)
                .map_or(0, |count| count.count);
            let href = inbox_url(&RawInboxQuery {
                tab: Some(tab.as_str().to_string()),
                page: None,
                ..query.clone()
            });
            view! {
                <li>
                    <a
                        href=href
                        class="inbox-tab"
                        data-tab=tab.as_str()
                        aria-current=(tab == current).then_some("page")
                    >
                        {move || tab_name(tab, texts())}
                        " "
                        <span class="inbox-count">{count}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let total = page.total;
    let body = if page.items.is_empty() {
        view! { <p class="notice" id="inbox-empty">{sttr(|t| t.inbox_empty)}</p> }.into_any()
    } else {
        view! { <InboxTable items=page.items /> }.into_any()
    };
    view! {
        <nav class="inbox-tabs" aria-label=move || texts().tabs_label>
            <ul>{tabs}</ul>
        </nav>
        <h2 class="inbox-tab-heading">
            {move || tab_name(current, texts())}
            <span class="meta" role="status">
                " · " {total} " " {sttr(|t| t.dossiers_count)}
            </span>
        </h2>
        {body}
        <Pager query=query total=total page_size=page.page_size current=page.page />
    }
}

#[component]
fn InboxTable(items: Vec<InboxItem>) -> impl IntoView {
    let texts = use_staff_texts();
    let rows = items
        .into_iter()
        .map(|item| inbox_row(item, texts))
        .collect_view();
    view! {
        <div class="table-scroll" role="region" aria-labelledby="inbox-caption" tabindex="0">
            <table class="inbox-table" id="inbox-table">
                <caption id="inbox-caption" class="visually-hidden">
                    {sttr(|t| t.inbox_heading)}
                </caption>
                <thead>
                    <tr>
                        <th scope="col">{sttr(|t| t.col_code)}</th>
                        <th scope="col">{sttr(|t| t.col_procedure)}</th>
                        <th scope="col">{sttr(|t| t.col_applicant)}</th>
                        <th scope="col">{sttr(|t| t.col_status)}</th>
                        <th scope="col">{sttr(|t| t.col_filed)}</th>
                        <th scope="col">{sttr(|t| t.col_promised)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn inbox_row(
    item: InboxItem,
    texts: impl Fn() -> &'static StaffTexts + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let InboxItem {
        code,
        procedure_code,
        procedure_name,
        applicant_name,
        status,
        channel,
        submitted_at,
        promised_date,
        deadline,
    } = item;
    let code = code.to_string();
    let counter = (channel == Channel::Counter)
        .then(|| view! { <span class="meta inbox-channel">{sttr(|t| t.channel_counter)}</span> });
    let deadline_view = move || deadline_text(status, deadline, &texts().deadline_words);
    view! {
        <tr data-code=code.clone()>
            <th scope="row">
                <a href=dossier_path(&code) class="inbox-code">
                    {code.clone()}
                </a>
                {counter}
            </th>
            <td>
                {procedure_name}
                <span class="meta inbox-procedure-code">{procedure_code}</span>
            </td>
            <td>{applicant_name}</td>
            <td>
                <StatusTag status=status />
            </td>
            <td>{move || moment(submitted_at, texts().time_at)}</td>
            <td>
                {promised_date.map(format_vietnamese)}
                <span class="inbox-deadline" class:deadline-late=is_late(deadline)>
                    {deadline_view}
                </span>
            </td>
        </tr>
    }
}

#[component]
fn Pager(query: RawInboxQuery, total: u64, page_size: u32, current: u32) -> impl IntoView {
    let texts = use_texts();
    let size = u64::from(if page_size == 0 {
        INBOX_PAGE_SIZE
    } else {
        page_size
    });
    let last = total.div_ceil(size).max(1) as u32;
    if last <= 1 {
        return ().into_any();
    }
    let link = |page: u32| {
        inbox_url(&RawInboxQuery {
            page: (page > 1).then(|| page.to_string()),
            ..query.clone()
        })
    };
    let previous = (current > 1).then(|| {
        view! {
            <a class="button" rel="prev" id="inbox-previous" href=link(current - 1)>
                {tr(|t| t.previous_page)}
            </a>
        }
    });
    let next = (current < last).then(|| {
        view! {
            <a class="button" rel="next" id="inbox-next" href=link(current + 1)>
                {tr(|t| t.next_page)}
            </a>
        }
    });
    view! {
        <nav class="pager" aria-label=move || texts().paging>
            {previous}
            <span>{move || format!("{} {current}/{last}", texts().page)}</span>
            {next}
        </nav>
    }
    .into_any()
}
