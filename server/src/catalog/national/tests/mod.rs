//! The samples are copied from real lines of the national catalog (sometimes shortened).

mod channels;
mod documents;

use std::io::{BufRead, Write};

use motcua_api::{Level, ProcessingTime, TimeUnit};

use super::*;

pub(super) fn line(fields: &[(&str, &str)]) -> String {
    let mut record = serde_json::Map::new();
    record.insert("ma_thu_tuc".into(), "1.001193".into());
    record.insert("ten_thu_tuc".into(), "Thủ tục đăng ký khai sinh".into());
    for (key, value) in fields {
        record.insert((*key).into(), (*value).into());
    }
    serde_json::Value::Object(record).to_string()
}

pub(super) fn parse(fields: &[(&str, &str)]) -> ParsedProcedure {
    parse_line(&line(fields)).expect("parses")
}

pub(super) fn channels(text: &str) -> Vec<Channel> {
    let source = format!("Hình thức nộpThời gianPhí, lệ phíMô tả{text}");
    parse(&[("cach_thuc_thuc_hien", &source)])
        .procedure
        .channels
}

pub(super) fn documents(text: &str) -> Vec<motcua_api::RequiredDocument> {
    parse(&[("thanh_phan_ho_so", text)]).procedure.documents
}

pub(super) fn laws(text: &str) -> Vec<(String, String)> {
    let source = format!("Tên văn bản pháp lýMã văn bản{text}");
    parse(&[("can_cu_phap_ly", &source)])
        .procedure
        .legal_basis
        .into_iter()
        .map(|law| (law.title, law.number))
        .collect()
}

pub(super) fn days(amount: f32, unit: TimeUnit) -> Option<ProcessingTime> {
    Some(ProcessingTime { amount, unit })
}

#[test]
fn legal_basis_splits_glued_titles_and_numbers() {
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(title, number)| (title.to_string(), number.to_string()))
            .collect()
    };
    assert_eq!(
        laws(
            "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam47/2014/QH13Luật Xuất cảnh, nhập cảnh sửa đổi 202323/2023/QH15Luật 51/2019/QH1451/2019/QH14Thông tư số 22/2023/TT-BCA22/2023/TT-BCAQUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP PHÍ, LỆ PHÍ25/2021/TT-BTC"
        ),
        pairs(&[
            (
                "Nhập cảnh, xuất cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam",
                "47/2014/QH13"
            ),
            ("Luật Xuất cảnh, nhập cảnh sửa đổi 2023", "23/2023/QH15"),
            ("Luật 51/2019/QH14", "51/2019/QH14"),
            ("Thông tư số 22/2023/TT-BCA", "22/2023/TT-BCA"),
            (
                "QUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP PHÍ, LỆ PHÍ",
                "25/2021/TT-BTC"
            ),
        ])
    );
    assert_eq!(
        laws(
            "Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về phân định thẩm quyền08/2025/TT-BTPNghị định 87/2020/NĐ-CP87/2020/NĐ-CPquy định mức thu, chế độ thu, nộp lệ phí quốc tịch281/2016/TT-BTCQuyết định số 09/2023/QĐ-TTg09/2023/QĐ-TTgLuật Hộ tịch60/2014/QH13"
        ),
        pairs(&[
            (
                "Thông tư số 08/2025/TT-BTP ngày 12/6/2025 của Bộ trưởng Bộ Tư pháp quy định về phân định thẩm quyền",
                "08/2025/TT-BTP"
            ),
            ("Nghị định 87/2020/NĐ-CP", "87/2020/NĐ-CP"),
            (
                "quy định mức thu, chế độ thu, nộp lệ phí quốc tịch",
                "281/2016/TT-BTC"
            ),
            ("Quyết định số 09/2023/QĐ-TTg", "09/2023/QĐ-TTg"),
            ("Luật Hộ tịch", "60/2014/QH13"),
        ])
    );
    assert_eq!(
        laws(
            "Luật số 43/2024/QH15 ngày 29/6/202443/2024/QH15Về bảo hiểm hưu trí bổ sungNghị định số 85/2026"
        ),
        pairs(&[
            ("Luật số 43/2024/QH15 ngày 29/6/2024", "43/2024/QH15"),
            ("Về bảo hiểm hưu trí bổ sung", "85/2026"),
        ])
    );
}

