//! Kattis import and export: a package built here imports into a problem that loads; what
//! cannot be imported is refused with an error naming why; problems/best-streak survives
//! export → import.

use std::fs;
use std::path::{Path, PathBuf};

use tandem_problems::kattis::{IMPORT_FOOTER, export_package, import_package};
use tandem_problems::{Checker, Difficulty, KattisError, Mode, TestCase, load_package};

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
}

const STATEMENT_TEX: &str = r"\problemname{Mean Machine}
% This comment is not part of the statement.
Given two numbers $a$ and $b$, print their \emph{mean}. It is \textbf{not} rounded.

\section*{Input}
One line with two integers:
\begin{itemize}
  \item $a$ ($-10^9 \le a \le 10^9$),
  \item $b$.
\end{itemize}

\section*{Output}
The mean, with an absolute or relative error of at most $10^{-4}$.
";

/// A Kattis package named `Mean_Machine` (slug `mean-machine`) with a LaTeX statement, float
/// validator flags, samples, nested secret groups and submissions of several kinds.
fn kattis_package(root: &Path) -> PathBuf {
    let dir = root.join("Mean_Machine");
    write(
        &dir,
        &[
            (
                "problem.yaml",
                "source: Tandem tests\nlicense: cc by-sa\nvalidation: default\n\
                 validator_flags: float_tolerance 1e-4\nlimits:\n  time_limit: 1.5\n  memory: 512\n",
            ),
            ("problem_statement/problem.en.tex", STATEMENT_TEX),
            ("problem_statement/mean.png", "not really a png"),
            ("data/sample/1.in", "1 2\n"),
            ("data/sample/1.ans", "1.5\n"),
            ("data/sample/2.in", "-4 4\n"),
            ("data/sample/2.ans", "0\n"),
            ("data/sample/2.desc", "ignored"),
            ("data/secret/1.in", "0 0\n"),
            ("data/secret/1.ans", "0\n"),
            ("data/secret/group1/01-small.in", "1 1\n"),
            ("data/secret/group1/01-small.ans", "1\n"),
            ("data/secret/group1/02-odd.in", "1 4\n"),
            ("data/secret/group1/02-odd.ans", "2.5\n"),
            ("data/secret/group2/big.in", "1000000000 999999999\n"),
            ("data/secret/group2/big.ans", "999999999.5\n"),
            (
                "submissions/accepted/a.py",
                "a, b = map(int, input().split())\nprint((a + b) / 2)\n",
            ),
            (
                "submissions/accepted/b.py",
                "print(sum(map(int, input().split())) / 2)\n",
            ),
            ("submissions/accepted/sol.cc", "// c++\n"),
            ("submissions/accepted/Mean.java", "// java\n"),
            ("submissions/accepted/sol.kt", "// kotlin\n"),
            (
                "submissions/wrong_answer/sum.py",
                "print(sum(map(int, input().split())))\n",
            ),
            (
                "submissions/time_limit_exceeded/slow.cpp",
                "int main() { for (;;); }\n",
            ),
            (
                "submissions/run_time_error/crash.py",
                "raise SystemExit(1)\n",
            ),
            ("submissions/brute_force/brute.py", "...\n"),
        ],
    );
    dir
}

fn names(tests: &[TestCase]) -> Vec<&str> {
    tests.iter().map(TestCase::name).collect()
}

fn stdio(test: &TestCase) -> (&str, &str) {
    match test {
        TestCase::Stdio { input, output, .. } => (input, output),
        other => panic!("not a stdio test: {other:?}"),
    }
}

