//! Accepting a citizen's file: its kind from its content, a clean name, and the hourly sweep of
//! files no dossier took.

use std::time::Duration;

use motcua_api::dossier::ACCEPTED_CONTENT_TYPES;
use unicode_normalization::UnicodeNormalization;

use crate::clock::unix_now;
use crate::error::AppError;
use crate::files::FileStore;
use crate::store::Store;

/// How many first bytes decide a file's kind.
pub const SNIFF_BYTES: usize = 8192;
/// Uploads no dossier took are removed after a day.
pub const UNATTACHED_LIFETIME_SECS: i64 = 24 * 3600;
const SWEEP_INTERVAL: Duration = Duration::from_secs(3600);
const MAX_NAME_CHARS: usize = 200;
/// Longest ending kept apart when a long name is shortened, e.g. `.pdf`.
const MAX_EXTENSION_CHARS: usize = 10;

const PROGRAM: &str = motcua_api::server_messages::PROGRAM.vi;
const NOT_ACCEPTED: &str = motcua_api::server_messages::NOT_ACCEPTED.vi;

/// The content type of an acceptable file, from its first bytes alone (never its name or the
/// type the browser claims).
pub fn accepted_type(head: &[u8]) -> Result<&'static str, AppError> {
    match infer::get(head) {
        Some(kind) if ACCEPTED_CONTENT_TYPES.contains(&kind.mime_type()) => Ok(kind.mime_type()),
        Some(kind) if is_program(kind) => Err(AppError::UnsupportedMedia(PROGRAM.into())),
        _ => Err(AppError::UnsupportedMedia(NOT_ACCEPTED.into())),
    }
}

/// Executables and bytecode of any platform (certificates share the kind but are not programs).
fn is_program(kind: infer::Type) -> bool {
    kind.matcher_type() == infer::MatcherType::App
        && !kind.mime_type().starts_with("application/x-x509")
}

/// The name to show for a file: the device's name without folders, control or bidirectional
/// formatting characters (which can disguise `exe.pdf` as `fdp.exe`), at most 200 characters;
/// a generic name when nothing is left.
pub fn clean_name(raw: Option<&str>, content_type: &str) -> String {
    let last_part = raw
        .unwrap_or_default()
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default();
    let visible: String = last_part
        .nfc()
        .filter(|c| !c.is_control() && !is_bidi_control(*c))
        .collect();
    let name = visible.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.trim_matches('.').is_empty() {
        let extension = match content_type {
            "application/pdf" => "pdf",
            "image/jpeg" => "jpg",
            _ => "png",
        };
        return format!("tep-dinh-kem.{extension}");
    }
    shorten(&name)
}

/// Marks and overrides of text direction (Unicode bidirectional formatting characters).
fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200e}' | '\u{200f}' | '\u{061c}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}'
    )
}

/// At most [`MAX_NAME_CHARS`], keeping a short ending such as `.pdf`.
fn shorten(name: &str) -> String {
    if name.chars().count() <= MAX_NAME_CHARS {
        return name.to_string();
    }
    let extension = name
        .rfind('.')
        .map(|dot| &name[dot..])
        .filter(|extension| extension.chars().count() <= MAX_EXTENSION_CHARS)
        .unwrap_or("");
    let stem_chars = MAX_NAME_CHARS - extension.chars().count();
    let stem: String = name.chars().take(stem_chars).collect();
    format!("{}{extension}", stem.trim_end())
}

/// Removes the uploads no dossier took that were made before `created_before` (Unix seconds),
/// rows and bytes; returns how many.
pub async fn delete_stale_uploads(
    store: &Store,
    files: &FileStore,
    created_before: i64,
) -> anyhow::Result<usize> {
    let keys = store
        .delete_unattached_uploads_before(created_before)
        .await?;
    for key in &keys {
        if let Err(error) = files.delete(key).await {
            tracing::warn!(%error, key, "stale upload left in the file store");
        }
    }
    Ok(keys.len())
}

/// Sweeps stale uploads now and every hour for the life of the process.
pub fn spawn_sweeper(store: Store, files: FileStore) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(SWEEP_INTERVAL);
        loop {
            ticker.tick().await;
            let created_before = unix_now() - UNATTACHED_LIFETIME_SECS;
            match delete_stale_uploads(&store, &files, created_before).await {
                Ok(0) => {}
                Ok(count) => tracing::info!(count, "stale uploads removed"),
                Err(error) => tracing::warn!(error = format!("{error:#}"), "upload sweep failed"),
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<&str, AppError>) -> String {
        match result {
            Err(AppError::UnsupportedMedia(message)) => message,
            other => panic!("expected 415, got {other:?}"),
        }
    }

    #[test]
    fn kinds_come_from_the_first_bytes() {
        assert_eq!(accepted_type(b"%PDF-1.4\n").unwrap(), "application/pdf");
        assert_eq!(
            accepted_type(&[0xff, 0xd8, 0xff, 0xe0]).unwrap(),
            "image/jpeg"
        );
        assert_eq!(
            accepted_type(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap(),
            "image/png"
        );
        assert_eq!(message(accepted_type(b"MZ\x90\0\x03\0\0\0")), PROGRAM);
        let mut elf = b"\x7fELF\x02\x01\x01".to_vec();
        elf.resize(64, 0);
        assert_eq!(message(accepted_type(&elf)), PROGRAM);
        assert_eq!(message(accepted_type(b"GIF89a")), NOT_ACCEPTED);
        assert_eq!(message(accepted_type(b"just some text")), NOT_ACCEPTED);
    }

    #[test]
    fn names_lose_folders_controls_and_disguises() {
        let pdf = "application/pdf";
        assert_eq!(
            clean_name(Some("C:\\Users\\An\\giấy khai sinh.pdf"), pdf),
            "giấy khai sinh.pdf"
        );
        assert_eq!(clean_name(Some("../../etc/passwd"), pdf), "passwd");
        assert_eq!(clean_name(Some("a\u{0}b\n c.pdf"), pdf), "ab c.pdf");
        assert_eq!(clean_name(Some("anh\u{202e}gpj.exe"), pdf), "anhgpj.exe");
        // Decomposed Vietnamese from some phones is composed.
        assert_eq!(clean_name(Some("gia\u{301}y.pdf"), pdf), "giáy.pdf");
        assert_eq!(clean_name(None, "image/png"), "tep-dinh-kem.png");
        assert_eq!(clean_name(Some(".."), "image/jpeg"), "tep-dinh-kem.jpg");
        let long = clean_name(Some(&format!("{}.pdf", "ả".repeat(300))), pdf);
        assert_eq!(long.chars().count(), 200);
        assert!(long.ends_with("ả.pdf"));
    }
}
