//! Rating a dossier (đánh giá mức độ hài lòng): four scores from 1 to 5 and an optional comment,
//! once per dossier, after its result is handed over or it is refused.

use serde::{Deserialize, Serialize};

use crate::dossier::{DossierCode, DossierStatus};
use crate::filing::FieldErrors;
use crate::message::messages;

messages! {
    /// The message above the fields of a rating that failed its checks.
    pub INVALID_RATING = "Phiếu đánh giá còn thông tin chưa đúng. Hãy sửa các mục được đánh dấu.",
        "Some answers in the rating form need correcting. Fix the ones marked.";
    /// A dossier without its result yet.
    pub NOT_RATABLE = "Hồ sơ chưa có kết quả nên chưa thể đánh giá.",
        "This dossier has no result yet, so it cannot be rated.";
    /// A dossier rated before.
    pub ALREADY_RATED = "Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ đánh giá một lần.",
        "This dossier has already been rated. Each dossier can be rated only once.";
    PICK_A_LEVEL = "Hãy chọn một mức từ 1 đến 5.",
        "Select a level from 1 to 5.";
    COMMENT_TOO_LONG = "Nhận xét không được dài quá 1000 ký tự.",
        "Your comment must be 1,000 characters or fewer.";
}

/// The five levels of every score, level `n` at index `n - 1`.
pub const SATISFACTION_LEVELS: [&str; 5] = [
    "Rất không hài lòng",
    "Không hài lòng",
    "Bình thường",
    "Hài lòng",
    "Rất hài lòng",
];

/// The longest comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 1000;

/// `POST /api/dossiers/{code}/rating`: the form as sent. A score left out is 0, which asks the
/// citizen to pick one.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(default)]
pub struct RatingInput {
    /// Mức độ hài lòng chung.
    #[cfg_attr(feature = "openapi", schema(maximum = 5))]
    pub satisfaction: u8,
    /// Hướng dẫn rõ ràng, dễ hiểu.
    #[cfg_attr(feature = "openapi", schema(maximum = 5))]
    pub guidance_clear: u8,
    /// Trả kết quả đúng hẹn.
    #[cfg_attr(feature = "openapi", schema(maximum = 5))]
    pub on_time: u8,
    /// Thái độ của cán bộ.
    #[cfg_attr(feature = "openapi", schema(maximum = 5))]
    pub staff_attitude: u8,
    pub comment: String,
}

/// A rating that passed [`validate`]: each score 1 to 5, the comment trimmed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rating {
    pub satisfaction: u8,
    pub guidance_clear: u8,
    pub on_time: u8,
    pub staff_attitude: u8,
    /// Empty when the citizen wrote none.
    pub comment: String,
}

/// A dossier's stored rating, as `POST` and `GET /api/dossiers/{code}/rating` answer it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DossierRating {
    pub code: DossierCode,
    #[serde(flatten)]
    pub rating: Rating,
    /// Unix seconds.
    pub rated_at: i64,
}

/// Checks every field; the errors of all bad ones, or the rating.
pub fn validate(input: &RatingInput) -> Result<Rating, FieldErrors> {
    let mut errors = FieldErrors::new();
    for (field, score) in [
        ("satisfaction", input.satisfaction),
        ("guidance_clear", input.guidance_clear),
        ("on_time", input.on_time),
        ("staff_attitude", input.staff_attitude),
    ] {
        if level_label(score).is_none() {
            errors.insert(field.to_string(), PICK_A_LEVEL);
        }
    }
    let comment = input.comment.trim();
    if comment.chars().count() > MAX_COMMENT_CHARS {
        errors.insert("comment".to_string(), COMMENT_TOO_LONG);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Rating {
        satisfaction: input.satisfaction,
        guidance_clear: input.guidance_clear,
        on_time: input.on_time,
        staff_attitude: input.staff_attitude,
        comment: comment.to_string(),
    })
}

/// The label of a score, `None` outside 1 to 5.
pub fn level_label(score: u8) -> Option<&'static str> {
    SATISFACTION_LEVELS
        .get(usize::from(score).checked_sub(1)?)
        .copied()
}

