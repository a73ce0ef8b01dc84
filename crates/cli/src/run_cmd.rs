//! `tandem run`: compile if needed and run one source file in the sandbox, then print one JSON
//! object. Every failure to carry the run out (bad input, unavailable toolchain, broken sandbox)
//! is an error with a non-zero exit and no JSON.

use std::time::Duration;

use anyhow::{Context, Result, bail};
use tandem_judge::{
    CompileCache, Language, RunOptions, RunRequest, Search, Toolchains, run_source,
};
use tandem_sandbox::Limits;

use crate::args::RunArgs;
use crate::input::{DATABASE_LIMIT, SOURCE_LIMIT, STDIN_LIMIT, language_of, read_limited};
use crate::sandbox::open_sandbox;

/// The wall-clock limit when none is given: 10 s, or twice the CPU limit when that is longer.
const DEFAULT_WALL: Duration = Duration::from_secs(10);
/// The smallest memory limit accepted; below it no runtime starts.
const MIN_MEMORY: u64 = 4 << 20;

pub fn run(args: &RunArgs) -> Result<()> {
    let language = language_of(args.lang, &args.source)?;
    let limits = limits(args)?;
    let options = RunOptions {
        standard: args.standard,
        es_module: args.source.extension().is_some_and(|ext| ext == "mjs"),
        database: match &args.db {
            Some(path) => Some(read_limited(path, "database", DATABASE_LIMIT, false)?),
            None => None,
        },
    };
    if language == Language::Sql && args.stdin.is_some() {
        bail!(
            "--stdin is not used by sql: the query is the program's input; give the data with --db"
        );
    }
    let source = read_limited(&args.source, "source file", SOURCE_LIMIT, false)?;
    let stdin = match &args.stdin {
        Some(path) => read_limited(path, "stdin file", STDIN_LIMIT, true)?,
        None => Vec::new(),
    };

    let toolchains = Toolchains::detect(&Search::from_env(), &[language]);
    // Fail fast, before a sandbox is built, when the language cannot run here.
    toolchains.get(language)?;
    let cache = open_cache(args);
    let sandbox = open_sandbox(false)?;

    let request = RunRequest {
        language,
        source: &source,
        stdin: &stdin,
        limits,
        options,
    };
    let report = run_source(&sandbox, &toolchains, cache.as_ref(), &request)?;
    let json = serde_json::to_string(&report).context("cannot encode the report")?;
    println!("{json}");
    Ok(())
}

fn limits(args: &RunArgs) -> Result<Limits> {
    let cpu = args.time_limit;
    if cpu.is_zero() {
        bail!("--time-limit must be more than 0");
    }
    let wall = args.wall_limit.unwrap_or_else(|| DEFAULT_WALL.max(cpu * 2));
    if wall.is_zero() {
        bail!("--wall-limit must be more than 0");
    }
    if args.memory_limit < MIN_MEMORY {
        bail!("--memory-limit must be at least 4MiB");
    }
    Ok(Limits {
        cpu_ms: u64::try_from(cpu.as_millis()).context("--time-limit is too large")?,
        wall_ms: u64::try_from(wall.as_millis()).context("--wall-limit is too large")?,
        memory_bytes: args.memory_limit,
        stdout_bytes: args.output_limit,
        ..Limits::default()
    })
}

/// The compile cache, or none when disabled or unusable (then a warning says why; the run
/// goes on with the compiler).
fn open_cache(args: &RunArgs) -> Option<CompileCache> {
    if args.no_cache {
        return None;
    }
    let dir = args
        .cache_dir
        .clone()
        .unwrap_or_else(CompileCache::default_dir);
    match CompileCache::open(&dir, tandem_judge::cache::DEFAULT_MAX_BYTES) {
        Ok(cache) => Some(cache),
        Err(e) => {
            eprintln!("tandem: warning: compile cache disabled: {e}");
            None
        }
    }
}
