//! The samples are copied from real lines of the national catalog (sometimes shortened).

use std::io::{BufRead, Write};

use motcua_api::{ChannelKind, Level, OnlineLevel, ProcessingTime, TimeUnit};

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

fn channels(text: &str) -> Vec<Channel> {
    let source = format!("Hình thức nộpThời gianPhí, lệ phíMô tả{text}");
    parse(&[("cach_thuc_thuc_hien", &source)])
        .procedure
        .channels
}

fn documents(text: &str) -> Vec<motcua_api::RequiredDocument> {
    parse(&[("thanh_phan_ho_so", text)]).procedure.documents
}

fn laws(text: &str) -> Vec<(String, String)> {
    let source = format!("Tên văn bản pháp lýMã văn bản{text}");
    parse(&[("can_cu_phap_ly", &source)])
        .procedure
        .legal_basis
        .into_iter()
        .map(|law| (law.title, law.number))
        .collect()
}

fn days(amount: f32, unit: TimeUnit) -> Option<ProcessingTime> {
    Some(ProcessingTime { amount, unit })
}

#[test]
fn channels_with_vnd_fees() {
    let rows = channels(
        "Trực tuyến2 Ngày làm việc100,000 Việt Nam ĐồngDịch vụ bưu chính2 Ngày làm việc100,000 Việt Nam ĐồngTrực tiếp5 Ngày làm việc300,000 VNĐ(Theo quy định cụ thể của Bộ Tài chính.)Nộp tại Bộ phận Một cửa",
    );
    let kinds: Vec<ChannelKind> = rows.iter().map(|row| row.kind).collect();
    assert_eq!(
        kinds,
        [ChannelKind::Online, ChannelKind::Post, ChannelKind::Counter]
    );
    assert_eq!(rows[0].time, days(2.0, TimeUnit::WorkingDays));
    assert_eq!(rows[0].time_text, "2 Ngày làm việc");
    assert_eq!(rows[0].fee_vnd, Some(100_000));
    assert_eq!(rows[0].fee_text, "100,000 Việt Nam Đồng");
    assert_eq!(rows[2].fee_vnd, Some(300_000));
    assert_eq!(
        rows[2].fee_text,
        "300,000 VNĐ(Theo quy định cụ thể của Bộ Tài chính.)"
    );
    assert_eq!(rows[2].note, "Nộp tại Bộ phận Một cửa");
}

#[test]
fn channels_with_foreign_free_and_unknown_fees() {
    let rows = channels(
        "Trực tiếp6 Tháng100 USD(100 USD/thẻ.)Trực tiếp nộp hồ sơ tại trụ sở Cục Quản lý xuất nhập cảnh, Bộ Công an.Trực tuyến2 Ngày làm việcMiễn phíTrong thời hạn 02 ngày làm việc kể từ ngày nhận hồ sơ đầy đủ, hợp lệ.Dịch vụ bưu chính10 Ngày làm việcKhông có thông tin20 ngày làm việc đối với trường hợp đề chặt hạ",
    );
    assert_eq!(rows.len(), 3, "{rows:?}");
    assert_eq!(rows[0].time, days(6.0, TimeUnit::Months));
    assert_eq!(rows[0].fee_vnd, None, "USD is not VND");
    assert_eq!(rows[0].fee_text, "100 USD(100 USD/thẻ.)");
    assert_eq!(
        rows[0].note,
        "Trực tiếp nộp hồ sơ tại trụ sở Cục Quản lý xuất nhập cảnh, Bộ Công an."
    );
    assert_eq!(
        (rows[1].fee_vnd, rows[1].fee_text.as_str()),
        (Some(0), "Miễn phí")
    );
    assert!(rows[1].note.starts_with("Trong thời hạn 02 ngày"));
    assert_eq!((rows[2].fee_vnd, rows[2].fee_text.as_str()), (None, ""));
    assert_eq!(
        rows[2].note,
        "20 ngày làm việc đối với trường hợp đề chặt hạ"
    );
}

