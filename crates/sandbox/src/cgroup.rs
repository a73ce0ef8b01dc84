//! cgroups for boxes: discovery of v1 or v2 hierarchies, one cgroup per box, limits, accounting
//! and the guarantee that every process of a box is gone before its cgroup is removed.
//!
//! v1: one directory per controller (memory, pids, cpuacct) under `<our cgroup>/tandem`.
//! v2: one directory under `<our cgroup>/tandem`, with memory, pids and cpu delegated to it.

use std::fs;
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::caps::CgroupVersion;
use crate::error::SandboxError;

/// The directory (or directories on v1) under which boxes get their cgroups.
#[derive(Debug)]
pub(crate) struct CgroupRoot {
    pub version: CgroupVersion,
    /// v2: the one parent. v1: memory, pids (optional) and cpuacct parents.
    memory: PathBuf,
    pids: Option<PathBuf>,
    cpu: PathBuf,
}

/// One box's cgroup.
#[derive(Debug)]
pub(crate) struct BoxCgroup {
    version: CgroupVersion,
    memory: PathBuf,
    pids: Option<PathBuf>,
    cpu: PathBuf,
    /// v2 `memory.peak` opened once, so that a write resets the peak seen through this fd.
    peak: Option<fs::File>,
}

/// Counters read at the start of a run; the outcome reports what changed since.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Baseline {
    pub memory_bytes: u64,
    pub cpu_ns: u64,
    pub oom_kills: u64,
    pub limit_hits: u64,
}

struct Mount {
    root: String,
    point: PathBuf,
    fstype: String,
    options: String,
}

fn parse_mounts(text: &str) -> Vec<Mount> {
    text.lines()
        .filter_map(|line| {
            let (left, right) = line.split_once(" - ")?;
            let fields: Vec<&str> = left.split(' ').collect();
            let mut right = right.split(' ');
            let fstype = right.next()?.to_string();
            let _source = right.next()?;
            let options = right.next().unwrap_or("").to_string();
            Some(Mount {
                root: unescape(fields.get(3)?),
                point: PathBuf::from(unescape(fields.get(4)?)),
                fstype,
                options,
            })
        })
        .collect()
}

/// mountinfo escapes spaces and a few other bytes as `\ooo`.
fn unescape(field: &str) -> String {
    let bytes = field.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'\\'
            && let Some(Ok(v)) = field.get(i + 1..i + 4).map(|o| u8::from_str_radix(o, 8))
        {
            out.push(v);
            i += 4;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Our own cgroup path per hierarchy, from /proc/self/cgroup: (controllers, path).
fn parse_own(text: &str) -> Vec<(String, String)> {
    text.lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, ':');
            let _id = parts.next()?;
            let controllers = parts.next()?.to_string();
            let path = parts.next()?.to_string();
            Some((controllers, path))
        })
        .collect()
}

/// Our own v2 cgroup directory.
fn v2_dir(mounts: &[Mount], own: &[(String, String)]) -> Result<PathBuf, String> {
    let mount = mounts
        .iter()
        .find(|m| m.fstype == "cgroup2")
        .ok_or("no cgroup2 mount")?;
    let path = own
        .iter()
        .find(|(c, _)| c.is_empty())
        .map(|(_, p)| p.as_str())
        .ok_or("no v2 entry in /proc/self/cgroup")?;
    Ok(join_cgroup(mount, path))
}

/// Our own cgroup directory in the v1 hierarchy that carries `controller`.
fn v1_dir(mounts: &[Mount], own: &[(String, String)], controller: &str) -> Option<PathBuf> {
    let mount = mounts
        .iter()
        .find(|m| m.fstype == "cgroup" && m.options.split(',').any(|o| o == controller))?;
    let path = own
        .iter()
        .find(|(c, _)| c.split(',').any(|c| c == controller))
        .map(|(_, p)| p.as_str())?;
    Some(join_cgroup(mount, path))
}

/// Joins a mount point and our cgroup path as seen in /proc/self/cgroup, minus the mount's root.
fn join_cgroup(mount: &Mount, path: &str) -> PathBuf {
    let relative = path.strip_prefix(mount.root.as_str()).unwrap_or(path);
    mount.point.join(relative.trim_start_matches('/'))
}

fn write_file(path: &Path, value: &str) -> std::io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).open(path)?;
    file.write_all(value.as_bytes())
}

fn read_u64(path: &Path) -> Option<u64> {
    fs::read_to_string(path).ok()?.trim().parse().ok()
}

/// Reads `key value` lines (memory.events, cpu.stat, memory.oom_control) for one key.
fn read_keyed(path: &Path, key: &str) -> Option<u64> {
    let text = fs::read_to_string(path).ok()?;
    text.lines().find_map(|line| {
        let (k, v) = line.split_once(' ')?;
        (k == key).then(|| v.trim().parse().ok()).flatten()
    })
}

