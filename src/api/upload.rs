//! `POST /api/uploads` by XMLHttpRequest: unlike `fetch`, it reports upload progress, so a
//! citizen on a slow connection sees the bar move.

use js_sys::Promise;
use motcua_api::dossier::UploadedFile;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use wasm_bindgen_futures::JsFuture;
use web_sys::{File, FormData, ProgressEvent, XmlHttpRequest};

use super::{Error, error_from_text, unreachable_reason};

/// Uploads one file; `on_progress` gets the percentage sent so far.
pub async fn upload(
    file: &File,
    on_progress: impl Fn(u32) + 'static,
) -> Result<UploadedFile, Error> {
    let failed = |_| Error::Decode("XMLHttpRequest".into());
    let xhr = XmlHttpRequest::new().map_err(failed)?;
    xhr.open("POST", "/api/uploads").map_err(failed)?;
    xhr.set_request_header("Accept", "application/json")
        .map_err(failed)?;
    let form = FormData::new().map_err(failed)?;
    form.append_with_blob_and_filename("file", file, &file.name())
        .map_err(failed)?;
    let progress = Closure::<dyn Fn(ProgressEvent)>::new(move |event: ProgressEvent| {
        if event.length_computable() && event.total() > 0.0 {
            on_progress((event.loaded() / event.total() * 100.0).round().min(100.0) as u32);
        }
    });
    let upload = xhr.upload().map_err(failed)?;
    upload.set_onprogress(Some(progress.as_ref().unchecked_ref()));
    let finished = Promise::new(&mut |resolve, _| xhr.set_onloadend(Some(&resolve)));
    xhr.send_with_opt_form_data(Some(&form)).map_err(failed)?;
    JsFuture::from(finished).await.ok();
    upload.set_onprogress(None);
    xhr.set_onloadend(None);
    let status = xhr.status().unwrap_or(0);
    if status == 0 {
        return Err(unreachable_reason());
    }
    let text = xhr.response_text().ok().flatten().unwrap_or_default();
    if (200..300).contains(&status) {
        serde_json::from_str(&text).map_err(|error| Error::Decode(error.to_string()))
    } else {
        Err(error_from_text(status, &text))
    }
}