#[test]
fn a_kattis_package_imports_into_a_package_that_loads() {
    let root = tempfile::tempdir().expect("tempdir");
    let src = kattis_package(root.path());
    let dest = root.path().join("bank");
    let imported = import_package(&src, &dest).expect("imports");
    let problem = &imported.problem;

    assert_eq!(problem.dir, dest.join("mean-machine"));
    assert_eq!(problem.slug, "mean-machine");
    assert_eq!(problem.title, "Mean Machine", "from \\problemname");
    assert_eq!(problem.mode, Mode::Stdio);
    assert_eq!(problem.difficulty, Difficulty::Medium);
    assert_eq!(problem.topics, vec!["imported"]);
    assert_eq!(problem.time_estimate_minutes, 30);
    assert_eq!(problem.limits.time_ms, 1500);
    assert_eq!(problem.limits.memory_mib, 512);
    assert_eq!(
        problem.checker,
        Checker::Float {
            abs: 1e-4,
            rel: 1e-4
        }
    );
    assert!(problem.hints.is_empty());
    assert!(!problem.dir.join("hints.md").exists());

    let statement = &problem.statement;
    assert!(statement.starts_with("# Mean Machine\n\n"), "{statement}");
    assert!(
        statement.contains("print their *mean*. It is **not** rounded."),
        "{statement}"
    );
    assert!(statement.contains("\n## Input\n"), "{statement}");
    assert!(
        statement.contains("- $a$ ($-10^9 \\le a \\le 10^9$),\n- $b$."),
        "{statement}"
    );
    assert!(statement.contains("\n## Output\n"), "{statement}");
    assert!(
        !statement.contains("problemname") && !statement.contains("comment"),
        "{statement}"
    );
    assert_eq!(statement.trim_end().lines().last(), Some(IMPORT_FOOTER));

    assert_eq!(names(&problem.public_tests), vec!["1", "2"]);
    assert_eq!(stdio(&problem.public_tests[0]), ("1 2\n", "1.5\n"));
    // Kattis order (by name); nested groups prefix the name; the ordering prefix of group1
    // goes; `1` is taken by a sample.
    assert_eq!(
        names(&problem.hidden_tests),
        vec!["secret-1", "group1-small", "group1-odd", "group2-big"]
    );
    assert_eq!(
        stdio(&problem.hidden_tests[3]),
        ("1000000000 999999999\n", "999999999.5\n")
    );

    let solutions: Vec<String> = problem
        .solutions
        .iter()
        .map(|s| s.path.display().to_string())
        .collect();
    assert_eq!(
        solutions,
        vec![
            "solutions/Mean.java",
            "solutions/main.cpp",
            "solutions/main.py"
        ]
    );
    assert_eq!(
        fs::read_to_string(problem.dir.join("solutions/main.py")).expect("read"),
        "a, b = map(int, input().split())\nprint((a + b) / 2)\n",
        "the first accepted Python file, alphabetically"
    );
    let wrong: Vec<(String, Option<&str>)> = problem
        .wrong_solutions
        .iter()
        .map(|s| (s.path.display().to_string(), s.expect.as_deref()))
        .collect();
    assert_eq!(
        wrong,
        vec![
            (
                "solutions/wrong/crash.py".to_string(),
                Some("runtime_error")
            ),
            (
                "solutions/wrong/slow.cpp".to_string(),
                Some("time_limit_exceeded")
            ),
            ("solutions/wrong/sum.py".to_string(), Some("wrong_answer")),
        ]
    );

    let notes = imported.notes.join("\n");
    for expected in ["b.py", "sol.kt", "brute_force", "mean.png"] {
        assert!(notes.contains(expected), "no note on {expected}:\n{notes}");
    }
    // What is on disk is what was returned.
    let loaded = load_package(&problem.dir).expect("loads again");
    assert_eq!(&loaded, problem);
    // Nothing but the package is left in the destination.
    let left: Vec<_> = fs::read_dir(&dest)
        .expect("list")
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left, vec!["mean-machine"]);
}

#[test]
fn markdown_statements_names_and_token_checkers() {
    let root = tempfile::tempdir().expect("tempdir");
    let src = root.path().join("yes-no");
    write(
        &src,
        &[
            (
                "problem.yaml",
                "name: Yes or No\nlimits:\n  time_multiplier: 5\n",
            ),
            ("problem_statement/problem.en.md", "Say YES.\n"),
            ("problem_statement/problem.sv.md", "Säg YES.\n"),
            ("data/sample/s.in", "1\n"),
            ("data/sample/s.ans", "YES\n"),
            ("data/secret/t.in", "2\n"),
            ("data/secret/t.ans", "NO\n"),
            (
                "submissions/accepted/x.py",
                "print('YES' if int(input()) == 1 else 'NO')\n",
            ),
        ],
    );
    let imported = import_package(&src, &root.path().join("out")).expect("imports");
    let problem = &imported.problem;
    assert_eq!(problem.title, "Yes or No");
    assert_eq!(problem.checker, Checker::Tokens);
    assert_eq!(problem.limits.time_ms, 2000, "time_multiplier: the default");
    assert_eq!(problem.limits.memory_mib, 256);
    assert!(
        problem.statement.starts_with("# Yes or No\n\nSay YES."),
        "{}",
        problem.statement
    );
    assert_eq!(problem.translations["sv"], "# Yes or No\n\nSäg YES.\n");
    let notes = imported.notes.join("\n");
    assert!(notes.contains("ignores case"), "{notes}");
    assert!(notes.contains("time_multiplier"), "{notes}");
}

fn refused(files: &[(&str, &str)]) -> KattisError {
    let root = tempfile::tempdir().expect("tempdir");
    let src = root.path().join("p");
    let mut all = vec![
        ("problem.yaml", "name: P\n"),
        ("problem_statement/problem.md", "Text.\n"),
        ("data/sample/1.in", "1\n"),
        ("data/sample/1.ans", "1\n"),
    ];
    for (name, text) in files {
        all.retain(|(n, _)| n != name);
        all.push((name, text));
    }
    write(&src, &all);
    let dest = root.path().join("out");
    let error = import_package(&src, &dest).expect_err("refused");
    assert!(!dest.join("p").exists(), "nothing is left behind");
    error
}

