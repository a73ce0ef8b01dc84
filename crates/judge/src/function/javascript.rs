//! Function-mode stub and harness for javascript and typescript (being written; see
//! docs/harness-protocol.md).

use tandem_problems::Signature;

use super::{HarnessError, unsupported};
use crate::language::Language;

fn language(typescript: bool) -> Language {
    if typescript {
        Language::Typescript
    } else {
        Language::Javascript
    }
}

pub fn stub(_signature: &Signature, typescript: bool) -> Result<String, HarnessError> {
    Err(unsupported(language(typescript), "not written yet"))
}

pub fn compose(
    _signature: &Signature,
    _user_source: &str,
    typescript: bool,
) -> Result<String, HarnessError> {
    Err(unsupported(language(typescript), "not written yet"))
}
