//! The problem package format (see docs/problem-format.md): loading with errors that name the
//! file, the field and what was expected; the signature type set; the built-in bank.
//!
//! This crate knows files and data only: proving a package (running its solutions) is the
//! judge's job.

mod error;
pub mod kattis;
mod limits;
mod load;
mod manifest;
mod model;
mod types;

pub use error::{LoadError, PackageError};
pub use kattis::KattisError;
pub use load::{WRONG_VERDICTS, load_package};
pub use model::{
    Checker, Difficulty, Mode, Param, Problem, ProblemLimits, Signature, Solution, SqlRows,
    TestCase,
};
pub use types::{Type, TypeError};
