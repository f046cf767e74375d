//! Making staff accounts: by an admin (`POST /api/staff/accounts`), by `motcua create-staff`, and
//! the demo's one account per role.

use std::collections::BTreeMap;

use motcua_api::staff::{
    NewStaffInput, StaffMe, StaffRole, check_password, check_unit, check_username,
};

use motcua_api::server_messages as says;

use super::password::hash_password;
use crate::error::{AppError, AppResult};
use crate::ids::new_id;
use crate::store::{StaffAccount, Store};

/// The message above the fields of an account that failed its checks.
pub const INVALID_ACCOUNT: &str = says::INVALID_ACCOUNT.vi;
pub const USERNAME_TAKEN: &str = says::USERNAME_TAKEN.vi;
const UNKNOWN_ROLE: &str = says::UNKNOWN_ROLE.vi;
/// The unit of the demo accounts.
pub const DEMO_UNIT: &str = "XA";

/// Checks and stores a new account: 422 naming each bad field, 409 `username_taken`.
pub async fn create_account(store: &Store, input: &NewStaffInput, now: i64) -> AppResult<StaffMe> {
    let mut fields = BTreeMap::new();
    let mut check = |field: &str, result: Result<(), &str>| {
        if let Err(message) = result {
            fields.insert(field.to_string(), message.to_string());
        }
    };
    check(
        "username",
        check_username(&input.username).map_err(|m| m.vi),
    );
    check(
        "password",
        check_password(&input.password).map_err(|m| m.vi),
    );
    let role = StaffRole::parse(&input.role);
    check("role", role.map(|_| ()).ok_or(UNKNOWN_ROLE));
    check("unit", check_unit(&input.unit).map_err(|m| m.vi));
    let Some(role) = role.filter(|_| fields.is_empty()) else {
        return Err(AppError::Validation {
            message: INVALID_ACCOUNT.into(),
            fields,
        });
    };
    let account = StaffAccount {
        id: new_id(),
        username: input.username.clone(),
        password_hash: hash_password(input.password.clone()).await?,
        role,
        unit: input.unit.clone(),
        created_at: now,
    };
    if !store.insert_staff(&account).await? {
        return Err(AppError::Conflict {
            code: "username_taken",
            message: USERNAME_TAKEN.into(),
        });
    }
    tracing::info!(username = %account.username, role = role.as_str(), unit = %account.unit, "staff account created");
    Ok(StaffMe {
        username: account.username,
        role,
        unit: account.unit,
    })
}

/// A demo account made just now, with the password to show once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoAccount {
    pub username: &'static str,
    pub role: StaffRole,
    pub password: String,
}

/// Makes the demo's one account per role in unit [`DEMO_UNIT`], those missing only: a restart
/// keeps the passwords already shown.
pub async fn seed_demo_accounts(store: &Store, now: i64) -> anyhow::Result<Vec<DemoAccount>> {
    let mut made = Vec::new();
    for (username, role) in [
        ("tiepnhan", StaffRole::Reception),
        ("xuly", StaffRole::Processing),
        ("lanhdao", StaffRole::Leader),
        ("quantri", StaffRole::Admin),
    ] {
        if store.staff_by_username(username).await?.is_some() {
            continue;
        }
        let password = readable_password()?;
        let input = NewStaffInput {
            username: username.into(),
            password: password.clone(),
            role: role.as_str().into(),
            unit: DEMO_UNIT.into(),
        };
        match create_account(store, &input, now).await {
            Ok(_) => made.push(DemoAccount {
                username,
                role,
                password,
            }),
            // Another process made it meanwhile.
            Err(AppError::Conflict { .. }) => {}
            Err(error) => anyhow::bail!("demo account {username}: {error}"),
        }
    }
    Ok(made)
}

/// Four groups of four from 32 letters and digits that are hard to misread (80 random bits), e.g.
/// `k7mq-x3ta-9pwe-hc4n`.
pub fn readable_password() -> anyhow::Result<String> {
    const ALPHABET: &[u8; 32] = b"abcdefghijkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).map_err(|error| anyhow::anyhow!("no randomness: {error}"))?;
    let letters: Vec<char> = bytes
        .iter()
        .map(|byte| char::from(ALPHABET[usize::from(byte & 31)]))
        .collect();
    Ok(letters
        .chunks(4)
        .map(|group| group.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn demo_passwords_are_readable_and_pass_the_rules() {
        let password = readable_password().unwrap();
        assert_eq!(password.len(), 19);
        assert_eq!(password.split('-').count(), 4);
        assert!(check_password(&password).is_ok());
        assert_ne!(password, readable_password().unwrap());
    }
}
