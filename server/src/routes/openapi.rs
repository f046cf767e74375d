//! The API's OpenAPI 3.1 document, served at `GET /api/openapi.json`.
//!
//! Its operations are the `#[utoipa::path]` of the handlers that the routers register with
//! `routes!`, so no route is served without being described. Added here is what no handler says:
//! the title, the security schemes of the staff workspace, and the error answers that many
//! operations share.

use axum::Extension;
use axum::body::Bytes;
use axum::http::HeaderValue;
use axum::http::header::CONTENT_TYPE;
use axum::response::IntoResponse;
use motcua_api::ErrorBody;
use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityScheme};
use utoipa::openapi::{
    ContentBuilder, HeaderBuilder, ObjectBuilder, Ref, RefOr, Response, ResponseBuilder, Type,
};
use utoipa::{Modify, OpenApi, ToResponse};
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

use crate::auth::session::COOKIE_NAME;
use crate::state::AppState;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "Một Cửa API",
        description = "The REST API of the Một Cửa citizen portal. Every error answers with \
            `ErrorBody`: a stable `error` code, a Vietnamese `message` for the person, and the \
            bad inputs in `fields`."
    ),
    components(
        schemas(ErrorBody),
        responses(
            BadRequest,
            SignInNeeded,
            Forbidden,
            BodyTooLarge,
            NotJson,
            TooManyRequests,
            Internal,
            Timeout
        )
    ),
    modifiers(&StaffSecurity),
    tags(
        (name = "catalog", description = "The procedure catalog"),
        (name = "dossiers", description = "Filing a dossier, and what its applicant may do with it"),
        (name = "uploads", description = "Attachments, before a dossier holds them"),
        (name = "stats", description = "Public figures"),
        (name = "staff", description = "The staff workspace: a session cookie, and for unsafe \
            methods a request from the portal's own pages"),
        (name = "meta", description = "Health and this document")
    )
)]
struct ApiDoc;

/// The whole document: the routers' operations, whose paths are relative to `/api` (where
/// `crate::app::router` puts the API), under `/api`.
pub fn document(mut operations: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    operations.paths.paths = std::mem::take(&mut operations.paths.paths)
        .into_iter()
        .map(|(path, item)| (format!("/api{path}"), item))
        .collect();
    ApiDoc::openapi().merge_from(operations)
}

/// The document as served, serialized once; a layer hands it to [`openapi_json`].
#[derive(Clone)]
pub struct Served(pub Bytes);

pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new().routes(routes!(openapi_json))
}

/// This document
#[utoipa::path(
    get,
    path = "/openapi.json",
    tag = "meta",
    responses((status = 200, description = "The OpenAPI 3.1 document of the API",
        content_type = "application/json", body = Object))
)]
async fn openapi_json(Extension(Served(json)): Extension<Served>) -> impl IntoResponse {
    (
        [(CONTENT_TYPE, HeaderValue::from_static("application/json"))],
        json,
    )
}

/// The staff session cookie, and the same-origin check of `crate::auth::csrf` on unsafe methods.
struct StaffSecurity;

impl Modify for StaffSecurity {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "staff_session",
            SecurityScheme::ApiKey(ApiKey::Cookie(ApiKeyValue::with_description(
                COOKIE_NAME,
                "The session secret `POST /api/staff/login` sets (HttpOnly, SameSite=Strict); \
                 a session ends after 30 minutes unused or 12 hours in all.",
            ))),
        );
        components.add_security_scheme(
            "same_origin",
            SecurityScheme::ApiKey(ApiKey::Header(ApiKeyValue::with_description(
                "Origin",
                "A request that changes something must come from the portal's own pages: \
                 `Origin` equal to the `Host` it was sent to, or, without `Origin`, \
                 `Sec-Fetch-Site: same-origin`. Otherwise 403.",
            ))),
        );
    }
}

/// A response whose body is the [`ErrorBody`].
fn error_response(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        "application/json",
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("ErrorBody")))
            .build(),
    )
}

/// Declares error answers shared by many operations, cited as `response = Name`; the types only
/// name them and have no value.
macro_rules! error_responses {
    ($($name:ident: $description:literal;)*) => {$(
        #[doc = $description]
        pub enum $name {}

        impl<'r> ToResponse<'r> for $name {
            fn response() -> (&'r str, RefOr<Response>) {
                (stringify!($name), error_response($description).build().into())
            }
        }
    )*};
}

error_responses! {
    BadRequest: "Malformed request (`bad_request`): a bad parameter, named in `fields`; a body \
        that is not the JSON the operation reads; or a path or query that is not UTF-8.";
    SignInNeeded: "No live staff session (`unauthorized`): sign in again.";
    Forbidden: "Refused (`forbidden`): the officer's role may not do this, or the request (not a \
        GET) did not come from the portal's own pages.";
    BodyTooLarge: "The body is over the API's limit of 1 MB (`payload_too_large`).";
    NotJson: "The body was not sent as `application/json` (`unsupported_media_type`).";
    Internal: "The server failed (`internal`); the details are in its log, never in the answer.";
    Timeout: "The request took longer than the server allows (`timeout`).";
}

/// A throttle's refusal, with the seconds to wait in `Retry-After`.
pub enum TooManyRequests {}

impl<'r> ToResponse<'r> for TooManyRequests {
    fn response() -> (&'r str, RefOr<Response>) {
        let retry_after = HeaderBuilder::new()
            .schema(
                ObjectBuilder::new()
                    .schema_type(Type::Integer)
                    .minimum(Some(0)),
            )
            .description(Some("Seconds to wait before asking again"))
            .build();
        let response = error_response(
            "Over a limit of the client's address, on requests or on failures \
             (`too_many_requests`): refused until `Retry-After` seconds have passed.",
        )
        .header("Retry-After", retry_after)
        .build();
        ("TooManyRequests", response.into())
    }
}
