//! Slows down whoever guesses dossier codes, phones or tokens: after too many failed lookups from
//! one address within a window, that address is refused every lookup until the window passes.
//!
//! Written here rather than with a rate-limiting crate: a refused address must be turned away
//! before its lookup runs (else a right guess would still show), which needs a look at the count
//! that does not add to it; `governor` offers no such look.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How many addresses are remembered at most; beyond it, the oldest windows are forgotten.
const MAX_ADDRESSES: usize = 10_000;

/// Failed lookups counted per client address, shared by every handler.
#[derive(Clone)]
pub struct FailedLookups {
    limit: u32,
    window: Duration,
    counts: Arc<Mutex<HashMap<IpAddr, Window>>>,
}

#[derive(Debug, Clone, Copy)]
struct Window {
    started: Instant,
    failures: u32,
}

impl FailedLookups {
    /// At most `limit` failed lookups per address within each `window`.
    pub fn new(limit: u32, window: Duration) -> FailedLookups {
        FailedLookups {
            limit,
            window,
            counts: Arc::new(Mutex::new(HashMap::new())),
        }
    }

    /// The portal's rule: ten failures within ten minutes.
    pub fn standard() -> FailedLookups {
        FailedLookups::new(10, Duration::from_secs(600))
    }

    /// `Err(seconds to wait)` when `address` has used up its failures at `now`.
    pub fn check(&self, address: IpAddr, now: Instant) -> Result<(), u64> {
        let counts = self
            .counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        match counts.get(&address) {
            Some(window) if window.failures >= self.limit => {
                let left = self
                    .window
                    .saturating_sub(now.duration_since(window.started));
                if left.is_zero() {
                    Ok(())
                } else {
                    // Whole seconds, rounded up, so a client that waits that long gets in.
                    Err(left.as_secs() + u64::from(left.subsec_nanos() > 0))
                }
            }
            _ => Ok(()),
        }
    }

    /// Counts one failed lookup from `address` at `now`.
    pub fn fail(&self, address: IpAddr, now: Instant) {
        let mut counts = self
            .counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if counts.len() >= MAX_ADDRESSES && !counts.contains_key(&address) {
            counts.retain(|_, window| now.duration_since(window.started) < self.window);
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
        let window = counts.entry(address).or_insert(Window {
            started: now,
            failures: 0,
        });
        if now.duration_since(window.started) >= self.window {
            *window = Window {
                started: now,
                failures: 0,
            };
        }
        window.failures = window.failures.saturating_add(1);
    }

    /// How many addresses are remembered.
    pub fn tracked(&self) -> usize {
        self.counts
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
            .len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn address(last: u8) -> IpAddr {
        IpAddr::from([203, 0, 113, last])
    }

    #[test]
    fn the_limit_refuses_until_the_window_passes() {
        let lookups = FailedLookups::new(3, Duration::from_secs(600));
        let start = Instant::now();
        for _ in 0..3 {
            assert_eq!(lookups.check(address(1), start), Ok(()));
            lookups.fail(address(1), start);
        }
        assert_eq!(lookups.check(address(1), start), Err(600));
        let later = start + Duration::from_millis(100_500);
        assert_eq!(lookups.check(address(1), later), Err(500));
        // Another address is not touched.
        assert_eq!(lookups.check(address(2), later), Ok(()));
        // Once the window has passed, the count starts again.
        let after = start + Duration::from_secs(600);
        assert_eq!(lookups.check(address(1), after), Ok(()));
        lookups.fail(address(1), after);
        assert_eq!(lookups.check(address(1), after), Ok(()));
    }

    #[test]
    fn memory_stays_bounded() {
        let lookups = FailedLookups::new(3, Duration::from_secs(600));
        let start = Instant::now();
        for number in 0..(MAX_ADDRESSES as u32 + 50) {
            lookups.fail(IpAddr::from(number.to_be_bytes()), start);
        }
        assert_eq!(lookups.tracked(), MAX_ADDRESSES);
        // Expired windows are the first to go.
        let later = start + Duration::from_secs(601);
        lookups.fail(address(9), later);
        assert_eq!(lookups.tracked(), 1);
    }
}
