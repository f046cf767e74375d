use leptos::prelude::*;

use super::search_on_submit;
use crate::components::layout::use_title;
use crate::components::search_box::SearchBox;
use crate::i18n::tr;

/// The procedures citizens file most, by code, with their everyday names.
const POPULAR: [(&str, &str); 6] = [
    ("1.001193", "Đăng ký khai sinh"),
    ("1.000894", "Đăng ký kết hôn"),
    ("1.004873", "Xác nhận tình trạng hôn nhân"),
    ("1.004222", "Đăng ký thường trú"),
    ("3.000333", "Cấp phiếu lý lịch tư pháp"),
    ("1.000656", "Đăng ký khai tử"),
];

#[component]
pub fn Home() -> impl IntoView {
    use_title(|_| None);
    // The results are the catalog app's page: the home page searches on Enter or the button only.
    let on_submit = search_on_submit();
    let prefetched = StoredValue::new(false);
    let on_input = move |_| {
        if !prefetched.get_value() {
            prefetched.set_value(true);
            prefetch_catalog();
        }
    };
    view! {
        <div class="container home" on:input=on_input>
            <SearchBox on_submit=on_submit headline=true />
            <p class="intro">{tr(|t| t.home_intro)}</p>
            <section aria-labelledby="popular-heading">
                <h2 id="popular-heading">{tr(|t| t.popular_heading)}</h2>
                <ul class="popular">
                    {POPULAR
                        .into_iter()
                        .map(|(code, name)| {
                            view! {
                                <li>
                                    <a href=format!("/thu-tuc/{code}")>{name}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        </div>
    }
}

/// Starts fetching the catalog app, whose page the search will open, at the browser's idle
/// priority: the build names its files in `<meta name="motcua-prefetch">` (`scripts/prefetch.mjs`).
fn prefetch_catalog() {
    let document = document();
    let Ok(Some(meta)) = document.query_selector(r#"meta[name="motcua-prefetch"]"#) else {
        return;
    };
    let (Some(urls), Some(head)) = (meta.get_attribute("content"), document.head()) else {
        return;
    };
    for url in urls.split_whitespace() {
        if let Ok(link) = document.create_element("link") {
            link.set_attribute("rel", "prefetch").ok();
            link.set_attribute("href", url).ok();
            link.set_attribute("crossorigin", "anonymous").ok();
            head.append_child(&link).ok();
        }
    }
}
