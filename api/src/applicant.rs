//! The applicant's details, parsed once: the browser checks each page with these and the server
//! checks the whole dossier with the same functions, so both give the same message.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::date::{self, Date};
use crate::message::{Message, messages};

messages! {
    NAME_MISSING = "Hãy nhập họ và tên.",
        "Enter your full name.";
    NAME_TOO_LONG = "Họ và tên dài quá 100 ký tự.",
        "Full name must be 100 characters or fewer.";
    NAME_NOT_LETTERS = "Họ và tên chỉ gồm chữ cái và dấu cách, không có số hay ký hiệu.",
        "Full name must only include letters and spaces, not numbers or symbols.";
    ID_MISSING = "Hãy nhập số định danh cá nhân (12 số trên thẻ căn cước).",
        "Enter your personal ID number (the 12 digits on your citizen ID card).";
    ID_NOT_DIGITS = "Số định danh cá nhân chỉ gồm chữ số.",
        "The personal ID number must only include digits.";
    ID_NOT_TWELVE_DIGITS = "Số định danh cá nhân phải có đúng 12 chữ số.",
        "The personal ID number must have exactly 12 digits.";
    ID_NO_PROVINCE =
        "Ba số đầu của số định danh không phải mã tỉnh nào, hãy kiểm tra lại trên thẻ.",
        "The first 3 digits of the ID number are not a province code. Check the number on your \
         card.";
    ID_NOT_BIRTH_YEAR =
        "Số định danh không khớp với năm sinh (số thứ 4 đến 6 ghi thế kỷ và năm sinh).",
        "The ID number does not match the year of birth (digits 4 to 6 give the century and year \
         of birth).";
    PHONE_MISSING = "Hãy nhập số điện thoại di động.",
        "Enter your mobile phone number.";
    PHONE_NOT_DIGITS = "Số điện thoại chỉ gồm chữ số.",
        "The phone number must only include digits.";
    PHONE_LENGTH = "Số điện thoại di động có 10 số, bắt đầu bằng 0, ví dụ 0912 345 678.",
        "A mobile phone number has 10 digits and starts with 0, like 0912 345 678.";
    PHONE_NOT_MOBILE =
        "Đây không phải số di động Việt Nam (đầu số 03, 05, 07, 08 hoặc 09), hãy kiểm tra lại.",
        "This is not a Vietnamese mobile number (those start with 03, 05, 07, 08 or 09). Check the \
         number.";
    EMAIL_MISSING = "Hãy nhập địa chỉ thư điện tử.",
        "Enter your email address.";
    EMAIL_TOO_LONG = "Địa chỉ thư điện tử dài quá.",
        "The email address is too long.";
    EMAIL_NO_AT = "Địa chỉ thư điện tử phải có dấu @, ví dụ ten@gmail.com.",
        "The email address must include an @, like name@gmail.com.";
    EMAIL_MALFORMED = "Địa chỉ thư điện tử chưa đúng, ví dụ ten@gmail.com.",
        "Enter the email address in the right format, like name@gmail.com.";
    PROVINCE_MISSING = "Hãy chọn tỉnh hoặc thành phố.",
        "Select a province or city.";
    PROVINCE_UNKNOWN = "Hãy chọn tỉnh hoặc thành phố trong danh sách.",
        "Select a province or city from the list.";
    COMMUNE_MISSING = "Hãy nhập xã, phường hoặc đặc khu.",
        "Enter the commune, ward or special zone.";
    COMMUNE_TOO_LONG = "Tên xã, phường dài quá 100 ký tự.",
        "The commune or ward name must be 100 characters or fewer.";
    STREET_MISSING = "Hãy nhập số nhà, đường phố, thôn hoặc tổ dân phố.",
        "Enter the house number and street, or the hamlet or residential group.";
    STREET_TOO_LONG = "Phần địa chỉ này dài quá 200 ký tự.",
        "This part of the address must be 200 characters or fewer.";
    BIRTH_IN_FUTURE = "Ngày sinh không thể sau ngày hôm nay.",
        "The date of birth must be today or in the past.";
    BIRTH_TOO_EARLY = "Năm sinh quá xa, hãy kiểm tra lại năm.",
        "The year of birth is too long ago. Check the year.";
}

const MAX_NAME_CHARS: usize = 100;
const MAX_EMAIL_CHARS: usize = 254;
const MAX_ADDRESS_PART_CHARS: usize = 200;

