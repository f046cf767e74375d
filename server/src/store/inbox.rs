//! The staff inbox: one unit's dossiers by tab under filters, a page at a time, and the count
//! of every tab under the same filters.

use motcua_api::staff::InboxTab;
use sqlx::Row;
use sqlx::any::AnyArguments;
use sqlx::query::Query;
use unicode_normalization::UnicodeNormalization;

use super::Store;

/// The dossiers an inbox query covers, before the tab.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InboxFilter {
    pub unit: String,
    pub procedure_code: Option<String>,
    pub field: Option<String>,
    /// Filed at or after this Unix time.
    pub filed_from: Option<i64>,
    /// Filed before this Unix time.
    pub filed_before: Option<i64>,
    /// This dossier code exactly (upper case).
    pub code: Option<String>,
    /// Part of the applicant's name, as [`name_search_key`] folds it.
    pub name: Option<String>,
    /// The Vietnamese date (`yyyy-mm-dd`) after which an unfinished promise is overdue.
    pub today: String,
}

/// One line of the inbox as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxRow {
    pub code: String,
    pub procedure_code: String,
    pub procedure_snapshot: String,
    pub applicant_name: String,
    pub status: String,
    pub channel: String,
    pub submitted_at: i64,
    pub promised_date: Option<String>,
    pub finished_on: Option<String>,
}

/// A value bound to a placeholder of a query built from the filter.
enum Value {
    Text(String),
    Int(i64),
}

/// The filter's `WHERE` clause and its values, numbered `$1`, `$2`, ... in order.
struct Clause {
    sql: String,
    values: Vec<Value>,
}

impl Clause {
    fn of(filter: &InboxFilter) -> Clause {
        let mut clause = Clause {
            sql: String::new(),
            values: Vec::new(),
        };
        clause.push("unit = ", Value::Text(filter.unit.clone()));
        clause.sql.push_str(" AND erased_on IS NULL");
        if let Some(code) = &filter.procedure_code {
            clause.push("procedure_code = ", Value::Text(code.clone()));
        }
        if let Some(field) = &filter.field {
            clause.push("field = ", Value::Text(field.clone()));
        }
        if let Some(from) = filter.filed_from {
            clause.push("submitted_at >= ", Value::Int(from));
        }
        if let Some(before) = filter.filed_before {
            clause.push("submitted_at < ", Value::Int(before));
        }
        if let Some(code) = &filter.code {
            clause.push("code = ", Value::Text(code.clone()));
        }
        if let Some(name) = &filter.name {
            let pattern = format!("%{}%", escape_like(name));
            clause.push("applicant_search LIKE ", Value::Text(pattern));
            clause.sql.push_str(" ESCAPE '\\'");
        }
        clause
    }

    /// Adds `AND {condition}${n}` for the next placeholder.
    fn push(&mut self, condition: &str, value: Value) {
        let placeholder = self.placeholder(value);
        if !self.sql.is_empty() {
            self.sql.push_str(" AND ");
        }
        self.sql.push_str(&format!("{condition}{placeholder}"));
    }

    /// The next placeholder, bound to `value`: for values used outside the clause.
    fn placeholder(&mut self, value: Value) -> String {
        self.values.push(value);
        format!("${}", self.values.len())
    }

    fn bind<'q>(
        &self,
        mut query: Query<'q, sqlx::Any, AnyArguments<'q>>,
    ) -> Query<'q, sqlx::Any, AnyArguments<'q>> {
        for value in &self.values {
            query = match value {
                Value::Text(text) => query.bind(text.clone()),
                Value::Int(number) => query.bind(*number),
            };
        }
        query
    }
}

/// The SQL condition of a tab; `today` is the placeholder of today's date.
fn tab_condition(tab: InboxTab, today: &str) -> String {
    let statuses: Vec<String> = tab
        .statuses()
        .iter()
        .map(|status| format!("'{}'", status.as_str()))
        .collect();
    let listed = format!("status IN ({})", statuses.join(", "));
    match tab {
        InboxTab::Overdue => format!("({listed} AND promised_date < {today})"),
        _ => listed,
    }
}

/// How a tab is read: the counter works the queue of new and overdue dossiers oldest first;
/// every other tab shows the latest first.
fn tab_order(tab: InboxTab) -> &'static str {
    match tab {
        InboxTab::New => "submitted_at ASC, code ASC",
        InboxTab::Overdue => "promised_date ASC, submitted_at ASC, code ASC",
        _ => "submitted_at DESC, code DESC",
    }
}