impl CgroupRoot {
    /// Finds a usable hierarchy and creates the `tandem` parent in it. `Err` explains why none
    /// is usable.
    pub fn detect(name: &str) -> Result<Self, String> {
        let read = |path: &str| fs::read_to_string(path).unwrap_or_default();
        let mounts = parse_mounts(&read("/proc/self/mountinfo"));
        let own = parse_own(&read("/proc/self/cgroup"));
        let mut reasons = Vec::new();
        match Self::detect_v2(&mounts, &own, name) {
            Ok(root) => return Ok(root),
            Err(reason) => reasons.push(format!("v2: {reason}")),
        }
        match Self::detect_v1(&mounts, &own, name) {
            Ok(root) => return Ok(root),
            Err(reason) => reasons.push(format!("v1: {reason}")),
        }
        Err(reasons.join("; "))
    }

    fn detect_v2(mounts: &[Mount], own: &[(String, String)], name: &str) -> Result<Self, String> {
        let base = v2_dir(mounts, own)?;
        let available = fs::read_to_string(base.join("cgroup.controllers")).unwrap_or_default();
        for needed in ["memory", "pids", "cpu"] {
            if !available.split_whitespace().any(|c| c == needed) {
                return Err(format!(
                    "controller {needed} not available in {}",
                    base.display()
                ));
            }
        }
        let parent = base.join(name);
        fs::create_dir_all(&parent).map_err(|e| format!("create {}: {e}", parent.display()))?;
        let enable = "+memory +pids +cpu";
        if let Err(first) = write_file(&base.join("cgroup.subtree_control"), enable) {
            // A v2 cgroup with processes cannot delegate controllers ("no internal processes"):
            // move ourselves into a leaf beside the boxes, then enable them.
            let leaf = base.join(format!("{name}-host"));
            fs::create_dir_all(&leaf).map_err(|e| format!("create {}: {e}", leaf.display()))?;
            let pid = std::process::id().to_string();
            write_file(&leaf.join("cgroup.procs"), &pid)
                .map_err(|e| format!("move into {} after '{first}': {e}", leaf.display()))?;
            write_file(&base.join("cgroup.subtree_control"), enable)
                .map_err(|e| format!("enable controllers in {}: {e}", base.display()))?;
        }
        write_file(&parent.join("cgroup.subtree_control"), enable)
            .map_err(|e| format!("enable controllers in {}: {e}", parent.display()))?;
        Ok(Self {
            version: CgroupVersion::V2,
            memory: parent.clone(),
            pids: Some(parent.clone()),
            cpu: parent,
        })
    }

    fn detect_v1(mounts: &[Mount], own: &[(String, String)], name: &str) -> Result<Self, String> {
        let find = |controller: &str| v1_dir(mounts, own, controller).map(|d| d.join(name));
        let memory = find("memory").ok_or("no memory controller mounted")?;
        let cpu = find("cpuacct").ok_or("no cpuacct controller mounted")?;
        let pids = find("pids");
        for dir in [Some(&memory), Some(&cpu), pids.as_ref()]
            .into_iter()
            .flatten()
        {
            fs::create_dir_all(dir).map_err(|e| format!("create {}: {e}", dir.display()))?;
        }
        Ok(Self {
            version: CgroupVersion::V1,
            memory,
            pids,
            cpu,
        })
    }

    pub fn has_pids(&self) -> bool {
        self.pids.is_some()
    }

    /// The parent directories, for `tandem doctor`.
    pub fn paths(&self) -> Vec<String> {
        let mut paths = vec![self.memory.display().to_string()];
        for p in [Some(&self.cpu), self.pids.as_ref()].into_iter().flatten() {
            if !paths.contains(&p.display().to_string()) {
                paths.push(p.display().to_string());
            }
        }
        paths
    }

    /// Removes cgroups left by boxes of processes that no longer exist (a crashed host).
    pub fn remove_stale(&self) {
        let mut parents = vec![&self.memory, &self.cpu];
        parents.extend(self.pids.as_ref());
        for parent in parents {
            let Ok(entries) = fs::read_dir(parent) else {
                continue;
            };
            for entry in entries.flatten() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let Some(owner) = name.strip_prefix("box-").and_then(|r| r.split('-').next())
                else {
                    continue;
                };
                if Path::new("/proc").join(owner).exists() {
                    continue;
                }
                kill_listed(&entry.path());
                let _ = fs::remove_dir(entry.path());
            }
        }
    }

    pub fn create_box(&self, id: &str) -> Result<BoxCgroup, SandboxError> {
        let make = |parent: &PathBuf| -> Result<PathBuf, SandboxError> {
            let dir = parent.join(id);
            fs::create_dir(&dir).map_err(|source| SandboxError::Cgroup {
                action: "create",
                path: dir.clone(),
                source,
            })?;
            Ok(dir)
        };
        let memory = make(&self.memory)?;
        let cpu = if self.cpu == self.memory {
            memory.clone()
        } else {
            make(&self.cpu)?
        };
        let pids = match &self.pids {
            Some(p) if *p == self.memory => Some(memory.clone()),
            Some(p) => Some(make(p)?),
            None => None,
        };
        let peak = match self.version {
            CgroupVersion::V2 => fs::OpenOptions::new()
                .read(true)
                .write(true)
                .open(memory.join("memory.peak"))
                .ok(),
            CgroupVersion::V1 => None,
        };
        Ok(BoxCgroup {
            version: self.version,
            memory,
            pids,
            cpu,
            peak,
        })
    }
}

