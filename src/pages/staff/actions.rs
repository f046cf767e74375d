//! The decisions on a dossier, only those `allowed_actions` lists: receive, start processing and
//! return are one click and a confirmation; refuse, ask for documents and finish are small forms.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use motcua_api::workflow::{ActionKind, StaffAction};

use super::forms::{Desk, Field};
use super::result_file::ResultFile;
use crate::components::problems::focus_element;
use crate::i18n::{StaffTexts, sttr, use_staff_texts};

pub fn action_name(kind: ActionKind, texts: &StaffTexts) -> &'static str {
    match kind {
        ActionKind::Receive => texts.action_receive,
        ActionKind::Refuse => texts.action_refuse,
        ActionKind::RequestSupplement => texts.action_request_supplement,
        ActionKind::StartProcessing => texts.action_start_processing,
        ActionKind::Finish => texts.action_finish,
        ActionKind::Return => texts.action_return,
    }
}

/// The question asked before a one-click action.
fn confirm_question(kind: ActionKind, texts: &StaffTexts) -> &'static str {
    match kind {
        ActionKind::StartProcessing => texts.confirm_start_processing,
        ActionKind::Return => texts.confirm_return,
        _ => texts.confirm_receive,
    }
}

fn is_one_click(kind: ActionKind) -> bool {
    matches!(
        kind,
        ActionKind::Receive | ActionKind::StartProcessing | ActionKind::Return
    )
}

#[component]
pub fn Actions() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let allowed = Memo::new(move |_| desk.dossier.with(|dossier| dossier.allowed_actions.clone()));
    move || {
        let allowed = allowed.get();
        if allowed.is_empty() {
            return view! { <p id="no-actions">{sttr(|t| t.no_actions)}</p> }.into_any();
        }
        let one_click: Vec<ActionKind> = allowed
            .iter()
            .copied()
            .filter(|kind| is_one_click(*kind))
            .collect();
        let forms = allowed
            .iter()
            .filter(|kind| !is_one_click(**kind))
            .map(|kind| match kind {
                ActionKind::Refuse => view! { <RefuseForm /> }.into_any(),
                ActionKind::RequestSupplement => view! { <SupplementForm /> }.into_any(),
                _ => view! { <FinishForm /> }.into_any(),
            })
            .collect_view();
        view! {
            {(!one_click.is_empty()).then(|| view! { <OneClick kinds=one_click /> })}
            <div class="action-forms">{forms}</div>
        }
        .into_any()
    }
}

/// The one-click actions; the chosen one asks "are you sure?" with `#confirm-action`.
#[component]
fn OneClick(kinds: Vec<ActionKind>) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let texts = use_staff_texts();
    let asking = RwSignal::new(None::<ActionKind>);
    let buttons = kinds
        .into_iter()
        .map(|kind| {
            view! {
                <button
                    type="button"
                    id=format!("action-{}", kind.as_str())
                    class="button button-primary"
                    data-action=kind.as_str()
                    aria-expanded=move || if asking.get() == Some(kind) { "true" } else { "false" }
                    aria-controls="confirm-box"
                    disabled=move || desk.busy.get()
                    on:click=move |_| {
                        asking.set(Some(kind));
                        request_animation_frame(|| focus_element("confirm-action"));
                    }
                >
                    {move || action_name(kind, texts())}
                </button>
            }
        })
        .collect_view();
    let cancel = move |_| {
        if let Some(kind) = asking.get_untracked() {
            asking.set(None);
            request_animation_frame(move || focus_element(&format!("action-{}", kind.as_str())));
        }
    };
    let confirm = move |_| {
        let action = match asking.get_untracked() {
            Some(ActionKind::Receive) => StaffAction::Receive,
            Some(ActionKind::StartProcessing) => StaffAction::StartProcessing,
            Some(ActionKind::Return) => StaffAction::Return,
            _ => return,
        };
        asking.set(None);
        desk.act("", action);
    };
    view! {
        <div class="button-row action-buttons">{buttons}</div>
        <div id="confirm-box" aria-live="polite">
            {move || {
                asking
                    .get()
                    .map(|kind| {
                        view! {
                            <div
                                class="confirm staff-confirm"
                                role="group"
                                aria-labelledby="confirm-question"
                            >
                                <p id="confirm-question">
                                    {move || confirm_question(kind, texts())}
                                </p>
                                <div class="button-row">
                                    <button
                                        type="button"
                                        id="confirm-action"
                                        class="button button-primary"
                                        data-confirm=kind.as_str()
                                        disabled=move || desk.busy.get()
                                        on:click=confirm
                                    >
                                        {sttr(|t| t.confirm)}
                                    </button>
                                    <button
                                        type="button"
                                        id="cancel-action"
                                        class="button"
                                        on:click=cancel
                                    >
                                        {sttr(|t| t.cancel)}
                                    </button>
                                </div>
                            </div>
                        }
                    })
            }}
        </div>
    }
}

