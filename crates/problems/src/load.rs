//! Loading a package directory into a `Problem`, reporting every error found.

use std::collections::{BTreeMap, HashSet};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::error::{Errors, LoadError};
use crate::limits::*;
use crate::manifest::{self, Manifest};
use crate::model::{Mode, Problem, Signature, Solution, SqlRows, TestCase};

/// Verdicts a wrong solution may be declared to get.
pub const WRONG_VERDICTS: &[&str] = &[
    "wrong_answer",
    "time_limit_exceeded",
    "memory_limit_exceeded",
    "runtime_error",
    "compile_error",
    "output_limit_exceeded",
];

/// Reads a file of the package as text: never through a symlink, never past `limit` bytes.
fn read_text(
    dir: &Path,
    name: &str,
    limit: u64,
    required: bool,
    errors: &mut Errors,
) -> Option<String> {
    let path = dir.join(name);
    let meta = match fs::symlink_metadata(&path) {
        Ok(meta) => meta,
        Err(_) => {
            if required {
                errors.push(name, "", "missing (required)");
            }
            return None;
        }
    };
    if !meta.is_file() {
        errors.push(
            name,
            "",
            "must be a regular file (symlinks are not followed)",
        );
        return None;
    }
    if meta.len() > limit {
        errors.push(
            name,
            "",
            format!("is {} bytes; the limit is {limit}", meta.len()),
        );
        return None;
    }
    let mut text = String::new();
    match fs::File::open(&path).and_then(|f| f.take(limit).read_to_string(&mut text)) {
        Ok(_) => Some(text),
        Err(e) => {
            errors.push(name, "", format!("cannot be read as UTF-8 text: {e}"));
            None
        }
    }
}

/// Loads and checks one package.
pub fn load_package(dir: &Path) -> Result<Problem, LoadError> {
    let mut errors = Errors::default();
    let manifest_text =
        read_text(dir, "problem.toml", MAX_MANIFEST_BYTES, true, &mut errors).unwrap_or_default();
    let manifest = manifest::read(&manifest_text, dir, &mut errors);

    let statement =
        read_text(dir, "statement.md", MAX_STATEMENT_BYTES, true, &mut errors).unwrap_or_default();
    if statement.trim().is_empty() && errors.0.iter().all(|e| e.file != "statement.md") {
        errors.push("statement.md", "", "is empty");
    }
    let translations = read_translations(dir, &mut errors);
    let hints = read_text(dir, "hints.md", MAX_HINTS_BYTES, false, &mut errors)
        .map(|text| split_hints(&text))
        .unwrap_or_default();

    let mut names = HashSet::new();
    let public_tests = read_tests(dir, "tests/public.json", &manifest, &mut names, &mut errors);
    let hidden_tests = read_tests(dir, "tests/hidden.json", &manifest, &mut names, &mut errors);
    if public_tests.is_empty() && errors.0.iter().all(|e| e.file != "tests/public.json") {
        errors.push("tests/public.json", "", "needs at least one test");
    }

    let solutions = read_solutions(dir, "solutions", None, &mut errors);
    let wrong_solutions = read_wrong_solutions(dir, &mut errors);
    let optional_file = |name: &str| dir.join(name).is_file().then(|| PathBuf::from(name));

    let Manifest {
        slug,
        title,
        difficulty,
        topics,
        time_estimate_minutes,
        mode,
        limits,
        signature,
        checker,
        constraints,
        sql_ordered,
    } = manifest;
    match (
        slug,
        title,
        difficulty,
        time_estimate_minutes,
        mode,
        errors.0.is_empty(),
    ) {
        (
            Some(slug),
            Some(title),
            Some(difficulty),
            Some(time_estimate_minutes),
            Some(mode),
            true,
        ) => Ok(Problem {
            dir: dir.to_path_buf(),
            slug,
            title,
            difficulty,
            topics,
            time_estimate_minutes,
            mode,
            limits,
            signature,
            checker,
            constraints,
            sql_ordered,
            statement,
            translations,
            hints,
            public_tests,
            hidden_tests,
            solutions,
            wrong_solutions,
            generator: optional_file("generator.py"),
            validator: optional_file("validator.py"),
        }),
        _ => Err(LoadError {
            dir: dir.to_path_buf(),
            errors: errors.0,
        }),
    }
}

