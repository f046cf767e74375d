use crate::catalog::live::LiveCatalog;
use crate::store::Store;

/// What every handler may reach.
#[derive(Clone)]
pub struct AppState {
    pub store: Store,
    pub catalog: LiveCatalog,
}
