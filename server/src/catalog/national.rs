//! Parser of the national procedure catalog as published: JSON Lines, one procedure per line,
//! with the table-like fields flattened into text (`Hình thức nộpThời gian...Trực tiếp5 Ngày
//! làm việcMiễn phí...`). Whatever cannot be parsed is kept as published in `raw`.

mod channels;
mod documents;
mod text;

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use motcua_api::{ChannelKind, Level, OnlineLevel, Procedure, RawText};
use serde::Deserialize;

/// One parsed line: the procedure and the source fields kept raw because they could not be parsed.
#[derive(Debug)]
pub struct ParsedProcedure {
    pub procedure: Procedure,
    pub unparsed_fields: Vec<&'static str>,
}

/// Why a line could not become a procedure at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The source fields we use; the others are ignored.
#[derive(Deserialize)]
struct SourceRecord {
    #[serde(default)]
    ma_thu_tuc: String,
    #[serde(default)]
    ten_thu_tuc: String,
    #[serde(default)]
    linh_vuc: String,
    #[serde(default)]
    cap_thuc_hien: String,
    #[serde(default)]
    co_quan_co_tham_quyen: String,
    #[serde(default)]
    co_quan_thuc_hien: String,
    #[serde(default)]
    doi_tuong_thuc_hien: String,
    #[serde(default)]
    trinh_tu_thuc_hien: String,
    #[serde(default)]
    cach_thuc_thuc_hien: String,
    #[serde(default)]
    thanh_phan_ho_so: String,
    #[serde(default)]
    can_cu_phap_ly: String,
    #[serde(default)]
    yeu_cau_dieu_kien: String,
    #[serde(default)]
    ket_qua_xu_ly: String,
}

pub fn parse_line(line: &str) -> Result<ParsedProcedure, ParseError> {
    let record: SourceRecord = serde_json::from_str(line)
        .map_err(|error| ParseError(format!("không phải JSON hợp lệ: {error}")))?;
    let code = record.ma_thu_tuc.trim().to_string();
    let name = text::clean(&record.ten_thu_tuc);
    if code.is_empty() {
        return Err(ParseError("thiếu mã thủ tục (ma_thu_tuc)".into()));
    }
    if name.is_empty() {
        return Err(ParseError(format!(
            "{code}: thiếu tên thủ tục (ten_thu_tuc)"
        )));
    }
    let mut unparsed_fields = Vec::new();
    let mut raw = Vec::new();
    let mut keep_raw = |field: &'static str, source: &str| {
        if !text::is_blank(source) {
            unparsed_fields.push(field);
            raw.push(RawText {
                field: field.into(),
                text: source.trim().into(),
            });
        }
    };

    let channels = channels::parse(&record.cach_thuc_thuc_hien);
    if channels.is_empty() {
        keep_raw("cach_thuc_thuc_hien", &record.cach_thuc_thuc_hien);
    }
    let documents = documents::parse(&record.thanh_phan_ho_so);
    if documents.is_empty() {
        keep_raw("thanh_phan_ho_so", &record.thanh_phan_ho_so);
    }
    let legal_basis = documents::parse_legal_basis(&record.can_cu_phap_ly);
    if legal_basis.is_empty() {
        keep_raw("can_cu_phap_ly", &record.can_cu_phap_ly);
    }
    let levels = parse_levels(&record.cap_thuc_hien);
    if levels.is_empty() {
        keep_raw("cap_thuc_hien", &record.cap_thuc_hien);
    }
    let online_level = if channels
        .iter()
        .any(|channel| channel.kind == ChannelKind::Online)
    {
        OnlineLevel::Partial
    } else {
        OnlineLevel::None
    };
    let agency = if text::is_blank(&record.co_quan_thuc_hien) {
        text::clean(&record.co_quan_co_tham_quyen)
    } else {
        text::clean(&record.co_quan_thuc_hien)
    };
    let procedure = Procedure {
        code,
        name,
        field: text::clean(&record.linh_vuc),
        agency,
        levels,
        applicants: text::clean(&record.doi_tuong_thuc_hien),
        channels,
        steps: text::steps(&record.trinh_tu_thuc_hien),
        documents,
        conditions: text::bullets(&record.yeu_cau_dieu_kien),
        result: text::result_names(&record.ket_qua_xu_ly),
        legal_basis,
        online_level,
        form: None,
        raw,
    };
    Ok(ParsedProcedure {
        procedure,
        unparsed_fields,
    })
}

fn parse_levels(source: &str) -> Vec<Level> {
    let mut levels: Vec<Level> = source
        .split(',')
        .filter_map(|part| match part.trim() {
            "Cấp bộ" => Some(Level::Central),
            "Cấp tỉnh" => Some(Level::Province),
            "Cấp xã" | "Cấp huyện" => Some(Level::Commune),
            "Cơ quan khác" => Some(Level::Other),
            _ => None,
        })
        .collect();
    levels.sort();
    levels.dedup();
    levels
}

/// Opens a catalog file, plain or gzip (told by the magic bytes, not the name), as lines.
pub fn open_lines(path: &Path) -> std::io::Result<Box<dyn BufRead>> {
    let mut file = std::fs::File::open(path)?;
    let mut magic = [0u8; 2];
    let read = file.read(&mut magic)?;
    let file = std::fs::File::open(path)?;
    if read == 2 && magic == [0x1f, 0x8b] {
        Ok(Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            file,
        ))))
    } else {
        Ok(Box::new(BufReader::new(file)))
    }
}

#[cfg(test)]
mod tests;