/// A form of one action: its heading, its fields and its submit button (`data-action`).
#[component]
fn ActionForm(
    kind: ActionKind,
    heading: fn(&StaffTexts) -> &'static str,
    on_submit: Callback<()>,
    #[prop(optional)] warning: bool,
    children: Children,
) -> impl IntoView {
    let desk = expect_context::<Desk>();
    let texts = use_staff_texts();
    let heading_id = format!("{}-heading", kind.as_str());
    let submit = move |event: SubmitEvent| {
        event.prevent_default();
        on_submit.run(());
    };
    view! {
        <form
            class="action-form"
            id=format!("{}-form", kind.as_str())
            aria-labelledby=heading_id.clone()
            novalidate
            on:submit=submit
        >
            <h3 id=heading_id.clone()>{sttr(heading)}</h3>
            {children()}
            <button
                type="submit"
                class=if warning { "button button-warning" } else { "button button-primary" }
                data-action=kind.as_str()
                disabled=move || desk.busy.get()
            >
                {move || {
                    if desk.busy.get() { texts().sending } else { action_name(kind, texts()) }
                }}
            </button>
        </form>
    }
}

#[component]
fn RefuseForm() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let reason = desk.drafts.refuse_reason;
    let on_submit = Callback::new(move |()| {
        desk.act(
            "refuse",
            StaffAction::Refuse {
                reason: reason.get_untracked(),
            },
        );
    });
    view! {
        <ActionForm
            kind=ActionKind::Refuse
            heading=|t| t.refuse_heading
            on_submit=on_submit
            warning=true
        >
            <Field
                field="refuse.reason"
                label=|t| t.refuse_reason
                hint=|t| t.refuse_hint
                value=reason
                rows=4
            />
        </ActionForm>
    }
}

#[component]
fn SupplementForm() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let missing = desk.drafts.supplement_missing;
    let note = desk.drafts.supplement_note;
    let on_submit = Callback::new(move |()| {
        let missing = missing
            .get_untracked()
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(str::to_string)
            .collect();
        let action = StaffAction::RequestSupplement {
            missing,
            note: note.get_untracked(),
        };
        desk.act("supplement", action);
    });
    view! {
        <ActionForm
            kind=ActionKind::RequestSupplement
            heading=|t| t.supplement_heading
            on_submit=on_submit
        >
            <Field
                field="supplement.missing"
                label=|t| t.supplement_missing
                hint=|t| t.supplement_missing_hint
                value=missing
                rows=4
            />
            <Field field="supplement.note" label=|t| t.supplement_note value=note rows=3 />
        </ActionForm>
    }
}

#[component]
fn FinishForm() -> impl IntoView {
    let desk = expect_context::<Desk>();
    let note = desk.drafts.finish_note;
    let file = desk.drafts.finish_file;
    let on_submit = Callback::new(move |()| {
        let action = StaffAction::Finish {
            note: note.get_untracked(),
            result_upload: file.with_untracked(|file| file.as_ref().map(|file| file.id.clone())),
        };
        desk.act("finish", action);
    });
    view! {
        <ActionForm kind=ActionKind::Finish heading=|t| t.finish_heading on_submit=on_submit>
            <Field
                field="finish.note"
                label=|t| t.finish_note
                hint=|t| t.finish_note_hint
                value=note
                rows=3
            />
            <ResultFile />
        </ActionForm>
    }
}
