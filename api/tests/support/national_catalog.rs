//! Reads the national catalog (JSON Lines, gzip) into search rows: the few fields search uses.
//! Shared by the relevance test and the latency example; the server has the full parser.

use std::io::{BufRead, BufReader};

use motcua_api::{Level, OnlineLevel, ProcedureSummary};

pub fn load(path: &str) -> std::io::Result<Vec<ProcedureSummary>> {
    let file = std::fs::File::open(path)?;
    let reader = BufReader::new(flate2::read::GzDecoder::new(file));
    let mut docs = Vec::new();
    for line in reader.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_str(&line).map_err(std::io::Error::other)?;
        let text = |key: &str| record[key].as_str().unwrap_or_default().trim().to_string();
        let levels = text("cap_thuc_hien")
            .split(',')
            .filter_map(|level| match level.trim() {
                "Cấp bộ" => Some(Level::Central),
                "Cấp tỉnh" => Some(Level::Province),
                "Cấp xã" => Some(Level::Commune),
                "Cơ quan khác" => Some(Level::Other),
                _ => None,
            })
            .collect();
        docs.push(ProcedureSummary {
            code: text("ma_thu_tuc"),
            name: text("ten_thu_tuc"),
            field: text("linh_vuc"),
            agency: text("co_quan_thuc_hien"),
            levels,
            online_level: OnlineLevel::None,
        });
    }
    Ok(docs)
}
