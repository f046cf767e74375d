//! `/thu-tuc/{code}/nop-ho-so`: the checklist of documents to prepare and the ways to file.
//! The one-question-per-page filing form will take this place.

use leptos::prelude::*;
use motcua_api::Procedure;

use super::procedure::procedure_view;
use crate::components::layout::use_title;
use crate::components::procedure_parts::{ChannelList, DocumentMeta, Section};
use crate::i18n::{tr, use_texts};

#[component]
pub fn Prepare() -> impl IntoView {
    view! {
        <div class="container">
            {procedure_view(|procedure| view! { <Checklist procedure=procedure /> })}
        </div>
    }
}

#[component]
fn Checklist(procedure: Procedure) -> impl IntoView {
    let texts = use_texts();
    let title = procedure.name.clone();
    use_title(move |t| Some(format!("{} — {title}", t.prepare_heading)));
    let back = format!("/thu-tuc/{}", procedure.code);
    let total = procedure.documents.len();
    let ready = RwSignal::new(0usize);
    view! {
        <h1>{tr(|t| t.prepare_heading)}</h1>
        <p class="lead">{procedure.name}</p>
        <p class="notice">{tr(|t| t.prepare_note)}</p>
        <Section title=|t| t.documents_heading>
            <p>{tr(|t| t.prepare_intro)}</p>
            <ul class="checklist">
                {procedure
                    .documents
                    .into_iter()
                    .enumerate()
                    .map(|(index, document)| {
                        let id = format!("document-{index}");
                        let on_change = move |event| {
                            let checked = event_target_checked(&event);
                            ready.update(|ready| if checked { *ready += 1 } else { *ready -= 1 });
                        };
                        view! {
                            <li>
                                <input type="checkbox" id=id.clone() on:change=on_change />
                                <label for=id>
                                    <span class="document-name">{document.name.clone()}</span>
                                    <DocumentMeta document=document />
                                </label>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="result-count" role="status">
                {move || format!("{} {}/{total}", texts().prepared, ready.get())}
            </p>
        </Section>
        <Section title=|t| t.channels_heading>
            <ChannelList channels=procedure.channels />
        </Section>
        <p>
            <a href=back>{tr(|t| t.back_to_procedure)}</a>
        </p>
    }
}
