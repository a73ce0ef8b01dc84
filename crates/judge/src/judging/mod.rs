//! Judging a solution against a problem's tests: stdio (one process per test), function mode
//! (one harness process for all tests), SQL (one sqlite3 per test). Every process runs in the
//! sandbox; answers are checked on the host; hidden tests' data never leaves this module's
//! report (`TestResult::redact`) nor its observer calls.
//!
//! An observer (`observer.rs`) hears each test's result as soon as it is known and can cancel;
//! `custom.rs` runs the learner's own input against a reference solution's answer.

mod checker_program;
mod custom;
mod limits;
mod observer;
mod sql;
mod verdict;

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use serde_json::Value;
use tandem_problems::{Checker, Mode, Problem, SqlRows, TestCase};

use crate::cache::CompileCache;
use crate::check::{Check, check_rows, check_text, check_value, diff};
use crate::error::JudgeError;
use crate::function::records::{Record, Returned};
use crate::function::{FunctionRequest, HarnessRun, TestDeadline, run_function_observed};
use crate::language::Language;
use crate::recipe::RunOptions;
use crate::report::{CompileReport, RunReport, Status};
use crate::run::{Executor, RunRequest, run_source_cancellable};
use crate::toolchain::Toolchains;

pub use custom::CUSTOM_INPUT_LIMIT;
pub use limits::{allowance, process_limits, test_time_ms};
pub use observer::{JudgeObserver, NoObserver};
pub use verdict::{JudgeReport, TestResult, Verdict};

use observer::{Emitter, Stop};

/// What a judge needs: a sandbox, the toolchains, and a compile cache (so a program compiles
/// once per submission, not once per test).
pub struct Judge<'a> {
    pub executor: &'a dyn Executor,
    pub toolchains: &'a Toolchains,
    pub cache: &'a CompileCache,
}

/// Which tests to run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Run: the public tests.
    Public,
    /// Submit: public and hidden tests.
    All,
}

/// Shown data is capped so a huge test does not flood a report.
const SHOWN_BYTES: usize = 4 << 10;

fn shown(text: &str) -> String {
    if text.len() <= SHOWN_BYTES {
        return text.to_string();
    }
    let cut = (0..=SHOWN_BYTES)
        .rev()
        .find(|i| text.is_char_boundary(*i))
        .unwrap_or(0);
    format!("{}\n[… {} more bytes]", &text[..cut], text.len() - cut)
}

/// A stdio or SQL test as one process runs it. `None` expected: nothing to compare with (custom
/// input the reference could not answer); the run's own status decides.
struct ProcessCase<'a> {
    name: &'a str,
    hidden: bool,
    data: ProcessData<'a>,
}

enum ProcessData<'a> {
    Stdio {
        input: &'a str,
        output: Option<&'a str>,
    },
    Sql {
        setup: &'a str,
        expected: Option<&'a SqlRows>,
    },
}

/// A function-mode test. `None` expected as in `ProcessCase`.
struct FunctionCase<'a> {
    name: &'a str,
    hidden: bool,
    args: &'a [Value],
    expected: Option<&'a Value>,
}

/// How one stdio or SQL process went.
enum ProcessOutcome {
    /// The program did not compile: no test ran.
    CompileFailed(Box<RunReport>),
    Ran {
        result: Box<TestResult>,
        compile: Option<CompileReport>,
    },
}

