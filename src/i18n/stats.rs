//! The texts of the public figures page (kết quả giải quyết hồ sơ), in Vietnamese and English.

use leptos::prelude::*;

use super::{Lang, use_language};

impl Lang {
    pub fn stats(self) -> &'static StatsTexts {
        match self {
            Lang::Vi => &VI,
            Lang::En => &EN,
        }
    }
}

/// The figures texts of the current language, reactively.
pub fn use_stats_texts() -> impl Fn() -> &'static StatsTexts + Copy + Send + Sync + 'static {
    let lang = use_language();
    move || lang.get().stats()
}

/// One figures text in the current language.
pub fn figtr(pick: fn(&StatsTexts) -> &'static str) -> Signal<&'static str> {
    let lang = use_language();
    Signal::derive(move || pick(lang.get().stats()))
}

/// `{n}`, `{from}`, `{to}` and `{rate}` are filled in.
pub struct StatsTexts {
    pub nav: &'static str,
    pub heading: &'static str,
    pub intro: &'static str,
    pub period_legend: &'static str,
    pub period_hint: &'static str,
    pub from: &'static str,
    pub to: &'static str,
    pub show: &'static str,
    pub period: &'static str,
    pub overall_heading: &'static str,
    pub received: &'static str,
    pub on_time: &'static str,
    pub late: &'static str,
    pub overdue: &'static str,
    pub in_progress: &'static str,
    pub refused: &'static str,
    pub withdrawn: &'static str,
    pub rate: &'static str,
    pub rate_hint: &'static str,
    pub satisfaction: &'static str,
    pub satisfaction_hint: &'static str,
    pub no_data: &'static str,
    pub no_ratings: &'static str,
    pub empty: &'static str,
    pub by_agency: &'static str,
    pub by_field: &'static str,
    pub agency_column: &'static str,
    pub field_column: &'static str,
    pub satisfaction_column: &'static str,
    pub total_row: &'static str,
    pub chart_title: &'static str,
    pub chart_desc: &'static str,
    pub agency_caption: &'static str,
    pub field_caption: &'static str,
    /// The decimal separator.
    pub decimal: &'static str,
    pub percent: &'static str,
    pub out_of_five: &'static str,
}

static VI: StatsTexts = StatsTexts {
    nav: "Kết quả giải quyết hồ sơ",
    heading: "Kết quả giải quyết hồ sơ",
    intro: "Số liệu công khai về hồ sơ được tiếp nhận và giải quyết: đúng hạn, trễ hạn, đang quá hạn và mức độ hài lòng của người dân.",
    period_legend: "Khoảng thời gian tiếp nhận hồ sơ",
    period_hint: "Mặc định là 30 ngày gần nhất. Tối đa 366 ngày.",
    from: "Từ ngày",
    to: "Đến ngày",
    show: "Xem số liệu",
    period: "Hồ sơ tiếp nhận từ {from} đến {to}",
    overall_heading: "Tổng quan",
    received: "Hồ sơ tiếp nhận",
    on_time: "Giải quyết đúng hạn",
    late: "Giải quyết trễ hạn",
    overdue: "Đang quá hạn",
    in_progress: "Đang giải quyết trong hạn",
    refused: "Từ chối tiếp nhận",
    withdrawn: "Rút hồ sơ",
    rate: "Tỷ lệ giải quyết đúng hạn",
    rate_hint: "Trên số hồ sơ đã giải quyết",
    satisfaction: "Mức độ hài lòng",
    satisfaction_hint: "{rate} hài lòng trở lên, trên {n} lượt đánh giá",
    no_data: "Chưa có",
    no_ratings: "Chưa có lượt đánh giá nào",
    empty: "Không có hồ sơ nào được tiếp nhận trong khoảng thời gian này.",
    by_agency: "Theo cơ quan giải quyết",
    by_field: "Theo lĩnh vực",
    agency_column: "Cơ quan",
    field_column: "Lĩnh vực",
    satisfaction_column: "Điểm hài lòng",
    total_row: "Tổng cộng",
    chart_title: "Tình trạng hồ sơ theo cơ quan giải quyết",
    chart_desc: "Biểu đồ thanh ngang, mỗi cơ quan một thanh gồm số hồ sơ giải quyết đúng hạn, trễ hạn, đang quá hạn và đang giải quyết trong hạn. Bảng bên dưới có đủ số liệu.",
    agency_caption: "Số liệu theo cơ quan giải quyết",
    field_caption: "Số liệu theo lĩnh vực",
    decimal: ",",
    percent: "{n} %",
    out_of_five: "{n}/5",
};

static EN: StatsTexts = StatsTexts {
    nav: "Results of dossiers",
    heading: "How dossiers are handled",
    intro: "Public figures on the dossiers received and handled: on time, late, overdue now, and how satisfied citizens are.",
    period_legend: "Period in which the dossiers were received",
    period_hint: "The last 30 days by default. At most 366 days.",
    from: "From",
    to: "To",
    show: "Show figures",
    period: "Dossiers received from {from} to {to}",
    overall_heading: "Overview",
    received: "Dossiers received",
    on_time: "Handled on time",
    late: "Handled late",
    overdue: "Overdue now",
    in_progress: "In progress, within time",
    refused: "Refused at reception",
    withdrawn: "Withdrawn",
    rate: "Handled on time",
    rate_hint: "Of the dossiers handled",
    satisfaction: "Satisfaction",
    satisfaction_hint: "{rate} satisfied or very satisfied, from {n} ratings",
    no_data: "None yet",
    no_ratings: "No ratings yet",
    empty: "No dossier was received in this period.",
    by_agency: "By agency",
    by_field: "By field",
    agency_column: "Agency",
    field_column: "Field",
    satisfaction_column: "Satisfaction score",
    total_row: "Total",
    chart_title: "Dossiers by agency and by outcome",
    chart_desc: "Horizontal bar chart: one bar per agency, split into dossiers handled on time, handled late, overdue now and in progress within time. The table below gives every figure.",
    agency_caption: "Figures by agency",
    field_caption: "Figures by field",
    decimal: ".",
    percent: "{n}%",
    out_of_five: "{n}/5",
};
