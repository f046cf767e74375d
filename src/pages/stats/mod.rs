//! `/ket-qua-giai-quyet?from=yyyy-mm-dd&to=yyyy-mm-dd`: the public figures of the dossiers received
//! in a period (by default the 30 days ending today), overall, per agency (with a bar chart drawn
//! here as SVG) and per field. The period lives in the address, so it can be shared.

mod chart;
mod tables;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use motcua_api::date::{format_iso, format_vietnamese};
use motcua_api::filing::FieldErrors;
use motcua_api::message::Message;
use motcua_api::stats::{Figures, PublicStats, RawStatsQuery, StatsQuery};

use self::chart::AgencyChart;
use self::tables::FiguresTable;
use crate::api;
use crate::components::fields::field_error;
use crate::components::layout::{focus_heading, use_title};
use crate::components::notice::{Loading, error_fallback};
use crate::components::problems::{ErrorSummary, Problems};
use crate::format::thousands;
use crate::i18n::{StatsTexts, figtr, use_language, use_stats_texts};
use crate::pages::filing::today;

const FROM: &str = "stats.from";
const TO: &str = "stats.to";

/// The address of the figures of a period.
fn stats_url(query: StatsQuery) -> String {
    format!(
        "/ket-qua-giai-quyet?from={}&to={}",
        format_iso(query.from),
        format_iso(query.to)
    )
}

/// The error of a period, on its field.
fn period_errors((parameter, message): (&str, Message)) -> FieldErrors {
    let field = if parameter == "to" { TO } else { FROM };
    FieldErrors::from([(field.to_string(), message)])
}

#[component]
pub fn PublicFigures() -> impl IntoView {
    let texts = use_stats_texts();
    use_title(move |_| Some(texts().heading.to_string()));
    focus_heading();
    let problems = Problems::new();
    provide_context(problems);
    let lang = use_language();
    let query = use_query_map();
    let today = today();
    // The period of the address, checked with the server's rules.
    let period = Memo::new(move |_| {
        let raw = RawStatsQuery {
            from: query.read().get("from"),
            to: query.read().get("to"),
        };
        StatsQuery::parse(raw, today)
    });
    let from = RwSignal::new(String::new());
    let to = RwSignal::new(String::new());
    Effect::new(move || match period.get() {
        Ok(period) => {
            from.set(format_iso(period.from));
            to.set(format_iso(period.to));
            problems.0.set(Vec::new());
        }
        Err(error) => problems.show_here(period_errors(error), lang.get()),
    });
    let stats = LocalResource::new(move || {
        let period = period.get();
        async move {
            let Ok(period) = period else {
                return Ok(None);
            };
            let raw = RawStatsQuery {
                from: Some(format_iso(period.from)),
                to: Some(format_iso(period.to)),
            };
            api::stats(&raw).await.map(Some)
        }
    });
    let navigate = use_navigate();
    let on_submit = move |event: SubmitEvent| {
        event.prevent_default();
        let raw = RawStatsQuery {
            from: Some(from.get_untracked()),
            to: Some(to.get_untracked()),
        };
        match StatsQuery::parse(raw, today) {
            Ok(period) => navigate(&stats_url(period), Default::default()),
            Err(error) => problems.show_here(period_errors(error), lang.get_untracked()),
        }
    };
    view! {
        <div class="container stats-page">
            <ErrorSummary />
            <h1 tabindex="-1">{figtr(|t| t.heading)}</h1>
            <p class="lead">{figtr(|t| t.intro)}</p>
            <form class="stats-period no-print" novalidate on:submit=on_submit>
                <fieldset class="fieldset">
                    <legend class="legend">{figtr(|t| t.period_legend)}</legend>
                    <p id="stats-period-hint" class="hint">{figtr(|t| t.period_hint)}</p>
                    <div class="period-fields">
                        <DateField field=FROM value=from label=figtr(|t| t.from) />
                        <DateField field=TO value=to label=figtr(|t| t.to) />
                        <button type="submit" id="stats-show" class="button button-primary">
                            {figtr(|t| t.show)}
                        </button>
                    </div>
                </fieldset>
            </form>
            <Transition fallback=|| view! { <Loading /> }>
                <ErrorBoundary fallback=error_fallback>
                    {move || Suspend::new(async move {
                        stats
                            .await
                            .map(|stats| stats.map(|stats| view! { <FiguresView stats=stats /> }))
                    })}
                </ErrorBoundary>
            </Transition>
        </div>
    }
}

/// A date input (`yyyy-mm-dd`, the phone's date picker) with its error.
#[component]
fn DateField(
    field: &'static str,
    value: RwSignal<String>,
    label: Signal<&'static str>,
) -> impl IntoView {
    let problems = expect_context::<Problems>();
    let id = field.replace('.', "-");
    let invalid = Memo::new(move |_| problems.of(field).is_some());
    let described = {
        let id = id.clone();
        move || {
            let error = if invalid.get() {
                format!(" {id}-error")
            } else {
                String::new()
            };
            format!("stats-period-hint{error}")
        }
    };
    view! {
        <div class="form-group period-field" class:form-group-error=move || invalid.get()>
            <label for=id.clone() class="label">
                {label}
            </label>
            {field_error(problems, field.to_string(), id.clone())}
            <input
                type="date"
                id=id.clone()
                name=id
                class="input input-date-picker"
                aria-describedby=described
                aria-invalid=move || invalid.get().then_some("true")
                prop:value=move || value.get()
                on:input=move |event| value.set(event_target_value(&event))
            />
        </div>
    }
}

