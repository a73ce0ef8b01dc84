//! The inside of a box. One binary entry point, three roles:
//!
//! - **keeper** (the exec'd box process, host PID namespace): reads the set-up, joins the
//!   cgroup, unshares the namespaces, forks init and mirrors its exit. The host kills the keeper
//!   to end a box; init dies with it (parent-death signal) and the kernel then kills every
//!   process of the PID namespace.
//! - **init** (PID 1 of the new namespace): builds the root (`mounts.rs`), says ready, waits for
//!   one command, places its files, forks the payload, reaps everything, kills what is left,
//!   reads back requested files and reports.
//! - **payload**: drops every privilege and execs the user's command.
//!
//! The keeper starts single-threaded and stays so, which makes fork safe.

use std::fs;
use std::io::{Read, Write};
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::os::unix::fs::OpenOptionsExt;
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::Instant;

use nix::errno::Errno;
use nix::sched::{CloneFlags, unshare};
use nix::sys::resource::{Resource, UsageWho, getrusage, setrlimit};
use nix::sys::signal::{Signal, kill};
use nix::sys::wait::{WaitStatus, waitpid};
use nix::unistd::{ForkResult, Gid, Pid, Uid, fork, setresgid, setresuid, setsid};

use crate::collect::collect;
use crate::mounts::{box_relative, build_root, cstring};
use crate::protocol::{Command, Finished, FromBox, Setup, read_frame, write_frame};
use crate::seccomp::install;

/// Descriptors the host hands to the box process.
pub(crate) const CONTROL_FD: RawFd = 3;
pub(crate) const STDOUT_FD: RawFd = 4;
pub(crate) const STDERR_FD: RawFd = 5;

/// A failed set-up step: which one, and why.
#[derive(Debug)]
pub(crate) struct Step {
    pub name: String,
    pub message: String,
}

impl Step {
    pub fn new(name: &str, message: impl Into<String>) -> Self {
        Self {
            name: name.to_string(),
            message: message.into(),
        }
    }
}

fn step<T, E: std::fmt::Display>(name: &str, result: Result<T, E>) -> Result<T, Step> {
    result.map_err(|e| Step::new(name, e.to_string()))
}

/// Entry point of the box process (`tandem __box` or `tandem-box`). Never returns.
pub fn box_main() -> ! {
    // SAFETY: the host starts this process with the control socket on fd 3 and nothing else
    // owns that descriptor in this fresh process.
    let control = unsafe { UnixStream::from_raw_fd(CONTROL_FD) };
    let code = match keeper(control) {
        Ok(code) => code,
        Err((mut control, failure)) => {
            let _ = write_frame(
                &mut control,
                &FromBox::Failed {
                    step: failure.name,
                    message: failure.message,
                },
            );
            111
        }
    };
    std::process::exit(code)
}

fn keeper(mut control: UnixStream) -> Result<i32, (UnixStream, Step)> {
    let setup: Setup = match read_frame(&mut control) {
        Ok(setup) => setup,
        Err(e) => return Err((control, Step::new("read set-up", e.to_string()))),
    };
    if let Err(failure) = enter_namespaces(&setup) {
        return Err((control, failure));
    }
    // SAFETY: the keeper is single-threaded (it is a freshly exec'd process that started no
    // thread), so the child may use the allocator and everything else after fork.
    match unsafe { fork() } {
        Ok(ForkResult::Child) => {
            let code = match init(&mut control, &setup) {
                Ok(()) => 0,
                Err(failure) => {
                    let _ = write_frame(
                        &mut control,
                        &FromBox::Failed {
                            step: failure.name,
                            message: failure.message,
                        },
                    );
                    112
                }
            };
            std::process::exit(code)
        }
        Ok(ForkResult::Parent { child }) => {
            // Only init and the payload keep the control socket and the output pipes, so the
            // host sees end-of-file as soon as they are gone.
            drop(control);
            close_fd(STDOUT_FD);
            close_fd(STDERR_FD);
            loop {
                match waitpid(child, None) {
                    Ok(WaitStatus::Exited(_, code)) => return Ok(code),
                    Ok(WaitStatus::Signaled(_, signal, _)) => return Ok(128 + signal as i32),
                    Ok(_) | Err(Errno::EINTR) => continue,
                    Err(_) => return Ok(113),
                }
            }
        }
        Err(e) => Err((control, Step::new("fork init", e.to_string()))),
    }
}

