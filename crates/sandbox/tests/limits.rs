//! Every limit ends a run with its own status and names itself.

mod common;

use common::{sandbox, text, usr_plan};
use tandem_sandbox::{LimitKind, Limits, RunSpec, RunStatus, Sandbox};

fn run(sandbox: &Sandbox, script: &str, limits: Limits) -> tandem_sandbox::RunOutcome {
    let mut spec = RunSpec::new(
        usr_plan(),
        vec!["/bin/sh".into(), "-c".into(), script.into()],
    );
    spec.limits = limits;
    sandbox.run(&spec).expect("the run is carried out")
}

#[test]
fn cpu_loop_is_stopped_by_cpu_time() {
    let limits = Limits {
        cpu_ms: 300,
        wall_ms: 5_000,
        ..Limits::default()
    };
    let outcome = run(&sandbox(0), "while :; do :; done", limits);
    assert_eq!(outcome.status, RunStatus::TimeLimitExceeded);
    assert_eq!(outcome.limit, Some(LimitKind::CpuTime));
    assert!(
        outcome.cpu_ms >= 300 && outcome.cpu_ms < 1_000,
        "cpu {}",
        outcome.cpu_ms
    );
}

#[test]
fn sleep_is_stopped_by_wall_time() {
    let limits = Limits {
        cpu_ms: 1_000,
        wall_ms: 300,
        ..Limits::default()
    };
    let outcome = run(&sandbox(0), "sleep 30", limits);
    assert_eq!(outcome.status, RunStatus::TimeLimitExceeded);
    assert_eq!(outcome.limit, Some(LimitKind::WallTime));
    assert!(outcome.wall_ms < 2_000, "wall {}", outcome.wall_ms);
}

#[test]
fn cpu_time_of_every_process_is_summed() {
    // Two processes each burn a fixed amount of work; the run's CPU time is their sum however
    // busy the host is (wall time would depend on free cores, CPU time does not).
    // On a loaded 2-core machine one run's CPU time still wobbles (caches, frequency), so the
    // least of three single runs is compared with the most of two double runs. A sandbox that
    // counted only one process would give about 1.0 every time; summing gives about 2.
    let burn = "i=0; while [ $i -lt 60000 ]; do i=$((i+1)); done";
    let cpu_of = |script: &str| {
        let outcome = run(&sandbox(0), script, Limits::default());
        assert_eq!(outcome.status, RunStatus::Ok, "{script}");
        outcome.cpu_ms
    };
    let alone = (0..3).map(|_| cpu_of(burn)).min().unwrap_or(0);
    let double = format!("({burn}) & {burn}; wait");
    let twice = (0..2).map(|_| cpu_of(&double)).max().unwrap_or(0);
    assert!(alone > 0, "alone {alone}");
    assert!(
        twice as f64 > alone as f64 * 1.6,
        "alone {alone} twice {twice}"
    );
}

#[test]
fn memory_bomb_is_a_memory_limit() {
    let limits = Limits {
        memory_bytes: 32 << 20,
        ..Limits::default()
    };
    // Filling a tmpfs file is memory too, charged to the box.
    let outcome = run(
        &sandbox(0),
        "head -c 100000000 /dev/zero > /tmp/fill; x=$(head -c 60000000 /dev/zero | tr '\\0' a); echo ${#x}",
        limits,
    );
    assert_eq!(
        outcome.status,
        RunStatus::MemoryLimitExceeded,
        "{outcome:?}"
    );
    assert!(outcome.memory_limit_reached);
}

#[test]
fn endless_output_is_an_output_limit_with_bounded_capture() {
    let limits = Limits {
        stdout_bytes: 1 << 20,
        ..Limits::default()
    };
    let outcome = run(&sandbox(0), "yes tandem", limits);
    assert_eq!(outcome.status, RunStatus::OutputLimitExceeded);
    assert_eq!(outcome.limit, Some(LimitKind::Output));
    assert_eq!(outcome.stdout.bytes.len(), 1 << 20);
    assert!(outcome.stdout.truncated);
}

#[test]
fn stderr_past_its_cap_is_truncated_not_fatal() {
    let limits = Limits {
        stderr_bytes: 1000,
        ..Limits::default()
    };
    let outcome = run(
        &sandbox(0),
        "head -c 100000 /dev/zero >&2; echo done",
        limits,
    );
    assert_eq!(outcome.status, RunStatus::Ok);
    assert_eq!(outcome.stderr.bytes.len(), 1000);
    assert!(outcome.stderr.truncated);
    assert_eq!(text(&outcome.stdout.bytes), "done\n");
}

#[test]
fn process_count_is_capped() {
    let limits = Limits {
        processes: 8,
        ..Limits::default()
    };
    let outcome = run(
        &sandbox(0),
        "for i in 1 2 3 4 5 6 7 8 9 10 11 12; do sleep 5 & done; wait",
        limits,
    );
    assert!(
        text(&outcome.stderr.bytes).contains("fork")
            || text(&outcome.stderr.bytes).contains("Resource"),
        "{outcome:?}"
    );
}

#[test]
fn big_file_is_stopped_by_file_size_limit() {
    let limits = Limits {
        file_size_bytes: 1 << 20,
        ..Limits::default()
    };
    let argv = ["/bin/dd", "if=/dev/zero", "of=/box/big", "bs=1M", "count=5"];
    let mut spec = RunSpec::new(usr_plan(), argv.iter().map(|a| a.to_string()).collect());
    spec.limits = limits;
    let outcome = sandbox(0).run(&spec).expect("the run is carried out");
    assert_eq!(
        outcome.status,
        RunStatus::OutputLimitExceeded,
        "{outcome:?}"
    );
}

#[test]
fn a_watcher_can_end_a_run_early() {
    // The watcher sees output as it arrives; once it has seen "ready" it asks to stop, and the
    // run ends long before its own limits would.
    let mut spec = RunSpec::new(
        usr_plan(),
        vec!["/bin/sh".into(), "-c".into(), "echo ready; sleep 30".into()],
    );
    spec.limits = Limits {
        wall_ms: 20_000,
        ..Limits::default()
    };
    let mut calls = 0;
    let outcome = sandbox(0)
        .run_watched(&spec, &mut |stdout, _cpu_ms| {
            calls += 1;
            !stdout.starts_with(b"ready")
        })
        .expect("the run is carried out");
    assert_eq!(outcome.status, RunStatus::TimeLimitExceeded);
    assert_eq!(outcome.limit, Some(LimitKind::CpuTime));
    assert!(outcome.wall_ms < 5_000, "wall {}", outcome.wall_ms);
    assert!(calls >= 1);
}