#[test]
fn what_cannot_be_imported_is_refused_with_the_reason() {
    let error = refused(&[("problem.yaml", "name: P\nvalidation: custom\n")]);
    assert!(
        matches!(error, KattisError::CustomValidator { .. }),
        "{error:?}"
    );
    let message = error.to_string();
    assert!(
        message.contains("validation: custom")
            && message.contains("custom output validators are not imported yet"),
        "{message}"
    );

    let error = refused(&[("problem.yaml", "validation: custom interactive\n")]);
    assert!(
        matches!(error, KattisError::Interactive { .. }),
        "{error:?}"
    );

    let error = refused(&[("data/sample/2.in", "2\n")]);
    assert!(
        matches!(error, KattisError::MissingAnswer { .. }),
        "{error:?}"
    );
    assert!(
        error
            .to_string()
            .contains("2.in: has no matching answer file 2.ans"),
        "{error}"
    );

    let error = refused(&[("problem.yaml", "validator_flags: ignore_whitespace\n")]);
    assert!(
        matches!(error, KattisError::ValidatorFlag { ref flag, .. } if flag == "ignore_whitespace")
    );

    let error = refused(&[("problem.yaml", "a: &x [1]\nb: *x\n")]);
    assert!(matches!(error, KattisError::Yaml { .. }), "{error:?}");

    let error = refused(&[("problem.yaml", "limits:\n  memory: lots\n")]);
    assert!(error.to_string().contains("limits.memory"), "{error}");

    let root = tempfile::tempdir().expect("tempdir");
    let src = root.path().join("p");
    write(
        &src,
        &[
            ("problem.yaml", ""),
            ("problem_statement/problem.md", "T\n"),
        ],
    );
    let error = import_package(&src, &root.path().join("out")).expect_err("no samples");
    assert!(matches!(error, KattisError::NoSamples { .. }), "{error:?}");

    write(
        &src,
        &[("data/sample/1.in", ""), ("data/sample/1.ans", "1\n")],
    );
    fs::write(src.join("data/sample/1.in"), [0xff, 0xfe, b'\n']).expect("write");
    let error = import_package(&src, &root.path().join("out")).expect_err("binary");
    assert!(matches!(error, KattisError::NotText { .. }), "{error:?}");
    assert!(
        error.to_string().contains("1.in: is not UTF-8 text"),
        "{error}"
    );
}

#[test]
fn symlinks_are_never_followed() {
    for link in [
        "data/secret/2.in",
        "problem_statement/problem.md",
        "submissions",
    ] {
        let root = tempfile::tempdir().expect("tempdir");
        let src = root.path().join("p");
        write(
            &src,
            &[
                ("problem.yaml", "name: P\n"),
                ("data/sample/1.in", "1\n"),
                ("data/sample/1.ans", "1\n"),
                ("data/secret/2.ans", "1\n"),
            ],
        );
        let outside = root.path().join("secret.txt");
        fs::write(&outside, "1\n").expect("write");
        if link != "problem_statement/problem.md" {
            write(&src, &[("problem_statement/problem.md", "T\n")]);
        }
        let path = src.join(link);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::os::unix::fs::symlink(&outside, &path).expect("symlink");
        let error = import_package(&src, &root.path().join("out")).expect_err(link);
        assert!(
            matches!(&error, KattisError::Symlink { path: p } if *p == path),
            "{link}: {error:?}"
        );
        assert!(error.to_string().contains("never followed"), "{error}");
    }
}

#[test]
fn files_over_the_package_limits_are_refused_naming_the_limit() {
    let root = tempfile::tempdir().expect("tempdir");
    let src = root.path().join("p");
    write(
        &src,
        &[
            ("problem.yaml", "name: P\n"),
            ("problem_statement/problem.md", "T\n"),
            ("data/sample/1.in", "1\n"),
            ("data/sample/1.ans", "1\n"),
        ],
    );
    // Sparse: no disk is used.
    let big = fs::File::create(src.join("data/sample/1.ans")).expect("create");
    big.set_len((64 << 20) + 1).expect("grow");
    let error = import_package(&src, &root.path().join("out")).expect_err("too large");
    assert!(matches!(
        error,
        KattisError::TestsTooLarge { .. } | KattisError::TooLarge { .. }
    ));
    assert!(
        error.to_string().contains("MAX_TESTS_FILE_BYTES"),
        "{error}"
    );

    fs::write(src.join("data/sample/1.ans"), "1\n").expect("write");
    write(&src, &[("submissions/accepted/a.py", "")]);
    let huge = fs::File::create(src.join("submissions/accepted/a.py")).expect("create");
    huge.set_len((1 << 20) + 1).expect("grow");
    let error = import_package(&src, &root.path().join("out")).expect_err("too large");
    assert!(error.to_string().contains("MAX_SOLUTION_BYTES"), "{error}");
}

