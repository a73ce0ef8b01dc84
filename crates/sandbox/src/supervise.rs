//! One run in a built box: apply the limits, send the command, watch CPU and wall time, capture
//! output within its caps, and turn what happened into a `RunOutcome`.

use std::io::Read;
use std::os::fd::AsRawFd;
use std::time::{Duration, Instant};

use crate::error::SandboxError;
use crate::host::{Inner, LiveBox, Watch};
use crate::outcome::{Captured, LimitKind, RunOutcome, RunStatus};
use crate::protocol::{CommandRef, Finished, FromBox, Rlimits, read_frame, write_frame};
use crate::spec::RunSpec;

/// Most a run may read back with `collect` (compiler output).
const COLLECT_LIMIT: u64 = 256 << 20;
/// The keeper and init sit in the box's cgroup beside the payload.
const BOX_OVERHEAD_PROCESSES: u32 = 2;
/// How often a watcher sees a run in progress at least.
const WATCH_INTERVAL: Duration = Duration::from_millis(50);
/// After a kill, how long the pipes may take to close before the box is abandoned.
const DRAIN_LIMIT: Duration = Duration::from_secs(5);

/// A stream captured up to its cap; the rest is read and dropped so the writer never blocks.
struct Capture {
    kept: Captured,
    cap: usize,
    open: bool,
}

impl Capture {
    fn new(cap: u64) -> Self {
        Self {
            kept: Captured::default(),
            cap: cap as usize,
            open: true,
        }
    }

    /// Returns true when this read went past the cap.
    fn push(&mut self, bytes: &[u8]) -> bool {
        let room = self.cap.saturating_sub(self.kept.bytes.len());
        self.kept
            .bytes
            .extend_from_slice(&bytes[..bytes.len().min(room)]);
        if bytes.len() > room {
            self.kept.truncated = true;
        }
        self.kept.truncated
    }
}

fn read_into(file: &mut std::fs::File, capture: &mut Capture, buffer: &mut [u8]) -> bool {
    match file.read(buffer) {
        Ok(0) | Err(_) => {
            capture.open = false;
            false
        }
        Ok(n) => capture.push(&buffer[..n]),
    }
}

