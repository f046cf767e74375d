//! A page per required document: take a photo or choose a file; each file is sent at once, with a
//! progress bar, and shown with a preview, "Thay tệp khác" and "Xoá".

use leptos::prelude::*;
use motcua_api::dossier::{ACCEPT_ATTRIBUTE, UploadedFile};
use motcua_api::filing::Step;
use web_sys::HtmlInputElement;

use super::upload::{UploadList, Uploads, file_details, remove_file, take_files, upload_files};
use super::{Form, StepPage, words};
use crate::api;
use crate::components::fields::{described_by, field_error};
use crate::components::problems::{Problems, focus_element};
use crate::components::procedure_parts::document_counts;
use crate::i18n::{ftr, tr, use_filing_texts, use_texts};

#[component]
pub fn DocumentPage(index: usize) -> impl IntoView {
    let form = expect_context::<Form>();
    let common = use_texts();
    let document = form
        .procedure
        .with_value(|procedure| procedure.documents.get(index).cloned());
    let Some(document) = document else {
        return ().into_any();
    };
    let uploads = Uploads::new();
    let (tag_class, tag): (_, Signal<&str>) = if document.mandatory {
        ("tag tag-required", ftr(|t| t.required))
    } else {
        ("tag", ftr(|t| t.not_required))
    };
    let template = document.template.clone().map(|template| {
        view! { <p class="meta">{tr(|t| t.template)} ": " {template}</p> }
    });
    let counts = document.clone();
    view! {
        <StepPage step=Step::Document(index)>
            <h1 class="question question-document" tabindex="-1">
                {document.name.clone()}
            </h1>
            <p class="document-meta">
                <span class=tag_class>{tag}</span>
                <span>
                    {ftr(|t| t.quantity)} " " {move || document_counts(&counts, common())}
                </span>
            </p>
            {template}
            <FileInputs index=index uploads=uploads />
            <UploadList uploads=uploads />
            <FileList index=index uploads=uploads />
        </StepPage>
    }
    .into_any()
}

/// The camera and the file picker: a phone's camera input cannot choose a PDF, so both are offered.
#[component]
fn FileInputs(index: usize, uploads: Uploads) -> impl IntoView {
    let form = expect_context::<Form>();
    let problems = expect_context::<Problems>();
    let field = format!("documents.{index}");
    let file_id = format!("documents-{index}-file");
    let camera_id = format!("documents-{index}-camera");
    let hint_id = format!("{file_id}-hint");
    let invalid = {
        let field = field.clone();
        Memo::new(move |_| problems.of(&field).is_some())
    };
    let attached = Memo::new(move |_| {
        form.draft.with(|draft| {
            draft
                .input
                .documents
                .get(&index)
                .is_some_and(|ids| !ids.is_empty())
        })
    });
    // A file attached answers "this document is required": its message goes at once.
    Effect::new(move || {
        if attached.get() {
            problems
                .0
                .update(|problems| problems.retain(|problem| !problem.href.starts_with('#')));
        }
    });
    let on_choose = move |event| {
        let input: HtmlInputElement = event_target(&event);
        upload_files(form, uploads, index, take_files(&input), None);
    };
    view! {
        <div class="form-group" class:form-group-error=move || invalid.get()>
            <div id=hint_id class="hint">
                <p>{words(|t| t.document_hint, |t| t.scan_hint)}</p>
                <p>{ftr(|t| t.file_types)}</p>
            </div>
            {field_error(problems, field.clone(), file_id.clone())}
            <div class="file-inputs">
                <div class="file-input">
                    <input
                        type="file"
                        class="file-control"
                        id=camera_id.clone()
                        name=camera_id.clone()
                        accept="image/*"
                        capture="environment"
                        aria-describedby=described_by(problems, field.clone(), file_id.clone(), true)
                        aria-invalid=move || invalid.get().then_some("true")
                        on:change=on_choose
                    />
                    <label for=camera_id class="button button-primary file-button">
                        {words(|t| t.camera, |t| t.scan_camera)}
                    </label>
                </div>
                <div class="file-input">
                    <input
                        type="file"
                        class="file-control"
                        id=file_id.clone()
                        name=file_id.clone()
                        accept=ACCEPT_ATTRIBUTE
                        multiple
                        aria-describedby=described_by(problems, field, file_id.clone(), true)
                        aria-invalid=move || invalid.get().then_some("true")
                        on:change=on_choose
                    />
                    <label for=file_id class="button file-button">
                        {words(|t| t.choose_file, |t| t.scan_file)}
                    </label>
                </div>
            </div>
        </div>
    }
}

/// The files attached to the document, as the draft keeps them.
#[component]
fn FileList(index: usize, uploads: Uploads) -> impl IntoView {
    let form = expect_context::<Form>();
    let files = move || {
        form.draft.with(|draft| {
            draft
                .input
                .documents
                .get(&index)
                .into_iter()
                .flatten()
                .map(|id| {
                    draft
                        .files
                        .get(id)
                        .cloned()
                        .unwrap_or_else(|| unknown_file(id))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !files().is_empty()>
            <h2 class="files-heading">{ftr(|t| t.uploaded)}</h2>
        </Show>
        <ul class="file-list">
            <For
                each=files
                key=|file| file.id.clone()
                children=move |file| view! { <FileRow index=index file=file uploads=uploads /> }
            />
        </ul>
    }
}

/// A file of an older draft whose details were not kept: its id stands for its name.
fn unknown_file(id: &str) -> UploadedFile {
    UploadedFile {
        id: id.to_string(),
        name: id.to_string(),
        size: 0,
        content_type: String::new(),
        sha256: String::new(),
    }
}

#[component]
fn FileRow(index: usize, file: UploadedFile, uploads: Uploads) -> impl IntoView {
    let form = expect_context::<Form>();
    let texts = use_filing_texts();
    let url = api::upload_url(&file.id);
    let name = file.name.clone();
    let preview = if file.content_type.starts_with("image/") {
        let alt = {
            let name = name.clone();
            move || format!("{} {name}", texts().preview_of)
        };
        view! { <img class="file-preview" src=url alt=alt loading="lazy" /> }.into_any()
    } else {
        view! { <span class="file-preview file-preview-pdf" aria-hidden="true">"PDF"</span> }
            .into_any()
    };
    let replace_input = NodeRef::<leptos::html::Input>::new();
    let on_replace = move |_| {
        if let Some(input) = replace_input.get() {
            input.click();
        }
    };
    let replaced = file.id.clone();
    let on_replacement = move |event| {
        let input: HtmlInputElement = event_target(&event);
        let files = take_files(&input).into_iter().take(1).collect();
        upload_files(form, uploads, index, files, Some(replaced.clone()));
    };
    let removed = file.id.clone();
    let on_remove = move |_| {
        remove_file(form, index, removed.clone());
        focus_element(&format!("documents-{index}-file"));
    };
    view! {
        <li class="file">
            {preview}
            {file_details(&file)}
            <div class="file-actions">
                <button type="button" class="button" on:click=on_replace>
                    {ftr(|t| t.replace)}
                    <span class="visually-hidden">" " {name.clone()}</span>
                </button>
                <input
                    node_ref=replace_input
                    type="file"
                    class="visually-hidden"
                    tabindex="-1"
                    aria-hidden="true"
                    accept=ACCEPT_ATTRIBUTE
                    on:change=on_replacement
                />
                <button type="button" class="button button-warning" on:click=on_remove>
                    {ftr(|t| t.remove)}
                    <span class="visually-hidden">" " {name}</span>
                </button>
            </div>
        </li>
    }
}
