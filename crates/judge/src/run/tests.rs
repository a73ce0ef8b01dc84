//! `run_source` against a fake executor: the judge's own logic (cache, compile failures,
//! refinement, file placement) without a sandbox.

use std::path::PathBuf;
use std::sync::Mutex;

use tandem_sandbox::{Bind, Captured, FileOut, RunStatus};

use super::*;
use crate::toolchain::{Availability, Toolchain};

type Respond = dyn Fn(&RunSpec) -> RunOutcome + Sync;

struct Fake {
    respond: Box<Respond>,
    specs: Mutex<Vec<RunSpec>>,
}

impl Fake {
    fn new(respond: impl Fn(&RunSpec) -> RunOutcome + Sync + 'static) -> Self {
        Self {
            respond: Box::new(respond),
            specs: Mutex::new(Vec::new()),
        }
    }

    fn argv0s(&self) -> Vec<String> {
        self.specs
            .lock()
            .expect("lock")
            .iter()
            .map(|s| s.argv[0].clone())
            .collect()
    }

    fn last(&self) -> RunSpec {
        self.specs
            .lock()
            .expect("lock")
            .last()
            .cloned()
            .expect("a spec was run")
    }
}

impl Executor for Fake {
    fn execute(&self, spec: &RunSpec) -> Result<RunOutcome, SandboxError> {
        self.specs.lock().expect("lock").push(spec.clone());
        Ok((self.respond)(spec))
    }
}

fn outcome(status: RunStatus, exit_code: i32, stdout: &str, stderr: &str) -> RunOutcome {
    RunOutcome {
        status,
        exit_code: Some(exit_code),
        signal: None,
        cpu_ms: 5,
        wall_ms: 7,
        memory_kib: 1024,
        stdout: Captured {
            bytes: stdout.as_bytes().to_vec(),
            truncated: false,
        },
        stderr: Captured {
            bytes: stderr.as_bytes().to_vec(),
            truncated: false,
        },
        limit: None,
        memory_limit_reached: false,
        collected: Vec::new(),
        error: None,
    }
}

fn artifact(path: &str) -> FileOut {
    FileOut {
        path: path.into(),
        contents: b"\x7fELF".to_vec(),
        executable: true,
    }
}

/// A compiler that succeeds and leaves `main`, and a program that prints "hi".
fn compiles_and_runs(spec: &RunSpec) -> RunOutcome {
    if spec.argv[0] == "/usr/bin/gcc" {
        RunOutcome {
            collected: vec![artifact("main")],
            ..outcome(RunStatus::Ok, 0, "", "warning: unused")
        }
    } else {
        outcome(RunStatus::Ok, 0, "hi\n", "")
    }
}

fn toolchains() -> Toolchains {
    let tool = |language, compiler: Option<&str>, runtime: Option<&str>| {
        let toolchain = Toolchain {
            language,
            version: "v1".into(),
            compiler: compiler.map(PathBuf::from),
            runtime: runtime.map(PathBuf::from),
            node_modules: None,
            binds: vec![Bind::same("/usr")],
        };
        (language, Availability::Available(toolchain))
    };
    Toolchains::from_entries([
        tool(Language::C, Some("/usr/bin/gcc"), None),
        tool(
            Language::Java,
            Some("/jdk/bin/javac"),
            Some("/jdk/bin/java"),
        ),
        tool(Language::Python, None, Some("/usr/bin/python3")),
        tool(Language::Sql, None, Some("/usr/bin/sqlite3")),
        (
            Language::Go,
            Availability::Unavailable {
                reason: "no go here".into(),
            },
        ),
    ])
}

fn request<'a>(language: Language, source: &'a str, stdin: &'a str) -> RunRequest<'a> {
    RunRequest {
        language,
        source: source.as_bytes(),
        stdin: stdin.as_bytes(),
        limits: Limits::default(),
        options: RunOptions::default(),
    }
}

