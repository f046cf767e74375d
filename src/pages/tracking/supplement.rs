//! "What you must do now" while the office waits for documents: what it asked for, the upload
//! area of the filing form, an optional note and the sending. What the citizen typed and uploaded
//! stays on screen when the sending fails.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use motcua_api::dossier::{ACCEPT_ATTRIBUTE, MAX_FILES_PER_DOSSIER, UploadedFile};
use motcua_api::tracking::{MAX_SUPPLEMENT_NOTE_CHARS, SupplementInput, SupplementRequest};
use web_sys::HtmlInputElement;

use super::form::{CountedTextArea, show_checks, show_refusal};
use crate::api::{self, Proof};
use crate::components::fields::{described_by, field_error};
use crate::components::problems::{ErrorSummary, Problem, Problems, focus_element};
use crate::i18n::{ftr, ttr, use_language, use_tracking_texts};
use crate::pages::filing::upload::{UploadList, Uploads, file_details, send_files, take_files};

const FILES: &str = "supplement.files";
const NOTE: &str = "supplement.note";
/// The API's names of the fields and their fields here, in the page's order.
const FIELDS: [(&str, &str); 2] = [("uploads", FILES), ("note", NOTE)];

/// The office's request and the form that answers it; `request` is `None` when the server gave
/// only the timeline's note (`fallback_note`).
#[component]
pub fn SupplementTodo(
    code: String,
    proof: Proof,
    request: Option<SupplementRequest>,
    fallback_note: String,
    reload: Callback<()>,
    sent: RwSignal<Option<String>>,
) -> impl IntoView {
    let (missing, note) = match request {
        Some(request) => (request.missing, request.note),
        None => (Vec::new(), fallback_note),
    };
    let missing = (!missing.is_empty()).then(|| {
        let items = missing
            .into_iter()
            .map(|document| view! { <li>{document}</li> })
            .collect_view();
        view! { <ul id="supplement-missing" class="todo-missing">{items}</ul> }
    });
    let note = (!note.trim().is_empty()).then(|| {
        view! {
            <p class="todo-note-label">{ttr(|t| t.office_note)}</p>
            <p id="supplement-office-note" class="todo-note">{note}</p>
        }
    });
    view! {
        <section class="todo" aria-labelledby="todo-heading">
            <h2 id="todo-heading">{ttr(|t| t.todo_heading)}</h2>
            <p>{ttr(|t| t.todo_supplement)}</p>
            {missing}
            {note}
            <p>{ttr(|t| t.todo_after)}</p>
            <SupplementForm code=code proof=proof reload=reload sent=sent />
        </section>
    }
}

