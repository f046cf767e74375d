//! The catalog search request: raw parameters in, a checked query out.

use serde::{Deserialize, Serialize};

use crate::Level;
use crate::message::{Message, messages};

messages! {
    QUERY_TOO_LONG = "Nội dung tìm kiếm quá dài (tối đa 200 ký tự).",
        "The search text is too long (200 characters at most).";
    LEVEL_UNKNOWN = "Cấp thực hiện không hợp lệ (central, province, commune hoặc other).",
        "The level must be central, province, commune or other.";
    PAGE_OUT_OF_RANGE = "Giá trị của 'page' phải là số nguyên từ 1 đến 10000.",
        "'page' must be a whole number from 1 to 10000.";
    LIMIT_OUT_OF_RANGE = "Giá trị của 'limit' phải là số nguyên từ 1 đến 100.",
        "'limit' must be a whole number from 1 to 100.";
}

/// Longest search text accepted, in characters.
pub const MAX_QUERY_CHARS: usize = 200;
pub const DEFAULT_LIMIT: u32 = 20;
pub const MAX_LIMIT: u32 = 100;
/// Deepest page served; nobody reads page 10,001 and it bounds the work of one request.
pub const MAX_PAGE: u32 = 10_000;

/// `GET /api/procedures` parameters exactly as they arrive, every one optional text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
pub struct RawProcedureQuery {
    /// Search text; empty lists the catalog.
    #[cfg_attr(feature = "openapi", param(max_length = 200))]
    pub q: Option<String>,
    pub field: Option<String>,
    pub agency: Option<String>,
    // The OpenAPI document gives the values the checked query takes.
    #[cfg_attr(feature = "openapi", param(value_type = Option<Level>))]
    pub level: Option<String>,
    #[cfg_attr(feature = "openapi", param(value_type = Option<u32>, minimum = 1, maximum = 10_000))]
    pub page: Option<String>,
    #[cfg_attr(feature = "openapi", param(value_type = Option<u32>, minimum = 1, maximum = 100))]
    pub limit: Option<String>,
}

/// A checked catalog query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcedureQuery {
    /// Search text, trimmed; empty lists the catalog.
    pub q: String,
    pub field: Option<String>,
    pub agency: Option<String>,
    pub level: Option<Level>,
    /// 1-based.
    pub page: u32,
    pub limit: u32,
}

impl Default for ProcedureQuery {
    fn default() -> Self {
        ProcedureQuery {
            q: String::new(),
            field: None,
            agency: None,
            level: None,
            page: 1,
            limit: DEFAULT_LIMIT,
        }
    }
}

/// A bad parameter, with the message shown to the person who typed it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError {
    pub parameter: &'static str,
    pub message: Message,
}

impl TryFrom<RawProcedureQuery> for ProcedureQuery {
    type Error = QueryError;

    fn try_from(raw: RawProcedureQuery) -> Result<Self, Self::Error> {
        let q = raw.q.unwrap_or_default().trim().to_string();
        if q.chars().count() > MAX_QUERY_CHARS {
            return Err(QueryError {
                parameter: "q",
                message: QUERY_TOO_LONG,
            });
        }
        let level = match non_empty(raw.level) {
            None => None,
            Some(text) => Some(Level::parse(&text).ok_or(QueryError {
                parameter: "level",
                message: LEVEL_UNKNOWN,
            })?),
        };
        Ok(ProcedureQuery {
            q,
            field: non_empty(raw.field),
            agency: non_empty(raw.agency),
            level,
            page: parse_bounded(raw.page, "page", MAX_PAGE, 1, PAGE_OUT_OF_RANGE)?,
            limit: parse_bounded(
                raw.limit,
                "limit",
                MAX_LIMIT,
                DEFAULT_LIMIT,
                LIMIT_OUT_OF_RANGE,
            )?,
        })
    }
}

impl ProcedureQuery {
    /// Index of the first item of the page (a hand-built page 0 reads as page 1).
    pub fn offset(&self) -> usize {
        self.page.saturating_sub(1) as usize * self.limit as usize
    }

