//! Errors of the host side. Each variant names the step that failed and on what.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum SandboxError {
    #[error("invalid run request: {0}")]
    InvalidSpec(String),
    #[error("sandbox init program {path} cannot be started: {source}")]
    SpawnInit {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cgroup {action} at {path}: {source}")]
    Cgroup {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "no usable cgroup (memory, pids and CPU accounting); {0}. Set sandbox.allow_weaker to run without one"
    )]
    NoCgroup(String),
    #[error("sandbox control channel: {0}")]
    Channel(String),
    #[error("box set-up failed at step '{step}': {message}")]
    Setup { step: String, message: String },
    #[error(transparent)]
    Seccomp(#[from] crate::seccomp::SeccompError),
    #[error("{what}: {source}")]
    Io {
        what: &'static str,
        source: std::io::Error,
    },
}

impl SandboxError {
    pub(crate) fn io(what: &'static str) -> impl FnOnce(std::io::Error) -> Self {
        move |source| Self::Io { what, source }
    }
}
