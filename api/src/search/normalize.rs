//! Vietnamese folding: what a citizen types without a Vietnamese keyboard must meet the catalog.
//!
//! `Đăng ký` → `dang ki`: tone and vowel marks are dropped (precomposed letters as well as the
//! combining marks of decomposed text), `đ`/`Đ` becomes `d`, everything is lower case, and a
//! syllable-final `y` after a consonant becomes `i`, so the two official spellings meet
//! (`kí`/`ký`, `lí lịch`/`lý lịch`, `mĩ`/`mỹ`, `quí`/`quý`).

/// The base letter of `c`, lower case: `ế` → `e`, `Đ` → `d`, `A` → `a`; `None` for a combining
/// mark, which belongs to the letter before it and is simply dropped.
pub fn fold_char(c: char) -> Option<char> {
    if c.is_ascii() {
        return Some(c.to_ascii_lowercase());
    }
    if ('\u{0300}'..='\u{036F}').contains(&c) {
        return None;
    }
    Some(match c {
        'à' | 'á' | 'ả' | 'ã' | 'ạ' | 'ă' | 'ằ' | 'ắ' | 'ẳ' | 'ẵ' | 'ặ' | 'â' | 'ầ' | 'ấ' | 'ẩ'
        | 'ẫ' | 'ậ' | 'À' | 'Á' | 'Ả' | 'Ã' | 'Ạ' | 'Ă' | 'Ằ' | 'Ắ' | 'Ẳ' | 'Ẵ' | 'Ặ' | 'Â'
        | 'Ầ' | 'Ấ' | 'Ẩ' | 'Ẫ' | 'Ậ' | 'ä' | 'å' | 'Ä' | 'Å' => 'a',
        'è' | 'é' | 'ẻ' | 'ẽ' | 'ẹ' | 'ê' | 'ề' | 'ế' | 'ể' | 'ễ' | 'ệ' | 'È' | 'É' | 'Ẻ' | 'Ẽ'
        | 'Ẹ' | 'Ê' | 'Ề' | 'Ế' | 'Ể' | 'Ễ' | 'Ệ' | 'ë' | 'Ë' => 'e',
        'ì' | 'í' | 'ỉ' | 'ĩ' | 'ị' | 'Ì' | 'Í' | 'Ỉ' | 'Ĩ' | 'Ị' | 'î' | 'ï' | 'Î' | 'Ï' => {
            'i'
        }
        'ò' | 'ó' | 'ỏ' | 'õ' | 'ọ' | 'ô' | 'ồ' | 'ố' | 'ổ' | 'ỗ' | 'ộ' | 'ơ' | 'ờ' | 'ớ' | 'ở'
        | 'ỡ' | 'ợ' | 'Ò' | 'Ó' | 'Ỏ' | 'Õ' | 'Ọ' | 'Ô' | 'Ồ' | 'Ố' | 'Ổ' | 'Ỗ' | 'Ộ' | 'Ơ'
        | 'Ờ' | 'Ớ' | 'Ở' | 'Ỡ' | 'Ợ' | 'ö' | 'ø' | 'Ö' | 'Ø' => 'o',
        'ù' | 'ú' | 'ủ' | 'ũ' | 'ụ' | 'ư' | 'ừ' | 'ứ' | 'ử' | 'ữ' | 'ự' | 'Ù' | 'Ú' | 'Ủ' | 'Ũ'
        | 'Ụ' | 'Ư' | 'Ừ' | 'Ứ' | 'Ử' | 'Ữ' | 'Ự' | 'û' | 'ü' | 'Û' | 'Ü' => 'u',
        'ỳ' | 'ý' | 'ỷ' | 'ỹ' | 'ỵ' | 'Ỳ' | 'Ý' | 'Ỷ' | 'Ỹ' | 'Ỵ' | 'ÿ' => 'y',
        // U+00D0/U+00F0 (Icelandic eth) is often typed for Đ.
        'đ' | 'Đ' | 'Ð' | 'ð' => 'd',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        other => other.to_lowercase().next().unwrap_or(other),
    })
}

/// Whether a folded character belongs inside a word (anything else separates words).
fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || (!c.is_ascii() && c.is_alphanumeric())
}

/// Calls `emit` with every folded word of `text`, in order.
pub fn for_each_word(text: &str, mut emit: impl FnMut(&str)) {
    let mut word = String::new();
    for c in text.chars() {
        let Some(folded) = fold_char(c) else { continue };
        if is_word_char(folded) {
            word.push(folded);
        } else if !word.is_empty() {
            finish_word(&mut word);
            emit(&word);
            word.clear();
        }
    }
    if !word.is_empty() {
        finish_word(&mut word);
        emit(&word);
    }
}

/// Spelling variants meet: final `y` → `i` (see [`fold_final_y`]), `02` → `2`.
fn finish_word(word: &mut String) {
    if word.bytes().all(|b| b.is_ascii_digit()) {
        let zeros = word.len() - word.trim_start_matches('0').len();
        word.drain(..zeros.min(word.len() - 1));
    } else {
        fold_final_y(word);
    }
}