/// Hint tiers are separated by a line holding only `---`.
fn split_hints(text: &str) -> Vec<String> {
    let mut tiers = vec![String::new()];
    for line in text.lines() {
        if line.trim() == "---" {
            tiers.push(String::new());
        } else if let Some(last) = tiers.last_mut() {
            last.push_str(line);
            last.push('\n');
        }
    }
    tiers
        .into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

fn read_translations(dir: &Path, errors: &mut Errors) -> BTreeMap<String, String> {
    let mut translations = BTreeMap::new();
    let Ok(entries) = fs::read_dir(dir) else {
        return translations;
    };
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(locale) = name
            .strip_prefix("statement.")
            .and_then(|r| r.strip_suffix(".md"))
        else {
            continue;
        };
        if locale.is_empty() {
            continue;
        }
        let valid = locale.len() <= 16
            && locale
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid {
            errors.push(
                &name,
                "",
                format!("{locale:?} is not a locale tag like 'fr' or 'pt-BR'"),
            );
            continue;
        }
        if let Some(text) = read_text(dir, &name, MAX_STATEMENT_BYTES, true, errors) {
            translations.insert(locale.to_string(), text);
        }
    }
    translations
}

fn read_tests(
    dir: &Path,
    file: &str,
    manifest: &Manifest,
    names: &mut HashSet<String>,
    errors: &mut Errors,
) -> Vec<TestCase> {
    let Some(text) = read_text(dir, file, MAX_TESTS_FILE_BYTES, true, errors) else {
        return Vec::new();
    };
    let items = match serde_json::from_str::<Value>(&text) {
        Ok(Value::Array(items)) => items,
        Ok(_) => {
            errors.push(file, "", "expected a JSON array of tests");
            return Vec::new();
        }
        Err(e) => {
            errors.push(file, "", format!("not valid JSON: {e}"));
            return Vec::new();
        }
    };
    if items.len() > MAX_TESTS {
        errors.push(
            file,
            "",
            format!("has {} tests; the limit is {MAX_TESTS}", items.len()),
        );
        return Vec::new();
    }
    let mut tests = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = format!("[{i}]");
        let Some(object) = item.as_object() else {
            errors.push(file, at, "expected a JSON object");
            continue;
        };
        let name = match object.get("name").and_then(Value::as_str) {
            Some(name) if !name.trim().is_empty() && name.len() <= 100 => name.to_string(),
            _ => {
                errors.push(
                    file,
                    format!("{at}.name"),
                    "expected a non-empty string of at most 100 bytes",
                );
                continue;
            }
        };
        if !names.insert(name.clone()) {
            errors.push(
                file,
                format!("{at}.name"),
                format!("{name:?} is used by another test"),
            );
        }
        let test = match manifest.mode {
            Some(Mode::Function) => {
                function_test(object, name, &at, manifest.signature.as_ref(), file, errors)
            }
            Some(Mode::Stdio) => stdio_test(object, name, &at, file, errors),
            Some(Mode::Sql) => sql_test(object, name, &at, file, errors),
            None => None,
        };
        tests.extend(test);
    }
    tests
}

type Object = serde_json::Map<String, Value>;

fn unknown(object: &Object, allowed: &[&str], at: &str, file: &str, errors: &mut Errors) {
    for key in object.keys() {
        if !allowed.contains(&key.as_str()) {
            errors.push(
                file,
                format!("{at}.{key}"),
                format!("unknown field; expected {}", allowed.join(", ")),
            );
        }
    }
}

fn function_test(
    object: &Object,
    name: String,
    at: &str,
    signature: Option<&Signature>,
    file: &str,
    errors: &mut Errors,
) -> Option<TestCase> {
    unknown(object, &["name", "args", "expected"], at, file, errors);
    let Some(args) = object.get("args").and_then(Value::as_array) else {
        errors.push(file, format!("{at}.args"), "expected an array of arguments");
        return None;
    };
    let Some(expected) = object.get("expected") else {
        errors.push(file, format!("{at}.expected"), "missing (required)");
        return None;
    };
    if let Some(signature) = signature {
        if args.len() != signature.params.len() {
            errors.push(
                file,
                format!("{at}.args"),
                format!(
                    "has {} arguments; {} takes {}",
                    args.len(),
                    signature.name,
                    signature.params.len()
                ),
            );
        }
        for (j, (arg, param)) in args.iter().zip(&signature.params).enumerate() {
            if let Err(e) = param.ty.check(arg) {
                errors.push(file, format!("{at}.args[{j}] ({})", param.name), e);
            }
        }
        if let Err(e) = signature.returns.check(expected) {
            errors.push(file, format!("{at}.expected"), e);
        }
    }
    Some(TestCase::Function {
        name,
        args: args.clone(),
        expected: expected.clone(),
    })
}

fn stdio_test(
    object: &Object,
    name: String,
    at: &str,
    file: &str,
    errors: &mut Errors,
) -> Option<TestCase> {
    unknown(object, &["name", "input", "output"], at, file, errors);
    let input = object.get("input").and_then(Value::as_str);
    let output = object.get("output").and_then(Value::as_str);
    if input.is_none() {
        errors.push(file, format!("{at}.input"), "expected a string");
    }
    if output.is_none() {
        errors.push(file, format!("{at}.output"), "expected a string");
    }
    Some(TestCase::Stdio {
        name,
        input: input?.to_string(),
        output: output?.to_string(),
    })
}

