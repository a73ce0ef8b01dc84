//! Turns the sandbox's view of how a run ended into the judge's, per language. Runtimes that
//! manage their own heap often fail an allocation and exit "normally" with an error before the
//! cgroup ever kills them; those runs hit the memory limit and are reported as such (other
//! judges call them runtime errors, a common complaint).

use tandem_sandbox::{RunOutcome, RunStatus};

use crate::language::Language;
use crate::report::Status;

/// Messages a runtime prints when an allocation fails. A stack overflow (Java's
/// `StackOverflowError`, Python's `RecursionError`) is not among them: it stays a runtime error.
const OUT_OF_MEMORY: &[(&[Language], &str)] = &[
    (&[Language::Java], "java.lang.OutOfMemoryError"),
    (&[Language::Python], "MemoryError"),
    (&[Language::Cpp], "std::bad_alloc"),
    (&[Language::Go], "runtime: out of memory"),
    (&[Language::Go], "fatal error: out of memory"),
    (
        &[Language::Javascript, Language::Typescript],
        "JavaScript heap out of memory",
    ),
    (&[Language::Rust], "memory allocation of "),
    (&[Language::Sql], "out of memory"),
];

/// The judge's status of a run step's outcome.
pub fn run_status(language: Language, outcome: &RunOutcome) -> Status {
    match outcome.status {
        RunStatus::Ok => Status::Ok,
        RunStatus::RuntimeError if is_out_of_memory(language, outcome) => {
            Status::MemoryLimitExceeded
        }
        RunStatus::RuntimeError => Status::RuntimeError,
        RunStatus::TimeLimitExceeded => Status::TimeLimitExceeded,
        RunStatus::MemoryLimitExceeded => Status::MemoryLimitExceeded,
        RunStatus::OutputLimitExceeded => Status::OutputLimitExceeded,
        RunStatus::InternalError => Status::InternalError,
    }
}

fn is_out_of_memory(language: Language, outcome: &RunOutcome) -> bool {
    if outcome.memory_limit_reached {
        return true;
    }
    let stderr = String::from_utf8_lossy(&outcome.stderr.bytes);
    OUT_OF_MEMORY
        .iter()
        .any(|(languages, needle)| languages.contains(&language) && stderr.contains(needle))
}

#[cfg(test)]
mod tests {
    use tandem_sandbox::Captured;

    use super::*;

    fn outcome(status: RunStatus, stderr: &str, reached: bool) -> RunOutcome {
        RunOutcome {
            status,
            exit_code: Some(1),
            signal: None,
            cpu_ms: 0,
            wall_ms: 0,
            memory_kib: 0,
            stdout: Captured::default(),
            stderr: Captured {
                bytes: stderr.as_bytes().to_vec(),
                truncated: false,
            },
            limit: None,
            memory_limit_reached: reached,
            collected: Vec::new(),
            error: None,
        }
    }

    #[test]
    fn outcome_refinement_table() {
        use Language::*;
        use RunStatus as R;
        use Status as S;
        let table: &[(Language, RunStatus, &str, bool, Status)] = &[
            (
                Java,
                R::RuntimeError,
                "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
                false,
                S::MemoryLimitExceeded,
            ),
            (
                Java,
                R::RuntimeError,
                "Exception in thread \"main\" java.lang.StackOverflowError",
                false,
                S::RuntimeError,
            ),
            (
                Java,
                R::RuntimeError,
                "Exception in thread \"main\" java.lang.StackOverflowError",
                true,
                S::MemoryLimitExceeded,
            ),
            (
                Python,
                R::RuntimeError,
                "Traceback (most recent call last):\nMemoryError",
                false,
                S::MemoryLimitExceeded,
            ),
            (
                Python,
                R::RuntimeError,
                "RecursionError: maximum recursion depth exceeded",
                false,
                S::RuntimeError,
            ),
            (
                Cpp,
                R::RuntimeError,
                "terminate called after throwing an instance of 'std::bad_alloc'",
                false,
                S::MemoryLimitExceeded,
            ),
            (C, R::RuntimeError, "std::bad_alloc", false, S::RuntimeError),
            (
                Go,
                R::RuntimeError,
                "fatal error: runtime: out of memory",
                false,
                S::MemoryLimitExceeded,
            ),
            (
                Go,
                R::RuntimeError,
                "panic: runtime error: index out of range",
                false,
                S::RuntimeError,
            ),
            (
                Javascript,
                R::RuntimeError,
                "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory",
                false,
                S::MemoryLimitExceeded,
            ),
            (
                Typescript,
                R::RuntimeError,
                "FATAL ERROR: ... JavaScript heap out of memory",
                false,
                S::MemoryLimitExceeded,
            ),
            (
                Rust,
                R::RuntimeError,
                "memory allocation of 4294967296 bytes failed",
                false,
                S::MemoryLimitExceeded,
            ),
            (
                C,
                R::RuntimeError,
                "Segmentation fault",
                true,
                S::MemoryLimitExceeded,
            ),
            (C, R::RuntimeError, "", false, S::RuntimeError),
            (Python, R::Ok, "MemoryError", false, S::Ok),
            (Python, R::Ok, "", true, S::Ok),
            (
                Java,
                R::TimeLimitExceeded,
                "java.lang.OutOfMemoryError",
                true,
                S::TimeLimitExceeded,
            ),
            (C, R::MemoryLimitExceeded, "", true, S::MemoryLimitExceeded),
            (C, R::OutputLimitExceeded, "", false, S::OutputLimitExceeded),
            (C, R::InternalError, "", false, S::InternalError),
        ];
        for (language, status, stderr, reached, expected) in table {
            let got = run_status(*language, &outcome(*status, stderr, *reached));
            assert_eq!(
                got, *expected,
                "{language} {status:?} {stderr:?} reached={reached}"
            );
        }
    }
}