fn close_fd(fd: RawFd) {
    // SAFETY: closing a descriptor number this process owns and no longer uses.
    unsafe { libc::close(fd) };
}

fn enter_namespaces(setup: &Setup) -> Result<(), Step> {
    let pid = std::process::id().to_string();
    for procs in &setup.cgroup_procs {
        step(
            &format!("join cgroup {}", procs.display()),
            fs::write(procs, &pid),
        )?;
    }
    // The keeper and init should never be the OOM killer's choice; the payload raises its own
    // score. Lowering needs CAP_SYS_RESOURCE, which some hosts withhold even from root.
    let _ = fs::write("/proc/self/oom_score_adj", "-1000");
    let mut flags = CloneFlags::CLONE_NEWNS
        | CloneFlags::CLONE_NEWNET
        | CloneFlags::CLONE_NEWIPC
        | CloneFlags::CLONE_NEWUTS
        | CloneFlags::CLONE_NEWPID;
    if Path::new("/proc/self/ns/cgroup").exists() {
        flags |= CloneFlags::CLONE_NEWCGROUP;
    }
    step("unshare namespaces", unshare(flags))
}

fn init(control: &mut UnixStream, setup: &Setup) -> Result<(), Step> {
    // SAFETY: prctl with integer arguments only.
    let rc = unsafe {
        libc::prctl(
            libc::PR_SET_PDEATHSIG,
            libc::SIGKILL as libc::c_ulong,
            0,
            0,
            0,
        )
    };
    // getppid() reads 0 here (the keeper lives outside this PID namespace), so a keeper that
    // died before the prctl cannot be detected that way; init then ends when the host closes
    // the control socket, which it does whenever it drops a box.
    if rc != 0 {
        return Err(Step::new(
            "watch keeper",
            std::io::Error::last_os_error().to_string(),
        ));
    }
    build_root(setup)?;
    step("set hostname", nix::unistd::sethostname("box"))?;
    step("report ready", write_frame(control, &FromBox::Ready))?;

    // Blocked in read until a run starts, so this marks the start of the run's accounting.
    let init_cpu_start = self_cpu_us();
    let command: Command = match read_frame(control) {
        Ok(command) => command,
        // The host closed the box without using it (pool shut down).
        Err(_) => return Ok(()),
    };
    place_files(&command, setup)?;
    let stdin = stdin_memfd(&command.stdin)?;
    let (exec_error_read, exec_error_write) = step(
        "exec-error pipe",
        nix::unistd::pipe2(nix::fcntl::OFlag::O_CLOEXEC),
    )?;

    let started = Instant::now();
    // SAFETY: init is single-threaded (forked from the single-threaded keeper).
    let payload = match unsafe { fork() } {
        Ok(ForkResult::Child) => {
            drop(exec_error_read);
            let failure = payload(&command, setup, stdin, exec_error_write.as_raw_fd());
            let message = format!("{}: {}", failure.name, failure.message);
            let mut pipe = fs::File::from(exec_error_write);
            let _ = pipe.write_all(message.as_bytes());
            // SAFETY: _exit ends the child without running the parent's atexit handlers.
            unsafe { libc::_exit(127) }
        }
        Ok(ForkResult::Parent { child }) => child,
        Err(e) => return Err(Step::new("fork payload", e.to_string())),
    };
    drop(exec_error_write);
    drop(stdin);
    close_fd(STDOUT_FD);
    close_fd(STDERR_FD);

    // Blocks until exec succeeds (the pipe closes) or fails (the payload writes why).
    let mut exec_error = String::new();
    let _ = fs::File::from(exec_error_read)
        .take(4096)
        .read_to_string(&mut exec_error);

    let (exit_code, signal, wall_us) = reap_until(payload, started);
    // The main process is gone: nothing else of the run may outlive it.
    let _ = kill(Pid::from_raw(-1), Signal::SIGKILL);
    while !matches!(waitpid(None, None), Err(Errno::ECHILD)) {}

    let usage = getrusage(UsageWho::RUSAGE_CHILDREN).ok();
    let children_cpu_us = usage.map(|u| cpu_us(&u)).unwrap_or(0);
    let children_maxrss_kib = usage.map(|u| u.max_rss() as u64).unwrap_or(0);

    let (files, collect_error) = match collect(
        &command.collect,
        command.collect_limit_bytes,
        setup.uid,
        setup.gid,
    ) {
        Ok(files) => (files, None),
        Err(message) => (Vec::new(), Some(message)),
    };
    let init_cpu_us = self_cpu_us().saturating_sub(init_cpu_start);
    let finished = Finished {
        init_cpu_us,
        exit_code,
        signal,
        wall_us,
        children_cpu_us,
        children_maxrss_kib,
        exec_error: (!exec_error.is_empty()).then_some(exec_error),
        files,
        collect_error,
    };
    step(
        "report finished",
        write_frame(control, &FromBox::Finished(finished)),
    )
}