    /// The query as URL parameters (without `?`), leaving out defaults; values are percent-encoded.
    pub fn to_query_string(&self) -> String {
        let mut pairs: Vec<(&str, String)> = Vec::new();
        if !self.q.is_empty() {
            pairs.push(("q", self.q.clone()));
        }
        if let Some(field) = &self.field {
            pairs.push(("field", field.clone()));
        }
        if let Some(agency) = &self.agency {
            pairs.push(("agency", agency.clone()));
        }
        if let Some(level) = self.level {
            pairs.push(("level", level.as_str().to_string()));
        }
        if self.page != 1 {
            pairs.push(("page", self.page.to_string()));
        }
        if self.limit != DEFAULT_LIMIT {
            pairs.push(("limit", self.limit.to_string()));
        }
        pairs
            .into_iter()
            .map(|(key, value)| format!("{key}={}", percent_encode(&value)))
            .collect::<Vec<_>>()
            .join("&")
    }
}

fn non_empty(value: Option<String>) -> Option<String> {
    value
        .map(|text| text.trim().to_string())
        .filter(|text| !text.is_empty())
}

/// A number from 1 to `max`, `default` when not given; `message` tells the range.
fn parse_bounded(
    value: Option<String>,
    parameter: &'static str,
    max: u32,
    default: u32,
    message: Message,
) -> Result<u32, QueryError> {
    let Some(text) = non_empty(value) else {
        return Ok(default);
    };
    match text.parse::<u32>() {
        Ok(number) if (1..=max).contains(&number) => Ok(number),
        _ => Err(QueryError { parameter, message }),
    }
}

/// Percent-encodes everything but RFC 3986 unreserved characters.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'_' | b'.' | b'~') {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_tell_the_limits_they_check() {
        assert!(QUERY_TOO_LONG.vi.contains(&MAX_QUERY_CHARS.to_string()));
        assert!(PAGE_OUT_OF_RANGE.vi.ends_with(&format!(" {MAX_PAGE}.")));
        assert!(LIMIT_OUT_OF_RANGE.vi.ends_with(&format!(" {MAX_LIMIT}.")));
    }

    fn raw(pairs: &[(&str, &str)]) -> RawProcedureQuery {
        let mut raw = RawProcedureQuery::default();
        for (key, value) in pairs {
            let value = Some(value.to_string());
            match *key {
                "q" => raw.q = value,
                "field" => raw.field = value,
                "agency" => raw.agency = value,
                "level" => raw.level = value,
                "page" => raw.page = value,
                "limit" => raw.limit = value,
                _ => unreachable!(),
            }
        }
        raw
    }

    #[test]
    fn defaults_when_nothing_given() {
        let query = ProcedureQuery::try_from(RawProcedureQuery::default()).unwrap();
        assert_eq!(query, ProcedureQuery::default());
        assert_eq!(query.offset(), 0);
    }

    #[test]
    fn parses_every_parameter() {
        let query = ProcedureQuery::try_from(raw(&[
            ("q", "  khai sinh "),
            ("field", "Hộ tịch"),
            ("level", "commune"),
            ("page", "3"),
            ("limit", "10"),
        ]))
        .unwrap();
        assert_eq!(query.q, "khai sinh");
        assert_eq!(query.field.as_deref(), Some("Hộ tịch"));
        assert_eq!(query.level, Some(Level::Commune));
        assert_eq!(query.offset(), 20);
        let page_zero = ProcedureQuery { page: 0, ..query };
        assert_eq!(page_zero.offset(), 0);
    }

    #[test]
    fn names_the_bad_parameter() {
        for (key, value) in [
            ("page", "0"),
            ("page", "abc"),
            ("page", "10001"),
            ("limit", "0"),
            ("limit", "101"),
            ("limit", "-5"),
            ("level", "district"),
        ] {
            let error = ProcedureQuery::try_from(raw(&[(key, value)])).unwrap_err();
            assert_eq!(error.parameter, key, "{key}={value}");
        }
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        let error = ProcedureQuery::try_from(raw(&[("q", &long)])).unwrap_err();
        assert_eq!(error.parameter, "q");
    }

    #[test]
    fn query_string_round_trip_encodes_vietnamese() {
        let query = ProcedureQuery {
            q: "đăng ký & kết hôn".into(),
            level: Some(Level::Province),
            page: 2,
            ..ProcedureQuery::default()
        };
        assert_eq!(
            query.to_query_string(),
            "q=%C4%91%C4%83ng%20k%C3%BD%20%26%20k%E1%BA%BFt%20h%C3%B4n&level=province&page=2"
        );
    }
}
