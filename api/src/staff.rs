//! Counter staff (cán bộ một cửa): roles and what each may do, sign-in, and the inbox and dossier
//! view of the staff workspace.

use serde::{Deserialize, Serialize};

use crate::applicant::Message;
use crate::date::{self, Date};
use crate::dossier::{DeliveryMethod, DossierCode, DossierStatus};
use crate::tracking::{Deadline, TimelineEntry};
use crate::workflow::ActionKind;

/// The shortest password; long passphrases are welcome up to [`MAX_PASSWORD_CHARS`].
pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 256;
/// Dossiers on one page of the inbox.
pub const INBOX_PAGE_SIZE: u32 = 20;
/// Wrong credentials: the same answer for an unknown user and a wrong password.
pub const BAD_CREDENTIALS: &str = "Tên đăng nhập hoặc mật khẩu không đúng.";
/// No session, or one that ended.
pub const SIGN_IN_NEEDED: &str =
    "Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Hãy đăng nhập lại.";
/// A role that may not do what was asked.
pub const FORBIDDEN: &str = "Tài khoản của bạn không có quyền thực hiện thao tác này.";

/// What an officer does in the centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Tiếp nhận: receives, refuses, asks for supplements, returns results, files at the counter.
    Reception,
    /// Xử lý: processes and decides.
    Processing,
    /// Lãnh đạo: may do everything on a dossier, and reads the audit log.
    Leader,
    /// Quản trị: manages accounts; reads no citizen's data.
    Admin,
}

/// One thing an officer may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    ViewDossiers,
    Receive,
    Refuse,
    RequestSupplement,
    StartProcessing,
    Finish,
    Return,
    WriteApology,
    FileAtCounter,
    ViewAudit,
    ManageAccounts,
}

impl StaffRole {
    pub const ALL: [StaffRole; 4] = [
        StaffRole::Reception,
        StaffRole::Processing,
        StaffRole::Leader,
        StaffRole::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Reception => "reception",
            StaffRole::Processing => "processing",
            StaffRole::Leader => "leader",
            StaffRole::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<StaffRole> {
        StaffRole::ALL
            .into_iter()
            .find(|role| role.as_str() == text)
    }

    /// Everything this role may do.
    pub fn permissions(self) -> &'static [Permission] {
        use Permission::*;
        match self {
            StaffRole::Reception => &[
                ViewDossiers,
                Receive,
                Refuse,
                RequestSupplement,
                Return,
                FileAtCounter,
            ],
            StaffRole::Processing => &[
                ViewDossiers,
                Refuse,
                RequestSupplement,
                StartProcessing,
                Finish,
                WriteApology,
            ],
            StaffRole::Leader => &[
                ViewDossiers,
                Receive,
                Refuse,
                RequestSupplement,
                StartProcessing,
                Finish,
                Return,
                WriteApology,
                FileAtCounter,
                ViewAudit,
            ],
            StaffRole::Admin => &[ManageAccounts],
        }
    }

    pub fn may(self, permission: Permission) -> bool {
        self.permissions().contains(&permission)
    }
}

/// 3 to 32 of `a-z 0-9 . _ -`, starting with a letter.
pub fn check_username(text: &str) -> Result<(), Message> {
    let ok = (3..=32).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    ok.then_some(())
        .ok_or("Tên đăng nhập gồm 3 đến 32 ký tự a-z, 0-9, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu bằng chữ.")
}

pub fn check_password(text: &str) -> Result<(), Message> {
    let length = text.chars().count();
    if length < MIN_PASSWORD_CHARS {
        Err("Mật khẩu cần ít nhất 8 ký tự.")
    } else if length > MAX_PASSWORD_CHARS {
        Err("Mật khẩu không được dài quá 256 ký tự.")
    } else {
        Ok(())
    }
}

/// A reception unit, the first part of its dossiers' codes: 1 to 10 of `A-Z 0-9`.
pub fn check_unit(text: &str) -> Result<(), Message> {
    let ok = (1..=10).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    ok.then_some(())
        .ok_or("Mã đơn vị gồm 1 đến 10 chữ in hoa hoặc chữ số, ví dụ XA.")
}

/// `POST /api/staff/login`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LoginInput {
    pub username: String,
    pub password: String,
}

/// `GET /api/staff/me` and the answer to a login: who is signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMe {
    pub username: String,
    pub role: StaffRole,
    pub unit: String,
}

/// `POST /api/staff/accounts` (admin): a new account of the admin's unit or another.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewStaffInput {
    pub username: String,
    pub password: String,
    /// One of [`StaffRole::as_str`].
    pub role: String,
    pub unit: String,
}

