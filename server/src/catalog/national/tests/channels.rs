//! Ways to file, times, fees and the online level.

use motcua_api::{ChannelKind, OnlineLevel, TimeUnit};

use super::*;

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
