//! The texts of filing at the counter (the officer's words in the shared filing form, the
//! procedure picker and the receipt page), in Vietnamese and English.

use leptos::prelude::*;

use super::{Lang, use_language};

impl Lang {
    pub fn counter(self) -> &'static CounterTexts {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// The counter texts of the current language, reactively.
pub fn use_counter_texts() -> impl Fn() -> &'static CounterTexts + Copy + Send + Sync + 'static {
    let lang = use_language();
    move || lang.get().counter()
}

/// One counter text in the current language.
pub fn ctr(pick: fn(&CounterTexts) -> &'static str) -> Signal<&'static str> {
    let lang = use_language();
    Signal::derive(move || pick(lang.get().counter()))
}

pub struct CounterTexts {
    pub heading: &'static str,
    pub not_permitted: &'static str,
    pub pick_intro: &'static str,
    pub no_results: &'static str,
    pub start_intro: &'static str,
    pub collect_heading: &'static str,
    pub other_procedure: &'static str,
    pub on_behalf: &'static str,
    pub scan_hint: &'static str,
    pub scan_camera: &'static str,
    pub scan_file: &'static str,
    pub declaration: &'static str,
    pub submit: &'static str,
    pub print_for_citizen: &'static str,
    pub open_dossier: &'static str,
    pub file_another: &'static str,
}

static VI: CounterTexts = CounterTexts {
    heading: "Nộp hồ sơ tại quầy",
    not_permitted: "Tài khoản của bạn không được tiếp nhận hồ sơ tại quầy.",
    pick_intro: "Chọn thủ tục công dân cần nộp, rồi nhập hồ sơ thay công dân bằng cùng biểu mẫu nộp trực tuyến.",
    no_results: "Không tìm thấy thủ tục nào.",
    start_intro: "Thu các giấy tờ dưới đây của công dân; khi nhập hồ sơ, quét hoặc chụp từng giấy tờ.",
    collect_heading: "Giấy tờ cần thu",
    other_procedure: "Chọn thủ tục khác",
    on_behalf: "Nộp tại quầy: bạn đang nhập hồ sơ thay công dân, theo giấy tờ và lời khai của công dân.",
    scan_hint: "Quét / chụp giấy tờ công dân mang đến: rõ cả trang, không mất góc. Giấy tờ nhiều trang thì quét / chụp từng trang (tối đa 10 tệp).",
    scan_camera: "Chụp giấy tờ bằng máy ảnh",
    scan_file: "Chọn tệp đã quét",
    declaration: "Khi bấm \"Tiếp nhận hồ sơ\", bạn xác nhận đã đối chiếu giấy tờ gốc và thông tin công dân khai.",
    submit: "Tiếp nhận hồ sơ",
    print_for_citizen: "In phiếu tiếp nhận và trao cho công dân.",
    open_dossier: "Mở hồ sơ trong màn hình cán bộ",
    file_another: "Nộp hồ sơ khác tại quầy",
};

static EN: CounterTexts = CounterTexts {
    heading: "File at the counter",
    not_permitted: "Your account may not receive dossiers at the counter.",
    pick_intro: "Choose the procedure the citizen is filing, then fill in the dossier for them with the same form as online filing.",
    no_results: "No procedure found.",
    start_intro: "Collect the documents below from the citizen; scan or photograph each one while filling in the dossier.",
    collect_heading: "Documents to collect",
    other_procedure: "Choose another procedure",
    on_behalf: "Counter filing: you are filling in the dossier for the citizen, from their documents and statements.",
    scan_hint: "Scan / photograph the documents the citizen brought: the whole page, no corner cut off. For several pages, one scan or photo per page (up to 10 files).",
    scan_camera: "Photograph with the camera",
    scan_file: "Choose a scanned file",
    declaration: "By pressing \"Receive dossier\" you confirm you have checked the original documents and the citizen's statements.",
    submit: "Receive dossier",
    print_for_citizen: "Print the receipt and hand it to the citizen.",
    open_dossier: "Open the dossier in the staff view",
    file_another: "File another dossier at the counter",
};