#[test]
fn levels_in_any_combination() {
    let levels = |text: &str| parse(&[("cap_thuc_hien", text)]).procedure.levels;
    assert_eq!(
        levels("Cấp bộ, Cấp tỉnh, Cấp xã, Cơ quan khác"),
        [
            Level::Central,
            Level::Province,
            Level::Commune,
            Level::Other
        ]
    );
    assert_eq!(
        levels("Cấp tỉnh, Cấp xã"),
        [Level::Province, Level::Commune]
    );
    assert_eq!(levels("Cơ quan khác"), [Level::Other]);
    let unknown = parse(&[("cap_thuc_hien", "Cấp thôn")]);
    assert!(unknown.procedure.levels.is_empty());
    assert_eq!(unknown.unparsed_fields, ["cap_thuc_hien"]);
}

#[test]
fn steps_split_at_their_markers_or_lines() {
    let steps = |text: &str| parse(&[("trinh_tu_thuc_hien", text)]).procedure.steps;
    assert_eq!(
        steps(
            "Bước 1: Thụ lý giải quyết khiếu nại\n\nNếu khiếu nại thuộc thẩm quyền...\nBước 2: Kiểm tra lại quyết định hành chính"
        ),
        [
            "Bước 1: Thụ lý giải quyết khiếu nại\nNếu khiếu nại thuộc thẩm quyền...",
            "Bước 2: Kiểm tra lại quyết định hành chính"
        ]
    );
    assert_eq!(
        steps(
            "+ Bước 1: Doanh nghiệp làm thủ tục hải quan \n+ Bước 2: Thông tin trên tờ khai được kiểm tra. Nếu đạt thì thực hiện Bước 3. Bước 3: Thông quan hàng hóa."
        ),
        [
            "Bước 1: Doanh nghiệp làm thủ tục hải quan",
            "Bước 2: Thông tin trên tờ khai được kiểm tra. Nếu đạt thì thực hiện Bước 3.",
            "Bước 3: Thông quan hàng hóa."
        ]
    );
    assert_eq!(
        steps(
            "- Trước ngày 31 tháng 12, tổ chức gửi văn bản đề nghị;\n- Trước ngày 25 tháng 02, Ban điều hành Quỹ thẩm định;"
        ),
        [
            "Trước ngày 31 tháng 12, tổ chức gửi văn bản đề nghị;",
            "Trước ngày 25 tháng 02, Ban điều hành Quỹ thẩm định;"
        ]
    );
}

#[test]
fn conditions_result_agency_and_applicants() {
    let procedure = parse(&[
        ("yeu_cau_dieu_kien", "+ Tổ chức tín dụng nước ngoài là pháp nhân;\n+ Được phép hoạt động ngân hàng ở nước ngoài."),
        ("ket_qua_xu_ly", "Quyết định thu hồi Giấy chứng nhận đăng ký hợp tác xãMã: KQ.G12.001004Thông báo về hành vi vi phạmMã: KQ.G12.001337Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Bộ ngành --Nộp hồ sơ"),
        ("co_quan_thuc_hien", ""),
        ("co_quan_co_tham_quyen", "Ủy ban nhân dân cấp xã"),
        ("doi_tuong_thuc_hien", "Công dân Việt Nam, Người nước ngoài"),
    ])
    .procedure;
    assert_eq!(
        procedure.conditions,
        [
            "Tổ chức tín dụng nước ngoài là pháp nhân;",
            "Được phép hoạt động ngân hàng ở nước ngoài."
        ]
    );
    assert_eq!(
        procedure.result,
        "Quyết định thu hồi Giấy chứng nhận đăng ký hợp tác xã; Thông báo về hành vi vi phạm"
    );
    assert_eq!(procedure.agency, "Ủy ban nhân dân cấp xã");
    assert_eq!(procedure.applicants, "Công dân Việt Nam, Người nước ngoài");
    assert_eq!(procedure.form, None);
    let none = parse(&[("yeu_cau_dieu_kien", "Không có thông tin")]).procedure;
    assert!(none.conditions.is_empty());
}