impl Store {
    /// How many dossiers each tab holds under the filter, in the order of [`InboxTab::ALL`].
    pub async fn inbox_counts(&self, filter: &InboxFilter) -> sqlx::Result<Vec<(InboxTab, u64)>> {
        let mut clause = Clause::of(filter);
        let today = clause.placeholder(Value::Text(filter.today.clone()));
        let sums: Vec<String> = InboxTab::ALL
            .iter()
            .enumerate()
            .map(|(index, tab)| {
                format!(
                    "COALESCE(SUM(CASE WHEN {} THEN 1 ELSE 0 END), 0) AS tab{index}",
                    tab_condition(*tab, &today)
                )
            })
            .collect();
        let sql = format!(
            "SELECT {} FROM dossiers WHERE {}",
            sums.join(", "),
            clause.sql
        );
        let row = clause.bind(sqlx::query(&sql)).fetch_one(&self.pool).await?;
        InboxTab::ALL
            .iter()
            .enumerate()
            .map(|(index, tab)| {
                let count: i64 = row.try_get(index)?;
                Ok((*tab, u64::try_from(count).unwrap_or_default()))
            })
            .collect()
    }

    /// The tab's dossiers under the filter, `limit` of them after skipping `offset`.
    pub async fn inbox_page(
        &self,
        filter: &InboxFilter,
        tab: InboxTab,
        limit: u32,
        offset: u64,
    ) -> sqlx::Result<Vec<InboxRow>> {
        let mut clause = Clause::of(filter);
        let condition = match tab {
            InboxTab::Overdue => {
                tab_condition(tab, &clause.placeholder(Value::Text(filter.today.clone())))
            }
            _ => tab_condition(tab, ""),
        };
        let limit = clause.placeholder(Value::Int(i64::from(limit)));
        let offset = clause.placeholder(Value::Int(i64::try_from(offset).unwrap_or(i64::MAX)));
        let sql = format!(
            "SELECT code, procedure_code, procedure_snapshot, applicant_name, status, channel,
                    submitted_at, promised_date, finished_on
             FROM dossiers WHERE {} AND {condition}
             ORDER BY {} LIMIT {limit} OFFSET {offset}",
            clause.sql,
            tab_order(tab),
        );
        let rows = clause.bind(sqlx::query(&sql)).fetch_all(&self.pool).await?;
        rows.iter()
            .map(|row| {
                Ok(InboxRow {
                    code: row.try_get("code")?,
                    procedure_code: row.try_get("procedure_code")?,
                    procedure_snapshot: row.try_get("procedure_snapshot")?,
                    applicant_name: row.try_get("applicant_name")?,
                    status: row.try_get("status")?,
                    channel: row.try_get("channel")?,
                    submitted_at: row.try_get("submitted_at")?,
                    promised_date: row.try_get("promised_date")?,
                    finished_on: row.try_get("finished_on")?,
                })
            })
            .collect()
    }

    /// Fills the search key of dossiers filed before the column existed (the migration cannot
    /// fold Vietnamese in SQL).
    pub(super) async fn fill_name_search_keys(&self) -> sqlx::Result<()> {
        let rows =
            sqlx::query("SELECT id, applicant_name FROM dossiers WHERE applicant_search = ''")
                .fetch_all(&self.pool)
                .await?;
        if rows.is_empty() {
            return Ok(());
        }
        let _turn = self.write_turn().await;
        let mut transaction = self.begin_write().await?;
        for row in rows {
            let name: String = row.try_get("applicant_name")?;
            sqlx::query("UPDATE dossiers SET applicant_search = $1 WHERE id = $2")
                .bind(name_search_key(&name))
                .bind(row.try_get::<String, _>("id")?)
                .execute(&mut *transaction)
                .await?;
        }
        transaction.commit().await
    }
}

/// A name as the inbox searches it: lower case, without diacritics (`đ` read as `d`), single
/// spaces; `Nguyễn  Thị Hòa` becomes `nguyen thi hoa`.
pub fn name_search_key(name: &str) -> String {
    let folded: String = name
        .nfd()
        .filter(|c| !unicode_normalization::char::is_combining_mark(*c))
        .map(|c| match c {
            'đ' | 'Đ' => 'd',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text with `LIKE`'s wildcards and escape character taken literally.
fn escape_like(text: &str) -> String {
    let mut escaped = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '%' | '_') {
            escaped.push('\\');
        }
        escaped.push(c);
    }
    escaped
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_fold_to_plain_lower_case() {
        assert_eq!(name_search_key("Nguyễn  Thị Hòa"), "nguyen thi hoa");
        assert_eq!(name_search_key("ĐẶNG Văn Đức"), "dang van duc");
        assert_eq!(escape_like("50%_a\\b"), "50\\%\\_a\\\\b");
    }

    #[test]
    fn filters_number_their_placeholders_in_order() {
        let clause = Clause::of(&InboxFilter {
            unit: "XA".into(),
            field: Some("Hộ tịch".into()),
            name: Some("hoa".into()),
            today: "2026-12-02".into(),
            ..InboxFilter::default()
        });
        assert_eq!(
            clause.sql,
            "unit = $1 AND erased_on IS NULL AND field = $2 AND applicant_search LIKE $3 \
             ESCAPE '\\'"
        );
        assert_eq!(clause.values.len(), 3);
    }
}
