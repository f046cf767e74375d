//! Filing a dossier, reading its receipt back, tracking it, and rating it.

use std::net::IpAddr;

use axum::Json;
use axum::extract::State;
use axum::http::header::CACHE_CONTROL;
use axum::http::{HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use motcua_api::ErrorBody;
use motcua_api::applicant::Phone;
use motcua_api::date::vietnam_local_time;
use motcua_api::dossier::{DossierCode, DossierReceipt};
use motcua_api::filing::DossierInput;
use motcua_api::rating::{DossierRating, RatingInput};
use motcua_api::server_messages as says;
use motcua_api::staff::Channel;
use motcua_api::tracking::{DossierTracking, SupplementInput};
use serde::Deserialize;
use subtle::ConstantTimeEq;
use utoipa::IntoParams;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use super::extract::{ApiJson, ApiPath, ApiQuery, ClientAddress};
use super::openapi::{BadRequest, BodyTooLarge, Internal, NotJson, Timeout, TooManyRequests};
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
/// The idempotency key, as the OpenAPI document describes it.
pub(super) const IDEMPOTENCY_KEY_HELP: &str = "A key the client makes once per dossier, e.g. a \
    UUID made when the form was opened, and sends again with each retry";
/// Set on the answer to a retried submission, which files nothing new.
const IDEMPOTENT_REPLAYED: HeaderName = HeaderName::from_static("idempotent-replayed");
const NO_SUCH_DOSSIER: &str = says::NO_DOSSIER_WITH_PHONE.vi;
const TOO_MANY_LOOKUPS: &str = says::TOO_MANY_LOOKUPS.vi;
const TOO_MANY_SUBMISSIONS: &str = says::TOO_MANY_SUBMISSIONS.vi;
/// The path parameter `code`, as the OpenAPI document describes it.
pub(super) const DOSSIER_CODE: &str = "Mã hồ sơ, e.g. `XA-261122-0007`";
/// Every failed lookup, as the OpenAPI document describes it.
const NOT_FOUND: &str = "No dossier with this code and this phone or token (`not_found`); each \
    failure counts against the client's address";

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(submit))
        .routes(routes!(tracking_of))
        .routes(routes!(receipt_of))
        .routes(routes!(rating, rate_dossier))
        .routes(routes!(supplement))
}

/// 201 and the receipt. A retry with the same `Idempotency-Key` and body answers 201 with the
/// same receipt and `Idempotent-Replayed: true`.
#[utoipa::path(
    post,
    path = "/dossiers",
    tag = "dossiers",
    summary = "File a dossier online",
    params(("Idempotency-Key" = String, Header, description = IDEMPOTENCY_KEY_HELP,
        min_length = 8, max_length = 100, pattern = "^[A-Za-z0-9_-]+$")),
    request_body = DossierInput,
    responses(
        (status = 201, description = "Filed, or filed before under this key: the receipt",
            body = DossierReceipt, headers(
                ("Idempotent-Replayed" = String,
                    description = "`true` when an earlier request with this key filed it"))),
        (status = 400, response = BadRequest),
        (status = 413, response = BodyTooLarge),
        (status = 415, response = NotJson),
        (status = 422, description = "The dossier breaks the filing rules (`validation`, each \
            bad field in `fields`), or the key was used for another request \
            (`idempotency_key_reused`)", body = ErrorBody),
        (status = 429, response = TooManyRequests),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
        message: says::MISSING_IDEMPOTENCY_KEY.vi.into(),
    })
}

/// The proof of whoever asks for a dossier: the applicant's phone, or the token of the receipt's
/// QR code.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ProofQuery {
    /// The phone number given when filing.
    phone: Option<String>,
    /// The token of the receipt's QR code.
    token: Option<String>,
}

/// The receipt, to whoever gives the dossier's phone or token, never kept in a shared cache.
#[utoipa::path(
    get,
    path = "/dossiers/{code}/receipt",
    tag = "dossiers",
    summary = "A dossier's receipt, to whoever gives its phone or token",
    params(("code" = String, Path, description = DOSSIER_CODE), ProofQuery),
    responses(
        (status = 200, description = "The receipt", body = DossierReceipt),
        (status = 400, response = BadRequest),
        (status = 404, description = NOT_FOUND, body = ErrorBody),
        (status = 429, response = TooManyRequests),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
#[utoipa::path(
    get,
    path = "/dossiers/{code}",
    tag = "dossiers",
    summary = "Track a dossier: its status, timeline and deadline",
    params(("code" = String, Path, description = DOSSIER_CODE), ProofQuery),
    responses(
        (status = 200, description = "Where the dossier is", body = DossierTracking),
        (status = 400, response = BadRequest),
        (status = 404, description = NOT_FOUND, body = ErrorBody),
        (status = 429, response = TooManyRequests),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
#[utoipa::path(
    post,
    path = "/dossiers/{code}/rating",
    tag = "dossiers",
    summary = "Rate a dossier once it has its result",
    params(("code" = String, Path, description = DOSSIER_CODE), ProofQuery),
    request_body = RatingInput,
    responses(
        (status = 201, description = "The rating as stored", body = DossierRating),
        (status = 400, response = BadRequest),
        (status = 404, description = NOT_FOUND, body = ErrorBody),
        (status = 409, description = "The dossier has no result yet (`not_ratable`) or was \
            rated before (`already_rated`)", body = ErrorBody),
        (status = 413, response = BodyTooLarge),
        (status = 415, response = NotJson),
        (status = 422, description = "A score is not 1 to 5 or the comment is too long \
            (`validation`, each in `fields`)", body = ErrorBody),
        (status = 429, response = TooManyRequests),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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
#[utoipa::path(
    post,
    path = "/dossiers/{code}/supplement",
    tag = "dossiers",
    summary = "Send the documents the office asked for",
    params(("code" = String, Path, description = DOSSIER_CODE), ProofQuery),
    request_body = SupplementInput,
    responses(
        (status = 200, description = "The dossier's tracking after the supplement",
            body = DossierTracking),
        (status = 400, response = BadRequest),
        (status = 404, description = NOT_FOUND, body = ErrorBody),
        (status = 409, description = "The dossier waits for no supplement \
            (`no_supplement_asked`)", body = ErrorBody),
        (status = 413, response = BodyTooLarge),
        (status = 415, response = NotJson),
        (status = 422, description = "No file, too many, unknown uploads or too long a note \
            (`validation`, each in `fields`)", body = ErrorBody),
        (status = 429, response = TooManyRequests),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
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

/// The dossier's rating on the same terms as its receipt; `null` while it has none (a 404 would
/// put a "failed to load" line in the browser's console on every tracking page).
#[utoipa::path(
    get,
    path = "/dossiers/{code}/rating",
    tag = "dossiers",
    summary = "A dossier's rating",
    params(("code" = String, Path, description = DOSSIER_CODE), ProofQuery),
    responses(
        (status = 200, description = "The rating, or `null` while nobody rated the dossier",
            body = Option<DossierRating>),
        (status = 400, response = BadRequest),
        (status = 404, description = NOT_FOUND, body = ErrorBody),
        (status = 429, response = TooManyRequests),
        (status = 500, response = Internal),
        (status = 503, response = Timeout),
    )
)]
async fn rating(
    State(state): State<AppState>,
    ClientAddress(client): ClientAddress,
    ApiPath(code): ApiPath<String>,
    ApiQuery(query): ApiQuery<ProofQuery>,
) -> AppResult<([(HeaderName, &'static str); 1], Json<Option<DossierRating>>)> {
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
        return Err(AppError::BadRequest(says::PHONE_NEEDED.vi.into()));
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
