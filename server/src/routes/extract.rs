//! Extractors whose rejections answer with the API's JSON error body.

use std::net::{IpAddr, SocketAddr};

use axum::Json;
use axum::extract::{ConnectInfo, FromRequest, FromRequestParts, Path, Query};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use crate::error::AppError;
use crate::state::AppState;

/// Where the request comes from, as the limits count it: the connection's peer or, when the peer
/// is one of the trusted proxies (`--trusted-proxy`), the address the proxies name.
pub struct ClientAddress(pub IpAddr);

impl FromRequestParts<AppState> for ClientAddress {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let ConnectInfo(peer) = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .copied()
            .ok_or_else(|| anyhow::anyhow!("served without the peer's address"))?;
        let forwarded = parts
            .headers
            .get_all("x-forwarded-for")
            .iter()
            .filter_map(|value| value.to_str().ok());
        Ok(ClientAddress(client_address(
            peer.ip(),
            forwarded,
            &state.trusted_proxies,
        )))
    }
}

/// The client behind a chain of proxies: walking `X-Forwarded-For` from its end (the hop the
/// last proxy saw), the first address that is not a trusted proxy. Anything before it was written
/// by the client and proves nothing; a peer that is not trusted is the client itself.
fn client_address<'a>(
    peer: IpAddr,
    forwarded_for: impl Iterator<Item = &'a str>,
    trusted: &[IpAddr],
) -> IpAddr {
    if !trusted.contains(&peer) {
        return peer;
    }
    let hops: Vec<&str> = forwarded_for.flat_map(|value| value.split(',')).collect();
    let mut client = peer;
    for hop in hops.iter().rev() {
        match hop.trim().parse::<IpAddr>() {
            Ok(address) if trusted.contains(&address) => client = address,
            Ok(address) => return address,
            Err(_) => return client,
        }
    }
    client
}

/// Query parameters; unlike axum's `Query`, percent-escapes that do not decode to UTF-8 are
/// refused rather than silently replaced, so a garbled search never runs as something else.
pub struct ApiQuery<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequestParts<S> for ApiQuery<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        let query = parts.uri.query().unwrap_or_default();
        if std::str::from_utf8(&percent_decode(query)).is_err() {
            return Err(AppError::BadRequest(
                motcua_api::server_messages::QUERY_NOT_TEXT.vi.into(),
            ));
        }
        let Query(value) = Query::try_from_uri(&parts.uri)?;
        Ok(ApiQuery(value))
    }
}

#[derive(FromRequestParts)]
#[from_request(via(Path), rejection(AppError))]
pub struct ApiPath<T>(pub T);

/// A JSON body; malformed input gets the API's error body.
#[derive(FromRequest)]
#[from_request(via(Json), rejection(AppError))]
pub struct ApiJson<T>(pub T);

/// The bytes a form-encoded query stands for (`+` is a space, `%XX` a byte).
fn percent_decode(query: &str) -> Vec<u8> {
    let bytes = query.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        let hex = bytes
            .get(index + 1..index + 3)
            .and_then(|pair| std::str::from_utf8(pair).ok())
            .and_then(|pair| u8::from_str_radix(pair, 16).ok());
        match (bytes[index], hex) {
            (b'%', Some(byte)) => {
                decoded.push(byte);
                index += 3;
            }
            (b'+', _) => {
                decoded.push(b' ');
                index += 1;
            }
            (byte, _) => {
                decoded.push(byte);
                index += 1;
            }
        }
    }
    decoded
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_plus_and_leaves_stray_percent() {
        assert_eq!(percent_decode("q=kh%C3%A1+sinh"), "q=khá sinh".as_bytes());
        assert_eq!(percent_decode("a=100%&b=%4"), b"a=100%&b=%4");
        assert!(std::str::from_utf8(&percent_decode("q=%FF%FE")).is_err());
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn the_client_is_the_first_untrusted_hop_from_the_end() {
        let proxies = [ip("10.0.0.1"), ip("10.0.0.2")];
        // No proxy: the header is the client's own word, ignored.
        assert_eq!(
            client_address(ip("203.0.113.9"), ["1.2.3.4"].into_iter(), &proxies),
            ip("203.0.113.9")
        );
        // One proxy.
        assert_eq!(
            client_address(ip("10.0.0.1"), ["203.0.113.9"].into_iter(), &proxies),
            ip("203.0.113.9")
        );
        // A forged first hop and two proxies, over two header lines.
        assert_eq!(
            client_address(
                ip("10.0.0.2"),
                ["6.6.6.6, 203.0.113.9", "10.0.0.1"].into_iter(),
                &proxies
            ),
            ip("203.0.113.9")
        );
        // Garbage stops the walk at the last trusted hop.
        assert_eq!(
            client_address(ip("10.0.0.1"), ["nonsense"].into_iter(), &proxies),
            ip("10.0.0.1")
        );
        assert_eq!(
            client_address(ip("10.0.0.1"), std::iter::empty(), &proxies),
            ip("10.0.0.1")
        );
    }
}
