//! Loading packages: a good one loads whole; a broken one reports every error with its file,
//! field and what was expected.

use std::fs;
use std::path::Path;

use tandem_problems::{Checker, Difficulty, Mode, TestCase, load_package};

fn write(dir: &Path, files: &[(&str, &str)]) {
    for (name, text) in files {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        fs::write(path, text).expect("write");
    }
}

const GOOD_TOML: &str = r#"
slug = "pair-sum"
title = "Pair Sum"
difficulty = "easy"
topics = ["arrays", "hashing"]
time_estimate_minutes = 15
mode = "function"
constraints = ["2 <= len(nums) <= 10^4"]

[limits]
time_ms = 1000

[function]
name = "pairSum"
params = [{ name = "nums", type = "list<int>" }, { name = "target", type = "int" }]
returns = "list<int>"

[checker]
kind = "unordered"
"#;

fn good_package(root: &Path) -> std::path::PathBuf {
    let dir = root.join("pair-sum");
    write(
        &dir,
        &[
            ("problem.toml", GOOD_TOML),
            ("statement.md", "Find two indices.\n"),
            ("statement.fr.md", "Trouvez deux indices.\n"),
            (
                "hints.md",
                "Look at each number once.\n---\nRemember what you saw.\n---\nA map from value to index.\n",
            ),
            (
                "tests/public.json",
                r#"[{"name": "small", "args": [[1, 2, 3], 5], "expected": [1, 2]}]"#,
            ),
            (
                "tests/hidden.json",
                r#"[{"name": "neg", "args": [[-1, 1], 0], "expected": [0, 1]}]"#,
            ),
            ("solutions/main.py", "def pairSum(nums, target): ...\n"),
            ("solutions/main.cpp", "// ...\n"),
            ("solutions/wrong/brute.py", "...\n"),
            (
                "solutions/wrong/expected.toml",
                "\"brute.py\" = \"time_limit_exceeded\"\n",
            ),
            ("generator.py", "print(1)\n"),
        ],
    );
    dir
}

#[test]
fn a_good_package_loads_whole() {
    let root = tempfile::tempdir().expect("tempdir");
    let problem = load_package(&good_package(root.path())).expect("loads");
    assert_eq!(problem.slug, "pair-sum");
    assert_eq!(problem.difficulty, Difficulty::Easy);
    assert_eq!(problem.mode, Mode::Function);
    assert_eq!(problem.limits.time_ms, 1000);
    assert_eq!(problem.limits.memory_mib, 256, "default");
    assert_eq!(problem.checker, Checker::Unordered);
    assert_eq!(problem.hints.len(), 3);
    assert_eq!(problem.translations.keys().collect::<Vec<_>>(), ["fr"]);
    assert_eq!(problem.public_tests.len(), 1);
    assert!(matches!(&problem.hidden_tests[0], TestCase::Function { name, .. } if name == "neg"));
    let extensions: Vec<_> = problem
        .solutions
        .iter()
        .map(|s| s.extension.as_str())
        .collect();
    assert_eq!(extensions, ["cpp", "py"]);
    assert_eq!(
        problem.wrong_solutions[0].expect.as_deref(),
        Some("time_limit_exceeded")
    );
    assert!(problem.generator.is_some());
    let signature = problem.signature.expect("signature");
    assert_eq!(signature.params[0].ty.to_string(), "list<int>");
}

#[test]
fn a_broken_package_reports_every_error() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("broken");
    write(
        &dir,
        &[
            (
                "problem.toml",
                r#"
slug = "Not A Slug"
title = "Broken"
difficulty = "impossible"
topics = []
time_estimate_minutes = 0
mode = "function"
colour = "red"

[limits]
time_ms = "2s"

[function]
name = "f"
params = [{ name = "xs", type = "array<int>" }]
returns = "int"
"#,
            ),
            (
                "tests/public.json",
                r#"[{"name": "a", "args": [1, 2], "expected": "x"}, {"name": "a", "args": [], "expected": 1}]"#,
            ),
            ("tests/hidden.json", "{not json"),
            ("solutions/wrong/slow.py", "..."),
            (
                "solutions/wrong/expected.toml",
                "\"slow.py\" = \"too_slow\"\n\"gone.py\" = \"wrong_answer\"\n",
            ),
        ],
    );
    let error = load_package(&dir).expect_err("broken");
    let lines: Vec<String> = error.errors.iter().map(|e| e.to_string()).collect();
    let expected = [
        "problem.toml: colour: unknown field",
        "problem.toml: slug: \"Not A Slug\" must be",
        "problem.toml: difficulty: \"impossible\" is not one of easy, medium, hard",
        "problem.toml: topics: needs at least one topic",
        "problem.toml: time_estimate_minutes: 0 is out of range 1..=240",
        "problem.toml: limits.time_ms: expected an integer, found a string",
        "problem.toml: function.params[0].type: unknown type \"array<int>\"",
        "statement.md: missing (required)",
        "tests/public.json: [1].name: \"a\" is used by another test",
        "tests/hidden.json: not valid JSON",
        "solutions/wrong/expected.toml: slow.py: expected one of wrong_answer",
        "solutions/wrong/expected.toml: gone.py: names a file that does not exist",
        "solutions/wrong/expected.toml: no expected verdict for slow.py",
    ];
    for want in expected {
        assert!(
            lines.iter().any(|l| l.starts_with(want)),
            "missing {want:?} in:\n{}",
            lines.join("\n")
        );
    }
}

#[test]
fn test_values_are_checked_against_the_signature() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = good_package(root.path());
    write(
        &dir,
        &[(
            "tests/public.json",
            r#"[{"name": "bad", "args": [[1, "two"]], "expected": 3}]"#,
        )],
    );
    let error = load_package(&dir).expect_err("bad values");
    let text = error.to_string();
    assert!(
        text.contains("tests/public.json: [0].args: has 1 arguments; pairSum takes 2"),
        "{text}"
    );
    assert!(
        text.contains("tests/public.json: [0].args[0] (nums): [1]: \"two\" is not a int"),
        "{text}"
    );
    assert!(
        text.contains("tests/public.json: [0].expected: 3 is not a list<int>"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn symlinked_files_are_refused() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = good_package(root.path());
    fs::remove_file(dir.join("statement.md")).expect("rm");
    std::os::unix::fs::symlink("/etc/passwd", dir.join("statement.md")).expect("symlink");
    let error = load_package(&dir).expect_err("symlink");
    assert!(
        error
            .to_string()
            .contains("statement.md: must be a regular file"),
        "{error}"
    );
}
