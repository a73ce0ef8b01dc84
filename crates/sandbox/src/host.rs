//! The host side: config, the public `Sandbox` handle, building a box, and supervising a run.

use std::fs;
use std::os::fd::{AsRawFd, OwnedFd};
use std::os::unix::net::UnixStream;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use crate::caps::Capabilities;
use crate::cgroup::{BoxCgroup, CgroupRoot};
use crate::error::SandboxError;
use crate::init::{CONTROL_FD, STDERR_FD, STDOUT_FD};
use crate::outcome::RunOutcome;
use crate::pool::Pool;
use crate::protocol::{FromBox, Setup, read_frame, write_frame};
use crate::spec::{MountPlan, RunSpec};
use crate::supervise::supervise;
use crate::uids::{UidPool, UidSlot};

/// Numbers boxes across every `Sandbox` of this process (cgroup names must not collide).
static NEXT_BOX: AtomicU64 = AtomicU64::new(0);

/// How the sandbox is set up on this host.
#[derive(Debug, Clone)]
pub struct SandboxConfig {
    /// The program that becomes the box process (`tandem` with `__box`, or `tandem-box`).
    pub init_program: PathBuf,
    pub init_args: Vec<String>,
    /// A host directory the sandbox owns (mount point of new roots).
    pub scratch_dir: PathBuf,
    /// Payloads run as uid/gid `uid_base + slot`, one slot per live box.
    pub uid_base: u32,
    pub uid_count: u32,
    /// Where uid claims are locked. Every sandbox on a host using the same uid range must share
    /// it (per-uid limits are host-wide), so it does not follow `scratch_dir`.
    pub uid_lock_dir: PathBuf,
    /// Boxes kept built and waiting for each mount plan in use (0 disables the pool).
    pub warm_boxes: usize,
    /// Run even when no cgroup is usable (limits then fall back to rlimits and are weaker).
    pub allow_weaker: bool,
}

impl SandboxConfig {
    pub fn new(init_program: impl Into<PathBuf>, init_args: Vec<String>) -> Self {
        Self {
            init_program: init_program.into(),
            init_args,
            scratch_dir: PathBuf::from("/run/tandem"),
            uid_base: 1_950_000,
            uid_count: 4096,
            uid_lock_dir: PathBuf::from("/run/tandem/uids"),
            warm_boxes: 0,
            allow_weaker: false,
        }
    }
}

/// A watcher of a run in progress: (stdout so far, CPU ms so far) -> keep going?
pub type Watch<'a> = &'a mut dyn FnMut(&[u8], u64) -> bool;

/// A handle to the sandbox; cheap to clone, safe to use from many threads at once.
#[derive(Clone)]
pub struct Sandbox {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub config: SandboxConfig,
    pub cgroups: Option<CgroupRoot>,
    pub caps: Capabilities,
    seccomp_bpf: Vec<u8>,
    uids: Arc<UidPool>,
    pub pool: Pool,
    /// Finished boxes go here to be torn down (keeper reaped, cgroup removed) off the run's
    /// critical path.
    reaper: std::sync::mpsc::Sender<LiveBox>,
}

impl Inner {
    /// Tears a finished box down in the background.
    pub fn retire(&self, live: LiveBox) {
        if let Err(returned) = self.reaper.send(live) {
            drop(returned.0);
        }
    }
}

/// A built box: the keeper process, its control socket, the read ends of the payload's output
/// pipes and its cgroup. Dropping it kills everything in it and removes the cgroup.
pub(crate) struct LiveBox {
    pub keeper: Child,
    pub control: UnixStream,
    pub stdout: fs::File,
    pub stderr: fs::File,
    pub cgroup: Option<BoxCgroup>,
    pub uid: UidSlot,
}

impl LiveBox {
    pub fn kill(&mut self) {
        let _ = self.keeper.kill();
    }
}

impl Drop for LiveBox {
    fn drop(&mut self) {
        let _ = self.keeper.kill();
        let _ = self.keeper.wait();
        // BoxCgroup's own drop waits until no process is left, then removes it.
    }
}

impl Sandbox {
    pub fn new(config: SandboxConfig) -> Result<Self, SandboxError> {
        let (cgroups, caps) = Capabilities::probe("tandem");
        if cgroups.is_none() && !config.allow_weaker {
            return Err(SandboxError::NoCgroup(caps.weaker.join("; ")));
        }
        if let Some(root) = &cgroups {
            root.remove_stale();
        }
        let root = config.scratch_dir.join("root");
        fs::create_dir_all(&root).map_err(SandboxError::io("create the sandbox scratch dir"))?;
        let seccomp_bpf = crate::seccomp::compile()?;
        let pool = Pool::new(config.warm_boxes);
        let uids = UidPool::new(config.uid_base, config.uid_count, &config.uid_lock_dir)?;
        let (reaper, retired) = std::sync::mpsc::channel::<LiveBox>();
        std::thread::Builder::new()
            .name("tandem-box-reaper".into())
            .spawn(move || retired.into_iter().for_each(drop))
            .map_err(SandboxError::io("start the box reaper thread"))?;
        Ok(Self {
            inner: Arc::new(Inner {
                config,
                cgroups,
                caps,
                seccomp_bpf,
                uids,
                pool,
                reaper,
            }),
        })
    }

    pub fn capabilities(&self) -> &Capabilities {
        &self.inner.caps
    }

    /// Runs one command to completion (blocking). `Err` only when the host itself failed (no box
    /// could be built); anything the payload did is in the outcome.
    pub fn run(&self, spec: &RunSpec) -> Result<RunOutcome, SandboxError> {
        self.run_watched(spec, &mut |_, _| true)
    }

