use std::io::Write;

use motcua_api::{ChannelKind, Level, OnlineLevel, TimeUnit};

use super::*;

fn line(fields: &[(&str, &str)]) -> String {
    let mut record = serde_json::Map::new();
    record.insert("ma_thu_tuc".into(), "1.001193".into());
    record.insert("ten_thu_tuc".into(), "Thủ tục đăng ký khai sinh".into());
    for (key, value) in fields {
        record.insert((*key).into(), (*value).into());
    }
    serde_json::Value::Object(record).to_string()
}

fn parse(fields: &[(&str, &str)]) -> ParsedProcedure {
    parse_line(&line(fields)).expect("parses")
}

#[test]
fn channels_with_times_and_fees() {
    let parsed = parse(&[(
        "cach_thuc_thuc_hien",
        "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp3 Ngày làm việcLệ phí : 8.000 ĐồngTrực tuyếnTrong ngàyMiễn phíNộp qua cổng dịch vụ côngDịch vụ bưu chính5 Ngày làm việc10 USD(/lần)",
    )]);
    let channels = &parsed.procedure.channels;
    assert_eq!(channels.len(), 3);
    assert_eq!(channels[0].kind, ChannelKind::Counter);
    assert_eq!(channels[0].time.unwrap().amount, 3.0);
    assert_eq!(channels[0].time.unwrap().unit, TimeUnit::WorkingDays);
    assert_eq!(channels[0].time_text, "3 Ngày làm việc");
    assert_eq!(channels[0].fee_vnd, Some(8000));
    assert_eq!(channels[1].kind, ChannelKind::Online);
    assert_eq!(channels[1].time.unwrap().amount, 0.0);
    assert_eq!(channels[1].fee_vnd, Some(0));
    assert_eq!(channels[1].note, "Nộp qua cổng dịch vụ công");
    assert_eq!(channels[2].kind, ChannelKind::Post);
    assert_eq!(channels[2].fee_vnd, None, "USD is not VND");
    assert_eq!(channels[2].fee_text, "10 USD(/lần)");
    assert_eq!(parsed.procedure.online_level, OnlineLevel::Partial);
    assert!(
        parsed.unparsed_fields.is_empty()
            || !parsed.unparsed_fields.contains(&"cach_thuc_thuc_hien")
    );
}

#[test]
fn channel_words_inside_a_description_do_not_start_a_row() {
    let parsed = parse(&[(
        "cach_thuc_thuc_hien",
        "Hình thức nộpThời gianPhí, lệ phíMô tảDịch vụ bưu chính30 NgàyMiễn phíKhông nhận Trực tiếp tại nhàTrực tiếp30 NgàyMiễn phí",
    )]);
    let channels = &parsed.procedure.channels;
    assert_eq!(channels.len(), 2);
    assert_eq!(channels[0].time.unwrap().unit, TimeUnit::Days);
    assert_eq!(channels[0].note, "Không nhận Trực tiếp tại nhà");
    assert_eq!(parsed.procedure.online_level, OnlineLevel::None);
}

#[test]
fn documents_with_templates_and_copies() {
    let parsed = parse(&[(
        "thanh_phan_ho_so",
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký khai sinh (Mẫu số 01).Mau01.TT04.doc1 bản chính- Giấy chứng sinh0 bản chính,1 bản sao- Trường hợp ủy quyền: văn bản ủy quyền1 bản chính",
    )]);
    let documents = &parsed.procedure.documents;
    assert_eq!(documents.len(), 3, "{documents:?}");
    assert_eq!(documents[0].name, "Tờ khai đăng ký khai sinh (Mẫu số 01)");
    assert_eq!(documents[0].template.as_deref(), Some("Mau01.TT04.doc"));
    assert_eq!((documents[0].originals, documents[0].copies), (1, 0));
    assert_eq!(documents[1].name, "Giấy chứng sinh");
    assert_eq!((documents[1].originals, documents[1].copies), (0, 1));
    assert!(documents[1].mandatory);
    assert!(!documents[2].mandatory);
}

#[test]
fn legal_basis_splits_glued_titles_and_numbers() {
    let parsed = parse(&[(
        "can_cu_phap_ly",
        "Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định 123/2015/NĐ-CP123/2015/NĐ-CPThông tư số 04/2020/TT-BTP04/2020/TT-BTPQuy định phí25/2021/TT-BTC",
    )]);
    let numbers: Vec<&str> = parsed
        .procedure
        .legal_basis
        .iter()
        .map(|law| law.number.as_str())
        .collect();
    assert_eq!(
        numbers,
        [
            "60/2014/QH13",
            "123/2015/NĐ-CP",
            "04/2020/TT-BTP",
            "25/2021/TT-BTC"
        ]
    );
    assert_eq!(parsed.procedure.legal_basis[0].title, "Luật Hộ tịch");
    assert_eq!(parsed.procedure.legal_basis[3].title, "Quy định phí");
}

