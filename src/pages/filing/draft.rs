//! The draft: everything typed so far, kept in localStorage `motcua.draft.{procedure}` (at the
//! counter `motcua.counter-draft.{procedure}`) and written on every change, so a reload, a dead
//! battery or a lost connection loses nothing.

use std::collections::BTreeMap;

use leptos::prelude::*;
use motcua_api::applicant::AddressInput;
use motcua_api::dossier::UploadedFile;
use motcua_api::filing::DossierInput;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::Mode;

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub input: DossierInput,
    /// What the citizen's device said of each uploaded file, by upload id, to show it again.
    #[serde(default)]
    pub files: BTreeMap<String, UploadedFile>,
    /// The address of the page the citizen was last on.
    #[serde(default)]
    pub last_page: String,
    #[serde(default)]
    pub submission: Option<Submission>,
}

/// A sending of the dossier that has not landed yet.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    /// The `Idempotency-Key`, kept while the body stays the same.
    pub key: String,
    /// The body sent with this key.
    pub body: String,
    /// The sending failed for want of a connection and is to be retried.
    pub waiting: bool,
}

impl Draft {
    fn new(procedure_code: &str) -> Draft {
        Draft {
            input: DossierInput {
                procedure_code: procedure_code.to_string(),
                ..DossierInput::default()
            },
            ..Draft::default()
        }
    }

    /// Whether the citizen has typed or uploaded anything.
    pub fn is_started(&self) -> bool {
        self.input != Draft::new(&self.input.procedure_code).input || !self.files.is_empty()
    }
}

fn storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// A JSON value of localStorage; `None` when absent or unreadable.
pub fn read_json<T: DeserializeOwned>(key: &str) -> Option<T> {
    let text = storage()?.get_item(key).ok().flatten()?;
    serde_json::from_str(&text).ok()
}

pub fn write_json<T: Serialize>(key: &str, value: &T) {
    if let (Some(storage), Ok(text)) = (storage(), serde_json::to_string(value)) {
        storage.set_item(key, &text).ok();
    }
}

/// The stored draft of a procedure, or a new one.
pub fn load(mode: Mode, procedure_code: &str) -> Draft {
    read_json::<Draft>(&mode.draft_key(procedure_code))
        .filter(|draft| draft.input.procedure_code == procedure_code)
        .unwrap_or_else(|| Draft::new(procedure_code))
}

/// Changes the stored draft of a procedure whose form is no longer on screen.
pub fn edit_stored(mode: Mode, procedure_code: &str, change: impl FnOnce(&mut Draft)) {
    let mut draft = load(mode, procedure_code);
    change(&mut draft);
    write_json(&mode.draft_key(procedure_code), &draft);
}

pub fn remove(mode: Mode, procedure_code: &str) {
    if let Some(storage) = storage() {
        storage.remove_item(&mode.draft_key(procedure_code)).ok();
    }
}

/// The draft being filled in: a signal mirrored to localStorage on every change.
#[derive(Clone, Copy)]
pub struct DraftStore {
    draft: RwSignal<Draft>,
    mode: Mode,
}

impl DraftStore {
    pub fn open(mode: Mode, procedure_code: &str) -> DraftStore {
        DraftStore {
            draft: RwSignal::new(load(mode, procedure_code)),
            mode,
        }
    }

    pub fn with<T>(&self, read: impl FnOnce(&Draft) -> T) -> T {
        self.draft.with(read)
    }

    pub fn with_untracked<T>(&self, read: impl FnOnce(&Draft) -> T) -> T {
        self.draft.with_untracked(read)
    }

    /// Changes the draft and stores it at once.
    pub fn edit(&self, change: impl FnOnce(&mut Draft)) {
        self.draft.try_update(|draft| {
            change(draft);
            write_json(&self.mode.draft_key(&draft.input.procedure_code), draft);
        });
    }

    /// Whether the form is still on screen.
    pub fn is_open(&self) -> bool {
        !self.draft.is_disposed()
    }

    /// The typed text of a field, by its error-key name.
    pub fn value(&self, field: &str) -> String {
        self.draft.with(|draft| read_field(&draft.input, field))
    }

    pub fn value_untracked(&self, field: &str) -> String {
        self.draft
            .with_untracked(|draft| read_field(&draft.input, field))
    }

    pub fn set_value(&self, field: &str, value: String) {
        self.edit(|draft| write_field(&mut draft.input, field, value));
    }

    /// Forgets the draft once the dossier is filed.
    pub fn clear(&self) {
        self.draft.try_update(|draft| {
            remove(self.mode, &draft.input.procedure_code);
            *draft = Draft::new(&draft.input.procedure_code);
        });
    }
}

fn address_part<'a>(address: &'a mut AddressInput, part: &str) -> Option<&'a mut String> {
    match part {
        "province" => Some(&mut address.province),
        "commune" => Some(&mut address.commune),
        "street" => Some(&mut address.street),
        _ => None,
    }
}

/// The place of a field in the input, by the name errors use (`applicant.phone`,
/// `answers.child_name`, `delivery.address.street`).
fn slot<'a>(input: &'a mut DossierInput, field: &str) -> Option<&'a mut String> {
    if let Some(key) = field.strip_prefix("answers.") {
        return Some(input.answers.entry(key.to_string()).or_default());
    }
    if let Some(part) = field.strip_prefix("applicant.address.") {
        return address_part(&mut input.applicant.address, part);
    }
    if let Some(part) = field.strip_prefix("delivery.address.") {
        return address_part(&mut input.delivery.address, part);
    }
    let applicant = &mut input.applicant;
    match field {
        "applicant.filing_for" => Some(&mut applicant.filing_for),
        "applicant.relationship" => Some(&mut applicant.relationship),
        "applicant.represented_name" => Some(&mut applicant.represented_name),
        "applicant.full_name" => Some(&mut applicant.full_name),
        "applicant.citizen_id" => Some(&mut applicant.citizen_id),
        "applicant.date_of_birth" => Some(&mut applicant.date_of_birth),
        "applicant.phone" => Some(&mut applicant.phone),
        "applicant.email" => Some(&mut applicant.email),
        "delivery.method" => Some(&mut input.delivery.method),
        _ => None,
    }
}

pub fn read_field(input: &DossierInput, field: &str) -> String {
    if let Some(key) = field.strip_prefix("answers.") {
        return input.answers.get(key).cloned().unwrap_or_default();
    }
    // The applicant and delivery parts are a few short texts: `slot` on a copy of them reads the
    // field through the one name table.
    let mut copy = DossierInput {
        applicant: input.applicant.clone(),
        delivery: input.delivery.clone(),
        ..DossierInput::default()
    };
    slot(&mut copy, field)
        .map(|value| value.clone())
        .unwrap_or_default()
}

fn write_field(input: &mut DossierInput, field: &str, value: String) {
    if let Some(slot) = slot(input, field) {
        *slot = value;
    }
}