fn sql_test(
    object: &Object,
    name: String,
    at: &str,
    file: &str,
    errors: &mut Errors,
) -> Option<TestCase> {
    unknown(object, &["name", "setup", "expected"], at, file, errors);
    let setup = object.get("setup").and_then(Value::as_str);
    if setup.is_none() {
        errors.push(
            file,
            format!("{at}.setup"),
            "expected a string of SQL that creates and fills the tables",
        );
    }
    let expected = object.get("expected").and_then(Value::as_object);
    let columns = expected
        .and_then(|e| e.get("columns"))
        .and_then(Value::as_array);
    let rows = expected
        .and_then(|e| e.get("rows"))
        .and_then(Value::as_array);
    let (Some(columns), Some(rows)) = (columns, rows) else {
        errors.push(
            file,
            format!("{at}.expected"),
            "expected { \"columns\": [names], \"rows\": [[values]] }",
        );
        return None;
    };
    let columns: Vec<String> = columns
        .iter()
        .filter_map(|c| c.as_str().map(str::to_string))
        .collect();
    let mut table = Vec::new();
    for (j, row) in rows.iter().enumerate() {
        match row.as_array() {
            Some(values) if values.len() == columns.len() => table.push(values.clone()),
            _ => errors.push(
                file,
                format!("{at}.expected.rows[{j}]"),
                format!("expected an array of {} values", columns.len()),
            ),
        }
    }
    Some(TestCase::Sql {
        name,
        setup: setup?.to_string(),
        expected: SqlRows {
            columns,
            rows: table,
        },
    })
}

fn read_solutions(
    dir: &Path,
    sub: &str,
    expect: Option<&BTreeMap<String, String>>,
    errors: &mut Errors,
) -> Vec<Solution> {
    let mut solutions = Vec::new();
    let Ok(entries) = fs::read_dir(dir.join(sub)) else {
        return solutions;
    };
    let mut entries: Vec<_> = entries.flatten().collect();
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let name = entry.file_name().to_string_lossy().into_owned();
        let relative = format!("{sub}/{name}");
        let Ok(meta) = fs::symlink_metadata(entry.path()) else {
            continue;
        };
        if meta.is_dir() || name == "expected.toml" {
            continue;
        }
        if !meta.is_file() {
            errors.push(
                &relative,
                "",
                "must be a regular file (symlinks are not followed)",
            );
            continue;
        }
        if meta.len() > MAX_SOLUTION_BYTES {
            errors.push(
                &relative,
                "",
                format!("is {} bytes; the limit is {MAX_SOLUTION_BYTES}", meta.len()),
            );
            continue;
        }
        let Some(extension) = Path::new(&name).extension().and_then(|e| e.to_str()) else {
            errors.push(
                &relative,
                "",
                "needs an extension naming its language (.py, .cpp, .java ...)",
            );
            continue;
        };
        let expected = expect.map(|map| map.get(&name).cloned());
        if let Some(None) = expected {
            errors.push(
                "solutions/wrong/expected.toml",
                "",
                format!("no expected verdict for {name}"),
            );
        }
        solutions.push(Solution {
            path: PathBuf::from(relative),
            extension: extension.to_string(),
            expect: expected.flatten(),
        });
    }
    solutions
}

fn read_wrong_solutions(dir: &Path, errors: &mut Errors) -> Vec<Solution> {
    const FILE: &str = "solutions/wrong/expected.toml";
    if !dir.join("solutions/wrong").is_dir() {
        return Vec::new();
    }
    let text = read_text(dir, FILE, MAX_MANIFEST_BYTES, true, errors).unwrap_or_default();
    let mut expect = BTreeMap::new();
    match text.parse::<toml::Table>() {
        Ok(table) => {
            for (name, value) in table {
                match value.as_str() {
                    Some(verdict) if WRONG_VERDICTS.contains(&verdict) => {
                        if !dir.join("solutions/wrong").join(&name).is_file() {
                            errors.push(FILE, &name, "names a file that does not exist");
                        }
                        expect.insert(name, verdict.to_string());
                    }
                    _ => errors.push(
                        FILE,
                        &name,
                        format!("expected one of {}", WRONG_VERDICTS.join(", ")),
                    ),
                }
            }
        }
        Err(e) => errors.push(
            FILE,
            "",
            format!("not valid TOML: {}", e.to_string().trim()),
        ),
    }
    read_solutions(dir, "solutions/wrong", Some(&expect), errors)
}
