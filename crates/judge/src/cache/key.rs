//! The compile cache key: everything that decides what a compiler produces.

use sha2::{Digest, Sha256};

use crate::language::Language;

/// SHA-256 over the language, the toolchain's version, the compile command (flags and
/// environment) and the source. Fields are length-prefixed so no two inputs share an encoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CacheKey([u8; 32]);

/// Bumped when the entry format or what goes into the key changes.
const DOMAIN: &str = "tandem-compile-cache-v1";

impl CacheKey {
    pub fn new(
        language: Language,
        toolchain_version: &str,
        flags: &[String],
        source: &[u8],
    ) -> Self {
        let mut hasher = Sha256::new();
        let mut field = |bytes: &[u8]| {
            hasher.update((bytes.len() as u64).to_le_bytes());
            hasher.update(bytes);
        };
        field(DOMAIN.as_bytes());
        field(language.as_str().as_bytes());
        field(toolchain_version.as_bytes());
        field(&(flags.len() as u64).to_le_bytes());
        for flag in flags {
            field(flag.as_bytes());
        }
        field(source);
        Self(hasher.finalize().into())
    }

    /// The key as 64 lowercase hex digits (the entry's file name).
    pub fn to_hex(&self) -> String {
        hex::encode(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(lang: Language, version: &str, flags: &[&str], source: &str) -> String {
        let flags: Vec<String> = flags.iter().map(|f| f.to_string()).collect();
        CacheKey::new(lang, version, &flags, source.as_bytes()).to_hex()
    }

    #[test]
    fn key_is_stable_across_builds() {
        // A change here invalidates every cache in the field: bump DOMAIN on purpose instead.
        // (Checked independently: SHA-256 of the u64-LE length-prefixed fields.)
        assert_eq!(
            key(
                Language::C,
                "gcc 12.2.0",
                &["-O2", "-std=c17"],
                "int main(){}"
            ),
            "048d183a7695e410ce35a8d8a6fa246a14150e3bd8ddd6fc1c84b2d205f7f227"
        );
    }

    #[test]
    fn every_input_changes_the_key() {
        let base = key(Language::C, "v1", &["-O2"], "src");
        let variants = [
            key(Language::Cpp, "v1", &["-O2"], "src"),
            key(Language::C, "v2", &["-O2"], "src"),
            key(Language::C, "v1", &["-O1"], "src"),
            key(Language::C, "v1", &["-O2", ""], "src"),
            key(Language::C, "v1", &[], "src"),
            key(Language::C, "v1", &["-O2"], "src "),
            // Moving bytes between fields must not collide.
            key(Language::C, "v1-O2", &[], "src"),
            key(Language::C, "v1", &["-O2src"], ""),
        ];
        for variant in variants {
            assert_ne!(base, variant);
        }
        assert_eq!(base, key(Language::C, "v1", &["-O2"], "src"));
    }
}
