//! Pieces of a procedure shown on its page and on the preparation page.

use leptos::prelude::*;
use motcua_api::{Channel, ChannelKind, RequiredDocument};

use crate::format;
use crate::i18n::{Texts, tr, use_texts};

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
    view! {
        <section class="section">
            <h2>{tr(title)}</h2>
            {children()}
        </section>
    }
}

/// "1 bản chính, 1 bản sao".
pub fn document_counts(document: &RequiredDocument, texts: &Texts) -> String {
    let mut parts = Vec::new();
    if document.originals > 0 {
        parts.push(format!("{} {}", document.originals, texts.original));
    }
    if document.copies > 0 {
        parts.push(format!("{} {}", document.copies, texts.copy));
    }
    parts.join(", ")
}

/// Whether a document is required, and how many originals and copies.
#[component]
pub fn DocumentMeta(document: RequiredDocument) -> impl IntoView {
    let texts = use_texts();
    let mandatory = document.mandatory;
    let (class, text): (_, fn(&Texts) -> &'static str) = if mandatory {
        ("tag tag-required", |t| t.mandatory)
    } else {
        ("tag", |t| t.if_any)
    };
    view! {
        <span class="document-meta">
            <span class=class>{tr(text)}</span>
            <span>{move || document_counts(&document, texts())}</span>
        </span>
    }
}

#[component]
pub fn DocumentItem(document: RequiredDocument) -> impl IntoView {
    let template = document.template.clone().map(|template| {
        view! { <span class="template">{tr(|t| t.template)} ": " {template}</span> }
    });
    view! {
        <li class="document">
            <span class="document-name">{document.name.clone()}</span>
            <DocumentMeta document=document />
            {template}
        </li>
    }
}

/// Each way of filing with its time and fee.
#[component]
pub fn ChannelList(channels: Vec<Channel>) -> impl IntoView {
    let texts = use_texts();
    view! {
        <ul class="channels">
            {channels
                .into_iter()
                .map(|channel| {
                    let note = channel.note.clone();
                    let time = {
                        let channel = channel.clone();
                        move || format::time(&channel, texts())
                    };
                    view! {
                        <li>
                            <strong>{move || channel_name(channel.kind, texts())}</strong>
                            ": "
                            {time}
                            " · "
                            {move || format::fee(&channel, texts())}
                            {(!note.is_empty())
                                .then(|| view! { <span class="meta">" — " {note}</span> })}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
