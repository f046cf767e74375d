//! How a failed request is told to the citizen.

use leptos::prelude::*;

use crate::api::Error;
use crate::i18n::use_texts;

/// The server's own message for API errors; plain words for the rest.
#[component]
pub fn ErrorNotice(error: Error) -> impl IntoView {
    let texts = use_texts();
    let message = move || match &error {
        Error::Api { body, .. } => body.message.clone(),
        Error::Offline => texts().offline.to_string(),
        Error::Decode(_) => texts().unexpected.to_string(),
    };
    view! {
        <p class="notice notice-error" role="alert">
            {message}
        </p>
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    let texts = use_texts();
    view! {
        <p class="loading" role="status">
            {move || texts().loading}
        </p>
    }
}
