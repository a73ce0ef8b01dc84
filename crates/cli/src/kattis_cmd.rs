//! `tandem problems import --from kattis SRC_DIR DEST_DIR` and
//! `tandem problems export --to kattis PACKAGE_DIR_OR_SLUG DEST_DIR`: the format work is
//! `tandem_problems::kattis`; this prints what was done and the notes on what was changed or
//! left out.

use anyhow::Result;
use tandem_problems::Problem;
use tandem_problems::kattis::{export_package, import_package};

use crate::args::{ExportArgs, ImportArgs, PackageFormat};
use crate::bank;

fn names(solutions: &[tandem_problems::Solution]) -> String {
    solutions
        .iter()
        .filter_map(|s| s.path.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join(", ")
}

fn summary(problem: &Problem) -> String {
    format!(
        "{} public and {} hidden tests, {} reference solution(s) ({}), {} wrong solution(s)",
        problem.public_tests.len(),
        problem.hidden_tests.len(),
        problem.solutions.len(),
        names(&problem.solutions),
        problem.wrong_solutions.len()
    )
}

pub fn import_cmd(args: &ImportArgs) -> Result<()> {
    let imported = match args.from {
        PackageFormat::Kattis => import_package(&args.src, &args.dest)?,
    };
    let problem = &imported.problem;
    println!(
        "imported {} into {}: {}",
        problem.slug,
        problem.dir.display(),
        summary(problem)
    );
    for note in &imported.notes {
        println!("note: {note}");
    }
    println!("next: tandem problems validate {}", problem.dir.display());
    Ok(())
}

pub fn export_cmd(args: &ExportArgs) -> Result<()> {
    let problem = bank::find(&args.package)?;
    let exported = match args.to {
        PackageFormat::Kattis => export_package(&problem, &args.dest)?,
    };
    println!(
        "exported {} to {} (Kattis problem package format, {} files): {}",
        problem.slug,
        exported.dir.display(),
        exported.files.len(),
        summary(&problem)
    );
    for note in &exported.notes {
        println!("note: {note}");
    }
    Ok(())
}
