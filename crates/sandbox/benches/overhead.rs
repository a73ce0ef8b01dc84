//! Sandbox overhead against a bare process start and bubblewrap, measured side by side in one
//! run. Prints medians and percentiles; asserts nothing (see docs/benchmarks.md).
//!
//! `cargo bench -p tandem-sandbox --bench overhead [-- ROUNDS]`

use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use tandem_sandbox::{Bind, MountPlan, RunSpec, RunStatus, Sandbox, SandboxConfig};

fn percentile(sorted: &[Duration], p: f64) -> f64 {
    let index = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[index].as_secs_f64() * 1000.0
}

/// Times `once` (which returns its own timed span) `rounds` times after a short warm-up.
fn measure(label: &str, rounds: usize, mut once: impl FnMut() -> Duration) -> f64 {
    for _ in 0..rounds / 10 + 1 {
        once();
    }
    let mut times: Vec<Duration> = (0..rounds).map(|_| once()).collect();
    times.sort();
    let median = percentile(&times, 0.5);
    println!(
        "{label:<44} median {median:>7.3} ms   p10 {:>7.3}   p90 {:>7.3}   (n={rounds})",
        percentile(&times, 0.1),
        percentile(&times, 0.9)
    );
    median
}

fn timed(f: impl FnOnce()) -> Duration {
    let start = Instant::now();
    f();
    start.elapsed()
}

fn bare(argv: &[&str]) {
    let status = Command::new(argv[0])
        .args(&argv[1..])
        .stdout(Stdio::piped())
        .status();
    assert!(status.is_ok_and(|s| s.success()));
}

fn python() -> Option<String> {
    ["/usr/bin/python3.11", "/usr/bin/python3"]
        .iter()
        .find(|p| std::path::Path::new(p).exists())
        .map(|p| p.to_string())
}

fn main() {
    let rounds: usize = std::env::args()
        .filter_map(|a| a.parse().ok())
        .next()
        .unwrap_or(200);
    let plan = MountPlan {
        binds: vec![Bind::same("/usr"), Bind::same("/etc/ld.so.cache")],
        ..MountPlan::default()
    };
    let mut config = SandboxConfig::new(env!("CARGO_BIN_EXE_tandem-box"), Vec::new());
    config.scratch_dir = PathBuf::from("/run/tandem-bench");
    let cold = Sandbox::new(config.clone()).expect("sandbox");
    config.warm_boxes = 1;
    let warm = Sandbox::new(config).expect("sandbox");
    let bwrap = std::path::Path::new("/usr/bin/bwrap").exists();

    let run = |sandbox: &Sandbox, argv: &[&str]| {
        let spec = RunSpec::new(plan.clone(), argv.iter().map(|a| a.to_string()).collect());
        let outcome = sandbox.run(&spec).expect("run");
        assert_eq!(outcome.status, RunStatus::Ok, "{outcome:?}");
    };
    let bwrap_run = |argv: &[&str]| {
        let mut args = vec![
            "--ro-bind",
            "/usr",
            "/usr",
            "--symlink",
            "usr/bin",
            "/bin",
            "--symlink",
            "usr/lib",
            "/lib",
            "--symlink",
            "usr/lib64",
            "/lib64",
            "--proc",
            "/proc",
            "--dev",
            "/dev",
            "--tmpfs",
            "/tmp",
            "--unshare-all",
            "--die-with-parent",
            "--new-session",
        ];
        args.extend_from_slice(argv);
        bare(&[&["/usr/bin/bwrap"][..], &args].concat());
    };

    let mut programs: Vec<(&str, Vec<&str>)> = vec![("/bin/true", vec!["/usr/bin/true"])];
    let py = python();
    if let Some(py) = &py {
        programs.push(("python3 -c pass", vec![py.as_str(), "-S", "-c", "pass"]));
    }
    for (name, argv) in &programs {
        println!("\n{name}");
        let base = measure("bare spawn (fork+exec+wait)", rounds, || {
            timed(|| bare(argv))
        });
        // The pool refills in the background; a short idle gap before each timed run lets it,
        // as it would between a learner's runs.
        let w = measure("tandem sandbox, warm box", rounds, || {
            std::thread::sleep(Duration::from_millis(3));
            let start = Instant::now();
            run(&warm, argv);
            start.elapsed()
        });
        let c = measure("tandem sandbox, cold box", rounds / 2, || {
            timed(|| run(&cold, argv))
        });
        let b = bwrap.then(|| {
            measure("bubblewrap --unshare-all", rounds / 2, || {
                timed(|| bwrap_run(argv))
            })
        });
        println!(
            "overhead over bare: warm {:+.3} ms, cold {:+.3} ms{}",
            w - base,
            c - base,
            b.map(|b| format!(", bubblewrap {:+.3} ms", b - base))
                .unwrap_or_default()
        );
    }
}
