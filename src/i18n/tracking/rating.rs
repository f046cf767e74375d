//! The texts of rating a dossier (đánh giá mức độ hài lòng).

use motcua_api::rating::SATISFACTION_LEVELS;

pub struct RatingTexts {
    pub heading: &'static str,
    pub intro: &'static str,
    pub satisfaction: &'static str,
    pub guidance_clear: &'static str,
    pub on_time: &'static str,
    pub staff_attitude: &'static str,
    /// Level `n` at index `n - 1`.
    pub levels: [&'static str; 5],
    pub comment: &'static str,
    pub comment_hint: &'static str,
    pub submit: &'static str,
    pub thanks: &'static str,
    pub yours: &'static str,
    pub rated_on: &'static str,
    pub no_comment: &'static str,
    pub unavailable: &'static str,
}

pub static VI: RatingTexts = RatingTexts {
    heading: "Đánh giá mức độ hài lòng",
    intro: "Ý kiến của bạn giúp cơ quan phục vụ tốt hơn. Mỗi hồ sơ chỉ đánh giá một lần.",
    satisfaction: "Nhìn chung, bạn có hài lòng với việc giải quyết hồ sơ không?",
    guidance_clear: "Hướng dẫn làm thủ tục có rõ ràng, dễ hiểu không?",
    on_time: "Bạn có hài lòng về thời gian trả kết quả không?",
    staff_attitude: "Bạn đánh giá thế nào về thái độ của cán bộ?",
    levels: SATISFACTION_LEVELS,
    comment: "Nhận xét, góp ý",
    comment_hint: "Không bắt buộc. Tối đa 1000 ký tự.",
    submit: "Gửi đánh giá",
    thanks: "Cảm ơn bạn đã đánh giá! Ý kiến của bạn đã được ghi nhận.",
    yours: "Đánh giá của bạn",
    rated_on: "Ngày đánh giá",
    no_comment: "Không có nhận xét",
    unavailable: "Không tải được phần đánh giá. Hãy tải lại trang sau ít phút.",
};

pub static EN: RatingTexts = RatingTexts {
    heading: "Rate the service",
    intro: "Your opinion helps the office serve you better. Each dossier can be rated once.",
    satisfaction: "Overall, how satisfied are you with how your dossier was handled?",
    guidance_clear: "Was the guidance on the procedure clear and easy to follow?",
    on_time: "How satisfied are you with when the result was delivered?",
    staff_attitude: "How would you rate the attitude of the staff?",
    levels: [
        "Very dissatisfied",
        "Dissatisfied",
        "Neutral",
        "Satisfied",
        "Very satisfied",
    ],
    comment: "Comments and suggestions",
    comment_hint: "Optional. Up to 1000 characters.",
    submit: "Send my rating",
    thanks: "Thank you for your rating! Your opinion has been recorded.",
    yours: "Your rating",
    rated_on: "Rated on",
    no_comment: "No comment",
    unavailable: "The rating could not be loaded. Please reload the page in a few minutes.",
};
