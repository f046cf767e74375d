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
    view! {
        <div class="container home">
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
