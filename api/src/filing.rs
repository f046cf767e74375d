//! The online filing form: which pages a procedure asks, in which order, and the checks of each.
//!
//! The browser checks one page before moving on; the server checks the whole dossier with the
//! same functions. Errors are keyed by field name (`applicant.phone`, `answers.child_name`,
//! `documents.1`, `delivery.address.province`), the keys of [`crate::ErrorBody::fields`].

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::applicant::{
    self, Address, AddressErrors, AddressInput, CitizenId, Email, FullName, Phone, tidy,
};
use crate::date::{self, Date};
use crate::dossier::{DeliveryMethod, MAX_FILES_PER_DOCUMENT, MAX_FILES_PER_DOSSIER};
use crate::message::{Message, messages};
use crate::{Procedure, Question, QuestionKind};

messages! {
    RELATIONSHIP_MISSING = "Hãy cho biết bạn là gì của người đó.",
        "Enter your relationship to the person.";
    FILING_FOR_MISSING = "Hãy chọn bạn nộp cho bản thân hay nộp thay người khác.",
        "Select whether you are applying for yourself or for someone else.";
    DOCUMENT_MISSING = "Giấy tờ này bắt buộc: hãy tải lên ảnh chụp hoặc bản PDF.",
        "This document is required: upload a photo or a PDF of it.";
    DOCUMENT_TOO_MANY_FILES = "Mỗi giấy tờ có tối đa 10 tệp.",
        "Each document can have up to 10 files.";
    DELIVERY_MISSING = "Hãy chọn cách bạn muốn nhận kết quả.",
        "Select how you want to get the result.";
    TEXT_TOO_LONG = "Nội dung dài quá 2.000 ký tự, hãy viết ngắn lại.",
        "The answer must be 2,000 characters or fewer. Make it shorter.";
    CHOICE_MISSING = "Hãy chọn một câu trả lời.",
        "Select an answer.";
    ANSWER_MISSING = "Hãy trả lời câu hỏi này.",
        "Answer this question.";
    CHOICE_UNKNOWN = "Hãy chọn một trong các câu trả lời có sẵn.",
        "Select one of the answers given.";
    NUMBER_MALFORMED = "Hãy nhập một số, chỉ gồm chữ số, ví dụ 120 hoặc 45,5.",
        "Enter a number using digits only, for example 120 or 45,5.";
    NO_SUCH_DOCUMENT = "Thủ tục này không có giấy tờ này.",
        "This procedure does not ask for this document.";
    FILE_TWICE = "Một tệp được đính kèm hai lần.",
        "The same file is attached twice.";
    TOO_MANY_FILES = "Hồ sơ có quá nhiều tệp (tối đa 40 tệp).",
        "The dossier has too many files (40 at most).";
}

const MAX_TEXT_CHARS: usize = 2000;
const MAX_NUMBER_CHARS: usize = 20;

/// Everything the citizen has typed: the draft kept in the browser and the body of
/// `POST /api/dossiers`. Every value is the text as typed, so nothing is lost to a failed parse.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierInput {
    pub procedure_code: String,
    #[serde(default)]
    pub applicant: ApplicantInput,
    /// Answers to the procedure's questions by question id; an address question has three
    /// entries, `{id}.province`, `{id}.commune` and `{id}.street`.
    #[serde(default)]
    pub answers: BTreeMap<String, String>,
    /// Upload ids attached to each required document, by the document's index in the procedure.
    #[cfg_attr(feature = "openapi", schema(schema_with = documents_schema))]
    #[serde(default)]
    pub documents: BTreeMap<usize, Vec<String>>,
    #[serde(default)]
    pub delivery: DeliveryInput,
}

