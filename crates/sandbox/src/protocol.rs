//! Messages between the host and the box's init over the control socket: a little-endian u32
//! length, then a postcard-encoded message. Only trusted code (host and init) ever holds the
//! socket: the payload is started with every descriptor above 2 closed.

use std::io::{Read, Write};
use std::path::PathBuf;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::spec::{FileIn, FileOut, MountPlan};

/// Largest frame either side accepts: files sent in or collected out are bounded well below it.
pub const MAX_FRAME: usize = 1 << 30;

/// Sent once, right after the box process starts: how to build the box.
#[derive(Debug, Serialize, Deserialize)]
pub struct Setup {
    /// `cgroup.procs` files the box joins before it unshares (one per v1 hierarchy, or one v2).
    pub cgroup_procs: Vec<PathBuf>,
    /// An empty host directory used as the mount point of the new root (in the box's own mount
    /// namespace, so boxes share it without seeing each other).
    pub new_root: PathBuf,
    pub plan: MountPlan,
    pub uid: u32,
    pub gid: u32,
    /// The payload's seccomp filter as compiled BPF (see `seccomp::compile`).
    #[serde(with = "serde_bytes")]
    pub seccomp_bpf: Vec<u8>,
}

/// Resource limits applied with setrlimit in the payload process.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub struct Rlimits {
    pub cpu_seconds: u64,
    pub file_size_bytes: u64,
    pub open_files: u64,
    pub stack_bytes: u64,
    pub processes: u64,
    pub address_space_bytes: Option<u64>,
}

/// Sent when a run is asked for.
#[derive(Debug, Serialize, Deserialize)]
pub struct Command {
    pub files: Vec<FileIn>,
    pub argv: Vec<String>,
    pub env: Vec<(String, String)>,
    pub cwd: String,
    #[serde(with = "serde_bytes")]
    pub stdin: Vec<u8>,
    pub rlimits: Rlimits,
    pub collect: Vec<String>,
    pub collect_limit_bytes: u64,
}

/// The host's borrowed view of a `Command`: encodes to the same bytes without copying the
/// files and stdin.
#[derive(Debug, Serialize)]
pub struct CommandRef<'a> {
    pub files: &'a [FileIn],
    pub argv: &'a [String],
    pub env: &'a [(String, String)],
    pub cwd: &'a str,
    #[serde(with = "serde_bytes")]
    pub stdin: &'a [u8],
    pub rlimits: Rlimits,
    pub collect: &'a [String],
    pub collect_limit_bytes: u64,
}

/// How the payload's main process ended, as init saw it.
#[derive(Debug, Serialize, Deserialize)]
pub struct Finished {
    pub exit_code: Option<i32>,
    pub signal: Option<i32>,
    /// From the fork of the payload to the reaping of its main process.
    pub wall_us: u64,
    /// CPU of every process init reaped (the whole tree), for hosts without cgroup accounting.
    pub children_cpu_us: u64,
    /// CPU init itself spent on this command (placing files, collecting them): the host
    /// subtracts it from the cgroup's figure so the payload is not charged for it.
    pub init_cpu_us: u64,
    /// Largest resident set of any reaped process.
    pub children_maxrss_kib: u64,
    /// execve failed: the program could not be started at all.
    pub exec_error: Option<String>,
    pub files: Vec<FileOut>,
    pub collect_error: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
pub enum FromBox {
    /// The box is built and waits for a command.
    Ready,
    /// Set-up failed at the named step.
    Failed {
        step: String,
        message: String,
    },
    Finished(Finished),
}

#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("i/o: {0}")]
    Io(#[from] std::io::Error),
    #[error("frame of {0} bytes exceeds the limit")]
    TooLarge(usize),
    #[error("malformed message: {0}")]
    Decode(#[from] postcard::Error),
}

pub fn write_frame<T: Serialize>(out: &mut impl Write, message: &T) -> Result<(), FrameError> {
    let bytes = postcard::to_stdvec(message)?;
    if bytes.len() > MAX_FRAME {
        return Err(FrameError::TooLarge(bytes.len()));
    }
    let len = u32::try_from(bytes.len()).map_err(|_| FrameError::TooLarge(bytes.len()))?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(&bytes)?;
    out.flush()?;
    Ok(())
}

pub fn read_frame<T: DeserializeOwned>(input: &mut impl Read) -> Result<T, FrameError> {
    let mut len = [0u8; 4];
    input.read_exact(&mut len)?;
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(FrameError::TooLarge(len));
    }
    let mut bytes = vec![0u8; len];
    input.read_exact(&mut bytes)?;
    Ok(postcard::from_bytes(&bytes)?)
}
