//! Custom input: the learner runs their code on an input of their own. There is no stored
//! answer, so one of the problem's reference solutions answers the same input first, in the
//! sandbox, under the same limits; the learner's answer is then checked against it with the
//! problem's checker (checker programs included). An input the reference cannot answer (it
//! breaks the constraints, or is too big) still runs: the learner's run's own status decides
//! and the message says why nothing was compared.
//!
//! Input per mode: function mode, one JSON value per parameter, one per line (or one JSON array
//! holding every argument); stdio, the program's stdin; SQL, the setup SQL that creates and
//! fills the tables. When the package has `validator.py`, the input must pass it first.

use serde_json::Value;
use tandem_problems::{Mode, Param, Problem, Signature, SqlRows};
use tandem_sandbox::RunStatus;

use super::observer::{Emitter, Stop};
use super::{
    FunctionCase, Judge, JudgeObserver, JudgeReport, ProcessCase, ProcessData, ProcessOutcome,
    Verdict, allowance, compile_failed, ended_result, sql, sql_only, test_time_ms,
};
use crate::error::JudgeError;
use crate::function::records::Returned;
use crate::language::Language;
use crate::report::Status;
use crate::validate::{function_validator_input, validator_spec};

/// Most bytes a custom input may have: enough to try an edge case by hand, small enough that
/// every run of it (validator, reference, learner) stays cheap.
pub const CUSTOM_INPUT_LIMIT: usize = 64 << 10;

/// The name of the one test of a custom run.
const CUSTOM_TEST: &str = "custom";

