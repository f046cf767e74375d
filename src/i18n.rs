//! Every text of the interface, in Vietnamese and English. A `Texts` value must give every field,
//! so a missing translation fails to compile. Catalog content stays in Vietnamese (it is the law's
//! text); only the interface around it is translated.

mod counter;
mod deadline;
mod filing;
mod staff;
mod stats;
mod tracking;

use leptos::prelude::*;
use motcua_api::message::{self, Message};

pub use counter::{CounterTexts, ctr, use_counter_texts};
pub use deadline::DeadlineTexts;
pub use filing::{FilingTexts, ftr, use_filing_texts};
pub use staff::{StaffTexts, sttr, use_staff_texts};
pub use stats::{StatsTexts, figtr, use_stats_texts};
pub use tracking::{LetterTexts, RatingTexts, ttr, use_tracking_texts};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    fn from_code(code: &str) -> Option<Lang> {
        [Lang::Vi, Lang::En]
            .into_iter()
            .find(|lang| lang.code() == code)
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }

    /// A message of the shared rules (`motcua_api`) in this language.
    pub fn message(self, message: Message) -> &'static str {
        match self {
            Lang::Vi => message.vi,
            Lang::En => message.en,
        }
    }

    /// A message from the server, which speaks Vietnamese: in English when it is one of the
    /// shared rules' messages, else as it came.
    pub fn server_message(self, text: String) -> String {
        match self {
            Lang::Vi => text,
            Lang::En => message::from_vi(&text).map_or(text, |message| message.en.to_string()),
        }
    }
}

const STORAGE_KEY: &str = "motcua.lang";

/// Puts the language (remembered in localStorage, Vietnamese by default) in the context.
pub fn provide_language() {
    let storage = window().local_storage().ok().flatten();
    let remembered = storage
        .as_ref()
        .and_then(|storage| storage.get_item(STORAGE_KEY).ok().flatten())
        .and_then(|code| Lang::from_code(&code));
    let lang = RwSignal::new(remembered.unwrap_or(Lang::Vi));
    Effect::new(move || {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            root.set_attribute("lang", lang.code()).ok();
        }
        if let Some(storage) = &storage {
            storage.set_item(STORAGE_KEY, lang.code()).ok();
        }
    });
    provide_context(lang);
}

pub fn use_language() -> RwSignal<Lang> {
    expect_context::<RwSignal<Lang>>()
}

/// The texts of the current language, reactively.
pub fn use_texts() -> impl Fn() -> &'static Texts + Copy + Send + Sync + 'static {
    let lang = use_language();
    move || lang.get().texts()
}