fn bank_package(slug: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../problems")
        .join(slug)
}

/// Every file under `dir`, relative, with its bytes.
fn tree(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(at) = stack.pop() {
        for entry in fs::read_dir(&at).expect("list").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = fs::read(&path).expect("read");
                files.push((path.strip_prefix(dir).expect("inside").to_path_buf(), bytes));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn best_streak_survives_export_and_import() {
    let original = load_package(&bank_package("best-streak")).expect("the bank package loads");
    let root = tempfile::tempdir().expect("tempdir");
    let kattis = root.path().join("kattis/best-streak");
    let exported = export_package(&original, &kattis).expect("exports");
    for file in [
        "problem.yaml",
        "problem_statement/problem.en.md",
        "data/sample/01-example.in",
        "data/sample/01-example.ans",
        "data/secret/15-large-all-negative.ans",
        "submissions/accepted/main.py",
        "submissions/accepted/Main.java",
        "submissions/wrong_answer/zero_floor.cpp",
        "submissions/time_limit_exceeded/quadratic.py",
    ] {
        assert!(
            exported.files.contains(&PathBuf::from(file)),
            "{file} missing"
        );
        assert!(kattis.join(file).is_file(), "{file} not written");
    }
    let yaml = fs::read_to_string(kattis.join("problem.yaml")).expect("read");
    assert!(
        yaml.contains("name: \"Best Streak\"\nvalidation: default\n"),
        "{yaml}"
    );
    assert!(yaml.contains("time_limit: 1.0\n  memory: 256\n"), "{yaml}");

    let imported = import_package(&kattis, &root.path().join("back")).expect("imports");
    let back = &imported.problem;
    assert_eq!(back.slug, original.slug);
    assert_eq!(back.title, original.title);
    assert_eq!(back.mode, original.mode);
    assert_eq!(
        back.statement,
        format!("{}\n\n{IMPORT_FOOTER}\n", original.statement.trim_end())
    );
    assert_eq!(back.constraints, original.constraints);
    assert_eq!(back.public_tests, original.public_tests, "names and data");
    assert_eq!(back.hidden_tests, original.hidden_tests, "names and data");
    assert_eq!(back.limits, original.limits);
    assert_eq!(back.checker, original.checker);
    let files = |problem: &tandem_problems::Problem, wrong: bool| {
        let list = if wrong {
            &problem.wrong_solutions
        } else {
            &problem.solutions
        };
        list.iter()
            .map(|s| {
                let text = fs::read_to_string(problem.dir.join(&s.path)).expect("read");
                (s.path.clone(), s.expect.clone(), text)
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(files(back, false), files(&original, false));
    assert_eq!(files(back, true), files(&original, true));

    // And again: the second export is the first, byte for byte.
    let again = root.path().join("again/best-streak");
    export_package(back, &again).expect("exports again");
    assert_eq!(tree(&again), tree(&kattis));
}

#[test]
fn export_refuses_what_kattis_cannot_hold() {
    let problem = load_package(&bank_package("best-streak")).expect("loads");
    let root = tempfile::tempdir().expect("tempdir");

    for (mode, name) in [(Mode::Function, "function"), (Mode::Sql, "sql")] {
        let mut other = problem.clone();
        other.mode = mode;
        let dest = root.path().join(name);
        let error = export_package(&other, &dest).expect_err("refused");
        assert!(matches!(error, KattisError::NotStdio { .. }), "{error:?}");
        assert!(
            error.to_string().contains(&format!("{name}-mode problem")),
            "{error}"
        );
        assert!(!dest.exists(), "nothing written");
    }

    let mut custom = problem.clone();
    custom.checker = Checker::Program {
        path: "checker.py".into(),
    };
    let error = export_package(&custom, &root.path().join("custom")).expect_err("refused");
    assert!(
        error.to_string().contains("custom checker checker.py"),
        "{error}"
    );

    let busy = root.path().join("busy");
    write(&busy, &[("README", "mine\n")]);
    let error = export_package(&problem, &busy).expect_err("refused");
    assert!(matches!(error, KattisError::NotEmpty { .. }), "{error:?}");
    assert_eq!(fs::read_dir(&busy).expect("list").count(), 1, "left alone");

    // An existing empty directory is fine.
    let empty = root.path().join("empty");
    fs::create_dir(&empty).expect("mkdir");
    export_package(&problem, &empty).expect("exports into an empty directory");
}
