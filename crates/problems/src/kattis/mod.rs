//! The ICPC/Kattis problem package format (problem.yaml, problem_statement/, data/sample,
//! data/secret, submissions/): import into a Tandem package and export of one.
//! See docs/problem-format.md, "Kattis import and export".
//!
//! - `read.rs` reads a Kattis package into a `read::Draft` (our package, in memory), with
//!   `yaml.rs` (problem.yaml, testdata.yaml) and `data.rs` (test data, names, validator flags);
//! - `ours.rs` turns a draft into the files of a Tandem package;
//! - `write.rs` turns a loaded [`Problem`] into the files of a Kattis package;
//! - `tex.rs` converts LaTeX statements to Markdown (roughly);
//! - this file: the errors, bounded file access, and the two entry points.
//!
//! Files only: nothing here runs a program. Nothing in a source package is read through a
//! symlink or past the size limits of `crate::limits`.

mod data;
mod ours;
mod read;
mod tex;
mod write;
mod yaml;

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use crate::error::LoadError;
use crate::load::load_package;
use crate::model::Problem;

/// The last line of an imported statement.
pub const IMPORT_FOOTER: &str = "*Imported from a Kattis package.*";

/// Why an import or an export was refused. Paths are the ones read or written.
#[derive(Debug, thiserror::Error)]
pub enum KattisError {
    /// The cause is part of the message (not a `source`), so that it is printed once.
    #[error("{}: {error}", path.display())]
    Io { path: PathBuf, error: io::Error },
    #[error("{}: is a symlink; symlinks in a package are never followed", path.display())]
    Symlink { path: PathBuf },
    #[error("{}: expected {expected}", path.display())]
    WrongKind {
        path: PathBuf,
        expected: &'static str,
    },
    #[error("{}: is {size} bytes; the limit is {limit} bytes ({limit_name})", path.display())]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
        limit_name: &'static str,
    },
    #[error("{}: is not UTF-8 text", path.display())]
    NotText { path: PathBuf },
    #[error("{}: not valid YAML: {message}", path.display())]
    Yaml { path: PathBuf, message: String },
    #[error("{}: {field}: {message}", path.display())]
    Field {
        path: PathBuf,
        field: String,
        message: String,
    },
    #[error(
        "{what}: custom output validators are not imported yet (they speak the Kattis validator \
         protocol: exit codes 42/43 and a feedback directory, not Tandem's checker protocol); \
         only packages judged by the default validator can be imported"
    )]
    CustomValidator { what: String },
    #[error("{what}: interactive problems cannot be imported (Tandem has no interactive mode)")]
    Interactive { what: String },
    #[error(
        "{}: validator flag {flag:?} is not supported; the default validator's flags are \
         case_sensitive, space_change_sensitive, float_tolerance E, float_relative_tolerance E \
         and float_absolute_tolerance E",
        path.display()
    )]
    ValidatorFlag { path: PathBuf, flag: String },
    #[error("{}: has no matching answer file {answer}", input.display())]
    MissingAnswer { input: PathBuf, answer: String },
    #[error("{}: holds {count} tests; the limit is {limit} (MAX_TESTS)", dir.display())]
    TooManyTests {
        dir: PathBuf,
        count: usize,
        limit: usize,
    },
    #[error(
        "{}: its tests add up to more than {limit} bytes (MAX_TESTS_FILE_BYTES, the size of one \
         tests file of a Tandem package)",
        dir.display()
    )]
    TestsTooLarge { dir: PathBuf, limit: u64 },
    #[error(
        "{}: no sample test: data/sample/ needs at least one .in/.ans pair (samples become the \
         public tests)",
        dir.display()
    )]
    NoSamples { dir: PathBuf },
    #[error(
        "{}: no statement: expected problem_statement/problem.en.md, problem.md, problem.en.tex \
         or problem.tex (or the same under statement/)",
        dir.display()
    )]
    NoStatement { dir: PathBuf },
    #[error("{}: {message}", path.display())]
    Name { path: PathBuf, message: String },
    #[error("{}: already exists; import writes a new package directory", path.display())]
    Exists { path: PathBuf },
    #[error("{}: is not empty; export writes into a new or empty directory", path.display())]
    NotEmpty { path: PathBuf },
    #[error("the imported package does not load: {0}")]
    Load(LoadError),
    #[error(
        "{slug} is a {mode}-mode problem; the Kattis format has stdin/stdout problems only, so \
         only stdio problems can be exported"
    )]
    NotStdio { slug: String, mode: &'static str },
    #[error("{slug}: {message}")]
    Checker { slug: String, message: String },
}