fn cpu_us(usage: &nix::sys::resource::Usage) -> u64 {
    let (user, system) = (usage.user_time(), usage.system_time());
    (user.tv_sec() + system.tv_sec()) as u64 * 1_000_000
        + (user.tv_usec() + system.tv_usec()) as u64
}

fn self_cpu_us() -> u64 {
    getrusage(UsageWho::RUSAGE_SELF)
        .map(|u| cpu_us(&u))
        .unwrap_or(0)
}

/// Reaps children (orphans are reparented to init) until the payload's main process is gone.
fn reap_until(payload: Pid, started: Instant) -> (Option<i32>, Option<i32>, u64) {
    loop {
        match waitpid(None, None) {
            Ok(WaitStatus::Exited(pid, code)) if pid == payload => {
                return (Some(code), None, started.elapsed().as_micros() as u64);
            }
            Ok(WaitStatus::Signaled(pid, signal, _)) if pid == payload => {
                return (
                    None,
                    Some(signal as i32),
                    started.elapsed().as_micros() as u64,
                );
            }
            Ok(_) | Err(Errno::EINTR) => continue,
            Err(_) => return (None, None, started.elapsed().as_micros() as u64),
        }
    }
}

/// Writes the command's files into the fresh /box. Nothing untrusted has run in this box yet,
/// so no path here can have been planted; O_NOFOLLOW and O_EXCL hold that line anyway.
fn place_files(command: &Command, setup: &Setup) -> Result<(), Step> {
    for file in &command.files {
        let path = box_relative(&file.path).ok_or_else(|| {
            Step::new(
                "place files",
                format!("{:?} is not a plain relative path", file.path),
            )
        })?;
        let mut dir = Path::new("/box").to_path_buf();
        if let Some(parent) = path.strip_prefix("/box").ok().and_then(Path::parent) {
            for part in parent.components() {
                dir.push(part);
                if fs::symlink_metadata(&dir).is_err() {
                    step("create directory", fs::create_dir(&dir))?;
                    step(
                        "own directory",
                        std::os::unix::fs::lchown(&dir, Some(setup.uid), Some(setup.gid)),
                    )?;
                }
            }
        }
        let mode = if file.executable { 0o755 } else { 0o644 };
        let mut out = step(
            "create file",
            fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .mode(mode)
                .custom_flags(libc::O_NOFOLLOW)
                .open(&path),
        )?;
        step("write file", out.write_all(&file.contents))?;
        step(
            "own file",
            std::os::unix::fs::fchown(&out, Some(setup.uid), Some(setup.gid)),
        )?;
    }
    Ok(())
}

/// Standard input as an anonymous in-memory file: seekable, invisible in the file system, and
/// charged to the box's memory.
fn stdin_memfd(bytes: &[u8]) -> Result<OwnedFd, Step> {
    let name = cstring("stdin")?;
    // SAFETY: memfd_create with a valid C string and flags; the result is checked.
    let fd = unsafe { libc::memfd_create(name.as_ptr(), libc::MFD_CLOEXEC) };
    if fd < 0 {
        return Err(Step::new(
            "stdin memfd",
            std::io::Error::last_os_error().to_string(),
        ));
    }
    // SAFETY: fd was just returned by memfd_create and is owned by nobody else.
    let owned = unsafe { OwnedFd::from_raw_fd(fd) };
    let mut file = fs::File::from(owned);
    step("write stdin", file.write_all(bytes))?;
    step("rewind stdin", std::io::Seek::rewind(&mut file))?;
    Ok(OwnedFd::from(file))
}

/// The payload: from root in the box to an unprivileged, filtered process, then exec.
/// Returns only on failure.
fn payload(command: &Command, setup: &Setup, stdin: OwnedFd, exec_error: RawFd) -> Step {
    match prepare_payload(command, setup, stdin, exec_error) {
        Ok(never) => match never {},
        Err(failure) => failure,
    }
}

enum Never {}

fn check(name: &str, rc: libc::c_int) -> Result<(), Step> {
    if rc < 0 {
        Err(Step::new(name, std::io::Error::last_os_error().to_string()))
    } else {
        Ok(())
    }
}

