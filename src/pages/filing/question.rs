//! The pages with one question: the applicant's details, the procedure's own questions, and how
//! the result is returned.

use leptos::prelude::*;
use leptos::text_prop::TextProp;
use motcua_api::dossier::DeliveryMethod;
use motcua_api::filing::Step;
use motcua_api::{Question, QuestionKind};

use super::fields::{AddressFields, Radios, TextInput};
use super::{Form, StepPage};
use crate::components::fields::InputKind;
use crate::i18n::{FilingTexts, use_filing_texts};

const NAME: InputKind = InputKind {
    autocomplete: "name",
    ..InputKind::TEXT
};
const CITIZEN_ID: InputKind = InputKind {
    inputmode: Some("numeric"),
    width: "input-id",
    ..InputKind::TEXT
};
const DATE: InputKind = InputKind {
    inputmode: Some("numeric"),
    width: "input-date",
    ..InputKind::TEXT
};
const EMAIL: InputKind = InputKind {
    kind: "email",
    ..InputKind::TEXT
};
const NUMBER: InputKind = InputKind {
    inputmode: Some("decimal"),
    width: "input-number",
    ..InputKind::TEXT
};

/// A text of the current language, for a label.
fn text(pick: fn(&FilingTexts) -> &'static str) -> TextProp {
    let texts = use_filing_texts();
    TextProp::from(move || pick(texts()))
}

#[component]
pub fn QuestionPage(step: Step) -> impl IntoView {
    view! { <StepPage step=step>{fields(step)}</StepPage> }
}

/// The fields of a page, made inside the page, which gives them its problems.
fn fields(step: Step) -> AnyView {
    match step {
        Step::FilingFor => filing_for().into_any(),
        Step::FullName => view! {
            <TextInput
                field="applicant.full_name".to_string()
                label=text(|t| t.full_name)
                hint=Some(text(|t| t.full_name_hint))
                example=Some("Nguyễn Thị Hoa".into())
                heading=true
                kind=NAME
            />
        }
        .into_any(),
        Step::CitizenId => view! {
            <TextInput
                field="applicant.citizen_id".to_string()
                label=text(|t| t.citizen_id)
                hint=Some(text(|t| t.citizen_id_hint))
                example=Some("001190012345".into())
                heading=true
                kind=CITIZEN_ID
            />
        }
        .into_any(),
        Step::DateOfBirth => view! {
            <TextInput
                field="applicant.date_of_birth".to_string()
                label=text(|t| t.date_of_birth)
                hint=Some(text(|t| t.date_hint))
                example=Some("27/03/1990".into())
                heading=true
                kind=InputKind {
                    autocomplete: "bday",
                    ..DATE
                }
            />
        }
        .into_any(),
        Step::Phone => view! {
            <TextInput
                field="applicant.phone".to_string()
                label=text(|t| t.phone)
                hint=Some(text(|t| t.phone_hint))
                example=Some("0912 345 678".into())
                heading=true
                kind=InputKind {
                    autocomplete: "tel",
                    ..InputKind::PHONE
                }
            />
        }
        .into_any(),
        Step::Email => view! {
            <TextInput
                field="applicant.email".to_string()
                label=text(|t| t.email)
                hint=Some(text(|t| t.email_hint))
                example=Some("ten@gmail.com".into())
                optional=true
                heading=true
                kind=InputKind {
                    autocomplete: "email",
                    ..EMAIL
                }
            />
        }
        .into_any(),
        Step::Address => view! {
            <AddressFields
                prefix="applicant.address".to_string()
                legend=text(|t| t.address_legend)
                hint=Some(text(|t| t.address_hint))
                heading=true
            />
        }
        .into_any(),
        Step::Question(index) => {
            let form = expect_context::<Form>();
            let question = form.procedure.with_value(|procedure| {
                procedure
                    .form
                    .as_ref()
                    .and_then(|form| form.questions.get(index).cloned())
            });
            question.map(procedure_question).into_any()
        }
        Step::Delivery => delivery().into_any(),
        Step::Document(_) | Step::Check => ().into_any(),
    }
}

fn filing_for() -> impl IntoView {
    view! {
        <Radios
            field="applicant.filing_for".to_string()
            legend=text(|t| t.filing_for_legend)
            options=vec![("self".into(), text(|t| t.for_self)), ("other".into(), text(|t| t.for_other))]
            heading=true
            reveal_on="other"
        >
            <TextInput
                field="applicant.represented_name".to_string()
                label=text(|t| t.represented_name)
                kind=InputKind {
                    autocomplete: "off",
                    ..NAME
                }
            />
            <TextInput
                field="applicant.relationship".to_string()
                label=text(|t| t.relationship)
                example=Some(text(|t| t.relationship_example))
            />
        </Radios>
    }
}

fn delivery() -> impl IntoView {
    let form = expect_context::<Form>();
    let options = form
        .procedure
        .with_value(DeliveryMethod::offered_for)
        .into_iter()
        .map(|method| (method.as_str().to_string(), delivery_name(method)))
        .collect();
    view! {
        <Radios
            field="delivery.method".to_string()
            legend=text(|t| t.delivery_legend)
            options=options
            heading=true
            reveal_on=DeliveryMethod::Post.as_str()
        >
            <AddressFields
                prefix="delivery.address".to_string()
                legend=text(|t| t.post_address_legend)
            />
        </Radios>
    }
}

/// The name of a way to receive the result, in the current language.
pub fn delivery_name(method: DeliveryMethod) -> TextProp {
    text(match method {
        DeliveryMethod::Counter => |t| t.delivery_counter,
        DeliveryMethod::Post => |t| t.delivery_post,
        DeliveryMethod::Online => |t| t.delivery_online,
    })
}

/// A question of the procedure's form; its texts are the catalog's, in Vietnamese.
fn procedure_question(question: Question) -> impl IntoView {
    let texts = use_filing_texts();
    let field = format!("answers.{}", question.id);
    let optional = !question.required;
    let help = question.help.clone();
    let kind = match &question.kind {
        QuestionKind::Choice { options } => {
            let options = options
                .iter()
                .map(|option| (option.clone(), TextProp::from(option.clone())))
                .collect();
            return view! {
                <Radios
                    field=field
                    legend=question.label
                    options=options
                    hint=help.clone().map(TextProp::from)
                    heading=true
                    optional=optional
                />
            }
            .into_any();
        }
        QuestionKind::Address => {
            return view! {
                <AddressFields
                    prefix=field
                    legend=question.label
                    hint=help.clone().map(TextProp::from)
                    heading=true
                    optional=optional
                />
            }
            .into_any();
        }
        QuestionKind::Date => DATE,
        QuestionKind::Number => NUMBER,
        QuestionKind::CitizenId => CITIZEN_ID,
        QuestionKind::Phone => InputKind::PHONE,
        QuestionKind::Email => EMAIL,
        QuestionKind::Text => InputKind::TEXT,
    };
    let hint = if question.kind == QuestionKind::Date {
        Some(TextProp::from(move || match &help {
            Some(help) => format!("{help} {}", texts().date_hint),
            None => texts().date_hint.to_string(),
        }))
    } else {
        help.map(TextProp::from)
    };
    view! {
        <TextInput
            field=field
            label=question.label
            hint=hint
            example=question.example.clone().map(TextProp::from)
            optional=optional
            heading=true
            kind=kind
        />
    }
    .into_any()
}
