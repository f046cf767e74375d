//! What a citizen does to a dossier after filing it, with the same proof as tracking (add the
//! documents the office asked for, rate the service), and the public figures everyone may read.

use gloo_net::http::{Request, Response};
use motcua_api::query::percent_encode;
use motcua_api::rating::{DossierRating, RatingInput};
use motcua_api::stats::{PublicStats, RawStatsQuery};
use motcua_api::tracking::SupplementInput;
use serde::Serialize;
use web_sys::RequestCache;

use super::{Error, Proof, decode, dossier_url, error_of, get, unreachable_reason};

/// Sends the documents asked for. The server answers the new tracking (200) or nothing (204):
/// either way the page asks for the tracking again. 409 `no_supplement_asked` when the dossier
/// does not wait for any, 422 with `uploads` / `note` errors.
pub async fn supplement(code: &str, proof: &Proof, input: &SupplementInput) -> Result<(), Error> {
    let response = post(&dossier_url(code, "/supplement", proof), input).await?;
    if response.ok() {
        Ok(())
    } else {
        Err(error_of(response).await)
    }
}

/// The dossier's rating; `None` (a 200 `null`) while nobody rated it.
pub async fn rating(code: &str, proof: &Proof) -> Result<Option<DossierRating>, Error> {
    get(&dossier_url(code, "/rating", proof)).await
}

/// Rates the dossier once: 201 and the stored rating; 409 `not_ratable` / `already_rated`, 422
/// with the errors of each field.
pub async fn rate(code: &str, proof: &Proof, input: &RatingInput) -> Result<DossierRating, Error> {
    decode(post(&dossier_url(code, "/rating", proof), input).await?).await
}

/// The public figures of the dossiers received in the period, both ends `yyyy-mm-dd`; the 30
/// days ending today when absent. 400 naming `from` or `to` for a bad period. Asked afresh each
/// time (shared caches may keep them a minute, this browser does not), so a citizen who comes back
/// sees the figures change.
pub async fn stats(query: &RawStatsQuery) -> Result<PublicStats, Error> {
    let params: Vec<String> = [("from", &query.from), ("to", &query.to)]
        .into_iter()
        .filter_map(|(name, value)| {
            let value = value.as_deref()?;
            Some(format!("{name}={}", percent_encode(value)))
        })
        .collect();
    let response = Request::get(&format!("/api/stats?{}", params.join("&")))
        .header("Accept", "application/json")
        .cache(RequestCache::NoCache)
        .send()
        .await
        .map_err(|_| unreachable_reason())?;
    decode(response).await
}

async fn post(url: &str, body: &impl Serialize) -> Result<Response, Error> {
    Request::post(url)
        .header("Accept", "application/json")
        .json(body)
        .map_err(|error| Error::Decode(error.to_string()))?
        .send()
        .await
        .map_err(|_| unreachable_reason())
}