/// [`DossierInput::documents`] in the OpenAPI document: JSON keys are text, here the digits of an
/// index.
#[cfg(feature = "openapi")]
fn documents_schema() -> utoipa::openapi::Object {
    use utoipa::openapi::{ArrayBuilder, ObjectBuilder, Type};
    let text = || ObjectBuilder::new().schema_type(Type::String);
    ObjectBuilder::new()
        .description(Some(
            "Upload ids attached to each required document, by the document's index in the \
             procedure.",
        ))
        .property_names(Some(text().pattern(Some("^[0-9]+$"))))
        .additional_properties(Some(ArrayBuilder::new().items(text())))
        .build()
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicantInput {
    /// `"self"` or `"other"` (filing on behalf of someone); empty until answered.
    #[serde(default)]
    pub filing_for: String,
    /// Who the applicant is to the person they file for, e.g. `Con`.
    #[serde(default)]
    pub relationship: String,
    /// The person filed for.
    #[serde(default)]
    pub represented_name: String,
    #[serde(default)]
    pub full_name: String,
    #[serde(default)]
    pub citizen_id: String,
    #[serde(default)]
    pub date_of_birth: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub address: AddressInput,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryInput {
    /// `counter`, `post` or `online`; empty until answered.
    #[serde(default)]
    pub method: String,
    /// Where to post the result when `method` is `post`.
    #[serde(default)]
    pub address: AddressInput,
}

/// One page of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Step {
    FilingFor,
    FullName,
    CitizenId,
    DateOfBirth,
    Phone,
    Email,
    Address,
    /// The question at this index of the procedure's form.
    Question(usize),
    /// The required document at this index of the procedure's documents.
    Document(usize),
    Delivery,
    /// Kiểm tra lại: every answer with a link back to its page.
    Check,
}

const APPLICANT_STEPS: [Step; 7] = [
    Step::FilingFor,
    Step::FullName,
    Step::CitizenId,
    Step::DateOfBirth,
    Step::Phone,
    Step::Email,
    Step::Address,
];

impl Step {
    /// The page's part of the URL, e.g. `so-dinh-danh`, `cau-hoi-child_name`, `giay-to-2`.
    pub fn slug(self, procedure: &Procedure) -> String {
        match self {
            Step::FilingFor => "nguoi-nop".into(),
            Step::FullName => "ho-ten".into(),
            Step::CitizenId => "so-dinh-danh".into(),
            Step::DateOfBirth => "ngay-sinh".into(),
            Step::Phone => "dien-thoai".into(),
            Step::Email => "thu-dien-tu".into(),
            Step::Address => "dia-chi".into(),
            Step::Question(index) => format!("cau-hoi-{}", questions(procedure)[index].id),
            Step::Document(index) => format!("giay-to-{}", index + 1),
            Step::Delivery => "nhan-ket-qua".into(),
            Step::Check => "kiem-tra".into(),
        }
    }

    /// The step of a URL slug, if this procedure has it.
    pub fn from_slug(procedure: &Procedure, slug: &str) -> Option<Step> {
        if let Some(id) = slug.strip_prefix("cau-hoi-") {
            return questions(procedure)
                .iter()
                .position(|question| question.id == id)
                .map(Step::Question);
        }
        if let Some(number) = slug.strip_prefix("giay-to-") {
            let index = number.parse::<usize>().ok()?.checked_sub(1)?;
            return (index < procedure.documents.len()).then_some(Step::Document(index));
        }
        APPLICANT_STEPS
            .into_iter()
            .chain([Step::Delivery, Step::Check])
            .find(|step| step.slug(procedure) == slug)
    }

    /// The page where a field of [`FieldErrors`] is answered, e.g. `answers.child_name` →
    /// `Question(0)`, `documents.1` → `Document(1)`, `applicant.address.street` → `Address`.
    pub fn of_field(procedure: &Procedure, field: &str) -> Option<Step> {
        let mut parts = field.split('.');
        let (group, name) = (parts.next()?, parts.next().unwrap_or_default());
        match group {
            "applicant" => Some(match name {
                "filing_for" | "represented_name" | "relationship" => Step::FilingFor,
                "full_name" => Step::FullName,
                "citizen_id" => Step::CitizenId,
                "date_of_birth" => Step::DateOfBirth,
                "phone" => Step::Phone,
                "email" => Step::Email,
                "address" => Step::Address,
                _ => return None,
            }),
            "answers" => Step::from_slug(procedure, &format!("cau-hoi-{name}")),
            "documents" => {
                let index = name.parse().ok()?;
                (index < procedure.documents.len()).then_some(Step::Document(index))
            }
            "delivery" => Some(Step::Delivery),
            _ => None,
        }
    }
}

fn questions(procedure: &Procedure) -> &[Question] {
    procedure
        .form
        .as_ref()
        .map(|form| form.questions.as_slice())
        .unwrap_or_default()
}

/// Whether a question is asked given the answers so far (its `show_if` holds, recursively: a
/// question that depends on a hidden one is hidden too).
pub fn is_asked(procedure: &Procedure, question: &Question, input: &DossierInput) -> bool {
    let mut current = question;
    for _ in 0..questions(procedure).len() + 1 {
        let Some(condition) = &current.show_if else {
            return true;
        };
        if input.answers.get(&condition.question).map(String::as_str)
            != Some(condition.equals.as_str())
        {
            return false;
        }
        match questions(procedure)
            .iter()
            .find(|other| other.id == condition.question)
        {
            Some(parent) => current = parent,
            None => return false,
        }
    }
    false
}

/// The pages this citizen is asked, in order, given what they answered so far.
pub fn steps(procedure: &Procedure, input: &DossierInput) -> Vec<Step> {
    let asked_questions = questions(procedure)
        .iter()
        .enumerate()
        .filter(|(_, question)| is_asked(procedure, question, input))
        .map(|(index, _)| Step::Question(index));
    APPLICANT_STEPS
        .into_iter()
        .chain(asked_questions)
        .chain((0..procedure.documents.len()).map(Step::Document))
        .chain([Step::Delivery, Step::Check])
        .collect()
}

/// Bad fields by name, each with its message.
pub type FieldErrors = BTreeMap<String, Message>;

/// The errors of one page; empty when the citizen may go on.
pub fn check_step(
    procedure: &Procedure,
    input: &DossierInput,
    step: Step,
    today: Date,
) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let applicant = &input.applicant;
    let mut record = |field: &str, result: Result<(), Message>| {
        if let Err(message) = result {
            errors.insert(field.to_string(), message);
        }
    };
    match step {
        Step::FilingFor => match applicant.filing_for.as_str() {
            "self" => {}
            "other" => {
                record(
                    "applicant.represented_name",
                    FullName::try_from(applicant.represented_name.as_str()).map(drop),
                );
                record(
                    "applicant.relationship",
                    required_text(&applicant.relationship, RELATIONSHIP_MISSING),
                );
            }
            _ => record("applicant.filing_for", Err(FILING_FOR_MISSING)),
        },
        Step::FullName => record(
            "applicant.full_name",
            FullName::try_from(applicant.full_name.as_str()).map(drop),
        ),
        Step::CitizenId => record(
            "applicant.citizen_id",
            CitizenId::try_from(applicant.citizen_id.as_str()).map(drop),
        ),
        Step::DateOfBirth => {
            let born = applicant::parse_birth_date(&applicant.date_of_birth, today);
            let id = CitizenId::try_from(applicant.citizen_id.as_str());
            let matches = match (&born, &id) {
                (Ok(born), Ok(id)) => applicant::check_id_matches_birth(id, *born),
                _ => Ok(()),
            };
            record("applicant.date_of_birth", born.map(drop).and(matches));
        }
        Step::Phone => record(
            "applicant.phone",
            Phone::try_from(applicant.phone.as_str()).map(drop),
        ),
        Step::Email => {
            if !applicant.email.trim().is_empty() {
                record(
                    "applicant.email",
                    Email::try_from(applicant.email.as_str()).map(drop),
                );
            }
        }
        Step::Address => check_address(&mut errors, "applicant.address", &applicant.address),
        Step::Question(index) => {
            if let Some(question) = questions(procedure).get(index) {
                check_answer(&mut errors, question, &input.answers);
            }
        }
        Step::Document(index) => {
            let files = input.documents.get(&index).map(Vec::len).unwrap_or(0);
            let mandatory = procedure
                .documents
                .get(index)
                .is_some_and(|document| document.mandatory);
            if mandatory && files == 0 {
                record(&format!("documents.{index}"), Err(DOCUMENT_MISSING));
            } else if files > MAX_FILES_PER_DOCUMENT {
                record(&format!("documents.{index}"), Err(DOCUMENT_TOO_MANY_FILES));
            }
        }
        Step::Delivery => match DeliveryMethod::parse(&input.delivery.method) {
            Some(method) if DeliveryMethod::offered_for(procedure).contains(&method) => {
                if method == DeliveryMethod::Post {
                    check_address(&mut errors, "delivery.address", &input.delivery.address);
                }
            }
            _ => record("delivery.method", Err(DELIVERY_MISSING)),
        },
        Step::Check => {}
    }
    errors
}

