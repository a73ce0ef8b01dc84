//! The attack suite: programs that try to break out of the box, starve the host or leave
//! something behind, each with the outcome the sandbox must report and a check on the host
//! afterwards. Every case goes through `check()`.
//!
//! The programs live in `tests/attacks/`: C for most (compiled on the host with gcc, once per
//! test binary and kept by source hash under `target/tmp`, then passed into the box as
//! `/box/prog`), plus Python, Java and Go memory bombs.
//! A C attack prints one line per attempt and exits 0 when everything was contained, 1 when
//! something got through, 2 when it was stopped by an unexpected mechanism (see `attack.h`).
//!
//! Host checks are made without sleeping on fixed times and without fixed ports: listeners
//! bind port 0, planted secrets carry markers derived from the test's pid, and leftovers are
//! polled for with a deadline.

mod common;

use std::collections::{HashMap, HashSet};
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::ErrorKind;
use std::net::{TcpListener, UdpSocket};
use std::os::linux::net::SocketAddrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::os::unix::net::{SocketAddr, UnixListener};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, OnceLock, RwLock, RwLockReadGuard};
use std::time::{Duration, Instant};

use common::{BOX_UID_BASE, BOX_UID_COUNT, sandbox, sandbox_with_own_uids, text};
use tandem_sandbox::{
    Bind, FileIn, LimitKind, Limits, MountPlan, RunOutcome, RunSpec, RunStatus, Sandbox,
};

const SIGSEGV: i32 = 11;
const SIGSYS: i32 = 31;
const JAVA: &str = "/usr/lib/jvm/java-17-openjdk-amd64/bin/java";
const PYTHON: &str = "/usr/bin/python3.11";

// ---------------------------------------------------------------------------------------------
// Building the programs
// ---------------------------------------------------------------------------------------------

fn sources() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/attacks")
}

/// Where built programs are kept: `target/tmp/attack-programs`, one file per source version
/// (the name carries a hash of everything the build reads), so that the many test processes of
/// a nextest run, and later runs, build each program once and the directory does not grow.
fn build_dir() -> &'static Path {
    static DIR: OnceLock<PathBuf> = OnceLock::new();
    DIR.get_or_init(|| {
        let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("attack-programs");
        fs::create_dir_all(&dir).expect("create the build dir");
        dir
    })
}

/// Builds `name` from `inputs` by `recipe` (both hashed into the file name) at most once per
/// test binary, however many tests ask at once, and not at all when a build of the same inputs
/// is on disk. `make` writes into the path it is given; the result is renamed into place so
/// that concurrent builders never see half a program.
fn built(name: &str, recipe: &str, inputs: &[PathBuf], make: impl FnOnce(&Path)) -> PathBuf {
    static DONE: OnceLock<Mutex<HashMap<String, Arc<OnceLock<PathBuf>>>>> = OnceLock::new();
    let cell = {
        let mut done = DONE
            .get_or_init(Default::default)
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        Arc::clone(done.entry(name.to_string()).or_default())
    };
    cell.get_or_init(|| {
        let mut hasher = std::hash::DefaultHasher::new();
        recipe.hash(&mut hasher);
        for input in inputs {
            read(input).hash(&mut hasher);
        }
        let path = build_dir().join(format!("{name}-{:016x}", hasher.finish()));
        if !path.exists() {
            let partial = build_dir().join(format!(
                "{name}.partial-{}-{}",
                std::process::id(),
                RUN_NUMBER.fetch_add(1, Ordering::Relaxed)
            ));
            make(&partial);
            fs::rename(&partial, &path).expect("move the build into place");
        }
        path
    })
    .clone()
}

fn tool(command: &mut Command) {
    let output = command.output().expect("start a build tool");
    assert!(
        output.status.success(),
        "{command:?} failed:\n{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}

/// The host path of `tests/attacks/<name>.c`, compiled.
fn c_binary(name: &str) -> PathBuf {
    let source = sources().join(format!("{name}.c"));
    let inputs = [source.clone(), sources().join("attack.h")];
    let flags = ["-O1", "-Wall", "-Wextra", "-I"];
    built(name, &flags.join(" "), &inputs, |out| {
        tool(
            Command::new("gcc")
                .args(flags)
                .arg(sources())
                .arg("-o")
                .arg(out)
                .arg(&source)
                .arg("-lpthread"),
        );
    })
}

/// The class file of `tests/attacks/<Name>.java`, compiled by the host's javac.
fn java_class(name: &str) -> PathBuf {
    let source = sources().join(format!("{name}.java"));
    built(
        &format!("{name}.class"),
        "javac",
        std::slice::from_ref(&source),
        |out| {
            let classes = tempfile::tempdir_in(build_dir()).expect("temp dir");
            tool(
                Command::new("javac")
                    .arg("-d")
                    .arg(classes.path())
                    .arg(&source),
            );
            fs::rename(classes.path().join(format!("{name}.class")), out).expect("move the class");
        },
    )
}

/// A static binary of `tests/attacks/<name>.go`, built by the host's go.
fn go_binary(name: &str) -> PathBuf {
    let source = sources().join(format!("{name}.go"));
    built(
        &format!("{name}-go"),
        "go build, CGO_ENABLED=0",
        std::slice::from_ref(&source),
        |out| {
            let home = build_dir().join("go");
            tool(
                Command::new("go")
                    .arg("build")
                    .arg("-o")
                    .arg(out)
                    .arg(&source)
                    .env("CGO_ENABLED", "0")
                    .env("GO111MODULE", "off")
                    .env("GOCACHE", home.join("cache"))
                    .env("GOPATH", home.join("path"))
                    .env("HOME", &home),
            );
        },
    )
}

fn read(path: &Path) -> Vec<u8> {
    fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()))
}

// ---------------------------------------------------------------------------------------------
// Cases
// ---------------------------------------------------------------------------------------------

