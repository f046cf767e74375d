//! The pages of one procedure come with it, so a citizen on a slow connection waits for one
//! download less:
//! - `/thu-tuc/{code}`: the catalog's page with the procedure drawn into it by the app's own
//!   component (`motcua_web::prerender`): it is read before the catalog's Wasm has arrived, and the
//!   Wasm does not draw it a second time;
//! - `/thu-tuc/{code}/nop-ho-so/…`: the filing page with the procedure as JSON, which the form
//!   takes instead of asking the API.
//!
//! An unknown code, or a database that does not answer, gets the plain page: the app then says
//! what is wrong.

use std::path::PathBuf;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::response::{IntoResponse, Response};
use motcua_api::Procedure;
use motcua_api::area::{FrontEndArea, PROCEDURE_DATA_ID};
use motcua_web::prerender;
use tower::ServiceExt;
use tower_http::services::ServeFile;

use crate::store::Store;

/// What the handlers need: where the pages are and where the procedures are.
#[derive(Clone)]
pub struct Pages {
    pub dist: PathBuf,
    pub store: Store,
}

/// The procedure's code in the path; a filing step after it is the app's business.
#[derive(serde::Deserialize)]
pub struct CodeInPath {
    code: String,
}

/// The app's mount point: what the server adds goes just before it.
const APP: &str = "<div id=\"app\">";

/// `/thu-tuc/{code}` and `/thu-tuc/{code}/nop-ho-so/…`: the page of the app that owns the path,
/// with the procedure.
pub async fn page_with_procedure(
    State(pages): State<Pages>,
    code: Result<Path<CodeInPath>, PathRejection>,
    request: Request,
) -> Response {
    let area = FrontEndArea::of_path(request.uri().path());
    let make = match area {
        FrontEndArea::Filing => with_procedure_data,
        _ => with_procedure_drawn,
    };
    // A code that is not text (`%FF`) is no procedure's: the plain page, whose app says so.
    let code = code
        .map(|Path(CodeInPath { code })| code)
        .unwrap_or_default();
    with_procedure(pages, area, &code, request, make).await
}

/// The catalog's page with the procedure drawn in and its name as the title.
fn with_procedure_drawn(page: &str, procedure: &Procedure) -> Option<String> {
    let drawn = prerender::procedure(procedure);
    let titled = retitled(page, &drawn.title)?;
    before_app(&titled, &drawn.body)
}

/// A filing page with the procedure as JSON.
fn with_procedure_data(page: &str, procedure: &Procedure) -> Option<String> {
    // `</` written `<\/` (the same string in JSON), so no text can close the element.
    let json = serde_json::to_string(procedure).ok()?.replace("</", "<\\/");
    let data =
        format!("<script type=\"application/json\" id=\"{PROCEDURE_DATA_ID}\">{json}</script>");
    before_app(page, &data)
}

/// The app's page made by `make` with the procedure of `code`, or as built when there is none.
async fn with_procedure(
    pages: Pages,
    area: FrontEndArea,
    code: &str,
    request: Request,
    make: fn(&str, &Procedure) -> Option<String>,
) -> Response {
    let file = pages.dist.join(area.html_file());
    let made = match pages.store.procedure(code.trim()).await {
        Ok(Some(procedure)) => tokio::fs::read_to_string(&file)
            .await
            .ok()
            .and_then(|page| make(&page, &procedure)),
        Ok(None) => None,
        Err(error) => {
            tracing::warn!("page of procedure {code} sent without it: {error:#}");
            None
        }
    };
    match made {
        Some(page) => (
            [(
                CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            )],
            page,
        )
            .into_response(),
        None => ServeFile::new(file)
            .precompressed_br()
            .precompressed_gzip()
            .oneshot(request)
            .await
            .map(IntoResponse::into_response)
            .unwrap_or_else(|never| match never {}),
    }
}

/// The page with its `<title>` element replaced; `None` when it has none.
fn retitled(page: &str, title: &str) -> Option<String> {
    let start = page.find("<title>")?;
    let end = start + page[start..].find("</title>")? + "</title>".len();
    Some(format!("{}{title}{}", &page[..start], &page[end..]))
}

/// The page with `html` just before the app's mount point; `None` when it has none.
fn before_app(page: &str, html: &str) -> Option<String> {
    let app = page.find(APP)?;
    Some(format!("{}{html}{}", &page[..app], &page[app..]))
}
