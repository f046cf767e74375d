//! `/thu-tuc/{code}`: what to bring, how long, what it costs, how to file, in plain words.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use motcua_api::{Channel, ChannelKind, OnlineLevel, Procedure, RequiredDocument};

use crate::api;
use crate::components::notice::{ErrorNotice, Loading};
use crate::components::results::online_badge;
use crate::format;
use crate::i18n::{Texts, use_texts};

/// The procedure of the current route, fetched whenever the code changes.
pub fn use_procedure() -> LocalResource<Result<Procedure, api::Error>> {
    let params = use_params_map();
    LocalResource::new(move || {
        let code = params.read().get("code").unwrap_or_default();
        async move { api::procedure(&code).await }
    })
}

#[component]
pub fn ProcedureDetail() -> impl IntoView {
    let texts = use_texts();
    let procedure = use_procedure();
    view! {
        <div class="container procedure">
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match procedure.await {
                        Ok(procedure) => view! { <Detail procedure=procedure /> }.into_any(),
                        Err(error) if error.is_not_found() => {
                            view! {
                                <h1>{move || texts().not_found_title}</h1>
                                <p role="alert">{move || texts().procedure_not_found}</p>
                                <p><a href="/">{move || texts().back_home}</a></p>
                            }
                                .into_any()
                        }
                        Err(error) => view! { <ErrorNotice error=error /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Detail(procedure: Procedure) -> impl IntoView {
    let texts = use_texts();
    let main_channel = main_channel(&procedure.channels);
    let online = procedure.online_level;
    let file_href = format!("/thu-tuc/{}/nop-ho-so", procedure.code);
    let Procedure {
        name,
        code,
        agency,
        channels,
        documents,
        steps,
        conditions,
        result,
        legal_basis,
        applicants,
        raw,
        ..
    } = procedure;
    let ways = channels
        .iter()
        .map(|channel| channel.kind)
        .collect::<Vec<_>>();
    view! {
        <h1>{name}</h1>
        <p class="meta">{move || texts().code_label} " " {code}</p>
        <dl class="summary">
            <div>
                <dt>{move || texts().processing_time}</dt>
                <dd>{let channel = main_channel.clone(); move || channel.as_ref().map(|c| format::time(c, texts())).unwrap_or_else(|| texts().no_information.into())}</dd>
            </div>
            <div>
                <dt>{move || texts().fee}</dt>
                <dd>{move || main_channel.as_ref().map(|c| format::fee(c, texts())).unwrap_or_else(|| texts().no_information.into())}</dd>
            </div>
            <div>
                <dt>{move || texts().where_to_file}</dt>
                <dd>{agency}</dd>
            </div>
            <div>
                <dt>{move || texts().how_to_file}</dt>
                <dd>{move || ways.iter().map(|kind| channel_name(*kind, texts())).collect::<Vec<_>>().join(", ")}</dd>
            </div>
        </dl>
        {(online != OnlineLevel::None).then(|| view! {
            <p class="file-online">
                <a class="button button-primary button-large" href=file_href>{move || texts().file_online}</a>
                <span class="badge">{move || online_badge(online, texts())}</span>
            </p>
        })}
        <Section title=|texts| texts.documents_heading>
            <ul class="documents">
                {documents.into_iter().map(|document| view! { <DocumentItem document=document /> }).collect_view()}
            </ul>
        </Section>
        <Section title=|texts| texts.channels_heading>
            <ChannelTable channels=channels />
        </Section>
        <Section title=|texts| texts.steps_heading>
            <ol class="steps">{steps.into_iter().map(|step| view! { <li>{step}</li> }).collect_view()}</ol>
        </Section>
        {(!conditions.is_empty()).then(|| view! {
            <Section title=|texts| texts.conditions_heading>
                <ul>{conditions.into_iter().map(|condition| view! { <li>{condition}</li> }).collect_view()}</ul>
            </Section>
        })}
        {(!result.is_empty()).then(|| view! {
            <Section title=|texts| texts.result_heading><p>{result}</p></Section>
        })}
        {(!applicants.is_empty()).then(|| view! {
            <Section title=|texts| texts.applicants_heading><p>{applicants}</p></Section>
        })}
        {(!legal_basis.is_empty()).then(|| view! {
            <Section title=|texts| texts.legal_heading>
                <ul>{legal_basis.into_iter().map(|law| view! { <li>{law.title} " " <span class="meta">{law.number}</span></li> }).collect_view()}</ul>
            </Section>
        })}
        {(!raw.is_empty()).then(|| view! {
            <details class="raw">
                <summary>{move || texts().source_text}</summary>
                {raw.into_iter().map(|raw| view! { <p class="raw-text">{raw.text}</p> }).collect_view()}
            </details>
        })}
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

pub fn channel_name(kind: ChannelKind, texts: &Texts) -> &'static str {
    match kind {
        ChannelKind::Counter => texts.channel_counter,
        ChannelKind::Online => texts.channel_online,
        ChannelKind::Post => texts.channel_post,
    }
}

/// A titled section; the title picks its text from the current language.
#[component]
pub fn Section(title: fn(&Texts) -> &'static str, children: Children) -> impl IntoView {
    let texts = use_texts();
    view! {
        <section class="section">
            <h2>{move || title(texts())}</h2>
            {children()}
        </section>
    }
}

#[component]
pub fn DocumentItem(document: RequiredDocument) -> impl IntoView {
    let texts = use_texts();
    let RequiredDocument {
        name,
        template,
        originals,
        copies,
        mandatory,
    } = document;
    let counts = move || {
        let texts = texts();
        let mut parts = Vec::new();
        if originals > 0 {
            parts.push(format!("{originals} {}", texts.original));
        }
        if copies > 0 {
            parts.push(format!("{copies} {}", texts.copy));
        }
        parts.join(", ")
    };
    view! {
        <li class="document">
            <span class="document-name">{name}</span>
            <span class="document-meta">
                <span class=if mandatory { "tag tag-required" } else { "tag" }>
                    {move || if mandatory { texts().mandatory } else { texts().if_any }}
                </span>
                " "
                {counts}
                {template.map(|template| view! { <span class="template">{move || texts().template} ": " {template.clone()}</span> })}
            </span>
        </li>
    }
}

#[component]
pub fn ChannelTable(channels: Vec<Channel>) -> impl IntoView {
    let texts = use_texts();
    view! {
        <ul class="channels">
            {channels.into_iter().map(|channel| {
                let note = channel.note.clone();
                view! {
                    <li>
                        <strong>{move || channel_name(channel.kind, texts())}</strong>
                        ": "
                        {let channel = channel.clone(); move || format::time(&channel, texts())}
                        " · "
                        {move || format::fee(&channel, texts())}
                        {(!note.is_empty()).then(|| view! { <span class="meta">" — " {note.clone()}</span> })}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
