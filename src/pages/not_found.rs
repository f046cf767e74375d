use leptos::prelude::*;

use super::search_callbacks;
use crate::components::search_box::SearchBox;
use crate::i18n::use_texts;

#[component]
pub fn NotFound() -> impl IntoView {
    let texts = use_texts();
    let (on_type, on_submit) = search_callbacks();
    view! {
        <div class="container">
            <h1>{move || texts().not_found_title}</h1>
            <p>{move || texts().not_found_text}</p>
            <SearchBox initial="" on_type=on_type on_submit=on_submit />
            <p>
                <a href="/">{move || texts().back_home}</a>
            </p>
        </div>
    }
}
