//! Prometheus metrics: requests, runs, queue depth, resident memory.

use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RequestLabels {
    pub method: String,
    /// The route pattern (`/api/runs/{id}`), never the raw path, to bound the label count.
    pub route: String,
    pub status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct RunLabels {
    pub kind: String,
    pub outcome: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
pub struct MailLabels {
    /// sent or failed.
    pub outcome: String,
}

pub struct Metrics {
    registry: Registry,
    pub requests: Family<RequestLabels, Counter>,
    pub runs: Family<RunLabels, Counter>,
    pub run_seconds: Histogram,
    pub refused_runs: Counter,
    pub guests_created: Counter,
    pub csrf_refused: Counter,
    pub mails: Family<MailLabels, Counter>,
    pub queue_waiting: Gauge,
    pub queue_running: Gauge,
    pub resident_bytes: Gauge,
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("tandem");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "HTTP requests answered", requests.clone());
        let runs = Family::<RunLabels, Counter>::default();
        registry.register("runs", "Runs finished, by kind and outcome", runs.clone());
        let run_seconds = Histogram::new(exponential_buckets(0.01, 2.0, 12));
        registry.register(
            "run_duration_seconds",
            "Time from a worker taking a run to its end",
            run_seconds.clone(),
        );
        let refused_runs = Counter::default();
        registry.register(
            "runs_refused",
            "Runs refused because the queue or the user's share was full",
            refused_runs.clone(),
        );
        let guests_created = Counter::default();
        registry.register(
            "guests_created",
            "Guest users created",
            guests_created.clone(),
        );
        let csrf_refused = Counter::default();
        registry.register(
            "csrf_refused",
            "State-changing requests refused as cross-site",
            csrf_refused.clone(),
        );
        let mails = Family::<MailLabels, Counter>::default();
        registry.register(
            "sign_in_mails",
            "Sign-in link mails handed to the SMTP server, by outcome",
            mails.clone(),
        );
        let queue_waiting = Gauge::default();
        registry.register(
            "queue_waiting",
            "Runs waiting for a worker",
            queue_waiting.clone(),
        );
        let queue_running = Gauge::default();
        registry.register("queue_running", "Runs being judged", queue_running.clone());
        let resident_bytes = Gauge::default();
        registry.register(
            "process_resident_memory_bytes",
            "Resident memory of the server process",
            resident_bytes.clone(),
        );
        Self {
            registry,
            requests,
            runs,
            run_seconds,
            refused_runs,
            guests_created,
            csrf_refused,
            mails,
            queue_waiting,
            queue_running,
            resident_bytes,
        }
    }
}

impl Metrics {
    pub fn render(&self) -> String {
        self.resident_bytes.set(resident_bytes().unwrap_or(0));
        let mut out = String::new();
        if encode(&mut out, &self.registry).is_err() {
            out.clear();
        }
        out
    }
}

/// Resident set size from /proc/self/statm (pages × page size).
pub fn resident_bytes() -> Option<i64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: i64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    // SAFETY: sysconf has no preconditions and only reads a system constant.
    let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    let page = if page > 0 { page } else { 4096 };
    Some(pages * page)
}
