//! `/ho-so-cua-toi`: the dossiers filed on this device (localStorage `motcua.dossiers`), newest
//! first, each with its status fetched with its own token. A status that fails to load never
//! hides the list.

use leptos::prelude::*;
use motcua_api::date::{format_vietnamese, parse_iso};

use super::dossier_url;
use crate::api::{self, Proof};
use crate::components::layout::{focus_heading, use_title};
use crate::components::status::StatusTag;
use crate::i18n::{ttr, use_tracking_texts};
use crate::pages::filing::{MyDossier, my_dossiers};

#[component]
pub fn MyDossiers() -> impl IntoView {
    let texts = use_tracking_texts();
    use_title(move |_| Some(texts().nav_mine.to_string()));
    focus_heading();
    let mine = my_dossiers();
    let list = if mine.is_empty() {
        view! {
            <p>{ttr(|t| t.mine_empty)}</p>
            <p>
                <a href="/tra-cuu">{ttr(|t| t.search_link)}</a>
            </p>
        }
        .into_any()
    } else {
        let items = mine
            .into_iter()
            .map(|dossier| view! { <Item dossier=dossier /> })
            .collect_view();
        view! {
            <ul class="my-dossiers">{items}</ul>
            <p>
                <a href="/tra-cuu">{ttr(|t| t.search_link)}</a>
            </p>
        }
        .into_any()
    };
    view! {
        <div class="container">
            <h1 tabindex="-1">{ttr(|t| t.nav_mine)}</h1>
            <p>{ttr(|t| t.mine_intro)}</p>
            {list}
        </div>
    }
}

#[component]
fn Item(dossier: MyDossier) -> impl IntoView {
    let MyDossier {
        code,
        token,
        procedure_name,
        received_on,
        ..
    } = dossier;
    let status = {
        let code = code.clone();
        LocalResource::new(move || {
            let code = code.clone();
            let proof = Proof::Token(token.clone());
            async move { api::track(&code, &proof).await.map(|found| found.status) }
        })
    };
    let filed = parse_iso(&received_on)
        .map(format_vietnamese)
        .unwrap_or(received_on);
    view! {
        <li class="my-dossier">
            <a class="result-link" href=dossier_url(&code)>
                {procedure_name}
            </a>
            <p class="result-meta">
                <span>{ttr(|t| t.code_row)} ": " <strong>{code}</strong></span>
                <span>{ttr(|t| t.filed_on)} ": " {filed}</span>
            </p>
            <Suspense fallback=|| ()>
                {move || Suspend::new(async move {
                    match status.await {
                        Ok(status) => view! { <StatusTag status=status /> }.into_any(),
                        Err(_) => {
                            view! { <span class="meta">{ttr(|t| t.status_unavailable)}</span> }
                                .into_any()
                        }
                    }
                })}
            </Suspense>
        </li>
    }
}
