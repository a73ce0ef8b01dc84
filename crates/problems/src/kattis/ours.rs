//! The files of a Tandem package (docs/problem-format.md) made from an import [`Draft`]:
//! problem.toml, statement.md (and translations), tests/public.json, tests/hidden.json,
//! solutions/ and solutions/wrong/ with expected.toml. No hints.md: imported problems have none.

use serde::Serialize;

use super::OutFile;
use super::read::{Draft, Test};
use crate::model::Checker;

/// A TOML string or key, quoted and escaped.
fn quoted(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

fn float(x: f64) -> String {
    toml::Value::Float(x).to_string()
}

fn manifest(draft: &Draft) -> String {
    let mut toml = String::from(
        "# Imported from a Kattis package by `tandem problems import`. difficulty, topics and\n\
         # time_estimate_minutes are placeholders: set them by hand.\n",
    );
    toml.push_str(&format!("slug = {}\n", quoted(&draft.slug)));
    toml.push_str(&format!("title = {}\n", quoted(&draft.title)));
    toml.push_str("difficulty = \"medium\"\n");
    toml.push_str("topics = [\"imported\"]\n");
    toml.push_str("time_estimate_minutes = 30\n");
    toml.push_str("mode = \"stdio\"\n");
    if !draft.constraints.is_empty() {
        toml.push_str("constraints = [\n");
        for constraint in &draft.constraints {
            toml.push_str(&format!("    {},\n", quoted(constraint)));
        }
        toml.push_str("]\n");
    }
    toml.push_str(&format!(
        "\n[limits]\ntime_ms = {}\nmemory_mib = {}\n",
        draft.time_ms, draft.memory_mib
    ));
    match &draft.checker {
        Checker::Exact => toml.push_str("\n[checker]\nkind = \"exact\"\n"),
        Checker::Tokens => toml.push_str("\n[checker]\nkind = \"tokens\"\n"),
        Checker::Float { abs, rel } => toml.push_str(&format!(
            "\n[checker]\nkind = \"float\"\nabs_tolerance = {}\nrel_tolerance = {}\n",
            float(*abs),
            float(*rel)
        )),
        // The reader makes only the three above.
        Checker::Unordered | Checker::Program { .. } => {}
    }
    toml
}

#[derive(Serialize)]
struct StdioTest<'t> {
    name: &'t str,
    input: &'t str,
    output: &'t str,
}

fn tests_json(tests: &[Test]) -> Vec<u8> {
    let tests: Vec<StdioTest<'_>> = tests
        .iter()
        .map(|t| StdioTest {
            name: &t.name,
            input: &t.input,
            output: &t.output,
        })
        .collect();
    // Serialising plain strings cannot fail; an empty array is the fallback all the same.
    let mut json = serde_json::to_vec_pretty(&tests).unwrap_or_else(|_| b"[]".to_vec());
    json.push(b'\n');
    json
}

pub(crate) fn files(draft: &Draft) -> Vec<OutFile> {
    let mut files = vec![
        OutFile::new("problem.toml", manifest(draft)),
        OutFile::new("statement.md", draft.statement.as_str()),
        OutFile::new("tests/public.json", tests_json(&draft.public)),
        OutFile::new("tests/hidden.json", tests_json(&draft.hidden)),
    ];
    for (locale, text) in &draft.translations {
        files.push(OutFile::new(
            format!("statement.{locale}.md"),
            text.as_str(),
        ));
    }
    for source in &draft.solutions {
        files.push(OutFile::new(
            format!("solutions/{}", source.name),
            source.text.as_str(),
        ));
    }
    if !draft.wrong.is_empty() {
        let mut expected = String::from("# The verdict each wrong solution must get.\n");
        for (source, verdict) in &draft.wrong {
            files.push(OutFile::new(
                format!("solutions/wrong/{}", source.name),
                source.text.as_str(),
            ));
            expected.push_str(&format!("{} = {}\n", quoted(&source.name), quoted(verdict)));
        }
        files.push(OutFile::new("solutions/wrong/expected.toml", expected));
    }
    files
}
