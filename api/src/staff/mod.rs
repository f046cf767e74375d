//! Counter staff (cán bộ một cửa): roles and what each may do, and sign-in; the inbox and the
//! dossier view of the staff workspace are in the submodules, re-exported here.

pub(crate) mod inbox;
mod view;

use serde::{Deserialize, Serialize};

use crate::message::{Message, messages};
pub use inbox::*;
pub use view::*;

messages! {
    /// Wrong credentials: the same answer for an unknown user and a wrong password.
    pub BAD_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng.",
        "The username or password is incorrect.";
    /// No session, or one that ended.
    pub SIGN_IN_NEEDED = "Phiên làm việc đã hết hạn hoặc chưa đăng nhập. Hãy đăng nhập lại.",
        "Your session has ended or you are not signed in. Sign in again.";
    /// A role that may not do what was asked.
    pub FORBIDDEN = "Tài khoản của bạn không có quyền thực hiện thao tác này.",
        "Your account is not allowed to do this.";
    USERNAME_MALFORMED =
        "Tên đăng nhập gồm 3 đến 32 ký tự a-z, 0-9, dấu chấm, gạch dưới hoặc gạch ngang, bắt đầu \
         bằng chữ.",
        "A username has 3 to 32 characters (a-z, 0-9, dots, underscores or hyphens) and starts \
         with a letter.";
    PASSWORD_TOO_SHORT = "Mật khẩu cần ít nhất 8 ký tự.",
        "The password must be at least 8 characters.";
    PASSWORD_TOO_LONG = "Mật khẩu không được dài quá 256 ký tự.",
        "The password must be 256 characters or fewer.";
    UNIT_MALFORMED = "Mã đơn vị gồm 1 đến 10 chữ in hoa hoặc chữ số, ví dụ XA.",
        "A unit code has 1 to 10 capital letters or digits, for example XA.";
}

/// The shortest password; long passphrases are welcome up to [`MAX_PASSWORD_CHARS`].
pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 256;

/// What an officer does in the centre.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum StaffRole {
    /// Tiếp nhận: receives, refuses, asks for supplements, returns results, files at the counter.
    Reception,
    /// Xử lý: processes and decides.
    Processing,
    /// Lãnh đạo: may do everything on a dossier, and reads the audit log.
    Leader,
    /// Quản trị: manages accounts; reads no citizen's data.
    Admin,
}

/// One thing an officer may be allowed to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Permission {
    ViewDossiers,
    Receive,
    Refuse,
    RequestSupplement,
    StartProcessing,
    Finish,
    Return,
    WriteApology,
    FileAtCounter,
    ViewAudit,
    ManageAccounts,
}

impl StaffRole {
    pub const ALL: [StaffRole; 4] = [
        StaffRole::Reception,
        StaffRole::Processing,
        StaffRole::Leader,
        StaffRole::Admin,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            StaffRole::Reception => "reception",
            StaffRole::Processing => "processing",
            StaffRole::Leader => "leader",
            StaffRole::Admin => "admin",
        }
    }

    pub fn parse(text: &str) -> Option<StaffRole> {
        StaffRole::ALL
            .into_iter()
            .find(|role| role.as_str() == text)
    }

    /// Everything this role may do.
    pub fn permissions(self) -> &'static [Permission] {
        use Permission::*;
        match self {
            StaffRole::Reception => &[
                ViewDossiers,
                Receive,
                Refuse,
                RequestSupplement,
                Return,
                FileAtCounter,
            ],
            StaffRole::Processing => &[
                ViewDossiers,
                Refuse,
                RequestSupplement,
                StartProcessing,
                Finish,
                WriteApology,
            ],
            StaffRole::Leader => &[
                ViewDossiers,
                Receive,
                Refuse,
                RequestSupplement,
                StartProcessing,
                Finish,
                Return,
                WriteApology,
                FileAtCounter,
                ViewAudit,
            ],
            StaffRole::Admin => &[ManageAccounts],
        }
    }

    pub fn may(self, permission: Permission) -> bool {
        self.permissions().contains(&permission)
    }
}

/// 3 to 32 of `a-z 0-9 . _ -`, starting with a letter.
pub fn check_username(text: &str) -> Result<(), Message> {
    let ok = (3..=32).contains(&text.len())
        && text.starts_with(|c: char| c.is_ascii_lowercase())
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b"._-".contains(&b));
    ok.then_some(()).ok_or(USERNAME_MALFORMED)
}

pub fn check_password(text: &str) -> Result<(), Message> {
    let length = text.chars().count();
    if length < MIN_PASSWORD_CHARS {
        Err(PASSWORD_TOO_SHORT)
    } else if length > MAX_PASSWORD_CHARS {
        Err(PASSWORD_TOO_LONG)
    } else {
        Ok(())
    }
}

/// A reception unit, the first part of its dossiers' codes: 1 to 10 of `A-Z 0-9`.
pub fn check_unit(text: &str) -> Result<(), Message> {
    let ok = (1..=10).contains(&text.len())
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    ok.then_some(()).ok_or(UNIT_MALFORMED)
}

/// `POST /api/staff/login`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LoginInput {
    pub username: String,
    pub password: String,
}

/// `GET /api/staff/me` and the answer to a login: who is signed in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffMe {
    pub username: String,
    pub role: StaffRole,
    pub unit: String,
}

/// `POST /api/staff/accounts` (admin): a new account of the admin's unit or another.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewStaffInput {
    pub username: String,
    pub password: String,
    /// One of [`StaffRole::as_str`].
    pub role: String,
    pub unit: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_and_admins_read_no_dossier() {
        for role in StaffRole::ALL {
            assert_eq!(StaffRole::parse(role.as_str()), Some(role));
        }
        assert!(!StaffRole::Admin.may(Permission::ViewDossiers));
        assert!(StaffRole::Leader.may(Permission::ViewAudit));
        assert!(!StaffRole::Reception.may(Permission::ViewAudit));
    }

    #[test]
    fn usernames_passwords_and_units_are_checked() {
        assert!(check_username("tiepnhan.01").is_ok());
        assert!(check_username("Ab").is_err());
        assert!(check_username("1abc").is_err());
        assert!(check_password("1234567").is_err());
        assert!(check_password("một câu mật khẩu rất dài vẫn được").is_ok());
        assert!(check_unit("XA").is_ok());
        assert!(check_unit("xa").is_err());
    }
}
