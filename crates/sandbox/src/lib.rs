//! The Tandem sandbox: runs one untrusted command in its own PID, mount, network, IPC, UTS and
//! cgroup namespaces, on a read-only root of bind mounts, as an unprivileged user with
//! no_new_privs, a seccomp filter, rlimits and a cgroup, and reports what happened.
//!
//! This crate knows processes, not languages: callers say which host paths to bind, which files
//! to place, which argv to run and with which limits.
//!
//! Two processes do the work inside the box, both running this crate's [`box_main`] (see
//! `init.rs`): the *keeper*, in the host PID namespace, which joins the cgroup and unshares the
//! namespaces, and its child *init*, PID 1 of the new namespace, which builds the root, waits for
//! a command, forks the payload and reaps everything. Boxes are built ahead of time and kept warm
//! (`pool.rs`), so a run pays only for the fork and exec of the payload.

mod caps;
mod cgroup;
mod collect;
mod error;
mod host;
mod init;
mod mounts;
mod outcome;
mod pool;
mod protocol;
mod seccomp;
mod spec;
mod supervise;
mod uids;

pub use caps::{Capabilities, CgroupVersion};
pub use error::SandboxError;
pub use host::{Sandbox, SandboxConfig, Watch};
pub use init::box_main;
pub use outcome::{Captured, LimitKind, RunOutcome, RunStatus};
pub use seccomp::DENIED_SYSCALLS;
pub use spec::{Bind, FileIn, FileOut, Limits, MountPlan, RunSpec};

/// The argument that turns a binary into the box process: `tandem __box` or `tandem-box`.
pub const BOX_ARG: &str = "__box";
