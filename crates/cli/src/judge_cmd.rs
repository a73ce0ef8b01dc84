//! `tandem judge --problem DIR_OR_SLUG [--lang L] [--all] SOURCE`: one JSON object with the
//! verdict, passed/total and per-test results (data for visible tests only).

use anyhow::{Context, Result};
use tandem_judge::judging::{Judge, Scope};
use tandem_judge::{CompileCache, Search, Toolchains};

use crate::args::JudgeArgs;
use crate::bank;
use crate::input::{SOURCE_LIMIT, language_of, read_limited};
use crate::sandbox::open_sandbox;

pub fn run(args: &JudgeArgs) -> Result<()> {
    let problem = bank::find(&args.problem)?;
    let source = read_limited(&args.source, "source file", SOURCE_LIMIT, false)?;
    let source = String::from_utf8(source).context("the source file is not UTF-8 text")?;
    let language = language_of(args.lang, &args.source)?;
    let toolchains = Toolchains::detect(
        &Search::from_env(),
        &[language, tandem_judge::Language::Python],
    );
    let sandbox = open_sandbox(false)?;
    let cache = CompileCache::open(
        args.cache_dir
            .clone()
            .unwrap_or_else(CompileCache::default_dir),
        tandem_judge::cache::DEFAULT_MAX_BYTES,
    )
    .context("cannot open the compile cache")?;
    let judge = Judge {
        executor: &sandbox,
        toolchains: &toolchains,
        cache: &cache,
    };
    let scope = if args.all { Scope::All } else { Scope::Public };
    let report = judge.judge(&problem, language, &source, scope)?;
    println!(
        "{}",
        serde_json::to_string(&report).context("cannot encode the report")?
    );
    Ok(())
}