/// The folded words of `text`: `"Đăng ký khai sinh"` → `["dang", "ki", "khai", "sinh"]`; numbers
/// lose their leading zeros (`mức độ 02` → `muc do 2`).
pub fn tokenize(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_word(text, |word| words.push(word.to_string()));
    words
}

/// The folded words of `text` joined by one space: `"Lý lịch  TƯ PHÁP"` → `"li lich tu phap"`.
pub fn normalize(text: &str) -> String {
    tokenize(text).join(" ")
}

/// Syllable-final `y` after a consonant is the `i` sound spelt two ways (`ký`/`kí`, `mỹ`/`mĩ`,
/// `tỷ`/`tỉ`, `sỹ`/`sĩ`, `hy`/`hi`, `quý`/`quí`). After any other vowel it is not (`tay` ≠ `tai`,
/// `thuy` ≠ `thui`, `ngay` ≠ `ngai`), so it stays; so does a lone `y` (`y tế`).
pub(super) fn fold_final_y(word: &mut String) {
    let bytes = word.as_bytes();
    let n = bytes.len();
    if n < 2 || bytes[n - 1] != b'y' {
        return;
    }
    let before = bytes[n - 2];
    let after_consonant = before.is_ascii_lowercase() && !b"aeiouy".contains(&before);
    let after_qu = before == b'u' && n >= 3 && bytes[n - 3] == b'q';
    if after_consonant || after_qu {
        word.pop();
        word.push('i');
    }
}

/// The digits of a procedure code typed any way (`1.001193`, `1 001193`, `1001193`), when the
/// text is nothing but digits and separators and holds at least four digits.
pub fn code_digits(text: &str) -> Option<String> {
    let mut digits = String::new();
    for c in text.trim().chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else if !matches!(c, '.' | ',' | ' ' | '-' | '_' | '/') {
            return None;
        }
    }
    (digits.len() >= 4).then_some(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_every_vietnamese_vowel_both_cases() {
        let lower = "àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ";
        let folded: String = lower.chars().filter_map(fold_char).collect();
        assert_eq!(
            folded,
            "aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd"
        );
        let upper: String = lower.to_uppercase().chars().filter_map(fold_char).collect();
        assert_eq!(upper, folded);
    }

    #[test]
    fn d_with_stroke_becomes_d() {
        assert_eq!(normalize("Đăng ký ĐẤT ĐAI"), "dang ki dat dai");
        assert_eq!(normalize("đổi"), "doi");
        assert_eq!(normalize("Ðất"), "dat");
    }

    #[test]
    fn combining_marks_are_dropped_not_split() {
        // "Đăng ký khai sinh" in decomposed form (NFD): a + U+0306 + U+0300 ...
        let decomposed = "\u{110}a\u{306}ng ky\u{301} khai sinh";
        assert_eq!(normalize(decomposed), "dang ki khai sinh");
        // o + horn + hook above: "ở"
        assert_eq!(normalize("o\u{31B}\u{309} đâu"), "o dau");
        assert_eq!(normalize("Chu\u{301}ng thu\u{323}c"), "chung thuc");
    }

    #[test]
    fn i_and_y_spellings_meet() {
        assert_eq!(normalize("ký"), normalize("kí"));
        assert_eq!(normalize("lý lịch"), normalize("lí lịch"));
        assert_eq!(normalize("Mỹ"), normalize("mĩ"));
        assert_eq!(normalize("quý"), normalize("quí"));
        assert_eq!(normalize("tỷ"), "ti");
        assert_eq!(normalize("bác sỹ"), normalize("bác sĩ"));
        assert_eq!(normalize("hy sinh"), "hi sinh");
    }

    #[test]
    fn y_after_a_vowel_or_alone_stays() {
        assert_eq!(normalize("ngày tay thủy"), "ngay tay thuy");
        assert_ne!(normalize("tay"), normalize("tai"));
        assert_eq!(normalize("y tế"), "y te");
        assert_eq!(normalize("huy"), "huy");
        assert_eq!(normalize("kỹ thuật"), "ki thuat");
    }

    #[test]
    fn tokenizes_on_punctuation_and_keeps_digits() {
        assert_eq!(
            tokenize("Cấp thẻ căn cước (từ đủ 14 tuổi) – “mới”; BHXH/BHYT"),
            [
                "cap", "the", "can", "cuoc", "tu", "du", "14", "tuoi", "moi", "bhxh", "bhyt"
            ]
        );
        assert_eq!(tokenize("  \u{a0}  "), Vec::<String>::new());
        assert_eq!(normalize("Lý lịch  TƯ PHÁP"), "li lich tu phap");
        assert_eq!(
            normalize("mức độ 02, số 0, năm 2004"),
            "muc do 2 so 0 nam 2004"
        );
    }

    #[test]
    fn recognises_codes_typed_loosely() {
        assert_eq!(code_digits("1.001193").as_deref(), Some("1001193"));
        assert_eq!(code_digits(" 1 001193 ").as_deref(), Some("1001193"));
        assert_eq!(code_digits("1,001193").as_deref(), Some("1001193"));
        assert_eq!(code_digits("2.0006").as_deref(), Some("20006"));
        assert_eq!(code_digits("14"), None);
        assert_eq!(code_digits("khai sinh 1.001193"), None);
    }
}
