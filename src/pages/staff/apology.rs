//! The apology letter of an overdue dossier (phiếu xin lỗi và hẹn lại ngày trả kết quả): the
//! reason it is late and a new date, checked here with the server's rules, then shown as written.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;
use motcua_api::apology::{self, ApologyInput, ApologyLetter};
use motcua_api::date::format_vietnamese;

use super::forms::{Desk, Field};
use crate::api;
use crate::format::moment;
use crate::i18n::{sttr, use_staff_texts};
use crate::pages::filing::today;

#[component]
pub fn Apology() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let due = Memo::new(move |_| desk.dossier.with(|dossier| dossier.apology_due));
    let written = RwSignal::new(None::<ApologyLetter>);
    view! {
        {move || due.get().then(|| view! { <ApologyForm written=written /> })}
        {move || written.get().map(|letter| view! { <Letter letter=letter /> })}
    }
}

#[component]
fn ApologyForm(written: RwSignal<Option<ApologyLetter>>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let texts = use_staff_texts();
    let reason = desk.drafts.apology_reason;
    let new_date = desk.drafts.apology_date;
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let input = ApologyInput {
            reason: reason.get_untracked(),
            new_date: new_date.get_untracked(),
        };
        if let Err(errors) = apology::check(&input, today()) {
            desk.show_checks("apology", errors);
            return;
        }
        if desk.busy.get_untracked() {
            return;
        }
        desk.busy.set(true);
        desk.problems.0.set(Vec::new());
        spawn_local(async move {
            let result = api::staff::write_apology(&desk.code.get_value(), &input).await;
            if desk.busy.is_disposed() {
                return;
            }
            desk.busy.set(false);
            match result {
                Ok(letter) => {
                    reason.set(String::new());
                    new_date.set(String::new());
                    written.set(Some(letter));
                    desk.reload();
                }
                Err(error) => desk.show_error("apology", error),
            }
        });
    };
    view! {
        <section
            aria-labelledby="apology-heading"
            class="staff-section staff-card"
            id="staff-apology"
        >
            <h2 id="apology-heading">{sttr(|t| t.apology_heading)}</h2>
            <p>{sttr(|t| t.apology_intro)}</p>
            <form class="action-form" novalidate on:submit=on_submit>
                <Field field="apology.reason" label=|t| t.apology_reason value=reason rows=4 />
                <Field
                    field="apology.new-date"
                    label=|t| t.apology_new_date
                    hint=|t| t.apology_date_hint
                    value=new_date
                />
                <button
                    type="submit"
                    id="apology-submit"
                    class="button button-primary"
                    disabled=move || desk.busy.get()
                >
                    {move || if desk.busy.get() { texts().sending } else { texts().apology_submit }}
                </button>
            </form>
        </section>
    }
}

/// The letter as written, for the officer to read back (the citizen sees it on tracking).
#[component]
fn Letter(letter: ApologyLetter) -> impl IntoView {
    let texts = use_staff_texts();
    let ApologyLetter {
        number,
        office,
        reason,
        missed_date,
        new_date,
        written_at,
    } = letter;
    view! {
        <section
            aria-labelledby="letter-heading"
            class="staff-section staff-card"
            id="apology-letter"
        >
            <h2 id="letter-heading">{sttr(|t| t.letter_heading)} " " {number}</h2>
            <dl class="summary-list">
                <div class="summary-row">
                    <dt class="summary-key">{sttr(|t| t.letter_office)}</dt>
                    <dd class="summary-value">{office}</dd>
                </div>
                <div class="summary-row">
                    <dt class="summary-key">{sttr(|t| t.apology_reason)}</dt>
                    <dd class="summary-value">{reason}</dd>
                </div>
                <div class="summary-row">
                    <dt class="summary-key">{sttr(|t| t.letter_missed)}</dt>
                    <dd class="summary-value">{format_vietnamese(missed_date)}</dd>
                </div>
                <div class="summary-row">
                    <dt class="summary-key">{sttr(|t| t.letter_new)}</dt>
                    <dd class="summary-value">
                        <strong id="apology-letter-date">{format_vietnamese(new_date)}</strong>
                    </dd>
                </div>
                <div class="summary-row">
                    <dt class="summary-key">{sttr(|t| t.letter_written)}</dt>
                    <dd class="summary-value">{move || moment(written_at, texts().time_at)}</dd>
                </div>
            </dl>
        </section>
    }
}
