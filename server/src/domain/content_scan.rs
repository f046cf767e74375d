//! Looking through an accepted file for what its first bytes do not tell: a ZIP archive riding
//! along (a polyglot that opens as a document here and as an archive elsewhere) and, in a PDF,
//! script or program-launching actions. Both are refused: a citizen's papers need neither.

use crate::error::AppError;

pub const POLYGLOT: &str = "Tệp này chứa kèm một tệp nén (ZIP) bên trong nên không được nhận. \
                            Hãy lưu lại giấy tờ thành tệp PDF hoặc ảnh thông thường rồi tải lên.";
pub const SCRIPTED_PDF: &str = "Không nhận tệp PDF có chứa mã lệnh (JavaScript) hoặc lệnh mở \
                                chương trình. Hãy in ra PDF (Print to PDF) rồi tải lên lại.";

/// A ZIP local file header; a ZIP reader also needs the end-of-central-directory record, and
/// requiring both keeps chance matches in compressed image data out.
const ZIP_LOCAL_HEADER: &[u8] = b"PK\x03\x04";
const ZIP_END_RECORD: &[u8] = b"PK\x05\x06";
/// PDF names that run code: a JavaScript action (also the one an `/OpenAction` points to) or a
/// program launch.
const SCRIPT_NAMES: [&[u8]; 3] = [b"JavaScript", b"JS", b"Launch"];
/// Bytes kept from one chunk to the next: more than the longest token looked for (a PDF name is
/// at most 127 bytes), so none is missed across a chunk boundary.
const CARRY: usize = 256;

/// The file's bytes, fed chunk by chunk as they arrive, so a large file is never held whole.
pub struct ContentScan {
    pdf: bool,
    /// Bytes not looked at yet: the end of the last chunk.
    pending: Vec<u8>,
    /// The byte before `pending`, to tell a keyword from the end of a longer word.
    before: Option<u8>,
    /// Inside a PDF `stream … endstream`, whose (often compressed) bytes hold no names.
    in_stream: bool,
    zip_local_header: bool,
    zip_end_record: bool,
    scripted: bool,
}

impl ContentScan {
    pub fn new(content_type: &str) -> ContentScan {
        ContentScan {
            pdf: content_type == "application/pdf",
            pending: Vec::new(),
            before: None,
            in_stream: false,
            zip_local_header: false,
            zip_end_record: false,
            scripted: false,
        }
    }

    /// Looks through the next bytes; refuses as soon as a script is seen.
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), AppError> {
        self.pending.extend_from_slice(chunk);
        if self.pending.len() > CARRY {
            let end = self.pending.len() - CARRY;
            self.look(end);
        }
        self.verdict(false)
    }

    /// The verdict once every byte was fed.
    pub fn finish(mut self) -> Result<(), AppError> {
        self.look(self.pending.len());
        self.verdict(true)
    }

    fn verdict(&self, whole_file: bool) -> Result<(), AppError> {
        if self.scripted {
            return Err(AppError::UnsupportedMedia(SCRIPTED_PDF.into()));
        }
        if whole_file && self.zip_local_header && self.zip_end_record {
            return Err(AppError::UnsupportedMedia(POLYGLOT.into()));
        }
        Ok(())
    }

    /// Looks at every token starting before `end` (each fits in `pending`) and drops those bytes.
    fn look(&mut self, end: usize) {
        let bytes = &self.pending;
        let mut index = 0;
        while index < end {
            let rest = &bytes[index..];
            self.zip_local_header |= rest.starts_with(ZIP_LOCAL_HEADER);
            self.zip_end_record |= rest.starts_with(ZIP_END_RECORD);
            if !self.pdf {
                index += 1;
                continue;
            }
            let previous = index.checked_sub(1).map(|at| bytes[at]).or(self.before);
            let word_start = previous.is_none_or(|byte| !is_regular(byte));
            if self.in_stream {
                if word_start && rest.starts_with(b"endstream") {
                    self.in_stream = false;
                    index += b"endstream".len();
                } else {
                    index += 1;
                }
            } else if word_start && is_stream_start(rest) {
                self.in_stream = true;
                index += b"stream".len();
            } else if rest[0] == b'/' {
                let length = rest[1..]
                    .iter()
                    .take_while(|byte| is_regular(**byte))
                    .count();
                self.scripted |= is_script_name(&rest[1..=length]);
                index += 1 + length;
            } else {
                index += 1;
            }
        }
        let end = index.min(self.pending.len());
        self.before = end
            .checked_sub(1)
            .map(|at| self.pending[at])
            .or(self.before);
        self.pending.drain(..end);
    }
}

