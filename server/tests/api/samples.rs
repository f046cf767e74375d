//! Real files and a real dossier to file: a PDF, a PNG, a Windows program, a birth registration.

use std::io::Write;

use serde_json::{Value, json};

/// A one-page PDF a reader opens, with a correct cross-reference table; `note` varies the bytes.
pub fn pdf(note: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Note ({note}) >>"),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (number, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        write!(out, "{} 0 obj\n{object}\nendobj\n", number + 1).unwrap();
    }
    let xref = out.len();
    write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).unwrap();
    for offset in offsets {
        writeln!(out, "{offset:010} 00000 n ").unwrap();
    }
    write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    )
    .unwrap();
    out
}

/// A PDF of exactly `size` bytes (padded with a comment before the end).
pub fn pdf_of_size(size: usize) -> Vec<u8> {
    let mut bytes = pdf("padded");
    assert!(bytes.len() < size);
    let end = bytes.split_off(bytes.len() - 6);
    bytes.push(b'%');
    bytes.resize(size - end.len() - 1, b'x');
    bytes.push(b'\n');
    bytes.extend(end);
    assert_eq!(bytes.len(), size);
    bytes
}

/// A 2×2 RGB PNG with valid chunks and checksums.
pub fn png() -> Vec<u8> {
    fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
        out.extend((data.len() as u32).to_be_bytes());
        let mut crc = flate2::Crc::new();
        crc.update(kind);
        crc.update(data);
        out.extend(kind);
        out.extend(data);
        out.extend(crc.sum().to_be_bytes());
    }
    let mut header = Vec::new();
    header.extend(2u32.to_be_bytes());
    header.extend(2u32.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]);
    // Two rows, each a filter byte then two red pixels.
    let pixels = [0u8, 255, 0, 0, 255, 0, 0, 0, 255, 0, 0, 255, 0, 0];
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(&pixels).unwrap();
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &encoder.finish().unwrap());
    chunk(&mut out, b"IEND", &[]);
    out
}

/// The start of a Windows program: DOS header pointing at a PE header for x86-64.
pub fn windows_program() -> Vec<u8> {
    let mut bytes = vec![0u8; 0x40];
    bytes[..2].copy_from_slice(b"MZ");
    bytes[0x3c..0x40].copy_from_slice(&0x40u32.to_le_bytes());
    bytes.extend(b"PE\0\0");
    bytes.extend(0x8664u16.to_le_bytes()); // machine
    bytes.extend(1u16.to_le_bytes()); // sections
    bytes.extend([0u8; 12]);
    bytes.extend(0xf0u16.to_le_bytes()); // optional header size
    bytes.extend(0x22u16.to_le_bytes()); // executable
    bytes.extend(0x20bu16.to_le_bytes()); // PE32+
    bytes.resize(1024, 0);
    bytes
}

/// Đăng ký khai sinh (1.001193), filed by the mother, with these uploads for the declaration
/// (document 0), the birth certificate (1) and her identity card (5).
pub fn birth_registration(declaration: &str, birth_certificate: &str, identity: &str) -> Value {
    json!({
        "procedure_code": "1.001193",
        "applicant": {
            "filing_for": "self",
            "full_name": "Nguyễn Thị Hoa",
            "citizen_id": "001190012345",
            "date_of_birth": "27/03/1990",
            "phone": "0912 345 678",
            "email": "",
            "address": {
                "province": "Thành phố Hà Nội",
                "commune": "Phường Ba Đình",
                "street": "12 phố Điện Biên Phủ"
            }
        },
        "answers": {
            "child_name": "Nguyễn Văn An",
            "child_birth_date": "20/11/2026",
            "child_sex": "Nam",
            "child_birth_place": "Bệnh viện Phụ sản Hà Nội",
            "child_ethnicity": "Kinh",
            "mother_name": "Nguyễn Thị Hoa",
            "mother_id": "001190012345",
            "applicant_relation": "Mẹ"
        },
        "documents": {
            "0": [declaration],
            "1": [birth_certificate],
            "5": [identity]
        },
        "delivery": { "method": "counter" }
    })
}

#[test]
fn samples_are_what_they_claim() {
    let pdf = pdf("x");
    assert!(pdf.starts_with(b"%PDF-1.4\n") && pdf.ends_with(b"%%EOF\n"));
    assert_eq!(pdf_of_size(5000).len(), 5000);
    assert!(png().starts_with(b"\x89PNG\r\n\x1a\n"));
    assert_eq!(&windows_program()[0x40..0x44], b"PE\0\0");
}