/// A tab of the inbox: dossiers by where they are.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
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
#[serde(default)]
pub struct RawInboxQuery {
    pub tab: Option<String>,
    pub procedure: Option<String>,
    pub field: Option<String>,
    /// Filed on or after, `yyyy-mm-dd` or `dd/mm/yyyy`.
    pub from: Option<String>,
    /// Filed on or before.
    pub to: Option<String>,
    /// A dossier code, or part of the applicant's name.
    pub q: Option<String>,
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
                        .ok_or((name, "Ngày có dạng ngày/tháng/năm, ví dụ 01/12/2026."))
                })
                .transpose()
        };
        let tab = match given(raw.tab) {
            None => InboxTab::default(),
            Some(text) => InboxTab::parse(&text).ok_or(("tab", "Không có thẻ hồ sơ này."))?,
        };
        let page = match given(raw.page) {
            None => 1,
            Some(text) => text
                .parse::<u32>()
                .ok()
                .filter(|page| (1..=100_000).contains(page))
                .ok_or(("page", "Số trang là số nguyên từ 1."))?,
        };
        let from = day("from", raw.from)?;
        let to = day("to", raw.to)?;
        if let (Some(from), Some(to)) = (from, to)
            && from > to
        {
            return Err(("to", "Ngày kết thúc phải sau ngày bắt đầu."));
        }
        let q = given(raw.q);
        if q.as_ref().is_some_and(|q| q.chars().count() > 100) {
            return Err(("q", "Từ khóa tìm kiếm không quá 100 ký tự."));
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
pub struct TabCount {
    pub tab: InboxTab,
    pub count: u64,
}

/// `GET /api/staff/dossiers`: one page of a tab, and the count of every tab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InboxPage {
    pub items: Vec<InboxItem>,
    /// Dossiers in the tab under the filters, over all pages.
    pub total: u64,
    pub page: u32,
    pub page_size: u32,
    pub counts: Vec<TabCount>,
}

/// Where a dossier came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// Nộp trực tuyến by the citizen.
    #[default]
    Online,
    /// Filed at the counter by reception staff, from the paper the citizen brought.
    Counter,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Online => "online",
            Channel::Counter => "counter",
        }
    }

    pub fn parse(text: &str) -> Option<Channel> {
        [Channel::Online, Channel::Counter]
            .into_iter()
            .find(|channel| channel.as_str() == text)
    }
}

/// The applicant as the officer sees them: in full, and each read is written to the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApplicantView {
    pub full_name: String,
    pub citizen_id: String,
    #[serde(with = "date::iso")]
    pub date_of_birth: Date,
    pub phone: String,
    pub email: Option<String>,
    /// One line: street, commune, province.
    pub address: String,
    /// Filing on behalf of someone: `{name} ({relationship})`.
    pub represented: Option<String>,
}

/// One answer to a procedure's question, as asked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnswerView {
    pub question: String,
    pub answer: String,
}

/// A file attached to a dossier, previewed at `/api/staff/dossiers/{code}/files/{id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFile {
    pub id: String,
    pub name: String,
    pub size: u64,
    pub content_type: String,
}

/// One line of the required-document checklist: what the procedure asks, what came, and whether
/// an officer has checked it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentCheck {
    /// The document's index in the procedure (`documents.{index}`).
    pub index: usize,
    pub name: String,
    pub required: bool,
    pub files: Vec<StaffFile>,
    pub checked: bool,
}

/// The result of a finished dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DossierResult {
    pub note: String,
    pub file: Option<StaffFile>,
}

/// `GET /api/staff/dossiers/{code}`: everything an officer needs to decide.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffDossierView {
    pub code: DossierCode,
    /// Sent back with every action: a stale version is refused (another officer acted first).
    pub version: i64,
    pub status: DossierStatus,
    pub channel: Channel,
    pub unit: String,
    pub procedure_code: String,
    pub procedure_name: String,
    pub agency: String,
    pub applicant: ApplicantView,
    pub answers: Vec<AnswerView>,
    pub documents: Vec<DocumentCheck>,
    pub delivery: DeliveryMethod,
    pub submitted_at: i64,
    #[serde(with = "date::iso")]
    pub received_on: Date,
    #[serde(with = "date::iso_option")]
    pub promised_date: Option<Date>,
    pub deadline: Deadline,
    /// Oldest first.
    pub timeline: Vec<TimelineEntry>,
    pub result: Option<DossierResult>,
    /// What this officer can do now.
    pub allowed_actions: Vec<ActionKind>,
    /// Whether an apology letter is owed and not yet written.
    pub apology_due: bool,
}

/// `POST /api/staff/dossiers/{code}/checks`: ticks or unticks one document of the checklist.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentCheckInput {
    pub index: usize,
    pub checked: bool,
}

/// `POST /api/staff/dossiers/{code}/actions`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ActionInput {
    /// [`StaffDossierView::version`] as the officer saw it.
    pub version: i64,
    pub action: crate::workflow::StaffAction,
}

/// One line of a dossier's audit log (`GET /api/staff/dossiers/{code}/audit`, leaders only).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: i64,
    pub username: String,
    pub role: StaffRole,
    /// `view`, `receive`, `refuse`, `check_document`, `write_apology`, ...
    pub action: String,
    /// What changed, never a citizen ID in full.
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_admins_read_no_dossier() {
        for role in StaffRole::ALL {
            assert_eq!(StaffRole::parse(role.as_str()), Some(role));
        }
        assert!(!StaffRole::Admin.may(Permission::ViewDossiers));
        assert!(StaffRole::Leader.may(Permission::ViewAudit));
        assert!(!StaffRole::Reception.may(Permission::ViewAudit));
    }

    #[test]
    fn usernames_passwords_and_units_are_checked() {
        assert!(check_username("tiepnhan.01").is_ok());
        assert!(check_username("Ab").is_err());
        assert!(check_username("1abc").is_err());
        assert!(check_password("1234567").is_err());
        assert!(check_password("một câu mật khẩu rất dài vẫn được").is_ok());
        assert!(check_unit("XA").is_ok());
        assert!(check_unit("xa").is_err());
    }

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
