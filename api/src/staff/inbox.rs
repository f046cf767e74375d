//! The staff inbox: dossiers by tab, filtered, one page at a time.

use serde::{Deserialize, Serialize};

use super::view::Channel;
use crate::date::{self, Date};
use crate::dossier::{DossierCode, DossierStatus};
use crate::message::{Message, messages};
use crate::tracking::Deadline;

messages! {
    TAB_UNKNOWN = "Không có thẻ hồ sơ này.",
        "There is no such dossier tab.";
    PAGE_NOT_NUMBER = "Số trang là số nguyên từ 1.",
        "The page number must be a whole number from 1 up.";
    TO_BEFORE_FROM = "Ngày kết thúc phải sau ngày bắt đầu.",
        "The end date must be after the start date.";
    SEARCH_TOO_LONG = "Từ khóa tìm kiếm không quá 100 ký tự.",
        "The search words must be 100 characters or fewer.";
}

/// Dossiers on one page of the inbox.
pub const INBOX_PAGE_SIZE: u32 = 20;

/// A tab of the inbox: dossiers by where they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum InboxTab {
    /// Nộp trực tuyến, chờ tiếp nhận.
    #[default]
    New,
    Received,
    Processing,
    NeedsSupplement,
    /// Có kết quả or đã trả.
    Done,
    /// Từ chối or rút.
    Closed,
    /// Not finished, not waiting for the citizen, and past the promised date.
    Overdue,
}

impl InboxTab {
    pub const ALL: [InboxTab; 7] = [
        InboxTab::New,
        InboxTab::Received,
        InboxTab::Processing,
        InboxTab::NeedsSupplement,
        InboxTab::Done,
        InboxTab::Closed,
        InboxTab::Overdue,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InboxTab::New => "new",
            InboxTab::Received => "received",
            InboxTab::Processing => "processing",
            InboxTab::NeedsSupplement => "needs_supplement",
            InboxTab::Done => "done",
            InboxTab::Closed => "closed",
            InboxTab::Overdue => "overdue",
        }
    }

    pub fn parse(text: &str) -> Option<InboxTab> {
        InboxTab::ALL.into_iter().find(|tab| tab.as_str() == text)
    }

    /// The statuses the tab lists; the overdue tab lists the unfinished ones past their date.
    pub fn statuses(self) -> &'static [DossierStatus] {
        use DossierStatus::*;
        match self {
            InboxTab::New => &[Submitted],
            InboxTab::Received => &[Received],
            InboxTab::Processing => &[Processing],
            InboxTab::NeedsSupplement => &[NeedsSupplement],
            InboxTab::Done => &[Done, Returned],
            InboxTab::Closed => &[Refused, Withdrawn],
            InboxTab::Overdue => &[Submitted, Received, Processing],
        }
    }
}

/// `GET /api/staff/dossiers` as sent: every parameter optional text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams), into_params(parameter_in = Query))]
#[serde(default)]
pub struct RawInboxQuery {
    // The OpenAPI document gives the values the checked query takes.
    #[cfg_attr(feature = "openapi", param(value_type = Option<InboxTab>))]
    pub tab: Option<String>,
    pub procedure: Option<String>,
    pub field: Option<String>,
    /// Filed on or after, `yyyy-mm-dd` or `dd/mm/yyyy`.
    pub from: Option<String>,
    /// Filed on or before.
    pub to: Option<String>,
    /// A dossier code, or part of the applicant's name.
    #[cfg_attr(feature = "openapi", param(max_length = 100))]
    pub q: Option<String>,
    #[cfg_attr(feature = "openapi", param(value_type = Option<u32>, minimum = 1, maximum = 100_000))]
    pub page: Option<String>,
}

/// The inbox query once checked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxQuery {
    pub tab: InboxTab,
    pub procedure: Option<String>,
    pub field: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub q: Option<String>,
    /// From 1.
    pub page: u32,
}

impl TryFrom<RawInboxQuery> for InboxQuery {
    /// The bad parameter and its message.
    type Error = (&'static str, Message);

    fn try_from(raw: RawInboxQuery) -> Result<Self, Self::Error> {
        let given = |value: Option<String>| {
            value
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty())
        };
        let day = |name: &'static str, value: Option<String>| {
            given(value)
                .map(|text| {
                    date::parse_iso(&text)
                        .or_else(|| date::parse_vietnamese(&text).ok())
                        .ok_or((name, date::PERIOD_DATE_FORMAT))
                })
                .transpose()
        };
        let tab = match given(raw.tab) {
            None => InboxTab::default(),
            Some(text) => InboxTab::parse(&text).ok_or(("tab", TAB_UNKNOWN))?,
        };
        let page = match given(raw.page) {
            None => 1,
            Some(text) => text
                .parse::<u32>()
                .ok()
                .filter(|page| (1..=100_000).contains(page))
                .ok_or(("page", PAGE_NOT_NUMBER))?,
        };
        let from = day("from", raw.from)?;
        let to = day("to", raw.to)?;
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(("to", TO_BEFORE_FROM));
        }
        let q = given(raw.q);
        if q.as_ref().is_some_and(|q| q.chars().count() > 100) {
            return Err(("q", SEARCH_TOO_LONG));
        }
        Ok(InboxQuery {
            tab,
            procedure: given(raw.procedure),
            field: given(raw.field),
            from,
            to,
            q,
            page,
        })
    }
}

/// One line of the inbox.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxItem {
    pub code: DossierCode,
    pub procedure_code: String,
    pub procedure_name: String,
    pub applicant_name: String,
    pub status: DossierStatus,
    pub channel: Channel,
    /// Unix seconds.
    pub submitted_at: i64,
    #[serde(with = "date::iso_option")]
    pub promised_date: Option<Date>,
    pub deadline: Deadline,
}

/// How many dossiers a tab holds under the current filters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TabCount {
    pub tab: InboxTab,
    pub count: u64,
}

/// `GET /api/staff/dossiers`: one page of a tab, and the count of every tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InboxPage {
    pub items: Vec<InboxItem>,
    /// Dossiers in the tab under the filters, over all pages.
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
    pub counts: Vec<TabCount>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inbox_queries_name_their_bad_parameter() {
        let query = InboxQuery::try_from(RawInboxQuery {
            tab: Some("overdue".into()),
            from: Some("01/11/2026".into()),
            to: Some("2026-11-30".into()),
            page: Some("2".into()),
            ..RawInboxQuery::default()
        })
        .expect("valid");
        assert_eq!(query.tab, InboxTab::Overdue);
        assert_eq!(query.page, 2);
        let bad = |raw: RawInboxQuery| InboxQuery::try_from(raw).unwrap_err().0;
        assert_eq!(
            bad(RawInboxQuery {
                tab: Some("x".into()),
                ..RawInboxQuery::default()
            }),
            "tab"
        );
        assert_eq!(
            bad(RawInboxQuery {
                page: Some("0".into()),
                ..RawInboxQuery::default()
            }),
            "page"
        );
        assert_eq!(
            bad(RawInboxQuery {
                from: Some("2026-12-02".into()),
                to: Some("2026-12-01".into()),
                ..RawInboxQuery::default()
            }),
            "to"
        );
    }
}
