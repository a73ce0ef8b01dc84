//! `tandem doctor`: what this host offers — each language's toolchain (version, or why it is
//! unavailable) and the sandbox's capabilities (namespaces, cgroup version and controllers,
//! seccomp, and which guarantees are weaker) — as a table or as JSON.

use std::process::ExitCode;

use anyhow::{Context, Result};
use serde::Serialize;
use tandem_judge::{Search, ToolchainSummary, Toolchains};
use tandem_sandbox::{Bind, Capabilities, CgroupVersion, MountPlan, RunSpec, RunStatus};

use crate::args::DoctorArgs;
use crate::sandbox::open_sandbox;

#[derive(Serialize)]
struct Report {
    languages: Vec<ToolchainSummary>,
    sandbox: SandboxReport,
}

#[derive(Serialize)]
struct SandboxReport {
    /// A real box ran a real program on this host.
    available: bool,
    capabilities: Capabilities,
    /// What the self-test did: its time, or why it failed.
    self_test: String,
}

/// Builds one box and runs `/usr/bin/true` in it: proof that namespaces, mounts, the cgroup and
/// seccomp really work here, not just that the kernel advertises them.
fn self_test() -> (bool, String) {
    let sandbox = match open_sandbox(false) {
        Ok(sandbox) => sandbox,
        Err(e) => return (false, format!("{e:#}")),
    };
    let plan = MountPlan {
        binds: vec![Bind::same("/usr"), Bind::same("/etc/ld.so.cache")],
        ..MountPlan::default()
    };
    let started = std::time::Instant::now();
    match sandbox.run(&RunSpec::new(plan, vec!["/usr/bin/true".into()])) {
        Ok(outcome) if outcome.status == RunStatus::Ok => (
            true,
            format!(
                "ok: a box ran /usr/bin/true in {:.1} ms",
                started.elapsed().as_secs_f64() * 1000.0
            ),
        ),
        Ok(outcome) => (
            false,
            format!(
                "a box ran /usr/bin/true but it ended {}: {}",
                outcome.status.as_str(),
                outcome.error.unwrap_or_default()
            ),
        ),
        Err(e) => (false, format!("no box could be built: {e}")),
    }
}

/// Prints the report; the exit code is non-zero when the sandbox cannot run at all.
pub fn run(args: &DoctorArgs) -> Result<ExitCode> {
    // Toolchain probes and the sandbox's own checks run at the same time.
    let (languages, sandbox) = std::thread::scope(|scope| {
        let sandbox = scope.spawn(|| {
            let capabilities = Capabilities::detect();
            let (available, self_test) = self_test();
            SandboxReport {
                available,
                capabilities,
                self_test,
            }
        });
        let languages = Toolchains::detect_all(&Search::from_env()).summary();
        let sandbox = sandbox.join().unwrap_or_else(|_| SandboxReport {
            available: false,
            capabilities: Capabilities::detect(),
            self_test: "the sandbox check panicked".into(),
        });
        (languages, sandbox)
    });
    let report = Report { languages, sandbox };
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&report).context("cannot encode the report")?
        );
    } else {
        print!("{}", table(&report));
    }
    Ok(if report.sandbox.available {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn table(report: &Report) -> String {
    let mut rows: Vec<[String; 3]> = vec![[
        "LANGUAGE".into(),
        "VERSION".into(),
        "PATH (or why unavailable)".into(),
    ]];
    for lang in &report.languages {
        rows.push(match (&lang.version, &lang.reason) {
            (Some(version), _) => [
                lang.id.to_string(),
                version.clone(),
                lang.path.clone().unwrap_or_default(),
            ],
            (None, reason) => [
                lang.id.to_string(),
                "unavailable".into(),
                reason.clone().unwrap_or_else(|| "unknown".into()),
            ],
        });
    }
    let mut out = aligned(&rows);
    out.push('\n');
    let mut sandbox: Vec<[String; 2]> = vec![["SANDBOX".into(), String::new()]];
    sandbox.extend(capability_rows(&report.sandbox.capabilities));
    sandbox.push(["self-test".into(), report.sandbox.self_test.clone()]);
    out.push_str(&aligned(&sandbox));
    out
}

fn capability_rows(caps: &Capabilities) -> Vec<[String; 2]> {
    let yes = |b: bool| if b { "yes" } else { "no" };
    let namespaces: Vec<String> = caps
        .namespaces
        .iter()
        .map(|(name, ok)| {
            if *ok {
                name.clone()
            } else {
                format!("{name} (missing)")
            }
        })
        .collect();
    let cgroup = match caps.cgroup_version {
        None => "none".to_owned(),
        Some(version) => {
            let version = match version {
                CgroupVersion::V1 => "v1",
                CgroupVersion::V2 => "v2",
            };
            format!(
                "{version}: memory {}, pids {}, cpu {}",
                yes(caps.cgroup_memory),
                yes(caps.cgroup_pids),
                yes(caps.cgroup_cpu)
            )
        }
    };
    let mut rows = vec![
        ["namespaces".into(), namespaces.join(" ")],
        ["cgroup".into(), cgroup],
        ["cgroup paths".into(), caps.cgroup_paths.join(" ")],
        ["seccomp".into(), yes(caps.seccomp).into()],
    ];
    if caps.weaker.is_empty() {
        rows.push(["weaker".into(), "none: every guarantee holds".into()]);
    }
    for weaker in &caps.weaker {
        rows.push(["weaker".into(), weaker.clone()]);
    }
    rows
}

/// Rows as text with every column but the last padded to its widest cell.
fn aligned<const N: usize>(rows: &[[String; N]]) -> String {
    let mut widths = [0usize; N];
    for row in rows {
        for (width, cell) in widths.iter_mut().zip(row) {
            *width = (*width).max(cell.chars().count());
        }
    }
    let mut out = String::new();
    for row in rows {
        let mut line = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i + 1 < N {
                line.push_str(&format!("{cell:<width$}  ", width = widths[i]));
            } else {
                line.push_str(cell);
            }
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_aligned() {
        let rows = [
            ["a".to_owned(), "long value".to_owned(), "x".to_owned()],
            ["longer".into(), "v".into(), String::new()],
        ];
        assert_eq!(aligned(&rows), "a       long value  x\nlonger  v\n");
    }
}