/// Trims and collapses runs of whitespace into one space.
pub fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Họ và tên: letters of any alphabet, spaces, and the marks names use (`'`, `-`, `.`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct FullName(String);

impl TryFrom<&str> for FullName {
    type Error = Message;

    fn try_from(text: &str) -> Result<Self, Message> {
        let name = tidy(text);
        if name.is_empty() {
            return Err(NAME_MISSING);
        }
        if name.chars().count() > MAX_NAME_CHARS {
            return Err(NAME_TOO_LONG);
        }
        let allowed = |c: char| c.is_alphabetic() || c == ' ' || c == '\'' || c == '-' || c == '.';
        if !name.chars().all(allowed) {
            return Err(NAME_NOT_LETTERS);
        }
        Ok(FullName(name))
    }
}

/// Số định danh cá nhân: the 12 digits on the citizen ID card (căn cước).
///
/// Digits 1–3 are the province of birth registration, digit 4 the century of birth and sex,
/// digits 5–6 the last two digits of the year of birth (Circular 59/2021/TT-BCA).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CitizenId(String);

/// Province codes of the first three digits, as the Ministry of Public Security assigns them.
const ID_PROVINCE_CODES: [u16; 63] = [
    1, 2, 4, 6, 8, 10, 11, 12, 14, 15, 17, 19, 20, 22, 24, 25, 26, 27, 30, 31, 33, 34, 35, 36, 37,
    38, 40, 42, 44, 45, 46, 48, 49, 51, 52, 54, 56, 58, 60, 62, 64, 66, 67, 68, 70, 72, 74, 75, 77,
    79, 80, 82, 83, 84, 86, 87, 89, 91, 92, 93, 94, 95, 96,
];

impl TryFrom<&str> for CitizenId {
    type Error = Message;

    fn try_from(text: &str) -> Result<Self, Message> {
        let digits: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if digits.is_empty() {
            return Err(ID_MISSING);
        }
        if !digits.chars().all(|c| c.is_ascii_digit()) {
            return Err(ID_NOT_DIGITS);
        }
        if digits.len() != 12 {
            return Err(ID_NOT_TWELVE_DIGITS);
        }
        let province: u16 = digits[..3].parse().unwrap_or(0);
        if !ID_PROVINCE_CODES.contains(&province) {
            return Err(ID_NO_PROVINCE);
        }
        Ok(CitizenId(digits))
    }
}

impl CitizenId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The year of birth the number encodes (century from digit 4, year from digits 5–6).
    pub fn birth_year(&self) -> i32 {
        let bytes = self.0.as_bytes();
        let century = match bytes[3] - b'0' {
            0 | 1 => 1900,
            2 | 3 => 2000,
            4 | 5 => 2100,
            6 | 7 => 2200,
            _ => 1800,
        };
        century + i32::from(bytes[4] - b'0') * 10 + i32::from(bytes[5] - b'0')
    }

    /// `0011****2345`: enough for a person to recognise their number, not enough to reuse it.
    pub fn masked(&self) -> String {
        format!("{}******{}", &self.0[..4], &self.0[10..])
    }
}

/// Checks that the citizen ID was issued to someone born in the year of `date_of_birth`.
pub fn check_id_matches_birth(id: &CitizenId, date_of_birth: Date) -> Result<(), Message> {
    if id.birth_year() == date_of_birth.year() {
        Ok(())
    } else {
        Err(ID_NOT_BIRTH_YEAR)
    }
}

/// Số điện thoại di động Việt Nam, kept as `0` + 9 digits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Phone(String);

impl TryFrom<&str> for Phone {
    type Error = Message;

    /// Accepts `0912 345 678`, `0912.345.678`, `+84 912 345 678` and `84912345678`.
    fn try_from(text: &str) -> Result<Self, Message> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '.' | '-' | '(' | ')'))
            .collect();
        if compact.is_empty() {
            return Err(PHONE_MISSING);
        }
        let national = if let Some(rest) = compact.strip_prefix("+84") {
            format!("0{rest}")
        } else if compact.len() == 11 && compact.starts_with("84") {
            format!("0{}", &compact[2..])
        } else {
            compact
        };
        if !national.chars().all(|c| c.is_ascii_digit()) {
            return Err(PHONE_NOT_DIGITS);
        }
        if national.len() != 10 || !national.starts_with('0') {
            return Err(PHONE_LENGTH);
        }
        if !matches!(national.as_bytes()[1], b'3' | b'5' | b'7' | b'8' | b'9') {
            return Err(PHONE_NOT_MOBILE);
        }
        Ok(Phone(national))
    }
}

impl Phone {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Thư điện tử: one `@`, a domain with a dot, no spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl TryFrom<&str> for Email {
    type Error = Message;