/// The `stream` keyword, followed by its end of line.
fn is_stream_start(rest: &[u8]) -> bool {
    rest.strip_prefix(b"stream")
        .is_some_and(|after| matches!(after.first(), Some(b'\r' | b'\n')))
}

/// A byte that may be part of a PDF name or keyword (not white space, not a delimiter).
fn is_regular(byte: u8) -> bool {
    !matches!(
        byte,
        b'\0'
            | b'\t'
            | b'\n'
            | b'\x0c'
            | b'\r'
            | b' '
            | b'('
            | b')'
            | b'<'
            | b'>'
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'/'
            | b'%'
    )
}

/// Whether the raw name (after its `/`) is a script name once `#xx` escapes are decoded, so that
/// `/J#61vaScript` counts as `/JavaScript`.
pub fn is_script_name(raw: &[u8]) -> bool {
    let name = decode_name(raw);
    SCRIPT_NAMES.iter().any(|script| name == *script)
}

fn decode_name(raw: &[u8]) -> Vec<u8> {
    let mut name = Vec::with_capacity(raw.len());
    let mut index = 0;
    while index < raw.len() {
        let hex = raw
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (raw[index], hex) {
            (b'#', Some(byte)) => {
                name.push(byte);
                index += 3;
            }
            (byte, _) => {
                name.push(byte);
                index += 1;
            }
        }
    }
    name
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The verdict on `bytes` fed in chunks of `size`.
    fn scan(content_type: &str, bytes: &[u8], size: usize) -> Result<(), String> {
        let mut scan = ContentScan::new(content_type);
        for chunk in bytes.chunks(size) {
            scan.feed(chunk).map_err(message)?;
        }
        scan.finish().map_err(message)
    }

    fn message(error: AppError) -> String {
        match error {
            AppError::UnsupportedMedia(message) => message,
            other => panic!("expected 415, got {other:?}"),
        }
    }

    fn every_chunking(content_type: &str, bytes: &[u8]) -> Result<(), String> {
        let whole = scan(content_type, bytes, bytes.len().max(1));
        for size in [1, 2, 3, 7, 64, 300] {
            assert_eq!(scan(content_type, bytes, size), whole, "chunks of {size}");
        }
        whole
    }

    const PLAIN: &[u8] = b"%PDF-1.4\n1 0 obj << /Type /Catalog /JSON (x) /Pages 2 0 R >> endobj\n\
                           4 0 obj << /Length 9 >> stream\n/JS PK\x03\x04\nendstream endobj\n%%EOF\n";

    #[test]
    fn plain_pdfs_pass() {
        assert_eq!(every_chunking("application/pdf", PLAIN), Ok(()));
    }

    #[test]
    fn script_names_are_found_even_escaped_or_split() {
        for name in ["/JavaScript", "/JS", "/Launch", "/J#61vaScript", "/#4A#53"] {
            let pdf = format!("%PDF-1.4\n1 0 obj << /OpenAction << /S {name} >> >> endobj\n");
            assert_eq!(
                every_chunking("application/pdf", pdf.as_bytes()),
                Err(SCRIPTED_PDF.to_string()),
                "{name}"
            );
        }
        assert!(!is_script_name(b"JSON"));
        assert!(!is_script_name(b"J#5"));
    }

    #[test]
    fn names_inside_streams_are_data() {
        let pdf = b"%PDF-1.4\n<< /Length 4 >>\nstream\n/JS\nendstream\n";
        assert_eq!(every_chunking("application/pdf", pdf), Ok(()));
        let after = b"%PDF-1.4\n<< >>\nstream\nxx\nendstream\n<< /S /JavaScript >>\n";
        assert_eq!(
            every_chunking("application/pdf", after),
            Err(SCRIPTED_PDF.to_string())
        );
    }

    #[test]
    fn a_zip_riding_along_is_refused() {
        let mut polyglot = PLAIN.to_vec();
        polyglot.extend(b"PK\x03\x04\x14\0\0\0\0\0data");
        assert_eq!(every_chunking("application/pdf", &polyglot), Ok(()));
        polyglot.extend(b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0");
        assert_eq!(
            every_chunking("application/pdf", &polyglot),
            Err(POLYGLOT.to_string())
        );
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend(&polyglot[PLAIN.len()..]);
        assert_eq!(every_chunking("image/png", &png), Err(POLYGLOT.to_string()));
    }
}
