use crate::auth::SessionPolicy;
use crate::catalog::live::LiveCatalog;
use crate::files::FileStore;
use crate::store::Store;
use crate::throttle::FailedLookups;

/// What every handler may reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub catalog: LiveCatalog,
    pub files: FileStore,
    /// Largest attachment accepted, in bytes.
    pub max_upload_bytes: u64,
    /// Failed dossier lookups per client address, to slow down guessing.
    pub failed_lookups: FailedLookups,
    /// How long staff sessions live, and whether their cookie is `Secure`.
    pub sessions: SessionPolicy,
    /// Failed staff sign-ins per client address.
    pub failed_sign_ins: FailedLookups,
}
