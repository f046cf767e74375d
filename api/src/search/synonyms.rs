//! How citizens name procedures, as data: colloquial names, abbreviations and everyday phrasing,
//! each with the catalog wording it stands for. Written with diacritics for the reader; folded
//! with the same rules as the catalog when the index is built.
//!
//! A query phrase matching a left-hand side keeps its literal reading (when the catalog has
//! those words side by side) and gains every right-hand side as an alternative reading; the
//! search scores each document by its best reading (see `lexicon`, `plan`).

/// (what citizens type, what the catalog says): phrases separated by `|`.
pub const SYNONYMS: &[(&str, &str)] = &[
    // Land: the red and pink books are the land-use right certificate.
    (
        "sổ đỏ | sổ hồng | bìa đỏ | bìa hồng | giấy đỏ | sổ đất | sổ nhà đất | qsdđ",
        "giấy chứng nhận quyền sử dụng đất",
    ),
    (
        "làm sổ đỏ | làm sổ hồng | cấp sổ đỏ | cấp sổ hồng | làm bìa đỏ | cấp sổ lần đầu",
        "đăng ký đất đai cấp giấy chứng nhận quyền sử dụng đất lần đầu hộ gia đình cá nhân",
    ),
    (
        "sang tên sổ đỏ | sang tên sổ hồng | sang tên đất | sang tên nhà đất | mua bán đất | chuyển nhượng đất | mua đất | bán đất | tặng cho đất | thừa kế đất",
        "đăng ký biến động quyền sử dụng đất chuyển nhượng thừa kế tặng cho",
    ),
    (
        "mất sổ đỏ | mất sổ hồng | cấp lại sổ đỏ | cấp lại sổ hồng | làm lại sổ đỏ",
        "cấp lại giấy chứng nhận do bị mất",
    ),
    (
        "tách sổ | tách sổ đỏ | tách đất | gộp sổ | gộp đất",
        "tách thửa hợp thửa đất",
    ),
    // Driving licence.
    (
        "bằng lái xe | bằng lái | bằng xe | gplx",
        "giấy phép lái xe",
    ),
    // Identity card: the citizen identity card is now the "thẻ căn cước".
    (
        "căn cước công dân | thẻ căn cước công dân | cccd | thẻ cccd | cmnd | cmt | chứng minh nhân dân | chứng minh thư | căn cước",
        "thẻ căn cước",
    ),
    // Civil status.
    (
        "giấy xác nhận độc thân | xác nhận độc thân | giấy độc thân | giấy chứng nhận độc thân | độc thân",
        "xác nhận tình trạng hôn nhân",
    ),
    (
        "giấy khai sinh | làm khai sinh | khai sinh cho con | giấy chứng sinh | làm giấy khai sinh",
        "đăng ký khai sinh",
    ),
    (
        "giấy đăng ký kết hôn | giấy kết hôn | đăng ký cưới | giấy hôn thú | hôn thú",
        "đăng ký kết hôn",
    ),
    (
        "lấy chồng nước ngoài | lấy vợ nước ngoài | kết hôn với người nước ngoài | lấy chồng người nước ngoài | lấy vợ người nước ngoài",
        "đăng ký kết hôn có yếu tố nước ngoài",
    ),
    (
        "giấy chứng tử | giấy báo tử | báo tử | người mất | người chết",
        "đăng ký khai tử",
    ),
    (
        "nhận con nuôi | xin con nuôi | xin nuôi con nuôi",
        "đăng ký việc nuôi con nuôi trong nước",
    ),
    (
        "nhận cha con | nhận con | nhận bố | nhận cha | nhận mẹ con",
        "đăng ký nhận cha mẹ con",
    ),
    (
        "sửa tên | đổi tên | đổi họ | sửa ngày sinh | sửa giấy khai sinh | cải chính | sai tên",
        "thay đổi cải chính bổ sung thông tin hộ tịch",
    ),
    // Residence: the household book is gone, its procedures remain.
    (
        "hộ khẩu | sổ hộ khẩu | nhập hộ khẩu | đăng ký hộ khẩu | chuyển hộ khẩu | tách hộ khẩu | làm hộ khẩu",
        "đăng ký thường trú",
    ),
    (
        "cắt hộ khẩu | xóa hộ khẩu | xóa thường trú",
        "xóa đăng ký thường trú",
    ),
    ("kt3 | đăng ký tạm trú tạm vắng", "đăng ký tạm trú"),
    ("đăng ký tạm vắng | báo tạm vắng", "khai báo tạm vắng"),
    (
        "giấy xác nhận cư trú | xác nhận cư trú | xác nhận thường trú | xác nhận tạm trú | ct07",
        "xác nhận thông tin về cư trú",
    ),
    (
        "vneid | định danh điện tử | tài khoản vneid",
        "cấp tài khoản định danh điện tử",
    ),
    // Criminal record.
    (
        "lý lịch tư pháp | lltp | lý lịch | phiếu lý lịch",
        "phiếu lý lịch tư pháp",
    ),
    // Business.
    (
        "giấy phép kinh doanh hộ | giấy phép kinh doanh hộ cá thể | đăng ký kinh doanh hộ cá thể | hộ kinh doanh cá thể | kinh doanh cá thể | hộ cá thể | mở hộ kinh doanh | đăng ký hộ kinh doanh | mở quán | mở cửa hàng | mở tiệm",
        "đăng ký thành lập hộ kinh doanh",
    ),
    (
        "giấy phép kinh doanh | gpkd | đăng ký kinh doanh",
        "đăng ký thành lập hộ kinh doanh | đăng ký thành lập doanh nghiệp",
    ),
    (
        "mở công ty | thành lập công ty | lập công ty | đăng ký công ty | mở doanh nghiệp",
        "đăng ký thành lập công ty | đăng ký thành lập doanh nghiệp",
    ),
    (
        "tạm nghỉ kinh doanh | ngừng kinh doanh | đóng cửa hộ kinh doanh | nghỉ kinh doanh",
        "tạm ngừng kinh doanh | chấm dứt hoạt động hộ kinh doanh",
    ),
    (
        "mã số thuế cá nhân | mst cá nhân | đăng ký mã số thuế | làm mã số thuế | xin mã số thuế",
        "đăng ký thuế lần đầu cá nhân",
    ),
    (
        "quyết toán thuế thu nhập cá nhân | quyết toán thuế tncn | hoàn thuế thu nhập cá nhân",
        "khai quyết toán thuế hoàn thuế cá nhân cư trú tiền lương tiền công",
    ),
    // Building.
    (
        "xin phép xây nhà | xin phép xây dựng | giấy phép xây nhà | phép xây nhà | xây nhà | xây dựng nhà | cất nhà | làm nhà",
        "cấp giấy phép xây dựng mới nhà ở riêng lẻ",
    ),
    (
        "sửa nhà | sửa chữa nhà | cải tạo nhà",
        "cấp giấy phép xây dựng sửa chữa cải tạo nhà ở riêng lẻ",
    ),
    // Certified copies: citizens say "công chứng" for what the commune "chứng thực".
    (
        "công chứng bản sao | công chứng giấy tờ | photo công chứng | sao y | sao y bản chính | bản sao công chứng",
        "chứng thực bản sao từ bản chính",
    ),
    ("công chứng", "chứng thực"),
    ("di chúc | lập di chúc | làm di chúc", "chứng thực di chúc"),
    (
        "chia thừa kế | phân chia thừa kế | chia tài sản thừa kế",
        "chứng thực văn bản phân chia di sản",
    ),
    // Travel.
    ("passport | pasport | pass port", "hộ chiếu"),
    (
        "làm hộ chiếu | xin hộ chiếu | làm passport | cấp hộ chiếu",
        "cấp hộ chiếu phổ thông ở trong nước",
    ),
    ("visa | vi sa", "thị thực"),
    ("e visa | evisa | visa điện tử", "thị thực điện tử"),
    ("gia hạn visa | gia hạn thị thực", "gia hạn tạm trú"),
    ("việt kiều", "người việt nam định cư ở nước ngoài"),
    // Vehicles.
    (
        "đăng ký xe máy | đăng ký ô tô | đăng ký xe mới | đăng ký xe mới mua | đăng ký xe máy mới | đăng ký xe máy mới mua | xe mới mua | biển số xe | bấm biển | bấm biển số | làm biển số",
        "đăng ký cấp biển số xe lần đầu",
    ),
    (
        "cà vẹt | cavet | cà vẹt xe | giấy đăng ký xe",
        "chứng nhận đăng ký xe",
    ),
    (
        "sang tên xe | mua bán xe | mua xe cũ | sang tên xe máy | sang tên ô tô | đổi chủ xe",
        "cấp chứng nhận đăng ký xe biển số xe thay đổi chủ xe",
    ),
    ("xe máy", "mô tô | xe gắn máy"),
    ("xe hơi", "ô tô"),
    // Social insurance.
    (
        "rút bảo hiểm xã hội một lần | rút bảo hiểm xã hội | rút bhxh | rút sổ bảo hiểm | rút bảo hiểm | lãnh bảo hiểm một lần | bảo hiểm một lần",
        "hưởng bảo hiểm xã hội một lần",
    ),
    (
        "nghỉ hưu | về hưu | hưu trí | lãnh lương hưu",
        "hưởng lương hưu",
    ),
    (
        "sinh con | nghỉ sinh | nghỉ đẻ | chế độ sinh con | tiền sinh con",
        "hưởng chế độ thai sản",
    ),
    ("nghỉ ốm | ốm | bị ốm", "hưởng chế độ ốm đau"),
    (
        "hộ nghèo | sổ hộ nghèo | xác nhận hộ nghèo",
        "công nhận hộ nghèo hộ cận nghèo",
    ),
    ("con dấu | khắc dấu | làm con dấu", "đăng ký mẫu con dấu"),
    // Lost, broken or expired papers are re-issued.
    (
        "bị mất | mất | làm mất | đánh mất | thất lạc | bị hỏng | hỏng | làm lại | xin lại",
        "cấp lại",
    ),
    ("hết hạn | hết hạn sử dụng", "cấp đổi | gia hạn"),
    ("1 lần", "một lần"),
    // Abbreviations the catalog itself uses, both ways.
    ("bhxh", "bảo hiểm xã hội"),
    ("bảo hiểm xã hội", "bhxh"),
    ("bhyt", "bảo hiểm y tế"),
    ("bảo hiểm y tế", "bhyt"),
    ("bhtn", "bảo hiểm thất nghiệp"),
    ("bảo hiểm thất nghiệp", "bhtn"),
    ("tnhh", "trách nhiệm hữu hạn"),
    ("trách nhiệm hữu hạn", "tnhh"),
    ("tncn", "thu nhập cá nhân"),
    ("thu nhập cá nhân", "tncn"),
    ("gtgt | vat", "giá trị gia tăng"),
    ("giá trị gia tăng", "gtgt"),
    ("tnlđ", "tai nạn lao động"),
    ("tai nạn lao động", "tnlđ"),
    ("bnn", "bệnh nghề nghiệp"),
    ("bệnh nghề nghiệp", "bnn"),
    ("pccc", "phòng cháy chữa cháy"),
    ("ubnd", "ủy ban nhân dân"),
    ("htx", "hợp tác xã"),
    ("mst", "mã số thuế"),
    ("xnc", "xuất nhập cảnh"),
    ("gcn", "giấy chứng nhận"),
];

/// Words of a question rather than of a procedure name ("tôi muốn làm ... ở đâu?"), dropped from
/// queries. Not dropped when the query has nothing else.
pub const QUERY_STOP_PHRASES: &[&str] = &[
    "thủ tục",
    "thủ tục hành chính",
    "ở đâu",
    "thế nào",
    "như thế nào",
    "bao lâu",
    "bao nhiêu",
    "là gì",
    "cần gì",
    "cần những gì",
    "tôi cần",
    "cần làm",
    "mình cần",
    "hồ sơ gồm",
    "hướng dẫn",
    "cách",
    "làm sao",
    "cho con",
    "cho bé",
    "cho cháu",
    "cho tôi",
    "của tôi",
    "cho mình",
    "của mình",
    "tôi",
    "mình",
    "muốn",
    "xin",
    "làm",
    "giúp",
    "gì",
    "nào",
    "đi",
    "ạ",
    "ơi",
    "bị",
    "được",
    "không",
];

/// Words of procedure names that carry no meaning for ranking.
pub const NAME_FILLER: &[&str] = &["thủ tục"];