/// Whether a dossier in this status may be rated: once its result is ready or handed over, or it
/// is refused.
pub fn can_be_rated(status: DossierStatus) -> bool {
    matches!(
        status,
        DossierStatus::Done | DossierStatus::Returned | DossierStatus::Refused
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> RatingInput {
        RatingInput {
            satisfaction: 5,
            guidance_clear: 4,
            on_time: 1,
            staff_attitude: 3,
            comment: "  Cán bộ nhiệt tình.  ".into(),
        }
    }

    #[test]
    fn a_good_rating_is_kept_with_its_comment_trimmed() {
        assert_eq!(
            validate(&input()),
            Ok(Rating {
                satisfaction: 5,
                guidance_clear: 4,
                on_time: 1,
                staff_attitude: 3,
                comment: "Cán bộ nhiệt tình.".into(),
            })
        );
        let blank = RatingInput {
            comment: " \n ".into(),
            ..input()
        };
        assert_eq!(validate(&blank).unwrap().comment, "");
    }

    #[test]
    fn every_score_outside_one_to_five_is_named() {
        let bad = RatingInput {
            satisfaction: 0,
            guidance_clear: 6,
            on_time: 255,
            staff_attitude: 0,
            comment: String::new(),
        };
        let errors = validate(&bad).unwrap_err();
        assert_eq!(
            errors.keys().map(String::as_str).collect::<Vec<_>>(),
            [
                "guidance_clear",
                "on_time",
                "satisfaction",
                "staff_attitude"
            ]
        );
        assert!(errors.values().all(|message| *message == PICK_A_LEVEL));
    }

    #[test]
    fn a_missing_score_reads_as_zero_and_asks_for_a_level() {
        let input: RatingInput = serde_json::from_str(r#"{"satisfaction": 4}"#).unwrap();
        let errors = validate(&input).unwrap_err();
        assert_eq!(errors.len(), 3);
        assert!(!errors.contains_key("satisfaction"));
        assert!(!errors.contains_key("comment"));
    }

    #[test]
    fn the_comment_is_counted_in_characters_after_trimming() {
        let longest = RatingInput {
            comment: format!("  {}  ", "ệ".repeat(MAX_COMMENT_CHARS)),
            ..input()
        };
        assert_eq!(
            validate(&longest).unwrap().comment.chars().count(),
            MAX_COMMENT_CHARS
        );
        let too_long = RatingInput {
            comment: "ệ".repeat(MAX_COMMENT_CHARS + 1),
            ..input()
        };
        assert_eq!(
            validate(&too_long),
            Err(FieldErrors::from([(
                "comment".to_string(),
                COMMENT_TOO_LONG
            )]))
        );
    }

    #[test]
    fn levels_have_their_vietnamese_labels() {
        assert_eq!(level_label(0), None);
        assert_eq!(level_label(1), Some("Rất không hài lòng"));
        assert_eq!(level_label(3), Some("Bình thường"));
        assert_eq!(level_label(5), Some("Rất hài lòng"));
        assert_eq!(level_label(6), None);
    }

    #[test]
    fn only_a_dossier_with_its_result_or_refused_can_be_rated() {
        let ratable: Vec<_> = DossierStatus::ALL
            .into_iter()
            .filter(|status| can_be_rated(*status))
            .collect();
        assert_eq!(
            ratable,
            [
                DossierStatus::Refused,
                DossierStatus::Done,
                DossierStatus::Returned
            ]
        );
    }

    #[test]
    fn a_stored_rating_is_flat_json() {
        let stored = DossierRating {
            code: DossierCode::try_from("XA-261201-0001").unwrap(),
            rating: validate(&input()).unwrap(),
            rated_at: 1_764_547_200,
        };
        let json = serde_json::to_value(&stored).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "code": "XA-261201-0001",
                "satisfaction": 5,
                "guidance_clear": 4,
                "on_time": 1,
                "staff_attitude": 3,
                "comment": "Cán bộ nhiệt tình.",
                "rated_at": 1_764_547_200,
            })
        );
        assert_eq!(
            serde_json::from_value::<DossierRating>(json).unwrap(),
            stored
        );
    }
}
