//! A loaded problem: plain data, checked on load (see `load.rs`).

use std::collections::BTreeMap;
use std::path::PathBuf;

use serde::Serialize;
use serde_json::Value;

use crate::types::Type;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Difficulty {
    Easy,
    Medium,
    Hard,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Mode {
    /// The user writes a function with a declared signature; a harness calls it per test.
    Function,
    /// The program reads stdin and writes stdout, one process per test.
    Stdio,
    /// The user writes one SQL query, run on each test's database.
    Sql,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ProblemLimits {
    /// CPU time per test for the reference language (C++); other languages get a documented
    /// multiplier.
    pub time_ms: u64,
    pub memory_mib: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Param {
    pub name: String,
    #[serde(serialize_with = "display")]
    pub ty: Type,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Signature {
    pub name: String,
    pub params: Vec<Param>,
    #[serde(serialize_with = "display")]
    pub returns: Type,
}

fn display<S: serde::Serializer, T: std::fmt::Display>(value: &T, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(value)
}

/// How an answer is compared with the expected one.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Checker {
    /// Byte-for-byte after normalising line endings and trailing whitespace at the end.
    Exact,
    /// Whitespace-separated tokens must match.
    Tokens,
    /// Numbers match within `abs` or `rel` tolerance; other tokens exactly.
    Float { abs: f64, rel: f64 },
    /// The answer is a collection whose order does not matter.
    Unordered,
    /// A checker program decides (several right answers).
    Program { path: PathBuf },
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "mode", rename_all = "lowercase")]
pub enum TestCase {
    Function {
        name: String,
        args: Vec<Value>,
        expected: Value,
    },
    Stdio {
        name: String,
        input: String,
        output: String,
    },
    Sql {
        name: String,
        setup: String,
        expected: SqlRows,
    },
}

impl TestCase {
    pub fn name(&self) -> &str {
        match self {
            TestCase::Function { name, .. }
            | TestCase::Stdio { name, .. }
            | TestCase::Sql { name, .. } => name,
        }
    }
}

/// The expected result set of a SQL test.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SqlRows {
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Value>>,
}

/// A file under `solutions/` (or `solutions/wrong/`), relative to the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Solution {
    pub path: PathBuf,
    /// File extension, which names the language (`py`, `cpp`, `java` ...).
    pub extension: String,
    /// For wrong solutions: the verdict it must get (`wrong_answer`, `time_limit_exceeded` ...).
    pub expect: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// Where the package was loaded from.
    pub dir: PathBuf,
    pub slug: String,
    pub title: String,
    pub difficulty: Difficulty,
    pub topics: Vec<String>,
    pub time_estimate_minutes: u32,
    pub mode: Mode,
    pub limits: ProblemLimits,
    pub signature: Option<Signature>,
    pub checker: Checker,
    /// Constraints as the statement shows them.
    pub constraints: Vec<String>,
    /// Whether a SQL answer's row order matters.
    pub sql_ordered: bool,
    pub statement: String,
    /// Translations of the statement by locale (`statement.<locale>.md`).
    pub translations: BTreeMap<String, String>,
    /// Hint tiers, gentlest first.
    pub hints: Vec<String>,
    pub public_tests: Vec<TestCase>,
    pub hidden_tests: Vec<TestCase>,
    pub solutions: Vec<Solution>,
    pub wrong_solutions: Vec<Solution>,
    /// `generator.py`: prints an input of size N.
    pub generator: Option<PathBuf>,
    /// `validator.py`: exits 0 when a test input respects the constraints.
    pub validator: Option<PathBuf>,
}
