//! Files sent as soon as they are chosen, each with a progress bar; once stored, their ids and what
//! the device said of them go in the draft.

use leptos::prelude::*;
use leptos::task::spawn_local;
use motcua_api::dossier::{
    ACCEPTED_CONTENT_TYPES, DEFAULT_MAX_UPLOAD_BYTES, MAX_FILES_PER_DOCUMENT, UploadedFile,
};
use web_sys::{File, HtmlInputElement};

use super::Form;
use super::draft::{self, Draft};
use crate::api;
use crate::format::file_size;
use crate::i18n::{FilingTexts, Texts, ftr, use_filing_texts, use_texts};

/// Why a file was not attached.
#[derive(Debug, Clone, PartialEq)]
pub enum UploadProblem {
    TooBig,
    WrongType,
    TooMany,
    Offline,
    /// The server's own message.
    Refused(String),
    Unexpected,
}

impl UploadProblem {
    pub fn message(&self, texts: &FilingTexts, common: &Texts) -> String {
        match self {
            UploadProblem::TooBig => texts.too_big.to_string(),
            UploadProblem::WrongType => texts.wrong_type.to_string(),
            UploadProblem::TooMany => texts.too_many.to_string(),
            UploadProblem::Offline => texts.upload_offline.to_string(),
            UploadProblem::Refused(message) => message.clone(),
            UploadProblem::Unexpected => common.unexpected.to_string(),
        }
    }

    fn of(error: api::Error) -> UploadProblem {
        match error {
            api::Error::Offline | api::Error::Network => UploadProblem::Offline,
            api::Error::Api { body, .. } if !body.message.is_empty() => {
                UploadProblem::Refused(body.message)
            }
            api::Error::Api { .. } | api::Error::Decode(_) => UploadProblem::Unexpected,
        }
    }
}

/// A file being sent, or one that could not be.
#[derive(Debug, Clone, PartialEq)]
pub struct Upload {
    pub key: u32,
    pub name: String,
    pub percent: u32,
    pub problem: Option<UploadProblem>,
}

/// The uploads of the document page on screen.
#[derive(Clone, Copy)]
pub struct Uploads {
    list: RwSignal<Vec<Upload>>,
    next_key: StoredValue<u32>,
}

impl Uploads {
    pub fn new() -> Uploads {
        Uploads {
            list: RwSignal::new(Vec::new()),
            next_key: StoredValue::new(0),
        }
    }

    pub fn list(&self) -> Vec<Upload> {
        self.list.get()
    }

    fn add(&self, name: String, problem: Option<UploadProblem>) -> u32 {
        let key = self.next_key.get_value();
        self.next_key.set_value(key + 1);
        self.list.update(|list| {
            list.push(Upload {
                key,
                name,
                percent: 0,
                problem,
            })
        });
        key
    }

    fn change(&self, key: u32, change: impl FnOnce(&mut Upload)) {
        self.list.try_update(|list| {
            if let Some(upload) = list.iter_mut().find(|upload| upload.key == key) {
                change(upload);
            }
        });
    }

    fn finish(&self, key: u32) {
        self.list
            .try_update(|list| list.retain(|upload| upload.key != key));
    }

    /// Files being sent (without the ones that failed).
    pub fn in_progress(&self) -> usize {
        self.list.with_untracked(|list| {
            list.iter()
                .filter(|upload| upload.problem.is_none())
                .count()
        })
    }

    fn forget_problems(&self) {
        self.list
            .update(|list| list.retain(|upload| upload.problem.is_none()));
    }
}

/// The files a file input holds, which it then forgets so the same file can be chosen again.
pub fn take_files(input: &HtmlInputElement) -> Vec<File> {
    let files = input
        .files()
        .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
        .unwrap_or_default();
    input.set_value("");
    files
}

/// Sends the files chosen for document `index`; each replaces `replaces` when given.
pub fn upload_files(
    form: Form,
    uploads: Uploads,
    index: usize,
    files: Vec<File>,
    replaces: Option<String>,
) {
    let attached = form
        .draft
        .with_untracked(|draft| draft.input.documents.get(&index).map_or(0, Vec::len));
    let room = match replaces {
        Some(_) => usize::MAX,
        None => MAX_FILES_PER_DOCUMENT.saturating_sub(attached),
    };
    let code = form.code();
    send_files(uploads, files, room, move |uploaded| {
        let old = replaces.clone();
        let attach = move |draft: &mut Draft| attach(draft, index, uploaded, old.as_deref());
        if form.draft.is_open() {
            form.draft.edit(attach);
        } else {
            draft::edit_stored(form.mode, &code, attach);
        }
        if let Some(old) = replaces.clone() {
            spawn_local(async move {
                api::delete_upload(&old).await.ok();
            });
        }
    });
}

