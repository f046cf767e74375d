//! Opening a dossier's page with the proof this device holds (`proof_for`), shared by the tracking
//! page and the receipt: one "not found" page whether there is no proof or it does not open the
//! dossier, so codes cannot be probed.

use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::proof_for;
use crate::api::{self, Proof};
use crate::components::layout::{focus_heading, use_title};
use crate::components::notice::{Loading, error_fallback};
use crate::i18n::{ftr, ttr, use_filing_texts};

/// What the server gave for the dossier `code` opened with `proof`; `reload` asks it again once
/// the citizen has changed the dossier.
#[derive(Clone)]
pub struct Found<T> {
    pub value: T,
    pub code: String,
    pub proof: Proof,
    pub reload: Callback<()>,
}

/// The page of the dossier of the route's `:code`: `fetch` asks the server, `page` draws what it
/// gave, `not_found` says why nothing is shown.
pub fn dossier_page<T, Fut, V>(
    fetch: impl Fn(String, Proof) -> Fut + Copy + 'static,
    page: impl Fn(Found<T>) -> V + Copy + Send + Sync + 'static,
    not_found: Signal<&'static str>,
) -> impl IntoView
where
    T: Clone + 'static,
    Fut: Future<Output = Result<T, api::Error>> + 'static,
    V: IntoView + 'static,
{
    let params = use_params_map();
    let query = use_query_map();
    let found = LocalResource::new(move || {
        let code = params.read().get("code").unwrap_or_default().to_uppercase();
        let proof = proof_for(&code, query.read().get("token"));
        async move {
            let Some(proof) = proof else {
                return Ok::<_, api::Error>(None);
            };
            let value = fetch(code.clone(), proof.clone()).await?;
            Ok(Some((value, code, proof)))
        }
    });
    let reload = Callback::new(move |()| found.refetch());
    view! {
        <Transition fallback=|| view! { <Loading /> }>
            <ErrorBoundary fallback=error_fallback>
                {move || Suspend::new(async move {
                    match found.await {
                        Ok(Some((value, code, proof))) => {
                            Ok(
                                page(Found { value, code, proof, reload })
                                    .into_view()
                                    .into_any(),
                            )
                        }
                        Ok(None) => Ok(view! { <NotFound message=not_found /> }.into_any()),
                        Err(error) if error.is_not_found() => {
                            Ok(view! { <NotFound message=not_found /> }.into_any())
                        }
                        Err(error) => Err(error),
                    }
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// No proof on this device, or one that does not open the dossier: the same page either way.
#[component]
fn NotFound(message: Signal<&'static str>) -> impl IntoView {
    let texts = use_filing_texts();
    use_title(move |_| Some(texts().receipt_not_found_title.to_string()));
    focus_heading();
    view! {
        <h1 tabindex="-1">{ftr(|t| t.receipt_not_found_title)}</h1>
        <p>{message}</p>
        <p>
            <a href="/tra-cuu">{ttr(|t| t.search_link)}</a>
        </p>
    }
}
