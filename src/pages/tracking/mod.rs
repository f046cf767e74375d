//! Following a dossier: `/tra-cuu` (find it by code and phone), `/ho-so/{code}` (where it stands)
//! and `/ho-so-cua-toi` (the dossiers filed on this device).

mod apology;
mod dossier;
mod form;
mod lookup;
mod mine;
mod rating;
mod search;
mod supplement;

pub use dossier::Tracking;
pub use lookup::{Found, dossier_page};
pub use mine::MyDossiers;
pub use search::TrackingSearch;

use motcua_api::query::percent_encode;

use crate::api::Proof;
use crate::pages::filing::my_token;

/// The tracking page of a dossier, without its secret: the page finds its proof on this device.
fn dossier_url(code: &str) -> String {
    format!("/ho-so/{}", percent_encode(code))
}

/// The phone a dossier was found with in this tab: sessionStorage, never the address.
fn phone_key(code: &str) -> String {
    format!("motcua.tracking.{code}")
}

fn session() -> Option<web_sys::Storage> {
    leptos::prelude::window().session_storage().ok().flatten()
}

fn remember_phone(code: &str, phone: &str) {
    if let Some(session) = session() {
        session.set_item(&phone_key(code), phone).ok();
    }
}

fn remembered_phone(code: &str) -> Option<String> {
    session()?.get_item(&phone_key(code)).ok().flatten()
}

/// What opens a dossier on this device: the link's token, else the token saved when it was filed
/// here, else the phone it was looked up with in this tab.
pub fn proof_for(code: &str, link_token: Option<String>) -> Option<Proof> {
    link_token
        .or_else(|| my_token(code))
        .map(Proof::Token)
        .or_else(|| remembered_phone(code).map(Proof::Phone))
}
