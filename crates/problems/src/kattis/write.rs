//! The files of a Kattis package (legacy format, plus the newer spec's `limits.time_limit`)
//! made from a loaded stdio [`Problem`]: problem.yaml, problem_statement/problem.en.md,
//! data/sample and data/secret, submissions/. Every refusal happens here, before anything is
//! written.

use std::path::{Path, PathBuf};

use super::{IMPORT_FOOTER, KattisError, OutFile, read_bytes};
use crate::limits::MAX_SOLUTION_BYTES;
use crate::model::{Checker, Mode, Problem, TestCase};

/// Tandem verdict → Kattis submissions directory.
const VERDICT_DIRS: &[(&str, &str)] = &[
    ("wrong_answer", "wrong_answer"),
    ("time_limit_exceeded", "time_limit_exceeded"),
    ("runtime_error", "run_time_error"),
];

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".into())
}

/// The default validator's flags for a checker; `Err` for checkers it cannot express.
fn validator_flags(problem: &Problem) -> Result<String, KattisError> {
    let refuse = |message: &str| KattisError::Checker {
        slug: problem.slug.clone(),
        message: message.to_string(),
    };
    Ok(match &problem.checker {
        // Kattis ignores case unless told otherwise; Tandem's checkers compare it.
        Checker::Exact => "case_sensitive space_change_sensitive".into(),
        Checker::Tokens => "case_sensitive".into(),
        Checker::Float { abs, rel } => {
            let tolerance = if abs == rel {
                format!("float_tolerance {abs:?}")
            } else if *rel == 0.0 {
                format!("float_absolute_tolerance {abs:?}")
            } else if *abs == 0.0 {
                format!("float_relative_tolerance {rel:?}")
            } else {
                format!("float_absolute_tolerance {abs:?} float_relative_tolerance {rel:?}")
            };
            format!("case_sensitive {tolerance}")
        }
        Checker::Unordered => {
            return Err(refuse(
                "the unordered checker cannot be exported: the Kattis default validator compares \
                 in order, and export writes no custom output validator",
            ));
        }
        Checker::Program { path } => {
            return Err(refuse(&format!(
                "the custom checker {} cannot be exported: Kattis output validators speak \
                 another protocol (exit codes 42/43, a feedback directory); not exported yet",
                path.display()
            )));
        }
    })
}

fn problem_yaml(problem: &Problem, flags: &str) -> String {
    let seconds = problem.limits.time_ms as f64 / 1000.0;
    format!(
        "# Exported by Tandem (`tandem problems export --to kattis`) from {slug:?}.\n\
         name: {name}\n\
         validation: default\n\
         validator_flags: {flags}\n\
         limits:\n  \
           # Seconds (the newer spec's key); legacy tools derive the limit from time_multiplier.\n  \
           # Tandem's limit is for C++: slower languages get more there.\n  \
           time_limit: {seconds:?}\n  \
           memory: {memory}\n",
        slug = problem.slug,
        name = yaml_string(&problem.title),
        flags = yaml_string(flags),
        memory = problem.limits.memory_mib,
    )
}

/// The statement with its import footer (if any) taken off and the constraints appended as a
/// last section, which import reads back.
fn statement(text: &str, constraints: &[String]) -> String {
    let mut text = text.trim_end().to_string();
    if let Some(rest) = text.strip_suffix(IMPORT_FOOTER) {
        text = rest.trim_end().to_string();
    }
    if !constraints.is_empty() {
        text.push_str("\n\n## Constraints\n\n");
        for constraint in constraints {
            if constraint.contains('`') {
                text.push_str(&format!("- {constraint}\n"));
            } else {
                text.push_str(&format!("- `{constraint}`\n"));
            }
        }
    }
    format!("{}\n", text.trim_end())
}

/// A test name as a file name: characters other than a-z, A-Z, 0-9, '-', '_' and '.' become
/// '-'.
fn file_name(name: &str) -> String {
    let name: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    name.trim_start_matches('.').to_string()
}

