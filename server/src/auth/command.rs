//! `motcua create-staff`: an account made from the command line, the password asked without echo
//! or read from standard input.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::Context;
use motcua_api::staff::NewStaffInput;

use super::accounts::{DemoAccount, create_account};
use crate::clock::unix_now;
use crate::config::CreateStaffArgs;
use crate::error::AppError;
use crate::store::Store;

/// Makes the account; a refusal (bad field, taken username) is an error naming what is wrong.
pub async fn create_staff(args: CreateStaffArgs) -> anyhow::Result<()> {
    let password = if args.password_stdin || !std::io::stdin().is_terminal() {
        read_password_line()?
    } else {
        prompt_password()?
    };
    let store = Store::connect(&args.storage.resolved_database_url()?).await?;
    let input = NewStaffInput {
        username: args.username,
        password,
        role: args.role,
        unit: args.unit,
    };
    let created = create_account(&store, &input, unix_now()).await;
    store.close().await;
    match created {
        Ok(me) => {
            println!(
                "Đã tạo tài khoản {} ({}, đơn vị {}). Account created.",
                me.username,
                me.role.as_str(),
                me.unit
            );
            Ok(())
        }
        Err(AppError::Validation { fields, .. }) => {
            let problems: Vec<String> = fields
                .iter()
                .map(|(field, message)| format!("--{field}: {message}"))
                .collect();
            anyhow::bail!("không tạo được tài khoản:\n{}", problems.join("\n"))
        }
        Err(AppError::Conflict { message, .. }) => {
            anyhow::bail!("không tạo được tài khoản: {message} (username taken)")
        }
        Err(error) => Err(anyhow::Error::new(error).context("không tạo được tài khoản")),
    }
}

/// One line of standard input, without its line ending.
fn read_password_line() -> anyhow::Result<String> {
    let mut line = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut line)
        .context("đọc mật khẩu từ stdin")?;
    Ok(line.trim_end_matches(['\n', '\r']).to_string())
}

/// Asks twice on the terminal, without echo.
fn prompt_password() -> anyhow::Result<String> {
    let first = rpassword::prompt_password("Mật khẩu (password): ").context("đọc mật khẩu")?;
    let again =
        rpassword::prompt_password("Nhập lại mật khẩu (again): ").context("đọc mật khẩu")?;
    anyhow::ensure!(
        first == again,
        "hai lần nhập mật khẩu không khớp (passwords differ)"
    );
    Ok(first)
}

/// Prints the demo accounts made just now; their passwords are never shown again.
pub fn print_demo_accounts(accounts: &[DemoAccount]) {
    if accounts.is_empty() {
        return;
    }
    let mut out = std::io::stdout().lock();
    let _ = writeln!(
        out,
        "Tài khoản cán bộ demo (demo staff accounts), đơn vị XA:"
    );
    for account in accounts {
        let _ = writeln!(
            out,
            "  {:<10} {:<11} {}",
            account.username,
            account.role.as_str(),
            account.password
        );
    }
    let _ = writeln!(
        out,
        "Mật khẩu chỉ hiện một lần này; hãy ghi lại. These passwords will not be shown again."
    );
}
