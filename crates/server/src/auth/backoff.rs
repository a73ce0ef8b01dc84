//! Sign-in backoff per username: after `after` failed attempts in a row, each further attempt
//! must wait 1 s, 2 s, 4 s ... (capped) since the last failure — whatever the password, so a
//! guesser cannot tell a right guess from a wait. A success clears the count. Per-IP limits do
//! not stop a guesser with many addresses; this does, at the price that a guesser can slow one
//! account's sign-in, never lock it.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Usernames tracked at most; beyond it, entries whose wait is over are forgotten first.
const MAX_TRACKED: usize = 100_000;

#[derive(Debug, Clone, Copy)]
struct Failures {
    count: u32,
    last: Instant,
}

pub struct Backoff {
    after: u32,
    max: Duration,
    failures: Mutex<HashMap<String, Failures>>,
}

impl Backoff {
    pub fn new(after: u32, max: Duration) -> Self {
        Backoff {
            after: after.max(1),
            max,
            failures: Mutex::new(HashMap::new()),
        }
    }

    fn table(&self) -> std::sync::MutexGuard<'_, HashMap<String, Failures>> {
        // A panic elsewhere while holding the lock leaves a usable map; keep going.
        self.failures
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The wait after `count` failures (zero below the threshold).
    fn delay(&self, count: u32) -> Duration {
        if count < self.after {
            return Duration::ZERO;
        }
        let doublings = (count - self.after).min(30);
        Duration::from_secs(1u64 << doublings).min(self.max)
    }

    /// `Err(wait)` while `username` must still wait.
    pub fn check(&self, username: &str, now: Instant) -> Result<(), Duration> {
        let Some(entry) = self.table().get(username).copied() else {
            return Ok(());
        };
        let ready_at = entry.last + self.delay(entry.count);
        if now < ready_at {
            Err(ready_at - now)
        } else {
            Ok(())
        }
    }

    pub fn failed(&self, username: &str, now: Instant) {
        let mut table = self.table();
        if table.len() >= MAX_TRACKED && !table.contains_key(username) {
            let max = self.max;
            table.retain(|_, f| now.saturating_duration_since(f.last) < max);
        }
        let entry = table.entry(username.to_string()).or_insert(Failures {
            count: 0,
            last: now,
        });
        entry.count = entry.count.saturating_add(1);
        entry.last = now;
    }

    pub fn succeeded(&self, username: &str) {
        self.table().remove(username);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn waits_double_after_the_threshold_up_to_the_cap_and_clear_on_success() {
        let backoff = Backoff::new(2, Duration::from_secs(5));
        let t0 = Instant::now();
        assert!(backoff.check("u", t0).is_ok());
        backoff.failed("u", t0);
        assert!(backoff.check("u", t0).is_ok(), "below the threshold");
        backoff.failed("u", t0);
        assert_eq!(backoff.check("u", t0), Err(Duration::from_secs(1)));
        assert!(backoff.check("u", t0 + Duration::from_secs(1)).is_ok());
        backoff.failed("u", t0);
        assert_eq!(backoff.check("u", t0), Err(Duration::from_secs(2)));
        for _ in 0..10 {
            backoff.failed("u", t0);
        }
        assert_eq!(
            backoff.check("u", t0),
            Err(Duration::from_secs(5)),
            "capped"
        );
        assert!(backoff.check("other", t0).is_ok(), "per username");
        backoff.succeeded("u");
        assert!(backoff.check("u", t0).is_ok());
    }
}
