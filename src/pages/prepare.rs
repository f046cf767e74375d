//! `/thu-tuc/{code}/nop-ho-so`: what to prepare, then "Bắt đầu"; or, when a draft was left
//! unfinished, continue it or delete it and start again.

use leptos::prelude::*;
use leptos::task::spawn_local;
use motcua_api::filing::Step;
use motcua_api::{OnlineLevel, Procedure};

use super::filing::{Mode, draft, intro_url};
use super::procedure::procedure_view;
use crate::api;
use crate::components::layout::use_title;
use crate::components::procedure_parts::{ChannelList, DocumentMeta, Section};
use crate::i18n::{ftr, tr, use_texts};

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
    let start = if procedure.online_level == OnlineLevel::None {
        view! { <p class="notice">{ftr(|t| t.not_online)}</p> }.into_any()
    } else {
        let first_page = format!(
            "{}/{}",
            intro_url(&procedure.code),
            Step::FilingFor.slug(&procedure)
        );
        view! {
            <p>{ftr(|t| t.filing_intro)}</p>
            <StartOrResume code=procedure.code.clone() first_page=first_page mode=Mode::Citizen />
        }
        .into_any()
    };
    view! {
        <h1>{tr(|t| t.prepare_heading)}</h1>
        <p class="lead">{procedure.name}</p>
        {start}
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

/// "Bắt đầu", or the unfinished draft: "Tiếp tục…" and "Xoá bản nháp…" (asked twice). Shared with
/// filing at the counter, which keeps its drafts apart (`mode`).
#[component]
pub fn StartOrResume(code: String, first_page: String, mode: Mode) -> impl IntoView {
    let draft = RwSignal::new(draft::load(mode, &code));
    let confirming = RwSignal::new(false);
    let question = NodeRef::<leptos::html::Div>::new();
    Effect::new(move || {
        if let Some(question) = question.get() {
            question.focus().ok();
        }
    });
    let discard = move |_| {
        let (code, ids) = draft.with_untracked(|draft| {
            let code = draft.input.procedure_code.clone();
            (
                code,
                draft
                    .input
                    .documents
                    .values()
                    .flatten()
                    .cloned()
                    .collect::<Vec<_>>(),
            )
        });
        draft::remove(mode, &code);
        for id in ids {
            spawn_local(async move {
                api::delete_upload(&id).await.ok();
            });
        }
        confirming.set(false);
        draft.set(draft::load(mode, &code));
    };
    move || {
        let resume_page = draft.with(|draft| {
            draft.is_started().then(|| {
                Some(draft.last_page.clone())
                    .filter(|page| page.starts_with(&mode.intro_url(&draft.input.procedure_code)))
                    .unwrap_or_else(|| first_page.clone())
            })
        });
        match resume_page {
            None => view! {
                <p>
                    <a
                        class="button button-primary button-large"
                        role="button"
                        draggable="false"
                        href=first_page.clone()
                    >
                        {ftr(|t| t.start)}
                    </a>
                </p>
            }
            .into_any(),
            Some(resume_page) => view! {
                <div class="draft-panel">
                    <p>
                        <strong>{ftr(|t| t.draft_found)}</strong>
                    </p>
                    <p>
                        <a class="button button-primary button-large" href=resume_page>
                            {ftr(|t| t.resume)}
                        </a>
                    </p>
                    <Show
                        when=move || confirming.get()
                        fallback=move || {
                            view! {
                                <button type="button" class="button" on:click=move |_| confirming.set(true)>
                                    {ftr(|t| t.discard)}
                                </button>
                            }
                        }
                    >
                        <div node_ref=question class="confirm" tabindex="-1" role="group" aria-labelledby="discard-question">
                            <p id="discard-question">
                                <strong>{ftr(|t| t.discard_confirm)}</strong>
                            </p>
                            <p class="button-row">
                                <button type="button" class="button button-warning" on:click=discard>
                                    {ftr(|t| t.discard_yes)}
                                </button>
                                <button type="button" class="button" on:click=move |_| confirming.set(false)>
                                    {ftr(|t| t.discard_no)}
                                </button>
                            </p>
                        </div>
                    </Show>
                </div>
            }
            .into_any(),
        }
    }
}
