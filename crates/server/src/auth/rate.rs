//! Per-address and per-user request limits (governor's keyed GCRA buckets) for sign-in,
//! sign-up, runs and sign-ins with a provider. A refusal is 429 `rate_limited` with Retry-After in whole seconds.

use std::net::IpAddr;
use std::num::NonZeroU32;
use std::time::Duration;

use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};

use crate::config::RateLimitsConfig;
use crate::error::ApiError;

/// One action's two limits: per client address and per user (or username).
pub struct Limiter {
    what: &'static str,
    by_ip: DefaultKeyedRateLimiter<IpAddr>,
    by_user: DefaultKeyedRateLimiter<String>,
}

fn per_minute(count: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(count).unwrap_or(NonZeroU32::MIN))
}

impl Limiter {
    pub fn new(what: &'static str, per_ip: u32, per_user: u32) -> Self {
        Limiter {
            what,
            by_ip: RateLimiter::keyed(per_minute(per_ip)),
            by_user: RateLimiter::keyed(per_minute(per_user)),
        }
    }

    /// Limits with their own quotas (e.g. per minute by address, per hour by email).
    pub fn with_quotas(what: &'static str, per_ip: Quota, per_user: Quota) -> Self {
        Limiter {
            what,
            by_ip: RateLimiter::keyed(per_ip),
            by_user: RateLimiter::keyed(per_user),
        }
    }

    /// Takes one request from both buckets, or says how long to wait.
    pub fn check(&self, ip: IpAddr, user: &str) -> Result<(), ApiError> {
        let clock = DefaultClock::default();
        let wait = match self.by_ip.check_key(&ip) {
            Err(not_until) => Some(not_until.wait_time_from(clock.now())),
            Ok(()) => self
                .by_user
                .check_key(&user.to_string())
                .err()
                .map(|not_until| not_until.wait_time_from(clock.now())),
        };
        match wait {
            None => Ok(()),
            Some(wait) => Err(limited(self.what, wait)),
        }
    }

    /// Forgets buckets that are full again, so memory follows recent clients only.
    fn prune(&self) {
        self.by_ip.retain_recent();
        self.by_user.retain_recent();
        self.by_ip.shrink_to_fit();
        self.by_user.shrink_to_fit();
    }
}

/// 429 `rate_limited`, Retry-After rounded up to whole seconds (at least 1).
pub fn limited(what: &str, wait: Duration) -> ApiError {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    let seconds = seconds.max(1);
    ApiError::busy(
        "rate_limited",
        format!("too many {what}; try again in {seconds} s"),
        seconds,
    )
}

pub struct RateLimits {
    pub signin: Limiter,
    pub signup: Limiter,
    pub runs: Limiter,
    /// Starting a sign-in or link with an OpenID Connect provider.
    pub oidc: Limiter,
    /// Sign-in links: per address per minute, per email per hour.
    pub magic_link: Limiter,
}

impl RateLimits {
    pub fn new(config: &RateLimitsConfig) -> Self {
        RateLimits {
            signin: Limiter::new(
                "sign-in attempts",
                config.signin_per_ip,
                config.signin_per_user,
            ),
            signup: Limiter::new(
                "sign-up attempts",
                config.signup_per_ip,
                config.signup_per_user,
            ),
            runs: Limiter::new("runs", config.runs_per_ip, config.runs_per_user),
            oidc: Limiter::new(
                "sign-ins with a provider",
                config.oidc_per_ip,
                config.oidc_per_user,
            ),
            magic_link: Limiter::with_quotas(
                "sign-in links",
                per_minute(config.magic_link_per_ip),
                Quota::per_hour(
                    NonZeroU32::new(config.magic_link_per_email).unwrap_or(NonZeroU32::MIN),
                ),
            ),
        }
    }

    pub fn prune(&self) {
        self.signin.prune();
        self.signup.prune();
        self.runs.prune();
        self.oidc.prune();
        self.magic_link.prune();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_count_passes_then_the_next_waits_per_ip_and_per_user() {
        let limiter = Limiter::new("tries", 3, 2);
        let a: IpAddr = [10, 0, 0, 1].into();
        let b: IpAddr = [10, 0, 0, 2].into();
        assert!(limiter.check(a, "u1").is_ok());
        assert!(limiter.check(a, "u1").is_ok());
        let err = limiter.check(a, "u1").expect_err("per user");
        assert_eq!(err.code, "rate_limited");
        // 2 per minute: one back every 30 s.
        assert!((1..=30).contains(&err.retry_after.unwrap_or(0)), "{err:?}");
        // Another user from a (third request of a), then a is out.
        assert!(limiter.check(a, "u2").is_err() || limiter.check(a, "u2").is_err());
        assert!(limiter.check(a, "u3").is_err(), "per address");
        assert!(limiter.check(b, "u3").is_ok(), "another address");
    }

    #[test]
    fn waits_round_up_to_whole_seconds() {
        assert_eq!(limited("x", Duration::from_millis(1)).retry_after, Some(1));
        assert_eq!(
            limited("x", Duration::from_millis(2001)).retry_after,
            Some(3)
        );
        assert_eq!(limited("x", Duration::ZERO).retry_after, Some(1));
    }
}
