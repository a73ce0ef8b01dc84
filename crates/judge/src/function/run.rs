//! Running a function-mode harness: compose, encode the tests, run through the language's
//! ordinary recipe (compile cache included), decode the records.

use serde_json::Value;
use tandem_problems::Signature;
use tandem_sandbox::Limits;

use super::records::{Record, decode, decode_complete};
use super::{compose, harness_input, nonce};
use crate::cache::CompileCache;
use crate::error::JudgeError;
use crate::language::Language;
use crate::recipe::RunOptions;
use crate::report::RunReport;
use crate::run::{Executor, RunRequest, run_source, run_source_cancellable};
use crate::toolchain::Toolchains;

/// Harness output beyond this is cut (records of huge return values, chatty prints); each
/// test's captured prints are capped by the harness itself at 64 KiB.
pub const HARNESS_OUTPUT_LIMIT: u64 = 64 << 20;

/// One harness run: the process's report and the records of the tests it got through.
#[derive(Debug, Clone)]
pub struct HarnessRun {
    pub report: RunReport,
    /// In test order; shorter than the tests when the process died mid-way.
    pub records: Vec<Record>,
    /// Output that escaped the harness's capture (written straight to fd 1).
    pub stray: Vec<u8>,
}

/// Per-test CPU limit enforced while the harness runs: the process is stopped as soon as the
/// test in progress has used `per_test_ms` past the previous record (plus `startup_ms` before
/// the first record), instead of burning the whole process budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TestDeadline {
    pub per_test_ms: u64,
    pub startup_ms: u64,
}

/// Counts records as the harness writes them and says when the test in progress is over time.
struct Progress {
    header: Vec<u8>,
    scanned: usize,
    records: usize,
    cpu_at_last: u64,
    deadline: TestDeadline,
}

impl Progress {
    fn keep_going(&mut self, stdout: &[u8], cpu_ms: u64) -> bool {
        let from = self.scanned.saturating_sub(self.header.len());
        let seen = stdout[from..]
            .windows(self.header.len())
            .filter(|w| *w == self.header.as_slice())
            .count();
        if seen > 0 {
            self.records += seen;
            self.cpu_at_last = cpu_ms;
        }
        self.scanned = stdout.len();
        let allowance = self.deadline.per_test_ms
            + if self.records == 0 {
                self.deadline.startup_ms
            } else {
                0
            };
        // A little slack for the harness's own work around a call.
        cpu_ms.saturating_sub(self.cpu_at_last) <= allowance + allowance / 10 + 20
    }
}

/// Runs `tests` (each a list of arguments) against `user_source`'s function in one process.
/// `limits` are the whole process's limits; per-test times are in the records.
#[allow(clippy::too_many_arguments)]
pub fn run_function(
    executor: &dyn Executor,
    toolchains: &Toolchains,
    cache: Option<&CompileCache>,
    language: Language,
    signature: &Signature,
    user_source: &str,
    tests: &[&[Value]],
    limits: Limits,
    deadline: Option<TestDeadline>,
) -> Result<HarnessRun, JudgeError> {
    let request = FunctionRequest {
        language,
        signature,
        user_source,
        tests,
        limits,
        deadline,
    };
    match deadline {
        Some(_) => run_function_observed(
            executor,
            toolchains,
            cache,
            &request,
            &|| false,
            &mut |_| true,
        ),
        // Without a deadline nothing needs to watch the run.
        None => {
            let (prepared, nonce) = prepare(&request)?;
            let report = run_source(executor, toolchains, cache, &prepared.run())?;
            Ok(finish(report, &nonce))
        }
    }
}

/// One harness run to carry out (see `run_function`).
pub(crate) struct FunctionRequest<'a> {
    pub language: Language,
    pub signature: &'a Signature,
    pub user_source: &'a str,
    pub tests: &'a [&'a [Value]],
    pub limits: Limits,
    pub deadline: Option<TestDeadline>,
}

/// The composed program and its input, ready to run.
struct Prepared {
    language: Language,
    program: String,
    stdin: String,
    limits: Limits,
}

impl Prepared {
    fn run(&self) -> RunRequest<'_> {
        RunRequest {
            language: self.language,
            source: self.program.as_bytes(),
            stdin: self.stdin.as_bytes(),
            limits: self.limits,
            options: RunOptions::default(),
        }
    }
}

fn prepare(request: &FunctionRequest<'_>) -> Result<(Prepared, String), JudgeError> {
    let language = request.language;
    let program = compose(language, request.signature, request.user_source).map_err(|e| {
        JudgeError::InvalidRequest {
            language,
            message: e.to_string(),
        }
    })?;
    let nonce = nonce();
    let stdin = harness_input(&nonce, request.signature, request.tests).map_err(|e| {
        JudgeError::InvalidRequest {
            language,
            message: e.to_string(),
        }
    })?;
    let limits = Limits {
        stdout_bytes: request.limits.stdout_bytes.max(HARNESS_OUTPUT_LIMIT),
        ..request.limits
    };
    Ok((
        Prepared {
            language,
            program,
            stdin,
            limits,
        },
        nonce,
    ))
}

fn finish(report: RunReport, nonce: &str) -> HarnessRun {
    let decoded = decode(&report.stdout_bytes, nonce);
    HarnessRun {
        report,
        records: decoded.records,
        stray: decoded.stray,
    }
}

/// `run_function` for the judge: `on_record` gets each record as soon as the harness has
/// written it whole, in output order, while the process still runs (returning false ends the
/// run); `cancelled` is polled throughout, compile included, and ends everything with
/// `JudgeError::Cancelled`. The returned run holds every record, those already passed to
/// `on_record` first: records that arrived in the run's last moments (after the last look at
/// the output) are in `records` only, so callers take `records[k..]` after `k` callbacks.
pub(crate) fn run_function_observed(
    executor: &dyn Executor,
    toolchains: &Toolchains,
    cache: Option<&CompileCache>,
    request: &FunctionRequest<'_>,
    cancelled: &dyn Fn() -> bool,
    on_record: &mut dyn FnMut(Record) -> bool,
) -> Result<HarnessRun, JudgeError> {
    let (prepared, nonce) = prepare(request)?;
    let mut progress = request.deadline.map(|deadline| Progress {
        header: format!("@@{nonce} ").into_bytes(),
        scanned: 0,
        records: 0,
        cpu_at_last: 0,
        deadline,
    });
    // End of the last complete record seen: decoding resumes there, so each watch costs the
    // new output only and no record is passed on twice.
    let mut consumed = 0;
    let report = run_source_cancellable(
        executor,
        toolchains,
        cache,
        &prepared.run(),
        cancelled,
        &mut |stdout, cpu_ms| {
            let (records, end) = decode_complete(stdout.get(consumed..).unwrap_or(&[]), &nonce);
            consumed += end;
            for record in records {
                if !on_record(record) {
                    return false;
                }
            }
            progress
                .as_mut()
                .is_none_or(|progress| progress.keep_going(stdout, cpu_ms))
        },
    )?;
    Ok(finish(report, &nonce))
}
