//! The dossier (hồ sơ) once filed: its code, status, receipt and attached files.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::{self, Date};
use crate::message::{Message, messages};
use crate::{Level, Procedure};

messages! {
    BAD_CODE = "Mã hồ sơ có dạng ĐƠNVỊ-NĂMTHÁNGNGÀY-SỐ, ví dụ XA-261122-0007.",
        "A dossier code looks like UNIT-YYMMDD-NUMBER, for example XA-261122-0007.";
}

/// Largest attachment accepted by default; the server may be configured otherwise.
pub const DEFAULT_MAX_UPLOAD_BYTES: u64 = 10 * 1024 * 1024;
/// Files one required document may have (e.g. the pages of a booklet photographed one by one).
pub const MAX_FILES_PER_DOCUMENT: usize = 10;
/// Files one dossier may have in all.
pub const MAX_FILES_PER_DOSSIER: usize = 40;
/// The file types a citizen may attach, decided from the file's content, never its name.
pub const ACCEPTED_CONTENT_TYPES: [&str; 3] = ["application/pdf", "image/jpeg", "image/png"];
/// [`ACCEPTED_CONTENT_TYPES`] as the `accept` attribute of a file input.
pub const ACCEPT_ATTRIBUTE: &str = "application/pdf,image/jpeg,image/png";

/// `POST /api/uploads` answer: a file stored and waiting to be attached to a dossier.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UploadedFile {
    pub id: String,
    /// The name the citizen's device gave, cleaned; shown back to them, never used on disk.
    pub name: String,
    pub size: u64,
    pub content_type: String,
    pub sha256: String,
}

/// Mã hồ sơ: `{unit}-{yyMMdd}-{NNNN}`, e.g. `XA-261122-0007`, numbered per unit per day.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct DossierCode(String);

impl DossierCode {
    /// The `sequence`-th dossier received by `unit` on `day` (sequence counts from 1).
    pub fn new(unit: &str, day: Date, sequence: u32) -> DossierCode {
        DossierCode(format!(
            "{unit}-{:02}{:02}{:02}-{sequence:04}",
            day.year() % 100,
            u8::from(day.month()),
            day.day()
        ))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<&str> for DossierCode {
    type Error = Message;

    fn try_from(text: &str) -> Result<Self, Self::Error> {
        let code = text.trim().to_uppercase();
        let mut parts = code.split('-');
        let (Some(unit), Some(day), Some(sequence), None) =
            (parts.next(), parts.next(), parts.next(), parts.next())
        else {
            return Err(BAD_CODE);
        };
        let unit_ok = (1..=10).contains(&unit.len())
            && unit
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
        let day_ok = day.len() == 6
            && day.chars().all(|c| c.is_ascii_digit())
            && date::parse_iso(&format!("20{}-{}-{}", &day[..2], &day[2..4], &day[4..])).is_some();
        let sequence_ok = (4..=9).contains(&sequence.len())
            && sequence.chars().all(|c| c.is_ascii_digit())
            && !sequence.trim_start_matches('0').is_empty();
        if unit_ok && day_ok && sequence_ok {
            Ok(DossierCode(code))
        } else {
            Err(BAD_CODE)
        }
    }
}

impl TryFrom<String> for DossierCode {
    type Error = Message;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        DossierCode::try_from(text.as_str())
    }
}

impl From<DossierCode> for String {
    fn from(code: DossierCode) -> String {
        code.0
    }
}

impl fmt::Display for DossierCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The reception unit of a procedure, by the level that decides it: the first part of the code.
pub fn receiving_unit(procedure: &Procedure) -> &'static str {
    match procedure.levels.first() {
        Some(Level::Commune) => "XA",
        Some(Level::Province) => "TINH",
        Some(Level::Central) => "TW",
        Some(Level::Other) | None => "CQK",
    }
}

/// Where a dossier is in its life.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DossierStatus {
    /// Nộp trực tuyến, chờ tiếp nhận.
    Submitted,
    /// Đã tiếp nhận.
    Received,
    /// Từ chối tiếp nhận.
    Refused,
    /// Đang xử lý.
    Processing,
    /// Chờ công dân bổ sung.
    NeedsSupplement,
    /// Đã có kết quả.
    Done,
    /// Đã trả kết quả.
    Returned,
    /// Công dân rút hồ sơ.
    Withdrawn,
}

impl DossierStatus {
    pub const ALL: [DossierStatus; 8] = [
        DossierStatus::Submitted,
        DossierStatus::Received,
        DossierStatus::Refused,
        DossierStatus::Processing,
        DossierStatus::NeedsSupplement,
        DossierStatus::Done,
        DossierStatus::Returned,
        DossierStatus::Withdrawn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DossierStatus::Submitted => "submitted",
            DossierStatus::Received => "received",
            DossierStatus::Refused => "refused",
            DossierStatus::Processing => "processing",
            DossierStatus::NeedsSupplement => "needs_supplement",
            DossierStatus::Done => "done",
            DossierStatus::Returned => "returned",
            DossierStatus::Withdrawn => "withdrawn",
        }
    }

    pub fn parse(text: &str) -> Option<DossierStatus> {
        DossierStatus::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
    }
}

