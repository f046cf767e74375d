//! Looking through an accepted file for what its first bytes do not tell: a ZIP archive riding
//! along (a polyglot that opens as a document here and as an archive elsewhere) and, in a PDF,
//! script or program-launching actions, also inside compressed streams (object streams hide
//! dictionaries there). Both are refused: a citizen's papers need neither.

use flate2::{Decompress, FlushDecompress, Status};

use crate::error::AppError;

pub const POLYGLOT: &str = motcua_api::server_messages::POLYGLOT.vi;
pub const SCRIPTED_PDF: &str = motcua_api::server_messages::SCRIPTED_PDF.vi;
pub const UNCHECKABLE_PDF: &str = motcua_api::server_messages::UNCHECKABLE_PDF.vi;

/// Most bytes the compressed streams of one PDF may inflate to: a scanned page compresses a few
/// times, a bomb a thousand, and past this the file cannot be checked.
const MAX_INFLATED_BYTES: u64 = 256 * 1024 * 1024;
/// Inflated bytes looked at to tell text from binary. An object stream starts with its table of
/// object numbers and offsets, in ASCII digits.
const TEXT_SAMPLE: usize = 64;

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
    /// The compressed stream being inflated, if the current one is zlib data.
    inflating: Option<Decompress>,
    /// Whether the current stream's first data byte is still to come.
    stream_starts: bool,
    /// What the streams inflate to, scanned as PDF text; `None` inside that scan and for
    /// other files.
    inflated: Option<Box<ContentScan>>,
    inflated_bytes: u64,
    /// Whether the current stream inflates to text (an object stream, a page's drawing) rather
    /// than binary (a font, an image), whose chance bytes would read as names; `None` until
    /// its first [`TEXT_SAMPLE`] bytes, kept in `stream_head`, tell.
    stream_text: Option<bool>,
    stream_head: Vec<u8>,
    /// Past this many inflated bytes the file is refused ([`MAX_INFLATED_BYTES`]).
    inflate_cap: u64,
}

impl ContentScan {
    pub fn new(content_type: &str) -> ContentScan {
        let pdf = content_type == "application/pdf";
        ContentScan {
            // What a PDF's streams inflate to is scanned as PDF text, inflating nothing further.
            inflated: pdf.then(|| Box::new(ContentScan::without_inflating(true))),
            ..ContentScan::without_inflating(pdf)
        }
    }

    fn without_inflating(pdf: bool) -> ContentScan {
        ContentScan {
            pdf,
            pending: Vec::new(),
            before: None,
            in_stream: false,
            zip_local_header: false,
            zip_end_record: false,
            scripted: false,
            inflating: None,
            stream_starts: false,
            inflated: None,
            inflated_bytes: 0,
            stream_text: None,
            stream_head: Vec::new(),
            inflate_cap: MAX_INFLATED_BYTES,
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
        self.decide_stream_kind();
        if let Some(inflated) = self.inflated.take() {
            inflated.finish()?;
        }
        self.verdict(true)
    }

    fn verdict(&self, whole_file: bool) -> Result<(), AppError> {
        if self.scripted
            || self
                .inflated
                .as_ref()
                .is_some_and(|inflated| inflated.scripted)
        {
            return Err(AppError::UnsupportedMedia(SCRIPTED_PDF.into()));
        }
        if self.inflated_bytes > self.inflate_cap {
            return Err(AppError::UnsupportedMedia(UNCHECKABLE_PDF.into()));
        }
        if whole_file && self.zip_local_header && self.zip_end_record {
            return Err(AppError::UnsupportedMedia(POLYGLOT.into()));
        }
        Ok(())
    }

    /// Looks at every token starting before `end` (each fits in `pending`) and drops those bytes.
    fn look(&mut self, end: usize) {
        let pending = std::mem::take(&mut self.pending);
        let bytes = &pending;
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
                // Everything before the next `endstream` keyword is the stream's data.
                let stop = (index..end)
                    .find(|&at| {
                        let previous = at.checked_sub(1).map(|at| bytes[at]).or(self.before);
                        bytes[at..].starts_with(b"endstream")
                            && previous.is_none_or(|byte| !is_regular(byte))
                    })
                    .unwrap_or(end);
                self.stream_data(&bytes[index..stop]);
                index = stop;
                if stop < end {
                    self.in_stream = false;
                    self.end_stream();
                    index += b"endstream".len();
                }
            } else if word_start && is_stream_start(rest) {
                self.in_stream = true;
                self.stream_starts = true;
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
        self.pending = pending;
        let end = index.min(self.pending.len());
        self.before = end
            .checked_sub(1)
            .map(|at| self.pending[at])
            .or(self.before);
        self.pending.drain(..end);
    }
}

impl ContentScan {
    /// Some of a stream's data: its first byte tells whether it is zlib data worth inflating.
    fn stream_data(&mut self, mut data: &[u8]) {
        if self.inflated.is_none() {
            return;
        }
        if self.stream_starts {
            while let [b'\r' | b'\n', rest @ ..] = data {
                data = rest;
            }
            let Some(&first) = data.first() else {
                return;
            };
            self.stream_starts = false;
            // 0x78 starts zlib data with the usual 32 KiB window (FlateDecode).
            if first == 0x78 {
                self.inflating = Some(Decompress::new(true));
            }
        }
        if self.inflating.is_some() {
            self.inflate(data);
        }
    }