fn prepare_payload(
    command: &Command,
    setup: &Setup,
    stdin: OwnedFd,
    exec_error: RawFd,
) -> Result<Never, Step> {
    step("setsid", setsid())?;
    step("oom score", fs::write("/proc/self/oom_score_adj", "1000"))?;

    // SAFETY: dup2/fcntl/close_range on descriptors this process owns; results are checked.
    unsafe {
        check("stdin", libc::dup2(stdin.as_raw_fd(), 0))?;
        check("stdout", libc::dup2(STDOUT_FD, 1))?;
        check("stderr", libc::dup2(STDERR_FD, 2))?;
        // The exec-error pipe moves to fd 3 (close-on-exec); everything above it closes.
        check(
            "exec-error pipe",
            libc::dup3(exec_error, 3, libc::O_CLOEXEC),
        )?;
        check(
            "close descriptors",
            libc::syscall(libc::SYS_close_range, 4u32, u32::MAX, 0u32) as libc::c_int,
        )?;
    }
    std::mem::forget(stdin);

    let limits = &command.rlimits;
    let rlimit =
        |resource: Resource, value: u64| step("setrlimit", setrlimit(resource, value, value));
    rlimit(Resource::RLIMIT_CPU, limits.cpu_seconds)?;
    rlimit(Resource::RLIMIT_FSIZE, limits.file_size_bytes)?;
    rlimit(Resource::RLIMIT_NOFILE, limits.open_files)?;
    rlimit(Resource::RLIMIT_STACK, limits.stack_bytes)?;
    rlimit(Resource::RLIMIT_NPROC, limits.processes)?;
    rlimit(Resource::RLIMIT_CORE, 0)?;
    rlimit(Resource::RLIMIT_MEMLOCK, 0)?;
    rlimit(Resource::RLIMIT_MSGQUEUE, 0)?;
    if let Some(bytes) = limits.address_space_bytes {
        rlimit(Resource::RLIMIT_AS, bytes)?;
    }

    let cwd = cstring(&command.cwd)?;
    // SAFETY: chdir with a valid C string.
    check("chdir", unsafe { libc::chdir(cwd.as_ptr()) })?;

    drop_privileges(setup)?;
    step("install seccomp filter", install(&setup.seccomp_bpf))?;

    let argv: Vec<_> = command
        .argv
        .iter()
        .map(|a| cstring(a))
        .collect::<Result<_, _>>()?;
    let env: Vec<_> = command
        .env
        .iter()
        .map(|(k, v)| cstring(&format!("{k}={v}")))
        .collect::<Result<_, _>>()?;
    let program = argv
        .first()
        .ok_or_else(|| Step::new("exec", "empty argv"))?;
    let mut argv_ptrs: Vec<*const libc::c_char> = argv.iter().map(|a| a.as_ptr()).collect();
    argv_ptrs.push(std::ptr::null());
    let mut env_ptrs: Vec<*const libc::c_char> = env.iter().map(|e| e.as_ptr()).collect();
    env_ptrs.push(std::ptr::null());
    // SAFETY: both arrays are NULL-terminated and point into CStrings that outlive the call.
    unsafe { libc::execve(program.as_ptr(), argv_ptrs.as_ptr(), env_ptrs.as_ptr()) };
    Err(Step::new(
        &format!("exec {}", command.argv[0]),
        std::io::Error::last_os_error().to_string(),
    ))
}

fn drop_privileges(setup: &Setup) -> Result<(), Step> {
    // Empty the bounding set first (needs CAP_SETPCAP, which root still has), so nothing can
    // ever regain a capability, setuid binaries included.
    for cap in 0..64 {
        // SAFETY: prctl with integer arguments; EINVAL past the last capability ends the loop.
        if unsafe { libc::prctl(libc::PR_CAPBSET_DROP, cap, 0, 0, 0) } != 0 {
            break;
        }
    }
    // SAFETY: setgroups with an empty list.
    check("setgroups", unsafe { libc::setgroups(0, std::ptr::null()) })?;
    let gid = Gid::from_raw(setup.gid);
    let uid = Uid::from_raw(setup.uid);
    step("setresgid", setresgid(gid, gid, gid))?;
    step("setresuid", setresuid(uid, uid, uid))?;
    // SAFETY: prctl with integer arguments only.
    check("no_new_privs", unsafe {
        libc::prctl(libc::PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0)
    })
}
