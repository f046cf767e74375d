//! Filing at the counter, for a citizen who brought the dossier on paper:
//! `/can-bo/nop-tai-quay` (pick the procedure), `/can-bo/nop-tai-quay/{code}` (what to collect,
//! start or resume), `/can-bo/nop-tai-quay/{code}/{step}` (the citizen's filing form in counter
//! mode) and `/can-bo/ho-so/{code}/phieu-tiep-nhan` (the receipt to print for the citizen).

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};
use motcua_api::filing::Step;
use motcua_api::query::percent_encode;
use motcua_api::staff::Permission;
use motcua_api::{Procedure, ProcedureQuery};

use super::{Session, StaffShell, dossier_path};
use crate::api;
use crate::components::layout::{focus_heading, use_title};
use crate::components::notice::{Loading, error_fallback};
use crate::components::procedure_parts::DocumentMeta;
use crate::components::search_box::SearchBox;
use crate::i18n::{ctr, use_counter_texts};
use crate::pages::Receipt;
use crate::pages::filing::{Mode, filing_view};
use crate::pages::prepare::StartOrResume;
use crate::pages::procedure::procedure_view;

pub const COUNTER_PATH: &str = "/can-bo/nop-tai-quay";

/// Whether the officer signed in may file at the counter (reception and leaders).
pub fn may_file(session: Session) -> bool {
    session
        .me
        .read()
        .as_ref()
        .is_some_and(|me| me.role.may(Permission::FileAtCounter))
}

/// Its children for an officer who may file at the counter; a notice for the others. The server
/// checks again on filing.
#[component]
fn CounterOnly(children: ChildrenFn) -> impl IntoView {
    let session = expect_context::<Session>();
    let allowed = Memo::new(move |_| session.me.read().is_some().then(|| may_file(session)));
    move || match allowed.get() {
        None => view! { <Loading /> }.into_any(),
        Some(false) => view! { <p class="notice">{ctr(|t| t.not_permitted)}</p> }.into_any(),
        Some(true) => children().into_any(),
    }
}

#[component]
pub fn CounterPicker() -> impl IntoView {
    view! {
        <StaffShell>
            <CounterOnly>
                <Picker />
            </CounterOnly>
        </StaffShell>
    }
}

/// The catalog search box; each procedure found opens its counter filing.
#[component]
fn Picker() -> impl IntoView {
    let texts = use_counter_texts();
    use_title(move |_| Some(texts().heading.to_string()));
    focus_heading();
    let query = use_query_map();
    let text = Memo::new(move |_| query.read().get("q").unwrap_or_default());
    let navigate = use_navigate();
    let go = Callback::new(move |typed: String| {
        let typed = typed.trim().to_string();
        let url = if typed.is_empty() {
            COUNTER_PATH.to_string()
        } else {
            format!("{COUNTER_PATH}?q={}", percent_encode(&typed))
        };
        navigate(&url, Default::default());
    });
    let found = LocalResource::new(move || {
        let q = text.get().trim().to_string();
        async move {
            if q.is_empty() {
                return Ok(None);
            }
            let query = ProcedureQuery {
                q,
                ..ProcedureQuery::default()
            };
            api::search(&query).await.map(Some)
        }
    });
    view! {
        <h1 tabindex="-1">{ctr(|t| t.heading)}</h1>
        <p>{ctr(|t| t.pick_intro)}</p>
        <SearchBox on_type=go on_submit=go text=text />
        <Transition fallback=|| view! { <Loading /> }>
            <ErrorBoundary fallback=error_fallback>
                {move || Suspend::new(async move {
                    found.await.map(|page| page.map(|page| results(page.items)))
                })}
            </ErrorBoundary>
        </Transition>
    }
}

fn results(items: Vec<motcua_api::ProcedureSummary>) -> AnyView {
    if items.is_empty() {
        return view! { <p role="status">{ctr(|t| t.no_results)}</p> }.into_any();
    }
    let rows = items
        .into_iter()
        .map(|item| {
            let href = Mode::Counter.intro_url(&item.code);
            view! {
                <li>
                    <a href=href class="counter-procedure" data-code=item.code.clone()>
                        {item.name}
                    </a>
                    " "
                    <span class="meta">{item.code} " · " {item.agency}</span>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="counter-results">{rows}</ul> }.into_any()
}

#[component]
pub fn CounterStart() -> impl IntoView {
    view! {
        <StaffShell>
            <CounterOnly>
                {procedure_view(|procedure| view! { <Start procedure=procedure /> })}
            </CounterOnly>
        </StaffShell>
    }
}

/// What to collect from the citizen, then "Bắt đầu" (or the officer's unfinished draft).
#[component]
fn Start(procedure: Procedure) -> impl IntoView {
    let texts = use_counter_texts();
    let name = procedure.name.clone();
    use_title(move |_| Some(format!("{} — {name}", texts().heading)));
    focus_heading();
    let first_page = format!(
        "{}/{}",
        Mode::Counter.intro_url(&procedure.code),
        Step::FilingFor.slug(&procedure)
    );
    let documents = procedure
        .documents
        .into_iter()
        .map(|document| {
            view! {
                <li>
                    <span class="document-name">{document.name.clone()}</span>
                    <DocumentMeta document=document />
                </li>
            }
        })
        .collect_view();
    view! {
        <h1 tabindex="-1">{ctr(|t| t.heading)}</h1>
        <p class="lead">{procedure.name} " (" {procedure.code.clone()} ")"</p>
        <p>{ctr(|t| t.start_intro)}</p>
        <StartOrResume code=procedure.code first_page=first_page mode=Mode::Counter />
        <h2>{ctr(|t| t.collect_heading)}</h2>
        <ul class="received-documents">{documents}</ul>
        <p>
            <a href=COUNTER_PATH>{ctr(|t| t.other_procedure)}</a>
        </p>
    }
}

#[component]
pub fn CounterFiling() -> impl IntoView {
    view! {
        <StaffShell>
            <CounterOnly>{filing_view(Mode::Counter)}</CounterOnly>
        </StaffShell>
    }
}

/// The receipt of a dossier just filed at the counter, to print for the citizen.
#[component]
pub fn CounterReceipt() -> impl IntoView {
    let params = use_params_map();
    let dossier = move || dossier_path(&params.read().get("code").unwrap_or_default());
    view! {
        <StaffShell>
            <div class="no-print counter-receipt-links">
                <p>{ctr(|t| t.print_for_citizen)}</p>
                <p>
                    <a id="counter-open-dossier" href=dossier>
                        {ctr(|t| t.open_dossier)}
                    </a>
                    " · "
                    <a href=COUNTER_PATH>{ctr(|t| t.file_another)}</a>
                </p>
            </div>
            <Receipt />
        </StaffShell>
    }
}