/// The learner's input, read for the problem's mode.
enum Input<'a> {
    Function(Vec<Value>),
    Stdio(&'a str),
    Sql(&'a str),
}

/// What a reference solution said about the input.
enum Reference {
    Value(Value),
    Text(String),
    Rows(SqlRows),
    /// It ran and failed: why, in a few words.
    Failed(String),
    /// No reference could run here at all: why.
    Unavailable(String),
}

impl Reference {
    /// Why there is no expected answer, for the test's message; `None` when there is one.
    fn note(&self) -> Option<String> {
        match self {
            Reference::Failed(why) => Some(format!(
                "the reference solution could not answer this input ({why}): check it respects \
                 the constraints"
            )),
            Reference::Unavailable(why) => Some(format!(
                "no expected answer: no reference solution can run here ({why})"
            )),
            _ => None,
        }
    }
}

impl Judge<'_> {
    /// Runs `source` on the learner's own `input` as one visible test named "custom" (see the
    /// module's documentation for the input of each mode), with the expected answer taken from
    /// a reference solution run on the same input. `observer` hears the one test and may
    /// cancel. Malformed input, input over `CUSTOM_INPUT_LIMIT` and input the package's
    /// validator rejects are `JudgeError::InvalidCustomInput`.
    pub fn judge_custom(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        input: &str,
        observer: &dyn JudgeObserver,
    ) -> Result<JudgeReport, JudgeError> {
        let stop = Stop::new(observer);
        stop.check()?;
        if input.len() > CUSTOM_INPUT_LIMIT {
            return Err(JudgeError::InvalidCustomInput(format!(
                "the input has {} bytes; the limit is {CUSTOM_INPUT_LIMIT} (64 KiB)",
                input.len()
            )));
        }
        let (input, validator_text) = match problem.mode {
            Mode::Function => {
                let signature = signature_of(problem, language)?;
                let args = parse_args(signature, input).map_err(JudgeError::InvalidCustomInput)?;
                let text = function_validator_input(&args);
                (Input::Function(args), text)
            }
            Mode::Stdio => (Input::Stdio(input), input.to_string()),
            Mode::Sql => {
                if language != Language::Sql {
                    return Err(sql_only(language));
                }
                (Input::Sql(input), input.to_string())
            }
        };
        self.check_constraints(problem, &validator_text, &stop)?;
        stop.check()?;
        let reference = self.reference_answer(problem, &input, &stop)?;
        stop.check()?;

        let time_limit = test_time_ms(problem, language);
        let mut emitter = Emitter::new(observer, 1);
        let tests = [(CUSTOM_TEST, false)];
        let (mut result, compile, run_memory) = match &input {
            Input::Function(args) => {
                let expected = match &reference {
                    Reference::Value(value) => Some(value),
                    _ => None,
                };
                let case = FunctionCase {
                    name: CUSTOM_TEST,
                    hidden: false,
                    args,
                    expected,
                };
                let run =
                    self.run_harness(problem, language, source, &[args], &stop, &mut |_| true)?;
                stop.check()?;
                if run.report.status == Status::CompileError {
                    return Ok(compile_failed(
                        &tests, run.report, time_limit, language, emitter,
                    ));
                }
                let result = match run.records.iter().find(|r| r.index == 0) {
                    Some(record) => self.record_result(problem, &case, record, time_limit)?,
                    None => ended_result(&case, &run),
                };
                (result, run.report.compile.clone(), run.report.memory_kib)
            }
            Input::Stdio(text) | Input::Sql(text) => {
                let data = match (&input, &reference) {
                    (Input::Sql(_), Reference::Rows(rows)) => ProcessData::Sql {
                        setup: text,
                        expected: Some(rows),
                    },
                    (Input::Sql(_), _) => ProcessData::Sql {
                        setup: text,
                        expected: None,
                    },
                    (_, Reference::Text(output)) => ProcessData::Stdio {
                        input: text,
                        output: Some(output),
                    },
                    _ => ProcessData::Stdio {
                        input: text,
                        output: None,
                    },
                };
                let case = ProcessCase {
                    name: CUSTOM_TEST,
                    hidden: false,
                    data,
                };
                match self.run_case(problem, language, source, &case, time_limit, &stop)? {
                    ProcessOutcome::CompileFailed(report) => {
                        return Ok(compile_failed(
                            &tests, *report, time_limit, language, emitter,
                        ));
                    }
                    ProcessOutcome::Ran { result, compile } => (*result, compile, 0),
                }
            }
        };
        if let Some(note) = reference.note() {
            // The learner's own failure (an exception, a limit) stays in the message after it.
            result.message = Some(match result.message.take().filter(|m| !m.is_empty()) {
                Some(own) => format!("{note}\n\n{own}"),
                None => note,
            });
        }
        emitter.push(result);
        let mut report = JudgeReport::finish(
            emitter.into_results(),
            compile,
            time_limit,
            language.as_str(),
        );
        report.memory_kib = report.memory_kib.max(run_memory);
        Ok(report)
    }

    /// Runs the package's `validator.py` on the input; its rejection (a failed assertion, a
    /// parse error) is the learner's to fix. A validator that cannot run or finish says
    /// nothing about the input, and the reference run still catches what it cannot answer.
    fn check_constraints(
        &self,
        problem: &Problem,
        text: &str,
        stop: &Stop<'_>,
    ) -> Result<(), JudgeError> {
        let Some(path) = &problem.validator else {
            return Ok(());
        };
        let Ok(toolchain) = self.toolchains.get(Language::Python) else {
            return Ok(());
        };
        let Some(runtime) = toolchain.runtime.as_ref() else {
            return Ok(());
        };
        let code =
            std::fs::read(problem.dir.join(path)).map_err(|e| JudgeError::InvalidRequest {
                language: Language::Python,
                message: format!("cannot read the validator {}: {e}", path.display()),
            })?;
        let spec = validator_spec(
            toolchain,
            runtime,
            &code,
            problem.mode,
            text.as_bytes().to_vec(),
        );
        let outcome = self
            .executor
            .execute_watched(&spec, &mut |_, _| !stop.now())
            .map_err(|source| JudgeError::Sandbox {
                step: "validator",
                source,
            })?;
        stop.check()?;
        if outcome.status != RunStatus::RuntimeError {
            return Ok(());
        }
        let why = validator_message(&outcome.stderr.to_text(), &outcome.stdout.to_text());
        Err(JudgeError::InvalidCustomInput(format!(
            "the input breaks the problem's constraints: {why}"
        )))
    }

    /// The expected answer from the first reference solution that can run here: Python first
    /// (every package has one and it starts fast), then C++, then any language with a
    /// toolchain. A reference whose language cannot run here (no toolchain, or no function
    /// mode for this signature) gives way to the next.
    fn reference_answer(
        &self,
        problem: &Problem,
        input: &Input<'_>,
        stop: &Stop<'_>,
    ) -> Result<Reference, JudgeError> {
        let rank = |language: Language| match language {
            Language::Python => 0,
            Language::Cpp => 1,
            _ => 2,
        };
        let mut candidates: Vec<(Language, &std::path::Path)> = problem
            .solutions
            .iter()
            .filter_map(|s| Language::from_extension(&s.extension).map(|l| (l, s.path.as_path())))
            .filter(|(language, _)| self.toolchains.get(*language).is_ok())
            .collect();
        candidates.sort_by_key(|(language, _)| rank(*language));
        let mut why_not = String::from("the package has none for an available language");
        for (language, path) in candidates {
            let source = match std::fs::read_to_string(problem.dir.join(path)) {
                Ok(source) => source,
                Err(e) => {
                    why_not = format!("cannot read {}: {e}", path.display());
                    continue;
                }
            };
            match self.reference_run(problem, language, &source, input, stop) {
                Ok(reference) => return Ok(reference),
                Err(e @ (JudgeError::Unavailable { .. } | JudgeError::InvalidRequest { .. })) => {
                    why_not = e.to_string();
                }
                Err(e) => return Err(e),
            }
        }
        Ok(Reference::Unavailable(why_not))
    }

    /// One reference solution on the input, with the limits the learner gets in that language.
    fn reference_run(
        &self,
        problem: &Problem,
        language: Language,
        source: &str,
        input: &Input<'_>,
        stop: &Stop<'_>,
    ) -> Result<Reference, JudgeError> {
        let time_limit = test_time_ms(problem, language);
        match input {
            Input::Function(args) => {
                let run =
                    self.run_harness(problem, language, source, &[args], stop, &mut |_| true)?;
                let Some(record) = run.records.iter().find(|r| r.index == 0) else {
                    return Ok(Reference::Failed(status_word(run.report.status).into()));
                };
                Ok(match &record.returned {
                    Returned::Value(_) if record.cpu_ns / 1_000_000 > time_limit => {
                        Reference::Failed(Verdict::TimeLimitExceeded.as_str().into())
                    }
                    Returned::Value(value) => Reference::Value(value.clone()),
                    Returned::Raised(message) => Reference::Failed(format!(
                        "{}: {}",
                        Verdict::RuntimeError.as_str(),
                        first_line(message)
                    )),
                    Returned::BadValue(_) => {
                        Reference::Failed("its answer could not be read".into())
                    }
                })
            }
            Input::Stdio(text) => {
                let limits = super::process_limits(problem, language, 1);
                let report = self.run_once(language, source, text, limits, stop)?;
                let (_, startup) = allowance(language);
                Ok(if report.status != Status::Ok {
                    Reference::Failed(status_word(report.status).into())
                } else if report.cpu_ms > time_limit + startup {
                    Reference::Failed(Verdict::TimeLimitExceeded.as_str().into())
                } else {
                    Reference::Text(report.stdout)
                })
            }
            Input::Sql(setup) => {
                let limits = super::process_limits(problem, language, 1);
                let program = sql::program(setup, source);
                let report = self.run_once(language, &program, "", limits, stop)?;
                if report.status != Status::Ok {
                    return Ok(Reference::Failed(format!(
                        "{}: {}",
                        status_word(report.status),
                        first_line(&report.stderr)
                    )));
                }
                Ok(match sql::parse_rows(&report.stdout_bytes) {
                    Ok(rows) => Reference::Rows(rows),
                    Err(why) => Reference::Failed(why),
                })
            }
        }
    }
}

