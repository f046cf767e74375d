//! The figures per agency or per field as a table: the chart's numbers for whoever cannot see it,
//! and every figure for whoever wants them all. It scrolls sideways on a phone.

use leptos::prelude::*;
use motcua_api::stats::{Figures, GroupFigures};

use super::{out_of_five, per_mille};
use crate::format::thousands;
use crate::i18n::{figtr, use_stats_texts};

#[component]
pub fn FiguresTable(
    id: &'static str,
    caption: Signal<&'static str>,
    name_column: Signal<&'static str>,
    groups: Vec<GroupFigures>,
    /// The row of all dossiers, at the foot.
    overall: Figures,
) -> impl IntoView {
    let caption_id = format!("{id}-caption");
    let rows = groups
        .into_iter()
        .map(|group| {
            view! {
                <tr>
                    <th scope="row">{group.name}</th>
                    {cells(group.figures)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap" role="region" tabindex="0" aria-labelledby=caption_id>
            <table id=id class="figures-table">
                <caption id=caption_id.clone()>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{name_column}</th>
                        <th scope="col" class="number">{figtr(|t| t.received)}</th>
                        <th scope="col" class="number">{figtr(|t| t.on_time)}</th>
                        <th scope="col" class="number">{figtr(|t| t.late)}</th>
                        <th scope="col" class="number">{figtr(|t| t.overdue)}</th>
                        <th scope="col" class="number">{figtr(|t| t.in_progress)}</th>
                        <th scope="col" class="number">{figtr(|t| t.rate)}</th>
                        <th scope="col" class="number">{figtr(|t| t.satisfaction_column)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>
                    <tr>
                        <th scope="row">{figtr(|t| t.total_row)}</th>
                        {cells(overall)}
                    </tr>
                </tfoot>
            </table>
        </div>
    }
}

fn cells(figures: Figures) -> impl IntoView {
    let texts = use_stats_texts();
    view! {
        <td class="number">{thousands(figures.received)}</td>
        <td class="number">{thousands(figures.solved_on_time)}</td>
        <td class="number">{thousands(figures.solved_late)}</td>
        <td class="number">{thousands(figures.overdue_now)}</td>
        <td class="number">{thousands(figures.in_progress)}</td>
        <td class="number">{move || per_mille(figures.on_time_rate, texts())}</td>
        <td class="number">{move || out_of_five(figures.satisfaction_average, texts())}</td>
    }
}
