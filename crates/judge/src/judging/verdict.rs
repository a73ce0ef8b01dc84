//! Verdicts and the judge's report: per test and for the whole submission.

use serde::Serialize;

use crate::report::{CompileReport, Status};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Accepted,
    WrongAnswer,
    TimeLimitExceeded,
    MemoryLimitExceeded,
    OutputLimitExceeded,
    RuntimeError,
    CompileError,
    InternalError,
    /// Not run: an earlier failure ended the process (function mode) or the run stopped early.
    Skipped,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Accepted => "accepted",
            Verdict::WrongAnswer => "wrong_answer",
            Verdict::TimeLimitExceeded => "time_limit_exceeded",
            Verdict::MemoryLimitExceeded => "memory_limit_exceeded",
            Verdict::OutputLimitExceeded => "output_limit_exceeded",
            Verdict::RuntimeError => "runtime_error",
            Verdict::CompileError => "compile_error",
            Verdict::InternalError => "internal_error",
            Verdict::Skipped => "skipped",
        }
    }

    /// The verdict of a run that ended with `status` (not `Ok`).
    pub fn from_status(status: Status) -> Verdict {
        match status {
            Status::Ok => Verdict::Accepted,
            Status::CompileError => Verdict::CompileError,
            Status::RuntimeError => Verdict::RuntimeError,
            Status::TimeLimitExceeded => Verdict::TimeLimitExceeded,
            Status::MemoryLimitExceeded => Verdict::MemoryLimitExceeded,
            Status::OutputLimitExceeded => Verdict::OutputLimitExceeded,
            Status::InternalError => Verdict::InternalError,
        }
    }
}

/// One test's result. Data fields (`input`, `expected`, `actual`, `diff`, `printed`) are set
/// for visible tests only: a hidden test's data never leaves the judge.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TestResult {
    pub name: String,
    pub hidden: bool,
    pub verdict: Verdict,
    pub cpu_ms: u64,
    pub wall_ms: u64,
    /// Peak memory of the test's process; 0 in function mode, where one process runs every
    /// test and a result is out before that process's peak is known (the report's
    /// `memory_kib` has it), except for the test the process ended in.
    pub memory_kib: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub input: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actual: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<String>,
    /// Why the test failed, in words (checker message, exception, limit).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
    /// What the program printed during this test (function mode).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub printed: Option<String>,
}

impl TestResult {
    pub(crate) fn new(name: &str, hidden: bool, verdict: Verdict) -> Self {
        Self {
            name: name.to_string(),
            hidden,
            verdict,
            cpu_ms: 0,
            wall_ms: 0,
            memory_kib: 0,
            input: None,
            expected: None,
            actual: None,
            diff: None,
            message: None,
            printed: None,
        }
    }

    /// Drops every piece of test data (for hidden tests), the name included: names like
    /// "max-size-cooling" say what a test holds. `position` is the test's place in the report;
    /// the hidden test is then called `hidden-<position + 1>`.
    pub(crate) fn redact(mut self, position: usize) -> Self {
        if self.hidden {
            self.name = format!("hidden-{}", position + 1);
            self.input = None;
            self.expected = None;
            self.actual = None;
            self.diff = None;
            self.printed = None;
            // A checker message can quote the data too.
            self.message = None;
        }
        self
    }
}

/// The judge's answer for one submission.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct JudgeReport {
    /// The first failing test's verdict, or accepted.
    pub verdict: Verdict,
    pub passed: usize,
    pub total: usize,
    pub tests: Vec<TestResult>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub compile: Option<CompileReport>,
    /// Largest CPU time of any test against the per-test limit of this language.
    pub max_cpu_ms: u64,
    /// Peak memory of the run: the largest of any test's process (stdio, SQL) or the one
    /// harness process (function mode).
    pub memory_kib: u64,
    pub time_limit_ms: u64,
    pub language: String,
}

impl JudgeReport {
    pub(crate) fn finish(
        tests: Vec<TestResult>,
        compile: Option<CompileReport>,
        time_limit_ms: u64,
        language: &str,
    ) -> Self {
        let passed = tests
            .iter()
            .filter(|t| t.verdict == Verdict::Accepted)
            .count();
        let verdict = tests
            .iter()
            .map(|t| t.verdict)
            .find(|v| !matches!(v, Verdict::Accepted | Verdict::Skipped))
            .unwrap_or(Verdict::Accepted);
        let max_cpu_ms = tests.iter().map(|t| t.cpu_ms).max().unwrap_or(0);
        let memory_kib = tests.iter().map(|t| t.memory_kib).max().unwrap_or(0);
        Self {
            verdict,
            passed,
            total: tests.len(),
            tests: tests
                .into_iter()
                .enumerate()
                .map(|(position, t)| t.redact(position))
                .collect(),
            compile,
            max_cpu_ms,
            memory_kib,
            time_limit_ms,
            language: language.to_string(),
        }
    }
}
