//! The figures per agency as a bar chart drawn here in SVG, no chart library: one stacked
//! horizontal bar per agency (on time, late, overdue now, in progress), its numbers written on it,
//! a `<title>` and a `<desc>`. The table under it gives the same numbers to whoever cannot see it.

use leptos::prelude::*;
// `<title>` written in `view!` right under `<svg>` or `<text>` is made an HTML element.
use leptos::tachys::svg;
use motcua_api::stats::{Figures, GroupFigures};

use crate::i18n::{StatsTexts, use_stats_texts};

/// The drawing's width: about a phone's, so its text reads at its own size there.
const WIDTH: f64 = 360.0;
const LABEL_HEIGHT: f64 = 20.0;
const BAR_HEIGHT: f64 = 26.0;
const ROW_HEIGHT: f64 = 62.0;
/// Room right of the longest bar for its total.
const TOTAL_ROOM: f64 = 44.0;
/// A part narrower than this has no room for its number (still in its `<title>` and the table).
const NUMBER_ROOM: f64 = 22.0;
/// Longer agency names are cut, with `…`; the full name is in the label's `<title>`.
const LONGEST_NAME: usize = 38;

type Part = (
    fn(&Figures) -> u64,
    fn(&StatsTexts) -> &'static str,
    &'static str,
);

/// The parts of a bar, left to right: the count, its name and its CSS class.
const PARTS: [Part; 4] = [
    (|f| f.solved_on_time, |t| t.on_time, "bar-on-time"),
    (|f| f.solved_late, |t| t.late, "bar-late"),
    (|f| f.overdue_now, |t| t.overdue, "bar-overdue"),
    (|f| f.in_progress, |t| t.in_progress, "bar-in-progress"),
];

fn bar_total(figures: &Figures) -> u64 {
    PARTS.iter().map(|(count, ..)| count(figures)).sum()
}

/// A coordinate as SVG reads it.
fn at(value: f64) -> String {
    format!("{value:.1}")
}

fn short_name(name: &str) -> String {
    if name.chars().count() <= LONGEST_NAME {
        return name.to_string();
    }
    let cut: String = name.chars().take(LONGEST_NAME - 1).collect();
    format!("{}…", cut.trim_end())
}

#[component]
pub fn AgencyChart(groups: Vec<GroupFigures>) -> impl IntoView {
    let texts = use_stats_texts();
    let longest = groups
        .iter()
        .map(|group| bar_total(&group.figures))
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = (WIDTH - TOTAL_ROOM) / longest as f64;
    let height = (groups.len() as f64 * ROW_HEIGHT).max(ROW_HEIGHT);
    // Even a period without dossiers draws its (empty) chart, saying so.
    let empty = groups.is_empty().then(|| {
        view! {
            <text class="bar-label" x="0" y=at(LABEL_HEIGHT)>
                {move || texts().no_data}
            </text>
        }
    });
    let bars = groups
        .into_iter()
        .enumerate()
        .map(|(index, group)| bar(index, group, scale))
        .collect_view();
    let legend = PARTS
        .into_iter()
        .map(|(_, name, class)| {
            view! {
                <li>
                    <span class=format!("legend-swatch {class}") aria-hidden="true"></span>
                    {move || name(texts())}
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="stats-chart-figure">
            <ul class="chart-legend">{legend}</ul>
            <svg
                id="stats-chart"
                class="stats-chart"
                role="img"
                viewBox=format!("0 0 {WIDTH} {}", at(height))
                aria-labelledby="stats-chart-title stats-chart-desc"
            >
                {svg::title().id("stats-chart-title").child(move || texts().chart_title)}
                <desc id="stats-chart-desc">{move || texts().chart_desc}</desc>
                {empty}
                {bars}
            </svg>
        </figure>
    }
}

/// One agency: its name above its bar, the bar's parts, and its total.
fn bar(index: usize, group: GroupFigures, scale: f64) -> impl IntoView {
    let texts = use_stats_texts();
    let top = index as f64 * ROW_HEIGHT;
    let bar_top = top + LABEL_HEIGHT + 4.0;
    let middle = at(bar_top + BAR_HEIGHT / 2.0);
    let mut end = 0.0;
    let parts = PARTS
        .into_iter()
        .filter_map(|(count, name, class)| {
            let count = count(&group.figures);
            if count == 0 {
                return None;
            }
            let (left, width) = (end, count as f64 * scale);
            end += width;
            let number = (width >= NUMBER_ROOM).then(|| {
                view! {
                    <text class="bar-number" x=at(left + width / 2.0) y=middle.clone()>
                        {count.to_string()}
                    </text>
                }
            });
            Some(view! {
                <rect
                    class=format!("bar {class}")
                    x=at(left)
                    y=at(bar_top)
                    width=at(width)
                    height=at(BAR_HEIGHT)
                >
                    <title>{move || format!("{}: {count}", name(texts()))}</title>
                </rect>
                {number}
            })
        })
        .collect_view();
    let total = bar_total(&group.figures);
    view! {
        <g class="chart-row">
            <text class="bar-label" x="0" y=at(top + LABEL_HEIGHT - 4.0)>
                {svg::title().child(group.name.clone())}
                {short_name(&group.name)}
            </text>
            {parts}
            <text class="bar-total" x=at(end + 6.0) y=middle>
                {total.to_string()}
            </text>
        </g>
    }
}

#[cfg(test)]
mod tests {
    use super::{LONGEST_NAME, short_name};

    #[test]
    fn long_agency_names_are_cut_with_an_ellipsis() {
        assert_eq!(
            short_name("Ủy ban nhân dân cấp xã"),
            "Ủy ban nhân dân cấp xã"
        );
        let long = "Sở Tư pháp tỉnh Bắc Ninh - Phòng Hành chính tư pháp";
        let short = short_name(long);
        assert_eq!(short.chars().count(), LONGEST_NAME);
        assert!(short.ends_with('…'));
    }
}
