//! The procedure's required documents beside the files sent for each, previewed inline (images,
//! and PDFs in the browser's viewer, which the server serves with a sandbox CSP), each with a
//! "checked" box the officer ticks once they have compared it.

use leptos::prelude::*;
use leptos::task::spawn_local;
use motcua_api::staff::{DocumentCheck, DocumentCheckInput, StaffFile};

use super::forms::Desk;
use crate::api;
use crate::format::file_size;
use crate::i18n::sttr;

#[component]
pub fn Documents() -> impl IntoView {
    let desk = expect_context::<Desk>();
    // Keyed by the files, so ticking a box does not reload every preview.
    let documents = Memo::new(move |_| {
        desk.dossier.with(|dossier| {
            dossier
                .documents
                .iter()
                .map(|document| DocumentCheck {
                    checked: false,
                    ..document.clone()
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section aria-labelledby="documents-heading" class="staff-section">
            <h2 id="documents-heading">{sttr(|t| t.documents_heading)}</h2>
            <p class="hint">{sttr(|t| t.documents_intro)}</p>
            <ol class="staff-documents" id="staff-documents">
                <For
                    each=move || documents.get()
                    key=|document| {
                        let ids: Vec<String> =
                            document.files.iter().map(|file| file.id.clone()).collect();
                        (document.index, ids)
                    }
                    children=move |document| view! { <Document document=document /> }
                />
            </ol>
        </section>
    }
}

#[component]
fn Document(document: DocumentCheck) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let index = document.index;
    let checked = Memo::new(move |_| {
        desk.dossier.with(|dossier| {
            dossier
                .documents
                .iter()
                .any(|document| document.index == index && document.checked)
        })
    });
    let sending = RwSignal::new(false);
    let on_change = move |event| {
        let wanted = event_target_checked(&event);
        sending.set(true);
        spawn_local(async move {
            let input = DocumentCheckInput {
                index,
                checked: wanted,
            };
            let result = api::staff::check_document(&desk.code.get_value(), &input).await;
            if sending.is_disposed() {
                return;
            }
            sending.set(false);
            match result {
                Ok(dossier) => desk.dossier.set(dossier),
                Err(error) => {
                    // The box shows what the server holds again.
                    desk.dossier.update(|_| {});
                    desk.show_error("", error);
                }
            }
        });
    };
    let (tag_class, tag): (_, Signal<&str>) = if document.required {
        ("tag tag-required", sttr(|t| t.required))
    } else {
        ("tag", sttr(|t| t.optional))
    };
    let box_id = format!("check-{index}");
    let files = if document.files.is_empty() {
        view! { <li class="meta">{sttr(|t| t.no_files)}</li> }.into_any()
    } else {
        let code = desk.code.get_value();
        document
            .files
            .into_iter()
            .map(|file| preview(&code, file))
            .collect_view()
            .into_any()
    };
    view! {
        <li class="staff-document" data-document=index>
            <h3 class="staff-document-name">
                {document.name.clone()} " " <span class=tag_class>{tag}</span>
            </h3>
            <ul class="staff-files">{files}</ul>
            <p class="staff-check">
                <input
                    type="checkbox"
                    id=box_id.clone()
                    prop:checked=move || checked.get()
                    disabled=move || sending.get()
                    on:change=on_change
                />
                <label for=box_id>
                    {sttr(|t| t.checked)}
                    <span class="visually-hidden">": " {document.name}</span>
                </label>
            </p>
        </li>
    }
}

/// A file: its inline preview, its name and size, and "Mở tệp" in a new tab.
fn preview(code: &str, file: StaffFile) -> impl IntoView + use<> {
    let url = api::staff::file_url(code, &file.id);
    let inline = match file.content_type.as_str() {
        "application/pdf" => view! {
            <iframe class="staff-preview-pdf" src=url.clone() title={file.name.clone()}></iframe>
        }
        .into_any(),
        kind if kind.starts_with("image/") => view! {
            <img class="staff-preview-image" src=url.clone() alt=file.name.clone() loading="lazy" />
        }
        .into_any(),
        _ => ().into_any(),
    };
    view! {
        <li class="staff-file" data-file=file.id.clone()>
            {inline}
            <p class="staff-file-details">
                <span class="file-name">{file.name.clone()}</span>
                " "
                <span class="file-size">{file_size(file.size)}</span>
                " "
                <a href=url target="_blank" rel="noopener" class="staff-open-file">
                    {sttr(|t| t.open_file)}
                    <span class="visually-hidden">" " {file.name} " " {sttr(|t| t.new_tab)}</span>
                </a>
            </p>
        </li>
    }
}