#[test]
fn levels_steps_conditions_result() {
    let parsed = parse(&[
        ("cap_thuc_hien", "Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác"),
        (
            "trinh_tu_thuc_hien",
            "Bước 1: Nộp hồ sơ\n\nchi tiết\nBước 2: Nhận kết quả",
        ),
        ("yeu_cau_dieu_kien", "+ Có hộ chiếu\n+ Không bị cấm"),
        (
            "ket_qua_xu_ly",
            "Giấy khai sinhMã: KQ.G17.000001Từ khóaKhông có thông tinNộp hồ sơBản sao Giấy khai sinhMã: KQ.G17.000002Từ khóaNộp hồ sơ",
        ),
        ("co_quan_thuc_hien", ""),
        ("co_quan_co_tham_quyen", "Ủy ban nhân dân cấp xã"),
    ]);
    let procedure = parsed.procedure;
    assert_eq!(
        procedure.levels,
        [
            Level::Central,
            Level::Province,
            Level::Commune,
            Level::Other
        ]
    );
    assert_eq!(
        procedure.steps,
        ["Bước 1: Nộp hồ sơ\nchi tiết", "Bước 2: Nhận kết quả"]
    );
    assert_eq!(procedure.conditions, ["Có hộ chiếu", "Không bị cấm"]);
    assert_eq!(procedure.result, "Giấy khai sinh; Bản sao Giấy khai sinh");
    assert_eq!(procedure.agency, "Ủy ban nhân dân cấp xã");
}

#[test]
fn unparsable_tables_are_kept_raw() {
    let parsed = parse(&[
        ("cach_thuc_thuc_hien", "Theo quy định hiện hành"),
        ("thanh_phan_ho_so", "Hồ sơ theo hướng dẫn của cơ quan"),
        ("can_cu_phap_ly", "Không có thông tin"),
    ]);
    assert_eq!(
        parsed.unparsed_fields,
        ["cach_thuc_thuc_hien", "thanh_phan_ho_so"]
    );
    assert_eq!(parsed.procedure.raw[0].text, "Theo quy định hiện hành");
}

#[test]
fn lines_that_cannot_be_procedures_say_why() {
    assert!(parse_line("{not json").unwrap_err().0.contains("JSON"));
    assert!(
        parse_line(r#"{"ten_thu_tuc": "X"}"#)
            .unwrap_err()
            .0
            .contains("mã")
    );
    assert!(
        parse_line(r#"{"ma_thu_tuc": "1.1"}"#)
            .unwrap_err()
            .0
            .contains("tên")
    );
    assert!(parse_line("[]").is_err());
}

#[test]
fn weird_text_never_panics() {
    for text in [
        "",
        "1",
        "Trực tiếp",
        "Trực tiếp1",
        "1 bản ",
        "đ 1 bản chính",
        "9/2020/",
        "Tên văn bản pháp lýMã văn bản1/2020/ĐĐ",
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐ.Đ.doc1 bản sao",
    ] {
        for field in [
            "cach_thuc_thuc_hien",
            "thanh_phan_ho_so",
            "can_cu_phap_ly",
            "ket_qua_xu_ly",
            "trinh_tu_thuc_hien",
        ] {
            parse(&[(field, text)]);
        }
    }
}

#[test]
fn opens_plain_and_gzip_by_content() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("catalog.gz");
    std::fs::write(&plain, "a\nb\n").unwrap();
    let gzip = dir.path().join("catalog.jsonl");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gzip).unwrap(),
        flate2::Compression::default(),
    );
    encoder.write_all(b"a\nb\n").unwrap();
    encoder.finish().unwrap();
    for path in [plain, gzip] {
        let lines: Vec<String> = open_lines(&path)
            .unwrap()
            .lines()
            .map(Result::unwrap)
            .collect();
        assert_eq!(lines, ["a", "b"], "{}", path.display());
    }
}

#[test]
fn parses_the_national_catalog_when_present() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../shared/data/tthc-national.jsonl.gz"
    ));
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let (mut total, mut with_channels, mut with_documents, mut with_laws, mut with_time) =
        (0, 0, 0, 0, 0);
    for line in open_lines(path).unwrap().lines() {
        let line = line.unwrap();
        let first = parse_line(&line).unwrap_or_else(|error| panic!("{error}"));
        let again = parse_line(&line).unwrap();
        assert_eq!(first.procedure, again.procedure, "deterministic");
        let procedure = first.procedure;
        total += 1;
        with_channels += usize::from(!procedure.channels.is_empty());
        with_documents += usize::from(!procedure.documents.is_empty());
        with_laws += usize::from(!procedure.legal_basis.is_empty());
        with_time += usize::from(
            procedure
                .channels
                .iter()
                .any(|channel| channel.time.is_some()),
        );
    }
    let rate = |count: usize| count as f64 / total as f64;
    eprintln!(
        "{total} procedures: channels {:.3}, documents {:.3}, legal basis {:.3}, computable time {:.3}",
        rate(with_channels),
        rate(with_documents),
        rate(with_laws),
        rate(with_time)
    );
    assert_eq!(total, 2642);
    assert!(rate(with_channels) >= 0.99);
    assert!(rate(with_documents) >= 0.97);
    assert!(rate(with_time) >= 0.80);
    assert!(rate(with_laws) >= 0.95);
}