fn required_text(text: &str, missing: Message) -> Result<(), Message> {
    let text = tidy(text);
    if text.is_empty() {
        Err(missing)
    } else if text.chars().count() > MAX_TEXT_CHARS {
        Err(TEXT_TOO_LONG)
    } else {
        Ok(())
    }
}

fn check_address(errors: &mut FieldErrors, field: &str, address: &AddressInput) {
    if let Err(parts) = Address::try_from(address) {
        for (part, message) in parts {
            errors.insert(format!("{field}.{part}"), message);
        }
    }
}

fn check_answer(errors: &mut FieldErrors, question: &Question, answers: &BTreeMap<String, String>) {
    let field = format!("answers.{}", question.id);
    if question.kind == QuestionKind::Address {
        let part = |name: &str| {
            answers
                .get(&format!("{}.{name}", question.id))
                .cloned()
                .unwrap_or_default()
        };
        let address = AddressInput {
            province: part("province"),
            commune: part("commune"),
            street: part("street"),
        };
        let untouched = address == AddressInput::default();
        if question.required || !untouched {
            check_address(errors, &field, &address);
        }
        return;
    }
    let answer = answers.get(&question.id).map(String::as_str).unwrap_or("");
    if answer.trim().is_empty() {
        if question.required {
            let message = match question.kind {
                QuestionKind::Choice { .. } => CHOICE_MISSING,
                _ => ANSWER_MISSING,
            };
            errors.insert(field, message);
        }
        return;
    }
    if let Err(message) = normalize_answer(&question.kind, answer) {
        errors.insert(field, message);
    }
}