    /// Like `run`, with a watcher called while the run goes on (at least every 50 ms and after
    /// each read of stdout) with the stdout captured so far and the CPU time used; returning
    /// false ends the run as a CPU time limit. Judges use it to stop a harness whose current
    /// test has run past its own limit.
    pub fn run_watched(
        &self,
        spec: &RunSpec,
        watch: Watch<'_>,
    ) -> Result<RunOutcome, SandboxError> {
        validate(spec)?;
        let warm = self.inner.pool.take(&spec.mounts);
        self.refill(&spec.mounts);
        if let Some(live) = warm {
            match supervise(&self.inner, live, spec, watch) {
                // A warm box that died while waiting is replaced by a fresh one once.
                Err(SandboxError::Channel(_)) => {}
                other => return other,
            }
        }
        let live = build_box(&self.inner, &spec.mounts)?;
        supervise(&self.inner, live, spec, watch)
    }

    /// Builds boxes for `plan` in the background so the next run with that plan starts warm.
    pub fn prewarm(&self, plan: &MountPlan) {
        self.refill(plan);
    }

    fn refill(&self, plan: &MountPlan) {
        let inner = Arc::clone(&self.inner);
        let plan = plan.clone();
        if !inner.pool.reserve(&plan) {
            return;
        }
        std::thread::spawn(move || {
            let built = build_box(&inner, &plan);
            inner.pool.put(&plan, built.ok());
        });
    }
}

fn validate(spec: &RunSpec) -> Result<(), SandboxError> {
    let invalid = |message: String| Err(SandboxError::InvalidSpec(message));
    if spec.argv.is_empty() {
        return invalid("argv is empty".into());
    }
    if !spec.cwd.starts_with('/') {
        return invalid(format!("cwd {:?} is not absolute", spec.cwd));
    }
    for file in &spec.files {
        if crate::mounts::box_relative(&file.path).is_none() {
            return invalid(format!(
                "file path {:?} is not a plain relative path",
                file.path
            ));
        }
    }
    for bind in &spec.mounts.binds {
        if !bind.source.is_absolute() || !bind.target.is_absolute() {
            return invalid(format!(
                "bind {} -> {} is not absolute",
                bind.source.display(),
                bind.target.display()
            ));
        }
    }
    let limits = &spec.limits;
    if limits.cpu_ms == 0
        || limits.wall_ms == 0
        || limits.memory_bytes < (1 << 20)
        || limits.processes == 0
    {
        return invalid("limits must be positive (memory at least 1 MiB)".into());
    }
    Ok(())
}

/// Starts a box process for `plan` and waits until it reports its root is built.
pub(crate) fn build_box(inner: &Inner, plan: &MountPlan) -> Result<LiveBox, SandboxError> {
    let uid = inner.uids.acquire()?;
    let id = format!(
        "box-{}-{}",
        std::process::id(),
        NEXT_BOX.fetch_add(1, Ordering::Relaxed)
    );
    let cgroup = inner
        .cgroups
        .as_ref()
        .map(|root| root.create_box(&id))
        .transpose()?;

    let (control, box_control) =
        UnixStream::pair().map_err(SandboxError::io("create control socket"))?;
    let (stdout, box_stdout) = pipe()?;
    let (stderr, box_stderr) = pipe()?;
    let passed = [
        box_control.as_raw_fd(),
        box_stdout.as_raw_fd(),
        box_stderr.as_raw_fd(),
    ];

    let mut command = std::process::Command::new(&inner.config.init_program);
    command
        .arg0("tandem-box")
        .args(&inner.config.init_args)
        .env_clear()
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    // SAFETY: the closure only calls fcntl and dup2, which are async-signal-safe, on
    // descriptors that stay open in the parent until spawn returns.
    unsafe {
        command.pre_exec(move || {
            // First move every descriptor above 10 so no dup2 below overwrites another source.
            let mut high = [0; 3];
            for (i, fd) in passed.iter().enumerate() {
                high[i] = libc::fcntl(*fd, libc::F_DUPFD_CLOEXEC, 10);
                if high[i] < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            for (fd, target) in high.iter().zip([CONTROL_FD, STDOUT_FD, STDERR_FD]) {
                if libc::dup2(*fd, target) < 0 {
                    return Err(std::io::Error::last_os_error());
                }
            }
            Ok(())
        });
    }
    let keeper = command.spawn().map_err(|source| SandboxError::SpawnInit {
        path: inner.config.init_program.clone(),
        source,
    })?;
    drop((box_control, box_stdout, box_stderr));

    let mut live = LiveBox {
        keeper,
        control,
        stdout: stdout.into(),
        stderr: stderr.into(),
        cgroup,
        uid,
    };
    let setup = Setup {
        cgroup_procs: live
            .cgroup
            .as_ref()
            .map(BoxCgroup::procs_files)
            .unwrap_or_default(),
        new_root: inner.config.scratch_dir.join("root"),
        plan: plan.clone(),
        uid: live.uid.uid,
        gid: live.uid.uid,
        seccomp_bpf: inner.seccomp_bpf.clone(),
    };
    write_frame(&mut live.control, &setup)
        .map_err(|e| SandboxError::Channel(format!("send set-up: {e}")))?;
    match read_frame(&mut live.control) {
        Ok(FromBox::Ready) => Ok(live),
        Ok(FromBox::Failed { step, message }) => Err(SandboxError::Setup { step, message }),
        Ok(FromBox::Finished(_)) => Err(SandboxError::Channel(
            "box finished before it was ready".into(),
        )),
        Err(e) => Err(SandboxError::Channel(format!(
            "box did not report ready: {e}"
        ))),
    }
}

fn pipe() -> Result<(OwnedFd, OwnedFd), SandboxError> {
    nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC).map_err(|e| SandboxError::Io {
        what: "create output pipe",
        source: e.into(),
    })
}
