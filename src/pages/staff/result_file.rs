//! The result document of "Có kết quả": sent to `/api/uploads` as soon as it is chosen (with a
//! progress bar); its id then goes with the action.

use leptos::prelude::*;
use leptos::task::spawn_local;
use web_sys::HtmlInputElement;

use super::forms::Desk;
use crate::api;
use crate::components::fields::{described_by, field_error};
use crate::format::file_size;
use crate::i18n::{sttr, use_staff_texts};

const FIELD: &str = "finish.file";
const ID: &str = "finish-file";

#[component]
pub fn ResultFile() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let texts = use_staff_texts();
    let problems = desk.problems;
    let file = desk.drafts.finish_file;
    let percent = RwSignal::new(None::<u32>);
    let invalid = Memo::new(move |_| problems.of(FIELD).is_some());
    let on_change = move |event| {
        let input: HtmlInputElement = event_target(&event);
        let Some(chosen) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        desk.busy.set(true);
        percent.set(Some(0));
        problems.0.set(Vec::new());
        spawn_local(async move {
            let result = api::upload(&chosen, move |sent| {
                percent.try_set(Some(sent));
            })
            .await;
            if file.is_disposed() {
                return;
            }
            percent.set(None);
            desk.busy.set(false);
            match result {
                Ok(uploaded) => {
                    let old = file.get_untracked().map(|old| old.id);
                    file.set(Some(uploaded));
                    if let Some(old) = old {
                        api::delete_upload(&old).await.ok();
                    }
                }
                Err(error) if desk.session.signed_out(&error) => {}
                Err(error) => {
                    let message = match &error {
                        api::Error::Api { body, .. } if !body.message.is_empty() => {
                            body.message.clone()
                        }
                        _ => desk.lang.get_untracked().staff().upload_failed.to_string(),
                    };
                    desk.show_fields("finish", [("file".to_string(), message)]);
                }
            }
        });
    };
    let remove = move |_| {
        if let Some(old) = file.get_untracked() {
            file.set(None);
            spawn_local(async move {
                api::delete_upload(&old.id).await.ok();
            });
        }
    };
    view! {
        <div class="form-group" class:form-group-error=move || invalid.get()>
            <label for=ID class="label">
                {sttr(|t| t.finish_file)}
            </label>
            <p id=format!("{ID}-hint") class="hint">
                {sttr(|t| t.finish_file_hint)}
            </p>
            {field_error(problems, FIELD.to_string(), ID.to_string())}
            <input
                id=ID
                name=ID
                type="file"
                class="input input-file"
                accept="application/pdf,image/jpeg,image/png"
                aria-describedby=described_by(problems, FIELD.to_string(), ID.to_string(), true)
                aria-invalid=move || invalid.get().then_some("true")
                on:change=on_change
            />
            {move || {
                percent
                    .get()
                    .map(|percent| {
                        view! {
                            <p class="upload" role="status">
                                <span>{move || texts().uploading} " " {percent} "%"</span>
                                <progress max="100" value=percent></progress>
                            </p>
                        }
                    })
            }}
            {move || {
                file.get()
                    .map(|uploaded| {
                        view! {
                            <p class="result-file" id="finish-file-chosen">
                                <span class="file-name">{uploaded.name}</span>
                                " "
                                <span class="file-size">{file_size(uploaded.size)}</span>
                                " "
                                <button
                                    type="button"
                                    class="button"
                                    id="finish-file-remove"
                                    on:click=remove
                                >
                                    {sttr(|t| t.remove_file)}
                                </button>
                            </p>
                        }
                    })
            }}
        </div>
    }
}
