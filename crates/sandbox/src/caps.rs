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