#[test]
fn fees_written_in_other_ways() {
    let rows = channels(
        "Trực tiếp03 ngàyLệ phí : 8.000 ĐồngTrực tuyến3 Ngày làm việcPhí: 50.000 đồng/hồ sơDịch vụ bưu chính3 Ngày làm việcKhông",
    );
    assert_eq!(rows[0].time, days(3.0, TimeUnit::Days));
    assert_eq!(
        (rows[0].fee_vnd, rows[0].fee_text.as_str()),
        (Some(8_000), "Lệ phí : 8.000 Đồng")
    );
    assert_eq!(rows[1].fee_vnd, Some(50_000));
    assert_eq!(rows[1].fee_text, "Phí: 50.000 đồng/hồ sơ");
    assert_eq!(rows[2].fee_vnd, Some(0));
}

#[test]
fn several_fees_or_free_with_conditions_give_no_single_amount() {
    let rows = channels(
        "Trực tiếp5 Ngày làm việc50,000 Việt Nam Đồng(cấp mới)20,000 Việt Nam Đồng(cấp lại)Trực tuyến5 Ngày làm việc50,000 VNĐ(cấp mới)50,000 VNĐ(cấp lại)Dịch vụ bưu chính5Miễn phí(Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định.)Trực tiếp5Miễn phí(Lệ phí cấp mới 40.000đồng/lần; lệ phí cấp lại 20.000 đồng/lần.)",
    );
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[0].fee_vnd, None, "two different amounts");
    assert_eq!(
        rows[0].fee_text,
        "50,000 Việt Nam Đồng(cấp mới)20,000 Việt Nam Đồng(cấp lại)"
    );
    assert_eq!(rows[1].fee_vnd, Some(50_000), "the same amount twice");
    assert_eq!(rows[2].fee_vnd, None, "left to the province");
    assert_eq!(rows[3].fee_vnd, None, "free, but the note states fees");
}

#[test]
fn fees_written_in_thousands_or_glued_to_the_time() {
    let rows = channels(
        "Trực tuyến1 Giờ20 VNĐ(20.000 đồng/lần.)Trực tiếp15 Ngày830 Việt Nam Đồng((nộp 1 lần duy nhất))Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)Dịch vụ bưu chính1100 VNĐ",
    );
    assert_eq!(rows.len(), 4, "{rows:?}");
    assert_eq!(rows[0].time, days(1.0, TimeUnit::WorkingHours));
    assert_eq!(rows[0].fee_vnd, Some(20_000), "confirmed by the note");
    assert_eq!(
        rows[1].fee_vnd, None,
        "830 đồng is no fee and nothing says 830.000"
    );
    // `1` is the time (without unit), `20 VNĐ` the fee.
    assert_eq!(rows[2].time, None);
    assert_eq!(rows[2].time_text, "1");
    assert_eq!(rows[2].fee_vnd, Some(20_000));
    assert_eq!(rows[2].fee_text, "20 VNĐ(20.000 vnđ /tờ khai)");
    assert_eq!(
        (rows[3].time_text.as_str(), rows[3].fee_vnd),
        ("", None),
        "cannot tell"
    );
}

#[test]
fn channel_times() {
    let rows = channels(
        "Trực tiếp0.5 Ngày làm việcMiễn phíTrực tuyếnTrong ngàyMiễn phíDịch vụ bưu chính30 NgàyMiễn phíTrực tiếp24 GiờMiễn phíTrực tiếp1 NămMiễn phíTrực tuyến1Miễn phíTrực tuyếnKhông phải trả kết quả cho người nộp thuếMiễn phíQua Cổng dịch vụ công quốc giaTrực tiếpKhông có thông tin2,000 Việt Nam Đồng(/trang)",
    );
    let times: Vec<Option<ProcessingTime>> = rows.iter().map(|row| row.time).collect();
    assert_eq!(
        times,
        [
            days(0.5, TimeUnit::WorkingDays),
            days(0.0, TimeUnit::WorkingDays),
            days(30.0, TimeUnit::Days),
            days(24.0, TimeUnit::WorkingHours),
            days(12.0, TimeUnit::Months),
            None,
            None,
            None,
        ]
    );
    let texts: Vec<&str> = rows.iter().map(|row| row.time_text.as_str()).collect();
    assert_eq!(
        texts,
        [
            "0.5 Ngày làm việc",
            "Trong ngày",
            "30 Ngày",
            "24 Giờ",
            "1 Năm",
            "1",
            "Không phải trả kết quả cho người nộp thuế",
            "",
        ]
    );
    assert_eq!(rows[6].note, "Qua Cổng dịch vụ công quốc gia");
    assert_eq!(rows[7].fee_vnd, Some(2_000));
}

