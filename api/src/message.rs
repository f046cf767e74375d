//! Messages for the person who typed something wrong, in Vietnamese and English.
//!
//! The server answers with the Vietnamese text; the browser shows the text of its interface
//! language, and finds the English of a server's message with [`from_vi`]. Each module declares
//! its messages with `messages!`, which also lists them for [`all`], so none is left out.

use std::fmt;

/// Why an input or a request was refused, in both languages of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Message {
    pub vi: &'static str,
    pub en: &'static str,
}

/// The Vietnamese text: what the server sends, whatever the interface language.
impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.vi)
    }
}

/// Declares messages as constants, `NAME = "Vietnamese", "English";`, and lists them in the
/// module's `MESSAGES`.
macro_rules! messages {
    ($($(#[$attr:meta])* $vis:vis $name:ident = $vi:literal, $en:literal;)*) => {
        $($(#[$attr])* $vis const $name: $crate::message::Message =
            $crate::message::Message { vi: $vi, en: $en };)*
        pub(crate) const MESSAGES: &[$crate::message::Message] = &[$($name),*];
    };
}
pub(crate) use messages;

const ALL: [&[Message]; 13] = [
    crate::apology::MESSAGES,
    crate::applicant::MESSAGES,
    crate::date::MESSAGES,
    crate::dossier::MESSAGES,
    crate::filing::MESSAGES,
    crate::query::MESSAGES,
    crate::rating::MESSAGES,
    crate::server_messages::MESSAGES,
    crate::stats::MESSAGES,
    crate::tracking::MESSAGES,
    crate::workflow::MESSAGES,
    crate::staff::MESSAGES,
    crate::staff::inbox::MESSAGES,
];

/// Every message of this crate.
pub fn all() -> impl Iterator<Item = Message> {
    ALL.into_iter().flatten().copied()
}

/// The message whose Vietnamese text this is, e.g. a field's message in a server's answer.
pub fn from_vi(text: &str) -> Option<Message> {
    all().find(|message| message.vi == text)
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn every_message_has_its_own_english() {
        for message in all() {
            assert!(!message.vi.trim().is_empty(), "{message:?}");
            assert!(!message.en.trim().is_empty(), "{message:?}");
            assert_ne!(message.vi, message.en, "{message:?}");
        }
    }

    #[test]
    fn vietnamese_texts_are_unique_so_from_vi_finds_the_right_one() {
        let mut seen = BTreeSet::new();
        for message in all() {
            assert!(seen.insert(message.vi), "twice: {}", message.vi);
            assert_eq!(from_vi(message.vi), Some(message));
        }
        assert!(seen.len() > 90, "{}", seen.len());
        assert_eq!(from_vi("Không phải thông báo nào."), None);
    }
}
