//! The compile cache: artifacts of successful compiles, keyed by [`CacheKey`], one file per
//! entry in one directory, bounded in total size.
//!
//! Invariants:
//! - Readers never see a partial entry: an entry is written to a temporary file in the same
//!   directory and published with `rename`, which is atomic. A damaged entry (crash, full disk)
//!   fails its checksum, is removed and counts as a miss.
//! - The host never follows a symlink here: entries are opened with `O_NOFOLLOW` and must be
//!   regular files; the directory itself must be a real directory. Artifact paths are checked on
//!   the way in and on the way out (see `entry::validate_path`).
//! - The total size stays under the bound: after each write, the least recently used entries
//!   (oldest mtime; a hit refreshes it) are removed until the rest fits.
//! - Only successful compiles are stored; a compile error always runs the compiler again.

mod entry;
mod key;

use std::fs::{self, File, OpenOptions};
use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

pub use entry::{Entry, validate_path};
pub use key::CacheKey;

use crate::error::CacheError;

/// Default bound of the cache's total size.
pub const DEFAULT_MAX_BYTES: u64 = 512 << 20;
/// Entries larger than this are neither written nor read.
const MAX_ENTRY_BYTES: u64 = 256 << 20;
/// Temporary files older than this were left by a writer that died; eviction removes them.
const STALE_TEMP: Duration = Duration::from_secs(15 * 60);
const ENTRY_SUFFIX: &str = ".entry";
const TEMP_PREFIX: &str = ".tmp-";

static TEMP_SEQ: AtomicU64 = AtomicU64::new(0);

/// A compile cache rooted at one directory. Cheap to clone; safe to share between threads and
/// between processes using the same directory.
#[derive(Debug, Clone)]
pub struct CompileCache {
    dir: PathBuf,
    max_bytes: u64,
}

impl CompileCache {
    /// `$XDG_CACHE_HOME/tandem/compile` when that variable holds an absolute path, else
    /// `/var/cache/tandem/compile`.
    pub fn default_dir() -> PathBuf {
        match std::env::var_os("XDG_CACHE_HOME").map(PathBuf::from) {
            Some(base) if base.is_absolute() => base.join("tandem/compile"),
            _ => PathBuf::from("/var/cache/tandem/compile"),
        }
    }

    /// Opens (creating with mode 0700 if needed) the cache directory.
    pub fn open(dir: impl Into<PathBuf>, max_bytes: u64) -> Result<Self, CacheError> {
        let dir = dir.into();
        fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(&dir)
            .map_err(|source| CacheError::Dir {
                path: dir.clone(),
                source,
            })?;
        let meta = fs::symlink_metadata(&dir).map_err(|source| CacheError::Dir {
            path: dir.clone(),
            source,
        })?;
        if !meta.is_dir() {
            return Err(CacheError::NotADirectory { path: dir });
        }
        Ok(Self { dir, max_bytes })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn max_bytes(&self) -> u64 {
        self.max_bytes
    }

    fn entry_path(&self, key: &CacheKey) -> PathBuf {
        self.dir.join(format!("{}{ENTRY_SUFFIX}", key.to_hex()))
    }

    /// The entry for `key`, if there is a sound one. A hit marks the entry as recently used.
    pub fn get(&self, key: &CacheKey) -> Result<Option<Entry>, CacheError> {
        let path = self.entry_path(key);
        let entry_err = |source| CacheError::Entry {
            path: path.clone(),
            source,
        };
        let mut file = match open_nofollow(&path) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(entry_err(e)),
        };
        let meta = file.metadata().map_err(entry_err)?;
        if !meta.is_file() || meta.len() > MAX_ENTRY_BYTES {
            return Err(CacheError::Damaged {
                path,
                reason: "not a regular file of a sane size".into(),
            });
        }
        let mut bytes = Vec::with_capacity(usize::try_from(meta.len()).unwrap_or(0));
        Read::by_ref(&mut file)
            .take(MAX_ENTRY_BYTES)
            .read_to_end(&mut bytes)
            .map_err(entry_err)?;
        match entry::decode(&bytes) {
            Ok(entry) => {
                // LRU: a hit is a use. Failing to record it only makes eviction less precise.
                let _ = file.set_modified(SystemTime::now());
                Ok(Some(entry))
            }
            Err(reason) => {
                let _ = fs::remove_file(&path);
                Err(CacheError::Damaged { path, reason })
            }
        }
    }

    /// Stores `entry` under `key` (replacing any previous one), then evicts down to the bound.
    /// An entry larger than the whole cache is not stored.
    pub fn put(&self, key: &CacheKey, entry: &Entry) -> Result<(), CacheError> {
        let bytes = entry::encode(entry).map_err(|reason| CacheError::Damaged {
            path: self.entry_path(key),
            reason,
        })?;
        if bytes.len() as u64 > self.max_bytes.min(MAX_ENTRY_BYTES) {
            return Ok(());
        }
        let temp = self.dir.join(format!(
            "{TEMP_PREFIX}{}-{}-{}",
            std::process::id(),
            TEMP_SEQ.fetch_add(1, Ordering::Relaxed),
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0)
        ));
        let written = OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .custom_flags(libc::O_NOFOLLOW | libc::O_CLOEXEC)
            .open(&temp)
            .and_then(|mut file| file.write_all(&bytes))
            .and_then(|()| fs::rename(&temp, self.entry_path(key)));
        if let Err(source) = written {
            let _ = fs::remove_file(&temp);
            return Err(CacheError::Entry { path: temp, source });
        }
        self.evict()
    }

    /// Removes least recently used entries until the total size fits the bound, and temporary
    /// files abandoned by dead writers. Safe to run from several processes at once.
    pub fn evict(&self) -> Result<(), CacheError> {
        let dir_err = |source| CacheError::Dir {
            path: self.dir.clone(),
            source,
        };
        let now = SystemTime::now();
        let mut entries: Vec<(SystemTime, u64, PathBuf)> = Vec::new();
        for item in fs::read_dir(&self.dir).map_err(dir_err)? {
            let item = item.map_err(dir_err)?;
            // DirEntry::metadata does not follow symlinks.
            let Ok(meta) = item.metadata() else { continue };
            if !meta.is_file() {
                continue;
            }
            let name = item.file_name();
            let Some(name) = name.to_str() else { continue };
            let modified = meta.modified().unwrap_or(SystemTime::UNIX_EPOCH);
            if name.starts_with(TEMP_PREFIX) {
                if now.duration_since(modified).unwrap_or_default() > STALE_TEMP {
                    let _ = fs::remove_file(item.path());
                }
            } else if name.ends_with(ENTRY_SUFFIX) {
                entries.push((modified, meta.len(), item.path()));
            }
        }
        let mut total: u64 = entries.iter().map(|(_, size, _)| size).sum();
        if total <= self.max_bytes {
            return Ok(());
        }
        entries.sort();
        for (_, size, path) in entries {
            if total <= self.max_bytes {
                break;
            }
            match fs::remove_file(&path) {
                Ok(()) => total -= size,
                // Another process evicted it first.
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => total -= size,
                Err(source) => return Err(CacheError::Entry { path, source }),
            }
        }
        Ok(())
    }
}

/// Opens an existing file for reading without following a symlink in its last component and
/// without blocking on a FIFO someone planted.
fn open_nofollow(path: &Path) -> std::io::Result<File> {
    OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_CLOEXEC)
        .open(path)
}

#[cfg(test)]
mod tests;
