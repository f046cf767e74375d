//! Staff accounts and their sessions.

use motcua_api::staff::StaffRole;
use sqlx::Row;
use sqlx::any::AnyRow;

use super::Store;

/// A staff account as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffAccount {
    pub id: String,
    pub username: String,
    /// Argon2id PHC string.
    pub password_hash: String,
    pub role: StaffRole,
    pub unit: String,
    pub created_at: i64,
}

/// A session with the account it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffSession {
    pub staff_id: String,
    pub username: String,
    pub role: StaffRole,
    pub unit: String,
    pub created_at: i64,
    pub last_seen_at: i64,
}

const ACCOUNT_COLUMNS: &str = "id, username, password_hash, role, unit, created_at";

fn role_of(row: &AnyRow) -> sqlx::Result<StaffRole> {
    let text: String = row.try_get("role")?;
    StaffRole::parse(&text).ok_or_else(|| sqlx::Error::ColumnDecode {
        index: "role".into(),
        source: format!("unknown staff role {text:?}").into(),
    })
}

fn account_of(row: &AnyRow) -> sqlx::Result<StaffAccount> {
    Ok(StaffAccount {
        id: row.try_get("id")?,
        username: row.try_get("username")?,
        password_hash: row.try_get("password_hash")?,
        role: role_of(row)?,
        unit: row.try_get("unit")?,
        created_at: row.try_get("created_at")?,
    })
}

impl Store {
    /// Stores a new account: `false` when its username is taken.
    pub async fn insert_staff(&self, account: &StaffAccount) -> sqlx::Result<bool> {
        let _turn = self.write_turn().await;
        let inserted = sqlx::query(
            "INSERT INTO staff_accounts (id, username, password_hash, role, unit, created_at)
             VALUES ($1, $2, $3, $4, $5, $6)
             ON CONFLICT (username) DO NOTHING",
        )
        .bind(&account.id)
        .bind(&account.username)
        .bind(&account.password_hash)
        .bind(account.role.as_str())
        .bind(&account.unit)
        .bind(account.created_at)
        .execute(&self.pool)
        .await;
        match inserted {
            Ok(done) => Ok(done.rows_affected() == 1),
            Err(sqlx::Error::Database(error)) if error.is_unique_violation() => Ok(false),
            Err(error) => Err(error),
        }
    }

