//! `run_source`: compile (through the cache) and run one source file in the sandbox, and say
//! how it went.

use tandem_sandbox::{
    FileIn, LimitKind, Limits, RunOutcome, RunSpec, Sandbox, SandboxError, Watch,
};

use crate::cache::CompileCache;
use crate::compile::{Compiled, compile};
use crate::error::JudgeError;
use crate::language::Language;
use crate::recipe::{self, RunOptions, SourceUse};
use crate::refine;
use crate::report::{RunReport, Status};
use crate::toolchain::Toolchains;

/// What runs a spec: the sandbox in production, a fake in tests of the judge's own logic.
pub trait Executor: Sync {
    fn execute(&self, spec: &RunSpec) -> Result<RunOutcome, SandboxError>;

    /// Runs with a watcher that may end the run early (see `Sandbox::run_watched`); executors
    /// that cannot watch just run.
    fn execute_watched(
        &self,
        spec: &RunSpec,
        watch: Watch<'_>,
    ) -> Result<RunOutcome, SandboxError> {
        let _ = watch;
        self.execute(spec)
    }
}

impl Executor for Sandbox {
    fn execute(&self, spec: &RunSpec) -> Result<RunOutcome, SandboxError> {
        self.run(spec)
    }

    fn execute_watched(
        &self,
        spec: &RunSpec,
        watch: Watch<'_>,
    ) -> Result<RunOutcome, SandboxError> {
        self.run_watched(spec, watch)
    }
}

/// One source to compile and run.
#[derive(Debug, Clone)]
pub struct RunRequest<'a> {
    pub language: Language,
    pub source: &'a [u8],
    pub stdin: &'a [u8],
    pub limits: Limits,
    pub options: RunOptions,
}

/// Compiles `request.source` when its language needs it (a cache hit skips the compiler), runs
/// it with `request.stdin`, and reports the outcome. `Err` means no run could be carried out
/// (unavailable toolchain, invalid request, sandbox failure); anything the program did,
/// compile errors included, is in the report.
pub fn run_source(
    executor: &dyn Executor,
    toolchains: &Toolchains,
    cache: Option<&CompileCache>,
    request: &RunRequest<'_>,
) -> Result<RunReport, JudgeError> {
    run_source_watched(executor, toolchains, cache, request, &mut |_, _| true)
}

/// `run_source` with a watcher on the run step (not the compile step).
pub fn run_source_watched(
    executor: &dyn Executor,
    toolchains: &Toolchains,
    cache: Option<&CompileCache>,
    request: &RunRequest<'_>,
    watch: Watch<'_>,
) -> Result<RunReport, JudgeError> {
    run_source_cancellable(executor, toolchains, cache, request, &|| false, watch)
}

/// `run_source_watched` that also stops, compile step included, as soon as `cancelled` says so,
/// and then returns `JudgeError::Cancelled` instead of the report of a run cut short (which
/// would look like a time limit). `cancelled` must stay true once it has said true.
pub(crate) fn run_source_cancellable(
    executor: &dyn Executor,
    toolchains: &Toolchains,
    cache: Option<&CompileCache>,
    request: &RunRequest<'_>,
    cancelled: &dyn Fn() -> bool,
    watch: Watch<'_>,
) -> Result<RunReport, JudgeError> {
    if cancelled() {
        return Err(JudgeError::Cancelled);
    }
    let language = request.language;
    let toolchain = toolchains.get(language)?;
    let recipe = recipe::build(toolchain, request.source, &request.options, &request.limits)?;
    if recipe.source_use == SourceUse::Stdin && !request.stdin.is_empty() {
        return Err(JudgeError::InvalidRequest {
            language,
            message: "the query is the program's standard input; put input data in the database"
                .into(),
        });
    }

    let mut files = recipe.run_files.clone();
    let mut compile_report = None;
    if let Some(step) = &recipe.compile {
        let compiled = compile(
            executor,
            toolchain,
            cache,
            &recipe,
            step,
            request.source,
            cancelled,
        )?;
        // A compile ended by cancellation looks like a failed compile: say what it was.
        if cancelled() {
            return Err(JudgeError::Cancelled);
        }
        match compiled {
            Compiled::Done {
                files: artifacts,
                report,
            } => {
                files.extend(artifacts);
                compile_report = Some(report);
            }
            Compiled::Failed { status, report } => {
                return Ok(RunReport::compile_failed(
                    status,
                    report,
                    language,
                    &toolchain.version,
                ));
            }
        }
    }
    let stdin = match recipe.source_use {
        SourceUse::NotNeeded => request.stdin.to_vec(),
        SourceUse::File => {
            files.push(FileIn {
                path: recipe.source_path.clone(),
                contents: request.source.to_vec(),
                executable: false,
            });
            request.stdin.to_vec()
        }
        SourceUse::Stdin => request.source.to_vec(),
    };

    let spec = RunSpec {
        mounts: recipe.run.mounts,
        files,
        argv: recipe.run.argv,
        env: recipe.run.env,
        cwd: "/box".into(),
        stdin,
        limits: recipe.run.limits,
        collect: Vec::new(),
    };
    let outcome = executor
        .execute_watched(&spec, &mut |stdout, cpu_ms| {
            !cancelled() && watch(stdout, cpu_ms)
        })
        .map_err(|source| JudgeError::Sandbox {
            step: "run",
            source,
        })?;
    // A run killed because of a cancellation reports a CPU limit; it is not one.
    if cancelled() {
        return Err(JudgeError::Cancelled);
    }
    let status = refine::run_status(language, &outcome);
    let mut report = RunReport::from_outcome(status, &outcome, language, &toolchain.version);
    if status == Status::MemoryLimitExceeded && report.limit.is_none() {
        // The runtime's own heap limit (sized from the memory limit) ended the run.
        report.limit = Some(LimitKind::Memory);
    }
    report.compile = compile_report;
    Ok(report)
}

#[cfg(test)]
mod tests;
