//! `tandem problems import --from kattis` and `tandem problems export --to kattis` end to end:
//! an imported package is proved by `tandem problems validate` in the real sandbox; refusals
//! are one line on stderr with a non-zero exit.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn tandem(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .output()
        .expect("start tandem")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, content) in files {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, content).expect("write");
    }
}

fn path(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

fn bank(slug: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../problems")
        .join(slug)
}

/// A Kattis package: the mean of two integers, float tolerance, nested secret data, accepted
/// Python and C++, a wrong answer and a time-limit breaker.
fn mean_machine(root: &Path) -> PathBuf {
    let dir = root.join("Mean_Machine");
    write(
        &dir,
        &[
            (
                "problem.yaml",
                "name: Mean Machine\nvalidation: default\nvalidator_flags: float_tolerance 1e-6\n\
                 limits:\n  time_limit: 0.5\n",
            ),
            (
                "problem_statement/problem.en.tex",
                "\\problemname{Mean Machine}\nGiven $a$ and $b$, print their \\emph{mean}.\n\
                 \\section*{Input}\nTwo integers.\n\\section*{Output}\nThe mean.\n",
            ),
            ("data/sample/1.in", "1 2\n"),
            ("data/sample/1.ans", "1.5\n"),
            ("data/sample/2.in", "3 3\n"),
            ("data/sample/2.ans", "3\n"),
            ("data/secret/b.in", "7 8\n"),
            ("data/secret/b.ans", "7.5\n"),
            ("data/secret/g1/a.in", "0 1\n"),
            ("data/secret/g1/a.ans", "0.5\n"),
            ("data/secret/g1/c.in", "-1000000000 1000000000\n"),
            ("data/secret/g1/c.ans", "0\n"),
            (
                "submissions/accepted/mean.py",
                "a, b = map(int, input().split())\nprint(f\"{(a + b) / 2:.9f}\")\n",
            ),
            (
                "submissions/accepted/mean.cpp",
                "#include <cstdio>\nint main() { long long a, b; scanf(\"%lld %lld\", &a, &b); \
                 printf(\"%.9f\\n\", (a + b) / 2.0); }\n",
            ),
            (
                "submissions/wrong_answer/sum.py",
                "print(sum(map(int, input().split())))\n",
            ),
            (
                "submissions/time_limit_exceeded/spin.py",
                "while True:\n    pass\n",
            ),
        ],
    );
    dir
}

#[test]
fn an_imported_kattis_package_is_proved_by_validate() {
    let root = tempfile::tempdir().expect("tempdir");
    let src = mean_machine(root.path());
    let dest = root.path().join("bank");
    let out = tandem(&[
        "problems",
        "import",
        "--from",
        "kattis",
        path(&src),
        path(&dest),
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(
        stdout.starts_with("imported mean-machine into "),
        "{stdout}"
    );
    assert!(
        stdout.contains("2 public and 3 hidden tests, 2 reference solution(s) (main.cpp, main.py), 2 wrong solution(s)"),
        "{stdout}"
    );
    let package = dest.join("mean-machine");
    assert!(stdout.contains(&format!(
        "next: tandem problems validate {}",
        package.display()
    )));

    let cache = root.path().join("cache");
    let out = tandem(&[
        "problems",
        "validate",
        "--cache-dir",
        path(&cache),
        path(&package),
    ]);
    let stdout = text(&out.stdout);
    assert!(
        out.status.success(),
        "the imported package is not proved:\n{stdout}{}",
        text(&out.stderr)
    );
    for line in [
        "ok   mean-machine",
        "ok   solutions/main.py: accepted 5/5",
        "ok   solutions/main.cpp: accepted 5/5",
        "ok   solutions/wrong/sum.py: wrong_answer",
        "ok   solutions/wrong/spin.py: time_limit_exceeded",
        "1 packages, 1 proved, 0 failed",
    ] {
        assert!(stdout.contains(line), "no {line:?} in:\n{stdout}");
    }
}

#[test]
fn best_streak_exports_and_imports_back() {
    let root = tempfile::tempdir().expect("tempdir");
    let kattis = root.path().join("best-streak");
    let out = tandem(&[
        "problems",
        "export",
        "--to",
        "kattis",
        path(&bank("best-streak")),
        path(&kattis),
    ]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}{}", text(&out.stderr));
    assert!(stdout.starts_with("exported best-streak to "), "{stdout}");
    assert!(stdout.contains("note: not exported: hints.md"), "{stdout}");
    assert!(kattis.join("problem.yaml").is_file());
    assert!(kattis.join("data/secret/13-max-size.in").is_file());

    let out = tandem(&[
        "problems",
        "import",
        "--from",
        "kattis",
        path(&kattis),
        path(&root.path().join("back")),
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(root.path().join("back/best-streak/problem.toml").is_file());
}

/// A refusal: non-zero exit, nothing on stdout, one line on stderr.
fn refusal(args: &[&str]) -> String {
    let out = tandem(args);
    assert!(!out.status.success(), "{args:?} succeeded");
    assert!(
        out.stdout.is_empty(),
        "{args:?} printed {}",
        text(&out.stdout)
    );
    let stderr = text(&out.stderr);
    assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
    stderr
}

#[test]
fn export_refuses_function_and_sql_problems_in_one_line() {
    let root = tempfile::tempdir().expect("tempdir");
    let function = root.path().join("pair-sum");
    write(
        &function,
        &[
            (
                "problem.toml",
                "slug = \"pair-sum\"\ntitle = \"Pair Sum\"\ndifficulty = \"easy\"\n\
                 topics = [\"arrays\"]\ntime_estimate_minutes = 15\nmode = \"function\"\n\n\
                 [function]\nname = \"pairSum\"\nparams = [{ name = \"nums\", type = \"list<int>\" }]\n\
                 returns = \"int\"\n",
            ),
            ("statement.md", "Sum the pairs.\n"),
            (
                "tests/public.json",
                r#"[{"name": "one", "args": [[1, 2]], "expected": 3}]"#,
            ),
            ("tests/hidden.json", "[]"),
        ],
    );
    let stderr = refusal(&[
        "problems",
        "export",
        "--to",
        "kattis",
        path(&function),
        path(&root.path().join("out1")),
    ]);
    assert!(
        stderr.starts_with("tandem: error: pair-sum is a function-mode problem; the Kattis format has stdin/stdout problems only"),
        "{stderr}"
    );
    let stderr = refusal(&[
        "problems",
        "export",
        "--to",
        "kattis",
        path(&bank("top-spender")),
        path(&root.path().join("out2")),
    ]);
    assert!(
        stderr.contains("top-spender is a sql-mode problem"),
        "{stderr}"
    );
    assert!(!root.path().join("out1").exists() && !root.path().join("out2").exists());
}

#[test]
fn import_refusals_are_one_line() {
    let root = tempfile::tempdir().expect("tempdir");
    let src = mean_machine(root.path());
    write(
        &src,
        &[("problem.yaml", "name: Mean Machine\nvalidation: custom\n")],
    );
    let stderr = refusal(&[
        "problems",
        "import",
        "--from",
        "kattis",
        path(&src),
        path(&root.path().join("out")),
    ]);
    assert!(
        stderr.contains("custom output validators are not imported yet"),
        "{stderr}"
    );
    let stderr = refusal(&["problems", "import", "--from", "polygon", "a", "b"]);
    assert!(stderr.contains("invalid value 'polygon'"), "{stderr}");
}
