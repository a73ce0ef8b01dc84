//! Shared helpers of the function-mode tests: the real sandbox (this package's `tandem` binary
//! as the box process), the detected toolchains, a compile cache in a temp dir, and a runner
//! that takes the signature as the TOML of a `[function]` table.

#![allow(dead_code)]

pub mod checks;

use std::sync::OnceLock;

use serde_json::Value;
use tandem_judge::function::{HarnessRun, run_function};
use tandem_judge::{CompileCache, Language, Search, Toolchains};
use tandem_problems::{Signature, Type};
use tandem_sandbox::{Limits, Sandbox, SandboxConfig};

pub struct Env {
    pub sandbox: Sandbox,
    pub toolchains: Toolchains,
    pub cache: CompileCache,
    _cache_dir: tempfile::TempDir,
}

pub fn env() -> &'static Env {
    static ENV: OnceLock<Env> = OnceLock::new();
    ENV.get_or_init(|| {
        let config = SandboxConfig::new(env!("CARGO_BIN_EXE_tandem"), vec!["__box".into()]);
        let sandbox = Sandbox::new(config).expect("the sandbox starts");
        let toolchains = Toolchains::detect_all(&Search::from_env());
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = CompileCache::open(dir.path(), 256 << 20).expect("cache");
        Env {
            sandbox,
            toolchains,
            cache,
            _cache_dir: dir,
        }
    })
}

/// `name(params) -> returns` from a compact form: `sig("pairSum", &[("nums", "list<int>")], "int")`.
pub fn sig(name: &str, params: &[(&str, &str)], returns: &str) -> Signature {
    Signature {
        name: name.into(),
        params: params
            .iter()
            .map(|(n, t)| tandem_problems::Param {
                name: (*n).into(),
                ty: t.parse::<Type>().expect("type"),
            })
            .collect(),
        returns: returns.parse().expect("type"),
    }
}

/// Runs `tests` (JSON arrays of arguments) against `source` in `language`.
pub fn run(language: Language, signature: &Signature, source: &str, tests: &[Value]) -> HarnessRun {
    let env = env();
    let args: Vec<Vec<Value>> = tests
        .iter()
        .map(|t| {
            t.as_array()
                .expect("each test is an array of arguments")
                .clone()
        })
        .collect();
    let refs: Vec<&[Value]> = args.iter().map(Vec::as_slice).collect();
    let limits = Limits {
        cpu_ms: 10_000,
        wall_ms: 20_000,
        ..Limits::default()
    };
    run_function(
        &env.sandbox,
        &env.toolchains,
        Some(&env.cache),
        language,
        signature,
        source,
        &refs,
        limits,
        None,
    )
    .expect("the harness runs")
}
