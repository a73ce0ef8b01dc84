//! The built-in bank (`problems/` at the repository root) keeps its promises: every package
//! loads, and each meets the bank's conventions (issue "A first bank"). Proving the solutions
//! in the sandbox is `tandem problems validate`, run by scripts/test.sh.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use tandem_problems::{Checker, Mode, Problem, TestCase, load_package};

/// Largest package on disk: the bank ships inside the repository and the binary.
const MAX_PACKAGE_BYTES: u64 = 2 << 20;

fn bank_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../problems")
}

fn size_of(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| {
                    let meta = e
                        .metadata()
                        .map(|m| (m.is_dir(), m.len()))
                        .unwrap_or((false, 0));
                    if meta.0 { size_of(&e.path()) } else { meta.1 }
                })
                .sum()
        })
        .unwrap_or(0)
}

fn load_bank() -> Vec<Problem> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(bank_dir())
        .expect("problems/ exists")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("problem.toml").is_file())
        .collect();
    dirs.sort();
    let mut problems = Vec::new();
    let mut failures = Vec::new();
    for dir in dirs {
        match load_package(&dir) {
            Ok(problem) => problems.push(problem),
            Err(e) => failures.push(e.to_string()),
        }
    }
    assert!(
        failures.is_empty(),
        "packages that do not load:\n{}",
        failures.join("\n")
    );
    problems
}

#[test]
fn every_package_meets_the_bank_conventions() {
    let mut problems_found = Vec::new();
    for problem in load_bank() {
        let mut wrong = Vec::new();
        let slug = &problem.slug;
        if problem.public_tests.len() < 3 {
            wrong.push(format!(
                "{} public tests (at least 3)",
                problem.public_tests.len()
            ));
        }
        if problem.hidden_tests.len() < 15 {
            wrong.push(format!(
                "{} hidden tests (at least 15)",
                problem.hidden_tests.len()
            ));
        }
        if problem.hints.len() != 3 {
            wrong.push(format!("{} hint tiers (exactly 3)", problem.hints.len()));
        }
        if problem.wrong_solutions.is_empty() {
            wrong.push("no wrong solution".into());
        }
        let languages: BTreeSet<&str> = problem
            .solutions
            .iter()
            .map(|s| s.extension.as_str())
            .collect();
        if problem.mode == Mode::Sql {
            if !languages.contains("sql") {
                wrong.push("no SQL reference solution".into());
            }
        } else {
            let third = ["java", "rs", "js", "go"]
                .iter()
                .any(|l| languages.contains(l));
            if !languages.contains("py") || !languages.contains("cpp") || !third {
                wrong.push(format!(
                    "references in {languages:?}: need py, cpp and one of java, rs, js, go"
                ));
            }
        }
        let size = size_of(&problem.dir);
        if size > MAX_PACKAGE_BYTES {
            wrong.push(format!(
                "{size} bytes on disk (at most {MAX_PACKAGE_BYTES})"
            ));
        }
        if !wrong.is_empty() {
            problems_found.push(format!("{slug}: {}", wrong.join("; ")));
        }
    }
    assert!(
        problems_found.is_empty(),
        "bank convention failures:\n{}",
        problems_found.join("\n")
    );
}

#[test]
fn the_bank_covers_the_required_kinds() {
    let bank = load_bank();
    let count = |f: &dyn Fn(&Problem) -> bool| bank.iter().filter(|p| f(p)).count();
    let uses_type = |p: &Problem, name: &str| {
        p.signature.as_ref().is_some_and(|s| {
            s.params.iter().any(|x| x.ty.to_string().contains(name))
                || s.returns.to_string().contains(name)
        })
    };
    let mut topics: BTreeMap<&str, usize> = BTreeMap::new();
    for problem in &bank {
        for topic in &problem.topics {
            *topics.entry(topic.as_str()).or_default() += 1;
        }
    }
    let kinds = [
        ("stdio problems", count(&|p| p.mode == Mode::Stdio), 3),
        ("sql problems", count(&|p| p.mode == Mode::Sql), 3),
        (
            "linked list or tree problems",
            count(&|p| uses_type(p, "list_node") || uses_type(p, "tree_node")),
            3,
        ),
        (
            "custom checker problems",
            count(&|p| matches!(p.checker, Checker::Program { .. })),
            2,
        ),
        (
            "float tolerance problems",
            count(&|p| matches!(p.checker, Checker::Float { .. })),
            1,
        ),
        ("problems", bank.len(), 40),
    ];
    let short: Vec<String> = kinds
        .iter()
        .filter(|(_, have, need)| have < need)
        .map(|(what, have, need)| format!("{what}: {have} (at least {need})"))
        .collect();
    assert!(
        short.is_empty(),
        "the bank lacks:\n{}\ntopics: {topics:?}",
        short.join("\n")
    );
}

#[test]
fn test_names_and_statements_are_sane() {
    for problem in load_bank() {
        assert!(
            problem.statement.len() > 200,
            "{}: the statement is too short to teach",
            problem.slug
        );
        let first = problem.public_tests.first().map(TestCase::name);
        assert!(first.is_some(), "{}: no public test", problem.slug);
    }
}
