//! The server's log, on stdout, with citizens' ID and phone numbers masked whatever wrote them: a
//! request's URI with `?phone=`, a refused body's message quoting a field, an error. They are
//! personal data (Law 91/2025), and logs are kept and copied with less care than the database.

use std::borrow::Cow;
use std::io::{self, Write};

use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

/// Shortest run of digits masked: old ID cards have 9 digits, citizen IDs 12, phones 10.
const PERSONAL_DIGITS: usize = 9;
/// Digits left visible at the end, enough to tell two people's numbers apart in a support case.
const VISIBLE_DIGITS: usize = 3;

/// Logs at `RUST_LOG`'s level (default `info`) to stdout, masked.
pub fn init() {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(MaskedStdout)
        .init();
}

/// Masks every run of at least nine digits that stands apart from letters and other digits
/// (so file keys and dossier codes stay readable), the digits written as typed: together, or
/// in groups split by spaces, `+` or `%20` as in a query string. All but the last three are `*`.
pub fn mask_personal_numbers(text: &str) -> Cow<'_, str> {
    let bytes = text.as_bytes();
    let mut masked: Option<Vec<u8>> = None;
    let mut position = 0;
    while position < bytes.len() {
        let starts_apart = position == 0 || !bytes[position - 1].is_ascii_alphanumeric();
        if !(bytes[position].is_ascii_digit() && starts_apart) {
            position += 1;
            continue;
        }
        let (end, digits) = digit_run(bytes, position);
        let ends_apart = end == bytes.len() || !bytes[end].is_ascii_alphanumeric();
        if ends_apart && digits.len() >= PERSONAL_DIGITS {
            let out = masked.get_or_insert_with(|| bytes.to_vec());
            for &index in &digits[..digits.len() - VISIBLE_DIGITS] {
                out[index] = b'*';
            }
        }
        position = end;
    }
    match masked {
        // Only ASCII digits were replaced by an ASCII `*`: still UTF-8.
        Some(bytes) => Cow::Owned(String::from_utf8(bytes).unwrap_or_default()),
        None => Cow::Borrowed(text),
    }
}

/// The end of the digit groups starting at `start`, and where their digits are.
fn digit_run(bytes: &[u8], start: usize) -> (usize, Vec<usize>) {
    let mut digits = Vec::new();
    let mut position = start;
    loop {
        while position < bytes.len() && bytes[position].is_ascii_digit() {
            digits.push(position);
            position += 1;
        }
        let separator = match &bytes[position..] {
            [b' ' | b'+', next, ..] if next.is_ascii_digit() => 1,
            [b'%', b'2', b'0', next, ..] if next.is_ascii_digit() => 3,
            _ => return (position, digits),
        };
        position += separator;
    }
}

/// Stdout, every write masked. The formatter writes each event whole, so a number is never split
/// across two writes.
struct MaskedStdout;

impl<'a> MakeWriter<'a> for MaskedStdout {
    type Writer = Masked<io::StdoutLock<'a>>;

    fn make_writer(&'a self) -> Self::Writer {
        Masked(io::stdout().lock())
    }
}

struct Masked<W>(W);

impl<W: Write> Write for Masked<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let text = String::from_utf8_lossy(buf);
        self.0.write_all(mask_personal_numbers(&text).as_bytes())?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.0.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_phones_are_masked_however_typed() {
        assert_eq!(
            mask_personal_numbers("citizen_id \"001190012345\" is invalid"),
            "citizen_id \"*********345\" is invalid"
        );
        assert_eq!(
            mask_personal_numbers("GET /api/dossiers/XA-261205-0001?phone=0912345678"),
            "GET /api/dossiers/XA-261205-0001?phone=*******678"
        );
        assert_eq!(
            mask_personal_numbers("?phone=0912+345+678 and 0912%20345%20678 and 0912 345 678"),
            "?phone=****+***+678 and ****%20***%20678 and **** *** 678"
        );
        assert_eq!(mask_personal_numbers("CMND 123456789."), "CMND ******789.");
    }

    #[test]
    fn other_numbers_stay() {
        for text in [
            "dossier XA-261205-0001 filed",
            "key 0123456789abcdef0123456789abcdef stored",
            "upload 5f0e1234567890 kept",
            "count=12345678 timeout 30 s",
            "Đăng ký khai sinh, mã 1.001193",
        ] {
            assert_eq!(mask_personal_numbers(text), text);
        }
    }

    #[test]
    fn what_is_written_is_masked() {
        let mut out = Masked(Vec::new());
        write!(out, "phone=0912345678 ở Hà Nội").unwrap();
        assert_eq!(
            String::from_utf8(out.0).unwrap(),
            "phone=*******678 ở Hà Nội"
        );
    }
}
