//! Limits per client address: at most so many requests of a kind within a window, then 429 with
//! `Retry-After` until the window passes.
//!
//! Where a limit protects data (guessing dossier codes or passwords, filing, uploading) its counts
//! are in the database ([`SharedLimit`]), so every node behind a load balancer enforces one limit
//! and a restart resets nothing. The search limit protects only the node's own processor, and
//! search runs thousands of times a second writing nothing: its counts stay in the node's memory
//! ([`LocalLimit`]).
//!
//! Written here rather than with a rate-limiting crate: a guesser must be turned away before the
//! lookup runs (else a right guess would still show), which needs a look at the count that does
//! not add to it, and the counts must live in our database; `governor` offers neither.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::clock::unix_now;
use crate::store::{Store, WindowCount};

/// At most `limit` counted requests per client within each `window`; a limit of 0 is no limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub limit: u32,
    pub window: Duration,
}

impl Rule {
    pub const fn new(limit: u32, window: Duration) -> Rule {
        Rule { limit, window }
    }

    pub const fn per_hour(limit: u32) -> Rule {
        Rule::new(limit, Duration::from_secs(3600))
    }

    pub const fn per_minute(limit: u32) -> Rule {
        Rule::new(limit, Duration::from_secs(60))
    }

    fn window_seconds(&self) -> i64 {
        i64::try_from(self.window.as_secs()).unwrap_or(i64::MAX)
    }

    /// `Err(seconds to wait)` when `count` has used up the limit at `now` (Unix seconds).
    fn judge(&self, count: Option<WindowCount>, now: i64) -> Result<(), u64> {
        match count {
            Some(count) if self.limit > 0 && count.hits > i64::from(self.limit) => {
                let left = count.window_start + self.window_seconds() - now;
                Err(u64::try_from(left).unwrap_or(0).max(1))
            }
            _ => Ok(()),
        }
    }
}

/// A limit whose counts are in the database, shared by every node.
#[derive(Clone)]
pub struct SharedLimit {
    store: Store,
    /// The kind of request counted, e.g. `submissions`.
    kind: &'static str,
    rule: Rule,
}

impl SharedLimit {
    pub fn new(store: Store, kind: &'static str, rule: Rule) -> SharedLimit {
        SharedLimit { store, kind, rule }
    }

    /// Counts this request; `Err(seconds to wait)` when it is over the limit.
    pub async fn take(&self, client: IpAddr, now: i64) -> sqlx::Result<Result<(), u64>> {
        let count = self.count(client, now).await?;
        Ok(self.rule.judge(count, now))
    }

    /// Whether the client may try again: `Err(seconds to wait)` when its failures have used up
    /// the limit. Counts nothing; [`SharedLimit::fail`] counts.
    pub async fn check(&self, client: IpAddr, now: i64) -> sqlx::Result<Result<(), u64>> {
        if self.rule.limit == 0 {
            return Ok(Ok(()));
        }
        let (client, window) = (client.to_string(), self.rule.window_seconds());
        let count = self.store.hits(self.kind, &client, now, window).await?;
        // `check` comes before the attempt: the limit is used up at `limit` failures.
        let before_next = count.map(|count| WindowCount {
            hits: count.hits + 1,
            ..count
        });
        Ok(self.rule.judge(before_next, now))
    }

    /// Counts one failed attempt.
    pub async fn fail(&self, client: IpAddr, now: i64) -> sqlx::Result<()> {
        self.count(client, now).await.map(drop)
    }

    /// Counts one hit, unless there is no limit; the count after it.
    async fn count(&self, client: IpAddr, now: i64) -> sqlx::Result<Option<WindowCount>> {
        if self.rule.limit == 0 {
            return Ok(None);
        }
        let (client, window) = (client.to_string(), self.rule.window_seconds());
        Ok(Some(self.store.hit(self.kind, &client, now, window).await?))
    }
}

/// How many addresses a [`LocalLimit`] remembers at most; beyond it, the oldest are forgotten.
const MAX_ADDRESSES: usize = 10_000;

/// A limit counted in this node's memory.
#[derive(Clone)]
pub struct LocalLimit {
    rule: Rule,
    counts: Arc<Mutex<HashMap<IpAddr, Window>>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    started: Instant,
    hits: u32,
}

