//! Many concurrent runs on this machine's cores: runs per second, latency percentiles and CPU
//! use, for a short CPU-bound shell loop, with and without the warm pool. Prints figures only.
//!
//! `cargo bench -p tandem-sandbox --bench throughput [-- RUNS]`

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tandem_sandbox::{Bind, MountPlan, RunSpec, RunStatus, Sandbox, SandboxConfig};

fn main() {
    let runs: usize = std::env::args()
        .filter_map(|a| a.parse().ok())
        .next()
        .unwrap_or(400);
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let plan = MountPlan {
        binds: vec![Bind::same("/usr"), Bind::same("/etc/ld.so.cache")],
        ..MountPlan::default()
    };
    // About 2 ms of CPU per run: the size of a small judged test.
    let argv: Vec<String> = [
        "/bin/sh",
        "-c",
        "i=0; while [ $i -lt 2000 ]; do i=$((i+1)); done",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    println!("{runs} runs of a ~2 ms CPU loop, {cores} cores");
    for (label, warm, workers) in [
        ("cold boxes", 0, cores),
        ("warm pool", cores, cores),
        ("warm pool, 4x workers", cores, cores * 4),
    ] {
        let mut config = SandboxConfig::new(env!("CARGO_BIN_EXE_tandem-box"), Vec::new());
        config.scratch_dir = PathBuf::from("/run/tandem-bench");
        config.warm_boxes = warm;
        let sandbox = Sandbox::new(config).expect("sandbox");
        let next = Arc::new(Mutex::new(0usize));
        let latencies = Arc::new(Mutex::new(Vec::with_capacity(runs)));
        let cpu_before = process_cpu();
        let started = Instant::now();
        let threads: Vec<_> = (0..workers)
            .map(|_| {
                let (sandbox, next, latencies, argv, plan) = (
                    sandbox.clone(),
                    next.clone(),
                    latencies.clone(),
                    argv.clone(),
                    plan.clone(),
                );
                std::thread::spawn(move || {
                    loop {
                        {
                            let mut n = next.lock().expect("lock");
                            if *n >= runs {
                                return;
                            }
                            *n += 1;
                        }
                        let start = Instant::now();
                        let outcome = sandbox
                            .run(&RunSpec::new(plan.clone(), argv.clone()))
                            .expect("run");
                        assert_eq!(outcome.status, RunStatus::Ok, "{outcome:?}");
                        latencies.lock().expect("lock").push(start.elapsed());
                    }
                })
            })
            .collect();
        for t in threads {
            t.join().expect("worker");
        }
        let wall = started.elapsed();
        let host_cpu = process_cpu() - cpu_before;
        let mut lat = latencies.lock().expect("lock").clone();
        lat.sort();
        let pct = |p: f64| lat[((lat.len() - 1) as f64 * p) as usize].as_secs_f64() * 1000.0;
        println!(
            "{label:<24} {:>7.1} runs/s   latency p50 {:>6.2} ms  p90 {:>6.2} ms  p99 {:>6.2} ms   supervisor CPU {:>5.1}% of one core",
            runs as f64 / wall.as_secs_f64(),
            pct(0.5),
            pct(0.9),
            pct(0.99),
            host_cpu.as_secs_f64() / wall.as_secs_f64() * 100.0
        );
    }
}

/// CPU time of this process (the supervising host side, not the boxes).
fn process_cpu() -> Duration {
    let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
    // SAFETY: getrusage writes a full rusage into the pointer on success.
    let usage = unsafe {
        libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr());
        usage.assume_init()
    };
    let tv = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    tv(usage.ru_utime) + tv(usage.ru_stime)
}
