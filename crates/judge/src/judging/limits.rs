//! Per-language time allowances: a correct solution of the intended complexity must pass in
//! every language, so slower runtimes get a multiplier on the problem's limit (written for C++)
//! and, where each test starts a process, a start-up allowance. Documented in
//! docs/problem-format.md; `tandem problems validate` reports the margin each reference keeps.

use tandem_problems::Problem;
use tandem_sandbox::Limits;

use crate::language::Language;

/// Most CPU one judged process may use, however many tests it runs.
pub const MAX_PROCESS_CPU_MS: u64 = 30_000;

/// (multiplier, start-up allowance in ms per process).
pub fn allowance(language: Language) -> (f64, u64) {
    match language {
        Language::C | Language::Cpp | Language::Rust => (1.0, 20),
        Language::Go => (1.5, 50),
        Language::Java => (2.0, 1000),
        Language::Javascript | Language::Typescript => (2.0, 200),
        Language::Python => (3.0, 150),
        Language::Sql => (1.0, 50),
    }
}

/// The CPU limit of one test in `language`.
pub fn test_time_ms(problem: &Problem, language: Language) -> u64 {
    let (multiplier, _) = allowance(language);
    (problem.limits.time_ms as f64 * multiplier).round() as u64
}

/// Sandbox limits of a process that runs `tests` tests of `problem` in `language`.
pub fn process_limits(problem: &Problem, language: Language, tests: usize) -> Limits {
    let (_, startup) = allowance(language);
    // One process runs every test in function mode: its budget is every test at its limit, but
    // capped, so a hopeless solution is stopped in bounded time.
    let cpu_ms = (startup + test_time_ms(problem, language) * tests as u64).min(MAX_PROCESS_CPU_MS);
    Limits {
        cpu_ms,
        // Generous: sleeping is not the way to fail a test; CPU is.
        wall_ms: cpu_ms * 2 + 2_000,
        memory_bytes: problem.limits.memory_mib << 20,
        ..Limits::default()
    }
}
