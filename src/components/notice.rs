//! How loading and failed requests are told to the citizen.

use leptos::prelude::*;

use crate::api::Error;
use crate::i18n::{Lang, tr, use_language};

/// The server's own message for API errors (in `lang` when it is a shared rule's); plain words for
/// the rest.
pub fn error_message(error: &Error, lang: Lang) -> String {
    let texts = lang.texts();
    match error {
        Error::Api { body, .. } if !body.message.is_empty() => {
            lang.server_message(body.message.clone())
        }
        Error::Offline => texts.offline.to_string(),
        Error::Api { .. } | Error::Network => texts.network.to_string(),
        Error::Decode(_) => texts.unexpected.to_string(),
    }
}

/// An error told as `error_message` tells it.
#[component]
pub fn ErrorNotice(error: Error) -> impl IntoView {
    let lang = use_language();
    let message = move || error_message(&error, lang.get());
    view! {
        <p class="notice notice-error" role="alert">
            {message}
        </p>
    }
}

/// The `<ErrorBoundary>` fallback: each error caught, told as `ErrorNotice` tells it.
pub fn error_fallback(errors: ArcRwSignal<Errors>) -> impl IntoView {
    move || {
        errors
            .read()
            .iter()
            .map(|(_, error)| {
                let error = error
                    .downcast_ref::<Error>()
                    .cloned()
                    .unwrap_or_else(|| Error::Decode(error.to_string()));
                view! { <ErrorNotice error=error /> }
            })
            .collect_view()
    }
}

#[component]
pub fn Loading() -> impl IntoView {
    view! {
        <p class="loading" role="status">
            {tr(|t| t.loading)}
        </p>
    }
}