/// `935` ‰ → `93,5 %`.
pub fn per_mille(value: Option<u32>, texts: &StatsTexts) -> String {
    match value {
        None => texts.no_data.to_string(),
        Some(value) => {
            let number = match value % 10 {
                0 => (value / 10).to_string(),
                tenth => format!("{}{}{tenth}", value / 10, texts.decimal),
            };
            texts.percent.replace("{n}", &number)
        }
    }
}

/// `432` hundredths → `4,32/5`.
pub fn out_of_five(value: Option<u32>, texts: &StatsTexts) -> String {
    match value {
        None => texts.no_data.to_string(),
        Some(value) => {
            let number = format!("{}{}{:02}", value / 100, texts.decimal, value % 100);
            texts.out_of_five.replace("{n}", &number)
        }
    }
}

#[component]
fn FiguresView(stats: PublicStats) -> impl IntoView {
    let texts = use_stats_texts();
    let PublicStats {
        from,
        to,
        overall,
        by_agency,
        by_field,
    } = stats;
    let period = move || {
        texts()
            .period
            .replace("{from}", &format_vietnamese(from))
            .replace("{to}", &format_vietnamese(to))
    };
    let empty =
        (overall.received == 0).then(|| view! { <p class="notice">{figtr(|t| t.empty)}</p> });
    view! {
        <section class="stats-overall" aria-labelledby="stats-overall-heading">
            <h2 id="stats-overall-heading">{figtr(|t| t.overall_heading)}</h2>
            <p id="stats-period" class="meta">{period}</p>
            <Overall figures=overall />
        </section>
        {empty}
        <section aria-labelledby="stats-agency-heading">
            <h2 id="stats-agency-heading">{figtr(|t| t.by_agency)}</h2>
            <AgencyChart groups=by_agency.clone() />
            <FiguresTable
                id="stats-agency-table"
                caption=figtr(|t| t.agency_caption)
                name_column=figtr(|t| t.agency_column)
                groups=by_agency
                overall=overall
            />
        </section>
        <section aria-labelledby="stats-field-heading">
            <h2 id="stats-field-heading">{figtr(|t| t.by_field)}</h2>
            <FiguresTable
                id="stats-field-table"
                caption=figtr(|t| t.field_caption)
                name_column=figtr(|t| t.field_column)
                groups=by_field
                overall=overall
            />
        </section>
    }
}

/// The big numbers.
#[component]
fn Overall(figures: Figures) -> impl IntoView {
    let texts = use_stats_texts();
    let satisfaction_hint = move || {
        if figures.ratings == 0 {
            texts().no_ratings.to_string()
        } else {
            texts()
                .satisfaction_hint
                .replace("{rate}", &per_mille(figures.satisfied_rate, texts()))
                .replace("{n}", &thousands(figures.ratings))
        }
    };
    view! {
        <dl class="figures">
            <div class="figure">
                <dt>{figtr(|t| t.received)}</dt>
                <dd id="stats-received" class="figure-number">{thousands(figures.received)}</dd>
            </div>
            <div class="figure figure-on-time">
                <dt>{figtr(|t| t.on_time)}</dt>
                <dd id="stats-on-time" class="figure-number">{thousands(figures.solved_on_time)}</dd>
            </div>
            <div class="figure figure-late">
                <dt>{figtr(|t| t.late)}</dt>
                <dd id="stats-late" class="figure-number">{thousands(figures.solved_late)}</dd>
            </div>
            <div class="figure figure-overdue">
                <dt>{figtr(|t| t.overdue)}</dt>
                <dd id="stats-overdue" class="figure-number">{thousands(figures.overdue_now)}</dd>
            </div>
            <div class="figure">
                <dt>{figtr(|t| t.rate)}</dt>
                <dd id="stats-rate" class="figure-number">
                    {move || per_mille(figures.on_time_rate, texts())}
                </dd>
                <dd class="figure-hint">{figtr(|t| t.rate_hint)}</dd>
            </div>
            <div class="figure">
                <dt>{figtr(|t| t.satisfaction)}</dt>
                <dd id="stats-satisfaction" class="figure-number">
                    {move || out_of_five(figures.satisfaction_average, texts())}
                </dd>
                <dd class="figure-hint">{satisfaction_hint}</dd>
            </div>
        </dl>
        <ul class="figures-more">
            <li>
                {figtr(|t| t.in_progress)} ": " <strong id="stats-in-progress">{thousands(figures.in_progress)}</strong>
            </li>
            <li>
                {figtr(|t| t.refused)} ": " <strong id="stats-refused">{thousands(figures.refused)}</strong>
            </li>
            <li>
                {figtr(|t| t.withdrawn)} ": " <strong id="stats-withdrawn">{thousands(figures.withdrawn)}</strong>
            </li>
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::{out_of_five, per_mille};
    use crate::i18n::Lang;

    #[test]
    fn rates_read_with_the_language_decimal_separator() {
        let (vi, en) = (Lang::Vi.stats(), Lang::En.stats());
        assert_eq!(per_mille(Some(935), vi), "93,5 %");
        assert_eq!(per_mille(Some(1000), vi), "100 %");
        assert_eq!(per_mille(Some(935), en), "93.5%");
        assert_eq!(per_mille(None, vi), "Chưa có");
        assert_eq!(out_of_five(Some(432), vi), "4,32/5");
        assert_eq!(out_of_five(Some(405), en), "4.05/5");
    }
}
