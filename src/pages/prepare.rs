//! `/thu-tuc/{code}/nop-ho-so`: the checklist of documents to prepare and the ways to file.
//! The one-question-per-page filing form will take this place.

use leptos::prelude::*;
use motcua_api::Procedure;

use super::procedure::{ChannelTable, Section, use_procedure};
use crate::components::notice::{ErrorNotice, Loading};
use crate::i18n::use_texts;

#[component]
pub fn Prepare() -> impl IntoView {
    let procedure = use_procedure();
    view! {
        <div class="container">
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match procedure.await {
                        Ok(procedure) => view! { <Checklist procedure=procedure /> }.into_any(),
                        Err(error) => view! { <ErrorNotice error=error /> }.into_any(),
                    }
                })}
            </Transition>
        </div>
    }
}

#[component]
fn Checklist(procedure: Procedure) -> impl IntoView {
    let texts = use_texts();
    let back = format!("/thu-tuc/{}", procedure.code);
    view! {
        <h1>{move || texts().prepare_heading}</h1>
        <p class="lead">{procedure.name}</p>
        <p class="notice">{move || texts().prepare_note}</p>
        <Section title=|texts| texts.documents_heading>
            <p>{move || texts().prepare_intro}</p>
            <ul class="checklist">
                {procedure.documents.into_iter().enumerate().map(|(index, document)| {
                    let id = format!("document-{index}");
                    view! {
                        <li>
                            <input type="checkbox" id=id.clone() />
                            <label for=id>{document.name}</label>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Section>
        <Section title=|texts| texts.channels_heading>
            <ChannelTable channels=procedure.channels />
        </Section>
        <p><a href=back>{move || texts().back_to_procedure}</a></p>
    }
}
