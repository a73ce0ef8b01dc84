//! Proving a problem package: every reference solution is accepted on every test, every wrong
//! solution gets the verdict it declares, and every test input passes the package's validator.
//! The report keeps each reference's time margin against the limit.

use std::path::Path;

use serde::Serialize;
use serde_json::Value;
use tandem_problems::{Mode, Problem, TestCase};
use tandem_sandbox::{FileIn, Limits, MountPlan, RunSpec, RunStatus};

use crate::error::JudgeError;
use crate::judging::{Judge, Scope, Verdict};
use crate::language::Language;
use crate::toolchain::Toolchain;

/// One thing that was proved (or not).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proof {
    /// `solutions/main.py`, `solutions/wrong/brute.py`, `validator.py`.
    pub subject: String,
    pub ok: bool,
    /// What happened, e.g. `accepted 25/25, slowest 12 ms of 6000 ms (0.2%)`.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Validation {
    pub slug: String,
    pub ok: bool,
    pub proofs: Vec<Proof>,
}

fn language_of(extension: &str) -> Option<Language> {
    Language::from_extension(extension)
}

/// Proves `problem`. `Err` only when the judge itself failed (no sandbox).
pub fn validate(judge: &Judge<'_>, problem: &Problem) -> Result<Validation, JudgeError> {
    let mut proofs = Vec::new();
    for solution in &problem.solutions {
        proofs.push(prove_solution(
            judge,
            problem,
            &solution.path,
            &solution.extension,
            None,
        )?);
    }
    for solution in &problem.wrong_solutions {
        proofs.push(prove_solution(
            judge,
            problem,
            &solution.path,
            &solution.extension,
            solution.expect.as_deref(),
        )?);
    }
    if problem.solutions.is_empty() {
        proofs.push(Proof {
            subject: "solutions/".into(),
            ok: false,
            detail: "no reference solution".into(),
        });
    }
    if problem.validator.is_some() {
        proofs.push(prove_inputs(judge, problem)?);
    }
    let ok = proofs.iter().all(|p| p.ok);
    Ok(Validation {
        slug: problem.slug.clone(),
        ok,
        proofs,
    })
}

fn prove_solution(
    judge: &Judge<'_>,
    problem: &Problem,
    path: &std::path::Path,
    extension: &str,
    expect: Option<&str>,
) -> Result<Proof, JudgeError> {
    let subject = path.display().to_string();
    let Some(language) = language_of(extension) else {
        return Ok(Proof {
            subject,
            ok: false,
            detail: format!("no language has the extension .{extension}"),
        });
    };
    let source = match std::fs::read_to_string(problem.dir.join(path)) {
        Ok(source) => source,
        Err(e) => {
            return Ok(Proof {
                subject,
                ok: false,
                detail: format!("cannot read it: {e}"),
            });
        }
    };
    let report = match judge.judge(problem, language, &source, Scope::All) {
        Ok(report) => report,
        Err(e @ (JudgeError::Unavailable { .. } | JudgeError::InvalidRequest { .. })) => {
            return Ok(Proof {
                subject,
                ok: false,
                detail: e.to_string(),
            });
        }
        Err(e) => return Err(e),
    };
    let summary = format!(
        "{} {}/{}, slowest test {} ms of {} ms ({:.0}%)",
        report.verdict.as_str(),
        report.passed,
        report.total,
        report.max_cpu_ms,
        report.time_limit_ms,
        report.max_cpu_ms as f64 * 100.0 / report.time_limit_ms.max(1) as f64
    );
    let (ok, detail) = match expect {
        None => {
            let ok = report.verdict == Verdict::Accepted;
            let first = report
                .tests
                .iter()
                .enumerate()
                .find(|(_, t)| t.verdict != Verdict::Accepted);
            let why = first.map(|(position, t)| {
                // The report calls hidden tests hidden-N; the author wants the real name.
                let name = problem
                    .public_tests
                    .iter()
                    .chain(&problem.hidden_tests)
                    .nth(position)
                    .map_or(t.name.as_str(), |case| case.name());
                format!(
                    " — first failure: {} ({}){}",
                    name,
                    t.verdict.as_str(),
                    t.message
                        .as_deref()
                        .map(|m| format!(": {m}"))
                        .unwrap_or_default()
                )
            });
            let compile = report
                .compile
                .as_ref()
                .filter(|c| !ok && !c.stderr.is_empty())
                .map(|c| format!("\n{}", c.stderr))
                .unwrap_or_default();
            (ok, format!("{summary}{}{compile}", why.unwrap_or_default()))
        }
        Some(expected) => {
            let ok = report.verdict.as_str() == expected;
            (ok, format!("{summary}; expected {expected}"))
        }
    };
    Ok(Proof {
        subject,
        ok,
        detail,
    })
}

