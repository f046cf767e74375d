//! The search index every request reads, kept in step with the database.
//!
//! The database is the source of truth; the index is derived from it. Each process rebuilds its
//! index when the catalog version in the database moves (an import by another process, another
//! node), so several processes behind one database agree.

use std::sync::{Arc, RwLock};
use std::time::Duration;

use motcua_api::search::SearchIndex;

use crate::store::Store;

/// How often a serving process looks for catalog changes made elsewhere.
const POLL_INTERVAL: Duration = Duration::from_secs(10);

#[derive(Clone)]
pub struct LiveCatalog {
    current: Arc<RwLock<Snapshot>>,
}

struct Snapshot {
    version: i64,
    index: Arc<SearchIndex>,
}

impl LiveCatalog {
    /// Builds the index from the database.
    pub async fn load(store: &Store) -> anyhow::Result<LiveCatalog> {
        let version = store.catalog_version().await?;
        let index = SearchIndex::new(store.procedure_summaries().await?);
        Ok(LiveCatalog {
            current: Arc::new(RwLock::new(Snapshot {
                version,
                index: Arc::new(index),
            })),
        })
    }

    /// The index as it is now; requests hold it for their whole duration.
    pub fn index(&self) -> Arc<SearchIndex> {
        self.current
            .read()
            .expect("catalog lock poisoned")
            .index
            .clone()
    }

    /// Rebuilds the index when the database has a newer catalog. Returns whether it did.
    pub async fn refresh(&self, store: &Store) -> anyhow::Result<bool> {
        let version = store.catalog_version().await?;
        let known = self.current.read().expect("catalog lock poisoned").version;
        if version == known {
            return Ok(false);
        }
        let index = Arc::new(SearchIndex::new(store.procedure_summaries().await?));
        let mut current = self.current.write().expect("catalog lock poisoned");
        if version > current.version {
            *current = Snapshot { version, index };
        }
        Ok(true)
    }

    /// Keeps refreshing in the background for the life of the process.
    pub fn spawn_refresher(&self, store: Store) {
        let catalog = self.clone();
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(POLL_INTERVAL);
            loop {
                ticker.tick().await;
                if let Err(error) = catalog.refresh(&store).await {
                    tracing::warn!(error = format!("{error:#}"), "catalog refresh failed");
                }
            }
        });
    }
}