fn temp_cache() -> (tempfile::TempDir, CompileCache) {
    let dir = tempfile::tempdir().expect("tempdir");
    let cache = CompileCache::open(dir.path().join("c"), 1 << 20).expect("cache");
    (dir, cache)
}

#[test]
fn compiles_then_runs_the_artifact() {
    let fake = Fake::new(compiles_and_runs);
    let report = run_source(
        &fake,
        &toolchains(),
        None,
        &request(Language::C, "int main(){}", "in"),
    )
    .expect("run");
    assert_eq!(report.status, Status::Ok);
    assert_eq!(report.stdout, "hi\n");
    let compile = report.compile.expect("compile report");
    assert!(!compile.cached);
    assert_eq!(compile.stderr, "warning: unused");
    assert_eq!(fake.argv0s(), ["/usr/bin/gcc", "/box/main"]);
    let run = fake.last();
    assert_eq!(run.stdin, b"in");
    assert_eq!(
        run.files
            .iter()
            .map(|f| (f.path.as_str(), f.executable))
            .collect::<Vec<_>>(),
        [("main", true)]
    );
}

#[test]
fn a_cache_hit_skips_the_compiler() {
    let (_dir, cache) = temp_cache();
    let fake = Fake::new(compiles_and_runs);
    let req = request(Language::C, "int main(){}", "");
    run_source(&fake, &toolchains(), Some(&cache), &req).expect("first run");
    let report = run_source(&fake, &toolchains(), Some(&cache), &req).expect("second run");
    assert_eq!(fake.argv0s(), ["/usr/bin/gcc", "/box/main", "/box/main"]);
    let compile = report.compile.expect("compile report");
    assert!(compile.cached);
    assert_eq!(
        compile.stderr, "warning: unused",
        "warnings are kept with the entry"
    );
    assert_eq!(report.status, Status::Ok);
    // A different source misses.
    run_source(
        &fake,
        &toolchains(),
        Some(&cache),
        &request(Language::C, "int main(){return 0;}", ""),
    )
    .expect("run");
    assert_eq!(
        fake.argv0s()
            .iter()
            .filter(|a| *a == "/usr/bin/gcc")
            .count(),
        2
    );
}

#[test]
fn compile_errors_stop_the_run_and_are_not_cached() {
    let (_dir, cache) = temp_cache();
    let fake = Fake::new(|_| {
        outcome(
            RunStatus::RuntimeError,
            1,
            "",
            "main.c:1:1: error: expected ';'",
        )
    });
    let req = request(Language::C, "int main(", "");
    for _ in 0..2 {
        let report = run_source(&fake, &toolchains(), Some(&cache), &req).expect("run");
        assert_eq!(report.status, Status::CompileError);
        let compile = report.compile.expect("compile report");
        assert_eq!(compile.status, Status::CompileError);
        assert!(compile.stderr.contains("expected ';'"));
        assert_eq!(report.exit_code, None);
    }
    assert_eq!(fake.argv0s(), ["/usr/bin/gcc", "/usr/bin/gcc"]);
}

#[test]
fn a_compiler_that_leaves_no_artifact_is_a_compile_error() {
    let fake = Fake::new(|_| outcome(RunStatus::Ok, 0, "", ""));
    let report =
        run_source(&fake, &toolchains(), None, &request(Language::C, "", "")).expect("run");
    assert_eq!(report.status, Status::CompileError);
    assert!(
        report
            .compile
            .expect("compile")
            .stderr
            .contains("produced no main")
    );
}

#[test]
fn unsafe_artifact_paths_are_an_internal_error() {
    let fake = Fake::new(|_| RunOutcome {
        collected: vec![artifact("main"), artifact("../../etc/cron.d/x")],
        ..outcome(RunStatus::Ok, 0, "", "")
    });
    let report =
        run_source(&fake, &toolchains(), None, &request(Language::C, "", "")).expect("run");
    assert_eq!(report.status, Status::InternalError);
    assert_eq!(fake.argv0s().len(), 1, "nothing runs after a bad artifact");
}