/// Each test's input as the validator reads it on stdin.
fn validator_input(test: &TestCase) -> String {
    match test {
        TestCase::Stdio { input, .. } => input.clone(),
        TestCase::Function { args, .. } => function_validator_input(args),
        TestCase::Sql { setup, .. } => setup.clone(),
    }
}

/// Function-mode arguments as a validator reads them: one JSON value per line.
pub(crate) fn function_validator_input(args: &[Value]) -> String {
    args.iter()
        .map(Value::to_string)
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

/// `validator.py MODE` reading one input on stdin, in the sandbox.
pub(crate) fn validator_spec(
    toolchain: &Toolchain,
    runtime: &Path,
    code: &[u8],
    mode: Mode,
    stdin: Vec<u8>,
) -> RunSpec {
    let mut spec = RunSpec::new(
        MountPlan {
            binds: toolchain.binds.clone(),
            ..MountPlan::default()
        },
        vec![
            runtime.to_string_lossy().into_owned(),
            "-B".into(),
            "validator.py".into(),
            mode_name(mode).into(),
        ],
    );
    spec.files = vec![FileIn {
        path: "validator.py".into(),
        contents: code.to_vec(),
        executable: false,
    }];
    spec.stdin = stdin;
    spec.limits = Limits {
        cpu_ms: 10_000,
        wall_ms: 20_000,
        ..Limits::default()
    };
    spec
}

/// Runs `validator.py` on every test input (in the sandbox): exit 0 means the input respects
/// the constraints.
fn prove_inputs(judge: &Judge<'_>, problem: &Problem) -> Result<Proof, JudgeError> {
    let subject = "validator.py".to_string();
    let toolchain = judge.toolchains.get(Language::Python)?;
    let Some(runtime) = toolchain.runtime.as_ref() else {
        return Ok(Proof {
            subject,
            ok: false,
            detail: "python has no runtime".into(),
        });
    };
    let code = match std::fs::read(problem.dir.join("validator.py")) {
        Ok(code) => code,
        Err(e) => {
            return Ok(Proof {
                subject,
                ok: false,
                detail: format!("cannot read it: {e}"),
            });
        }
    };
    let tests = problem.public_tests.iter().chain(&problem.hidden_tests);
    let mut checked = 0;
    for test in tests {
        let spec = validator_spec(
            toolchain,
            runtime,
            &code,
            problem.mode,
            validator_input(test).into_bytes(),
        );
        let outcome = judge
            .executor
            .execute(&spec)
            .map_err(|source| JudgeError::Sandbox {
                step: "validator",
                source,
            })?;
        if outcome.status != RunStatus::Ok {
            let why = format!("{}{}", outcome.stdout.to_text(), outcome.stderr.to_text());
            return Ok(Proof {
                subject,
                ok: false,
                detail: format!(
                    "test {} is invalid ({}): {}",
                    test.name(),
                    outcome.status.as_str(),
                    why.trim()
                ),
            });
        }
        checked += 1;
    }
    Ok(Proof {
        subject,
        ok: true,
        detail: format!("{checked} test inputs respect the constraints"),
    })
}

fn mode_name(mode: Mode) -> &'static str {
    match mode {
        Mode::Function => "function",
        Mode::Stdio => "stdio",
        Mode::Sql => "sql",
    }
}
