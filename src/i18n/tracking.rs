//! The texts of tracking a dossier and of "Hồ sơ của tôi", in Vietnamese and English.

mod letter;
mod rating;

use leptos::prelude::*;

use super::{DeadlineTexts, Lang, use_language};

pub use letter::LetterTexts;
pub use rating::RatingTexts;

impl Lang {
    pub fn tracking(self) -> &'static TrackingTexts {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// The tracking texts of the current language, reactively.
pub fn use_tracking_texts() -> impl Fn() -> &'static TrackingTexts + Copy + Send + Sync + 'static {
    let lang = use_language();
    move || lang.get().tracking()
}

/// One tracking text in the current language.
pub fn ttr(pick: fn(&TrackingTexts) -> &'static str) -> Signal<&'static str> {
    let lang = use_language();
    Signal::derive(move || pick(lang.get().tracking()))
}

/// Texts with `{n}` take a number (of working days, of characters).
pub struct TrackingTexts {
    pub nav_label: &'static str,
    pub nav_track: &'static str,
    pub nav_mine: &'static str,
    pub search_heading: &'static str,
    pub search_intro: &'static str,
    pub code_label: &'static str,
    pub code_hint: &'static str,
    pub phone_label: &'static str,
    pub phone_hint: &'static str,
    pub search_button: &'static str,
    pub searching: &'static str,
    pub no_match: &'static str,
    pub code_row: &'static str,
    pub deadline_row: &'static str,
    pub deadline_words: DeadlineTexts,
    pub todo_heading: &'static str,
    pub todo_supplement: &'static str,
    pub todo_after: &'static str,
    pub timeline_heading: &'static str,
    pub timeline_order: &'static str,
    pub time_at: &'static str,
    pub view_receipt: &'static str,
    pub track_another: &'static str,
    pub follow: &'static str,
    pub not_found: &'static str,
    pub mine_intro: &'static str,
    pub mine_empty: &'static str,
    pub search_link: &'static str,
    pub filed_on: &'static str,
    pub status_unavailable: &'static str,
    pub office_note: &'static str,
    pub supplement_files: &'static str,
    pub supplement_files_hint: &'static str,
    pub supplement_note: &'static str,
    pub supplement_note_hint: &'static str,
    pub supplement_submit: &'static str,
    pub sending: &'static str,
    pub wait_for_uploads: &'static str,
    pub supplement_sent: &'static str,
    pub chars_left: &'static str,
    pub chars_over: &'static str,
    pub result_row: &'static str,
    pub new_promise_row: &'static str,
    pub rating: &'static RatingTexts,
    pub letter: &'static LetterTexts,
}

static VI: TrackingTexts = TrackingTexts {
    nav_label: "Hồ sơ",
    nav_track: "Tra cứu hồ sơ",
    nav_mine: "Hồ sơ của tôi",
    search_heading: "Tra cứu hồ sơ",
    search_intro: "Xem hồ sơ của bạn đang ở bước nào và khi nào có kết quả.",
    code_label: "Mã hồ sơ",
    code_hint: "In trên phiếu tiếp nhận. Viết hoa hay viết thường đều được.",
    phone_label: "Số điện thoại đã khai khi nộp",
    phone_hint: "Số di động bạn ghi trong hồ sơ.",
    search_button: "Tra cứu",
    searching: "Đang tra cứu…",
    no_match: "Không tìm thấy hồ sơ với mã và số điện thoại này. Hãy kiểm tra lại mã trên phiếu tiếp nhận.",
    code_row: "Mã hồ sơ",
    deadline_row: "Thời hạn",
    deadline_words: DeadlineTexts {
        days_left: "Còn {n} ngày làm việc",
        due_today: "Hạn trả là hôm nay",
        days_late: "Đã quá hạn {n} ngày làm việc",
        past_promised: "Đã quá ngày hẹn trả",
        finished_on_time: "Đã hoàn thành đúng hạn",
        finished_late: "Đã hoàn thành trễ hạn",
        no_deadline: "Thủ tục không quy định thời hạn",
        paused: "Tạm dừng tính thời hạn trong khi chờ bạn bổ sung giấy tờ",
    },
    todo_heading: "Bạn cần làm gì bây giờ",
    todo_supplement: "Cơ quan giải quyết yêu cầu bạn bổ sung:",
    todo_after: "Hồ sơ chỉ được giải quyết tiếp sau khi bạn bổ sung.",
    timeline_heading: "Quá trình giải quyết",
    timeline_order: "Việc mới nhất ở trên cùng.",
    time_at: "lúc",
    view_receipt: "Xem và in phiếu tiếp nhận",
    track_another: "Tra cứu hồ sơ khác",
    follow: "Theo dõi tình trạng hồ sơ",
    not_found: "Không tìm thấy hồ sơ này, hoặc đường dẫn không còn dùng được. Hãy tra cứu bằng mã hồ sơ và số điện thoại.",
    mine_intro: "Các hồ sơ đã nộp trên thiết bị này. Hồ sơ nộp ở máy khác hoặc tại quầy thì tra cứu bằng mã hồ sơ.",
    mine_empty: "Bạn chưa nộp hồ sơ nào trên thiết bị này.",
    search_link: "Tra cứu hồ sơ bằng mã và số điện thoại",
    filed_on: "Ngày nộp",
    status_unavailable: "Không tải được trạng thái",
    office_note: "Ghi chú của cơ quan giải quyết:",
    supplement_files: "Tải lên giấy tờ bổ sung",
    supplement_files_hint: "Chụp rõ từng trang, hoặc chọn tệp có sẵn. Có thể tải lên nhiều tệp.",
    supplement_note: "Lời nhắn cho cán bộ giải quyết",
    supplement_note_hint: "Ví dụ: tệp nào là giấy tờ nào. Tối đa 1000 ký tự.",
    supplement_submit: "Gửi giấy tờ bổ sung",
    sending: "Đang gửi…",
    wait_for_uploads: "Hãy chờ các tệp tải lên xong rồi gửi.",
    supplement_sent: "Đã gửi giấy tờ bổ sung. Hồ sơ đã được chuyển lại cho cơ quan giải quyết.",
    chars_left: "Còn {n} ký tự",
    chars_over: "Quá {n} ký tự",
    result_row: "Nhận kết quả",
    new_promise_row: "Ngày hẹn lại trả kết quả",
    rating: &rating::VI,
    letter: &letter::VI,
};

static EN: TrackingTexts = TrackingTexts {
    nav_label: "Dossiers",
    nav_track: "Track a dossier",
    nav_mine: "My dossiers",
    search_heading: "Track a dossier",
    search_intro: "See which stage your dossier has reached and when the result will be ready.",
    code_label: "Dossier code",
    code_hint: "Printed on your receipt. Capital or small letters both work.",
    phone_label: "Phone number you gave when filing",
    phone_hint: "The mobile number written in your dossier.",
    search_button: "Look up",
    searching: "Looking up…",
    no_match: "No dossier was found with this code and phone number. Check the code on your receipt.",
    code_row: "Dossier code",
    deadline_row: "Deadline",
    deadline_words: DeadlineTexts {
        days_left: "Working days left: {n}",
        due_today: "Due today",
        days_late: "Overdue by {n} working day(s)",
        past_promised: "Past the promised date",
        finished_on_time: "Completed on time",
        finished_late: "Completed late",
        no_deadline: "This procedure sets no time limit",
        paused: "The clock is stopped while the office waits for your documents",
    },
    todo_heading: "What you need to do now",
    todo_supplement: "The office asks you to add:",
    todo_after: "Your dossier will only be processed further once you have added this.",
    timeline_heading: "Progress",
    timeline_order: "Newest first.",
    time_at: "at",
    view_receipt: "View and print the receipt",
    track_another: "Track another dossier",
    follow: "Follow your dossier's progress",
    not_found: "This dossier was not found, or the link no longer works. Look it up with its code and your phone number.",
    mine_intro: "The dossiers filed on this device. For one filed elsewhere or at a counter, look it up by its code.",
    mine_empty: "You have not filed any dossier on this device.",
    search_link: "Track a dossier by its code and phone number",
    filed_on: "Filed on",
    status_unavailable: "Status could not be loaded",
    office_note: "Note from the office:",
    supplement_files: "Upload the missing documents",
    supplement_files_hint: "Photograph each page clearly, or choose files you already have. You may upload several files.",
    supplement_note: "Message to the officer",
    supplement_note_hint: "For example: which file is which document. Up to 1000 characters.",
    supplement_submit: "Send the documents",
    sending: "Sending…",
    wait_for_uploads: "Please wait until every file has finished uploading.",
    supplement_sent: "Your documents were sent. The dossier is back with the office.",
    chars_left: "{n} characters left",
    chars_over: "{n} characters too many",
    result_row: "Getting your result",
    new_promise_row: "New date for the result",
    rating: &rating::EN,
    letter: &letter::EN,
};