/// An imported package: loaded from its new directory, with notes on what was changed or left
/// out on the way.
#[derive(Debug)]
pub struct Imported {
    pub problem: Problem,
    pub notes: Vec<String>,
}

/// An exported package.
#[derive(Debug)]
pub struct Exported {
    pub dir: PathBuf,
    /// Files written, relative to `dir`.
    pub files: Vec<PathBuf>,
    pub notes: Vec<String>,
}

/// Imports the Kattis package `src` as a Tandem package `dest/<slug>` (the slug comes from the
/// name of `src`). The package is written in a staging directory inside `dest`, loaded with
/// `load_package`, and moved into place only when it loads.
pub fn import_package(src: &Path, dest: &Path) -> Result<Imported, KattisError> {
    let draft = read::read(src)?;
    let target = dest.join(&draft.slug);
    if fs::symlink_metadata(&target).is_ok() {
        return Err(KattisError::Exists { path: target });
    }
    fs::create_dir_all(dest).map_err(io_error(dest))?;
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or_default();
    let staging_root = dest.join(format!(".tandem-import-{}-{nanos}", std::process::id()));
    let staging = staging_root.join(&draft.slug);
    let result = (|| {
        fs::create_dir_all(&staging).map_err(io_error(&staging))?;
        write_files(&staging, &ours::files(&draft))?;
        let problem = load_package(&staging).map_err(|mut e| {
            e.dir = target.clone();
            KattisError::Load(e)
        })?;
        fs::rename(&staging, &target).map_err(io_error(&target))?;
        Ok(problem)
    })();
    let _ = fs::remove_dir_all(&staging_root);
    let mut problem = result?;
    problem.dir = target;
    Ok(Imported {
        problem,
        notes: draft.notes,
    })
}

/// Exports a loaded stdio problem as a Kattis package in `dest`, which must be new or empty.
/// Every refusal (mode, checker) comes before anything is written.
pub fn export_package(problem: &Problem, dest: &Path) -> Result<Exported, KattisError> {
    let (files, mut notes) = write::files(problem)?;
    if dest.file_name().and_then(|n| n.to_str()) != Some(problem.slug.as_str()) {
        notes.push(format!(
            "Kattis tools take a problem's short name from its directory name; this one is \
             not {:?}",
            problem.slug
        ));
    }
    let created = match fs::symlink_metadata(dest) {
        Ok(meta) if meta.file_type().is_symlink() => {
            return Err(KattisError::Symlink {
                path: dest.to_path_buf(),
            });
        }
        Ok(meta) if !meta.is_dir() => {
            return Err(KattisError::WrongKind {
                path: dest.to_path_buf(),
                expected: "a directory",
            });
        }
        Ok(_) => {
            let mut entries = fs::read_dir(dest).map_err(io_error(dest))?;
            if entries.next().is_some() {
                return Err(KattisError::NotEmpty {
                    path: dest.to_path_buf(),
                });
            }
            false
        }
        Err(_) => {
            fs::create_dir_all(dest).map_err(io_error(dest))?;
            true
        }
    };
    if let Err(e) = write_files(dest, &files) {
        // Leave the destination as it was found.
        if created {
            let _ = fs::remove_dir_all(dest);
        } else if let Ok(entries) = fs::read_dir(dest) {
            for entry in entries.flatten() {
                let _ = fs::remove_dir_all(entry.path()).or_else(|_| fs::remove_file(entry.path()));
            }
        }
        return Err(e);
    }
    Ok(Exported {
        dir: dest.to_path_buf(),
        files: files.into_iter().map(|f| f.path).collect(),
        notes,
    })
}

/// A file to write, relative to a package directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutFile {
    pub path: PathBuf,
    pub bytes: Vec<u8>,
}