#[test]
fn unparsable_tables_are_kept_raw() {
    // Real lines where the source split a field in the wrong place.
    let shifted = "); nộp hồ sơ cho cơ quan BHXH nơi đang chi trả trợ cấp.\nBước 2. Cơ quan BHXH tiếp nhận hồ sơ và giải quyết theo quy định.";
    let parsed = parse(&[
        ("cach_thuc_thuc_hien", "Theo quy định hiện hành"),
        ("thanh_phan_ho_so", shifted),
        ("can_cu_phap_ly", "Không có thông tin"),
        ("cap_thuc_hien", ""),
    ]);
    assert_eq!(
        parsed.unparsed_fields,
        ["cach_thuc_thuc_hien", "thanh_phan_ho_so"]
    );
    assert_eq!(parsed.procedure.raw[0].field, "cach_thuc_thuc_hien");
    assert_eq!(parsed.procedure.raw[0].text, "Theo quy định hiện hành");
    assert_eq!(parsed.procedure.raw[1].text, shifted.trim());
    assert!(parsed.procedure.documents.is_empty());
}

#[test]
fn lines_that_cannot_be_procedures_say_why() {
    assert!(parse_line("{not json").unwrap_err().0.contains("JSON"));
    assert!(parse_line("[]").unwrap_err().0.contains("JSON"));
    assert!(
        parse_line(r#"{"ten_thu_tuc": "X"}"#)
            .unwrap_err()
            .0
            .contains("mã")
    );
    assert!(
        parse_line(r#"{"ma_thu_tuc": "1.1", "ten_thu_tuc": null}"#)
            .unwrap_err()
            .0
            .contains("tên")
    );
    // Odd but usable: a byte order mark, numbers and nulls where text is expected.
    let parsed = parse_line(
        "\u{feff}{\"ma_thu_tuc\": 2.000123, \"ten_thu_tuc\": \"Cấp phép\", \"linh_vuc\": null}",
    )
    .unwrap();
    assert_eq!(parsed.procedure.code, "2.000123");
    assert_eq!(parsed.procedure.field, "");
}

#[test]
fn weird_text_never_panics() {
    let samples = [
        "",
        "1",
        "Trực tiếp",
        "Trực tiếp1",
        "Trực tiếp1 VNĐ",
        "Trực tuyến99999999999999999999999 Ngày làm việc1.2.3,4 VNĐ(((",
        "1 bản ",
        "đ 1 bản chính",
        "ạ1 bản sao,",
        "9/2020/",
        "Tên văn bản pháp lýMã văn bản1/2020/ĐĐ",
        "Tên văn bản pháp lýMã văn bản20201/20201/2020/",
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐ.Đ.doc1 bản sao",
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượng\u{a0}.docx1 bản chính",
        "Mã: Mã: KQ.Từ khóa",
        "Bước\u{a0}1:\u{300} ạ",
    ];
    let fields = [
        "cach_thuc_thuc_hien",
        "thanh_phan_ho_so",
        "can_cu_phap_ly",
        "ket_qua_xu_ly",
        "trinh_tu_thuc_hien",
        "yeu_cau_dieu_kien",
        "cap_thuc_hien",
    ];
    for text in samples {
        for field in fields {
            parse(&[(field, text)]);
        }
    }
    // Every prefix of a real row, cut at any character.
    let real = "Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến120 VNĐ(20.000 vnđ /tờ khai)Trực tiếp1.5 Ngày làm việc40,000 Việt Nam Đồng(- Xe ô tô trên 10 chỗ)--Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai;Mẫu 01.docx0 bản chính,1 bản saoTên văn bản pháp lýMã văn bảnLuật 51/2019/QH1451/2019/QH14";
    for (index, _) in real.char_indices() {
        for field in fields {
            parse(&[(field, &real[..index])]);
        }
    }
}

#[test]
fn opens_plain_and_gzip_by_content() {
    let dir = tempfile::tempdir().unwrap();
    // The names lie on purpose: the content decides.
    let plain = dir.path().join("catalog.gz");
    std::fs::write(&plain, "a\nb\n").unwrap();
    let gzip = dir.path().join("catalog.jsonl");
    let mut encoder = flate2::write::GzEncoder::new(
        std::fs::File::create(&gzip).unwrap(),
        flate2::Compression::default(),
    );
    encoder.write_all(b"a\nb\n").unwrap();
    encoder.finish().unwrap();
    let empty = dir.path().join("empty.jsonl");
    std::fs::write(&empty, "").unwrap();
    for path in [plain, gzip] {
        let lines: Vec<String> = open_lines(&path)
            .unwrap()
            .lines()
            .map(Result::unwrap)
            .collect();
        assert_eq!(lines, ["a", "b"], "{}", path.display());
    }
    assert_eq!(open_lines(&empty).unwrap().lines().count(), 0);
    assert!(open_lines(&dir.path().join("missing.jsonl")).is_err());
}

#[test]
fn parses_the_national_catalog_when_present() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/data/tthc-national.jsonl.gz");
    if !path.exists() {
        eprintln!("skipped: {} is absent", path.display());
        return;
    }
    let mut total = 0;
    let (mut with_channels, mut with_documents, mut with_laws) = (0, 0, 0);
    let (mut with_time, mut with_working_days) = (0, 0);
    for (index, line) in open_lines(&path).unwrap().lines().enumerate() {
        let line = line.unwrap();
        let procedure = match parse_line(&line) {
            Ok(parsed) => parsed.procedure,
            Err(error) => panic!("line {}: {error}", index + 1),
        };
        total += 1;
        let times: Vec<ProcessingTime> = procedure
            .channels
            .iter()
            .filter_map(|channel| channel.time)
            .collect();
        with_channels += usize::from(!procedure.channels.is_empty());
        with_documents += usize::from(!procedure.documents.is_empty());
        with_laws += usize::from(!procedure.legal_basis.is_empty());
        with_time += usize::from(!times.is_empty());
        with_working_days +=
            usize::from(times.iter().any(|time| time.unit == TimeUnit::WorkingDays));
    }
    let rate = |count: usize| count as f64 / total as f64;
    eprintln!(
        "{total} procedures: channels {:.4}, documents {:.4}, legal basis {:.4}, a computable time {:.4}, in working days {:.4}",
        rate(with_channels),
        rate(with_documents),
        rate(with_laws),
        rate(with_time),
        rate(with_working_days),
    );
    assert_eq!(total, 2642);
    // The rest are source lines without such data or with the field cut in the wrong place.
    assert!(rate(with_channels) >= 0.995);
    assert!(rate(with_documents) >= 0.975);
    assert!(rate(with_laws) >= 0.965);
    assert!(rate(with_time) >= 0.81);
    assert!(rate(with_working_days) >= 0.56);
}

#[test]
fn decomposed_unicode_is_composed() {
    let decomposed =
        "Ca\u{0302}\u{0301}p, qua\u{0309}n ly\u{0301} ca\u{0306}n cu\u{031b}o\u{031b}\u{0301}c";
    let line = serde_json::json!({
        "ma_thu_tuc": "1.014063",
        "ten_thu_tuc": "Cấp đổi thẻ căn cước",
        "linh_vuc": decomposed,
    })
    .to_string();
    let parsed = parse_line(&line).unwrap();
    assert_eq!(parsed.procedure.field, "Cấp, quản lý căn cước");
}
