//! The compile step of a run: served from the compile cache when the same source was compiled
//! before by the same toolchain with the same command, else run in the sandbox and, when it
//! succeeds, stored.

use tandem_sandbox::{FileIn, FileOut, RunOutcome, RunSpec, RunStatus};

use crate::cache::{CacheKey, CompileCache, Entry, validate_path};
use crate::error::JudgeError;
use crate::recipe::{Compile, Recipe};
use crate::report::{CompileReport, Status};
use crate::run::Executor;
use crate::toolchain::Toolchain;

pub(crate) enum Compiled {
    /// The artifacts, ready to be placed in the run step's box.
    Done {
        files: Vec<FileIn>,
        report: CompileReport,
    },
    /// The run stops here with this status (`compile_error` or `internal_error`).
    Failed {
        status: Status,
        report: CompileReport,
    },
}

/// The cache key of a compile: the language, the toolchain's version and everything the
/// compile command is made of (argv, environment, file names) besides the source.
pub(crate) fn cache_key(
    toolchain: &Toolchain,
    recipe: &Recipe,
    compile: &Compile,
    source: &[u8],
) -> CacheKey {
    let mut flags: Vec<String> = Vec::new();
    flags.push(format!("source={}", recipe.source_path));
    flags.extend(compile.step.argv.iter().map(|a| format!("arg={a}")));
    flags.extend(compile.step.env.iter().map(|(k, v)| format!("env={k}={v}")));
    flags.extend(compile.collect.iter().map(|c| format!("collect={c}")));
    CacheKey::new(toolchain.language, &toolchain.version, &flags, source)
}

pub(crate) fn compile(
    executor: &dyn Executor,
    toolchain: &Toolchain,
    cache: Option<&CompileCache>,
    recipe: &Recipe,
    compile: &Compile,
    source: &[u8],
    cancelled: &dyn Fn() -> bool,
) -> Result<Compiled, JudgeError> {
    let key = cache_key(toolchain, recipe, compile, source);
    let mut cache_error = None;
    if let Some(cache) = cache {
        match cache.get(&key) {
            Ok(Some(entry)) => return Ok(from_cache(entry)),
            Ok(None) => {}
            Err(e) => cache_error = Some(e.to_string()),
        }
    }

    let spec = RunSpec {
        mounts: compile.step.mounts.clone(),
        files: vec![FileIn {
            path: recipe.source_path.clone(),
            contents: source.to_vec(),
            executable: false,
        }],
        argv: compile.step.argv.clone(),
        env: compile.step.env.clone(),
        cwd: "/box".into(),
        stdin: Vec::new(),
        limits: compile.step.limits,
        collect: compile.collect.clone(),
    };
    // Compilers can take seconds: a cancelled judge ends the compile too (the caller turns the
    // cut-short compile into `JudgeError::Cancelled`; a failed compile is never cached).
    let outcome = executor
        .execute_watched(&spec, &mut |_, _| !cancelled())
        .map_err(|source| JudgeError::Sandbox {
            step: "compile",
            source,
        })?;
    let mut report = report_of(&outcome);
    report.cache_error = cache_error;
    match report.status {
        Status::Ok => {}
        Status::InternalError => {
            return Ok(Compiled::Failed {
                status: Status::InternalError,
                report,
            });
        }
        _ => {
            return Ok(Compiled::Failed {
                status: Status::CompileError,
                report,
            });
        }
    }

    // The compiler ran untrusted input: its artifacts' names are checked before use.
    if let Some(bad) = outcome
        .collected
        .iter()
        .find(|f| validate_path(&f.path).is_err())
    {
        report.status = Status::InternalError;
        report.stderr.push_str(&format!(
            "\n[tandem: the compile step left an artifact with an unsafe path: {:?}]",
            bad.path
        ));
        return Ok(Compiled::Failed {
            status: Status::InternalError,
            report,
        });
    }
    if !outcome.collected.iter().any(|f| f.path == compile.required) {
        report.status = Status::CompileError;
        report.stderr.push_str(&format!(
            "\n[tandem: the compiler produced no {}]",
            compile.required
        ));
        return Ok(Compiled::Failed {
            status: Status::CompileError,
            report,
        });
    }

    if let Some(cache) = cache {
        let entry = Entry {
            files: outcome.collected.clone(),
            stdout: report.stdout.clone(),
            stderr: report.stderr.clone(),
        };
        if let Err(e) = cache.put(&key, &entry) {
            report.cache_error = Some(e.to_string());
        }
    }
    Ok(Compiled::Done {
        files: outcome.collected.into_iter().map(file_in).collect(),
        report,
    })
}

fn file_in(file: FileOut) -> FileIn {
    FileIn {
        path: file.path,
        contents: file.contents,
        executable: file.executable,
    }
}

fn from_cache(entry: Entry) -> Compiled {
    let report = CompileReport {
        status: Status::Ok,
        exit_code: Some(0),
        signal: None,
        stdout: entry.stdout,
        stderr: entry.stderr,
        cached: true,
        cpu_ms: 0,
        wall_ms: 0,
        memory_kib: 0,
        limit: None,
        cache_error: None,
    };
    Compiled::Done {
        files: entry.files.into_iter().map(file_in).collect(),
        report,
    }
}

fn report_of(outcome: &RunOutcome) -> CompileReport {
    let status = match outcome.status {
        RunStatus::Ok => Status::Ok,
        RunStatus::RuntimeError if outcome.memory_limit_reached => Status::MemoryLimitExceeded,
        RunStatus::RuntimeError => Status::CompileError,
        RunStatus::TimeLimitExceeded => Status::TimeLimitExceeded,
        RunStatus::MemoryLimitExceeded => Status::MemoryLimitExceeded,
        RunStatus::OutputLimitExceeded => Status::OutputLimitExceeded,
        RunStatus::InternalError => Status::InternalError,
    };
    CompileReport {
        status,
        exit_code: outcome.exit_code,
        signal: outcome.signal,
        stdout: outcome.stdout.to_text(),
        stderr: outcome.stderr.to_text(),
        cached: false,
        cpu_ms: outcome.cpu_ms,
        wall_ms: outcome.wall_ms,
        memory_kib: outcome.memory_kib,
        limit: outcome.limit,
        cache_error: None,
    }
}