/// What runs in the box.
enum Program {
    /// `tests/attacks/<name>.c`, run as `/box/prog`.
    C(&'static str),
    /// `tests/attacks/<name>.py`, run by the host's python3.11.
    Python(&'static str),
    /// `tests/attacks/<Name>.java`, compiled on the host, run by Java 17 with these JVM flags.
    Java(&'static str, &'static [&'static str]),
    /// `tests/attacks/<name>.go`, a static binary built on the host.
    Go(&'static str),
    /// An argv of programs already in the box.
    Command(Vec<String>),
}

/// The outcome a case must end with.
#[derive(Debug, Clone, Copy)]
enum Expect {
    /// The program ran to its end and exited 0: every attempt was contained.
    Contained,
    /// A limit ended the run with this status.
    Limit(RunStatus, LimitKind),
    /// One of the two time limits (CPU or wall) ended the run.
    AnyTimeLimit,
    /// The kernel killed the program with this signal: a runtime error.
    Signal(i32),
    /// Any outcome: the test looks at it itself.
    Anything,
}

struct Case {
    name: String,
    program: Program,
    args: Vec<String>,
    plan: MountPlan,
    limits: Limits,
    collect: Vec<String>,
    expect: Expect,
    /// Strings that must appear nowhere in what the run hands back (stdout, stderr, files).
    secrets: Vec<String>,
}

/// Limits of the suite: short enough that a case that is not stopped fails fast.
fn suite_limits() -> Limits {
    Limits {
        cpu_ms: 2_000,
        wall_ms: 5_000,
        ..Limits::default()
    }
}

/// /usr and the loader cache: enough for C programs, Python and Go.
fn plan() -> MountPlan {
    common::usr_plan()
}

fn java_plan() -> MountPlan {
    let mut plan = plan();
    for path in ["/etc/alternatives", "/etc/java-17-openjdk"] {
        plan.binds.push(Bind::same(path));
    }
    plan
}

impl Case {
    fn new(name: &str, program: Program) -> Self {
        Self {
            name: name.to_string(),
            program,
            args: Vec::new(),
            plan: plan(),
            limits: suite_limits(),
            collect: Vec::new(),
            expect: Expect::Contained,
            secrets: Vec::new(),
        }
    }

    fn c(name: &'static str) -> Self {
        Self::new(name, Program::C(name))
    }

    fn arg(mut self, arg: impl Into<String>) -> Self {
        self.args.push(arg.into());
        self
    }

    fn args<S: Into<String>>(mut self, args: impl IntoIterator<Item = S>) -> Self {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    fn limits(mut self, limits: Limits) -> Self {
        self.limits = limits;
        self
    }

    fn plan(mut self, plan: MountPlan) -> Self {
        self.plan = plan;
        self
    }

    fn bind(mut self, source: &Path, target: &str) -> Self {
        self.plan.binds.push(Bind {
            source: source.to_path_buf(),
            target: target.into(),
        });
        self
    }

    fn collect<S: Into<String>>(mut self, paths: impl IntoIterator<Item = S>) -> Self {
        self.collect.extend(paths.into_iter().map(Into::into));
        self
    }

    fn expect(mut self, expect: Expect) -> Self {
        self.expect = expect;
        self
    }

    fn secret(mut self, secret: impl Into<String>) -> Self {
        self.secrets.push(secret.into());
        self
    }
}

/// Numbers runs of this process: part of each run's leftover marker.
static RUN_NUMBER: AtomicU64 = AtomicU64::new(0);

/// Runs hold this shared; the final leftover check holds it exclusively, so that it looks at
/// the host when no run of this process is in flight.
static IN_FLIGHT: RwLock<()> = RwLock::new(());

fn in_flight() -> RwLockReadGuard<'static, ()> {
    IN_FLIGHT.read().unwrap_or_else(|e| e.into_inner())
}

/// The sandbox every case uses (one per test binary), with uids no other test process uses.
fn suite_sandbox() -> &'static Sandbox {
    static SANDBOX: OnceLock<Sandbox> = OnceLock::new();
    SANDBOX.get_or_init(|| sandbox_with_own_uids(0).0)
}

/// The environment variable every process of a run inherits: how the host finds processes a
/// run left behind.
const MARKER_VAR: &str = "TANDEM_ATTACK_RUN";

fn run_marker_prefix() -> String {
    format!("{MARKER_VAR}={}-", std::process::id())
}

fn spec_for(case: &Case, marker: &str) -> RunSpec {
    let mut files = Vec::new();
    let argv: Vec<String> = match &case.program {
        Program::C(name) => {
            files.push(FileIn {
                path: "prog".into(),
                contents: read(&c_binary(name)),
                executable: true,
            });
            vec!["/box/prog".into()]
        }
        Program::Go(name) => {
            files.push(FileIn {
                path: "prog".into(),
                contents: read(&go_binary(name)),
                executable: true,
            });
            vec!["/box/prog".into()]
        }
        Program::Python(name) => {
            files.push(FileIn {
                path: "prog.py".into(),
                contents: read(&sources().join(format!("{name}.py"))),
                executable: false,
            });
            vec![PYTHON.into(), "/box/prog.py".into()]
        }
        Program::Java(name, flags) => {
            files.push(FileIn {
                path: format!("{name}.class"),
                contents: read(&java_class(name)),
                executable: false,
            });
            let mut argv = vec![JAVA.to_string()];
            argv.extend(flags.iter().map(|f| f.to_string()));
            argv.extend(["-cp".into(), "/box".into(), name.to_string()]);
            argv
        }
        Program::Command(argv) => argv.clone(),
    };
    let mut spec = RunSpec::new(
        case.plan.clone(),
        argv.into_iter().chain(case.args.iter().cloned()).collect(),
    );
    spec.files = files;
    spec.limits = case.limits;
    spec.collect = case.collect.clone();
    let (key, value) = marker.split_once('=').expect("marker is KEY=VALUE");
    spec.env.push((key.into(), value.into()));
    spec
}

fn summary(name: &str, outcome: &RunOutcome) -> String {
    let first_lines: Vec<String> = text(&outcome.stdout.bytes)
        .lines()
        .take(3)
        .map(|l| l.chars().take(100).collect())
        .collect();
    format!(
        "CASE {name}: status={} limit={:?} exit={:?} signal={:?} cpu={}ms wall={}ms mem={}KiB \
         stdout={}B stderr={}B | {}",
        outcome.status.as_str(),
        outcome.limit,
        outcome.exit_code,
        outcome.signal,
        outcome.cpu_ms,
        outcome.wall_ms,
        outcome.memory_kib,
        outcome.stdout.bytes.len(),
        outcome.stderr.bytes.len(),
        first_lines.join(" / ")
    )
}

/// Runs one case and asserts its outcome, that no secret came back, and that nothing of the run
/// is left on the host. Returns the outcome for the case's own host checks.
fn check(case: Case) -> RunOutcome {
    check_with(suite_sandbox(), case)
}

fn check_with(sandbox: &Sandbox, case: Case) -> RunOutcome {
    let _running = in_flight();
    let marker = format!(
        "{}{}-{}",
        run_marker_prefix(),
        case.name,
        RUN_NUMBER.fetch_add(1, Ordering::Relaxed)
    );
    let spec = spec_for(&case, &marker);
    let outcome = sandbox.run(&spec).expect("the run is carried out");
    println!("{}", summary(&case.name, &outcome));
    let details = || {
        format!(
            "case {}: {}\n--- stdout ---\n{}\n--- stderr ---\n{}\n--- error: {:?}",
            case.name,
            summary(&case.name, &outcome),
            outcome.stdout.to_text(),
            outcome.stderr.to_text(),
            outcome.error
        )
    };

    match case.expect {
        Expect::Contained => {
            let contained = outcome.status == RunStatus::Ok
                && outcome.exit_code == Some(0)
                && outcome.limit.is_none();
            let verdict = match outcome.exit_code {
                Some(1) => "NOT CONTAINED: an attempt succeeded",
                Some(2) => "contained, but not by the expected mechanism",
                _ => "unexpected outcome",
            };
            assert!(contained, "{verdict}\n{}", details());
        }
        Expect::Limit(status, kind) => {
            assert_eq!(outcome.status, status, "{}", details());
            assert_eq!(outcome.limit, Some(kind), "{}", details());
        }
        Expect::AnyTimeLimit => {
            assert_eq!(
                outcome.status,
                RunStatus::TimeLimitExceeded,
                "{}",
                details()
            );
            assert!(
                matches!(
                    outcome.limit,
                    Some(LimitKind::CpuTime | LimitKind::WallTime)
                ),
                "{}",
                details()
            );
        }
        Expect::Signal(signal) => {
            assert_eq!(outcome.status, RunStatus::RuntimeError, "{}", details());
            assert_eq!(outcome.signal, Some(signal), "{}", details());
            assert_eq!(outcome.limit, None, "{}", details());
        }
        Expect::Anything => {}
    }

    for secret in &case.secrets {
        let leaked_in = |bytes: &[u8]| contains(bytes, secret.as_bytes());
        assert!(
            !leaked_in(&outcome.stdout.bytes) && !leaked_in(&outcome.stderr.bytes),
            "NOT CONTAINED: secret {secret:?} came back in the output\n{}",
            details()
        );
        for file in &outcome.collected {
            assert!(
                !leaked_in(&file.contents),
                "NOT CONTAINED: secret {secret:?} came back in collected file {}\n{}",
                file.path,
                details()
            );
        }
    }

    // The run is over when `run` returns: nothing it started may still exist at that moment
    // (a leftover that disappears later is still reported, with how long it took).
    let left = processes_with_env(&marker);
    if !left.is_empty() {
        let since = Instant::now();
        let still = wait_until_gone(|| processes_with_env(&marker));
        panic!(
            "NOT CONTAINED: processes of the run outlived it: {left:?} ({})\n{}",
            if still.is_empty() {
                format!("gone {} ms later", since.elapsed().as_millis())
            } else {
                format!("still there after 2 s: {still:?}")
            },
            details()
        );
    }
    outcome
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

// ---------------------------------------------------------------------------------------------
// Looking at the host
// ---------------------------------------------------------------------------------------------

/// Polls `find` until it finds nothing or 2 s have passed; returns the last findings.
fn wait_until_gone<T>(mut find: impl FnMut() -> Vec<T>) -> Vec<T> {
    let deadline = Instant::now() + Duration::from_secs(2);
    loop {
        let found = find();
        if found.is_empty() || Instant::now() > deadline {
            return found;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}

fn host_pids() -> Vec<i32> {
    fs::read_dir("/proc")
        .expect("read /proc")
        .flatten()
        .filter_map(|e| e.file_name().to_str()?.parse().ok())
        .collect()
}

/// Host processes whose environment contains `needle` (a whole `KEY=VALUE` or its prefix).
fn processes_with_env(needle: &str) -> Vec<String> {
    host_pids()
        .into_iter()
        .filter_map(|pid| {
            let environ = fs::read(format!("/proc/{pid}/environ")).ok()?;
            let hit = environ
                .split(|b| *b == 0)
                .any(|var| var.starts_with(needle.as_bytes()));
            hit.then(|| describe(pid))
        })
        .collect()
}

fn describe(pid: i32) -> String {
    let status = fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    let field = |key: &str| {
        status
            .lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.split_whitespace().next().unwrap_or("").to_string())
            .unwrap_or_default()
    };
    format!(
        "pid {pid} ({}) uid {} ppid {}",
        field("Name:"),
        field("Uid:"),
        field("PPid:")
    )
}

/// (pid, parent, real uid) of every host process.
fn process_table() -> Vec<(i32, i32, u32)> {
    host_pids()
        .into_iter()
        .filter_map(|pid| {
            let status = fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
            let mut ppid = None;
            let mut uid = None;
            for line in status.lines() {
                if let Some(v) = line.strip_prefix("PPid:") {
                    ppid = v.trim().parse().ok();
                } else if let Some(v) = line.strip_prefix("Uid:") {
                    uid = v.split_whitespace().next()?.parse().ok();
                }
            }
            Some((pid, ppid?, uid?))
        })
        .collect()
}

/// Processes descended from this test process that run as a box uid.
fn box_uid_descendants() -> Vec<String> {
    let table = process_table();
    let mut ours: HashSet<i32> = HashSet::from([std::process::id() as i32]);
    loop {
        let before = ours.len();
        for (pid, ppid, _) in &table {
            if ours.contains(ppid) {
                ours.insert(*pid);
            }
        }
        if ours.len() == before {
            break;
        }
    }
    let box_uids = BOX_UID_BASE..BOX_UID_BASE + BOX_UID_COUNT;
    let sleeper = format!("{SLEEPER_VAR}=");
    table
        .iter()
        .filter(|(pid, _, uid)| ours.contains(pid) && box_uids.contains(uid))
        .filter(|(pid, _, _)| {
            let environ = fs::read(format!("/proc/{pid}/environ")).unwrap_or_default();
            !environ
                .split(|b| *b == 0)
                .any(|var| var.starts_with(sleeper.as_bytes()))
        })
        .map(|(pid, _, _)| describe(*pid))
        .collect()
}

/// cgroup directories of this process's boxes (`box-<pid>-<n>`) under any `tandem` parent.
fn box_cgroups_of_this_process() -> Vec<PathBuf> {
    fn walk(dir: &Path, depth: u32, prefix: &str, found: &mut Vec<PathBuf>) {
        let Ok(entries) = fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if !kind.is_dir() {
                continue;
            }
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let under_tandem = dir.file_name().is_some_and(|n| n == "tandem");
            if under_tandem && name.starts_with(prefix) {
                found.push(path);
            } else if depth < 8 {
                walk(&path, depth + 1, prefix, found);
            }
        }
    }
    let mut found = Vec::new();
    let prefix = format!("box-{}-", std::process::id());
    walk(Path::new("/sys/fs/cgroup"), 0, &prefix, &mut found);
    found
}

/// Marks the host processes tests start on purpose (some under box uids).
const SLEEPER_VAR: &str = "TANDEM_HOST_SLEEPER";

/// A host process (`sleep`) that must survive the case, killed when the guard drops.
struct HostSleeper {
    child: Child,
}

impl HostSleeper {
    fn start(env: &[(&str, &str)], uid: Option<u32>) -> Self {
        let mut command = Command::new("/usr/bin/sleep");
        command.arg("120").env_clear().env(SLEEPER_VAR, "1");
        for (key, value) in env {
            command.env(key, value);
        }
        if let Some(uid) = uid {
            command.uid(uid).gid(uid);
        }
        Self {
            child: command.spawn().expect("start a host process"),
        }
    }

    fn pid(&self) -> u32 {
        self.child.id()
    }

    fn assert_alive(&mut self) {
        assert!(
            self.child
                .try_wait()
                .expect("poll the host process")
                .is_none(),
            "NOT CONTAINED: the box killed host process {}",
            self.pid()
        );
    }
}

impl Drop for HostSleeper {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A file on the host holding a marker that must never come out of a box.
struct Secret {
    _dir: tempfile::TempDir,
    path: PathBuf,
    marker: String,
}

fn plant_secret(parent: &Path, label: &str) -> Secret {
    let dir = tempfile::Builder::new()
        .prefix("tandem-secret-")
        .tempdir_in(parent)
        .expect("create a secret dir");
    let marker = format!("tandem-{label}-secret-{}", std::process::id());
    let path = dir.path().join("secret.txt");
    fs::write(&path, &marker).expect("plant the secret");
    Secret {
        _dir: dir,
        path,
        marker,
    }
}

fn path_str(path: &Path) -> String {
    path.to_str().expect("a UTF-8 path").to_string()
}

// ---------------------------------------------------------------------------------------------
// Resource bombs
// ---------------------------------------------------------------------------------------------

#[test]
fn fork_bomb_is_capped_and_ended_by_time() {
    let limits = Limits {
        cpu_ms: 1_000,
        wall_ms: 2_000,
        processes: 32,
        ..suite_limits()
    };
    check(
        Case::c("fork_bomb")
            .limits(limits)
            .expect(Expect::AnyTimeLimit),
    );
    // The host can still start processes.
    let status = Command::new("/usr/bin/true")
        .status()
        .expect("spawn on the host");
    assert!(status.success());
}

#[test]
fn forks_stop_at_the_process_limit() {
    let limits = Limits {
        processes: 16,
        ..suite_limits()
    };
    check(Case::c("fork_count").arg("16").limits(limits));
}

fn memory_limits(mib: u64) -> Limits {
    Limits {
        memory_bytes: mib << 20,
        cpu_ms: 5_000,
        wall_ms: 10_000,
        ..suite_limits()
    }
}

const MEMORY_LIMIT_HIT: Expect = Expect::Limit(RunStatus::MemoryLimitExceeded, LimitKind::Memory);

#[test]
fn c_memory_bomb_is_a_memory_limit() {
    let outcome = check(
        Case::c("mem_bomb")
            .limits(memory_limits(64))
            .expect(MEMORY_LIMIT_HIT),
    );
    assert!(outcome.memory_kib <= 64 << 10, "{}", outcome.memory_kib);
}

#[test]
fn python_memory_bomb_is_a_memory_limit() {
    check(
        Case::new("python_mem_bomb", Program::Python("mem_bomb"))
            .limits(memory_limits(64))
            .expect(MEMORY_LIMIT_HIT),
    );
}

#[test]
fn java_memory_bomb_past_the_box_limit_is_a_memory_limit() {
    // The heap may grow to 2 GiB, far past the box's 192 MiB: the cgroup has to end it, and the
    // run must come out as a memory limit, not a runtime error.
    let flags = &["-Xmx2g", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"];
    check(
        Case::new("java_mem_bomb", Program::Java("MemBomb", flags))
            .plan(java_plan())
            .limits(memory_limits(192))
            .expect(MEMORY_LIMIT_HIT),
    );
}

#[test]
fn go_memory_bomb_is_a_memory_limit() {
    check(
        Case::new("go_mem_bomb", Program::Go("mem_bomb"))
            .limits(memory_limits(96))
            .expect(MEMORY_LIMIT_HIT),
    );
}

#[test]
fn sysv_shared_memory_counts_against_the_box() {
    check(
        Case::c("shm_bomb")
            .limits(memory_limits(64))
            .expect(MEMORY_LIMIT_HIT),
    );
}

#[test]
fn memfd_pages_count_against_the_box() {
    let limits = Limits {
        file_size_bytes: 8 << 30,
        ..memory_limits(64)
    };
    check(
        Case::c("memfd_bomb")
            .limits(limits)
            .expect(MEMORY_LIMIT_HIT),
    );
}

#[test]
fn unix_socket_buffers_count_against_the_box() {
    // Data in flight in Unix sockets lives in kernel buffers, not in any address space. 512 MiB
    // of it against a 64 MiB box: the run must be stopped as a memory limit, or the sends must
    // fail before the box holds more than its limit.
    let outcome = check(
        Case::c("socket_hoard")
            .args(["512", "64"])
            .limits(memory_limits(64))
            .expect(Expect::Anything),
    );
    let contained = outcome.status == RunStatus::MemoryLimitExceeded
        || (outcome.status == RunStatus::Ok && outcome.exit_code == Some(0));
    assert!(
        contained,
        "NOT CONTAINED: the box held more kernel memory than its limit\n{}",
        summary("socket_hoard", &outcome)
    );
}

#[test]
fn cpu_loop_is_a_cpu_time_limit() {
    let limits = Limits {
        cpu_ms: 500,
        wall_ms: 5_000,
        ..suite_limits()
    };
    let outcome = check(Case::c("cpu_loop").limits(limits).expect(Expect::Limit(
        RunStatus::TimeLimitExceeded,
        LimitKind::CpuTime,
    )));
    assert!(outcome.cpu_ms >= 500, "{}", outcome.cpu_ms);
}

#[test]
fn sleep_is_a_wall_time_limit() {
    let limits = Limits {
        cpu_ms: 1_000,
        wall_ms: 500,
        ..suite_limits()
    };
    let outcome = check(Case::c("sleeper").limits(limits).expect(Expect::Limit(
        RunStatus::TimeLimitExceeded,
        LimitKind::WallTime,
    )));
    assert!(outcome.cpu_ms < 100, "{}", outcome.cpu_ms);
}

#[test]
fn threads_add_up_their_cpu_time() {
    // Each of four threads burns 300 ms of its own CPU time and stops: the run's CPU time is
    // their sum, however the scheduler spread them (with two free cores it also exceeds the
    // wall time; the test does not count on free cores).
    let limits = Limits {
        cpu_ms: 3_000,
        wall_ms: 10_000,
        ..suite_limits()
    };
    let outcome = check(Case::c("threads_burn").arg("300").limits(limits));
    assert!(
        outcome.cpu_ms >= 1_200,
        "cpu {} ms for 4 x 300 ms of thread time",
        outcome.cpu_ms
    );
    println!(
        "threads: cpu {} ms over wall {} ms",
        outcome.cpu_ms, outcome.wall_ms
    );
}

#[test]
fn threads_are_stopped_by_the_summed_cpu_limit() {
    let limits = Limits {
        cpu_ms: 800,
        wall_ms: 10_000,
        ..suite_limits()
    };
    let outcome = check(Case::c("threads_burn").limits(limits).expect(Expect::Limit(
        RunStatus::TimeLimitExceeded,
        LimitKind::CpuTime,
    )));
    assert!(outcome.cpu_ms >= 800, "{}", outcome.cpu_ms);
}

#[test]
fn ignoring_every_signal_does_not_escape_the_time_limit() {
    let limits = Limits {
        cpu_ms: 600,
        wall_ms: 5_000,
        ..suite_limits()
    };
    check(
        Case::c("ignore_signals")
            .limits(limits)
            .expect(Expect::AnyTimeLimit),
    );
}

#[test]
fn stack_overflow_is_a_runtime_error() {
    check(Case::c("stack_overflow").expect(Expect::Signal(SIGSEGV)));
}

#[test]
fn gigabytes_of_stdout_are_an_output_limit_with_bounded_capture() {
    let limits = suite_limits();
    let outcome = check(Case::c("output_flood").arg("stdout").limits(limits).expect(
        Expect::Limit(RunStatus::OutputLimitExceeded, LimitKind::Output),
    ));
    assert_eq!(outcome.stdout.bytes.len() as u64, limits.stdout_bytes);
    assert!(outcome.stdout.truncated);
}

#[test]
fn a_gigabyte_of_stderr_is_cut_at_its_cap_and_the_run_ends_normally() {
    let limits = suite_limits();
    let outcome = check(
        Case::c("output_flood")
            .args(["stderr", "1024"])
            .limits(limits),
    );
    assert_eq!(outcome.stderr.bytes.len() as u64, limits.stderr_bytes);
    assert!(outcome.stderr.truncated);
    assert_eq!(text(&outcome.stdout.bytes), "done\n");
}

fn small_dirs_plan() -> MountPlan {
    MountPlan {
        work_mib: 8,
        tmp_mib: 8,
        ..plan()
    }
}

#[test]
fn filling_tmp_stops_at_its_cap() {
    check(
        Case::c("fill_dir")
            .args(["/tmp", "8"])
            .plan(small_dirs_plan()),
    );
}

#[test]
fn filling_the_work_dir_stops_at_its_cap() {
    check(
        Case::c("fill_dir")
            .args(["/box", "8"])
            .plan(small_dirs_plan()),
    );
}

#[test]
fn filling_dev_shm_stops_at_its_cap() {
    check(
        Case::c("fill_dir")
            .args(["/dev/shm", "8"])
            .plan(small_dirs_plan()),
    );
}

#[test]
fn descriptor_exhaustion_is_emfile_and_the_run_ends_normally() {
    let limits = Limits {
        open_files: 64,
        ..suite_limits()
    };
    check(Case::c("fd_exhaust").arg("64").limits(limits));
}

#[test]
fn huge_argv_and_env_fail_with_e2big() {
    check(Case::c("huge_args"));
}

// ---------------------------------------------------------------------------------------------
// Network
// ---------------------------------------------------------------------------------------------

#[test]
fn tcp_connect_to_a_host_listener_fails() {
    let listener = TcpListener::bind("127.0.0.1:0").expect("listen on the host");
    listener.set_nonblocking(true).expect("non-blocking");
    let port = listener.local_addr().expect("port").port();
    check(Case::c("tcp_connect").arg(port.to_string()));
    match listener.accept() {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        other => panic!("NOT CONTAINED: the host listener saw a connection: {other:?}"),
    }
}

#[test]
fn udp_to_a_host_socket_never_arrives() {
    let socket = UdpSocket::bind("127.0.0.1:0").expect("bind on the host");
    socket.set_nonblocking(true).expect("non-blocking");
    let port = socket.local_addr().expect("port").port();
    check(Case::c("udp_send").arg(port.to_string()));
    let mut buffer = [0u8; 64];
    match socket.recv_from(&mut buffer) {
        Err(e) if e.kind() == ErrorKind::WouldBlock => {}
        other => panic!("NOT CONTAINED: a datagram reached the host: {other:?}"),
    }
}

#[test]
fn dns_lookups_fail_even_with_the_resolver_config_bound() {
    let mut plan = plan();
    for path in [
        "/etc/resolv.conf",
        "/etc/nsswitch.conf",
        "/etc/hosts",
        "/etc/gai.conf",
    ] {
        if Path::new(path).exists() {
            plan.binds.push(Bind::same(path));
        }
    }
    check(Case::c("dns_lookup").plan(plan));
}

#[test]
fn host_unix_sockets_are_unreachable() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("host.sock");
    let listener = UnixListener::bind(&path).expect("listen on a host path");
    listener.set_nonblocking(true).expect("non-blocking");
    let abstract_name = format!("tandem-attack-{}", std::process::id());
    let address =
        SocketAddr::from_abstract_name(abstract_name.as_bytes()).expect("abstract address");
    let abstract_listener = UnixListener::bind_addr(&address).expect("listen on an abstract name");
    abstract_listener
        .set_nonblocking(true)
        .expect("non-blocking");

    check(
        Case::c("unix_connect")
            .arg(path_str(&path))
            .arg(&abstract_name),
    );
    for (what, listener) in [("path", &listener), ("abstract", &abstract_listener)] {
        match listener.accept() {
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            other => panic!("NOT CONTAINED: the host {what} socket saw a connection: {other:?}"),
        }
    }
}

#[test]
fn the_only_network_interface_is_lo_and_it_is_down() {
    check(Case::c("net_devices"));
}

#[test]
fn raw_packet_and_vsock_sockets_are_refused() {
    check(Case::c("raw_sockets"));
}

// ---------------------------------------------------------------------------------------------
// Host files
// ---------------------------------------------------------------------------------------------

#[test]
fn a_secret_in_a_host_temp_dir_is_invisible() {
    let secret = plant_secret(&std::env::temp_dir(), "tempdir");
    let path = path_str(&secret.path);
    check(
        Case::c("read_paths")
            .arg(&path)
            .arg(format!("/proc/1/root{path}"))
            .arg(format!("/proc/self/root{path}"))
            .arg(format!("/proc/1/cwd{path}"))
            .secret(&secret.marker),
    );
}

#[test]
fn a_secret_in_root_home_is_invisible() {
    let secret = plant_secret(Path::new("/root"), "root-home");
    check(
        Case::c("read_paths")
            .args(["/root", "/root/.bash_history", "/root/.ssh"])
            .arg(path_str(&secret.path))
            .secret(&secret.marker),
    );
}

#[test]
fn etc_shadow_is_absent() {
    check(Case::c("read_paths").args([
        "/etc/shadow",
        "/etc/gshadow",
        "/etc/sudoers",
        "/etc/ssh",
        "/etc/machine-id",
    ]));
}

#[test]
fn etc_shadow_is_unreadable_even_with_all_of_etc_bound() {
    let shadow = fs::read_to_string("/etc/shadow").expect("read the host's /etc/shadow");
    let root_line = shadow
        .lines()
        .find(|l| l.starts_with("root:"))
        .expect("root in /etc/shadow")
        .to_string();
    let mut plan = plan();
    plan.binds.push(Bind::same("/etc"));
    check(
        Case::c("read_paths")
            .args(["/etc/shadow", "/etc/gshadow"])
            .plan(plan)
            .secret(root_line),
    );
}

#[test]
fn host_processes_and_their_environment_are_invisible() {
    let marker = format!("tandem-host-env-secret-{}", std::process::id());
    let mut sleeper = HostSleeper::start(&[("TANDEM_HOST_SECRET", &marker)], None);
    check(
        Case::c("proc_snoop")
            .arg(sleeper.pid().to_string())
            .arg(std::process::id().to_string())
            .secret(&marker),
    );
    sleeper.assert_alive();
}

#[test]
fn sysfs_is_absent() {
    check(Case::c("read_paths").args([
        "/sys",
        "/sys/fs/cgroup",
        "/sys/kernel/notes",
        "/sys/class/net",
        "/sys/firmware",
    ]));
}

#[test]
fn writes_outside_the_work_dir_fail() {
    let ls_before = fs::metadata("/usr/bin/ls").expect("stat /usr/bin/ls");
    let name = format!("tandem-attack-{}", std::process::id());
    let targets = [
        format!("/usr/{name}"),
        format!("/etc/{name}"),
        format!("/{name}"),
        format!("/box/../{name}"),
        "/etc/passwd".into(),
        "/proc/sys/kernel/core_pattern".into(),
        "/proc/sys/vm/drop_caches".into(),
        "/proc/sysrq-trigger".into(),
        "/proc/1/oom_score_adj".into(),
        "/sys/fs/cgroup/cgroup.procs".into(),
    ];
    check(Case::c("write_outside").args(targets));
    for dir in ["/usr", "/etc", "/"] {
        let leaked = Path::new(dir).join(&name);
        assert!(
            !leaked.exists(),
            "NOT CONTAINED: {} exists on the host",
            leaked.display()
        );
    }
    assert!(!Path::new("/usr/tandem-attack-dir").exists());
    let ls_after = fs::metadata("/usr/bin/ls").expect("/usr/bin/ls is still there");
    assert_eq!(
        (ls_before.mode(), ls_before.mtime(), ls_before.len()),
        (ls_after.mode(), ls_after.mtime(), ls_after.len())
    );
}

#[test]
fn dev_holds_only_the_harmless_devices_and_mknod_fails() {
    check(Case::c("devices"));
}

// ---------------------------------------------------------------------------------------------
// Privileges
// ---------------------------------------------------------------------------------------------

/// A copy of `euid` on the host, owned by root with the setuid bit, in its own directory.
fn setuid_root_copy() -> tempfile::TempDir {
    let dir = tempfile::Builder::new()
        .prefix("tandem-suid-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temp dir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod dir");
    let copy = dir.path().join("euid");
    fs::copy(c_binary("euid"), &copy).expect("copy euid");
    std::os::unix::fs::chown(&copy, Some(0), Some(0)).expect("chown root");
    fs::set_permissions(&copy, fs::Permissions::from_mode(0o4755)).expect("chmod u+s");
    dir
}

#[test]
fn a_setuid_root_binary_does_not_raise_privileges() {
    let dir = setuid_root_copy();
    let copy = dir.path().join("euid");
    // On the host the bit works (run as some unprivileged uid, the program is root).
    let host = Command::new(&copy)
        .uid(65534)
        .output()
        .expect("run the setuid copy on the host");
    assert!(
        text(&host.stdout).contains("euid 0"),
        "the host copy is not effectively setuid: {}",
        text(&host.stdout)
    );
    check(
        Case::new(
            "setuid_root_binary",
            Program::Command(vec!["/suid/euid".into()]),
        )
        .bind(dir.path(), "/suid"),
    );
}

#[test]
fn file_capabilities_do_not_raise_privileges() {
    let dir = setuid_root_copy();
    let copy = dir.path().join("euid");
    fs::set_permissions(&copy, fs::Permissions::from_mode(0o755)).expect("drop the setuid bit");
    tool(
        Command::new("/usr/sbin/setcap")
            .arg("cap_setuid,cap_setgid,cap_sys_admin,cap_dac_override+ep")
            .arg(&copy),
    );
    check(
        Case::new(
            "file_capabilities",
            Program::Command(vec!["/suid/euid".into()]),
        )
        .bind(dir.path(), "/suid"),
    );
}

#[test]
fn host_setuid_tools_run_nothing_as_root() {
    // With all of /etc bound, su and passwd find their PAM set-up and really try.
    let mut plan = plan();
    plan.binds.push(Bind::same("/etc"));
    let outcome = check(Case::c("setuid_tools").plan(plan));
    println!("{}", text(&outcome.stderr.bytes));
}

#[test]
fn identity_is_unprivileged_and_stays_so() {
    check(Case::c("privileges"));
}

#[test]
fn only_the_standard_streams_are_inherited() {
    check(Case::c("fds"));
}

#[test]
fn ptrace_and_friends_are_denied() {
    check(Case::c("ptrace"));
}

#[test]
fn mount_in_every_form_is_denied() {
    check(Case::c("mount"));
}

#[test]
fn new_namespaces_are_denied() {
    check(Case::c("unshare"));
}

#[test]
fn setns_is_denied() {
    check(Case::c("setns"));
}

#[test]
fn chroot_escapes_fail() {
    let secret = plant_secret(&std::env::temp_dir(), "chroot");
    check(
        Case::c("chroot")
            .arg(path_str(&secret.path))
            .secret(&secret.marker),
    );
}

#[test]
fn hostname_is_box_and_cannot_be_changed() {
    let before = fs::read_to_string("/proc/sys/kernel/hostname").expect("host name");
    check(Case::c("hostname"));
    let after = fs::read_to_string("/proc/sys/kernel/hostname").expect("host name");
    assert_eq!(before, after, "NOT CONTAINED: the host's name changed");
}

// ---------------------------------------------------------------------------------------------
// Signals and processes left behind
// ---------------------------------------------------------------------------------------------

#[test]
fn kill_minus_one_stays_in_the_box() {
    // Host processes running under the first uids of a sandbox's range, which its boxes run
    // under too: kill(-1) reaches every process of the caller's uid, but only in its own PID
    // namespace. (A sandbox of its own, so that the suite's boxes do not count these processes
    // against their RLIMIT_NPROC.)
    let (sandbox, base) = sandbox_with_own_uids(0);
    let mut same_uid: Vec<HostSleeper> = (base..base + 4)
        .map(|uid| HostSleeper::start(&[], Some(uid)))
        .collect();
    let mut other = HostSleeper::start(&[], None);
    let outcome = check_with(&sandbox, Case::c("kill_all"));
    assert!(text(&outcome.stdout.bytes).contains(&format!("uid {base}")));
    for sleeper in &mut same_uid {
        sleeper.assert_alive();
    }
    other.assert_alive();
}

#[test]
fn killing_the_parent_fails_and_the_box_still_reports() {
    check(Case::c("kill_parent"));
}

#[test]
fn signals_to_host_pids_do_not_arrive() {
    let mut sleeper = HostSleeper::start(&[], None);
    check(
        Case::c("signal_host")
            .arg(sleeper.pid().to_string())
            .arg(std::process::id().to_string()),
    );
    sleeper.assert_alive();
}

#[test]
fn daemons_do_not_outlive_the_run() {
    // check() already looks for processes carrying the run's marker; with a sandbox of its own,
    // any host process under the box's uid afterwards is a leftover too, whatever it did to
    // its environment.
    let (sandbox, base) = sandbox_with_own_uids(0);
    let outcome = check_with(&sandbox, Case::c("daemon"));
    let stdout = text(&outcome.stdout.bytes);
    assert!(stdout.contains("main exits"), "{stdout}");
    assert!(
        outcome.wall_ms < 2_000,
        "the run waited for its daemons: {} ms",
        outcome.wall_ms
    );
    let uids = base..base + common::OWN_UIDS;
    let left = wait_until_gone(|| {
        process_table()
            .into_iter()
            .filter(|(_, _, uid)| uids.contains(uid))
            .map(|(pid, _, _)| describe(pid))
            .collect()
    });
    assert!(
        left.is_empty(),
        "NOT CONTAINED: processes under the box's uids: {left:?}"
    );
}

#[test]
fn nohup_and_setsid_from_a_shell_do_not_outlive_the_run() {
    let script = "setsid nohup sh -c 'while :; do sleep 0.01; done' >/dev/null 2>&1 & \
                  (trap '' HUP; sleep 60) & echo started";
    check(Case::new(
        "nohup_shell",
        Program::Command(vec!["/bin/sh".into(), "-c".into(), script.into()]),
    ));
}

// ---------------------------------------------------------------------------------------------
// Denied system calls and foreign ABIs
// ---------------------------------------------------------------------------------------------

macro_rules! denied_syscall_tests {
    ($($test:ident => $name:literal,)*) => {
        $(
            #[test]
            fn $test() {
                check(Case::c("denied").arg($name));
            }
        )*
    };
}

denied_syscall_tests! {
    keyctl_is_denied => "keyctl",
    add_key_is_denied => "add_key",
    request_key_is_denied => "request_key",
    io_uring_setup_is_denied => "io_uring_setup",
    bpf_is_denied => "bpf",
    perf_event_open_is_denied => "perf_event_open",
    personality_addr_no_randomize_is_denied => "personality",
    personality_read_implies_exec_is_denied => "personality_read_implies_exec",
    userfaultfd_is_denied => "userfaultfd",
    open_by_handle_at_is_denied => "open_by_handle_at",
    kexec_load_is_denied => "kexec_load",
    init_module_is_denied => "init_module",
    syslog_is_denied => "syslog",
    clock_settime_is_denied => "clock_settime",
    fanotify_init_is_denied => "fanotify_init",
    iopl_is_denied => "iopl",
}

#[test]
fn i386_syscalls_through_int_0x80_kill_the_process() {
    check(Case::c("abi_int80").expect(Expect::Signal(SIGSYS)));
}

#[test]
fn x32_syscall_numbers_kill_the_process() {
    check(Case::c("abi_x32").expect(Expect::Signal(SIGSYS)));
}

// ---------------------------------------------------------------------------------------------
// Planted symlinks and the host reading /box
// ---------------------------------------------------------------------------------------------

/// A host directory bound into the box at `/secrets`, holding `key`, readable by root only: the
/// payload cannot read it, the box's init (root) could.
fn root_only_dir(label: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::Builder::new()
        .prefix("tandem-root-only-")
        .tempdir_in(env!("CARGO_TARGET_TMPDIR"))
        .expect("temp dir");
    fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).expect("chmod dir");
    let marker = format!("tandem-{label}-root-only-{}", std::process::id());
    let key = dir.path().join("key");
    fs::write(&key, &marker).expect("write key");
    fs::set_permissions(&key, fs::Permissions::from_mode(0o600)).expect("chmod key");
    (dir, marker)
}

#[test]
fn collect_skips_symlinks_fifos_and_hard_links() {
    let secret = plant_secret(&std::env::temp_dir(), "collect");
    let (root_only, root_marker) = root_only_dir("collect");
    let outcome = check(
        Case::c("plant_links")
            .arg(path_str(&secret.path))
            .arg("/secrets/key")
            .bind(root_only.path(), "/secrets")
            .collect([
                "passwd",
                "secret",
                "root-only",
                "init-environ",
                "fifo",
                "hardlink",
                "ok.txt",
            ])
            .secret(&secret.marker)
            .secret(&root_marker)
            .secret("box:x:"),
    );
    let names: Vec<&str> = outcome.collected.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(names, ["ok.txt"], "{:?}", outcome.collected);
    assert_eq!(outcome.collected[0].contents, b"plain output\n");
}

#[test]
fn collect_does_not_follow_symlinked_directories() {
    // The collected path's last component is a plain name; an earlier one is a symlink the
    // payload planted, to a directory holding a file only root can read (or to init's /proc).
    let secret = plant_secret(&std::env::temp_dir(), "collect-dir");
    let (root_only, root_marker) = root_only_dir("collect-dir");
    let outcome = check(
        Case::c("plant_links")
            .arg(path_str(&secret.path))
            .arg("/secrets/key")
            .bind(root_only.path(), "/secrets")
            .collect([
                "secret-dir/key",
                "init/status",
                "self/status",
                "init/mountinfo",
            ])
            .secret(&root_marker),
    );
    assert!(
        outcome.collected.is_empty(),
        "NOT CONTAINED: collect followed a symlinked directory and read (as root) {:?}",
        outcome
            .collected
            .iter()
            .map(|f| (
                &f.path,
                text(&f.contents).chars().take(60).collect::<String>()
            ))
            .collect::<Vec<_>>()
    );
}

#[test]
fn judge0_cve_2024_28185_symlinked_run_and_output_files_reach_nothing() {
    // The program replaces the files a judge handles by name with symlinks to a host file; the
    // judge then collects them (compile step) and places what it got into the next box (run
    // step). The host file must be untouched and never read.
    let victim_dir = tempfile::tempdir().expect("temp dir");
    let victim = victim_dir.path().join("victim");
    let marker = format!("tandem-cve-victim-{}", std::process::id());
    fs::write(&victim, &marker).expect("write victim");
    let before = fs::metadata(&victim).expect("stat victim");
    let names = [
        "run",
        "stdout",
        "stderr",
        "stdin",
        "compile_output",
        "main",
        "Main.class",
        "out",
        "prog",
    ];
    let compile = check(
        Case::c("cve_links")
            .arg(path_str(&victim))
            .args(names)
            .collect(names)
            .secret(&marker),
    );
    assert!(
        compile.collected.is_empty(),
        "collected planted symlinks: {:?}",
        compile.collected
    );

    // The "run" step: a fresh box gets whatever the compile step produced.
    let mut run = RunSpec::new(plan(), vec!["/bin/ls".into(), "-la".into(), "/box".into()]);
    run.files = compile
        .collected
        .into_iter()
        .map(|f| FileIn {
            path: f.path,
            contents: f.contents,
            executable: f.executable,
        })
        .collect();
    let outcome = suite_sandbox().run(&run).expect("the run is carried out");
    println!("{}", summary("cve_run_step", &outcome));
    assert_eq!(outcome.status, RunStatus::Ok, "{outcome:?}");
    assert!(!contains(&outcome.stdout.bytes, marker.as_bytes()));
    assert!(!text(&outcome.stdout.bytes).contains(" -> "));

    let after = fs::metadata(&victim).expect("the victim is still there");
    assert_eq!(fs::read_to_string(&victim).expect("read victim"), marker);
    assert_eq!(
        (
            before.mtime(),
            before.mtime_nsec(),
            before.mode(),
            before.uid()
        ),
        (after.mtime(), after.mtime_nsec(), after.mode(), after.uid()),
        "NOT CONTAINED: the host file was modified"
    );
    let accessed = after.atime() > before.atime()
        || (after.atime() == before.atime() && after.atime_nsec() > before.atime_nsec());
    assert!(!accessed, "the host read the victim file through a symlink");
}

// ---------------------------------------------------------------------------------------------
// Runs at once, and what is left afterwards
// ---------------------------------------------------------------------------------------------

#[test]
fn concurrent_runs_share_nothing() {
    let handles: Vec<_> = (0..8)
        .map(|i| {
            std::thread::spawn(move || {
                check(Case::c("isolation").arg(format!("marker-of-run-{i}")));
            })
        })
        .collect();
    for handle in handles {
        handle.join().expect("a concurrent run passed");
    }
}

#[test]
fn boxes_of_two_sandboxes_do_not_share_per_uid_limits() {
    // Two independent sandboxes on one host (two `tandem` processes, or two test processes)
    // each hand out uids from the start of the same range. Box A holds its full process
    // allowance; box B, running at the same time, must still get its own.
    let first = sandbox(0);
    let second = sandbox(0);
    let limits = Limits {
        processes: 16,
        wall_ms: 10_000,
        ..suite_limits()
    };
    let holder = std::thread::spawn(move || {
        let script = "for i in $(seq 15); do sleep 1 & done; wait";
        check_with(
            &first,
            Case::new(
                "uid_holder",
                Program::Command(vec!["/bin/sh".into(), "-c".into(), script.into()]),
            )
            .limits(limits),
        )
    });
    // Wait until the holder's sleeps exist (they carry its run marker).
    let deadline = Instant::now() + Duration::from_secs(5);
    while processes_with_env(&format!("{}uid_holder", run_marker_prefix())).len() < 15 {
        assert!(Instant::now() < deadline, "the holder never started");
        std::thread::sleep(Duration::from_millis(10));
    }
    let outcome = check_with(
        &second,
        Case::c("fork_count")
            .arg("16")
            .limits(limits)
            .expect(Expect::Anything),
    );
    holder.join().expect("the holder run passed");
    assert!(
        text(&outcome.stdout.bytes).contains("forked 15 children"),
        "a box of another sandbox used up this box's process allowance: both ran under the \
         same uid, and RLIMIT_NPROC counts per uid across the host\n{}",
        text(&outcome.stdout.bytes)
    );
}

#[test]
fn zz_nothing_is_left_behind() {
    // A few runs that end every way a run can end (normally with daemons, by a time limit, by
    // the output limit, by the memory limit), then, with no run of this process in flight, the
    // host must hold no cgroup and no process of any box of this process.
    check(Case::c("daemon"));
    check(
        Case::c("fork_bomb")
            .limits(Limits {
                cpu_ms: 300,
                wall_ms: 1_000,
                processes: 16,
                ..suite_limits()
            })
            .expect(Expect::AnyTimeLimit),
    );
    check(Case::c("output_flood").expect(Expect::Limit(
        RunStatus::OutputLimitExceeded,
        LimitKind::Output,
    )));
    check(
        Case::c("mem_bomb")
            .limits(memory_limits(32))
            .expect(MEMORY_LIMIT_HIT),
    );

    let _quiet = IN_FLIGHT.write().unwrap_or_else(|e| e.into_inner());
    let cgroups = wait_until_gone(box_cgroups_of_this_process);
    assert!(cgroups.is_empty(), "box cgroups left behind: {cgroups:?}");
    let processes = wait_until_gone(box_uid_descendants);
    assert!(
        processes.is_empty(),
        "box-uid processes left behind: {processes:?}"
    );
    let marked = wait_until_gone(|| processes_with_env(&run_marker_prefix()));
    assert!(marked.is_empty(), "run processes left behind: {marked:?}");
}
