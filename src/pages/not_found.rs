use leptos::prelude::*;

use super::search_callbacks;
use crate::components::layout::use_title;
use crate::components::search_box::SearchBox;
use crate::i18n::tr;

#[component]
pub fn NotFound() -> impl IntoView {
    use_title(|t| Some(t.not_found_title.to_string()));
    let (on_type, on_submit) = search_callbacks();
    view! {
        <div class="container">
            <h1>{tr(|t| t.not_found_title)}</h1>
            <p>{tr(|t| t.not_found_text)}</p>
            <SearchBox on_type=on_type on_submit=on_submit />
            <p>
                <a href="/">{tr(|t| t.back_home)}</a>
            </p>
        </div>
    }
}
