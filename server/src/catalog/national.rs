//! Parser of the national procedure catalog as published: JSON Lines, one procedure per line,
//! with the table-like fields flattened into text (`Hình thức nộpThời gian...Trực tiếp5 Ngày
//! làm việcMiễn phí...`). A table-like field that gives nothing is kept as published in `raw`
//! and named in `unparsed_fields`; a line is refused only when it is not a JSON object or has
//! no code or name.
//!
//! - `channels`: `cach_thuc_thuc_hien` (channels, times, fees; the fee rule is documented there),
//! - `documents`: `thanh_phan_ho_so` (documents, templates, quantities, headings),
//! - `legal`: `can_cu_phap_ly` (titles and numbers),
//! - `text`: blanks, numbers, steps, conditions and result names.

mod channels;
mod documents;
mod legal;
mod text;

use std::io::{BufRead, BufReader};
use std::path::Path;
use unicode_normalization::UnicodeNormalization;

use motcua_api::{Channel, ChannelKind, Level, OnlineLevel, Procedure, RawText};
use serde_json::{Map, Value};

/// One parsed line: the procedure and the source fields kept raw because they could not be parsed.
#[derive(Debug)]
pub struct ParsedProcedure {
    pub procedure: Procedure,
    pub unparsed_fields: Vec<&'static str>,
}

/// Why a line could not become a procedure at all (invalid JSON, missing code or name, ...), in
/// plain words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError(pub String);

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ParseError {}

/// One line of the catalog (a JSON object) into a procedure; the other source fields are ignored.
pub fn parse_line(line: &str) -> Result<ParsedProcedure, ParseError> {
    // Part of the source is in decomposed Unicode (`e` + combining marks); composed (NFC) text
    // keeps one spelling per name, so filters do not list a field twice and the rules match.
    let line: String = line.trim_start_matches('\u{feff}').nfc().collect();
    let value: Value = serde_json::from_str(&line)
        .map_err(|error| ParseError(format!("không phải JSON hợp lệ: {error}")))?;
    let Value::Object(record) = value else {
        return Err(ParseError("không phải một đối tượng JSON (object)".into()));
    };
    let field = |name: &str| source_text(&record, name);
    let code = text::clean(&field("ma_thu_tuc"));
    let name = text::clean(&field("ten_thu_tuc"));
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
    let mut keep_raw = |name: &'static str, parsed_nothing: bool| {
        let source = field(name);
        if parsed_nothing && !text::is_blank(&source) {
            unparsed_fields.push(name);
            raw.push(RawText {
                field: name.into(),
                text: source.trim().into(),
            });
        }
    };

    let channels = channels::parse(&field("cach_thuc_thuc_hien"));
    keep_raw("cach_thuc_thuc_hien", channels.is_empty());
    let documents = documents::parse(&field("thanh_phan_ho_so"));
    keep_raw("thanh_phan_ho_so", documents.is_none());
    let documents = documents.unwrap_or_default();
    let legal_basis = legal::parse(&field("can_cu_phap_ly"));
    keep_raw("can_cu_phap_ly", legal_basis.is_empty());
    let levels = parse_levels(&field("cap_thuc_hien"));
    keep_raw("cap_thuc_hien", levels.is_empty());

    let agency = [field("co_quan_thuc_hien"), field("co_quan_co_tham_quyen")]
        .iter()
        .find(|agency| !text::is_blank(agency))
        .map(|agency| text::clean(agency))
        .unwrap_or_default();
    let applicants = field("doi_tuong_thuc_hien");
    let procedure = Procedure {
        online_level: online_level(&name, &channels),
        code,
        name,
        field: text::clean(&field("linh_vuc")),
        agency,
        levels,
        applicants: if text::is_blank(&applicants) {
            String::new()
        } else {
            text::clean(&applicants)
        },
        channels,
        steps: text::steps(&field("trinh_tu_thuc_hien")),
        documents,
        conditions: text::bullets(&field("yeu_cau_dieu_kien")),
        result: text::result_names(&field("ket_qua_xu_ly")),
        legal_basis,
        form: None,
        raw,
    };
    Ok(ParsedProcedure {
        procedure,
        unparsed_fields,
    })
}

/// A source field as text: strings as they are, numbers written out, anything else empty.
fn source_text(record: &Map<String, Value>, name: &str) -> String {
    match record.get(name) {
        Some(Value::String(text)) => text.clone(),
        Some(Value::Number(number)) => number.to_string(),
        _ => String::new(),
    }
}

/// `full` when the procedure says it is done online end to end (`toàn trình`), `partial` for
/// any other online channel, `none` without one.
fn online_level(name: &str, channels: &[Channel]) -> OnlineLevel {
    let online: Vec<&Channel> = channels
        .iter()
        .filter(|channel| channel.kind == ChannelKind::Online)
        .collect();
    if online.is_empty() {
        return OnlineLevel::None;
    }
    let name = name.to_lowercase();
    let full_by_name = name.contains("toàn trình") && !name.contains("một phần");
    let full_by_note = online.iter().any(|channel| {
        let note = channel.note.to_lowercase();
        note.contains("trực tuyến toàn trình") && !note.contains("một phần")
    });
    if full_by_name || full_by_note {
        OnlineLevel::Full
    } else {
        OnlineLevel::Partial
    }
}

/// `Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác` in any combination.
fn parse_levels(source: &str) -> Vec<Level> {
    let mut levels: Vec<Level> = source
        .split(',')
        .filter_map(|part| match part.trim().to_lowercase().as_str() {
            "cấp bộ" | "cấp trung ương" => Some(Level::Central),
            "cấp tỉnh" => Some(Level::Province),
            // District tasks went to the communes when the district level was abolished (2025).
            "cấp xã" | "cấp huyện" => Some(Level::Commune),
            "cơ quan khác" => Some(Level::Other),
            _ => None,
        })
        .collect();
    levels.sort();
    levels.dedup();
    levels
}

/// Opens a catalog file, plain or gzip (detected by the magic bytes, not the file name), as lines.
pub fn open_lines(path: &Path) -> std::io::Result<Box<dyn BufRead>> {
    let mut reader = BufReader::new(std::fs::File::open(path)?);
    let gzip = reader.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    if gzip {
        Ok(Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            reader,
        ))))
    } else {
        Ok(Box::new(reader))
    }
}

#[cfg(test)]
mod tests;
