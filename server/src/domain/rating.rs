//! Rating a dossier (đánh giá mức độ hài lòng): once, after its result is handed over or it is
//! refused.

use motcua_api::rating::{self, DossierRating, Rating, RatingInput, can_be_rated};

use crate::domain::columns::Columns;
use crate::error::{AppError, AppResult};
use crate::store::{DossierRecord, RatingRecord, Store};

/// Rates the dossier at Unix time `now`: refused while it has no result, when the rating breaks
/// the shared rules, and when it was rated before (also by a request arriving at the same time).
pub async fn rate(
    store: &Store,
    record: &DossierRecord,
    input: &RatingInput,
    now: i64,
) -> AppResult<DossierRating> {
    let columns = Columns::of(&record.code);
    let status = columns.status(&record.status, "status")?;
    if !can_be_rated(status) {
        return Err(AppError::NotRatable);
    }
    let rating = rating::validate(input).map_err(AppError::invalid_rating)?;
    let stored = RatingRecord {
        satisfaction: rating.satisfaction.into(),
        guidance_clear: rating.guidance_clear.into(),
        on_time: rating.on_time.into(),
        staff_attitude: rating.staff_attitude.into(),
        comment: rating.comment.clone(),
        rated_at: now,
    };
    if !store.rate_dossier(&record.id, &stored).await? {
        return Err(AppError::AlreadyRated);
    }
    Ok(DossierRating {
        code: columns.code()?,
        rating,
        rated_at: now,
    })
}

/// The dossier's rating, if it has one.
pub async fn rating_of(store: &Store, record: &DossierRecord) -> AppResult<Option<DossierRating>> {
    let Some(stored) = store.dossier_rating(&record.id).await? else {
        return Ok(None);
    };
    let bad = |what: &str| anyhow::anyhow!("dossier {}: bad {what}", record.code);
    let score = |score: i32, what: &str| u8::try_from(score).map_err(|_| bad(what));
    Ok(Some(DossierRating {
        code: Columns::of(&record.code).code()?,
        rating: Rating {
            satisfaction: score(stored.satisfaction, "satisfaction")?,
            guidance_clear: score(stored.guidance_clear, "guidance_clear")?,
            on_time: score(stored.on_time, "on_time")?,
            staff_attitude: score(stored.staff_attitude, "staff_attitude")?,
            comment: stored.comment,
        },
        rated_at: stored.rated_at,
    }))
}
