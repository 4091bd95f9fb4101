//! Per-client rate limits (token buckets in memory): strict for state-changing requests,
//! generous for reads. With several app servers the effective limit is multiplied by their
//! number; operators put a shared limit in their reverse proxy if they need one.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::Instant;

use axum::extract::{ConnectInfo, Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::state::AppState;

struct Bucket {
    tokens: f64,
    last: Instant,
}

pub struct RateLimiter {
    reads: Option<u32>,
    writes: Option<u32>,
    buckets: Mutex<HashMap<(IpAddr, bool), Bucket>>,
}

/// Beyond this many tracked clients, full buckets are forgotten.
const PRUNE_AT: usize = 10_000;

impl RateLimiter {
    #[must_use]
    pub fn new(reads: Option<u32>, writes: Option<u32>) -> Self {
        Self {
            reads,
            writes,
            buckets: Mutex::new(HashMap::new()),
        }
    }

    /// Takes one token; `Err(seconds)` says when to retry.
    pub fn check(&self, client: IpAddr, write: bool, now: Instant) -> Result<(), u64> {
        let Some(per_minute) = (if write { self.writes } else { self.reads }) else {
            return Ok(());
        };
        let capacity = f64::from(per_minute.max(1));
        let refill_per_sec = capacity / 60.0;
        let Ok(mut buckets) = self.buckets.lock() else {
            return Ok(());
        };
        if buckets.len() > PRUNE_AT {
            buckets.retain(|_, b| {
                b.tokens + now.duration_since(b.last).as_secs_f64() * refill_per_sec < capacity
            });
        }
        let bucket = buckets.entry((client, write)).or_insert(Bucket {
            tokens: capacity,
            last: now,
        });
        bucket.tokens = (bucket.tokens
            + now.duration_since(bucket.last).as_secs_f64() * refill_per_sec)
            .min(capacity);
        bucket.last = now;
        if bucket.tokens >= 1.0 {
            bucket.tokens -= 1.0;
            Ok(())
        } else {
            // Truncation is fine: the wait is small and positive.
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let wait = ((1.0 - bucket.tokens) / refill_per_sec).ceil() as u64;
            Err(wait.max(1))
        }
    }
}

/// The client a request comes from (the proxy's last hop when trusted), for limits and throttles.
pub fn client_ip(request: &Request, trust_proxy: bool) -> IpAddr {
    if trust_proxy {
        // The last hop appended by our own reverse proxy is the client it saw.
        if let Some(ip) = request
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.rsplit(',').next())
            .and_then(|v| v.trim().parse().ok())
        {
            return ip;
        }
    }
    request
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |c| c.0.ip())
}

pub async fn layer(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if super::is_operational(request.uri().path()) {
        return next.run(request).await;
    }
    let write = !matches!(
        *request.method(),
        Method::GET | Method::HEAD | Method::OPTIONS
    );
    let ip = client_ip(&request, state.settings.trust_proxy);
    match state.limiter.check(ip, write, Instant::now()) {
        Ok(()) => next.run(request).await,
        Err(wait) => {
            let mut response = StatusCode::TOO_MANY_REQUESTS.into_response();
            if let Ok(v) = HeaderValue::from_str(&wait.to_string()) {
                response.headers_mut().insert(header::RETRY_AFTER, v);
            }
            response
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    #[test]
    fn refills_over_time_and_separates_reads_from_writes() {
        let limiter = RateLimiter::new(Some(120), Some(2));
        let ip: IpAddr = "192.0.2.1".parse().unwrap();
        let t0 = Instant::now();
        assert!(limiter.check(ip, true, t0).is_ok());
        assert!(limiter.check(ip, true, t0).is_ok());
        let wait = limiter.check(ip, true, t0).unwrap_err();
        assert_eq!(wait, 30, "2 per minute: one token every 30 s");
        assert!(
            limiter.check(ip, false, t0).is_ok(),
            "reads have their own bucket"
        );
        assert!(
            limiter
                .check("192.0.2.2".parse().unwrap(), true, t0)
                .is_ok(),
            "per client"
        );
        assert!(
            limiter
                .check(ip, true, t0 + Duration::from_secs(31))
                .is_ok()
        );
        let off = RateLimiter::new(None, None);
        for _ in 0..1000 {
            assert!(off.check(ip, true, t0).is_ok());
        }
    }
}
