//! Languages and judging on top of the sandbox: which toolchains this host has
//! ([`Toolchains`]), how each language is compiled and run ([`recipe`]), the compile cache
//! ([`CompileCache`]), and [`run_source`], which puts them together for `tandem run`.
//!
//! The judge never starts a process itself except trusted version probes during detection;
//! everything that touches user code goes through an [`Executor`] (the sandbox).

pub mod cache;
pub mod check;
mod compile;
mod error;
pub mod function;
pub mod judging;
mod language;
pub mod recipe;
mod refine;
mod report;
mod run;
mod toolchain;
pub mod validate;

pub use cache::{CacheKey, CompileCache};
pub use error::{CacheError, JudgeError};
pub use language::{Language, UnknownLanguage};
pub use recipe::{RunOptions, Standard, UnknownStandard};
pub use refine::run_status;
pub use report::{CompileReport, RunReport, Status};
pub use run::{Executor, RunRequest, run_source, run_source_watched};
pub use toolchain::{
    Availability, DEFAULT_NODE_MODULES, Search, Toolchain, ToolchainSummary, Toolchains,
};
