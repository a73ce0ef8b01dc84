//! Reading files back out of `/box` after a run (compiler output). Every process of the run is
//! dead by then, but the tree it left is hostile: any name may be a symlink, a FIFO or a device.
//! So the walk is descriptor-relative from `/box`, one component at a time, each opened with
//! O_NOFOLLOW (a symlink anywhere in a path ends that path), and types are taken from `fstat`
//! of the opened descriptor, never from a second lookup by name. Init also drops its file-system
//! identity to the payload's uid first, so even a mistake here could read nothing the payload
//! could not read itself.

use std::ffi::{CString, OsStr};
use std::fs::File;
use std::io::Read;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::{MetadataExt, PermissionsExt};

use crate::mounts::box_relative;
use crate::spec::FileOut;

/// Deepest directory nesting followed.
const MAX_DEPTH: u32 = 16;

fn open_at(dir: &OwnedFd, name: &OsStr, directory: bool) -> std::io::Result<OwnedFd> {
    let name = CString::new(name.as_bytes())
        .map_err(|_| std::io::Error::from_raw_os_error(libc::EINVAL))?;
    let mut flags = libc::O_RDONLY | libc::O_NOFOLLOW | libc::O_CLOEXEC | libc::O_NONBLOCK;
    if directory {
        flags |= libc::O_DIRECTORY;
    }
    // SAFETY: openat with a live directory descriptor and a NUL-terminated name; the result
    // is checked before it becomes an OwnedFd.
    let fd = unsafe { libc::openat(dir.as_raw_fd(), name.as_ptr(), flags) };
    if fd < 0 {
        return Err(std::io::Error::last_os_error());
    }
    // SAFETY: fd was just returned by openat and is owned by nobody else.
    Ok(unsafe { OwnedFd::from_raw_fd(fd) })
}

/// Sets the file-system uid and gid used for every access check from now on.
fn read_as(uid: u32, gid: u32) {
    // SAFETY: setfsgid/setfsuid take plain integers. Moving the fsuid away from 0 also clears
    // CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH from the effective set.
    unsafe {
        libc::setfsgid(gid);
        libc::setfsuid(uid);
    }
}

struct Walk {
    files: Vec<FileOut>,
    total: u64,
    limit: u64,
}

pub(crate) fn collect(
    paths: &[String],
    limit: u64,
    uid: u32,
    gid: u32,
) -> Result<Vec<FileOut>, String> {
    read_as(uid, gid);
    let root = File::open("/box").map_err(|e| format!("open /box: {e}"))?;
    let root = OwnedFd::from(root);
    let mut walk = Walk {
        files: Vec::new(),
        total: 0,
        limit,
    };
    for path in paths {
        let relative =
            box_relative(path).ok_or_else(|| format!("{path:?} is not a plain relative path"))?;
        let relative = relative
            .strip_prefix("/box")
            .map_err(|_| format!("{path:?} is outside /box"))?
            .to_path_buf();
        let parts: Vec<&OsStr> = relative.iter().collect();
        let Some((last, parents)) = parts.split_last() else {
            continue;
        };
        let mut dir = match root.try_clone() {
            Ok(dir) => dir,
            Err(e) => return Err(format!("duplicate /box descriptor: {e}")),
        };
        let mut reachable = true;
        for part in parents {
            match open_at(&dir, part, true) {
                Ok(next) => dir = next,
                // Missing, a symlink (ELOOP), or not a directory: the path does not exist for us.
                Err(_) => {
                    reachable = false;
                    break;
                }
            }
        }
        if reachable {
            walk.entry(&dir, last, &relative.to_string_lossy(), 0)?;
        }
    }
    Ok(walk.files)
}

impl Walk {
    /// One name inside `dir`: a regular file is read, a directory is walked, anything else
    /// (symlink, FIFO, socket, device) is skipped.
    fn entry(
        &mut self,
        dir: &OwnedFd,
        name: &OsStr,
        shown: &str,
        depth: u32,
    ) -> Result<(), String> {
        let Ok(fd) = open_at(dir, name, false) else {
            return Ok(());
        };
        let file = File::from(fd);
        let meta = file.metadata().map_err(|e| format!("stat {shown}: {e}"))?;
        if meta.is_dir() {
            if depth >= MAX_DEPTH {
                return Err(format!("{shown} is nested too deeply"));
            }
            let dir = OwnedFd::from(file);
            // Listing through our own descriptor's /proc entry reads exactly the directory we
            // opened, whatever its name points to now.
            let listing = std::fs::read_dir(format!("/proc/self/fd/{}", dir.as_raw_fd()))
                .map_err(|e| format!("list {shown}: {e}"))?;
            let mut names: Vec<_> = listing.flatten().map(|e| e.file_name()).collect();
            names.sort();
            for child in names {
                let child_shown = format!("{shown}/{}", child.to_string_lossy());
                self.entry(&dir, &child, &child_shown, depth + 1)?;
            }
            return Ok(());
        }
        if !meta.is_file() {
            return Ok(());
        }
        self.total += meta.size();
        if self.total > self.limit {
            return Err(format!("output files exceed {} bytes", self.limit));
        }
        let mut contents = Vec::with_capacity(meta.size() as usize);
        (&file)
            .take(self.limit)
            .read_to_end(&mut contents)
            .map_err(|e| format!("read {shown}: {e}"))?;
        self.files.push(FileOut {
            path: shown.to_string(),
            contents,
            executable: meta.permissions().mode() & 0o111 != 0,
        });
        Ok(())
    }
}
