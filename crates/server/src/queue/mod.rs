//! The run queue: where runs wait for a judge worker. `RunQueue` is the boundary (an
//! in-process pool today; a NATS JetStream queue with remote `tandem worker`s can implement it
//! too); `LocalQueue` is the embedded default.

mod fair;
mod local;

use std::sync::Arc;
use std::sync::atomic::AtomicBool;

use tandem_judge::Language;
use tandem_store::RunKind;
use thiserror::Error;

pub use fair::{FairQueue, Queued};
pub use local::LocalQueue;

/// A run to carry out.
#[derive(Debug, Clone, PartialEq)]
pub struct RunJob {
    pub run_id: String,
    pub user_id: String,
    pub slug: String,
    pub language: Language,
    pub kind: RunKind,
    pub code: String,
    pub custom_input: Option<String>,
}

impl Queued for RunJob {
    fn id(&self) -> &str {
        &self.run_id
    }
    fn owner(&self) -> &str {
        &self.user_id
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QueueError {
    #[error("the judge queue is full ({capacity} runs waiting); try again in {retry_after} s")]
    Full { capacity: usize, retry_after: u64 },
    #[error(
        "you already have {limit} runs waiting or running; wait for one to finish (retry in {retry_after} s)"
    )]
    UserLimit { limit: usize, retry_after: u64 },
}

/// What a cancel found.
#[derive(Debug, PartialEq)]
pub enum Cancelled {
    /// The run was waiting and is out of line now; the caller records it as cancelled.
    WasWaiting(Box<RunJob>),
    /// The run is running; it was told to stop and its worker records the end.
    Signalled,
    /// Not in this queue (finished already, or unknown).
    NotHere,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueStats {
    pub waiting: usize,
    pub running: usize,
    pub workers: usize,
    pub capacity: usize,
}

/// Carries out one job on a worker thread (blocking). `cancel` turns true when the run is
/// cancelled while running.
pub trait JobRunner: Send + Sync + 'static {
    fn run(&self, job: RunJob, cancel: Arc<AtomicBool>);
    /// The job's new place in line (1 = next).
    fn waiting(&self, run_id: &str, position: usize);
}

pub trait RunQueue: Send + Sync {
    /// Puts a run in line; its 1-based position, or why it was refused.
    fn enqueue(&self, job: RunJob) -> Result<usize, QueueError>;
    fn cancel(&self, run_id: &str) -> Cancelled;
    fn stats(&self) -> QueueStats;
}
