//! The inputs of the filing form, each bound to its answer in the draft.

use leptos::prelude::*;
use leptos::text_prop::TextProp;
use motcua_api::applicant::PROVINCES;

use super::Form;
use crate::components::fields::{
    InputKind, TextField, described_by, field_error, hint_view, label_text, legend_view,
};
use crate::components::problems::{Problems, field_id};
use crate::i18n::use_filing_texts;

/// A text input showing and saving the answer `field` of the draft.
#[component]
pub fn TextInput(
    field: String,
    #[prop(into)] label: TextProp,
    #[prop(optional_no_strip)] hint: Option<TextProp>,
    #[prop(optional_no_strip)] example: Option<TextProp>,
    #[prop(optional)] optional: bool,
    /// The label is the page's heading.
    #[prop(optional)]
    heading: bool,
    #[prop(default = InputKind::TEXT)] kind: InputKind,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let value = form.draft.value_untracked(&field);
    let on_input = {
        let field = field.clone();
        Callback::new(move |value: String| form.draft.set_value(&field, value))
    };
    view! {
        <TextField
            field=field
            value=value
            on_input=on_input
            label=label
            hint=hint
            example=example
            optional=optional
            heading=heading
            kind=kind
        />
    }
}

/// One answer among a few, as radio buttons; `children` show under the option `reveal_on`.
#[component]
pub fn Radios(
    field: String,
    #[prop(into)] legend: TextProp,
    options: Vec<(String, TextProp)>,
    #[prop(optional_no_strip)] hint: Option<TextProp>,
    #[prop(optional)] heading: bool,
    #[prop(optional)] optional: bool,
    #[prop(optional, into)] reveal_on: Option<String>,
    #[prop(optional)] children: Option<ChildrenFn>,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let problems = expect_context::<Problems>();
    let id = field_id(&field);
    let chosen = form.draft.value_untracked(&field);
    let legend = legend_view(label_text(legend, optional), heading);
    let invalid = {
        let field = field.clone();
        Memo::new(move |_| problems.of(&field).is_some())
    };
    let has_hint = hint.is_some();
    let radios = options
        .into_iter()
        .enumerate()
        .map(|(index, (value, label))| {
            let radio_id = if index == 0 {
                id.clone()
            } else {
                format!("{id}-{}", index + 1)
            };
            let checked = chosen == value;
            let reveal = (reveal_on.as_deref() == Some(value.as_str()))
                .then(|| children.clone())
                .flatten()
                .map(|children| {
                    let field = field.clone();
                    let shown = value.clone();
                    view! {
                        <Show when=move || form.draft.value(&field) == shown>
                            <div class="radio-reveal">{children()}</div>
                        </Show>
                    }
                });
            let on_change = {
                let field = field.clone();
                let value = value.clone();
                move |_| form.draft.set_value(&field, value.clone())
            };
            view! {
                <div class="radio">
                    <input
                        id=radio_id.clone()
                        name=id.clone()
                        type="radio"
                        value=value.clone()
                        prop:checked=checked
                        on:change=on_change
                    />
                    <label for=radio_id>{move || label.get()}</label>
                </div>
                {reveal}
            }
        })
        .collect_view();
    view! {
        <div class="form-group" class:form-group-error=move || invalid.get()>
            <fieldset
                class="fieldset"
                aria-describedby=described_by(problems, field.clone(), id.clone(), has_hint)
            >
                {legend}
                {hint_view(&id, hint, None)}
                {field_error(problems, field.clone(), id.clone())}
                <div class="radios">{radios}</div>
            </fieldset>
        </div>
    }
}

/// Province (a list), commune and street: the three parts of an address, named `{prefix}.province`…
#[component]
pub fn AddressFields(
    prefix: String,
    #[prop(into)] legend: TextProp,
    #[prop(optional_no_strip)] hint: Option<TextProp>,
    #[prop(optional)] heading: bool,
    #[prop(optional)] optional: bool,
) -> impl IntoView {
    let form = expect_context::<Form>();
    let problems = expect_context::<Problems>();
    let texts = use_filing_texts();
    let group_id = field_id(&prefix);
    let legend = legend_view(label_text(legend, optional), heading);
    let province = format!("{prefix}.province");
    let province_id = field_id(&province);
    let chosen = form.draft.value_untracked(&province);
    let province_invalid = {
        let province = province.clone();
        Memo::new(move |_| problems.of(&province).is_some())
    };
    let group_hint = hint.is_some().then(|| format!("{group_id}-hint"));
    let on_change = {
        let province = province.clone();
        move |event| form.draft.set_value(&province, event_target_value(&event))
    };
    let options = PROVINCES
        .into_iter()
        .map(|name| view! { <option value=name selected=chosen == name>{name}</option> })
        .collect_view();
    view! {
        <fieldset class="fieldset" aria-describedby=group_hint>
            {legend}
            {hint_view(&group_id, hint, None)}
            <div class="form-group" class:form-group-error=move || province_invalid.get()>
                <label for=province_id.clone() class="label">{move || texts().province}</label>
                {field_error(problems, province.clone(), province_id.clone())}
                <select
                    id=province_id.clone()
                    name=province_id.clone()
                    class="select"
                    autocomplete="address-level1"
                    aria-describedby=described_by(problems, province, province_id, false)
                    aria-invalid=move || province_invalid.get().then_some("true")
                    on:change=on_change
                >
                    <option value="">{move || texts().choose_province}</option>
                    {options}
                </select>
            </div>
            <TextInput
                field=format!("{prefix}.commune")
                label=move || texts().commune
                example=Some("Phường Hạ Long".into())
                kind=InputKind {
                    autocomplete: "address-level2",
                    ..InputKind::TEXT
                }
            />
            <TextInput
                field=format!("{prefix}.street")
                label=move || texts().street
                example=Some("Số 5, tổ 3".into())
                kind=InputKind {
                    autocomplete: "address-line1",
                    ..InputKind::TEXT
                }
            />
        </fieldset>
    }
}
