//! Filing a dossier, reading its receipt back, tracking it, and rating it.

use std::net::IpAddr;

use axum::extract::State;
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use motcua_api::applicant::Phone;
use motcua_api::date::vietnam_local_time;
use motcua_api::dossier::{DossierCode, DossierReceipt};
use motcua_api::filing::DossierInput;
use motcua_api::rating::{DossierRating, RatingInput};
use motcua_api::staff::Channel;
use motcua_api::tracking::{DossierTracking, SupplementInput};
use serde::Deserialize;
use subtle::ConstantTimeEq;

use super::extract::{ApiJson, ApiPath, ApiQuery, ClientAddress};
use crate::clock::unix_now;
use crate::domain::filing::{Filed, file_dossier, receipt};
use crate::domain::rating::{rate, rating_of};
use crate::domain::supplement::send_supplement;
use crate::domain::tracking::tracking;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use crate::store::DossierRecord;

/// The request header that makes a retried submission safe.
const IDEMPOTENCY_KEY: &str = "Idempotency-Key";
/// Set on the answer to a retried submission, which files nothing new.
const IDEMPOTENT_REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");
const NO_SUCH_DOSSIER: &str = "Không tìm thấy hồ sơ với mã và số điện thoại này.";
const TOO_MANY_LOOKUPS: &str = "Bạn đã tra cứu sai quá nhiều lần. Hãy thử lại sau ít phút.";
const TOO_MANY_SUBMISSIONS: &str =
    "Đã có quá nhiều hồ sơ được nộp từ địa chỉ mạng này trong một giờ. Hãy thử lại sau.";

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/dossiers", post(submit))
        .route("/dossiers/{code}", get(tracking_of))
        .route("/dossiers/{code}/receipt", get(receipt_of))
        .route("/dossiers/{code}/rating", get(rating).post(rate_dossier))
        .route("/dossiers/{code}/supplement", post(supplement))
}

/// 201 and the receipt. A retry with the same `Idempotency-Key` and body answers 201 with the
/// same receipt and `Idempotent-Replayed: true`.
async fn submit(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    headers: HeaderMap,
    ApiJson(input): ApiJson<DossierInput>,
) -> AppResult<Response> {
    let key = idempotency_key(&headers)?;
    let taken = state.limits.submissions.take(client, unix_now()).await?;
    AppError::unless_limited(taken, TOO_MANY_SUBMISSIONS)?;
    let filed = file_dossier(&state.store, &input, key, Channel::Online, unix_now()).await?;
    Ok(filed_response(filed))
}

/// 201 and the receipt, marked `Idempotent-Replayed: true` when an earlier request filed it.
pub(super) fn filed_response(filed: Filed) -> Response {
    let mut response = (StatusCode::CREATED, Json(filed.receipt)).into_response();
    if filed.replayed {
        response
            .headers_mut()
            .insert(IDEMPOTENT_REPLAYED, HeaderValue::from_static("true"));
    }
    response
}

/// 8 to 100 of `A-Z a-z 0-9 _ -`, e.g. a UUID the browser made when the citizen opened the form.
pub(super) fn idempotency_key(headers: &HeaderMap) -> AppResult<&str> {
    let key = headers
        .get(IDEMPOTENCY_KEY)
        .and_then(|value| value.to_str().ok())
        .filter(|key| {
            (8..=100).contains(&key.len())
                && key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
        });
    key.ok_or_else(|| AppError::BadParameter {
        parameter: IDEMPOTENCY_KEY.into(),
        message: "Thiếu tiêu đề Idempotency-Key hợp lệ (8 đến 100 ký tự A-Z, a-z, 0-9, _ hoặc -)."
            .into(),
    })
}

/// The proof of whoever asks for a dossier: the applicant's phone, or the token of the receipt's
/// QR code.
#[derive(Debug, Deserialize)]
struct ProofQuery {
    phone: Option<String>,
    token: Option<String>,
}