    fn try_from(text: &str) -> Result<Self, Message> {
        let email = text.trim();
        if email.is_empty() {
            return Err(EMAIL_MISSING);
        }
        if email.len() > MAX_EMAIL_CHARS {
            return Err(EMAIL_TOO_LONG);
        }
        let Some((local, domain)) = email.split_once('@') else {
            return Err(EMAIL_NO_AT);
        };
        let well_formed = !local.is_empty()
            && !email.chars().any(char::is_whitespace)
            && !domain.contains('@')
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if !well_formed {
            return Err(EMAIL_MALFORMED);
        }
        Ok(Email(format!("{local}@{}", domain.to_lowercase())))
    }
}

/// The 34 provinces and centrally-run cities since 1 July 2025.
pub const PROVINCES: [&str; 34] = [
    "Thành phố Hà Nội",
    "Thành phố Huế",
    "Thành phố Hải Phòng",
    "Thành phố Đà Nẵng",
    "Thành phố Hồ Chí Minh",
    "Thành phố Cần Thơ",
    "Tỉnh Lai Châu",
    "Tỉnh Điện Biên",
    "Tỉnh Sơn La",
    "Tỉnh Lạng Sơn",
    "Tỉnh Quảng Ninh",
    "Tỉnh Thanh Hóa",
    "Tỉnh Nghệ An",
    "Tỉnh Hà Tĩnh",
    "Tỉnh Cao Bằng",
    "Tỉnh Tuyên Quang",
    "Tỉnh Lào Cai",
    "Tỉnh Thái Nguyên",
    "Tỉnh Phú Thọ",
    "Tỉnh Bắc Ninh",
    "Tỉnh Hưng Yên",
    "Tỉnh Ninh Bình",
    "Tỉnh Quảng Trị",
    "Tỉnh Quảng Ngãi",
    "Tỉnh Gia Lai",
    "Tỉnh Khánh Hòa",
    "Tỉnh Lâm Đồng",
    "Tỉnh Đắk Lắk",
    "Tỉnh Đồng Nai",
    "Tỉnh Tây Ninh",
    "Tỉnh Vĩnh Long",
    "Tỉnh Đồng Tháp",
    "Tỉnh Cà Mau",
    "Tỉnh An Giang",
];

/// An address as typed, one text per part; parts are named `province`, `commune`, `street`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddressInput {
    #[serde(default)]
    pub province: String,
    #[serde(default)]
    pub commune: String,
    #[serde(default)]
    pub street: String,
}

/// A checked postal address: province (tỉnh/thành phố), commune (xã/phường/đặc khu), and the
/// house number, street, hamlet or group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub province: String,
    pub commune: String,
    pub street: String,
}

/// Each bad part of an address with its message, by part name.
pub type AddressErrors = Vec<(&'static str, Message)>;

impl TryFrom<&AddressInput> for Address {
    type Error = AddressErrors;

    fn try_from(input: &AddressInput) -> Result<Self, AddressErrors> {
        let mut errors = AddressErrors::new();
        let province = tidy(&input.province);
        if province.is_empty() {
            errors.push(("province", PROVINCE_MISSING));
        } else if !PROVINCES.contains(&province.as_str()) {
            errors.push(("province", PROVINCE_UNKNOWN));
        }
        let commune = tidy(&input.commune);
        if commune.is_empty() {
            errors.push(("commune", COMMUNE_MISSING));
        } else if commune.chars().count() > MAX_NAME_CHARS {
            errors.push(("commune", COMMUNE_TOO_LONG));
        }
        let street = tidy(&input.street);
        if street.is_empty() {
            errors.push(("street", STREET_MISSING));
        } else if street.chars().count() > MAX_ADDRESS_PART_CHARS {
            errors.push(("street", STREET_TOO_LONG));
        }
        if errors.is_empty() {
            Ok(Address {
                province,
                commune,
                street,
            })
        } else {
            Err(errors)
        }
    }
}

impl fmt::Display for Address {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}, {}, {}", self.street, self.commune, self.province)
    }
}

/// A date of birth: a real date, not in the future, and not more than 130 years ago.
pub fn parse_birth_date(text: &str, today: Date) -> Result<Date, Message> {
    let date = date::parse_vietnamese(text).map_err(|error| error.message())?;
    if date > today {
        return Err(BIRTH_IN_FUTURE);
    }
    if today.year() - date.year() > 130 {
        return Err(BIRTH_TOO_EARLY);
    }
    Ok(date)
}