    /// Inflates `input` and scans what comes out; stops inflating this stream at its end or at
    /// data that is not zlib after all.
    fn inflate(&mut self, mut input: &[u8]) {
        let mut output = [0u8; 4096];
        while let Some(decompress) = self.inflating.as_mut() {
            let (read_before, written_before) = (decompress.total_in(), decompress.total_out());
            let status = decompress.decompress(input, &mut output, FlushDecompress::None);
            let read = (decompress.total_in() - read_before) as usize;
            let written = (decompress.total_out() - written_before) as usize;
            input = &input[read..];
            self.inflated_bytes += written as u64;
            self.scan_inflated(&output[..written]);
            match status {
                Ok(Status::StreamEnd) | Err(_) => self.inflating = None,
                Ok(_) if self.inflated_bytes > self.inflate_cap => self.inflating = None,
                Ok(_) if read == 0 && written == 0 => break,
                Ok(_) if input.is_empty() && written < output.len() => break,
                Ok(_) => {}
            }
        }
    }

    /// Scans inflated text; binary is let be.
    fn scan_inflated(&mut self, bytes: &[u8]) {
        // Past the cap the verdict refuses the file; scanning on would only cost time.
        if bytes.is_empty() || self.inflated_bytes > self.inflate_cap {
            return;
        }
        match self.stream_text {
            Some(true) => {
                if let Some(inflated) = self.inflated.as_mut() {
                    let _ = inflated.feed(bytes);
                }
            }
            Some(false) => {}
            None => {
                self.stream_head.extend_from_slice(bytes);
                if self.stream_head.len() >= TEXT_SAMPLE {
                    self.decide_stream_kind();
                }
            }
        }
    }

    /// Text when nine bytes in ten of the stream's start are printable ASCII or white space.
    fn decide_stream_kind(&mut self) {
        let head = std::mem::take(&mut self.stream_head);
        if head.is_empty() {
            return;
        }
        let printable = head
            .iter()
            .filter(|byte| byte.is_ascii_graphic() || byte.is_ascii_whitespace())
            .count();
        self.stream_text = Some(printable * 10 >= head.len() * 9);
        self.scan_inflated(&head);
    }

    /// A stream ended: a separator keeps the next one's names from joining this one's.
    fn end_stream(&mut self) {
        self.inflating = None;
        self.stream_starts = false;
        self.decide_stream_kind();
        self.stream_text = None;
        if let Some(inflated) = self.inflated.as_mut() {
            let _ = inflated.feed(b"\n");
        }
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

    /// A PDF whose one stream holds `content`, zlib-compressed (FlateDecode).
    fn pdf_with_compressed(content: &[u8]) -> Vec<u8> {
        use std::io::Write;
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
        encoder.write_all(content).unwrap();
        let compressed = encoder.finish().unwrap();
        let mut pdf =
            b"%PDF-1.5\n5 0 obj << /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode >>\nstream\r\n"
                .to_vec();
        pdf.extend(compressed);
        pdf.extend(b"\r\nendstream\nendobj\n%%EOF\n");
        pdf
    }

    #[test]
    fn scripts_hidden_in_compressed_object_streams_are_found() {
        let hidden =
            pdf_with_compressed(b"7 0 << /Type /Action /S /JavaScript /JS (app.alert(1)) >>");
        assert_eq!(
            every_chunking("application/pdf", &hidden),
            Err(SCRIPTED_PDF.to_string())
        );
        let drawing =
            pdf_with_compressed(b"q 1 0 0 1 72 720 cm BT /F1 12 Tf (Giay khai sinh) Tj ET Q");
        assert_eq!(every_chunking("application/pdf", &drawing), Ok(()));
        // A font or an image is binary: bytes that happen to spell a name are not one.
        let mut font = vec![
            0x00, 0x01, 0x00, 0x00, 0x00, 0x0b, 0x80, 0x00, 0x03, 0x00, 0x30,
        ];
        font.extend((0..200u8).map(|byte| byte.wrapping_mul(37)));
        font.extend(b" /JS ");
        assert_eq!(
            every_chunking("application/pdf", &pdf_with_compressed(&font)),
            Ok(())
        );
    }

    #[test]
    fn a_stream_that_inflates_past_the_cap_is_refused() {
        let bomb = pdf_with_compressed(&vec![b' '; 2_000_000]);
        assert!(bomb.len() < 10_000, "{}", bomb.len());
        let scan = |cap| {
            let mut scan = ContentScan::new("application/pdf");
            scan.inflate_cap = cap;
            scan.feed(&bomb)
                .and_then(|()| scan.finish())
                .map_err(message)
        };
        assert_eq!(scan(1_000_000), Err(UNCHECKABLE_PDF.to_string()));
        assert_eq!(scan(3_000_000), Ok(()));
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