fn signature_of(problem: &Problem, language: Language) -> Result<&Signature, JudgeError> {
    problem
        .signature
        .as_ref()
        .ok_or_else(|| JudgeError::InvalidRequest {
            language,
            message: "function problem without a signature".into(),
        })
}

/// A failed run's status as a verdict word; a process that ended "fine" without answering
/// is a runtime error (the harness died quietly).
fn status_word(status: Status) -> &'static str {
    match status {
        Status::Ok => Verdict::RuntimeError.as_str(),
        status => Verdict::from_status(status).as_str(),
    }
}

fn first_line(text: &str) -> String {
    let line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    cap(line.trim(), 200)
}

fn cap(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        return text.to_string();
    }
    format!("{}…", text.chars().take(chars).collect::<String>())
}

/// What a validator said: Python's last line (`AssertionError: n out of range`) without the
/// exception's name when it is an assertion, else whatever it printed.
fn validator_message(stderr: &str, stdout: &str) -> String {
    let last = stderr
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .or_else(|| stdout.lines().map(str::trim).find(|l| !l.is_empty()));
    match last {
        None | Some("AssertionError") => "the package's validator rejected it".into(),
        Some(line) => cap(line.strip_prefix("AssertionError: ").unwrap_or(line), 300),
    }
}

fn describe(param: &Param) -> String {
    format!("{}: {}", param.name, param.ty)
}

