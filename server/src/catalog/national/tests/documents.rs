//! The documents of a dossier: templates, copies, headings.

use super::*;

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
