//! The box's file system, built by init inside its own mount namespace, step by step:
//!
//! 1. make every mount private, so nothing propagates back to the host;
//! 2. mount a small tmpfs as the new root;
//! 3. bind each planned host path read-only, nosuid, nodev (no submounts);
//! 4. replicate the host's top-level symlinks (/bin -> usr/bin on merged-/usr systems);
//! 5. /box and /tmp (and /dev/shm) as size-capped tmpfs, /box owned by the payload's uid;
//! 6. a minimal /dev with null, zero, full, random and urandom bound from the host;
//! 7. a fresh /proc for the new PID namespace;
//! 8. /etc/passwd and /etc/group naming only root and the payload's user;
//! 9. pivot into the new root, detach the old one, and make the root read-only.

use std::ffi::CString;
use std::fs;
use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Component, Path, PathBuf};

use nix::mount::{MntFlags, MsFlags, mount, umount2};
use nix::unistd::{chdir, pivot_root};

use crate::init::Step;
use crate::protocol::Setup;

const DEVICES: &[&str] = &["null", "zero", "full", "random", "urandom"];
const TOP_LEVEL_LINKS: &[&str] = &["bin", "sbin", "lib", "lib32", "lib64", "libx32"];

fn step<T, E: std::fmt::Display>(name: &str, result: Result<T, E>) -> Result<T, Step> {
    result.map_err(|e| Step::new(name, e.to_string()))
}

/// Inside the new root: the box path with its leading `/` removed, joined under `root`.
fn under(root: &Path, target: &Path) -> Result<PathBuf, Step> {
    let mut path = root.to_path_buf();
    for component in target.components() {
        match component {
            Component::RootDir => {}
            Component::Normal(part) => path.push(part),
            _ => {
                return Err(Step::new(
                    "bind target",
                    format!("{} is not a plain absolute path", target.display()),
                ));
            }
        }
    }
    Ok(path)
}

fn tmpfs(target: &Path, options: &str, flags: MsFlags) -> Result<(), Step> {
    step(
        &format!("mount tmpfs at {}", target.display()),
        mount(Some("tmpfs"), target, Some("tmpfs"), flags, Some(options)),
    )
}

fn bind_read_only(source: &Path, target: &Path) -> Result<(), Step> {
    let what = format!("bind {} at {}", source.display(), target.display());
    step(
        &what,
        mount(
            Some(source),
            target,
            None::<&str>,
            MsFlags::MS_BIND,
            None::<&str>,
        ),
    )?;
    let flags = MsFlags::MS_BIND
        | MsFlags::MS_REMOUNT
        | MsFlags::MS_RDONLY
        | MsFlags::MS_NOSUID
        | MsFlags::MS_NODEV;
    step(
        &format!("make {what} read-only"),
        mount(None::<&str>, target, None::<&str>, flags, None::<&str>),
    )
}

/// Creates an empty file or directory for a mount to land on, matching the source's kind.
fn mount_point(path: &Path, directory: bool) -> Result<(), Step> {
    let what = format!("create mount point {}", path.display());
    if let Some(parent) = path.parent() {
        step(&what, fs::create_dir_all(parent))?;
    }
    if directory {
        step(&what, fs::create_dir_all(path))
    } else {
        step(
            &what,
            fs::OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(path),
        )
        .map(|_| ())
    }
}