    pub async fn staff_by_username(&self, username: &str) -> sqlx::Result<Option<StaffAccount>> {
        let row = sqlx::query(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM staff_accounts WHERE username = $1"
        ))
        .bind(username)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(account_of).transpose()
    }

    /// Every account, by unit then username.
    pub async fn staff_accounts(&self) -> sqlx::Result<Vec<StaffAccount>> {
        let rows = sqlx::query(&format!(
            "SELECT {ACCOUNT_COLUMNS} FROM staff_accounts ORDER BY unit, username"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(account_of).collect()
    }

    /// Until when sign-ins under `username` are refused, if that is after `now`.
    pub async fn sign_in_locked_until(
        &self,
        username: &str,
        now: i64,
    ) -> sqlx::Result<Option<i64>> {
        sqlx::query_scalar(
            "SELECT locked_until FROM sign_in_lockouts WHERE username = $1 AND locked_until > $2",
        )
        .bind(username)
        .bind(now)
        .fetch_optional(&self.pool)
        .await
    }

    /// Counts one wrong password under `username`, an account's or not; the `limit`-th in a row
    /// locks the name until `lock_until` and starts the count again. One statement, so sign-ins
    /// racing each other all count.
    pub async fn record_failed_sign_in(
        &self,
        username: &str,
        limit: i64,
        lock_until: i64,
        now: i64,
    ) -> sqlx::Result<()> {
        let _turn = self.write_turn().await;
        sqlx::query(
            "INSERT INTO sign_in_lockouts (username, failures, locked_until, last_failed_at)
             VALUES ($1, 1, NULL, $4)
             ON CONFLICT (username) DO UPDATE SET
                 failures = CASE WHEN sign_in_lockouts.failures + 1 >= $2 THEN 0
                                 ELSE sign_in_lockouts.failures + 1 END,
                 locked_until = CASE WHEN sign_in_lockouts.failures + 1 >= $2 THEN $3
                                     ELSE sign_in_lockouts.locked_until END,
                 last_failed_at = $4",
        )
        .bind(username)
        .bind(limit)
        .bind(lock_until)
        .bind(now)
        .execute(&self.pool)
        .await
        .map(|_| ())
    }

    /// After a right password: the count of wrong ones under `username` starts again.
    pub async fn clear_failed_sign_ins(&self, username: &str) -> sqlx::Result<()> {
        let _turn = self.write_turn().await;
        sqlx::query("DELETE FROM sign_in_lockouts WHERE username = $1")
            .bind(username)
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    /// Forgets the names whose last wrong password came before `before` (Unix seconds) and
    /// whose lock has passed; how many.
    pub async fn delete_sign_in_lockouts_before(&self, before: i64) -> sqlx::Result<u64> {
        let _turn = self.write_turn().await;
        Ok(sqlx::query(
            "DELETE FROM sign_in_lockouts
             WHERE last_failed_at < $1 AND (locked_until IS NULL OR locked_until < $1)",
        )
        .bind(before)
        .execute(&self.pool)
        .await?
        .rows_affected())
    }

    pub async fn insert_session(
        &self,
        id_hash: &str,
        staff_id: &str,
        now: i64,
    ) -> sqlx::Result<()> {
        let _turn = self.write_turn().await;
        sqlx::query(
            "INSERT INTO staff_sessions (id_hash, staff_id, created_at, last_seen_at)
             VALUES ($1, $2, $3, $3)",
        )
        .bind(id_hash)
        .bind(staff_id)
        .bind(now)
        .execute(&self.pool)
        .await
        .map(|_| ())
    }

    pub async fn staff_session(&self, id_hash: &str) -> sqlx::Result<Option<StaffSession>> {
        let row = sqlx::query(
            "SELECT s.staff_id, a.username, a.role, a.unit, s.created_at, s.last_seen_at
             FROM staff_sessions s JOIN staff_accounts a ON a.id = s.staff_id
             WHERE s.id_hash = $1",
        )
        .bind(id_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|row| {
            Ok(StaffSession {
                staff_id: row.try_get("staff_id")?,
                username: row.try_get("username")?,
                role: role_of(&row)?,
                unit: row.try_get("unit")?,
                created_at: row.try_get("created_at")?,
                last_seen_at: row.try_get("last_seen_at")?,
            })
        })
        .transpose()
    }

    /// Marks the session used at `now`.
    pub async fn touch_session(&self, id_hash: &str, now: i64) -> sqlx::Result<()> {
        let _turn = self.write_turn().await;
        sqlx::query("UPDATE staff_sessions SET last_seen_at = $2 WHERE id_hash = $1")
            .bind(id_hash)
            .bind(now)
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    pub async fn delete_session(&self, id_hash: &str) -> sqlx::Result<()> {
        let _turn = self.write_turn().await;
        sqlx::query("DELETE FROM staff_sessions WHERE id_hash = $1")
            .bind(id_hash)
            .execute(&self.pool)
            .await
            .map(|_| ())
    }

    /// Removes the sessions idle since before `idle_since` or begun before `begun_before`.
    pub async fn delete_expired_sessions(
        &self,
        idle_since: i64,
        begun_before: i64,
    ) -> sqlx::Result<u64> {
        let _turn = self.write_turn().await;
        sqlx::query("DELETE FROM staff_sessions WHERE last_seen_at <= $1 OR created_at <= $2")
            .bind(idle_since)
            .bind(begun_before)
            .execute(&self.pool)
            .await
            .map(|done| done.rows_affected())
    }
}
