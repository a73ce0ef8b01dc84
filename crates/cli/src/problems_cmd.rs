//! `tandem problems validate [DIR...]`: proves packages (without DIR, the whole bank) and prints
//! one line per proof, or JSON. Packages are proved in parallel, one per core.

use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::{Context, Result, bail};
use serde::Serialize;
use tandem_judge::judging::Judge;
use tandem_judge::validate::{Proof, Validation, validate};
use tandem_judge::{CompileCache, Search, Toolchains};
use tandem_problems::load_package;

use crate::args::ValidateArgs;
use crate::bank;
use crate::sandbox::open_sandbox;

#[derive(Serialize)]
struct Report {
    ok: bool,
    packages: usize,
    failed: usize,
    results: Vec<Validation>,
}

pub fn validate_cmd(args: &ValidateArgs) -> Result<ExitCode> {
    let roots = if args.dirs.is_empty() {
        bank::bank_dirs()
    } else {
        args.dirs.clone()
    };
    let dirs = bank::packages(&roots);
    if dirs.is_empty() {
        bail!(
            "no problem package found in {}",
            roots
                .iter()
                .map(|r| r.display().to_string())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    let toolchains = Toolchains::detect_all(&Search::from_env());
    let sandbox = open_sandbox(false)?;
    let cache = CompileCache::open(
        args.cache_dir
            .clone()
            .unwrap_or_else(CompileCache::default_dir),
        tandem_judge::cache::DEFAULT_MAX_BYTES,
    )
    .context("cannot open the compile cache")?;
    let judge = Judge {
        executor: &sandbox,
        toolchains: &toolchains,
        cache: &cache,
    };

    let queue = Mutex::new(dirs.iter().collect::<Vec<_>>());
    let results = Mutex::new(Vec::new());
    let workers = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let Some(dir) = queue.lock().ok().and_then(|mut q| q.pop()) else {
                        return;
                    };
                    let validation = match load_package(dir) {
                        Ok(problem) => validate(&judge, &problem)
                            .unwrap_or_else(|e| failed(dir, format!("the judge failed: {e}"))),
                        Err(e) => failed(
                            dir,
                            e.errors
                                .iter()
                                .map(|e| e.to_string())
                                .collect::<Vec<_>>()
                                .join("\n"),
                        ),
                    };
                    if !args.json {
                        print_validation(&validation);
                    }
                    if let Ok(mut all) = results.lock() {
                        all.push(validation);
                    }
                }
            });
        }
    });
    let mut results = results.into_inner().unwrap_or_default();
    results.sort_by(|a, b| a.slug.cmp(&b.slug));
    let failed = results.iter().filter(|r| !r.ok).count();
    let report = Report {
        ok: failed == 0,
        packages: results.len(),
        failed,
        results,
    };
    if args.json {
        println!(
            "{}",
            serde_json::to_string(&report).context("cannot encode the report")?
        );
    } else {
        println!(
            "{} packages, {} proved, {} failed",
            report.packages,
            report.packages - failed,
            failed
        );
    }
    Ok(if failed == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    })
}

fn failed(dir: &std::path::Path, detail: String) -> Validation {
    let slug = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    Validation {
        slug,
        ok: false,
        proofs: vec![Proof {
            subject: "package".into(),
            ok: false,
            detail,
        }],
    }
}

fn print_validation(validation: &Validation) {
    let mark = if validation.ok { "ok  " } else { "FAIL" };
    let mut text = format!("{mark} {}\n", validation.slug);
    for proof in &validation.proofs {
        let mark = if proof.ok { "  ok  " } else { "  FAIL" };
        text.push_str(&format!(
            "{mark} {}: {}\n",
            proof.subject,
            proof.detail.replace('\n', "\n        ")
        ));
    }
    print!("{text}");
}