macro_rules! text_newtype_conversions {
    ($($name:ident),*) => {$(
        impl TryFrom<String> for $name {
            type Error = Message;

            fn try_from(text: String) -> Result<Self, Message> {
                $name::try_from(text.as_str())
            }
        }

        impl From<$name> for String {
            fn from(value: $name) -> String {
                value.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    )*};
}

text_newtype_conversions!(FullName, CitizenId, Phone, Email);

#[cfg(test)]
mod tests {
    use super::*;

    use crate::date::test_date as day;

    #[test]
    fn full_names_are_tidied_and_letters_only() {
        assert_eq!(
            FullName::try_from("  Nguyễn   Thị  Hoa ")
                .unwrap()
                .to_string(),
            "Nguyễn Thị Hoa"
        );
        assert!(FullName::try_from("H'Hen Niê").is_ok());
        assert!(FullName::try_from("").is_err());
        assert!(FullName::try_from("Nguyen 2").is_err());
        assert!(FullName::try_from(&"a".repeat(101)[..]).is_err());
    }

    #[test]
    fn citizen_ids_need_twelve_digits_and_a_province_code() {
        assert_eq!(
            CitizenId::try_from("001 190 012 345").unwrap().as_str(),
            "001190012345"
        );
        assert!(CitizenId::try_from("079305001234").is_ok());
        for bad in [
            "",
            "00119001234",
            "0011900123456",
            "00119001234a",
            "003190012345",
        ] {
            assert!(CitizenId::try_from(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn citizen_ids_encode_century_and_year_of_birth() {
        let born_1990 = CitizenId::try_from("001090012345").unwrap();
        assert_eq!(born_1990.birth_year(), 1990);
        let born_2005 = CitizenId::try_from("079305001234").unwrap();
        assert_eq!(born_2005.birth_year(), 2005);
        assert!(check_id_matches_birth(&born_1990, day(1990, 9, 5)).is_ok());
        assert!(check_id_matches_birth(&born_1990, day(1991, 9, 5)).is_err());
        assert!(check_id_matches_birth(&born_2005, day(1905, 1, 1)).is_err());
        assert_eq!(born_1990.masked(), "0010******45");
    }

    #[test]
    fn phones_accept_common_writings_of_vietnamese_mobiles() {
        for (text, expected) in [
            ("0912345678", "0912345678"),
            ("0912 345 678", "0912345678"),
            ("0912.345.678", "0912345678"),
            ("+84 912 345 678", "0912345678"),
            ("84912345678", "0912345678"),
            ("0387654321", "0387654321"),
        ] {
            assert_eq!(Phone::try_from(text).unwrap().as_str(), expected, "{text}");
        }
        for bad in [
            "",
            "091234567",
            "09123456789",
            "0212345678",
            "0612345678",
            "09123x5678",
        ] {
            assert!(Phone::try_from(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails_need_a_local_part_and_a_dotted_domain() {
        assert_eq!(
            Email::try_from(" An.Nguyen@Gmail.COM ")
                .unwrap()
                .to_string(),
            "An.Nguyen@gmail.com"
        );
        for bad in [
            "",
            "an",
            "an@",
            "@gmail.com",
            "an@gmail",
            "an @gmail.com",
            "a@b@c.vn",
        ] {
            assert!(Email::try_from(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn addresses_name_each_bad_part() {
        let good = AddressInput {
            province: "Tỉnh Quảng Ninh".into(),
            commune: " Phường  Hạ Long".into(),
            street: "Số 5, tổ 3".into(),
        };
        let address = Address::try_from(&good).unwrap();
        assert_eq!(
            address.to_string(),
            "Số 5, tổ 3, Phường Hạ Long, Tỉnh Quảng Ninh"
        );
        let bad = AddressInput {
            province: "Tỉnh Hà Tây".into(),
            ..AddressInput::default()
        };
        let parts: Vec<_> = Address::try_from(&bad)
            .unwrap_err()
            .into_iter()
            .map(|(part, _)| part)
            .collect();
        assert_eq!(parts, ["province", "commune", "street"]);
    }

    #[test]
    fn birth_dates_are_real_and_in_the_past() {
        let today = day(2026, 11, 22);
        assert_eq!(parse_birth_date("05/09/1990", today), Ok(day(1990, 9, 5)));
        assert!(parse_birth_date("23/11/2026", today).is_err());
        assert!(parse_birth_date("31/02/1990", today).is_err());
        assert!(parse_birth_date("01/01/1890", today).is_err());
        assert!(parse_birth_date("", today).is_err());
    }
}