/// The answer as stored: trimmed, dates as `dd/mm/yyyy`, phones and IDs without spaces.
fn normalize_answer(kind: &QuestionKind, answer: &str) -> Result<String, Message> {
    match kind {
        QuestionKind::Text => {
            required_text(answer, ANSWER_MISSING)?;
            Ok(tidy(answer))
        }
        QuestionKind::Date => date::parse_vietnamese(answer)
            .map(date::format_vietnamese)
            .map_err(|error| error.message()),
        QuestionKind::Number => normalize_number(answer),
        QuestionKind::CitizenId => CitizenId::try_from(answer).map(String::from),
        QuestionKind::Phone => Phone::try_from(answer).map(String::from),
        QuestionKind::Email => Email::try_from(answer).map(String::from),
        QuestionKind::Choice { options } => options
            .iter()
            .find(|option| option.as_str() == answer)
            .cloned()
            .ok_or(CHOICE_UNKNOWN),
        QuestionKind::Address => Ok(tidy(answer)),
    }
}

/// A number as Vietnamese write it: digits, `.` between thousands, `,` before decimals.
fn normalize_number(answer: &str) -> Result<String, Message> {
    let compact: String = answer.chars().filter(|c| !c.is_whitespace()).collect();
    let well_formed = !compact.is_empty()
        && compact.len() <= MAX_NUMBER_CHARS
        && compact.starts_with(|c: char| c.is_ascii_digit())
        && compact
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
        && compact.matches(',').count() <= 1;
    if well_formed {
        Ok(compact)
    } else {
        Err(NUMBER_MALFORMED)
    }
}

