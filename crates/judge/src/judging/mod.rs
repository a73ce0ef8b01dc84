//! Judging a solution against a problem's tests: stdio (one process per test), function mode
//! (one harness process for all tests), SQL (one sqlite3 per test). Every process runs in the
//! sandbox; answers are checked on the host; hidden tests' data never leaves this module's
//! report (`TestResult::redact`).

mod checker_program;
mod limits;
mod sql;
mod verdict;

use serde_json::Value;
use tandem_problems::{Checker, Mode, Problem, SqlRows, TestCase};

use crate::cache::CompileCache;
use crate::check::{Check, check_rows, check_text, check_value, diff};
use crate::error::JudgeError;
use crate::function::records::Returned;
use crate::function::{TestDeadline, run_function};
use crate::language::Language;
use crate::recipe::RunOptions;
use crate::report::{RunReport, Status};
use crate::run::{Executor, RunRequest, run_source};
use crate::toolchain::Toolchains;

pub use limits::{allowance, process_limits, test_time_ms};
pub use verdict::{JudgeReport, TestResult, Verdict};

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

impl Judge<'_> {
    /// Judges `source` in `language` against `problem`'s tests in `scope`.
    pub fn judge(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        scope: Scope,
    ) -> Result<JudgeReport, JudgeError> {
        let mut tests: Vec<(&TestCase, bool)> =
            problem.public_tests.iter().map(|t| (t, false)).collect();
        if scope == Scope::All {
            tests.extend(problem.hidden_tests.iter().map(|t| (t, true)));
        }
        let time_limit = test_time_ms(problem, language);
        match problem.mode {
            Mode::Function => self.judge_function(problem, language, source, &tests, time_limit),
            Mode::Stdio => self.judge_each(problem, language, source, &tests, time_limit),
            Mode::Sql => {
                if language != Language::Sql {
                    return Err(JudgeError::InvalidRequest {
                        language,
                        message: "this is a SQL problem: submit a query (--lang sql)".into(),
                    });
                }
                self.judge_each(problem, language, source, &tests, time_limit)
            }
        }
    }

    fn run_once(
        &self,
        language: Language,
        source: &str,
        stdin: &str,
        limits: tandem_sandbox::Limits,
    ) -> Result<RunReport, JudgeError> {
        let request = RunRequest {
            language,
            source: source.as_bytes(),
            stdin: stdin.as_bytes(),
            limits,
            options: RunOptions::default(),
        };
        run_source(self.executor, self.toolchains, Some(self.cache), &request)
    }

    /// Stdio and SQL: one process per test.
    fn judge_each(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        tests: &[(&TestCase, bool)],
        time_limit: u64,
    ) -> Result<JudgeReport, JudgeError> {
        let limits = process_limits(problem, language, 1);
        let (_, startup) = allowance(language);
        let stop_at_first_failure = tests.iter().any(|(_, hidden)| *hidden);
        let mut results = Vec::new();
        let mut compile = None;
        for (i, (test, hidden)) in tests.iter().enumerate() {
            // A submission stops at its first failure (the verdict is decided); a run shows
            // every public test.
            let failed = results
                .iter()
                .any(|r: &TestResult| r.verdict != Verdict::Accepted);
            if failed && stop_at_first_failure {
                results.extend(
                    tests[i..]
                        .iter()
                        .map(|(t, h)| TestResult::new(t.name(), *h, Verdict::Skipped)),
                );
                break;
            }
            let (program, stdin, shown_input) = match test {
                TestCase::Stdio { input, .. } => (source.to_string(), input.clone(), input.clone()),
                TestCase::Sql { setup, .. } => {
                    (sql::program(setup, source), String::new(), setup.clone())
                }
                TestCase::Function { .. } => {
                    return Err(JudgeError::InvalidRequest {
                        language,
                        message: "a function test in a stdio problem".into(),
                    });
                }
            };
            let report = self.run_once(language, &program, &stdin, limits)?;
            if report.status == Status::CompileError {
                return Ok(compile_failed(tests, report, time_limit, language));
            }
            if compile.is_none() {
                compile = report.compile.clone();
            }
            let mut result = TestResult::new(test.name(), *hidden, Verdict::Accepted);
            result.cpu_ms = report.cpu_ms;
            result.wall_ms = report.wall_ms;
            result.memory_kib = report.memory_kib;
            result.input = Some(shown(&shown_input));
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
                let (check, expected, actual) = match test {
                    TestCase::Stdio { input, output, .. } => {
                        let check = self.check_stdio(problem, input, output, &report.stdout)?;
                        (check, output.clone(), report.stdout.clone())
                    }
                    TestCase::Sql { expected, .. } => match sql::parse_rows(&report.stdout_bytes) {
                        Ok(mut actual) => {
                            if actual.columns.is_empty() && actual.rows.is_empty() {
                                actual.columns = expected.columns.clone();
                            }
                            (
                                check_rows(problem.sql_ordered, expected, &actual),
                                rows_text(expected),
                                rows_text(&actual),
                            )
                        }
                        Err(message) => (
                            Check::Wrong(message),
                            rows_text(expected),
                            report.stdout.clone(),
                        ),
                    },
                    TestCase::Function { .. } => unreachable_function(),
                };
                if let Check::Wrong(message) = check {
                    result.verdict = Verdict::WrongAnswer;
                    result.message = Some(message);
                    result.diff = Some(diff(&expected, &actual));
                }
                result.expected = Some(shown(&expected));
                result.actual = Some(shown(&actual));
            }
            results.push(result);
        }
        Ok(JudgeReport::finish(
            results,
            compile,
            time_limit,
            language.as_str(),
        ))
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

    /// Function mode: one harness process runs every test.
    fn judge_function(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        tests: &[(&TestCase, bool)],
        time_limit: u64,
    ) -> Result<JudgeReport, JudgeError> {
        let signature = problem
            .signature
            .as_ref()
            .ok_or_else(|| JudgeError::InvalidRequest {
                language,
                message: "function problem without a signature".into(),
            })?;
        let args: Vec<&[Value]> = tests
            .iter()
            .map(|(t, _)| match t {
                TestCase::Function { args, .. } => Ok(args.as_slice()),
                _ => Err(JudgeError::InvalidRequest {
                    language,
                    message: "a stdio test in a function problem".into(),
                }),
            })
            .collect::<Result<_, _>>()?;
        let limits = process_limits(problem, language, tests.len());
        let (_, startup_ms) = allowance(language);
        let deadline = TestDeadline {
            per_test_ms: time_limit,
            startup_ms,
        };
        let run = run_function(
            self.executor,
            self.toolchains,
            Some(self.cache),
            language,
            signature,
            source,
            &args,
            limits,
            Some(deadline),
        )?;
        if run.report.status == Status::CompileError {
            return Ok(compile_failed(tests, run.report, time_limit, language));
        }
        let mut results = Vec::new();
        for (i, (test, hidden)) in tests.iter().enumerate() {
            let TestCase::Function { args, expected, .. } = test else {
                continue;
            };
            let mut result = TestResult::new(test.name(), *hidden, Verdict::Accepted);
            result.input = Some(shown(
                &args
                    .iter()
                    .map(Value::to_string)
                    .collect::<Vec<_>>()
                    .join("\n"),
            ));
            result.expected = Some(shown(&expected.to_string()));
            result.memory_kib = run.report.memory_kib;
            let Some(record) = run.records.iter().find(|r| r.index == i) else {
                // The process ended in this test (or before reaching it).
                let reached = run.records.len() == i;
                result.verdict = if !reached {
                    Verdict::Skipped
                } else if run.report.status == Status::Ok {
                    Verdict::RuntimeError
                } else {
                    Verdict::from_status(run.report.status)
                };
                if reached {
                    // The test that was running when the process ended had the rest of its CPU.
                    let recorded: u64 = run.records.iter().map(|r| r.cpu_ns / 1_000_000).sum();
                    result.cpu_ms = run.report.cpu_ms.saturating_sub(recorded);
                    result.wall_ms = result.cpu_ms;
                    result.message = Some(shown(&run.report.stderr));
                }
                results.push(result);
                continue;
            };
            result.cpu_ms = record.cpu_ns / 1_000_000;
            result.wall_ms = result.cpu_ms;
            result.printed = (!record.printed.is_empty())
                .then(|| shown(&String::from_utf8_lossy(&record.printed)));
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
                    } else {
                        let check = match &problem.checker {
                            Checker::Program { path } => {
                                let input = args
                                    .iter()
                                    .map(Value::to_string)
                                    .collect::<Vec<_>>()
                                    .join("\n");
                                checker_program::run(
                                    self,
                                    problem,
                                    path,
                                    &input,
                                    &expected.to_string(),
                                    &actual.to_string(),
                                )?
                            }
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
            results.push(result);
        }
        Ok(JudgeReport::finish(
            results,
            run.report.compile.clone(),
            time_limit,
            language.as_str(),
        ))
    }
}

fn unreachable_function() -> (Check, String, String) {
    (
        Check::Wrong("internal: function test in a per-process mode".into()),
        String::new(),
        String::new(),
    )
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

fn compile_failed(
    tests: &[(&TestCase, bool)],
    report: RunReport,
    time_limit: u64,
    language: Language,
) -> JudgeReport {
    let results: Vec<TestResult> = tests
        .iter()
        .map(|(t, hidden)| TestResult::new(t.name(), *hidden, Verdict::Skipped))
        .collect();
    let mut judged = JudgeReport::finish(results, report.compile, time_limit, language.as_str());
    judged.verdict = Verdict::CompileError;
    judged
}