fn kill_listed(dir: &Path) {
    let text = fs::read_to_string(dir.join("cgroup.procs")).unwrap_or_default();
    for pid in text.lines().filter_map(|l| l.trim().parse::<i32>().ok()) {
        // SAFETY: kill(2) with a pid read from a cgroup we created; no memory is involved.
        unsafe { libc::kill(pid, libc::SIGKILL) };
    }
}

impl BoxCgroup {
    /// The `cgroup.procs` files the box process writes itself into.
    pub fn procs_files(&self) -> Vec<PathBuf> {
        let mut files = vec![self.memory.join("cgroup.procs")];
        for dir in [Some(&self.cpu), self.pids.as_ref()].into_iter().flatten() {
            let file = dir.join("cgroup.procs");
            if !files.contains(&file) {
                files.push(file);
            }
        }
        files
    }

    fn set(&self, dir: &Path, file: &str, value: &str) -> Result<(), SandboxError> {
        let path = dir.join(file);
        write_file(&path, value).map_err(|source| SandboxError::Cgroup {
            action: "write",
            path,
            source,
        })
    }

    /// Applies the limits of a run and returns the counters to measure it against. `overhead`
    /// processes (keeper and init) are already in the cgroup and stay there.
    pub fn start_run(
        &mut self,
        memory_bytes: u64,
        processes: u32,
        overhead: u32,
    ) -> Result<Baseline, SandboxError> {
        let usage = self.memory_usage();
        let limit = (usage + memory_bytes).to_string();
        match self.version {
            CgroupVersion::V1 => {
                self.set(&self.memory, "memory.limit_in_bytes", &limit)?;
                // Without this the box could swap past its limit where swap exists.
                if self.memory.join("memory.memsw.limit_in_bytes").exists() {
                    self.set(&self.memory, "memory.memsw.limit_in_bytes", &limit)?;
                }
                self.set(&self.memory, "memory.max_usage_in_bytes", "0")?;
            }
            CgroupVersion::V2 => {
                self.set(&self.memory, "memory.max", &limit)?;
                if self.memory.join("memory.swap.max").exists() {
                    self.set(&self.memory, "memory.swap.max", "0")?;
                }
                if let Some(peak) = self.peak.as_mut() {
                    // Kernels before 6.12 reject the write; the peak then includes the (small)
                    // set-up of the box, which the baseline subtracts.
                    let _ = peak.write_all(b"reset");
                }
            }
        }
        if let Some(pids) = &self.pids {
            self.set(pids, "pids.max", &(processes + overhead).to_string())?;
        }
        Ok(Baseline {
            memory_bytes: usage,
            cpu_ns: self.cpu_ns(),
            oom_kills: self.oom_kills(),
            limit_hits: self.limit_hits(),
        })
    }

    pub fn memory_usage(&self) -> u64 {
        match self.version {
            CgroupVersion::V1 => read_u64(&self.memory.join("memory.usage_in_bytes")),
            CgroupVersion::V2 => read_u64(&self.memory.join("memory.current")),
        }
        .unwrap_or(0)
    }

    pub fn memory_peak(&mut self) -> u64 {
        match self.version {
            CgroupVersion::V1 => {
                read_u64(&self.memory.join("memory.max_usage_in_bytes")).unwrap_or(0)
            }
            CgroupVersion::V2 => {
                let Some(peak) = self.peak.as_mut() else {
                    return self.memory_usage();
                };
                let mut text = String::new();
                let _ = peak.seek(SeekFrom::Start(0));
                let _ = peak.read_to_string(&mut text);
                text.trim().parse().unwrap_or(0)
            }
        }
    }

    pub fn cpu_ns(&self) -> u64 {
        match self.version {
            CgroupVersion::V1 => read_u64(&self.cpu.join("cpuacct.usage")).unwrap_or(0),
            CgroupVersion::V2 => {
                read_keyed(&self.cpu.join("cpu.stat"), "usage_usec").unwrap_or(0) * 1000
            }
        }
    }