/// One text of the interface in the current language. Every text shares this one signal type,
/// which keeps the Wasm small.
pub fn tr(pick: fn(&Texts) -> &'static str) -> Signal<&'static str> {
    let lang = use_language();
    Signal::derive(move || pick(lang.get().texts()))
}

pub struct Texts {
    pub skip_to_content: &'static str,
    pub portal_name: &'static str,
    pub portal_tagline: &'static str,
    pub switch_to: &'static str,
    pub larger_text: &'static str,
    pub footer: &'static str,
    pub search_label: &'static str,
    pub search_placeholder: &'static str,
    pub search_button: &'static str,
    pub search_hint: &'static str,
    pub home_intro: &'static str,
    pub popular_heading: &'static str,
    pub results_heading: &'static str,
    pub found: &'static str,
    pub procedures: &'static str,
    pub no_results: &'static str,
    pub tips_heading: &'static str,
    pub tip_short: &'static str,
    pub tip_spelling: &'static str,
    pub tip_filters: &'static str,
    pub paging: &'static str,
    pub filter_field: &'static str,
    pub filter_agency: &'static str,
    pub filter_level: &'static str,
    pub filter_any: &'static str,
    pub filters_heading: &'static str,
    pub level_central: &'static str,
    pub level_province: &'static str,
    pub level_commune: &'static str,
    pub level_other: &'static str,
    pub online_full: &'static str,
    pub online_partial: &'static str,
    pub code_label: &'static str,
    pub previous_page: &'static str,
    pub next_page: &'static str,
    pub page: &'static str,
    pub loading: &'static str,
    pub offline: &'static str,
    pub network: &'static str,
    pub unexpected: &'static str,
    pub not_found_title: &'static str,
    pub not_found_text: &'static str,
    pub procedure_not_found_title: &'static str,
    pub procedure_not_found: &'static str,
    pub back_home: &'static str,
    pub processing_time: &'static str,
    pub fee: &'static str,
    pub where_to_file: &'static str,
    pub how_to_file: &'static str,
    pub channel_counter: &'static str,
    pub channel_online: &'static str,
    pub channel_post: &'static str,
    pub file_online: &'static str,
    pub documents_heading: &'static str,
    pub original: &'static str,
    pub copy: &'static str,
    pub template: &'static str,
    pub mandatory: &'static str,
    pub if_any: &'static str,
    pub steps_heading: &'static str,
    pub conditions_heading: &'static str,
    pub result_heading: &'static str,
    pub legal_heading: &'static str,
    pub applicants_heading: &'static str,
    pub source_text: &'static str,
    pub channels_heading: &'static str,
    pub prepare_heading: &'static str,
    pub prepare_intro: &'static str,
    pub prepared: &'static str,
    pub back_to_procedure: &'static str,
    pub free: &'static str,
    pub currency: &'static str,
    pub no_information: &'static str,
    pub same_day: &'static str,
    pub working_days: &'static str,
    pub days: &'static str,
    pub working_hours: &'static str,
    pub months: &'static str,
}

static VI: Texts = Texts {
    skip_to_content: "Bỏ qua, đến nội dung chính",
    portal_name: "Một Cửa",
    portal_tagline: "Cổng dịch vụ công",
    switch_to: "English",
    larger_text: "Chữ to",
    footer: "Trung tâm Phục vụ hành chính công. Phục vụ 24/7, miễn phí tra cứu.",
    search_label: "Bạn cần làm thủ tục gì?",
    search_placeholder: "Ví dụ: khai sinh, sổ đỏ, cấp lại căn cước",
    search_button: "Tìm kiếm",
    search_hint: "Gõ có dấu hay không dấu đều được.",
    home_intro: "Tra cứu thủ tục hành chính: cần giấy tờ gì, mất bao lâu, tốn bao nhiêu, nộp ở đâu.",
    popular_heading: "Thủ tục thường dùng",
    results_heading: "Kết quả tìm kiếm",
    found: "Tìm thấy",
    procedures: "thủ tục",
    no_results: "Không tìm thấy thủ tục nào phù hợp.",
    tips_heading: "Bạn có thể thử:",
    tip_short: "Gõ ngắn hơn, ví dụ \"khai sinh\" thay vì \"làm giấy khai sinh cho con\".",
    tip_spelling: "Kiểm tra lỗi chính tả; gõ có dấu hay không dấu đều được.",
    tip_filters: "Bỏ bớt bộ lọc (lĩnh vực, cơ quan, cấp thực hiện).",
    paging: "Chuyển trang kết quả",
    filter_field: "Lĩnh vực",
    filter_agency: "Cơ quan thực hiện",
    filter_level: "Cấp thực hiện",
    filter_any: "Tất cả",
    filters_heading: "Lọc kết quả",
    level_central: "Trung ương",
    level_province: "Tỉnh",
    level_commune: "Xã",
    level_other: "Khác",
    online_full: "Nộp trực tuyến toàn trình",
    online_partial: "Nộp trực tuyến một phần",
    code_label: "Mã",
    previous_page: "Trang trước",
    next_page: "Trang sau",
    page: "Trang",
    loading: "Đang tải…",
    offline: "Thiết bị của bạn đang mất kết nối mạng. Vui lòng kiểm tra Wi-Fi hoặc 4G rồi thử lại.",
    network: "Không kết nối được máy chủ. Vui lòng thử lại sau ít phút.",
    unexpected: "Đã có lỗi không mong muốn. Vui lòng tải lại trang.",
    not_found_title: "Không tìm thấy trang",
    not_found_text: "Trang bạn tìm không có hoặc đã được chuyển đi. Bạn có thể tìm thủ tục ở ô dưới đây.",
    procedure_not_found_title: "Không tìm thấy thủ tục",
    procedure_not_found: "Không tìm thấy thủ tục này. Mã thủ tục có thể đã thay đổi; hãy tìm theo tên.",
    back_home: "Về trang chủ",
    processing_time: "Thời gian giải quyết",
    fee: "Lệ phí",
    where_to_file: "Nơi nộp",
    how_to_file: "Cách nộp",
    channel_counter: "Tại quầy",
    channel_online: "Trực tuyến",
    channel_post: "Qua bưu điện",
    file_online: "Nộp hồ sơ trực tuyến",
    documents_heading: "Giấy tờ cần chuẩn bị",
    original: "bản chính",
    copy: "bản sao",
    template: "Mẫu",
    mandatory: "Bắt buộc",
    if_any: "Nếu có",
    steps_heading: "Các bước thực hiện",
    conditions_heading: "Điều kiện",
    result_heading: "Kết quả nhận được",
    legal_heading: "Căn cứ pháp lý",
    applicants_heading: "Ai được nộp",
    source_text: "Văn bản gốc chưa được phân tích",
    channels_heading: "Cách nộp, thời gian và lệ phí",
    prepare_heading: "Chuẩn bị nộp hồ sơ",
    prepare_intro: "Đánh dấu từng giấy tờ khi bạn đã chuẩn bị xong.",
    prepared: "Đã chuẩn bị",
    back_to_procedure: "Quay lại thông tin thủ tục",
    free: "Miễn phí",
    currency: "đồng",
    no_information: "Chưa có thông tin",
    same_day: "Trong ngày",
    working_days: "ngày làm việc",
    days: "ngày",
    working_hours: "giờ làm việc",
    months: "tháng",
};

static EN: Texts = Texts {
    skip_to_content: "Skip to main content",
    portal_name: "Một Cửa",
    portal_tagline: "Public service portal",
    switch_to: "Tiếng Việt",
    larger_text: "Larger text",
    footer: "Public Administrative Service Center. Open 24/7, free to consult.",
    search_label: "Which procedure do you need?",
    search_placeholder: "For example: birth registration, land certificate, ID card",
    search_button: "Search",
    search_hint: "You may type with or without Vietnamese accents.",
    home_intro: "Look up administrative procedures: what to bring, how long it takes, what it costs, where to file.",
    popular_heading: "Common procedures",
    results_heading: "Search results",
    found: "Found",
    procedures: "procedures",
    no_results: "No procedure matches your search.",
    tips_heading: "You could try:",
    tip_short: "Fewer words, for example \"khai sinh\" (birth registration).",
    tip_spelling: "Checking the spelling; Vietnamese accents are optional.",
    tip_filters: "Removing a filter (field, agency, level).",
    paging: "Result pages",
    filter_field: "Field",
    filter_agency: "Agency",
    filter_level: "Level",
    filter_any: "All",
    filters_heading: "Filter results",
    level_central: "Central",
    level_province: "Province",
    level_commune: "Commune",
    level_other: "Other body",
    online_full: "Fully online",
    online_partial: "Partly online",
    code_label: "Code",
    previous_page: "Previous page",
    next_page: "Next page",
    page: "Page",
    loading: "Loading…",
    offline: "Your device is offline. Please check your Wi-Fi or mobile data and try again.",
    network: "Cannot reach the server. Please try again in a few minutes.",
    unexpected: "Something unexpected went wrong. Please reload the page.",
    not_found_title: "Page not found",
    not_found_text: "The page you are looking for does not exist or has moved. You can search for a procedure below.",
    procedure_not_found_title: "Procedure not found",
    procedure_not_found: "This procedure was not found. Its code may have changed; please search by name.",
    back_home: "Back to the home page",
    processing_time: "Processing time",
    fee: "Fee",
    where_to_file: "Where to file",
    how_to_file: "How to file",
    channel_counter: "At a counter",
    channel_online: "Online",
    channel_post: "By post",
    file_online: "File online",
    documents_heading: "Documents to bring",
    original: "original",
    copy: "copy",
    template: "Form",
    mandatory: "Required",
    if_any: "If applicable",
    steps_heading: "Steps",
    conditions_heading: "Conditions",
    result_heading: "What you receive",
    legal_heading: "Legal basis",
    applicants_heading: "Who may file",
    source_text: "Source text not yet structured",
    channels_heading: "Ways to file, time and fees",
    prepare_heading: "Prepare your dossier",
    prepare_intro: "Tick each document once you have it ready.",
    prepared: "Ready",
    back_to_procedure: "Back to the procedure",
    free: "Free",
    currency: "VND",
    no_information: "No information yet",
    same_day: "Same day",
    working_days: "working days",
    days: "days",
    working_hours: "working hours",
    months: "months",
};
