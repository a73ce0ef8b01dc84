//! The languages Tandem runs, their stable ids and how they are recognised from a file name.

use std::fmt;
use std::path::Path;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

/// A language the judge can compile and run. The ids (`as_str`) are part of the CLI and API
/// contract and never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Python,
    Javascript,
    Typescript,
    C,
    Cpp,
    Java,
    Rust,
    Go,
    Sql,
}

impl Language {
    /// Every language, in the order `tandem doctor` lists them.
    pub const ALL: [Language; 9] = [
        Language::Python,
        Language::Javascript,
        Language::Typescript,
        Language::C,
        Language::Cpp,
        Language::Java,
        Language::Rust,
        Language::Go,
        Language::Sql,
    ];

    /// The stable id used on the command line and in reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Language::Python => "python",
            Language::Javascript => "javascript",
            Language::Typescript => "typescript",
            Language::C => "c",
            Language::Cpp => "cpp",
            Language::Java => "java",
            Language::Rust => "rust",
            Language::Go => "go",
            Language::Sql => "sql",
        }
    }

    /// The language of a file extension (without the dot, case-sensitive as compilers are).
    pub fn from_extension(ext: &str) -> Option<Language> {
        Some(match ext {
            "py" => Language::Python,
            "js" | "mjs" | "cjs" => Language::Javascript,
            "ts" => Language::Typescript,
            "c" => Language::C,
            "cpp" | "cc" | "cxx" => Language::Cpp,
            "java" => Language::Java,
            "rs" => Language::Rust,
            "go" => Language::Go,
            "sql" => Language::Sql,
            _ => return None,
        })
    }

    /// The language of a source file, from its extension.
    pub fn from_path(path: &Path) -> Option<Language> {
        path.extension()
            .and_then(|ext| ext.to_str())
            .and_then(Language::from_extension)
    }

    /// Whether a run of this language starts with a compile step.
    pub fn compiles(self) -> bool {
        !matches!(
            self,
            Language::Python | Language::Javascript | Language::Sql
        )
    }
}

impl fmt::Display for Language {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An id that names no language; its message lists the valid ones.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown language '{0}' (expected one of: python, javascript, typescript, c, cpp, java, rust, go, sql)"
)]
pub struct UnknownLanguage(pub String);

impl FromStr for Language {
    type Err = UnknownLanguage;

    fn from_str(id: &str) -> Result<Self, Self::Err> {
        Language::ALL
            .into_iter()
            .find(|lang| lang.as_str() == id)
            .ok_or_else(|| UnknownLanguage(id.to_owned()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extensions_map_to_languages() {
        let table = [
            ("main.py", Some(Language::Python)),
            ("a/b/main.js", Some(Language::Javascript)),
            ("main.mjs", Some(Language::Javascript)),
            ("x.ts", Some(Language::Typescript)),
            ("x.c", Some(Language::C)),
            ("x.cpp", Some(Language::Cpp)),
            ("x.cc", Some(Language::Cpp)),
            ("x.cxx", Some(Language::Cpp)),
            ("Main.java", Some(Language::Java)),
            ("main.rs", Some(Language::Rust)),
            ("main.go", Some(Language::Go)),
            ("q.sql", Some(Language::Sql)),
            ("x.h", None),
            ("Makefile", None),
            ("x.PY", None),
            (".py", None),
        ];
        for (path, expected) in table {
            assert_eq!(Language::from_path(Path::new(path)), expected, "{path}");
        }
    }

    #[test]
    fn ids_round_trip() {
        for lang in Language::ALL {
            assert_eq!(lang.as_str().parse::<Language>(), Ok(lang));
            assert_eq!(
                serde_json::to_string(&lang).ok(),
                Some(format!("\"{lang}\""))
            );
        }
        assert!("c++".parse::<Language>().is_err());
    }
}