impl OutFile {
    pub fn new(path: impl Into<PathBuf>, bytes: impl Into<Vec<u8>>) -> OutFile {
        OutFile {
            path: path.into(),
            bytes: bytes.into(),
        }
    }
}

fn write_files(dir: &Path, files: &[OutFile]) -> Result<(), KattisError> {
    for file in files {
        let path = dir.join(&file.path);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(io_error(parent))?;
        }
        fs::write(&path, &file.bytes).map_err(io_error(&path))?;
    }
    Ok(())
}

pub(crate) fn io_error(path: &Path) -> impl FnOnce(io::Error) -> KattisError + '_ {
    move |error| KattisError::Io {
        path: path.to_path_buf(),
        error,
    }
}

/// What a directory entry is; symlinks are refused before an entry is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    File {
        len: u64,
    },
    Dir,
    /// Sockets, devices, fifos: never read.
    Other,
}

#[derive(Debug, Clone)]
pub(crate) struct Entry {
    pub name: String,
    pub path: PathBuf,
    pub kind: Kind,
}

/// The kind of `path` without following a symlink; `None` when it does not exist; a symlink is
/// an error.
pub(crate) fn kind_of(path: &Path) -> Result<Option<Kind>, KattisError> {
    match fs::symlink_metadata(path) {
        Ok(meta) => classify(path, &meta).map(Some),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(KattisError::Io {
            path: path.to_path_buf(),
            error: e,
        }),
    }
}

fn classify(path: &Path, meta: &fs::Metadata) -> Result<Kind, KattisError> {
    let kind = meta.file_type();
    if kind.is_symlink() {
        Err(KattisError::Symlink {
            path: path.to_path_buf(),
        })
    } else if kind.is_file() {
        Ok(Kind::File { len: meta.len() })
    } else if kind.is_dir() {
        Ok(Kind::Dir)
    } else {
        Ok(Kind::Other)
    }
}

/// The entries of a directory sorted by name (byte order, as Kattis orders test files). Any
/// symlink among them is an error; so is a name that is not UTF-8.
pub(crate) fn list_dir(dir: &Path) -> Result<Vec<Entry>, KattisError> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir).map_err(io_error(dir))? {
        let entry = entry.map_err(io_error(dir))?;
        let path = entry.path();
        let Some(name) = entry.file_name().to_str().map(str::to_string) else {
            return Err(KattisError::Name {
                path,
                message: "the file name is not UTF-8".into(),
            });
        };
        let meta = fs::symlink_metadata(&path).map_err(io_error(&path))?;
        let kind = classify(&path, &meta)?;
        entries.push(Entry { name, path, kind });
    }
    entries.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(entries)
}

/// Reads a regular file (never through a symlink) of at most `limit` bytes.
pub(crate) fn read_bytes(
    path: &Path,
    limit: u64,
    limit_name: &'static str,
) -> Result<Vec<u8>, KattisError> {
    let len = match kind_of(path)? {
        Some(Kind::File { len }) => len,
        Some(_) => {
            return Err(KattisError::WrongKind {
                path: path.to_path_buf(),
                expected: "a regular file",
            });
        }
        None => {
            return Err(KattisError::Io {
                path: path.to_path_buf(),
                error: io::Error::from(io::ErrorKind::NotFound),
            });
        }
    };
    let too_large = |size| KattisError::TooLarge {
        path: path.to_path_buf(),
        size,
        limit,
        limit_name,
    };
    if len > limit {
        return Err(too_large(len));
    }
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    fs::File::open(path)
        .and_then(|file| file.take(limit.saturating_add(1)).read_to_end(&mut bytes))
        .map_err(io_error(path))?;
    // The file may have grown between the check and the read.
    if bytes.len() as u64 > limit {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Reads a regular UTF-8 text file of at most `limit` bytes.
pub(crate) fn read_text(
    path: &Path,
    limit: u64,
    limit_name: &'static str,
) -> Result<String, KattisError> {
    String::from_utf8(read_bytes(path, limit, limit_name)?).map_err(|_| KattisError::NotText {
        path: path.to_path_buf(),
    })
}