/// The receipt, to whoever gives the dossier's phone or token, never kept in a shared cache.
async fn receipt_of(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    ApiPath(code): ApiPath<String>,
    ApiQuery(query): ApiQuery<ProofQuery>,
) -> AppResult<([(HeaderName, &'static str); 1], Json<DossierReceipt>)> {
    let record = find_dossier(&state, client, &code, query).await?;
    let receipt = receipt(&state.store, &record).await?;
    Ok(([(CACHE_CONTROL, "private, no-store")], Json(receipt)))
}

/// The dossier's status, timeline and deadline, on the same terms as its receipt.
async fn tracking_of(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    ApiPath(code): ApiPath<String>,
    ApiQuery(query): ApiQuery<ProofQuery>,
) -> AppResult<([(HeaderName, &'static str); 1], Json<DossierTracking>)> {
    let record = find_dossier(&state, client, &code, query).await?;
    let today = vietnam_local_time(unix_now()).date;
    let tracking = tracking(&state.store, &record, today).await?;
    Ok(([(CACHE_CONTROL, "private, no-store")], Json(tracking)))
}

/// 201 and the stored rating, on the same terms as the receipt: 409 `not_ratable` while the
/// dossier has no result, 422 for a bad rating, 409 `already_rated` when it was rated before.
async fn rate_dossier(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    ApiPath(code): ApiPath<String>,
    ApiQuery(query): ApiQuery<ProofQuery>,
    ApiJson(input): ApiJson<RatingInput>,
) -> AppResult<(
    StatusCode,
    [(HeaderName, &'static str); 1],
    Json<DossierRating>,
)> {
    let record = find_dossier(&state, client, &code, query).await?;
    let rating = rate(&state.store, &record, &input, unix_now()).await?;
    Ok((
        StatusCode::CREATED,
        [(CACHE_CONTROL, "private, no-store")],
        Json(rating),
    ))
}

/// The citizen sends what the office asked for, on the same terms as the receipt: 200 and the
/// tracking page as it is then; 409 `no_supplement_asked` when the dossier waits for nothing,
/// 422 for a bad supplement.
async fn supplement(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    ApiPath(code): ApiPath<String>,
    ApiQuery(query): ApiQuery<ProofQuery>,
    ApiJson(input): ApiJson<SupplementInput>,
) -> AppResult<([(HeaderName, &'static str); 1], Json<DossierTracking>)> {
    let record = find_dossier(&state, client, &code, query).await?;
    let tracking = send_supplement(&state.store, &record, &input, unix_now()).await?;
    Ok(([(CACHE_CONTROL, "private, no-store")], Json(tracking)))
}

/// The dossier's rating on the same terms as its receipt; 404 `not_rated` when it has none.
async fn rating(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    ApiPath(code): ApiPath<String>,
    ApiQuery(query): ApiQuery<ProofQuery>,
) -> AppResult<([(HeaderName, &'static str); 1], Json<DossierRating>)> {
    let record = find_dossier(&state, client, &code, query).await?;
    let rating = rating_of(&state.store, &record).await?;
    Ok(([(CACHE_CONTROL, "private, no-store")], Json(rating)))
}

/// The dossier with this code, to whoever proves it theirs by its phone or token. Every failure
/// (no such code, a malformed one, a wrong phone or token) is the same 404, so nobody learns
/// which codes exist; and an address with too many failures is refused (429) until its window
/// passes, whatever it asks.
async fn find_dossier(
    state: &AppState,
    client: IpAddr,
    code: &str,
    query: ProofQuery,
) -> AppResult<DossierRecord> {
    let given = |value: Option<String>| value.filter(|value| !value.trim().is_empty());
    let (phone, token) = (given(query.phone), given(query.token));
    if phone.is_none() && token.is_none() {
        return Err(AppError::BadRequest(
            "Hãy nhập số điện thoại đã dùng khi nộp hồ sơ.".into(),
        ));
    }
    let limit = &state.limits.failed_lookups;
    let now = unix_now();
    AppError::unless_limited(limit.check(client, now).await?, TOO_MANY_LOOKUPS)?;
    match proven_dossier(state, code, phone, token).await? {
        Some(record) => Ok(record),
        None => {
            limit.fail(client, now).await?;
            Err(AppError::NotFound(NO_SUCH_DOSSIER.into()))
        }
    }
}

/// The dossier with this code, if the phone or the token given is its own.
async fn proven_dossier(
    state: &AppState,
    code: &str,
    phone: Option<String>,
    token: Option<String>,
) -> AppResult<Option<DossierRecord>> {
    let Ok(code) = DossierCode::try_from(code) else {
        return Ok(None);
    };
    let Some(record) = state.store.dossier_by_code(code.as_str()).await? else {
        return Ok(None);
    };
    let phone_matches = phone
        .and_then(|phone| Phone::try_from(phone.as_str()).ok())
        .is_some_and(|phone| same_secret(phone.as_str(), &record.phone));
    let token_matches =
        token.is_some_and(|token| same_secret(token.trim(), &record.tracking_token));
    Ok((phone_matches || token_matches).then_some(record))
}

/// Equality whose time does not tell how much of a guess was right.
fn same_secret(given: &str, stored: &str) -> bool {
    given.as_bytes().ct_eq(stored.as_bytes()).into()
}
