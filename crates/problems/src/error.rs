//! Load errors name the file, the field and what was expected; a load reports all of them.

use std::fmt;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackageError {
    /// Path relative to the package directory.
    pub file: String,
    /// Dotted field path inside the file (`limits.time_ms`, `[3].args[0]`), or empty.
    pub field: String,
    pub message: String,
}

impl fmt::Display for PackageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.field, self.message)
        }
    }
}

/// Every problem found in one package.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct LoadError {
    pub dir: PathBuf,
    pub errors: Vec<PackageError>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "problem package {} has {} error(s):",
            self.dir.display(),
            self.errors.len()
        )?;
        for error in &self.errors {
            write!(f, "\n  {error}")?;
        }
        Ok(())
    }
}

/// Collects errors while a package is read.
#[derive(Debug, Default)]
pub(crate) struct Errors(pub Vec<PackageError>);

impl Errors {
    pub fn push(&mut self, file: &str, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(PackageError {
            file: file.to_string(),
            field: field.into(),
            message: message.into(),
        });
    }
}
