//! What the sandbox reports about a run.

use serde::{Deserialize, Serialize};

use crate::spec::FileOut;

/// How a run ended, as the sandbox sees it. Languages may refine `RuntimeError` (for instance a
/// JVM `OutOfMemoryError` is a memory limit hit even though the cgroup never filled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RunStatus {
    Ok,
    RuntimeError,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    OutputLimitExceeded,
    InternalError,
}

impl RunStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Ok => "ok",
            Self::RuntimeError => "runtime_error",
            Self::TimeLimitExceeded => "time_limit_exceeded",
            Self::MemoryLimitExceeded => "memory_limit_exceeded",
            Self::OutputLimitExceeded => "output_limit_exceeded",
            Self::InternalError => "internal_error",
        }
    }
}

/// The limit that ended a run, when one did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LimitKind {
    CpuTime,
    WallTime,
    Memory,
    Output,
}

/// Captured bytes of one stream, cut at its limit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Captured {
    pub bytes: Vec<u8>,
    /// More was written than was kept.
    pub truncated: bool,
}

impl Captured {
    /// The bytes as text (lossy), with a visible marker when they were cut.
    pub fn to_text(&self) -> String {
        let mut text = String::from_utf8_lossy(&self.bytes).into_owned();
        if self.truncated {
            text.push_str("\n[output truncated]");
        }
        text
    }
}

/// The report of one run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunOutcome {
    pub status: RunStatus,
    /// Exit code when the main process exited normally.
    pub exit_code: Option<i32>,
    /// Signal number when the main process was killed by a signal.
    pub signal: Option<i32>,
    /// CPU time of the whole process tree.
    pub cpu_ms: u64,
    pub wall_ms: u64,
    /// Peak memory of the whole process tree (cgroup), or of the largest process without one.
    pub memory_kib: u64,
    pub stdout: Captured,
    pub stderr: Captured,
    /// The limit that ended the run.
    pub limit: Option<LimitKind>,
    /// The cgroup reports that memory use reached the limit at least once (allocation failures
    /// inside runtimes that then exit "normally" with an error).
    pub memory_limit_reached: bool,
    /// Files read back from `/box` (see `RunSpec::collect`).
    pub collected: Vec<FileOut>,
    /// Why the run could not be carried out properly (internal errors only).
    pub error: Option<String>,
}