#[component]
fn SupplementForm(
    code: String,
    proof: Proof,
    reload: Callback<()>,
    sent: RwSignal<Option<String>>,
) -> impl IntoView {
    let texts = use_tracking_texts();
    let lang = use_language();
    let problems = Problems::new();
    provide_context(problems);
    let uploads = Uploads::new();
    let files = RwSignal::new(Vec::<UploadedFile>::new());
    let note = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let on_choose = move |event| {
        let input: HtmlInputElement = event_target(&event);
        let room = MAX_FILES_PER_DOSSIER.saturating_sub(files.with_untracked(Vec::len));
        send_files(uploads, take_files(&input), room, move |file| {
            files.try_update(|files| files.push(file));
            problems
                .0
                .try_update(|problems| problems.retain(|problem| problem.field != FILES));
        });
    };
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        if uploads.in_progress() > 0 {
            problems.0.set(vec![Problem {
                field: FILES.into(),
                message: lang.get_untracked().tracking().wait_for_uploads.into(),
                href: "#supplement-files".into(),
            }]);
            return;
        }
        let input = SupplementInput {
            uploads: files
                .with_untracked(|files| files.iter().map(|file| file.id.clone()).collect()),
            note: note.get_untracked().trim().to_string(),
        };
        if let Err(errors) = input.check() {
            show_checks(problems, &FIELDS, errors, lang.get_untracked());
            return;
        }
        problems.0.set(Vec::new());
        sending.set(true);
        let (code, proof) = (code.clone(), proof.clone());
        spawn_local(async move {
            let result = api::supplement(&code, &proof, &input).await;
            if sending.is_disposed() {
                return;
            }
            match result {
                // The button stays "Đang gửi…" until the page is drawn again with the new status.
                Ok(()) => {
                    sent.set(Some(code));
                    reload.run(());
                }
                Err(error) => {
                    sending.set(false);
                    show_refusal(problems, &FIELDS, &error, lang.get_untracked());
                }
            }
        });
    };
    let invalid_files = Memo::new(move |_| problems.of(FILES).is_some());
    let files_id = "supplement-files".to_string();
    view! {
        <form class="supplement-form" novalidate on:submit=on_submit>
            <ErrorSummary />
            <div class="form-group" class:form-group-error=move || invalid_files.get()>
                <h3 class="label" id="supplement-files-label">
                    {ttr(|t| t.supplement_files)}
                </h3>
                <div id="supplement-files-hint" class="hint">
                    <p>{ttr(|t| t.supplement_files_hint)}</p>
                    <p>{ftr(|t| t.file_types)}</p>
                </div>
                {field_error(problems, FILES.into(), files_id.clone())}
                <div class="file-inputs">
                    <div class="file-input">
                        <input
                            type="file"
                            class="file-control"
                            id="supplement-camera"
                            accept="image/*"
                            capture="environment"
                            aria-describedby=described_by(problems, FILES.into(), files_id.clone(), true)
                            aria-invalid=move || invalid_files.get().then_some("true")
                            on:change=on_choose
                        />
                        <label for="supplement-camera" class="button button-primary file-button">
                            {ftr(|t| t.camera)}
                        </label>
                    </div>
                    <div class="file-input">
                        <input
                            type="file"
                            class="file-control"
                            id=files_id.clone()
                            name=files_id.clone()
                            accept=ACCEPT_ATTRIBUTE
                            multiple
                            aria-describedby=described_by(problems, FILES.into(), files_id.clone(), true)
                            aria-invalid=move || invalid_files.get().then_some("true")
                            on:change=on_choose
                        />
                        <label for=files_id class="button file-button">
                            {ftr(|t| t.choose_file)}
                        </label>
                    </div>
                </div>
                <UploadList uploads=uploads />
                <ul id="supplement-file-list" class="file-list">
                    <For
                        each=move || files.get()
                        key=|file| file.id.clone()
                        children=move |file| view! { <FileRow file=file files=files /> }
                    />
                </ul>
            </div>
            <CountedTextArea
                id="supplement-note"
                field=NOTE
                hint=ttr(|t| t.supplement_note_hint)
                text=note
                max=MAX_SUPPLEMENT_NOTE_CHARS
            >
                {ttr(|t| t.supplement_note)}
                " "
                {ftr(|t| t.optional)}
            </CountedTextArea>
            <button
                type="submit"
                id="supplement-submit"
                class="button button-primary button-large"
                disabled=move || sending.get()
            >
                {move || if sending.get() { texts().sending } else { texts().supplement_submit }}
            </button>
        </form>
    }
}

/// A file sent for the supplement, to look at again or take off.
#[component]
fn FileRow(file: UploadedFile, files: RwSignal<Vec<UploadedFile>>) -> impl IntoView {
    let name = file.name.clone();
    let id = file.id.clone();
    let on_remove = move |_| {
        let id = id.clone();
        files.update(|files| files.retain(|file| file.id != id));
        focus_element("supplement-files");
        spawn_local(async move {
            api::delete_upload(&id).await.ok();
        });
    };
    view! {
        <li class="file">
            {file_details(&file)}
            <div class="file-actions">
                <button type="button" class="button button-warning" on:click=on_remove>
                    {ftr(|t| t.remove)}
                    <span class="visually-hidden">" " {name}</span>
                </button>
            </div>
        </li>
    }
}
