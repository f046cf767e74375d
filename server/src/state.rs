use std::net::IpAddr;
use std::sync::Arc;

use crate::auth::SessionPolicy;
use crate::catalog::live::LiveCatalog;
use crate::files::FileStore;
use crate::store::Store;
use crate::throttle::Limits;

/// What every handler may reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub catalog: LiveCatalog,
    pub files: FileStore,
    /// Largest attachment accepted, in bytes.
    pub max_upload_bytes: u64,
    /// Requests counted per client address: guesses, sign-ins, filings, uploads, searches.
    pub limits: Limits,
    /// Proxies whose `X-Forwarded-For` names the client (`--trusted-proxy`).
    pub trusted_proxies: Arc<[IpAddr]>,
    /// How long staff sessions live, and whether their cookie is `Secure`.
    pub sessions: SessionPolicy,
}
