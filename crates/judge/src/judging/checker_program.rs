//! Custom checkers: a program in the package (Python) decides whether an answer is right when
//! many answers are. It runs in the sandbox like any other code: `checker.py INPUT EXPECTED
//! ACTUAL` with the three files in its work dir; exit 0 accepts, exit 1 with nothing on stderr
//! rejects (its stdout is the message), anything else — an uncaught exception included — is a
//! broken checker (internal error, never the learner's fault).

use std::path::Path;

use tandem_problems::Problem;
use tandem_sandbox::{FileIn, Limits, RunSpec, RunStatus};

use super::Judge;
use crate::check::Check;
use crate::error::JudgeError;
use crate::language::Language;

pub(super) fn run(
    judge: &Judge<'_>,
    problem: &Problem,
    program: &Path,
    input: &str,
    expected: &str,
    actual: &str,
) -> Result<Check, JudgeError> {
    let language = Language::Python;
    let toolchain = judge.toolchains.get(language)?;
    let runtime = toolchain
        .runtime
        .as_ref()
        .ok_or_else(|| JudgeError::InvalidRequest {
            language,
            message: "python has no runtime".into(),
        })?;
    let code =
        std::fs::read(problem.dir.join(program)).map_err(|e| JudgeError::InvalidRequest {
            language,
            message: format!("cannot read the checker {}: {e}", program.display()),
        })?;
    let file = |path: &str, contents: &[u8]| FileIn {
        path: path.into(),
        contents: contents.to_vec(),
        executable: false,
    };
    let mut spec = RunSpec::new(
        tandem_sandbox::MountPlan {
            binds: toolchain.binds.clone(),
            ..Default::default()
        },
        vec![
            runtime.to_string_lossy().into_owned(),
            "-B".into(),
            "checker.py".into(),
            "input.txt".into(),
            "expected.txt".into(),
            "actual.txt".into(),
        ],
    );
    spec.files = vec![
        file("checker.py", &code),
        file("input.txt", input.as_bytes()),
        file("expected.txt", expected.as_bytes()),
        file("actual.txt", actual.as_bytes()),
    ];
    spec.limits = Limits {
        cpu_ms: 5_000,
        wall_ms: 10_000,
        ..Limits::default()
    };
    spec.env
        .push(("PYTHONDONTWRITEBYTECODE".into(), "1".into()));
    let outcome = judge
        .executor
        .execute(&spec)
        .map_err(|source| JudgeError::Sandbox {
            step: "checker",
            source,
        })?;
    let message = outcome.stdout.to_text().trim().to_string();
    match (outcome.status, outcome.exit_code) {
        (RunStatus::Ok, _) => Ok(Check::Right),
        // A crash (Python's traceback also exits 1) writes to stderr; a rejection does not.
        (RunStatus::RuntimeError, Some(1)) if outcome.stderr.bytes.is_empty() => {
            Ok(Check::Wrong(if message.is_empty() {
                "rejected by the checker".into()
            } else {
                message
            }))
        }
        _ => Err(JudgeError::InvalidRequest {
            language,
            message: format!(
                "the checker failed ({}): {}",
                outcome.status.as_str(),
                outcome.stderr.to_text()
            ),
        }),
    }
}