pub(crate) fn supervise(
    inner: &Inner,
    mut live: LiveBox,
    spec: &RunSpec,
    watch: Watch<'_>,
) -> Result<RunOutcome, SandboxError> {
    let limits = spec.limits;
    let baseline = match live.cgroup.as_mut() {
        Some(cgroup) => Some(cgroup.start_run(
            limits.memory_bytes,
            limits.processes,
            BOX_OVERHEAD_PROCESSES,
        )?),
        None => None,
    };
    let weak = baseline.is_none();
    let command = CommandRef {
        files: &spec.files,
        argv: &spec.argv,
        env: &spec.env,
        cwd: &spec.cwd,
        stdin: &spec.stdin,
        rlimits: Rlimits {
            // A per-process backstop; the tree's CPU is watched through the cgroup below.
            cpu_seconds: limits.cpu_ms.div_ceil(1000) + 1,
            file_size_bytes: limits.file_size_bytes,
            open_files: limits.open_files,
            stack_bytes: limits.stack_bytes,
            processes: u64::from(limits.processes),
            address_space_bytes: limits
                .address_space_bytes
                .or(weak.then_some(limits.memory_bytes)),
        },
        collect: &spec.collect,
        collect_limit_bytes: COLLECT_LIMIT,
    };
    let started = Instant::now();
    write_frame(&mut live.control, &command)
        .map_err(|e| SandboxError::Channel(format!("send command: {e}")))?;

    let cores = std::thread::available_parallelism()
        .map(|n| n.get() as u64)
        .unwrap_or(1);
    let cpu_limit_ns = limits.cpu_ms * 1_000_000;
    let wall_limit = Duration::from_millis(limits.wall_ms);
    let mut stdout = Capture::new(limits.stdout_bytes);
    let mut stderr = Capture::new(limits.stderr_bytes);
    let mut finished: Option<Finished> = None;
    let mut control_open = true;
    let mut killed: Option<(LimitKind, Instant)> = None;
    let mut buffer = vec![0u8; 64 << 10];

    while control_open || stdout.open || stderr.open {
        let now = Instant::now();
        let elapsed = now - started;
        let mut timeout = Duration::from_millis(50);
        match killed {
            Some((_, at)) if now - at > DRAIN_LIMIT => break,
            Some(_) => {}
            None => {
                let cpu_used = match (&live.cgroup, &baseline) {
                    (Some(cgroup), Some(base)) => cgroup.cpu_ns().saturating_sub(base.cpu_ns),
                    _ => 0,
                };
                if elapsed >= wall_limit {
                    killed = Some((LimitKind::WallTime, now));
                } else if (!weak && cpu_used >= cpu_limit_ns)
                    || !watch(&stdout.kept.bytes, cpu_used / 1_000_000)
                {
                    killed = Some((LimitKind::CpuTime, now));
                } else {
                    timeout = (wall_limit - elapsed).min(WATCH_INTERVAL);
                    if !weak {
                        // CPU cannot grow faster than one second per second per core.
                        let cpu_left = Duration::from_nanos((cpu_limit_ns - cpu_used) / cores);
                        timeout = timeout.min(cpu_left.max(Duration::from_millis(1)));
                    }
                }
                if killed.is_some() {
                    live.kill();
                    continue;
                }
            }
        }

        let mut fds = Vec::with_capacity(3);
        if control_open {
            fds.push(libc::pollfd {
                fd: live.control.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            });
        }
        if stdout.open {
            fds.push(libc::pollfd {
                fd: live.stdout.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            });
        }
        if stderr.open {
            fds.push(libc::pollfd {
                fd: live.stderr.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            });
        }
        let millis = timeout.as_millis().clamp(1, i32::MAX as u128) as libc::c_int;
        // SAFETY: fds is a valid, initialised array of pollfd of the given length.
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), fds.len() as libc::nfds_t, millis) };
        if ready <= 0 {
            continue;
        }
        for pollfd in &fds {
            if pollfd.revents == 0 {
                continue;
            }
            if pollfd.fd == live.control.as_raw_fd() {
                match read_frame::<FromBox>(&mut live.control) {
                    Ok(FromBox::Finished(report)) => finished = Some(report),
                    Ok(FromBox::Failed { step, message }) => {
                        return Err(SandboxError::Setup { step, message });
                    }
                    Ok(FromBox::Ready) | Err(_) => control_open = false,
                }
                if finished.is_some() {
                    control_open = false;
                }
            } else if pollfd.fd == live.stdout.as_raw_fd() {
                let over = read_into(&mut live.stdout, &mut stdout, &mut buffer);
                if over && killed.is_none() {
                    killed = Some((LimitKind::Output, Instant::now()));
                    live.kill();
                }
            } else if pollfd.fd == live.stderr.as_raw_fd() {
                read_into(&mut live.stderr, &mut stderr, &mut buffer);
            }
        }
    }
    let host_wall = started.elapsed();
    let clean_end = finished.is_some() && killed.is_none();
    if !clean_end {
        // Killed or lost: make sure nothing of the box is left before reporting.
        live.kill();
        let _ = live.keeper.wait();
        if let Some(cgroup) = live.cgroup.as_ref() {
            cgroup.drain();
        }
    }
    // On a clean end init has already killed and reaped every process of the box, so the
    // counters are final; the keeper is reaped and the cgroup removed in the background.
    let mut cpu_ns = None;
    let mut memory_bytes = None;
    let mut oom_killed = false;
    let mut limit_reached = false;
    if let (Some(cgroup), Some(base)) = (live.cgroup.as_mut(), baseline) {
        let init_ns = finished.as_ref().map_or(0, |f| f.init_cpu_us * 1000);
        cpu_ns = Some(
            cgroup
                .cpu_ns()
                .saturating_sub(base.cpu_ns)
                .saturating_sub(init_ns),
        );
        memory_bytes = Some(cgroup.memory_peak().saturating_sub(base.memory_bytes));
        oom_killed = cgroup.oom_kills() > base.oom_kills;
        limit_reached = cgroup.limit_hits() > base.limit_hits;
    }
    inner.retire(live);

    let cpu_ms = cpu_ns
        .map(|ns| ns / 1_000_000)
        .unwrap_or_else(|| finished.as_ref().map_or(0, |f| f.children_cpu_us / 1000));
    let memory_kib = memory_bytes
        .map(|b| b / 1024)
        .unwrap_or_else(|| finished.as_ref().map_or(0, |f| f.children_maxrss_kib));
    let wall_ms = finished
        .as_ref()
        .map_or(host_wall.as_millis() as u64, |f| f.wall_us / 1000);

    let mut outcome = RunOutcome {
        status: RunStatus::Ok,
        exit_code: None,
        signal: None,
        cpu_ms,
        wall_ms,
        memory_kib,
        stdout: stdout.kept,
        stderr: stderr.kept,
        limit: None,
        memory_limit_reached: limit_reached || oom_killed,
        collected: Vec::new(),
        error: None,
    };
    if let Some((kind, _)) = killed {
        outcome.signal = Some(libc::SIGKILL);
        outcome.limit = Some(kind);
        outcome.status = match kind {
            LimitKind::CpuTime | LimitKind::WallTime => RunStatus::TimeLimitExceeded,
            LimitKind::Memory => RunStatus::MemoryLimitExceeded,
            LimitKind::Output => RunStatus::OutputLimitExceeded,
        };
        return Ok(outcome);
    }
    let Some(report) = finished else {
        if oom_killed {
            outcome.status = RunStatus::MemoryLimitExceeded;
            outcome.limit = Some(LimitKind::Memory);
        } else {
            outcome.status = RunStatus::InternalError;
            outcome.error = Some("the box ended without reporting how the program ended".into());
        }
        return Ok(outcome);
    };
    outcome.exit_code = report.exit_code;
    outcome.signal = report.signal;
    outcome.collected = report.files;
    if let Some(error) = report.exec_error {
        outcome.status = RunStatus::InternalError;
        outcome.error = Some(format!("the program could not be started: {error}"));
        return Ok(outcome);
    }
    if let Some(error) = report.collect_error {
        outcome.error = Some(error);
    }
    let (status, limit) = if oom_killed {
        (RunStatus::MemoryLimitExceeded, Some(LimitKind::Memory))
    } else if report.signal == Some(libc::SIGXCPU) || cpu_ms > limits.cpu_ms {
        (RunStatus::TimeLimitExceeded, Some(LimitKind::CpuTime))
    } else if wall_ms > limits.wall_ms {
        (RunStatus::TimeLimitExceeded, Some(LimitKind::WallTime))
    } else if report.signal == Some(libc::SIGXFSZ) {
        (RunStatus::OutputLimitExceeded, Some(LimitKind::Output))
    } else if report.exit_code == Some(0) {
        (RunStatus::Ok, None)
    } else {
        (RunStatus::RuntimeError, None)
    };
    outcome.status = status;
    outcome.limit = limit;
    Ok(outcome)
}
