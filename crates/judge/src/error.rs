//! Errors of the judge. A run whose program misbehaves is not an error (that is a status in the
//! report); these are the cases where no run could be carried out.

use std::path::PathBuf;

use tandem_sandbox::SandboxError;

use crate::language::Language;

#[derive(Debug, thiserror::Error)]
pub enum JudgeError {
    #[error("{language} is not available on this host: {reason}")]
    Unavailable { language: Language, reason: String },
    #[error("invalid request for {language}: {message}")]
    InvalidRequest { language: Language, message: String },
    #[error("the sandbox could not carry out the {step} step: {source}")]
    Sandbox {
        step: &'static str,
        source: SandboxError,
    },
    /// The caller's observer asked the judge to stop (`JudgeObserver::cancelled`); whatever ran
    /// was killed and no report was made.
    #[error("the run was cancelled")]
    Cancelled,
    /// A learner's custom input cannot be run: the message says which line or parameter is
    /// wrong and what was expected, or which constraint the input breaks.
    #[error("invalid custom input: {0}")]
    InvalidCustomInput(String),
}

/// What went wrong in the compile cache. The judge treats every cache failure as a miss (the
/// compiler runs) and reports it next to the result; it never fails a run.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    #[error("cache directory {path}: {source}")]
    Dir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cache directory {path} is not a real directory (a symlink or another kind of file)")]
    NotADirectory { path: PathBuf },
    #[error("cache entry {path}: {source}")]
    Entry {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cache entry {path} is damaged: {reason}")]
    Damaged { path: PathBuf, reason: String },
    #[error("artifact path '{path}' is not a plain relative path")]
    BadArtifactPath { path: String },
}
