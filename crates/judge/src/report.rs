//! The report of one `run_source`: the JSON object `tandem run` prints (PRODUCT.md, CLI).

use serde::Serialize;
use tandem_sandbox::{LimitKind, RunOutcome};

use crate::language::Language;

/// How a run (or its compile step) ended, from the user's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    CompileError,
    RuntimeError,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    OutputLimitExceeded,
    InternalError,
}

/// The whole result of compiling (when needed) and running one source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RunReport {
    pub status: Status,
    pub exit_code: Option<i32>,
    pub signal: Option<i32>,
    /// Standard output, with a marker at the end when it was cut at its limit.
    pub stdout: String,
    /// The same bytes as they came, for callers that parse them (function-mode harnesses).
    #[serde(skip)]
    pub stdout_bytes: Vec<u8>,
    pub stderr: String,
    pub stdout_truncated: bool,
    pub stderr_truncated: bool,
    pub cpu_ms: u64,
    pub wall_ms: u64,
    pub memory_kib: u64,
    /// The limit that ended the run (`cpu_time`, `wall_time`, `memory`, `output`), if one did.
    pub limit: Option<LimitKind>,
    pub language: Language,
    /// The toolchain's version string.
    pub toolchain: String,
    /// The compile step, for languages that compile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compile: Option<CompileReport>,
    /// What went wrong inside the sandbox, for `internal_error` only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The compile step of a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CompileReport {
    /// `ok`, `compile_error` (the compiler rejected the source), or the limit status that
    /// stopped the compiler (`time_limit_exceeded`, `memory_limit_exceeded`, ...).
    pub status: Status,
    pub exit_code: Option<i32>,
    pub signal: Option<i32>,
    /// The compiler's own output: its diagnostics are on stderr for most toolchains.
    pub stdout: String,
    pub stderr: String,
    /// The artifacts came from the compile cache; the compiler did not run. The compiler's
    /// output is the one recorded when the entry was made; times are zero.
    pub cached: bool,
    pub cpu_ms: u64,
    pub wall_ms: u64,
    pub memory_kib: u64,
    pub limit: Option<LimitKind>,
    /// The compile cache failed (the run went on without it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cache_error: Option<String>,
}

impl RunReport {
    /// A report of a run step's outcome with the given (refined) status.
    pub(crate) fn from_outcome(
        status: Status,
        outcome: &RunOutcome,
        language: Language,
        toolchain: &str,
    ) -> Self {
        Self {
            status,
            exit_code: outcome.exit_code,
            signal: outcome.signal,
            stdout: outcome.stdout.to_text(),
            stdout_bytes: outcome.stdout.bytes.clone(),
            stderr: outcome.stderr.to_text(),
            stdout_truncated: outcome.stdout.truncated,
            stderr_truncated: outcome.stderr.truncated,
            cpu_ms: outcome.cpu_ms,
            wall_ms: outcome.wall_ms,
            memory_kib: outcome.memory_kib,
            limit: outcome.limit,
            language,
            toolchain: toolchain.to_owned(),
            compile: None,
            error: outcome.error.clone(),
        }
    }

    /// A report for a run that stopped at its compile step.
    pub(crate) fn compile_failed(
        status: Status,
        compile: CompileReport,
        language: Language,
        toolchain: &str,
    ) -> Self {
        Self {
            status,
            exit_code: None,
            signal: None,
            stdout: String::new(),
            stdout_bytes: Vec::new(),
            stderr: String::new(),
            stdout_truncated: false,
            stderr_truncated: false,
            cpu_ms: 0,
            wall_ms: 0,
            memory_kib: 0,
            limit: None,
            language,
            toolchain: toolchain.to_owned(),
            compile: Some(compile),
            error: None,
        }
    }
}