/// Checks each file on the device, then sends the good ones at once: `room` is how many more
/// files may be attached, `stored` takes each file the server kept. Shared by the filing form and
/// the supplement of the tracking page.
pub fn send_files(
    uploads: Uploads,
    files: Vec<File>,
    room: usize,
    stored: impl Fn(UploadedFile) + Clone + 'static,
) {
    uploads.forget_problems();
    for file in files {
        let problem = if uploads.in_progress() >= room {
            Some(UploadProblem::TooMany)
        } else if file.size() > DEFAULT_MAX_UPLOAD_BYTES as f64 {
            Some(UploadProblem::TooBig)
        } else if !file.type_().is_empty()
            && !ACCEPTED_CONTENT_TYPES.contains(&file.type_().as_str())
        {
            Some(UploadProblem::WrongType)
        } else {
            None
        };
        let failed = problem.is_some();
        let key = uploads.add(file.name(), problem);
        if !failed {
            spawn_local(send(uploads, file, key, stored.clone()));
        }
    }
}

async fn send(uploads: Uploads, file: File, key: u32, stored: impl Fn(UploadedFile)) {
    let result = api::upload(&file, move |percent| {
        uploads.change(key, |upload| upload.percent = percent);
    })
    .await;
    match result {
        Ok(uploaded) => {
            uploads.finish(key);
            stored(uploaded);
        }
        Err(error) => {
            uploads.change(key, |upload| {
                upload.problem = Some(UploadProblem::of(error))
            });
        }
    }
}

fn attach(draft: &mut Draft, index: usize, uploaded: UploadedFile, replaces: Option<&str>) {
    let ids = draft.input.documents.entry(index).or_default();
    match replaces.and_then(|old| ids.iter().position(|id| id == old)) {
        Some(position) => {
            let old = std::mem::replace(&mut ids[position], uploaded.id.clone());
            draft.files.remove(&old);
        }
        None => ids.push(uploaded.id.clone()),
    }
    draft.files.insert(uploaded.id.clone(), uploaded);
}

/// Takes a file off document `index` and deletes it on the server.
pub fn remove_file(form: Form, index: usize, id: String) {
    form.draft.edit(|draft| {
        if let Some(ids) = draft.input.documents.get_mut(&index) {
            ids.retain(|other| *other != id);
            if ids.is_empty() {
                draft.input.documents.remove(&index);
            }
        }
        draft.files.remove(&id);
    });
    spawn_local(async move {
        api::delete_upload(&id).await.ok();
    });
}

/// Files being sent, with their progress, and files that could not be sent, with the reason.
#[component]
pub fn UploadList(uploads: Uploads) -> impl IntoView {
    let texts = use_filing_texts();
    let common = use_texts();
    let row = move |upload: Upload| match upload.problem {
        Some(problem) => view! {
            <li class="upload upload-failed">
                <p class="field-error" role="alert">
                    {upload.name} ": " {move || problem.message(texts(), common())}
                </p>
            </li>
        }
        .into_any(),
        None => view! {
            <li class="upload">
                <span class="file-name">{upload.name.clone()}</span>
                <progress max="100" value=upload.percent aria-label=upload.name>
                    {format!("{}%", upload.percent)}
                </progress>
                <span class="upload-percent">
                    {move || format!("{} {}%", texts().uploading, upload.percent)}
                </span>
            </li>
        }
        .into_any(),
    };
    view! { <ul class="upload-list">{move || uploads.list().into_iter().map(row).collect_view()}</ul> }
}

/// A stored file's name, size and a link to look at it, in its row of a file list.
pub fn file_details(file: &UploadedFile) -> impl IntoView + use<> {
    let url = api::upload_url(&file.id);
    let name = file.name.clone();
    let size = (file.size > 0).then(|| file_size(file.size));
    view! {
        <div class="file-details">
            <p class="file-name">{name.clone()}</p>
            {size.map(|size| view! { <p class="file-size">{size}</p> })}
            <a href=url target="_blank" rel="noopener">
                {ftr(|t| t.view_file)}
                <span class="visually-hidden">" " {name}</span>
            </a>
        </div>
    }
}
