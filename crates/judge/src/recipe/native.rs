//! Languages compiled to a native executable `main`: C, C++, Rust, Go.

use tandem_sandbox::Limits;

use super::{
    Compile, Recipe, RunOptions, SourceUse, Standard, Step, args, base_env, compile_limits,
    compile_mounts, compiler, run_mounts, with_env,
};
use crate::language::Language;
use crate::toolchain::Toolchain;

/// The run step shared by every native language: `/box/main`.
fn run_main(toolchain: &Toolchain, limits: &Limits, extra_env: &[(&str, &str)]) -> Step {
    Step {
        argv: args(&["/box/main"]),
        env: with_env(base_env(), extra_env),
        limits: *limits,
        mounts: run_mounts(toolchain),
    }
}

fn native(
    toolchain: &Toolchain,
    source_path: &str,
    argv: Vec<String>,
    env: Vec<(String, String)>,
    run: Step,
) -> Recipe {
    Recipe {
        source_path: source_path.to_owned(),
        compile: Some(Compile {
            step: Step {
                argv,
                env,
                limits: compile_limits(),
                mounts: compile_mounts(toolchain),
            },
            collect: args(&["main"]),
            required: "main".into(),
        }),
        run,
        source_use: SourceUse::NotNeeded,
        run_files: Vec::new(),
    }
}

/// C: `gcc -O2 -std=c17 -pipe -o main main.c -lm`; C++: `g++ -O2 -std=c++17 -pipe -o main main.cpp`.
pub(super) fn gcc(
    toolchain: &Toolchain,
    options: &RunOptions,
    limits: &Limits,
) -> Result<Recipe, String> {
    let (source, default_std) = match toolchain.language {
        Language::C => ("main.c", Standard::C17),
        _ => ("main.cpp", Standard::Cpp17),
    };
    let standard = options.standard.unwrap_or(default_std);
    let mut argv = vec![compiler(toolchain)?];
    argv.extend(args(&[
        "-O2",
        &format!("-std={}", standard.as_str()),
        "-pipe",
        "-o",
        "main",
        source,
    ]));
    if toolchain.language == Language::C {
        argv.push("-lm".into());
    }
    Ok(native(
        toolchain,
        source,
        argv,
        base_env(),
        run_main(toolchain, limits, &[]),
    ))
}

/// Rust: `rustc -O --edition 2021 -o main main.rs`, without the debug info of the standard
/// library (it only makes the artifact, and the cache, bigger).
pub(super) fn rust(toolchain: &Toolchain, limits: &Limits) -> Result<Recipe, String> {
    let mut argv = vec![compiler(toolchain)?];
    argv.extend(args(&[
        "-O",
        "--edition",
        "2021",
        "-C",
        "strip=debuginfo",
        "-o",
        "main",
        "main.rs",
    ]));
    Ok(native(
        toolchain,
        "main.rs",
        argv,
        base_env(),
        run_main(toolchain, limits, &[]),
    ))
}

/// Go: `go build -o main main.go`, offline, with its caches in the box's /tmp.
pub(super) fn go(toolchain: &Toolchain, limits: &Limits) -> Result<Recipe, String> {
    let mut argv = vec![compiler(toolchain)?];
    argv.extend(args(&["build", "-o", "main", "main.go"]));
    let env = with_env(
        base_env(),
        &[
            ("GOCACHE", "/tmp/go-build"),
            ("GOPATH", "/tmp/go"),
            ("GOTOOLCHAIN", "local"),
            ("GOPROXY", "off"),
            ("GOTELEMETRY", "off"),
            ("CGO_ENABLED", "0"),
        ],
    );
    Ok(native(
        toolchain,
        "main.go",
        argv,
        env,
        run_main(toolchain, limits, &[("GOMAXPROCS", "2")]),
    ))
}