fn describe_all(params: &[Param]) -> String {
    if params.is_empty() {
        return "no parameters".into();
    }
    params.iter().map(describe).collect::<Vec<_>>().join(", ")
}

/// The arguments of a function-mode custom input: one JSON value per parameter, one per line
/// (blank lines ignored), or one JSON array holding every argument (when the function has more
/// than one parameter; with one parameter a single value is that argument, and it may span
/// lines). `Err` says which line or parameter is wrong and what type was expected.
fn parse_args(signature: &Signature, input: &str) -> Result<Vec<Value>, String> {
    let params = &signature.params;
    let lines: Vec<(usize, &str)> = input
        .lines()
        .enumerate()
        .map(|(i, line)| (i + 1, line.trim()))
        .filter(|(_, line)| !line.is_empty())
        .collect();
    // Each value with where it came from, for the messages.
    let mut values: Vec<(String, Value)> = Vec::new();
    // A JSON value spanning several lines cannot have every line a JSON value of its own, so
    // a whole input that parses as one value is never also a valid one-per-line input (unless
    // it is one line, where the parameter count decides).
    let whole = if lines.is_empty() {
        None
    } else {
        serde_json::from_str::<Value>(input.trim()).ok()
    };
    match whole {
        Some(value) if params.len() == 1 => {
            let place = match lines.as_slice() {
                [(line, _)] => format!("line {line}"),
                _ => "the input".into(),
            };
            values.push((place, value));
        }
        Some(Value::Array(items)) if params.len() != 1 && lines.len() != params.len() => {
            if items.len() != params.len() {
                return Err(format!(
                    "the input is one JSON array of {} values; read as all the arguments at once \
                     it must hold {} ({}). Or give one JSON value per line, in that order",
                    items.len(),
                    params.len(),
                    describe_all(params)
                ));
            }
            values.extend(items.into_iter().enumerate().map(|(i, item)| {
                (
                    format!("item {} of the array of all arguments", i + 1),
                    item,
                )
            }));
        }
        _ => {
            for (k, (line, text)) in lines.iter().enumerate() {
                let value = serde_json::from_str::<Value>(text).map_err(|e| {
                    let wanted = match params.get(k) {
                        Some(param) => format!("a JSON value for {}", describe(param)),
                        None => {
                            format!("{} value(s) in all: {}", params.len(), describe_all(params))
                        }
                    };
                    format!("line {line} is not valid JSON ({e}); expected {wanted}")
                })?;
                values.push((format!("line {line}"), value));
            }
            if values.len() != params.len() {
                return Err(format!(
                    "expected {} value(s), one JSON value per line: {}; found {}",
                    params.len(),
                    describe_all(params),
                    values.len()
                ));
            }
        }
    }
    values
        .into_iter()
        .zip(params)
        .map(|((place, value), param)| {
            param.ty.check(&value).map_err(|why| {
                format!(
                    "{place} (parameter {}): expected {}, but {why}",
                    param.name, param.ty
                )
            })?;
            Ok(value)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn signature(params: &[(&str, &str)]) -> Signature {
        Signature {
            name: "f".into(),
            params: params
                .iter()
                .map(|(name, ty)| Param {
                    name: (*name).into(),
                    ty: ty.parse().expect("type"),
                })
                .collect(),
            returns: "int".parse().expect("type"),
        }
    }

    #[test]
    fn one_value_per_line_with_blank_lines() {
        let sig = signature(&[("nums", "list<int>"), ("target", "int")]);
        let args = parse_args(&sig, "\n[1, 2, 3]\n\n  7  \n").expect("parses");
        assert_eq!(args, vec![json!([1, 2, 3]), json!(7)]);
    }

    #[test]
    fn one_array_of_all_arguments() {
        let sig = signature(&[("nums", "list<int>"), ("target", "int")]);
        assert_eq!(
            parse_args(&sig, "[[1, 2], 3]").expect("parses"),
            vec![json!([1, 2]), json!(3)]
        );
        assert_eq!(
            parse_args(&sig, "[\n  [1, 2],\n  3\n]").expect("parses over lines"),
            vec![json!([1, 2]), json!(3)]
        );
    }

    #[test]
    fn a_single_parameter_takes_the_whole_value() {
        let sig = signature(&[("grid", "list<list<int>>")]);
        assert_eq!(
            parse_args(&sig, "[[1, 0],\n [0, 1]]").expect("parses"),
            vec![json!([[1, 0], [0, 1]])]
        );
    }

    #[test]
    fn errors_name_the_line_the_parameter_and_the_type() {
        let sig = signature(&[("nums", "list<int>"), ("target", "int")]);
        let bad_json = parse_args(&sig, "[1, 2\n3").expect_err("bad JSON");
        assert!(
            bad_json.contains("line 1") && bad_json.contains("nums: list<int>"),
            "{bad_json}"
        );
        let wrong_type = parse_args(&sig, "[1, 2]\n\"x\"").expect_err("wrong type");
        assert!(
            wrong_type.contains("line 2")
                && wrong_type.contains("target")
                && wrong_type.contains("expected int"),
            "{wrong_type}"
        );
        let count = parse_args(&sig, "[1]\n2\n3").expect_err("count");
        assert!(
            count.contains("expected 2") && count.contains("found 3"),
            "{count}"
        );
        let array = parse_args(&sig, "[1, 2, 3]").expect_err("array of 3 for 2 parameters");
        assert!(array.contains("must hold 2"), "{array}");
        let empty = parse_args(&sig, "  \n").expect_err("nothing");
        assert!(empty.contains("found 0"), "{empty}");
    }

    #[test]
    fn validator_messages_drop_the_assertion_name() {
        let stderr = "Traceback (most recent call last):\n  File \"validator.py\", line 6\nAssertionError: n out of range\n";
        assert_eq!(validator_message(stderr, ""), "n out of range");
        assert_eq!(
            validator_message("AssertionError\n", ""),
            "the package's validator rejected it"
        );
        assert_eq!(
            validator_message("ValueError: invalid literal", ""),
            "ValueError: invalid literal"
        );
    }
}
