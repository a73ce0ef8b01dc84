//! Recipes: how each language is compiled and run inside the box. A recipe is plain data (argv,
//! environment, limits, mounts, files to read back), built from a detected toolchain, the
//! source and the caller's options, so it can be inspected and tested without a sandbox.

mod java;
mod native;
mod script;

use std::path::Path;
use std::str::FromStr;

use tandem_sandbox::{FileIn, Limits, MountPlan};

use crate::error::JudgeError;
use crate::language::Language;
use crate::toolchain::Toolchain;

/// One command run in a box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
    pub limits: Limits,
    pub mounts: MountPlan,
}

/// The compile step and what it must leave behind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Compile {
    pub step: Step,
    /// Paths (relative to `/box`) read back after the compile; directories recursively. They
    /// become the run step's files.
    pub collect: Vec<String>,
    /// A file that must be among the collected ones for the compile to count as a success.
    pub required: String,
}

/// How the run step gets the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceUse {
    /// Compiled languages: only the artifacts are needed.
    NotNeeded,
    /// Interpreters: the source file is placed in `/box`.
    File,
    /// SQL: the query is the program's standard input.
    Stdin,
}

/// Everything needed to compile (if the language compiles) and run one source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recipe {
    /// Where the source is placed, relative to `/box` (`main.c`, `Main.java`).
    pub source_path: String,
    pub compile: Option<Compile>,
    pub run: Step,
    pub source_use: SourceUse,
    /// Files the run step needs besides the artifacts and source (the SQL database).
    pub run_files: Vec<FileIn>,
}

/// A language standard chosen with `--std`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Standard {
    C99,
    C11,
    C17,
    Cpp17,
    Cpp20,
}

impl Standard {
    pub fn language(self) -> Language {
        match self {
            Standard::C99 | Standard::C11 | Standard::C17 => Language::C,
            Standard::Cpp17 | Standard::Cpp20 => Language::Cpp,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Standard::C99 => "c99",
            Standard::C11 => "c11",
            Standard::C17 => "c17",
            Standard::Cpp17 => "c++17",
            Standard::Cpp20 => "c++20",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown standard '{0}' (expected c99, c11, c17 for C or c++17, c++20 for C++)")]
pub struct UnknownStandard(pub String);

impl FromStr for Standard {
    type Err = UnknownStandard;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Standard::C99,
            Standard::C11,
            Standard::C17,
            Standard::Cpp17,
            Standard::Cpp20,
        ]
        .into_iter()
        .find(|std| std.as_str() == s)
        .ok_or_else(|| UnknownStandard(s.to_owned()))
    }
}

/// Per-language choices a caller may make beside the limits.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RunOptions {
    /// C or C++ standard; the default is C17 and C++17.
    pub standard: Option<Standard>,
    /// JavaScript: the source is an ES module (`.mjs`), not CommonJS.
    pub es_module: bool,
    /// SQL: the SQLite database the query runs against (a writable copy is placed in the box);
    /// without one the query runs against an empty in-memory database.
    pub database: Option<Vec<u8>>,
}

/// Builds the recipe for `toolchain`'s language.
pub fn build(
    toolchain: &Toolchain,
    source: &[u8],
    options: &RunOptions,
    limits: &Limits,
) -> Result<Recipe, JudgeError> {
    let language = toolchain.language;
    let invalid = |message: String| JudgeError::InvalidRequest { language, message };
    if let Some(standard) = options.standard
        && standard.language() != language
    {
        return Err(invalid(format!(
            "--std {} applies to {}, not {language}",
            standard.as_str(),
            standard.language()
        )));
    }
    if options.database.is_some() && language != Language::Sql {
        return Err(invalid("a database applies to sql only".into()));
    }
    if options.es_module && language != Language::Javascript {
        return Err(invalid("ES modules apply to javascript only".into()));
    }
    match language {
        Language::C | Language::Cpp => native::gcc(toolchain, options, limits),
        Language::Rust => native::rust(toolchain, limits),
        Language::Go => native::go(toolchain, limits),
        Language::Java => java::java(toolchain, source, limits),
        Language::Python => script::python(toolchain, limits),
        Language::Javascript => script::javascript(toolchain, options, limits),
        Language::Typescript => script::typescript(toolchain, limits),
        Language::Sql => script::sql(toolchain, options, limits),
    }
    .map_err(invalid)
}

/// Limits of a compile step: compilers are large, multi-threaded programs fed untrusted input.
pub(crate) fn compile_limits() -> Limits {
    Limits {
        cpu_ms: 20_000,
        wall_ms: 60_000,
        memory_bytes: 1 << 30,
        processes: 128,
        stdout_bytes: 256 << 10,
        stderr_bytes: 256 << 10,
        file_size_bytes: 256 << 20,
        open_files: 1024,
        stack_bytes: 64 << 20,
        address_space_bytes: None,
    }
}

/// Mounts of a compile step: the toolchain, and room for objects and build caches.
pub(crate) fn compile_mounts(toolchain: &Toolchain) -> MountPlan {
    MountPlan {
        binds: toolchain.binds.clone(),
        work_mib: 256,
        tmp_mib: 256,
    }
}

/// Mounts of a run step.
pub(crate) fn run_mounts(toolchain: &Toolchain) -> MountPlan {
    MountPlan {
        binds: toolchain.binds.clone(),
        ..MountPlan::default()
    }
}

/// The environment every step starts from; nothing is inherited from the host.
pub(crate) fn base_env() -> Vec<(String, String)> {
    [
        ("PATH", "/usr/local/bin:/usr/bin:/bin"),
        ("HOME", "/tmp"),
        ("TMPDIR", "/tmp"),
        ("LANG", "C.UTF-8"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_owned(), v.to_owned()))
    .collect()
}

pub(crate) fn with_env(
    mut env: Vec<(String, String)>,
    extra: &[(&str, &str)],
) -> Vec<(String, String)> {
    env.extend(
        extra
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned())),
    );
    env
}

/// A path as an argv element.
pub(crate) fn arg(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

pub(crate) fn args(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// The toolchain's compiler, which detection always sets for compiled languages.
pub(crate) fn compiler(toolchain: &Toolchain) -> Result<String, String> {
    toolchain
        .compiler
        .as_deref()
        .map(arg)
        .ok_or_else(|| "the toolchain has no compiler".to_owned())
}

/// The toolchain's runtime, which detection always sets for interpreted languages.
pub(crate) fn runtime(toolchain: &Toolchain) -> Result<String, String> {
    toolchain
        .runtime
        .as_deref()
        .map(arg)
        .ok_or_else(|| "the toolchain has no runtime".to_owned())
}

/// Memory limit in whole MiB (at least 1), for runtimes that take their heap size as a flag.
pub(crate) fn memory_mib(limits: &Limits) -> u64 {
    (limits.memory_bytes >> 20).max(1)
}

#[cfg(test)]
mod tests;
