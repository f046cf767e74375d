//! A list of procedures found, each a link to its page.

use leptos::prelude::*;
use motcua_api::{Level, OnlineLevel, ProcedureSummary};

use crate::i18n::{Texts, tr, use_texts};

#[component]
pub fn ResultList(items: Vec<ProcedureSummary>) -> impl IntoView {
    let texts = use_texts();
    view! {
        <ol class="results">
            {items
                .into_iter()
                .map(|item| {
                    let href = format!("/thu-tuc/{}", item.code);
                    let online = item.online_level;
                    let levels = item.levels.clone();
                    view! {
                        <li class="result">
                            <a class="result-link" href=href>
                                {item.name.clone()}
                            </a>
                            <p class="result-meta">
                                <span>{tr(|t| t.code_label)} " " {item.code.clone()}</span>
                                <span>{item.field.clone()}</span>
                                <span>{item.agency.clone()}</span>
                                <span>{move || level_names(&levels, texts())}</span>
                            </p>
                            {move || {
                                online_badge(online, texts())
                                    .map(|text| view! { <p class="badge">{text}</p> })
                            }}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}

pub fn level_name(level: Level, texts: &Texts) -> &'static str {
    match level {
        Level::Central => texts.level_central,
        Level::Province => texts.level_province,
        Level::Commune => texts.level_commune,
        Level::Other => texts.level_other,
    }
}

fn level_names(levels: &[Level], texts: &Texts) -> String {
    levels
        .iter()
        .map(|level| level_name(*level, texts))
        .collect::<Vec<_>>()
        .join(", ")
}

pub fn online_badge(level: OnlineLevel, texts: &Texts) -> Option<&'static str> {
    match level {
        OnlineLevel::Full => Some(texts.online_full),
        OnlineLevel::Partial => Some(texts.online_partial),
        OnlineLevel::None => None,
    }
}