/// A dossier whose every page passed: what the server stores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidDossier {
    pub procedure_code: String,
    pub applicant: Applicant,
    /// Only the answers of the questions asked, normalized.
    pub answers: BTreeMap<String, String>,
    /// Upload ids by document index, only documents with files.
    pub documents: BTreeMap<usize, Vec<String>>,
    pub delivery: DeliveryMethod,
    pub delivery_address: Option<Address>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Applicant {
    pub full_name: FullName,
    pub citizen_id: CitizenId,
    #[serde(with = "date::iso")]
    pub date_of_birth: Date,
    pub phone: Phone,
    pub email: Option<Email>,
    pub address: Address,
    /// Filing on behalf of someone: their name and the applicant's relationship to them.
    pub represented: Option<Represented>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Represented {
    pub full_name: FullName,
    pub relationship: String,
}

/// Checks every page the citizen was asked; the server's authority over the whole dossier.
pub fn validate(
    procedure: &Procedure,
    input: &DossierInput,
    today: Date,
) -> Result<ValidDossier, FieldErrors> {
    let mut errors = FieldErrors::new();
    for step in steps(procedure, input) {
        errors.extend(check_step(procedure, input, step, today));
    }
    check_attachment_ids(procedure, input, &mut errors);
    if !errors.is_empty() {
        return Err(errors);
    }
    let applicant = &input.applicant;
    let parsed = || -> Result<ValidDossier, Message> {
        let delivery = DeliveryMethod::parse(&input.delivery.method).ok_or(DELIVERY_MISSING)?;
        Ok(ValidDossier {
            procedure_code: procedure.code.clone(),
            applicant: Applicant {
                full_name: FullName::try_from(applicant.full_name.as_str())?,
                citizen_id: CitizenId::try_from(applicant.citizen_id.as_str())?,
                date_of_birth: applicant::parse_birth_date(&applicant.date_of_birth, today)?,
                phone: Phone::try_from(applicant.phone.as_str())?,
                email: match applicant.email.trim() {
                    "" => None,
                    email => Some(Email::try_from(email)?),
                },
                address: Address::try_from(&applicant.address).map_err(first_message)?,
                represented: match applicant.filing_for.as_str() {
                    "other" => Some(Represented {
                        full_name: FullName::try_from(applicant.represented_name.as_str())?,
                        relationship: tidy(&applicant.relationship),
                    }),
                    _ => None,
                },
            },
            answers: asked_answers(procedure, input)?,
            documents: input
                .documents
                .iter()
                .filter(|(_, files)| !files.is_empty())
                .map(|(index, files)| (*index, files.clone()))
                .collect(),
            delivery,
            delivery_address: match delivery {
                DeliveryMethod::Post => {
                    Some(Address::try_from(&input.delivery.address).map_err(first_message)?)
                }
                _ => None,
            },
        })
    };
    // Every page passed its check, so parsing again cannot fail; if it did, say which field.
    parsed().map_err(|message| FieldErrors::from([("dossier".to_string(), message)]))
}

/// The message of the first bad part of an address.
fn first_message(errors: AddressErrors) -> Message {
    errors[0].1
}

fn asked_answers(
    procedure: &Procedure,
    input: &DossierInput,
) -> Result<BTreeMap<String, String>, Message> {
    let mut answers = BTreeMap::new();
    for question in questions(procedure) {
        if !is_asked(procedure, question, input) {
            continue;
        }
        if question.kind == QuestionKind::Address {
            for part in ["province", "commune", "street"] {
                let key = format!("{}.{part}", question.id);
                if let Some(value) = input.answers.get(&key) {
                    answers.insert(key, tidy(value));
                }
            }
        } else if let Some(answer) = input.answers.get(&question.id)
            && !answer.trim().is_empty()
        {
            answers.insert(
                question.id.clone(),
                normalize_answer(&question.kind, answer)?,
            );
        }
    }
    Ok(answers)
}

/// Documents that exist, no upload used twice, and not more files than one dossier may carry.
fn check_attachment_ids(procedure: &Procedure, input: &DossierInput, errors: &mut FieldErrors) {
    let mut seen = BTreeSet::new();
    let mut total = 0;
    for (index, files) in &input.documents {
        let field = format!("documents.{index}");
        if *index >= procedure.documents.len() {
            errors.insert(field, NO_SUCH_DOCUMENT);
            continue;
        }
        total += files.len();
        if files.iter().any(|id| !seen.insert(id.as_str())) {
            errors.insert(field, FILE_TWICE);
        }
    }
    if total > MAX_FILES_PER_DOSSIER {
        errors.insert("documents".into(), TOO_MANY_FILES);
    }
}

#[cfg(test)]
#[path = "filing_tests.rs"]
mod tests;
