//! The one JSON shape of every error the API returns.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// `{ "error": code, "message": text, "fields": { name: text } }`.
///
/// `error` is a stable machine code (`not_found`, `bad_request`, ...); `message` is Vietnamese text
/// a citizen can read; `fields` names each bad input with its own message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    pub error: String,
    pub message: String,
    #[serde(default)]
    pub fields: BTreeMap<String, String>,
}
