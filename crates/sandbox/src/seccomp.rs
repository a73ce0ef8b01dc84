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
    // Per-process LDT entries: old kernel exploits, no use in a judge.
    "modify_ldt",
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
fn build_filter() -> Result<ScmpFilterContext, SeccompError> {
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

/// The filter compiled to classic BPF once on the host; boxes install these bytes directly,
/// which keeps libseccomp's compiler off every run's critical path.
pub fn compile() -> Result<Vec<u8>, SeccompError> {
    use std::io::{Read, Seek};
    let filter = build_filter()?;
    let io = |e: std::io::Error| SeccompError {
        what: "export".into(),
        message: e.to_string(),
    };
    // SAFETY: memfd_create with a static NUL-terminated name; the result is checked.
    let fd = unsafe { libc::memfd_create(c"seccomp".as_ptr(), libc::MFD_CLOEXEC) };
    if fd < 0 {
        return Err(io(std::io::Error::last_os_error()));
    }
    // SAFETY: fd was just created and is owned by nobody else.
    let mut file = unsafe { <std::fs::File as std::os::fd::FromRawFd>::from_raw_fd(fd) };
    filter.export_bpf(&file).map_err(err("export"))?;
    let mut bpf = Vec::new();
    file.rewind().map_err(io)?;
    file.read_to_end(&mut bpf).map_err(io)?;
    Ok(bpf)
}

/// Installs a compiled filter on the calling thread. no_new_privs must already be set.
pub fn install(bpf: &[u8]) -> std::io::Result<()> {
    let instruction = std::mem::size_of::<libc::sock_filter>();
    if bpf.is_empty() || !bpf.len().is_multiple_of(instruction) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "malformed BPF program",
        ));
    }
    let program = libc::sock_fprog {
        len: (bpf.len() / instruction) as libc::c_ushort,
        filter: bpf.as_ptr() as *mut libc::sock_filter,
    };
    // SAFETY: `program` points at `bpf`, which outlives the call; the kernel copies the
    // instructions and validates them (it rejects malformed programs with EINVAL).
    let rc = unsafe {
        libc::syscall(
            libc::SYS_seccomp,
            libc::SECCOMP_SET_MODE_FILTER,
            0,
            &program as *const libc::sock_fprog,
        )
    };
    if rc != 0 {
        return Err(std::io::Error::last_os_error());
    }
    Ok(())
}
