//! Prometheus metrics, kept in memory and rendered in the text exposition format.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::Mutex;
use std::sync::atomic::Ordering;
use std::time::Duration;

use crate::state::AppState;

/// Upper bounds (seconds) of the latency histogram buckets.
const BUCKETS: [f64; 12] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0,
];

#[derive(Default)]
struct RouteStats {
    by_status: HashMap<(String, u16), u64>,
    buckets: [u64; BUCKETS.len()],
    sum: f64,
    count: u64,
}

#[derive(Default)]
pub struct Metrics {
    routes: Mutex<HashMap<String, RouteStats>>,
    /// Requests answered 503 at once because too many were in flight.
    shed: std::sync::atomic::AtomicU64,
}

impl Metrics {
    /// Counts one request shed (`middleware::shed`).
    pub fn shed(&self) {
        self.shed.fetch_add(1, Ordering::Relaxed);
    }

    /// Records one answered request. `route` is the matched route template (`/odd/{n}`),
    /// never the raw path, so that the label set stays bounded.
    pub fn record(&self, method: &str, route: &str, status: u16, elapsed: Duration) {
        let Ok(mut routes) = self.routes.lock() else {
            return;
        };
        let stats = match routes.get_mut(route) {
            Some(s) => s,
            None => routes.entry(route.to_owned()).or_default(),
        };
        match stats
            .by_status
            .iter_mut()
            .find(|((m, s), _)| m == method && *s == status)
        {
            Some((_, n)) => *n += 1,
            None => {
                stats.by_status.insert((method.to_owned(), status), 1);
            }
        }
        let secs = elapsed.as_secs_f64();
        for (i, bound) in BUCKETS.iter().enumerate() {
            if secs <= *bound {
                stats.buckets[i] += 1;
            }
        }
        stats.sum += secs;
        stats.count += 1;
    }

    /// The exposition text.
    #[must_use]
    pub fn render(&self, state: &AppState) -> String {
        let mut out = String::with_capacity(4096);
        out.push_str("# HELP alliances_build_info Version of the running binary.\n# TYPE alliances_build_info gauge\n");
        let _ = writeln!(
            out,
            "alliances_build_info{{version=\"{}\"}} 1",
            env!("CARGO_PKG_VERSION")
        );
        out.push_str("# HELP alliances_ready Whether start-up work is done (1) or not (0).\n# TYPE alliances_ready gauge\n");
        let _ = writeln!(out, "alliances_ready {}", u8::from(state.ready().is_some()));
        out.push_str("# HELP alliances_uptime_seconds Seconds since the process started.\n# TYPE alliances_uptime_seconds gauge\n");
        let _ = writeln!(
            out,
            "alliances_uptime_seconds {:.3}",
            state.started.elapsed().as_secs_f64()
        );
        out.push_str("# HELP alliances_page_cache_entries Rendered pages held in memory.\n# TYPE alliances_page_cache_entries gauge\n");
        let _ = writeln!(out, "alliances_page_cache_entries {}", state.cache.len());
        out.push_str("# HELP alliances_page_cache_requests_total Cacheable page requests by outcome.\n# TYPE alliances_page_cache_requests_total counter\n");
        let _ = writeln!(
            out,
            "alliances_page_cache_requests_total{{outcome=\"hit\"}} {}",
            state.cache.hits.load(Ordering::Relaxed)
        );
        let _ = writeln!(
            out,
            "alliances_page_cache_requests_total{{outcome=\"miss\"}} {}",
            state.cache.misses.load(Ordering::Relaxed)
        );
        out.push_str("# HELP alliances_shed_requests_total Requests answered 503 at once because too many were in flight.\n# TYPE alliances_shed_requests_total counter\n");
        let _ = writeln!(
            out,
            "alliances_shed_requests_total {}",
            self.shed.load(Ordering::Relaxed)
        );
        if let Some(permits) = &state.in_flight {
            out.push_str("# HELP alliances_requests_in_flight_available Requests that may still start before shedding.\n# TYPE alliances_requests_in_flight_available gauge\n");
            let _ = writeln!(
                out,
                "alliances_requests_in_flight_available {}",
                permits.available_permits()
            );
        }
        let Ok(routes) = self.routes.lock() else {
            return out;
        };
        let mut names: Vec<&String> = routes.keys().collect();
        names.sort();
        out.push_str("# HELP alliances_http_requests_total HTTP requests answered, by method, route and status.\n# TYPE alliances_http_requests_total counter\n");
        for name in &names {
            let mut rows: Vec<_> = routes[*name].by_status.iter().collect();
            rows.sort();
            for ((method, status), n) in rows {
                let _ = writeln!(
                    out,
                    "alliances_http_requests_total{{method=\"{method}\",route=\"{}\",status=\"{status}\"}} {n}",
                    escape(name)
                );
            }
        }
        out.push_str("# HELP alliances_http_request_duration_seconds Time to answer, by route.\n# TYPE alliances_http_request_duration_seconds histogram\n");
        for name in &names {
            let s = &routes[*name];
            let route = escape(name);
            for (bound, n) in BUCKETS.iter().zip(s.buckets) {
                let _ = writeln!(
                    out,
                    "alliances_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"{bound}\"}} {n}"
                );
            }
            let _ = writeln!(
                out,
                "alliances_http_request_duration_seconds_bucket{{route=\"{route}\",le=\"+Inf\"}} {}",
                s.count
            );
            let _ = writeln!(
                out,
                "alliances_http_request_duration_seconds_sum{{route=\"{route}\"}} {:.6}",
                s.sum
            );
            let _ = writeln!(
                out,
                "alliances_http_request_duration_seconds_count{{route=\"{route}\"}} {}",
                s.count
            );
        }
        out
    }
}

fn escape(label: &str) -> String {
    label
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
