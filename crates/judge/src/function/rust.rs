//! Function-mode stub and harness for rust (being written; see docs/harness-protocol.md).

use tandem_problems::Signature;

use super::{HarnessError, unsupported};
use crate::language::Language;

pub fn stub(_signature: &Signature) -> Result<String, HarnessError> {
    Err(unsupported(Language::Rust, "not written yet"))
}

pub fn compose(_signature: &Signature, _user_source: &str) -> Result<String, HarnessError> {
    Err(unsupported(Language::Rust, "not written yet"))
}
