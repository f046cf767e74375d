//! Loading procedures into the store: the national catalog file and the demo set.

use std::fmt;
use std::io::BufRead;
use std::path::Path;

use motcua_api::Procedure;

use super::national;
use crate::store::{Store, UpsertOutcome};

/// What an import did, line by line, without stopping at the first bad line.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct ImportReport {
    pub added: usize,
    pub updated: usize,
    pub unchanged: usize,
    /// Procedures imported with some source field kept raw, with those fields.
    pub partly_parsed: Vec<(String, Vec<&'static str>)>,
    /// Lines that could not be imported: 1-based line number and reason.
    pub failed: Vec<(usize, String)>,
}

impl ImportReport {
    fn count(&mut self, outcome: UpsertOutcome) {
        match outcome {
            UpsertOutcome::Added => self.added += 1,
            UpsertOutcome::Updated => self.updated += 1,
            UpsertOutcome::Unchanged => self.unchanged += 1,
        }
    }
}

impl fmt::Display for ImportReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "added: {}, updated: {}, unchanged: {}, partly parsed: {}, failed: {}",
            self.added,
            self.updated,
            self.unchanged,
            self.partly_parsed.len(),
            self.failed.len()
        )?;
        for (code, fields) in &self.partly_parsed {
            writeln!(f, "  kept raw {code}: {}", fields.join(", "))?;
        }
        for (line, reason) in &self.failed {
            writeln!(f, "  failed line {line}: {reason}")?;
        }
        Ok(())
    }
}

/// Imports a national catalog file (JSON Lines, plain or gzip). Re-importing updates.
pub async fn import_national_file(store: &Store, path: &Path) -> anyhow::Result<ImportReport> {
    let lines = national::open_lines(path)?;
    import_national_lines(store, lines).await
}

/// Imports national catalog lines from any reader.
pub async fn import_national_lines(
    store: &Store,
    lines: impl BufRead,
) -> anyhow::Result<ImportReport> {
    let mut report = ImportReport::default();
    for (index, line) in lines.split(b'\n').enumerate() {
        let line_number = index + 1;
        let bytes = line?;
        let Ok(text) = std::str::from_utf8(&bytes) else {
            report
                .failed
                .push((line_number, "dòng không phải văn bản UTF-8".into()));
            continue;
        };
        if text.trim().is_empty() {
            continue;
        }
        match national::parse_line(text) {
            Ok(parsed) => {
                if !parsed.unparsed_fields.is_empty() {
                    report
                        .partly_parsed
                        .push((parsed.procedure.code.clone(), parsed.unparsed_fields));
                }
                report.count(store.upsert_procedure(&parsed.procedure).await?);
            }
            Err(error) => report.failed.push((line_number, error.to_string())),
        }
    }
    Ok(report)
}

/// Loads procedures already in the model (the demo catalog).
pub async fn import_procedures(
    store: &Store,
    procedures: &[Procedure],
) -> anyhow::Result<ImportReport> {
    let mut report = ImportReport::default();
    for procedure in procedures {
        report.count(store.upsert_procedure(procedure).await?);
    }
    Ok(report)
}
