//! `/thu-tuc/{code}`: what to bring, how long, what it costs, how to file, in plain words.

use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use motcua_api::area::PROCEDURE_DATA_ID;
use motcua_api::{Channel, ChannelKind, OnlineLevel, Procedure};

use super::{search_as_you_type, search_on_submit};
use crate::api;
use crate::components::layout::use_title;
use crate::components::notice::{Loading, error_fallback};
use crate::components::procedure_parts::{ChannelList, DocumentItem, Section, channel_name};
use crate::components::results::online_badge;
use crate::components::search_box::SearchBox;
use crate::format;
use crate::i18n::{Lang, Texts, tr, use_language, use_texts};

/// The `id` of the element the server renders a procedure into (`crate::prerender`).
pub const PRERENDERED_ID: &str = "prerendered";

/// The procedure of the current route, fetched whenever the code changes, unless the server sent
/// it with the page (a filing page's, `PROCEDURE_DATA_ID`).
pub fn use_procedure() -> LocalResource<Result<Procedure, api::Error>> {
    let params = use_params_map();
    let code = Memo::new(move |_| params.read().get("code").unwrap_or_default());
    LocalResource::new(move || {
        let code = code.get();
        let sent = procedure_sent_with_page().filter(|sent| sent.code == code);
        async move {
            match sent {
                Some(procedure) => Ok(procedure),
                None => api::procedure(&code).await,
            }
        }
    })
}

/// The procedure the server put in the page. It stays there: each page of the form reads it.
fn procedure_sent_with_page() -> Option<Procedure> {
    let element = document().get_element_by_id(PROCEDURE_DATA_ID)?;
    serde_json::from_str(&element.text_content()?).ok()
}