#[test]
fn channel_words_inside_a_description_do_not_start_a_row() {
    let rows = channels(
        "Trực tiếp15 Ngày làm việcMiễn phí- Trực tuyến: nộp trực tuyến qua Cổng dịch vụ công Bộ Công an. - Trực tiếp tại Cục An ninh mạngDịch vụ bưu chính15 Ngày làm việcMiễn phí+ Dịch vụ bưu chính: gửi hồ sơ qua dịch vụ bưu chính công ích",
    );
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(
        rows[0].note,
        "- Trực tuyến: nộp trực tuyến qua Cổng dịch vụ công Bộ Công an. - Trực tiếp tại Cục An ninh mạng"
    );
    assert_eq!(rows[1].kind, ChannelKind::Post);
}

#[test]
fn online_level_follows_the_channels_and_the_name() {
    let level = |name: &str, channels: &str| {
        let source = format!("Hình thức nộpThời gianPhí, lệ phíMô tả{channels}");
        parse(&[("ten_thu_tuc", name), ("cach_thuc_thuc_hien", &source)])
            .procedure
            .online_level
    };
    let online = "Trực tuyến3 Ngày làm việcMiễn phíTrực tiếp3 Ngày làm việcMiễn phí";
    assert_eq!(level("Cấp lại giấy phép", online), OnlineLevel::Partial);
    assert_eq!(
        level(
            "Đăng ký xe lần đầu trực tuyến toàn trình đối với xe nhập khẩu",
            online
        ),
        OnlineLevel::Full
    );
    assert_eq!(
        level("Cấp lại giấy phép", "Trực tiếp3 Ngày làm việcMiễn phí"),
        OnlineLevel::None
    );
}

#[test]
fn documents_with_templates_and_copies() {
    let documents = documents(
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngDự thảo Điều lệ của công ty luật1 bản chínhGiấy tờ chứng minh về trụ sở của tổ chức hành nghề luật sư.0 bản chính,1 bản saoGiấy đề nghị đăng ký hoạt động theo mẫu thống nhấtMẫu TP-LS-02-sđ.docx1 bản chínhVăn bản ủy quyền (nếu có)1 bản chính,1 bản sao",
    );
    let rows: Vec<(&str, Option<&str>, u32, u32, bool)> = documents
        .iter()
        .map(|document| {
            (
                document.name.as_str(),
                document.template.as_deref(),
                document.originals,
                document.copies,
                document.mandatory,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("Dự thảo Điều lệ của công ty luật", None, 1, 0, true),
            (
                "Giấy tờ chứng minh về trụ sở của tổ chức hành nghề luật sư",
                None,
                0,
                1,
                true
            ),
            (
                "Giấy đề nghị đăng ký hoạt động theo mẫu thống nhất",
                Some("Mẫu TP-LS-02-sđ.docx"),
                1,
                0,
                true
            ),
            ("Văn bản ủy quyền (nếu có)", None, 1, 1, false),
        ]
    );
}

#[test]
fn template_file_names_glued_in_various_ways() {
    let documents = documents(
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượng+ Đơn đề nghị theo Mẫu số 03 ban hành kèm theo Nghị định số 52/2024/NĐ-CP;Mẫu số 03.docx1 bản chínhVăn bản đề nghị cấp giấy phép (theo mẫu)12.1.PLCpgiyphpcungcpDVHKnngh.docx1 bản chínhVăn bản đề nghị điều chỉnh giấy phép theo Mẫu 06, Mẫu 08 Phụ lục I Nghị định số 23/2026/NĐ-CP.Mau06.docxMau08.docx1 bản chínhTờ khai (Mẫu 04) ban hành kèm theo Thông tư số 21/2015/TT-BNNPTNT).Phụ lục IV-TT33.pdf2 bản chính",
    );
    let names: Vec<(&str, Option<&str>)> = documents
        .iter()
        .map(|document| (document.name.as_str(), document.template.as_deref()))
        .collect();
    assert_eq!(
        names,
        [
            (
                "Đơn đề nghị theo Mẫu số 03 ban hành kèm theo Nghị định số 52/2024/NĐ-CP",
                Some("Mẫu số 03.docx")
            ),
            (
                "Văn bản đề nghị cấp giấy phép (theo mẫu)",
                Some("12.1.PLCpgiyphpcungcpDVHKnngh.docx")
            ),
            (
                "Văn bản đề nghị điều chỉnh giấy phép theo Mẫu 06, Mẫu 08 Phụ lục I Nghị định số 23/2026/NĐ-CP",
                Some("Mau06.docx, Mau08.docx")
            ),
            (
                "Tờ khai (Mẫu 04) ban hành kèm theo Thông tư số 21/2015/TT-BNNPTNT)",
                Some("Phụ lục IV-TT33.pdf")
            ),
        ]
    );
    assert_eq!(documents[3].originals, 2);
}

