//! Function mode: the user writes one function with a declared signature; a generated harness
//! calls it once per test inside one process and reports each result on a channel of its own.
//!
//! The protocol (docs/harness-protocol.md): the host writes the tests as typed tokens on stdin
//! (`encode.rs`); the harness keeps the process's real stdout for records and captures what the
//! user prints per test (`records.rs`). The harness never sees expected answers: comparison
//! happens on the host, so forging a record gains nothing.
//!
//! Each language composes the user's source and its harness into ONE source file with the
//! user's code first (or, in C++, behind a `#line 1` directive) so compiler messages keep the
//! user's line numbers, and reuses the language's ordinary recipe to compile and run it.

pub mod encode;
pub mod records;
mod run;

pub(crate) use run::{FunctionRequest, run_function_observed};
pub use run::{HARNESS_OUTPUT_LIMIT, HarnessRun, TestDeadline, run_function};

mod cpp;
mod go;
mod java;
mod javascript;
mod python;
mod rust;

use serde_json::Value;
use tandem_problems::{Signature, Type};

use crate::language::Language;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum HarnessError {
    #[error("function mode is not available in {language}: {reason}")]
    Unsupported { language: Language, reason: String },
}

/// Starter code for `language`: the function (or class/method) with the right signature and
/// an empty body, plus the ListNode/TreeNode definitions as comments where the signature uses
/// them.
pub fn stub(language: Language, signature: &Signature) -> Result<String, HarnessError> {
    check_supported(language, signature)?;
    match language {
        Language::Python => python::stub(signature),
        Language::Javascript => javascript::stub(signature, false),
        Language::Typescript => javascript::stub(signature, true),
        Language::Cpp => cpp::stub(signature),
        Language::Java => java::stub(signature),
        Language::Rust => rust::stub(signature),
        Language::Go => go::stub(signature),
        Language::C | Language::Sql => {
            Err(unsupported(language, "it has stdio and sql problems only"))
        }
    }
}

/// The program to compile and run: the user's source and the harness, as one file.
pub fn compose(
    language: Language,
    signature: &Signature,
    user_source: &str,
) -> Result<String, HarnessError> {
    check_supported(language, signature)?;
    match language {
        Language::Python => python::compose(signature, user_source),
        Language::Javascript => javascript::compose(signature, user_source, false),
        Language::Typescript => javascript::compose(signature, user_source, true),
        Language::Cpp => cpp::compose(signature, user_source),
        Language::Java => java::compose(signature, user_source),
        Language::Rust => rust::compose(signature, user_source),
        Language::Go => go::compose(signature, user_source),
        Language::C | Language::Sql => {
            Err(unsupported(language, "it has stdio and sql problems only"))
        }
    }
}

pub(crate) fn unsupported(language: Language, reason: &str) -> HarnessError {
    HarnessError::Unsupported {
        language,
        reason: reason.to_string(),
    }
}

fn uses_any(ty: &Type) -> bool {
    match ty {
        Type::Any => true,
        Type::List(inner) | Type::Map(inner) => uses_any(inner),
        _ => false,
    }
}

/// `any` exists for dynamic languages only.
fn check_supported(language: Language, signature: &Signature) -> Result<(), HarnessError> {
    let dynamic = matches!(
        language,
        Language::Python | Language::Javascript | Language::Typescript
    );
    let any = signature.params.iter().any(|p| uses_any(&p.ty)) || uses_any(&signature.returns);
    if any && !dynamic {
        return Err(unsupported(
            language,
            "the signature uses `any`, which only python, javascript and typescript accept",
        ));
    }
    Ok(())
}

/// `pairSum` → `pair_sum` (Rust's naming of functions and parameters).
pub(crate) fn snake_case(name: &str) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A fresh random nonce for one harness run (hex, 32 characters).
pub fn nonce() -> String {
    let mut bytes = [0u8; 16];
    if let Ok(mut file) = std::fs::File::open("/dev/urandom") {
        let _ = std::io::Read::read_exact(&mut file, &mut bytes);
    }
    hex::encode(bytes)
}

/// The arguments of function-mode tests, as the harness input for `signature`.
pub fn harness_input(
    nonce: &str,
    signature: &Signature,
    tests: &[&[Value]],
) -> Result<String, encode::EncodeError> {
    let params: Vec<Type> = signature.params.iter().map(|p| p.ty.clone()).collect();
    encode::encode_tests(nonce, &params, tests.iter().copied())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_case_of_camel_names() {
        assert_eq!(snake_case("pairSum"), "pair_sum");
        assert_eq!(snake_case("maxDepthOfTree"), "max_depth_of_tree");
        assert_eq!(snake_case("f"), "f");
    }
}
