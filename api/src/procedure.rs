//! The administrative procedure (thủ tục hành chính) as the catalog holds it.

use serde::{Deserialize, Serialize};

/// One procedure: what to bring, how long it takes, what it costs, how to file it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Procedure {
    /// Mã thủ tục, e.g. `1.001193`.
    pub code: String,
    pub name: String,
    /// Lĩnh vực, e.g. `Hộ tịch`.
    pub field: String,
    /// Cơ quan thực hiện: the agency that receives and decides.
    pub agency: String,
    /// Cấp thực hiện: one procedure may be done at several levels.
    pub levels: Vec<Level>,
    /// Đối tượng thực hiện: who may file it.
    #[serde(default)]
    pub applicants: String,
    /// Cách thức thực hiện: counter, online, post, each with its time and fee.
    pub channels: Vec<Channel>,
    /// Trình tự thực hiện.
    #[serde(default)]
    pub steps: Vec<String>,
    /// Thành phần hồ sơ.
    #[serde(default)]
    pub documents: Vec<RequiredDocument>,
    /// Yêu cầu, điều kiện.
    #[serde(default)]
    pub conditions: Vec<String>,
    /// Kết quả: what the citizen receives.
    #[serde(default)]
    pub result: String,
    /// Căn cứ pháp lý.
    #[serde(default)]
    pub legal_basis: Vec<LegalDocument>,
    pub online_level: OnlineLevel,
    /// The questions of the online form; `None` means the generic form (applicant + documents).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form: Option<FormDefinition>,
    /// Source text kept as published where it could not be parsed, keyed by source field name.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub raw: Vec<RawText>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Level {
    /// Cấp bộ / trung ương.
    Central,
    /// Cấp tỉnh.
    Province,
    /// Cấp xã.
    Commune,
    /// Cơ quan khác.
    Other,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Central,
        Level::Province,
        Level::Commune,
        Level::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Central => "central",
            Level::Province => "province",
            Level::Commune => "commune",
            Level::Other => "other",
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        Level::ALL.into_iter().find(|level| level.as_str() == text)
    }
}

/// Mức độ dịch vụ công trực tuyến.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OnlineLevel {
    /// Toàn trình: filed, paid and returned online.
    Full,
    /// Một phần: filed online, some step at a counter.
    Partial,
    /// Not offered online.
    None,
}

impl OnlineLevel {
    pub const ALL: [OnlineLevel; 3] = [OnlineLevel::Full, OnlineLevel::Partial, OnlineLevel::None];

    pub fn as_str(self) -> &'static str {
        match self {
            OnlineLevel::Full => "full",
            OnlineLevel::Partial => "partial",
            OnlineLevel::None => "none",
        }
    }

    pub fn parse(text: &str) -> Option<OnlineLevel> {
        OnlineLevel::ALL
            .into_iter()
            .find(|level| level.as_str() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// Trực tiếp: at a counter.
    Counter,
    /// Trực tuyến.
    Online,
    /// Dịch vụ bưu chính.
    Post,
}

/// One way of filing, with its own processing time and fee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Channel {
    pub kind: ChannelKind,
    /// Parsed processing time; `None` when the text gives none that can be computed with.
    #[serde(default)]
    pub time: Option<ProcessingTime>,
    /// The time as published, e.g. `03 Ngày làm việc`.
    #[serde(default)]
    pub time_text: String,
    /// Fee in đồng when the text states one amount in VND (0 when free).
    #[serde(default)]
    pub fee_vnd: Option<u64>,
    /// The fee as published, e.g. `Lệ phí: 8.000 đồng`.
    #[serde(default)]
    pub fee_text: String,
    #[serde(default)]
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcessingTime {
    pub amount: f32,
    pub unit: TimeUnit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    WorkingDays,
    /// Calendar days.
    Days,
    WorkingHours,
    Months,
}

/// One document of the dossier (thành phần hồ sơ).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequiredDocument {
    pub name: String,
    /// Name of the template form (mẫu đơn, tờ khai), e.g. `Tờ khai đăng ký khai sinh`.
    #[serde(default)]
    pub template: Option<String>,
    /// Bản chính.
    #[serde(default)]
    pub originals: u32,
    /// Bản sao.
    #[serde(default)]
    pub copies: u32,
    pub mandatory: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LegalDocument {
    pub title: String,
    /// Số hiệu, e.g. `123/2015/NĐ-CP`.
    #[serde(default)]
    pub number: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RawText {
    pub field: String,
    pub text: String,
}

/// The questions a citizen answers for this procedure, as data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FormDefinition {
    pub questions: Vec<Question>,
}

/// One question; the filing wizard shows one per page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Question {
    /// Stable key of the answer, e.g. `child_name`.
    pub id: String,
    pub label: String,
    #[serde(flatten)]
    pub kind: QuestionKind,
    #[serde(default)]
    pub help: Option<String>,
    /// Shown under the field: `Ví dụ: ...`.
    #[serde(default)]
    pub example: Option<String>,
    pub required: bool,
    /// Ask only when another answer has a given value.
    #[serde(default)]
    pub show_if: Option<Condition>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum QuestionKind {
    Text,
    Date,
    Number,
    CitizenId,
    Phone,
    Email,
    Address,
    Choice { options: Vec<String> },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Condition {
    pub question: String,
    pub equals: String,
}

/// A procedure as a search result or list row.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcedureSummary {
    pub code: String,
    pub name: String,
    pub field: String,
    pub agency: String,
    pub levels: Vec<Level>,
    pub online_level: OnlineLevel,
}

impl From<&Procedure> for ProcedureSummary {
    fn from(procedure: &Procedure) -> Self {
        ProcedureSummary {
            code: procedure.code.clone(),
            name: procedure.name.clone(),
            field: procedure.field.clone(),
            agency: procedure.agency.clone(),
            levels: procedure.levels.clone(),
            online_level: procedure.online_level,
        }
    }
}

/// `GET /api/procedures` answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProcedurePage {
    pub total: u64,
    pub items: Vec<ProcedureSummary>,
}

/// One value of a filter (`GET /api/fields`, `GET /api/agencies`) with how many procedures have it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FacetCount {
    pub name: String,
    pub count: u64,
}
