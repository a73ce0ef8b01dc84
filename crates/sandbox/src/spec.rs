//! What a caller asks the sandbox to run: the mount plan, the files, the command and its limits.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Where a host path appears inside the box. Every bind is read-only, nosuid and nodev.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Bind {
    /// Absolute host path (file or directory).
    pub source: PathBuf,
    /// Absolute path inside the box.
    pub target: PathBuf,
}

impl Bind {
    /// A bind of a host path at the same place inside the box.
    pub fn same(path: impl Into<PathBuf>) -> Self {
        let path = path.into();
        Self {
            source: path.clone(),
            target: path,
        }
    }
}

/// The shape of a box's file system. Boxes with equal plans are interchangeable, which is what
/// lets the sandbox keep warm boxes ready before a run is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MountPlan {
    /// Read-only binds that make up the root (toolchains, libraries, a few /etc files).
    pub binds: Vec<Bind>,
    /// Size cap of the writable work dir `/box`, in MiB.
    pub work_mib: u64,
    /// Size cap of `/tmp` (and, separately, `/dev/shm`), in MiB.
    pub tmp_mib: u64,
}

impl Default for MountPlan {
    fn default() -> Self {
        Self {
            binds: Vec::new(),
            work_mib: 64,
            tmp_mib: 64,
        }
    }
}

/// A file placed in `/box` before the command starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileIn {
    /// Path relative to `/box`; no `..`, no leading `/`.
    pub path: String,
    #[serde(with = "serde_bytes")]
    pub contents: Vec<u8>,
    pub executable: bool,
}

/// A file read back out of `/box` after the run (compiler output, for instance).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileOut {
    /// Path relative to `/box`.
    pub path: String,
    #[serde(with = "serde_bytes")]
    pub contents: Vec<u8>,
    pub executable: bool,
}

/// Resource limits of one run. Every field has a default; the CLI and config name them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    /// CPU time of the whole process tree, summed over threads and processes.
    pub cpu_ms: u64,
    /// Wall-clock time from start to the last process's exit.
    pub wall_ms: u64,
    /// Memory of the whole process tree (cgroup), tmpfs pages included.
    pub memory_bytes: u64,
    /// Processes and threads alive at once.
    pub processes: u32,
    /// Bytes of stdout kept; more ends the run with output_limit_exceeded.
    pub stdout_bytes: u64,
    /// Bytes of stderr kept; more is dropped and marked truncated (it does not end the run).
    pub stderr_bytes: u64,
    /// Largest file the program may write (RLIMIT_FSIZE).
    pub file_size_bytes: u64,
    /// Open file descriptors per process (RLIMIT_NOFILE).
    pub open_files: u64,
    /// Stack size of the main thread (RLIMIT_STACK).
    pub stack_bytes: u64,
    /// RLIMIT_AS: only for callers that want it; runtimes such as the JVM and Go reserve far more
    /// address space than they use, so memory is normally limited by the cgroup alone.
    pub address_space_bytes: Option<u64>,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            cpu_ms: 2_000,
            wall_ms: 10_000,
            memory_bytes: 256 << 20,
            processes: 64,
            stdout_bytes: 1 << 20,
            stderr_bytes: 64 << 10,
            file_size_bytes: 16 << 20,
            open_files: 256,
            stack_bytes: 64 << 20,
            address_space_bytes: None,
        }
    }
}

/// One run: which box, which files, which command, which limits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RunSpec {
    pub mounts: MountPlan,
    pub files: Vec<FileIn>,
    /// `argv[0]` is an absolute path inside the box, or relative to `cwd`; no PATH search.
    pub argv: Vec<String>,
    /// The whole environment of the program; nothing is inherited from the host.
    pub env: Vec<(String, String)>,
    /// Absolute working directory inside the box (normally `/box`).
    pub cwd: String,
    pub stdin: Vec<u8>,
    pub limits: Limits,
    /// Paths relative to `/box` to read back after the run; a directory is read recursively.
    /// Symlinks are never followed; missing paths are skipped.
    pub collect: Vec<String>,
}

impl RunSpec {
    /// A spec with default limits, the given mounts and command, and `/box` as working dir.
    pub fn new(mounts: MountPlan, argv: Vec<String>) -> Self {
        Self {
            mounts,
            files: Vec::new(),
            argv,
            env: vec![("PATH".into(), "/usr/local/bin:/usr/bin:/bin".into())],
            cwd: "/box".into(),
            stdin: Vec::new(),
            limits: Limits::default(),
            collect: Vec::new(),
        }
    }
}
