use leptos::prelude::*;
use leptos_router::hooks::use_location;
use motcua_api::area::FrontEndArea;

use super::{search_as_you_type, search_on_submit};
use crate::components::layout::use_title;
use crate::components::search_box::SearchBox;
use crate::i18n::tr;

/// The fallback of each app. A path another app owns (the catalog's "Nộp hồ sơ" link, say) is
/// loaded from the server, which sends that app's page; `replace` keeps one history entry.
#[component]
pub fn Elsewhere(area: FrontEndArea) -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    if FrontEndArea::of_path(&path) == area {
        return view! { <NotFound /> }.into_any();
    }
    let search = location.search.get_untracked();
    let hash = location.hash.get_untracked();
    let mut href = path;
    if !search.is_empty() {
        href = format!("{href}?{search}");
    }
    if !hash.is_empty() {
        href = format!("{href}#{}", hash.trim_start_matches('#'));
    }
    window().location().replace(&href).ok();
    ().into_any()
}

#[component]
fn NotFound() -> impl IntoView {
    use_title(|t| Some(t.not_found_title.to_string()));
    let (on_type, on_submit) = (search_as_you_type(), search_on_submit());
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