impl LocalLimit {
    pub fn new(rule: Rule) -> LocalLimit {
        LocalLimit {
            rule,
            counts: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// Counts this request; `Err(seconds to wait)` when it is over the limit.
    pub fn take(&self, address: IpAddr, now: Instant) -> Result<(), u64> {
        if self.rule.limit == 0 {
            return Ok(());
        }
        let mut counts = self
            .counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if counts.len() >= MAX_ADDRESSES && !counts.contains_key(&address) {
            self.forget_oldest(&mut counts, now);
        }
        let window = counts.entry(address).or_insert(Window {
            started: now,
            hits: 0,
        });
        if now.duration_since(window.started) >= self.rule.window {
            *window = Window {
                started: now,
                hits: 0,
            };
        }
        window.hits = window.hits.saturating_add(1);
        if window.hits <= self.rule.limit {
            return Ok(());
        }
        let left = self
            .rule
            .window
            .saturating_sub(now.duration_since(window.started));
        // Whole seconds, rounded up, so a client that waits that long gets in.
        Err((left.as_secs() + u64::from(left.subsec_nanos() > 0)).max(1))
    }

    fn forget_oldest(&self, counts: &mut HashMap<IpAddr, Window>, now: Instant) {
        counts.retain(|_, window| now.duration_since(window.started) < self.rule.window);
        if counts.len() >= MAX_ADDRESSES {
            let oldest = counts
                .iter()
                .min_by_key(|(_, window)| window.started)
                .map(|(address, _)| *address);
            if let Some(oldest) = oldest {
                counts.remove(&oldest);
            }
        }
    }

    /// How many addresses are remembered.
    pub fn tracked(&self) -> usize {
        self.counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .len()
    }
}

/// Every limit the portal applies, each with its rule.
#[derive(Clone)]
pub struct Limits {
    /// Failed dossier lookups (a wrong code, phone or token).
    pub failed_lookups: SharedLimit,
    /// Failed staff sign-ins.
    pub failed_sign_ins: SharedLimit,
    pub submissions: SharedLimit,
    pub uploads: SharedLimit,
    /// Procedure searches, per node.
    pub searches: LocalLimit,
}

/// The rules of each limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LimitRules {
    pub failed_lookups: Rule,
    pub failed_sign_ins: Rule,
    pub submissions: Rule,
    pub uploads: Rule,
    pub searches: Rule,
}

impl LimitRules {
    /// The portal's rules. Many citizens share one address (mobile carriers' NAT, a commune's
    /// office, an internet café), so the filing limits are far above what one family files.
    pub const STANDARD: LimitRules = LimitRules {
        failed_lookups: Rule::new(10, Duration::from_secs(600)),
        failed_sign_ins: Rule::new(20, Duration::from_secs(600)),
        submissions: Rule::per_hour(60),
        uploads: Rule::per_hour(600),
        searches: Rule::per_minute(600),
    };

    pub fn limits(self, store: &Store) -> Limits {
        let shared = |kind, rule| SharedLimit::new(store.clone(), kind, rule);
        Limits {
            failed_lookups: shared("failed_lookups", self.failed_lookups),
            failed_sign_ins: shared("failed_sign_ins", self.failed_sign_ins),
            submissions: shared("submissions", self.submissions),
            uploads: shared("uploads", self.uploads),
            searches: LocalLimit::new(self.searches),
        }
    }
}

/// Every hour, forgets the windows that started over a day ago (no rule's window is that long),
/// and the wrong passwords of names nobody tried for a day.
pub fn spawn_forgetting(store: Store) {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(Duration::from_secs(3600));
        loop {
            ticker.tick().await;
            let day_ago = unix_now() - 86_400;
            if let Err(error) = store.delete_rate_limits_before(day_ago).await {
                tracing::warn!(%error, "forgetting old rate-limit windows failed");
            }
            if let Err(error) = store.delete_sign_in_lockouts_before(day_ago).await {
                tracing::warn!(%error, "forgetting old sign-in failures failed");
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(last: u8) -> IpAddr {
        IpAddr::from([203, 0, 113, last])
    }

    #[test]
    fn the_limit_refuses_until_the_window_passes() {
        let searches = LocalLimit::new(Rule::new(3, Duration::from_secs(600)));
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(searches.take(address(1), start), Ok(()));
        }
        assert_eq!(searches.take(address(1), start), Err(600));
        let later = start + Duration::from_millis(100_500);
        assert_eq!(searches.take(address(1), later), Err(500));
        // Another address is not touched.
        assert_eq!(searches.take(address(2), later), Ok(()));
        // Once the window has passed, the count starts again.
        let after = start + Duration::from_secs(600);
        assert_eq!(searches.take(address(1), after), Ok(()));
    }

    #[test]
    fn memory_stays_bounded() {
        let searches = LocalLimit::new(Rule::new(3, Duration::from_secs(600)));
        let start = Instant::now();
        for number in 0..(MAX_ADDRESSES as u32 + 50) {
            searches
                .take(IpAddr::from(number.to_be_bytes()), start)
                .unwrap();
        }
        assert_eq!(searches.tracked(), MAX_ADDRESSES);
        // Expired windows are the first to go.
        let later = start + Duration::from_secs(601);
        searches.take(address(9), later).unwrap();
        assert_eq!(searches.tracked(), 1);
    }

    #[test]
    fn no_limit_counts_nothing() {
        let searches = LocalLimit::new(Rule::new(0, Duration::from_secs(60)));
        for _ in 0..100 {
            assert_eq!(searches.take(address(1), Instant::now()), Ok(()));
        }
        assert_eq!(searches.tracked(), 0);
    }

    #[test]
    fn a_window_refuses_past_its_limit_until_it_ends() {
        let rule = Rule::new(2, Duration::from_secs(60));
        let count = |hits| {
            Some(WindowCount {
                window_start: 1000,
                hits,
            })
        };
        assert_eq!(rule.judge(None, 1000), Ok(()));
        assert_eq!(rule.judge(count(2), 1010), Ok(()));
        assert_eq!(rule.judge(count(3), 1010), Err(50));
        // The last second still waits one.
        assert_eq!(rule.judge(count(3), 1060), Err(1));
        assert_eq!(
            Rule::new(0, Duration::from_secs(60)).judge(count(99), 1010),
            Ok(())
        );
    }
}
