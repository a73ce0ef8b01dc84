//! The host side: config, the public `Sandbox` handle, and the supervision of one run.

use std::path::PathBuf;

use crate::caps::Capabilities;
use crate::error::SandboxError;
use crate::outcome::RunOutcome;
use crate::spec::{MountPlan, RunSpec};

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
            warm_boxes: 0,
            allow_weaker: false,
        }
    }
}

/// A handle to the sandbox; cheap to clone, safe to use from many threads at once.
#[derive(Clone)]
pub struct Sandbox {}

impl Sandbox {
    pub fn new(config: SandboxConfig) -> Result<Self, SandboxError> {
        let _ = config;
        Err(SandboxError::Channel("not built yet".into()))
    }

    pub fn capabilities(&self) -> &Capabilities {
        unimplemented!()
    }

    /// Runs one command to completion (blocking). `Err` only when the host itself failed (no box
    /// could be built); anything the payload did is in the outcome.
    pub fn run(&self, spec: &RunSpec) -> Result<RunOutcome, SandboxError> {
        let _ = spec;
        Err(SandboxError::Channel("not built yet".into()))
    }

    /// Builds boxes for `plan` in the background so the next run with that plan starts warm.
    pub fn prewarm(&self, plan: &MountPlan) {
        let _ = plan;
    }
}
