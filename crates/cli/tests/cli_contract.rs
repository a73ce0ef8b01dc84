//! The command-line contract of PRODUCT.md: a run that cannot be carried out is one line on
//! stderr, a non-zero exit and nothing on stdout; `tandem doctor --json` is one JSON object.

use std::process::{Command, Output};

use serde_json::Value;

fn tandem(args: &[&str], dir: &std::path::Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("start tandem")
}

#[test]
fn refusals_are_one_line_with_a_non_zero_exit_and_no_json() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("ok.py"), "print(1)\n").expect("write");
    std::fs::write(dir.path().join("notes.txt"), "x").expect("write");
    std::fs::write(dir.path().join("big.py"), vec![b'#'; (1 << 20) + 1]).expect("write");
    std::fs::write(dir.path().join("q.sql"), "select 1;").expect("write");
    let table: &[(&[&str], &str)] = &[
        (
            &["run", "--frobnicate", "ok.py"],
            "unexpected argument '--frobnicate'",
        ),
        (&["run", "--time-limit", "2", "ok.py"], "needs a unit"),
        (&["run", "--memory-limit", "256MB", "ok.py"], "unknown unit"),
        (
            &["run", "--memory-limit", "1KiB", "ok.py"],
            "--memory-limit must be at least 4MiB",
        ),
        (
            &["run", "--lang", "cobol", "ok.py"],
            "unknown language 'cobol'",
        ),
        (
            &["run", "missing.py"],
            "cannot read the source file missing.py",
        ),
        (
            &["run", "notes.txt"],
            "cannot tell the language of notes.txt",
        ),
        (&["run", "big.py"], "larger than the 1 MiB limit"),
        (
            &["run", "--stdin", "missing.in", "ok.py"],
            "cannot read the stdin file missing.in",
        ),
        (
            &["run", "--std", "c++20", "ok.py"],
            "applies to cpp, not python",
        ),
        (
            &["run", "--stdin", "ok.py", "q.sql"],
            "--stdin is not used by sql",
        ),
        (
            &["run", "--db", "ok.py", "ok.py"],
            "a database applies to sql only",
        ),
        (&["run"], "required"),
    ];
    for (args, message) in table {
        let output = tandem(args, dir.path());
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!output.status.success(), "{args:?} succeeded");
        assert!(
            output.stdout.is_empty(),
            "{args:?} printed {:?}",
            String::from_utf8_lossy(&output.stdout)
        );
        assert_eq!(stderr.trim_end().lines().count(), 1, "{args:?}: {stderr}");
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn doctor_json_lists_every_language_and_the_sandbox() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = tandem(&["doctor", "--json"], dir.path());
    let report: Value = serde_json::from_slice(&output.stdout).expect("one JSON object");
    let ids: Vec<&str> = report["languages"]
        .as_array()
        .expect("languages")
        .iter()
        .map(|l| l["id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        ids,
        [
            "python",
            "javascript",
            "typescript",
            "c",
            "cpp",
            "java",
            "rust",
            "go",
            "sql"
        ]
    );
    for language in report["languages"].as_array().expect("languages") {
        let described = language["version"].is_string() || language["reason"].is_string();
        assert!(
            described,
            "a language has a version or a reason: {language}"
        );
    }
    assert!(report["sandbox"]["available"].is_boolean(), "{report}");
    assert_eq!(
        output.status.success(),
        report["sandbox"]["available"] == true
    );
}

#[test]
fn doctor_table_names_the_sections() {
    let dir = tempfile::tempdir().expect("tempdir");
    let output = tandem(&["doctor"], dir.path());
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(text.starts_with("LANGUAGE"), "{text}");
    assert!(text.contains("\nSANDBOX"), "{text}");
}