#[test]
fn compile_time_limit_is_reported_on_the_compile_step() {
    let fake = Fake::new(|_| RunOutcome {
        limit: Some(tandem_sandbox::LimitKind::CpuTime),
        ..outcome(RunStatus::TimeLimitExceeded, -1, "", "")
    });
    let report =
        run_source(&fake, &toolchains(), None, &request(Language::C, "", "")).expect("run");
    assert_eq!(report.status, Status::CompileError);
    assert_eq!(
        report.compile.expect("compile").status,
        Status::TimeLimitExceeded
    );
}

#[test]
fn interpreted_sources_are_placed_as_files() {
    let fake = Fake::new(|_| outcome(RunStatus::Ok, 0, "", ""));
    let report = run_source(
        &fake,
        &toolchains(),
        None,
        &request(Language::Python, "print(1)", "x"),
    )
    .expect("run");
    assert_eq!(report.compile, None);
    let spec = fake.last();
    assert_eq!(spec.files.len(), 1);
    assert_eq!(
        (
            spec.files[0].path.as_str(),
            spec.files[0].contents.as_slice()
        ),
        ("main.py", &b"print(1)"[..])
    );
    assert_eq!(spec.stdin, b"x");
}

#[test]
fn sql_reads_the_query_on_stdin() {
    let fake = Fake::new(|_| outcome(RunStatus::Ok, 0, "1\n", ""));
    run_source(
        &fake,
        &toolchains(),
        None,
        &request(Language::Sql, "select 1;", ""),
    )
    .expect("run");
    assert_eq!(fake.last().stdin, b"select 1;");
    let err = run_source(
        &fake,
        &toolchains(),
        None,
        &request(Language::Sql, "select 1;", "data"),
    );
    assert!(matches!(err, Err(JudgeError::InvalidRequest { .. })));
}

#[test]
fn java_out_of_memory_is_a_memory_limit() {
    let fake = Fake::new(|spec| {
        if spec.argv[0].ends_with("javac") {
            RunOutcome {
                collected: vec![artifact("out/Main.class")],
                ..outcome(RunStatus::Ok, 0, "", "")
            }
        } else {
            outcome(
                RunStatus::RuntimeError,
                1,
                "",
                "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
            )
        }
    });
    let source = "public class Main { public static void main(String[] a) {} }";
    let report = run_source(
        &fake,
        &toolchains(),
        None,
        &request(Language::Java, source, ""),
    )
    .expect("run");
    assert_eq!(report.status, Status::MemoryLimitExceeded);
    assert_eq!(report.limit, Some(tandem_sandbox::LimitKind::Memory));
}

#[test]
fn unavailable_languages_are_errors_with_the_reason() {
    let fake = Fake::new(compiles_and_runs);
    let err =
        run_source(&fake, &toolchains(), None, &request(Language::Go, "", "")).expect_err("error");
    assert_eq!(
        err.to_string(),
        "go is not available on this host: no go here"
    );
    let err = run_source(&fake, &toolchains(), None, &request(Language::Rust, "", ""))
        .expect_err("error");
    assert!(err.to_string().contains("rust is not available"));
    assert!(fake.argv0s().is_empty());
}

#[test]
fn the_report_has_the_documented_json_shape() {
    let fake = Fake::new(compiles_and_runs);
    let report =
        run_source(&fake, &toolchains(), None, &request(Language::C, "", "")).expect("run");
    let json = serde_json::to_value(&report).expect("json");
    let keys: Vec<&str> = json
        .as_object()
        .expect("object")
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(
        keys,
        [
            "compile",
            "cpu_ms",
            "exit_code",
            "language",
            "limit",
            "memory_kib",
            "signal",
            "status",
            "stderr",
            "stderr_truncated",
            "stdout",
            "stdout_truncated",
            "toolchain",
            "wall_ms"
        ]
    );
    assert_eq!(json["status"], "ok");
    assert_eq!(json["compile"]["cached"], false);
    assert_eq!(json["limit"], serde_json::Value::Null);
}
