//! Rating a dossier once its result is ready or it is refused: four questions on the five levels
//! of satisfaction and an optional comment, checked on the device with the server's rules, once
//! per dossier; a dossier already rated shows its rating.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use motcua_api::date::{format_vietnamese, vietnam_local_time};
use motcua_api::rating::{DossierRating, MAX_COMMENT_CHARS, RatingInput, validate};

use super::form::{CountedTextArea, show_checks, show_refusal};
use crate::api::{self, Proof};
use crate::components::fields::field_error;
use crate::components::notice::Loading;
use crate::components::problems::{ErrorSummary, Problems, focus_element};
use crate::i18n::{RatingTexts, ttr, use_language, use_tracking_texts};

/// A question: the API's name of its score and its text.
type Question = (&'static str, fn(&RatingTexts) -> &'static str);

const QUESTIONS: [Question; 4] = [
    ("satisfaction", |t| t.satisfaction),
    ("guidance_clear", |t| t.guidance_clear),
    ("on_time", |t| t.on_time),
    ("staff_attitude", |t| t.staff_attitude),
];

/// The API's names of the fields and their fields here, in the page's order.
const FIELDS: [(&str, &str); 5] = [
    ("satisfaction", "rating.satisfaction"),
    ("guidance_clear", "rating.guidance_clear"),
    ("on_time", "rating.on_time"),
    ("staff_attitude", "rating.staff_attitude"),
    ("comment", "rating.comment"),
];

