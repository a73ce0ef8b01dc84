//! The seccomp policy of every payload, as data: syscalls denied outright, syscalls denied for
//! some arguments, and non-native ABIs (i386, x32) that kill the process. Everything else is
//! allowed: the namespaces, the unprivileged uid and the cgroup are the main walls; this filter
//! removes the kernel surface that has no business in a judge.

use libseccomp::{ScmpAction, ScmpArgCompare, ScmpCompareOp, ScmpFilterContext, ScmpSyscall};

/// Syscalls that fail with EPERM whatever their arguments.
pub const DENIED_SYSCALLS: &[&str] = &[
    // Debugging and reading other processes.
    "ptrace",
    "process_vm_readv",
    "process_vm_writev",
    "kcmp",
    "pidfd_getfd",
    // Mounts and namespaces (old and new mount API).
    "mount",
    "umount2",
    "pivot_root",
    "chroot",
    "unshare",
    "setns",
    "fsopen",
    "fsconfig",
    "fsmount",
    "fspick",
    "move_mount",
    "open_tree",
    "mount_setattr",
    // File handles bypass path checks (the "shocker" escape).
    "open_by_handle_at",
    "name_to_handle_at",
    // Kernel keyrings.
    "keyctl",
    "add_key",
    "request_key",
    // Large attack surfaces a judged program never needs.
    "bpf",
    "perf_event_open",
    "io_uring_setup",
    "io_uring_enter",
    "io_uring_register",
    "userfaultfd",
    "fanotify_init",
    // Host administration.
    "kexec_load",
    "kexec_file_load",
    "init_module",
    "finit_module",
    "delete_module",
    "acct",
    "swapon",
    "swapoff",
    "reboot",
    "syslog",
    "quotactl",
    "lookup_dcookie",
    "vhangup",
    "iopl",
    "ioperm",
    "settimeofday",
    "clock_settime",
    "clock_adjtime",
    "adjtimex",
];

/// clone(2) flags that create namespaces.
const NAMESPACE_FLAGS: &[u64] = &[
    libc::CLONE_NEWNS as u64,
    libc::CLONE_NEWCGROUP as u64,
    libc::CLONE_NEWUTS as u64,
    libc::CLONE_NEWIPC as u64,
    libc::CLONE_NEWUSER as u64,
    libc::CLONE_NEWPID as u64,
    libc::CLONE_NEWNET as u64,
    0x80, // CLONE_NEWTIME
];

const AF_VSOCK: u64 = 40;
const TIOCSTI: u64 = 0x5412;
const TIOCLINUX: u64 = 0x541C;

#[derive(Debug, thiserror::Error)]
#[error("seccomp {what}: {message}")]
pub struct SeccompError {
    what: String,
    message: String,
}

fn err(what: impl Into<String>) -> impl FnOnce(libseccomp::error::SeccompError) -> SeccompError {
    let what = what.into();
    move |e| SeccompError {
        what,
        message: e.to_string(),
    }
}

/// Builds the filter. Names this libseccomp does not know are skipped (the kernel it targets
/// predates them, so a payload cannot reach them by name either; io_uring-era kernels with an
/// old libseccomp are covered by the x32/arch checks and the uid).
pub fn build_filter() -> Result<ScmpFilterContext, SeccompError> {
    let deny = ScmpAction::Errno(libc::EPERM);
    let mut filter = ScmpFilterContext::new(ScmpAction::Allow).map_err(err("create"))?;
    // Only the native ABI: a 32-bit `int 0x80` or an x32 syscall number kills the process.
    filter
        .set_act_badarch(ScmpAction::KillProcess)
        .map_err(err("bad-arch action"))?;
    for name in DENIED_SYSCALLS {
        if let Ok(syscall) = ScmpSyscall::from_name(name) {
            filter.add_rule(deny, syscall).map_err(err(*name))?;
        }
    }
    let rule = |filter: &mut ScmpFilterContext, name: &str, arg: u32, mask: u64, value: u64| {
        let syscall = ScmpSyscall::from_name(name).map_err(err(name))?;
        let compare = ScmpArgCompare::new(arg, ScmpCompareOp::MaskedEqual(mask), value);
        filter
            .add_rule_conditional(deny, syscall, &[compare])
            .map_err(err(name))
            .map(|_| ())
    };
    for flag in NAMESPACE_FLAGS {
        rule(&mut filter, "clone", 0, *flag, *flag)?;
    }
    // clone3 passes its flags in memory the filter cannot read: make libc fall back to clone.
    let clone3 = ScmpSyscall::from_name("clone3").map_err(err("clone3"))?;
    filter
        .add_rule(ScmpAction::Errno(libc::ENOSYS), clone3)
        .map_err(err("clone3"))?;
    rule(&mut filter, "socket", 0, u64::MAX, AF_VSOCK)?;
    rule(&mut filter, "ioctl", 1, 0xffff_ffff, TIOCSTI)?;
    rule(&mut filter, "ioctl", 1, 0xffff_ffff, TIOCLINUX)?;
    // personality(2) may not switch off ASLR or turn on READ_IMPLIES_EXEC, MMAP_PAGE_ZERO and
    // the other legacy bits (the query value 0xffffffff has them all set, so it fails too).
    for bit in [
        0x0040000u64,
        0x0100000,
        0x0200000,
        0x0400000,
        0x0800000,
        0x1000000,
        0x2000000,
        0x4000000,
        0x8000000,
    ] {
        rule(&mut filter, "personality", 0, bit, bit)?;
    }
    filter.set_ctl_nnp(true).map_err(err("no_new_privs"))?;
    Ok(filter)
}