    /// Processes the kernel's OOM killer has killed in this cgroup.
    pub fn oom_kills(&self) -> u64 {
        match self.version {
            CgroupVersion::V1 => read_keyed(&self.memory.join("memory.oom_control"), "oom_kill"),
            CgroupVersion::V2 => read_keyed(&self.memory.join("memory.events"), "oom_kill"),
        }
        .unwrap_or(0)
    }

    /// Times an allocation ran into the limit (whether or not anything was killed).
    pub fn limit_hits(&self) -> u64 {
        match self.version {
            CgroupVersion::V1 => read_u64(&self.memory.join("memory.failcnt")),
            CgroupVersion::V2 => read_keyed(&self.memory.join("memory.events"), "max"),
        }
        .unwrap_or(0)
    }

    fn is_empty(&self) -> bool {
        self.procs_files().iter().all(|f| {
            fs::read_to_string(f)
                .map(|t| t.trim().is_empty())
                .unwrap_or(true)
        })
    }

    /// Kills whatever is left and waits (bounded) until the cgroup holds no process.
    pub fn drain(&self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        let mut pause = Duration::from_micros(50);
        loop {
            if self.is_empty() {
                return true;
            }
            if Instant::now() > deadline {
                return false;
            }
            if self.version == CgroupVersion::V2 && self.memory.join("cgroup.kill").exists() {
                let _ = write_file(&self.memory.join("cgroup.kill"), "1");
            } else {
                for file in self.procs_files() {
                    if let Some(dir) = file.parent() {
                        kill_listed(dir);
                    }
                }
            }
            std::thread::sleep(pause);
            pause = (pause * 2).min(Duration::from_millis(20));
        }
    }
}

impl Drop for BoxCgroup {
    fn drop(&mut self) {
        self.drain();
        self.peak = None;
        let mut dirs = vec![self.memory.clone()];
        for d in [Some(&self.cpu), self.pids.as_ref()].into_iter().flatten() {
            if !dirs.contains(d) {
                dirs.push(d.clone());
            }
        }
        for dir in dirs {
            // rmdir can briefly fail with EBUSY while the last exiting task is torn down.
            for _ in 0..50 {
                if fs::remove_dir(&dir).is_ok() || !dir.exists() {
                    break;
                }
                std::thread::sleep(Duration::from_millis(2));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HYBRID_MOUNTINFO: &str = "\
30 24 0:26 / /sys/fs/cgroup rw,relatime - tmpfs tmpfs rw,mode=755
31 30 0:27 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw
32 30 0:28 / /sys/fs/cgroup/memory rw,relatime - cgroup cgroup rw,memory
33 30 0:29 / /sys/fs/cgroup/cpu,cpuacct rw,relatime - cgroup cgroup rw,cpu,cpuacct
34 30 0:30 /docker/abc /sys/fs/cgroup/pids rw,relatime - cgroup cgroup rw,pids
35 24 0:31 / /mnt/with\\040space rw - tmpfs tmpfs rw";

    const HYBRID_SELF: &str = "\
5:pids:/docker/abc/job
4:memory:/process_api/42
3:cpu,cpuacct:/
0::/user.slice";

    #[test]
    fn v1_dirs_join_mount_and_own_path_minus_mount_root() {
        let mounts = parse_mounts(HYBRID_MOUNTINFO);
        let own = parse_own(HYBRID_SELF);
        let dir = |c| v1_dir(&mounts, &own, c).map(|p| p.display().to_string());
        assert_eq!(
            dir("memory").as_deref(),
            Some("/sys/fs/cgroup/memory/process_api/42")
        );
        assert_eq!(
            dir("cpuacct").as_deref(),
            Some("/sys/fs/cgroup/cpu,cpuacct/")
        );
        // A container's mount shows only its own subtree: its root is stripped from our path.
        assert_eq!(dir("pids").as_deref(), Some("/sys/fs/cgroup/pids/job"));
        assert_eq!(dir("blkio"), None);
    }

    #[test]
    fn v2_dir_is_found_beside_v1_hierarchies() {
        let mounts = parse_mounts(HYBRID_MOUNTINFO);
        let own = parse_own(HYBRID_SELF);
        assert_eq!(
            v2_dir(&mounts, &own),
            Ok(PathBuf::from("/sys/fs/cgroup/unified/user.slice"))
        );
        assert!(v2_dir(&mounts, &parse_own("4:memory:/x")).is_err());
    }

    #[test]
    fn mountinfo_octal_escapes_are_decoded() {
        let mounts = parse_mounts(HYBRID_MOUNTINFO);
        assert!(
            mounts
                .iter()
                .any(|m| m.point == Path::new("/mnt/with space"))
        );
    }
}