#[component]
pub fn RatingSection(code: String, proof: Proof) -> impl IntoView {
    let existing = {
        let (code, proof) = (code.clone(), proof.clone());
        LocalResource::new(move || {
            let (code, proof) = (code.clone(), proof.clone());
            async move { api::rating(&code, &proof).await }
        })
    };
    // Set when the server said the dossier was rated in the meantime (another tab, another phone).
    let notice = RwSignal::new(None::<String>);
    let code = StoredValue::new(code);
    let proof = StoredValue::new(proof);
    view! {
        <section class="rating no-print" aria-labelledby="rating-heading">
            <h2 id="rating-heading">{ttr(|t| t.rating.heading)}</h2>
            {move || notice.get().map(|notice| view! { <p class="notice" role="status">{notice}</p> })}
            <Transition fallback=|| view! { <Loading /> }>
                {move || Suspend::new(async move {
                    match existing.await {
                        Ok(Some(rating)) => view! { <StoredRating rating=rating /> }.into_any(),
                        Ok(None) => {
                            view! {
                                <RatingForm
                                    code=code.get_value()
                                    proof=proof.get_value()
                                    notice=notice
                                    rated_elsewhere=Callback::new(move |()| existing.refetch())
                                />
                            }
                                .into_any()
                        }
                        Err(_) => {
                            view! { <p class="notice">{ttr(|t| t.rating.unavailable)}</p> }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

/// The form, then the thanks and the rating as stored once it is sent.
#[component]
fn RatingForm(
    code: String,
    proof: Proof,
    notice: RwSignal<Option<String>>,
    rated_elsewhere: Callback<()>,
) -> impl IntoView {
    let texts = use_tracking_texts();
    let lang = use_language();
    let problems = Problems::new();
    provide_context(problems);
    let scores = QUESTIONS.map(|_| RwSignal::new(0u8));
    let comment = RwSignal::new(String::new());
    let sending = RwSignal::new(false);
    let stored = RwSignal::new(None::<DossierRating>);
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        if sending.get_untracked() {
            return;
        }
        let [satisfaction, guidance_clear, on_time, staff_attitude] =
            scores.map(|score| score.get_untracked());
        let input = RatingInput {
            satisfaction,
            guidance_clear,
            on_time,
            staff_attitude,
            comment: comment.get_untracked(),
        };
        if let Err(errors) = validate(&input) {
            show_checks(problems, &FIELDS, errors, lang.get_untracked());
            return;
        }
        problems.0.set(Vec::new());
        sending.set(true);
        let (code, proof) = (code.clone(), proof.clone());
        spawn_local(async move {
            let result = api::rate(&code, &proof, &input).await;
            if sending.is_disposed() {
                return;
            }
            sending.set(false);
            match result {
                Ok(rating) => {
                    stored.set(Some(rating));
                    request_animation_frame(|| focus_element("rating-thanks"));
                }
                Err(api::Error::Api { status: 409, body }) if body.error == "already_rated" => {
                    notice.set(Some(lang.get_untracked().server_message(body.message)));
                    rated_elsewhere.run(());
                }
                Err(error) => show_refusal(problems, &FIELDS, &error, lang.get_untracked()),
            }
        });
    };
    let form = move || {
        view! {
            <p>{ttr(|t| t.rating.intro)}</p>
            <form class="rating-form" novalidate on:submit=on_submit.clone()>
                <ErrorSummary />
                {QUESTIONS
                    .into_iter()
                    .zip(scores)
                    .map(|((name, question), score)| {
                        view! { <Scale name=name question=question score=score /> }
                    })
                    .collect_view()}
                <CountedTextArea
                    id="rating-comment"
                    field="rating.comment"
                    hint=ttr(|t| t.rating.comment_hint)
                    text=comment
                    max=MAX_COMMENT_CHARS
                >
                    {ttr(|t| t.rating.comment)}
                </CountedTextArea>
                <button
                    type="submit"
                    id="rating-submit"
                    class="button button-primary button-large"
                    disabled=move || sending.get()
                >
                    {move || if sending.get() { texts().sending } else { texts().rating.submit }}
                </button>
            </form>
        }
    };
    move || match stored.get() {
        Some(rating) => view! { <StoredRating rating=rating /> }.into_any(),
        None => form().into_any(),
    }
}

/// One question: five radios, "Rất không hài lòng" (1) to "Rất hài lòng" (5), named as the API
/// names the score.
#[component]
fn Scale(
    name: &'static str,
    question: fn(&RatingTexts) -> &'static str,
    score: RwSignal<u8>,
) -> impl IntoView {
    let texts = use_tracking_texts();
    let problems = expect_context::<Problems>();
    let field = format!("rating.{name}");
    // The first radio carries the field's id, so the error summary's link lands on it.
    let base = format!("rating-{name}");
    let invalid = {
        let field = field.clone();
        Memo::new(move |_| problems.of(&field).is_some())
    };
    let radios = (1..=5u8)
        .map(|level| {
            let id = if level == 1 {
                base.clone()
            } else {
                format!("{base}-{level}")
            };
            let label = move || texts().rating.levels[usize::from(level - 1)];
            view! {
                <div class="radio">
                    <input
                        type="radio"
                        id=id.clone()
                        name=name
                        value=level.to_string()
                        prop:checked=move || score.get() == level
                        on:change=move |_| score.set(level)
                    />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    let error_id = format!("{base}-error");
    view! {
        <div class="form-group" class:form-group-error=move || invalid.get()>
            <fieldset
                class="fieldset"
                aria-describedby=move || invalid.get().then(|| error_id.clone())
            >
                <legend class="legend">{move || question(texts().rating)}</legend>
                {field_error(problems, field, base)}
                <div class="radios rating-scale">{radios}</div>
            </fieldset>
        </div>
    }
}

/// A rating as the server keeps it, read-only, with the thanks: right after sending it, and on
/// every later visit.
#[component]
fn StoredRating(rating: DossierRating) -> impl IntoView {
    let texts = use_tracking_texts();
    let scores = [
        rating.rating.satisfaction,
        rating.rating.guidance_clear,
        rating.rating.on_time,
        rating.rating.staff_attitude,
    ];
    let rows = QUESTIONS
        .into_iter()
        .zip(scores)
        .map(|((name, question), score)| {
            let level = move || {
                let label = texts()
                    .rating
                    .levels
                    .get(usize::from(score).saturating_sub(1))
                    .copied()
                    .unwrap_or_default();
                format!("{score}/5 · {label}")
            };
            view! {
                <div class="summary-row">
                    <dt class="summary-key">{move || question(texts().rating)}</dt>
                    <dd class="summary-value" data-score=name>
                        {level}
                    </dd>
                </div>
            }
        })
        .collect_view();
    let comment = rating.rating.comment;
    let comment = move || {
        if comment.is_empty() {
            texts().rating.no_comment.to_string()
        } else {
            comment.clone()
        }
    };
    let rated_on = format_vietnamese(vietnam_local_time(rating.rated_at).date);
    view! {
        <p id="rating-thanks" class="notice notice-success" role="status" tabindex="-1">
            {ttr(|t| t.rating.thanks)}
        </p>
        <h3 class="rating-yours">{ttr(|t| t.rating.yours)}</h3>
        <dl id="rating-stored" class="summary-list rating-list">
            {rows}
            <div class="summary-row">
                <dt class="summary-key">{ttr(|t| t.rating.comment)}</dt>
                <dd class="summary-value">{comment}</dd>
            </div>
            <div class="summary-row">
                <dt class="summary-key">{ttr(|t| t.rating.rated_on)}</dt>
                <dd class="summary-value">{rated_on}</dd>
            </div>
        </dl>
    }
}