fn test_files(tests: &[TestCase], dir: &str, files: &mut Vec<OutFile>, renamed: &mut Vec<String>) {
    let width = tests.len().to_string().len().max(2);
    for (i, test) in tests.iter().enumerate() {
        let TestCase::Stdio {
            name,
            input,
            output,
        } = test
        else {
            continue;
        };
        let safe = file_name(name);
        if safe != *name {
            renamed.push(name.clone());
        }
        let stem = format!("{:0width$}-{safe}", i + 1);
        files.push(OutFile::new(
            format!("data/{dir}/{stem}.in"),
            input.as_bytes(),
        ));
        files.push(OutFile::new(
            format!("data/{dir}/{stem}.ans"),
            output.as_bytes(),
        ));
    }
}

fn solution(problem: &Problem, path: &Path) -> Result<Vec<u8>, KattisError> {
    read_bytes(
        &problem.dir.join(path),
        MAX_SOLUTION_BYTES,
        "MAX_SOLUTION_BYTES",
    )
}

fn file_name_of(path: &Path) -> PathBuf {
    path.file_name().map(PathBuf::from).unwrap_or_default()
}

pub(crate) fn files(problem: &Problem) -> Result<(Vec<OutFile>, Vec<String>), KattisError> {
    let mode = match problem.mode {
        Mode::Stdio => None,
        Mode::Function => Some("function"),
        Mode::Sql => Some("sql"),
    };
    if let Some(mode) = mode {
        return Err(KattisError::NotStdio {
            slug: problem.slug.clone(),
            mode,
        });
    }
    let flags = validator_flags(problem)?;
    let mut notes = Vec::new();
    let mut files = vec![
        OutFile::new("problem.yaml", problem_yaml(problem, &flags)),
        OutFile::new(
            "problem_statement/problem.en.md",
            statement(&problem.statement, &problem.constraints),
        ),
    ];
    for (locale, text) in &problem.translations {
        files.push(OutFile::new(
            format!("problem_statement/problem.{locale}.md"),
            statement(text, &[]),
        ));
    }

    let mut renamed = Vec::new();
    test_files(&problem.public_tests, "sample", &mut files, &mut renamed);
    test_files(&problem.hidden_tests, "secret", &mut files, &mut renamed);
    if problem.hidden_tests.is_empty() {
        notes.push(
            "no hidden tests: data/secret/ is empty (Kattis expects at least one secret test)"
                .into(),
        );
    }
    if !renamed.is_empty() {
        notes.push(format!(
            "test names that are not file-name safe were changed in the file names: {}",
            renamed.join(", ")
        ));
    }

    for source in &problem.solutions {
        files.push(OutFile::new(
            Path::new("submissions/accepted").join(file_name_of(&source.path)),
            solution(problem, &source.path)?,
        ));
    }
    for source in &problem.wrong_solutions {
        let verdict = source.expect.as_deref().unwrap_or_default();
        match VERDICT_DIRS.iter().find(|(ours, _)| *ours == verdict) {
            Some((_, dir)) => files.push(OutFile::new(
                Path::new("submissions")
                    .join(dir)
                    .join(file_name_of(&source.path)),
                solution(problem, &source.path)?,
            )),
            None => notes.push(format!(
                "{}: not exported (the Kattis format has no submissions directory for \
                 {verdict})",
                source.path.display()
            )),
        }
    }

    let mut left_out = Vec::new();
    if !problem.hints.is_empty() {
        left_out.push("hints.md (Kattis has no hints)");
    }
    if problem.generator.is_some() {
        left_out.push("generator.py");
    }
    if problem.validator.is_some() {
        left_out.push(
            "validator.py (Kattis input validators exit 42 on success; write one in \
             input_validators/)",
        );
    }
    if !left_out.is_empty() {
        notes.push(format!("not exported: {}", left_out.join(", ")));
    }
    Ok((files, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_lose_the_import_footer_and_gain_constraints() {
        let text = format!("# T\n\nBody.\n\n{IMPORT_FOOTER}\n");
        assert_eq!(
            statement(&text, &["1 <= n".into(), "`x`".into()]),
            "# T\n\nBody.\n\n## Constraints\n\n- `1 <= n`\n- `x`\n"
        );
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(file_name("max-size_2.b"), "max-size_2.b");
        assert_eq!(file_name("a b/c"), "a-b-c");
        assert_eq!(file_name("..x"), "x");
    }
}