/// How the citizen wants the result back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DeliveryMethod {
    /// Nhận tại nơi nộp (bộ phận một cửa).
    Counter,
    /// Gửi qua bưu chính về địa chỉ.
    Post,
    /// Nhận bản điện tử trực tuyến.
    Online,
}

impl DeliveryMethod {
    pub const ALL: [DeliveryMethod; 3] = [
        DeliveryMethod::Counter,
        DeliveryMethod::Post,
        DeliveryMethod::Online,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            DeliveryMethod::Counter => "counter",
            DeliveryMethod::Post => "post",
            DeliveryMethod::Online => "online",
        }
    }

    pub fn parse(text: &str) -> Option<DeliveryMethod> {
        DeliveryMethod::ALL
            .into_iter()
            .find(|method| method.as_str() == text)
    }

    /// The ways this procedure can return its result: online only when it is fully online.
    pub fn offered_for(procedure: &Procedure) -> Vec<DeliveryMethod> {
        DeliveryMethod::ALL
            .into_iter()
            .filter(|method| {
                *method != DeliveryMethod::Online
                    || procedure.online_level == crate::OnlineLevel::Full
            })
            .collect()
    }
}

/// A file as the receipt lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceivedFile {
    pub name: String,
    pub size: u64,
}

/// One required document and the files received for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceivedDocument {
    pub name: String,
    pub files: Vec<ReceivedFile>,
}

/// `POST /api/dossiers` and `GET /api/dossiers/{code}/receipt` answer: the phiếu tiếp nhận và hẹn
/// trả kết quả.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierReceipt {
    pub code: DossierCode,
    pub status: DossierStatus,
    pub procedure_code: String,
    pub procedure_name: String,
    pub agency: String,
    pub applicant_name: String,
    /// Only the last digits: the receipt may be printed and left lying around.
    pub phone_masked: String,
    /// Unix seconds.
    pub submitted_at: i64,
    #[serde(with = "date::iso")]
    pub received_on: Date,
    /// `None` when the catalog gives no processing time that can be computed with.
    #[serde(with = "date::iso_option")]
    pub promised_date: Option<Date>,
    /// The processing time as published, e.g. `03 ngày làm việc`.
    pub processing_time: String,
    pub documents: Vec<ReceivedDocument>,
    pub delivery: DeliveryMethod,
    /// Secret of the tracking link in the QR code; whoever holds the receipt may follow it.
    pub tracking_token: String,
}

/// `090****678`.
pub fn mask_phone(phone: &str) -> String {
    let chars: Vec<char> = phone.chars().collect();
    if chars.len() < 7 {
        return "*".repeat(chars.len());
    }
    let head: String = chars[..3].iter().collect();
    let tail: String = chars[chars.len() - 3..].iter().collect();
    format!("{head}{}{tail}", "*".repeat(chars.len() - 6))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::date::test_date as day;

    #[test]
    fn codes_read_unit_day_and_sequence() {
        let code = DossierCode::new("XA", day(2026, 11, 22), 7);
        assert_eq!(code.as_str(), "XA-261122-0007");
        assert_eq!(
            DossierCode::new("TINH", day(2027, 1, 5), 12345).as_str(),
            "TINH-270105-12345"
        );
        assert_eq!(DossierCode::try_from(" xa-261122-0007 "), Ok(code));
    }

    #[test]
    fn malformed_codes_are_refused() {
        for bad in [
            "",
            "XA",
            "XA-261122",
            "XA-261122-7",
            "XA-261322-0007",
            "XA-260230-0007",
            "XA-261122-0000",
            "X A-261122-0007",
            "XA-261122-0007-1",
            "ĐƠNVỊ-261122-0007",
        ] {
            assert!(DossierCode::try_from(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn file_inputs_accept_what_the_server_takes() {
        assert_eq!(ACCEPT_ATTRIBUTE, ACCEPTED_CONTENT_TYPES.join(","));
    }

    #[test]
    fn phones_are_masked_on_receipts() {
        assert_eq!(mask_phone("0912345678"), "091****678");
        assert_eq!(mask_phone("123"), "***");
    }

    #[test]
    fn statuses_and_delivery_methods_round_trip() {
        for status in DossierStatus::ALL {
            assert_eq!(DossierStatus::parse(status.as_str()), Some(status));
        }
        for method in DeliveryMethod::ALL {
            assert_eq!(DeliveryMethod::parse(method.as_str()), Some(method));
        }
    }
}