#[test]
fn quantities_inside_names_are_not_rows() {
    let documents = documents(
        "--Tên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản đề nghị theo mẫu quy định tại Phụ lục IX ban hành kèm theo Nghị định số 56/2023/NĐ-CP ngày 24/07/20231 bản chính+ 01 bản chính văn bản cho phép sử dụng thẻ của cấp có thẩm quyền1 bản chínhGiấy ủy quyền làm thủ tục nhập khẩu (nếu có): 01 bản chính.1 bản chínhTờ khai theo Mẫu số 181 bản chính,1 bản saoVăn bản đề nghị xin tái xuất (01 bản chính)0 bản chính",
    );
    let rows: Vec<(&str, u32, u32)> = documents
        .iter()
        .map(|document| (document.name.as_str(), document.originals, document.copies))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Văn bản đề nghị theo mẫu quy định tại Phụ lục IX ban hành kèm theo Nghị định số 56/2023/NĐ-CP ngày 24/07/2023",
                1,
                0
            ),
            (
                "01 bản chính văn bản cho phép sử dụng thẻ của cấp có thẩm quyền",
                1,
                0
            ),
            (
                "Giấy ủy quyền làm thủ tục nhập khẩu (nếu có): 01 bản chính",
                1,
                0
            ),
            ("Tờ khai theo Mẫu số 18", 1, 1),
            ("Văn bản đề nghị xin tái xuất (01 bản chính)", 0, 0),
        ]
    );
}

#[test]
fn documents_grouped_under_headings_keep_their_heading() {
    let documents = documents(
        "* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai thay đổi thông tin cư trú (mẫu CT01)1 bản chính* Giấy tờ phải xuất trình:Tên giấy tờMẫu đơn, tờ khaiSố lượngGiấy tờ, tài liệu chứng minh chỗ ở hợp pháp0 bản chính,1 bản saoTrường hợp người chưa đủ 14 tuổiTên giấy tờMẫu đơn, tờ khaiSố lượngVăn bản đồng ý của cha, mẹ1 bản chính--Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị1 bản chính",
    );
    let rows: Vec<(&str, bool)> = documents
        .iter()
        .map(|document| (document.name.as_str(), document.mandatory))
        .collect();
    assert_eq!(
        rows,
        [
            (
                "Giấy tờ phải nộp: Tờ khai thay đổi thông tin cư trú (mẫu CT01)",
                true
            ),
            (
                "Giấy tờ phải xuất trình: Giấy tờ, tài liệu chứng minh chỗ ở hợp pháp",
                true
            ),
            (
                "Trường hợp người chưa đủ 14 tuổi: Văn bản đồng ý của cha, mẹ",
                false
            ),
            ("Đơn đề nghị", true),
        ]
    );
}

#[test]
fn a_table_saying_nothing_is_required_is_no_failure() {
    let parsed = parse(&[(
        "thanh_phan_ho_so",
        "Thành phần hồ sơTên giấy tờMẫu đơn, tờ khaiSố lượng\tkhông quy định0 bản chính",
    )]);
    assert!(parsed.procedure.documents.is_empty());
    assert!(parsed.unparsed_fields.is_empty());
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