impl Judge<'_> {
    /// Judges `source` in `language` against `problem`'s tests in `scope`.
    pub fn judge(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        scope: Scope,
    ) -> Result<JudgeReport, JudgeError> {
        self.judge_observed(problem, language, source, scope, &NoObserver)
    }

    /// `judge`, telling `observer` each test's result (redacted for hidden tests) as soon as it
    /// is known, in test order, and stopping with `JudgeError::Cancelled` when it cancels.
    /// Every test of the report is passed to `on_test` exactly once, equal to the report's
    /// entry: skipped tests too, and on a compile error every test (skipped; the report's
    /// verdict and `compile` say why).
    pub fn judge_observed(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        scope: Scope,
        observer: &dyn JudgeObserver,
    ) -> Result<JudgeReport, JudgeError> {
        let stop = Stop::new(observer);
        stop.check()?;
        let mut tests: Vec<(&TestCase, bool)> =
            problem.public_tests.iter().map(|t| (t, false)).collect();
        if scope == Scope::All {
            tests.extend(problem.hidden_tests.iter().map(|t| (t, true)));
        }
        let time_limit = test_time_ms(problem, language);
        let mismatch = |message: &str| JudgeError::InvalidRequest {
            language,
            message: message.into(),
        };
        match problem.mode {
            Mode::Function => {
                let cases = tests
                    .iter()
                    .map(|(t, hidden)| match t {
                        TestCase::Function {
                            name,
                            args,
                            expected,
                        } => Ok(FunctionCase {
                            name,
                            hidden: *hidden,
                            args,
                            expected: Some(expected),
                        }),
                        _ => Err(mismatch("a stdio test in a function problem")),
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                self.judge_function(problem, language, source, &cases, time_limit, &stop)
            }
            Mode::Stdio | Mode::Sql => {
                if problem.mode == Mode::Sql && language != Language::Sql {
                    return Err(sql_only(language));
                }
                let cases = tests
                    .iter()
                    .map(|(t, hidden)| {
                        let data = match t {
                            TestCase::Stdio { input, output, .. } => ProcessData::Stdio {
                                input,
                                output: Some(output),
                            },
                            TestCase::Sql {
                                setup, expected, ..
                            } => ProcessData::Sql {
                                setup,
                                expected: Some(expected),
                            },
                            TestCase::Function { .. } => {
                                return Err(mismatch("a function test in a stdio problem"));
                            }
                        };
                        Ok(ProcessCase {
                            name: t.name(),
                            hidden: *hidden,
                            data,
                        })
                    })
                    .collect::<Result<Vec<_>, _>>()?;
                self.judge_each(problem, language, source, &cases, time_limit, &stop)
            }
        }
    }

    fn run_once(
        &self,
        language: Language,
        source: &str,
        stdin: &str,
        limits: tandem_sandbox::Limits,
        stop: &Stop<'_>,
    ) -> Result<RunReport, JudgeError> {
        let request = RunRequest {
            language,
            source: source.as_bytes(),
            stdin: stdin.as_bytes(),
            limits,
            options: RunOptions::default(),
        };
        run_source_cancellable(
            self.executor,
            self.toolchains,
            Some(self.cache),
            &request,
            &|| stop.now(),
            &mut |_, _| true,
        )
    }

    /// Stdio and SQL: one process per test.
    fn judge_each(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        cases: &[ProcessCase<'_>],
        time_limit: u64,
        stop: &Stop<'_>,
    ) -> Result<JudgeReport, JudgeError> {
        let mut emitter = Emitter::new(stop.observer(), cases.len());
        let stop_at_first_failure = cases.iter().any(|case| case.hidden);
        let mut compile = None;
        for (i, case) in cases.iter().enumerate() {
            // A submission stops at its first failure (the verdict is decided); a run shows
            // every public test.
            let failed = emitter
                .results()
                .iter()
                .any(|r| r.verdict != Verdict::Accepted);
            if failed && stop_at_first_failure {
                for case in &cases[i..] {
                    emitter.push(TestResult::new(case.name, case.hidden, Verdict::Skipped));
                }
                break;
            }
            stop.check()?;
            match self.run_case(problem, language, source, case, time_limit, stop)? {
                ProcessOutcome::CompileFailed(report) => {
                    let names: Vec<(&str, bool)> =
                        cases.iter().map(|c| (c.name, c.hidden)).collect();
                    return Ok(compile_failed(
                        &names, *report, time_limit, language, emitter,
                    ));
                }
                ProcessOutcome::Ran {
                    result,
                    compile: compiled,
                } => {
                    if compile.is_none() {
                        compile = compiled;
                    }
                    emitter.push(*result);
                }
            }
        }
        Ok(JudgeReport::finish(
            emitter.into_results(),
            compile,
            time_limit,
            language.as_str(),
        ))
    }

    /// Runs one stdio or SQL test in its own process and judges what it did.
    fn run_case(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        case: &ProcessCase<'_>,
        time_limit: u64,
        stop: &Stop<'_>,
    ) -> Result<ProcessOutcome, JudgeError> {
        let limits = process_limits(problem, language, 1);
        let (_, startup) = allowance(language);
        let (program, stdin, shown_input) = match &case.data {
            ProcessData::Stdio { input, .. } => (source.to_string(), *input, *input),
            ProcessData::Sql { setup, .. } => (sql::program(setup, source), "", *setup),
        };
        let report = self.run_once(language, &program, stdin, limits, stop)?;
        if report.status == Status::CompileError {
            return Ok(ProcessOutcome::CompileFailed(Box::new(report)));
        }
        let mut result = TestResult::new(case.name, case.hidden, Verdict::Accepted);
        result.cpu_ms = report.cpu_ms;
        result.wall_ms = report.wall_ms;
        result.memory_kib = report.memory_kib;
        result.input = Some(shown(shown_input));
        if report.status != Status::Ok {
            result.verdict = Verdict::from_status(report.status);
            result.message = Some(shown(&report.stderr));
        } else if report.cpu_ms > time_limit + startup {
            result.verdict = Verdict::TimeLimitExceeded;
            result.message = Some(format!(
                "{} ms of CPU; the limit is {} ms",
                report.cpu_ms,
                time_limit + startup
            ));
        } else {
            let (check, expected, actual) = match &case.data {
                ProcessData::Stdio { input, output } => match output {
                    Some(output) => {
                        let check = self.check_stdio(problem, input, output, &report.stdout)?;
                        (Some(check), Some(output.to_string()), report.stdout.clone())
                    }
                    None => (None, None, report.stdout.clone()),
                },
                ProcessData::Sql { expected, .. } => match sql::parse_rows(&report.stdout_bytes) {
                    Ok(mut actual) => match expected {
                        Some(expected) => {
                            if actual.columns.is_empty() && actual.rows.is_empty() {
                                actual.columns = expected.columns.clone();
                            }
                            (
                                Some(check_rows(problem.sql_ordered, expected, &actual)),
                                Some(rows_text(expected)),
                                rows_text(&actual),
                            )
                        }
                        None => (None, None, rows_text(&actual)),
                    },
                    Err(message) => (
                        Some(Check::Wrong(message)),
                        expected.map(rows_text),
                        report.stdout.clone(),
                    ),
                },
            };
            if let Some(Check::Wrong(message)) = check {
                result.verdict = Verdict::WrongAnswer;
                result.message = Some(message);
                result.diff = expected.as_deref().map(|e| diff(e, &actual));
            }
            result.expected = expected.as_deref().map(shown);
            result.actual = Some(shown(&actual));
        }
        Ok(ProcessOutcome::Ran {
            result: Box::new(result),
            compile: report.compile,
        })
    }

    fn check_stdio(
        &self,
        problem: &Problem,
        input: &str,
        expected: &str,
        actual: &str,
    ) -> Result<Check, JudgeError> {
        match &problem.checker {
            Checker::Program { path } => {
                checker_program::run(self, problem, path, input, expected, actual)
            }
            checker => Ok(check_text(checker, expected, actual)),
        }
    }

    /// The deadline-watched harness run of function mode (learner's or reference's code).
    #[allow(clippy::too_many_arguments)]
    fn run_harness(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        args: &[&[Value]],
        stop: &Stop<'_>,
        on_record: &mut dyn FnMut(Record) -> bool,
    ) -> Result<HarnessRun, JudgeError> {
        let signature = problem
            .signature
            .as_ref()
            .ok_or_else(|| JudgeError::InvalidRequest {
                language,
                message: "function problem without a signature".into(),
            })?;
        let (_, startup_ms) = allowance(language);
        let request = FunctionRequest {
            language,
            signature,
            user_source: source,
            tests: args,
            limits: process_limits(problem, language, args.len()),
            deadline: Some(TestDeadline {
                per_test_ms: test_time_ms(problem, language),
                startup_ms,
            }),
        };
        run_function_observed(
            self.executor,
            self.toolchains,
            Some(self.cache),
            &request,
            &|| stop.now(),
            on_record,
        )
    }

    /// Function mode: one harness process runs every test; each test is judged and passed to
    /// the observer as soon as its record is out, while the harness goes on with the next.
    fn judge_function(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        cases: &[FunctionCase<'_>],
        time_limit: u64,
        stop: &Stop<'_>,
    ) -> Result<JudgeReport, JudgeError> {
        let args: Vec<&[Value]> = cases.iter().map(|c| c.args).collect();
        // Set by the checking thread when it fails, so the harness is not left running.
        let check_failed = AtomicBool::new(false);
        let (run, checked) = std::thread::scope(|scope| {
            let (records, received) = mpsc::channel::<Record>();
            // Checking an answer may take a while (a checker program is a sandboxed run): it
            // happens here, beside the watcher that reads the harness output, so the watcher
            // never waits and the harness's deadlines stay what they are.
            let checker = scope.spawn(|| {
                let mut in_order = InOrder::new(cases, stop.observer());
                for record in received {
                    // A cancelled judge has no report: judging what is left is wasted work.
                    if stop.now() {
                        break;
                    }
                    if let Err(e) = in_order.add(self, problem, record, time_limit) {
                        check_failed.store(true, Ordering::Relaxed);
                        return Err(e);
                    }
                }
                Ok(in_order)
            });
            let mut passed_on = 0;
            let run = self.run_harness(problem, language, source, &args, stop, &mut |record| {
                passed_on += 1;
                records.send(record).is_ok() && !check_failed.load(Ordering::Relaxed)
            });
            if let Ok(run) = &run {
                // Records written in the run's last moments were never watched.
                for record in run.records.iter().skip(passed_on) {
                    // A closed channel means the checking thread failed; its error is below.
                    let _ = records.send(record.clone());
                }
            }
            drop(records);
            let checked = match checker.join() {
                Ok(checked) => checked,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            (run, checked)
        });
        // The checker's failure first: it may be why the run was stopped.
        let in_order = checked?;
        let run = run?;
        stop.check()?;
        if run.report.status == Status::CompileError {
            let names: Vec<(&str, bool)> = cases.iter().map(|c| (c.name, c.hidden)).collect();
            return Ok(compile_failed(
                &names,
                run.report,
                time_limit,
                language,
                in_order.emitter,
            ));
        }
        let results = in_order.finish(self, problem, &run, time_limit)?;
        let mut report = JudgeReport::finish(
            results,
            run.report.compile.clone(),
            time_limit,
            language.as_str(),
        );
        report.memory_kib = report.memory_kib.max(run.report.memory_kib);
        Ok(report)
    }

    /// A function-mode test judged from its record. Tests judged this way carry no memory
    /// figure: one process runs them all, and its peak is known only when it ends (the
    /// report's `memory_kib`).
    fn record_result(
        &self,
        problem: &Problem,
        case: &FunctionCase<'_>,
        record: &Record,
        time_limit: u64,
    ) -> Result<TestResult, JudgeError> {
        let mut result = function_result(case);
        result.cpu_ms = record.cpu_ns / 1_000_000;
        result.wall_ms = result.cpu_ms;
        result.printed =
            (!record.printed.is_empty()).then(|| shown(&String::from_utf8_lossy(&record.printed)));
        match &record.returned {
            Returned::Raised(message) => {
                result.verdict = if is_out_of_memory(message) {
                    Verdict::MemoryLimitExceeded
                } else {
                    Verdict::RuntimeError
                };
                result.message = Some(shown(message));
            }
            Returned::BadValue(message) => {
                result.verdict = Verdict::WrongAnswer;
                result.message = Some(format!(
                    "the return value could not be read: {}",
                    shown(message)
                ));
            }
            Returned::Value(actual) => {
                result.actual = Some(shown(&actual.to_string()));
                if result.cpu_ms > time_limit {
                    result.verdict = Verdict::TimeLimitExceeded;
                    result.message = Some(format!(
                        "{} ms of CPU; the limit is {time_limit} ms",
                        result.cpu_ms
                    ));
                } else if let Some(expected) = case.expected {
                    let check = match &problem.checker {
                        Checker::Program { path } => checker_program::run(
                            self,
                            problem,
                            path,
                            &args_text(case.args),
                            &expected.to_string(),
                            &actual.to_string(),
                        )?,
                        checker => check_value(checker, expected, actual),
                    };
                    if let Check::Wrong(message) = check {
                        result.verdict = Verdict::WrongAnswer;
                        result.message = Some(message);
                        result.diff = Some(diff(&pretty(expected), &pretty(actual)));
                    }
                }
            }
        }
        Ok(result)
    }
}

/// The parts of a function-mode test's result known before it runs.
fn function_result(case: &FunctionCase<'_>) -> TestResult {
    let mut result = TestResult::new(case.name, case.hidden, Verdict::Accepted);
    result.input = Some(shown(&args_text(case.args)));
    result.expected = case.expected.map(|e| shown(&e.to_string()));
    result
}

/// The test that was running when the harness process ended without its record.
fn ended_result(case: &FunctionCase<'_>, run: &HarnessRun) -> TestResult {
    let mut result = function_result(case);
    result.verdict = if run.report.status == Status::Ok {
        Verdict::RuntimeError
    } else {
        Verdict::from_status(run.report.status)
    };
    // It had the rest of the process's CPU, and the process's memory peak is its doing.
    let recorded: u64 = run.records.iter().map(|r| r.cpu_ns / 1_000_000).sum();
    result.cpu_ms = run.report.cpu_ms.saturating_sub(recorded);
    result.wall_ms = result.cpu_ms;
    result.memory_kib = run.report.memory_kib;
    result.message = Some(shown(&run.report.stderr));
    result
}

/// Function-mode records turned into results in test order, whatever order they arrive in
/// (the harness writes them in order; a record for a test already judged is ignored, so no
/// test is judged or passed to the observer twice).
struct InOrder<'c, 'o> {
    cases: &'c [FunctionCase<'c>],
    emitter: Emitter<'o>,
    waiting: BTreeMap<usize, Record>,
}

impl<'c, 'o> InOrder<'c, 'o> {
    fn new(cases: &'c [FunctionCase<'c>], observer: &'o dyn JudgeObserver) -> Self {
        Self {
            cases,
            emitter: Emitter::new(observer, cases.len()),
            waiting: BTreeMap::new(),
        }
    }

    fn add(
        &mut self,
        judge: &Judge<'_>,
        problem: &Problem,
        record: Record,
        time_limit: u64,
    ) -> Result<(), JudgeError> {
        if record.index < self.emitter.len() || record.index >= self.cases.len() {
            return Ok(());
        }
        self.waiting.entry(record.index).or_insert(record);
        while let Some(record) = self.waiting.remove(&self.emitter.len()) {
            let case = &self.cases[self.emitter.len()];
            let result = judge.record_result(problem, case, &record, time_limit)?;
            self.emitter.push(result);
        }
        Ok(())
    }

    /// The tests after the last one judged, once the process has ended: the first without a
    /// record is the one the process ended in; the ones after it never ran.
    fn finish(
        mut self,
        judge: &Judge<'_>,
        problem: &Problem,
        run: &HarnessRun,
        time_limit: u64,
    ) -> Result<Vec<TestResult>, JudgeError> {
        let mut ended = false;
        for i in self.emitter.len()..self.cases.len() {
            let case = &self.cases[i];
            let result = match self.waiting.remove(&i) {
                Some(record) => judge.record_result(problem, case, &record, time_limit)?,
                None if !ended => {
                    ended = true;
                    ended_result(case, run)
                }
                None => TestResult::new(case.name, case.hidden, Verdict::Skipped),
            };
            self.emitter.push(result);
        }
        Ok(self.emitter.into_results())
    }
}

fn sql_only(language: Language) -> JudgeError {
    JudgeError::InvalidRequest {
        language,
        message: "this is a SQL problem: submit a query (--lang sql)".into(),
    }
}

/// A function test's arguments as text, one JSON value per line (what the report shows and a
/// checker program reads).
fn args_text(args: &[Value]) -> String {
    args.iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Runtimes' own out-of-memory errors reported by a harness for one test.
fn is_out_of_memory(message: &str) -> bool {
    [
        "java.lang.OutOfMemoryError",
        "MemoryError",
        "std::bad_alloc",
        "out of memory",
        "JavaScript heap out of memory",
    ]
    .iter()
    .any(|m| message.contains(m))
}

fn pretty(value: &Value) -> String {
    serde_json::to_string_pretty(value).unwrap_or_else(|_| value.to_string())
}

fn rows_text(rows: &SqlRows) -> String {
    let mut text = rows.columns.join(" | ");
    for row in &rows.rows {
        text.push('\n');
        text.push_str(
            &row.iter()
                .map(Value::to_string)
                .collect::<Vec<_>>()
                .join(" | "),
        );
    }
    text.push('\n');
    text
}

/// The report of a program that did not compile: every test skipped (each passed to the
/// observer too, so it hears every test of every report), the verdict a compile error.
fn compile_failed(
    tests: &[(&str, bool)],
    report: RunReport,
    time_limit: u64,
    language: Language,
    mut emitter: Emitter<'_>,
) -> JudgeReport {
    for (name, hidden) in &tests[emitter.len().min(tests.len())..] {
        emitter.push(TestResult::new(name, *hidden, Verdict::Skipped));
    }
    let mut judged = JudgeReport::finish(
        emitter.into_results(),
        report.compile,
        time_limit,
        language.as_str(),
    );
    judged.verdict = Verdict::CompileError;
    judged
}