/// Shows the procedure of the route with `found`; an unknown code gets `UnknownProcedure`.
pub fn procedure_view<V: IntoView + 'static>(
    found: impl Fn(Procedure) -> V + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let procedure = use_procedure();
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            <ErrorBoundary fallback=error_fallback>
                {move || Suspend::new(async move {
                    match procedure.await {
                        Ok(procedure) => Ok(found(procedure).into_any()),
                        Err(error) if error.is_not_found() => {
                            Ok(view! { <UnknownProcedure /> }.into_any())
                        }
                        Err(error) => Err(error),
                    }
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// The procedure page. On the first screen the server has already rendered the procedure into
/// the page (`crate::prerender`), so the citizen reads it before the Wasm has loaded; the app keeps
/// that HTML rather than fetch and draw the same again on a slow phone's main thread. Another
/// language or another procedure is fetched and drawn as usual.
#[component]
pub fn ProcedureDetail() -> impl IntoView {
    let params = use_params_map();
    let served = StoredValue::new(ServedProcedure::take());
    let lang = use_language();
    let served_here = move || {
        let code = params.read().get("code").unwrap_or_default();
        served.with_value(|served| {
            served
                .as_ref()
                .filter(|served| served.code == code && lang.get() == Lang::Vi)
                .cloned()
        })
    };
    view! {
        <div class="container procedure">
            {move || match served_here() {
                Some(served) => Either::Left(served.view()),
                None => {
                    Either::Right(
                        procedure_view(|procedure| view! { <Detail procedure=procedure /> }),
                    )
                }
            }}
        </div>
    }
}

/// A procedure the server rendered into the page, taken out of it when the app starts.
#[derive(Clone)]
struct ServedProcedure {
    code: String,
    title: String,
    html: String,
}

impl ServedProcedure {
    fn take() -> Option<ServedProcedure> {
        let element = document().get_element_by_id(PRERENDERED_ID)?;
        // Out of the page in the same frame as the app comes in: no shift, no second copy.
        element.remove();
        Some(ServedProcedure {
            code: element.get_attribute("data-code")?,
            title: element.get_attribute("data-title")?,
            html: element.inner_html(),
        })
    }

    fn view(self) -> impl IntoView {
        let title = self.title;
        use_title(move |_| Some(title.clone()));
        view! { <div inner_html=self.html></div> }
    }
}

#[component]
fn UnknownProcedure() -> impl IntoView {
    use_title(|t| Some(t.procedure_not_found_title.to_string()));
    let (on_type, on_submit) = (search_as_you_type(), search_on_submit());
    view! {
        <h1>{tr(|t| t.procedure_not_found_title)}</h1>
        <p>{tr(|t| t.procedure_not_found)}</p>
        <SearchBox on_type=on_type on_submit=on_submit />
        <p>
            <a href="/">{tr(|t| t.back_home)}</a>
        </p>
    }
}

/// The channel whose time and fee the summary shows: the counter when there is one.
fn main_channel(channels: &[Channel]) -> Option<Channel> {
    channels
        .iter()
        .find(|channel| channel.kind == ChannelKind::Counter)
        .or_else(|| channels.first())
        .cloned()
}

fn list_items(items: Vec<String>) -> impl IntoView {
    items
        .into_iter()
        .map(|item| view! { <li>{item}</li> })
        .collect_view()
}

#[component]
fn Detail(procedure: Procedure) -> impl IntoView {
    let title = procedure.name.clone();
    use_title(move |_| Some(title.clone()));
    view! { <ProcedureText procedure=procedure /> }
}

/// What the procedure page shows of a procedure, below the site's header: drawn by the app, and
/// by the server into the first screen (`crate::prerender`), so it must not touch the browser.
#[component]
pub fn ProcedureText(procedure: Procedure) -> impl IntoView {
    let texts = use_texts();
    let online = procedure.online_level;
    let file_href = format!("/thu-tuc/{}/nop-ho-so", procedure.code);
    let badge = move || online_badge(online, texts());
    let laws = procedure
        .legal_basis
        .iter()
        .map(|law| format!("{} {}", law.number, law.title).trim().to_string())
        .collect::<Vec<_>>();
    let documents = procedure
        .documents
        .iter()
        .map(|document| view! { <DocumentItem document=document.clone() /> })
        .collect_view();
    let Procedure {
        name,
        code,
        field,
        steps,
        conditions,
        result,
        applicants,
        raw,
        ..
    } = procedure.clone();
    view! {
        <h1>{name}</h1>
        <p class="meta">{tr(|t| t.code_label)} " " {code} " · " {field}</p>
        <Summary procedure=procedure.clone() />
        {(online != OnlineLevel::None)
            .then(|| {
                view! {
                    <p class="file-online">
                        <a class="button button-primary button-large" href=file_href>
                            {tr(|t| t.file_online)}
                        </a>
                        <span class="badge">{badge}</span>
                    </p>
                }
            })}
        <Section title=|t| t.documents_heading>
            <ul class="documents">{documents}</ul>
        </Section>
        <Section title=|t| t.steps_heading>
            <ol class="steps">{list_items(steps)}</ol>
        </Section>
        <Section title=|t| t.channels_heading>
            <ChannelList channels=procedure.channels />
        </Section>
        {(!conditions.is_empty())
            .then(|| {
                view! {
                    <Section title=|t| t.conditions_heading>
                        <ul>{list_items(conditions)}</ul>
                    </Section>
                }
            })}
        {(!result.is_empty())
            .then(|| view! { <Section title=|t| t.result_heading><p>{result}</p></Section> })}
        {(!laws.is_empty())
            .then(|| {
                view! {
                    <Section title=|t| t.legal_heading>
                        <ul>{list_items(laws)}</ul>
                    </Section>
                }
            })}
        {(!applicants.is_empty())
            .then(|| {
                view! {
                    <Section title=|t| t.applicants_heading>
                        <p>{applicants}</p>
                    </Section>
                }
            })}
        {(!raw.is_empty())
            .then(|| {
                let texts = raw
                    .into_iter()
                    .map(|raw| view! { <p class="raw-text">{raw.text}</p> })
                    .collect_view();
                view! {
                    <details class="raw">
                        <summary>{tr(|t| t.source_text)}</summary>
                        {texts}
                    </details>
                }
            })}
    }
}

/// Time, fee, place and ways of filing at a glance.
#[component]
fn Summary(procedure: Procedure) -> impl IntoView {
    let texts = use_texts();
    let channel = StoredValue::new(main_channel(&procedure.channels));
    let show_channel = move |show: fn(&Channel, &Texts) -> String| {
        move || {
            channel
                .read_value()
                .as_ref()
                .map(|channel| show(channel, texts()))
                .unwrap_or_else(|| texts().no_information.to_string())
        }
    };
    let ways = move || {
        procedure
            .channels
            .iter()
            .map(|channel| channel_name(channel.kind, texts()))
            .collect::<Vec<_>>()
            .join(", ")
    };
    view! {
        <dl class="summary">
            <div>
                <dt>{tr(|t| t.processing_time)}</dt>
                <dd>{show_channel(format::time)}</dd>
            </div>
            <div>
                <dt>{tr(|t| t.fee)}</dt>
                <dd>{show_channel(format::fee)}</dd>
            </div>
            <div>
                <dt>{tr(|t| t.where_to_file)}</dt>
                <dd>{procedure.agency.clone()}</dd>
            </div>
            <div>
                <dt>{tr(|t| t.how_to_file)}</dt>
                <dd>{ways}</dd>
            </div>
        </dl>
    }
}
