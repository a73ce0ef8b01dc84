//! What this host can enforce: namespaces, cgroup version and controllers, seccomp. Reported by
//! `tandem doctor` and used to say which guarantees are weaker when something is missing.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum CgroupVersion {
    V1,
    V2,
}

/// The sandbox's view of the host.
#[derive(Debug, Clone, Serialize)]
pub struct Capabilities {
    /// Namespace kinds and whether this host can create them.
    pub namespaces: Vec<(String, bool)>,
    /// Which cgroup hierarchy the sandbox uses, if any.
    pub cgroup_version: Option<CgroupVersion>,
    pub cgroup_memory: bool,
    pub cgroup_pids: bool,
    pub cgroup_cpu: bool,
    /// Where the sandbox creates its cgroups (one per controller on v1).
    pub cgroup_paths: Vec<String>,
    pub seccomp: bool,
    /// Guarantees that are weaker on this host than the design promises, in plain words.
    pub weaker: Vec<String>,
}

impl Capabilities {
    /// What this host offers, for `tandem doctor` (creates the sandbox's cgroup parent if it
    /// can, exactly as starting the sandbox would).
    pub fn detect() -> Self {
        Self::probe("tandem").1
    }

    pub(crate) fn probe(cgroup_name: &str) -> (Option<crate::cgroup::CgroupRoot>, Self) {
        let namespaces = ["mnt", "pid", "net", "ipc", "uts", "cgroup"]
            .iter()
            .map(|ns| {
                (
                    ns.to_string(),
                    std::path::Path::new("/proc/self/ns").join(ns).exists(),
                )
            })
            .collect::<Vec<_>>();
        // SAFETY: prctl(PR_GET_SECCOMP) takes no pointers; it fails with EINVAL when the kernel
        // was built without seccomp.
        let seccomp = unsafe { libc::prctl(libc::PR_GET_SECCOMP, 0, 0, 0, 0) } >= 0;
        let mut weaker = Vec::new();
        // SAFETY: geteuid has no arguments and cannot fail.
        if unsafe { libc::geteuid() } != 0 {
            weaker.push(
                "not running as root: boxes cannot be built (mounts and namespaces need it)".into(),
            );
        }
        for (ns, present) in &namespaces {
            if !present {
                weaker.push(format!("no {ns} namespace on this kernel"));
            }
        }
        if !seccomp {
            weaker.push("no seccomp: dangerous syscalls are not filtered".into());
        }
        let cgroups = match crate::cgroup::CgroupRoot::detect(cgroup_name) {
            Ok(root) => Some(root),
            Err(reason) => {
                weaker.push(format!("no usable cgroup ({reason})"));
                weaker.push("memory is limited per process by RLIMIT_AS (breaks the JVM and Go) and reported as the largest process's peak".into());
                weaker.push("CPU time is limited per process by RLIMIT_CPU, not summed over the process tree while it runs".into());
                weaker.push("process count is limited by RLIMIT_NPROC only".into());
                None
            }
        };
        if let Some(root) = &cgroups
            && !root.has_pids()
        {
            weaker.push("no pids controller: process count is limited by RLIMIT_NPROC only".into());
        }
        let caps = Self {
            namespaces,
            cgroup_version: cgroups.as_ref().map(|r| r.version),
            cgroup_memory: cgroups.is_some(),
            cgroup_pids: cgroups.as_ref().is_some_and(|r| r.has_pids()),
            cgroup_cpu: cgroups.is_some(),
            cgroup_paths: cgroups.as_ref().map(|r| r.paths()).unwrap_or_default(),
            seccomp,
            weaker,
        };
        (cgroups, caps)
    }
}
