//! Reading a stored dossier's text columns back into the shared types. The database holds what the
//! server wrote, so a value that does not read back is a bug: the error names the dossier and the
//! column, and the request answers 500.

use anyhow::anyhow;
use motcua_api::date::{self, Date};
use motcua_api::dossier::{DeliveryMethod, DossierCode, DossierStatus};
use motcua_api::staff::Channel;

/// The columns of the dossier with this code.
pub struct Columns<'a> {
    code: &'a str,
}

impl<'a> Columns<'a> {
    pub fn of(code: &'a str) -> Columns<'a> {
        Columns { code }
    }

    fn bad(&self, column: &str) -> anyhow::Error {
        anyhow!("dossier {}: bad {column}", self.code)
    }

    pub fn code(&self) -> anyhow::Result<DossierCode> {
        DossierCode::try_from(self.code).map_err(|_| self.bad("code"))
    }

    pub fn status(&self, text: &str, column: &str) -> anyhow::Result<DossierStatus> {
        DossierStatus::parse(text).ok_or_else(|| self.bad(column))
    }

    pub fn date(&self, text: &str, column: &str) -> anyhow::Result<Date> {
        date::parse_iso(text).ok_or_else(|| self.bad(column))
    }

    pub fn optional_date(&self, text: Option<&str>, column: &str) -> anyhow::Result<Option<Date>> {
        text.map(|text| self.date(text, column)).transpose()
    }

    pub fn delivery(&self, text: &str) -> anyhow::Result<DeliveryMethod> {
        DeliveryMethod::parse(text).ok_or_else(|| self.bad("delivery"))
    }

    pub fn channel(&self, text: &str) -> anyhow::Result<Channel> {
        Channel::parse(text).ok_or_else(|| self.bad("channel"))
    }
}