pub(crate) fn build_root(setup: &Setup) -> Result<(), Step> {
    let root = setup.new_root.as_path();
    let nosuid_nodev = MsFlags::MS_NOSUID | MsFlags::MS_NODEV;

    step(
        "make mounts private",
        mount(
            None::<&str>,
            "/",
            None::<&str>,
            MsFlags::MS_REC | MsFlags::MS_PRIVATE,
            None::<&str>,
        ),
    )?;
    tmpfs(root, "size=1m,nr_inodes=4096,mode=0755", nosuid_nodev)?;

    for bind in &setup.plan.binds {
        let target = under(root, &bind.target)?;
        let meta = step(
            &format!("inspect bind source {}", bind.source.display()),
            fs::metadata(&bind.source),
        )?;
        mount_point(&target, meta.is_dir())?;
        bind_read_only(&bind.source, &target)?;
    }

    for name in TOP_LEVEL_LINKS {
        let host = Path::new("/").join(name);
        if let Ok(link) = fs::read_link(&host) {
            let inside = root.join(name);
            if fs::symlink_metadata(&inside).is_err() {
                step(&format!("link /{name}"), symlink(&link, &inside))?;
            }
        }
    }

    let work = root.join("box");
    mount_point(&work, true)?;
    let work_options = format!(
        "size={}m,nr_inodes=16384,mode=0755,uid={},gid={}",
        setup.plan.work_mib, setup.uid, setup.gid
    );
    tmpfs(&work, &work_options, nosuid_nodev)?;

    let tmp_options = format!("size={}m,nr_inodes=16384,mode=1777", setup.plan.tmp_mib);
    let tmp = root.join("tmp");
    mount_point(&tmp, true)?;
    tmpfs(&tmp, &tmp_options, nosuid_nodev)?;

    let dev = root.join("dev");
    mount_point(&dev, true)?;
    tmpfs(
        &dev,
        "size=64k,nr_inodes=64,mode=0755",
        MsFlags::MS_NOSUID | MsFlags::MS_NOEXEC,
    )?;
    for name in DEVICES {
        let target = dev.join(name);
        mount_point(&target, false)?;
        let source = Path::new("/dev").join(name);
        let what = format!("bind device {}", source.display());
        step(
            &what,
            mount(
                Some(&source),
                &target,
                None::<&str>,
                MsFlags::MS_BIND,
                None::<&str>,
            ),
        )?;
        let flags =
            MsFlags::MS_BIND | MsFlags::MS_REMOUNT | MsFlags::MS_NOSUID | MsFlags::MS_NOEXEC;
        step(
            &what,
            mount(None::<&str>, &target, None::<&str>, flags, None::<&str>),
        )?;
    }
    for (name, target) in [
        ("fd", "/proc/self/fd"),
        ("stdin", "/proc/self/fd/0"),
        ("stdout", "/proc/self/fd/1"),
        ("stderr", "/proc/self/fd/2"),
    ] {
        step("link /dev entries", symlink(target, dev.join(name)))?;
    }
    let shm = dev.join("shm");
    mount_point(&shm, true)?;
    tmpfs(&shm, &tmp_options, nosuid_nodev | MsFlags::MS_NOEXEC)?;

    let proc = root.join("proc");
    mount_point(&proc, true)?;
    step(
        "mount /proc",
        mount(
            Some("proc"),
            &proc,
            Some("proc"),
            nosuid_nodev | MsFlags::MS_NOEXEC,
            None::<&str>,
        ),
    )?;

    let etc = root.join("etc");
    step("create /etc", fs::create_dir_all(&etc))?;
    let passwd = format!(
        "root:x:0:0:root:/:/usr/sbin/nologin\nbox:x:{}:{}:box:/box:/usr/sbin/nologin\n",
        setup.uid, setup.gid
    );
    let group = format!("root:x:0:\nbox:x:{}:\n", setup.gid);
    for (name, text) in [("passwd", passwd), ("group", group)] {
        let path = etc.join(name);
        if !path.exists() {
            step("write /etc", fs::write(&path, text))?;
            step(
                "write /etc",
                fs::set_permissions(&path, fs::Permissions::from_mode(0o644)),
            )?;
        }
    }

    step("enter new root", chdir(root))?;
    step("pivot_root", pivot_root(".", "."))?;
    step("detach old root", umount2(".", MntFlags::MNT_DETACH))?;
    step("chdir /", chdir("/"))?;
    let read_only = MsFlags::MS_REMOUNT | MsFlags::MS_RDONLY | nosuid_nodev;
    step(
        "make root read-only",
        mount(None::<&str>, "/", None::<&str>, read_only, None::<&str>),
    )?;
    Ok(())
}

/// Host-free check that a `/box`-relative path stays inside `/box`.
pub(crate) fn box_relative(path: &str) -> Option<PathBuf> {
    let relative = Path::new(path);
    if path.is_empty() || path.contains('\0') {
        return None;
    }
    let plain = relative
        .components()
        .all(|c| matches!(c, Component::Normal(_)));
    plain.then(|| Path::new("/box").join(relative))
}

/// A C string for exec and friends; interior NULs are a caller error.
pub(crate) fn cstring(text: &str) -> Result<CString, Step> {
    CString::new(text).map_err(|_| Step::new("argument", format!("{text:?} contains a NUL byte")))
}
