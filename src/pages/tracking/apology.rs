//! The apology letters of a late dossier (phiếu xin lỗi và hẹn lại ngày trả kết quả), laid out as
//! the official form. "In phiếu" prints that one letter alone: the letter is marked
//! `data-printing` until the browser says printing is over, and the print style hides everything
//! else.

use leptos::html::Article;
use leptos::prelude::*;
use leptos::task::spawn_local;
use motcua_api::apology::ApologyLetter;
use motcua_api::date::{Date, format_vietnamese, vietnam_local_time};

use crate::api::{self, Proof};
use crate::format::date_with_weekday;
use crate::i18n::{LetterTexts, ttr, use_filing_texts, use_tracking_texts};

/// What every letter of a dossier says of it.
#[derive(Clone)]
pub struct LetterContext {
    pub code: String,
    pub procedure_name: String,
    pub received_on: Date,
}

#[component]
pub fn ApologyLetters(
    letters: Vec<ApologyLetter>,
    context: LetterContext,
    proof: Proof,
) -> impl IntoView {
    // The letter is addressed by name, which only the receipt carries; without it, by the code.
    let applicant = RwSignal::new(None::<String>);
    let code = context.code.clone();
    spawn_local(async move {
        if let Ok(receipt) = api::receipt(&code, &proof).await {
            applicant.try_set(Some(receipt.applicant_name));
        }
    });
    let letters = letters
        .into_iter()
        .rev()
        .map(
            |letter| view! { <Letter letter=letter context=context.clone() applicant=applicant /> },
        )
        .collect_view();
    view! {
        <section class="apology-letters" aria-labelledby="letters-heading">
            <h2 id="letters-heading" class="no-print">
                {ttr(|t| t.letter.heading)}
            </h2>
            <p class="no-print">{ttr(|t| t.letter.intro)}</p>
            {letters}
        </section>
    }
}

/// `template` with each `{key}` replaced.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_string(), |text, (key, value)| {
            text.replace(&format!("{{{key}}}"), value)
        })
}

/// `ngày 07 tháng 12 năm 2026`.
fn long_date(date: Date, texts: &LetterTexts) -> String {
    fill(
        texts.long_date,
        &[
            ("d", &format!("{:02}", date.day())),
            ("m", &format!("{:02}", u8::from(date.month()))),
            ("y", &date.year().to_string()),
        ],
    )
}

#[component]
fn Letter(
    letter: ApologyLetter,
    context: LetterContext,
    applicant: RwSignal<Option<String>>,
) -> impl IntoView {
    let texts = use_tracking_texts();
    let filing = use_filing_texts();
    let ApologyLetter {
        number,
        office,
        reason,
        missed_date,
        new_date,
        written_at,
    } = letter;
    let LetterContext {
        code,
        procedure_name,
        received_on,
    } = context;
    let node = NodeRef::<Article>::new();
    let handle = window_event_listener_untyped("afterprint", move |_| {
        if let Some(letter) = node.get_untracked() {
            letter.remove_attribute("data-printing").ok();
        }
    });
    on_cleanup(move || handle.remove());
    let print = move |_| {
        if let Some(letter) = node.get_untracked() {
            letter.set_attribute("data-printing", "").ok();
            window().print().ok();
        }
    };
    let title_id = format!("apology-title-{number}");
    let number_text = move || fill(texts().letter.number, &[("n", &number.to_string())]);
    let written_on = vietnam_local_time(written_at).date;
    let to = {
        let code = code.clone();
        move || match applicant.get() {
            Some(name) => fill(texts().letter.applicant, &[("name", &name)]),
            None => fill(texts().letter.applicant_unknown, &[("code", &code)]),
        }
    };
    let with_office = {
        let office = office.clone();
        move |template: &str| fill(template, &[("office", &office)])
    };
    let received = {
        let (with_office, procedure) = (with_office.clone(), procedure_name.clone());
        move || {
            let date = format_vietnamese(received_on);
            let text = fill(texts().letter.received, &[("date", &date)]);
            fill(&with_office(&text), &[("procedure", &procedure)])
        }
    };
    let not_yet = {
        let with_office = with_office.clone();
        move || with_office(texts().letter.not_yet)
    };
    let sorry = {
        let with_office = with_office.clone();
        move || with_office(texts().letter.sorry)
    };
    let will_return = move || with_office(texts().letter.new_date);
    view! {
        <article
            node_ref=node
            class="apology-letter"
            id=format!("apology-letter-{number}")
            aria-labelledby=format!("apology-title-{number}")
        >
            <div class="letter-head">
                <div class="letter-office">
                    <p class="letter-office-name">{office.to_uppercase()}</p>
                    <p>{number_text}</p>
                </div>
                <div class="letter-nation">
                    <p class="letter-nation-name">{ttr(|t| t.letter.nation)}</p>
                    <p class="letter-motto">{ttr(|t| t.letter.motto)}</p>
                    <p class="letter-date">{move || long_date(written_on, texts().letter)}</p>
                </div>
            </div>
            <h3 class="letter-title" id=title_id>
                {ttr(|t| t.letter.title)}
            </h3>
            <p class="letter-to">{ttr(|t| t.letter.to)} " " <strong>{to}</strong></p>
            <p>{received}</p>
            <p>{ttr(|t| t.letter.code)} " " <strong>{code}</strong></p>
            <p>
                {ttr(|t| t.letter.missed)} " "
                <strong class="letter-missed-date">
                    {move || date_with_weekday(missed_date, filing())}
                </strong>
            </p>
            <p>{not_yet}</p>
            <p class="letter-reason">{ttr(|t| t.letter.reason)} " " {reason}</p>
            <p>{sorry}</p>
            <p>
                {will_return} " "
                <strong class="letter-new-date">
                    {move || date_with_weekday(new_date, filing())}
                </strong>
            </p>
            <p>{ttr(|t| t.letter.closing)}</p>
            <div class="letter-sign">
                <p class="letter-signer">{ttr(|t| t.letter.signer)}</p>
                <p class="letter-signature">{ttr(|t| t.letter.signature)}</p>
            </div>
            <p class="no-print">
                <button
                    type="button"
                    id=format!("apology-print-{number}")
                    class="button"
                    on:click=print
                >
                    {ttr(|t| t.letter.print)}
                    <span class="visually-hidden">" " {number_text}</span>
                </button>
            </p>
        </article>
    }
}

#[cfg(test)]
mod tests {
    use motcua_api::date::{Date, Month};

    use super::{fill, long_date};
    use crate::i18n::Lang;

    #[test]
    fn the_letter_fills_its_blanks_and_writes_dates_in_words() {
        assert_eq!(
            fill("{office} xin lỗi {office}", &[("office", "UBND")]),
            "UBND xin lỗi UBND"
        );
        let day = Date::from_calendar_date(2026, Month::December, 7).unwrap();
        assert_eq!(
            long_date(day, Lang::Vi.tracking().letter),
            "ngày 07 tháng 12 năm 2026"
        );
        assert_eq!(long_date(day, Lang::En.tracking().letter), "07/12/2026");
    }
}
