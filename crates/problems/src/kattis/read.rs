//! Reading a Kattis package (legacy format, with the newer spec's `limits.time_limit`,
//! `statement/` and `data/testdata.yaml` flags understood) into a [`Draft`]: a Tandem stdio
//! package in memory, plus notes on what was changed or left out.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::data::read_data;
use super::tex;
use super::yaml::{Meta, parse_yaml};
use super::{IMPORT_FOOTER, KattisError, Kind, kind_of, list_dir, read_bytes, read_text};
use crate::limits::*;
use crate::model::Checker;

/// A stdio test of the draft.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Test {
    pub name: String,
    pub input: String,
    pub output: String,
}

/// A source file of the draft, named as it will be under `solutions/` (or `solutions/wrong/`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Source {
    pub name: String,
    pub text: String,
}

/// A Tandem stdio package, in memory.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    pub slug: String,
    pub title: String,
    pub statement: String,
    /// `statement.<locale>.md` translations.
    pub translations: BTreeMap<String, String>,
    pub constraints: Vec<String>,
    pub time_ms: u64,
    pub memory_mib: u64,
    pub checker: Checker,
    pub public: Vec<Test>,
    pub hidden: Vec<Test>,
    pub solutions: Vec<Source>,
    /// Wrong solutions with the verdict each must get.
    pub wrong: Vec<(Source, &'static str)>,
    pub notes: Vec<String>,
}

pub(crate) fn read(src: &Path) -> Result<Draft, KattisError> {
    match std::fs::metadata(src) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(KattisError::WrongKind {
                path: src.to_path_buf(),
                expected: "a Kattis package directory",
            });
        }
        Err(error) => {
            return Err(KattisError::Io {
                path: src.to_path_buf(),
                error,
            });
        }
    }
    let mut notes = Vec::new();
    let slug = slug_of(src)?;
    // Every top-level entry is checked: a symlink anywhere at the top is refused.
    let top = list_dir(src)?;

    let yaml_path = src.join("problem.yaml");
    if kind_of(&yaml_path)?.is_none() {
        return Err(KattisError::WrongKind {
            path: src.to_path_buf(),
            expected: "a Kattis package directory (it has no problem.yaml)",
        });
    }
    let yaml = parse_yaml(
        &yaml_path,
        &read_text(&yaml_path, MAX_MANIFEST_BYTES, "MAX_MANIFEST_BYTES")?,
    )?;
    let meta = Meta::read(&yaml_path, &yaml)?;
    if let Some(kind) = &meta.kind
        && kind.split_whitespace().any(|k| k == "interactive")
    {
        return Err(KattisError::Interactive {
            what: format!("problem.yaml: type: {kind}"),
        });
    }
    match meta.validation.as_deref() {
        Some(validation) if validation.contains("interactive") => {
            return Err(KattisError::Interactive {
                what: format!("problem.yaml: validation: {validation}"),
            });
        }
        Some(validation) if validation.starts_with("custom") => {
            return Err(KattisError::CustomValidator {
                what: format!("problem.yaml: validation: {validation}"),
            });
        }
        Some("default") => {}
        Some(other) => {
            return Err(KattisError::Field {
                path: yaml_path,
                field: "validation".into(),
                message: format!("{other:?} is not one of default, custom, custom interactive"),
            });
        }
        // The newer spec has no `validation`: a custom validator is a directory.
        None => {
            if top
                .iter()
                .any(|e| e.name == "output_validator" && e.kind == Kind::Dir)
            {
                return Err(KattisError::CustomValidator {
                    what: "output_validator/".into(),
                });
            }
        }
    }
    if let Some(kind) = &meta.kind
        && kind.split_whitespace().any(|k| k == "scoring")
    {
        notes.push(format!(
            "problem.yaml: type {kind}: scores are not imported; every test is pass/fail"
        ));
    }

    let statement = read_statement(src, &slug, &meta, &mut notes)?;

    let (public, hidden, checker) = read_data(src, &yaml_path, &meta.validator_flags, &mut notes)?;

    let (time_ms, memory_mib) = limits(src, &meta, &mut notes)?;
    let (solutions, wrong) = read_submissions(&src.join("submissions"), &mut notes)?;

    Ok(Draft {
        slug,
        title: statement.title,
        statement: statement.main,
        translations: statement.translations,
        constraints: statement.constraints,
        time_ms,
        memory_mib,
        checker,
        public,
        hidden,
        solutions,
        wrong,
        notes,
    })
}

/// The slug from the directory name: lower-cased, anything but a-z and 0-9 becomes '-',
/// runs of '-' collapse, no '-' at either end.
fn slug_of(src: &Path) -> Result<String, KattisError> {
    let name = src
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .or_else(|| {
            std::fs::canonicalize(src)
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        })
        .unwrap_or_default();
    let mut slug = String::new();
    for c in name.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            slug.push(c);
        } else if !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let mut slug: String = slug
        .trim_matches('-')
        .chars()
        .take(MAX_SLUG_CHARS)
        .collect();
    while slug.ends_with('-') {
        slug.pop();
    }
    if slug.is_empty() {
        return Err(KattisError::Name {
            path: src.to_path_buf(),
            message: format!(
                "cannot make a slug (a-z, 0-9, '-') from the directory name {name:?}; rename it"
            ),
        });
    }
    Ok(slug)
}

struct Statement {
    title: String,
    main: String,
    translations: BTreeMap<String, String>,
    constraints: Vec<String>,
}

/// `problem.md`, `problem.en.tex` ... → (language or "", "md" | "tex").
fn statement_file(name: &str) -> Option<(String, &'static str)> {
    let rest = name.strip_prefix("problem.")?;
    let (lang, format) = if let Some(lang) = rest.strip_suffix(".md") {
        (lang, "md")
    } else if let Some(lang) = rest.strip_suffix(".tex") {
        (lang, "tex")
    } else if rest == "md" || rest == "tex" {
        ("", if rest == "md" { "md" } else { "tex" })
    } else {
        return None;
    };
    Some((lang.to_string(), format))
}

fn read_statement(
    src: &Path,
    slug: &str,
    meta: &Meta,
    notes: &mut Vec<String>,
) -> Result<Statement, KattisError> {
    let mut dir = None;
    for name in ["problem_statement", "statement"] {
        match kind_of(&src.join(name))? {
            Some(Kind::Dir) => {
                dir = Some(src.join(name));
                break;
            }
            Some(_) => {
                return Err(KattisError::WrongKind {
                    path: src.join(name),
                    expected: "a directory",
                });
            }
            None => {}
        }
    }
    let Some(dir) = dir else {
        return Err(KattisError::NoStatement {
            dir: src.to_path_buf(),
        });
    };
    // language → (format, path); Markdown wins over LaTeX.
    let mut found: BTreeMap<String, (&'static str, PathBuf)> = BTreeMap::new();
    let mut others = Vec::new();
    for entry in list_dir(&dir)? {
        match (statement_file(&entry.name), entry.kind) {
            (Some((lang, format)), Kind::File { .. }) => {
                let lang = if lang == "en" { String::new() } else { lang };
                if found.get(&lang).is_none_or(|(f, _)| *f == "tex") {
                    found.insert(lang, (format, entry.path));
                }
            }
            _ => others.push(entry.name),
        }
    }
    if !others.is_empty() {
        notes.push(format!(
            "{}: not imported (images, includes; the statement may refer to them): {}",
            dir.display(),
            others.join(", ")
        ));
    }
    let main_lang = if found.contains_key("") {
        String::new()
    } else {
        let Some(first) = found.keys().next().cloned() else {
            return Err(KattisError::NoStatement {
                dir: src.to_path_buf(),
            });
        };
        notes.push(format!(
            "no English statement: the {first:?} one is the main statement"
        ));
        first
    };

    let mut main = None;
    let mut translations = BTreeMap::new();
    let mut constraints = Vec::new();
    for (lang, (format, path)) in found {
        let text = read_text(&path, MAX_STATEMENT_BYTES, "MAX_STATEMENT_BYTES")?;
        let (heading, mut markdown) = if format == "tex" {
            let converted = tex::to_markdown(&text);
            if converted.dropped_images {
                notes.push(format!(
                    "{}: images are not imported (dropped from the statement)",
                    path.display()
                ));
            }
            (converted.title, converted.markdown)
        } else {
            let heading = text
                .lines()
                .find(|l| !l.trim().is_empty())
                .and_then(|l| l.strip_prefix("# "))
                .map(|t| t.trim().to_string());
            (heading, text.trim().to_string())
        };
        let title = meta
            .name(if lang.is_empty() { "en" } else { &lang })
            .map(str::to_string)
            .or(heading)
            .filter(|t| !t.trim().is_empty());
        if lang == main_lang {
            constraints = lift_constraints(&mut markdown);
        }
        if !markdown.starts_with("# ") {
            let heading = title.clone().unwrap_or_else(|| slug.to_string());
            markdown = format!("# {heading}\n\n{markdown}");
        }
        if lang == main_lang {
            markdown = format!("{}\n\n{IMPORT_FOOTER}\n", markdown.trim_end());
            main = Some((title, markdown));
        } else {
            let valid = lang.len() <= 16
                && lang
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
            if valid {
                translations.insert(lang, format!("{}\n", markdown.trim_end()));
            } else {
                notes.push(format!(
                    "{}: {lang:?} is not a locale tag; this statement is not imported",
                    path.display()
                ));
            }
        }
    }
    let (title, main) = main.unwrap_or_default();
    let title = match title {
        Some(title) => {
            let title = title.trim();
            if title.chars().count() > MAX_TITLE_CHARS {
                notes.push(format!("the title is cut to {MAX_TITLE_CHARS} characters"));
            }
            title.chars().take(MAX_TITLE_CHARS).collect()
        }
        None => {
            notes.push(format!(
                "no name in problem.yaml nor in the statement: the title is {slug:?}"
            ));
            slug.to_string()
        }
    };
    Ok(Statement {
        title,
        main,
        translations,
        constraints,
    })
}

/// Takes a last `## Constraints` section made only of list items (as export writes it) out of
/// the statement: they become the manifest's constraints.
fn lift_constraints(markdown: &mut String) -> Vec<String> {
    let Some(start) = markdown
        .match_indices("## ")
        .filter(|(at, _)| *at == 0 || markdown[..*at].ends_with('\n'))
        .map(|(at, _)| at)
        .last()
    else {
        return Vec::new();
    };
    let section = &markdown[start..];
    let mut lines = section.lines();
    if !lines
        .next()
        .is_some_and(|l| l.trim().eq_ignore_ascii_case("## constraints"))
    {
        return Vec::new();
    }
    let mut items = Vec::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let Some(item) = line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")) else {
            return Vec::new();
        };
        let item = item.trim();
        let item = item
            .strip_prefix('`')
            .and_then(|i| i.strip_suffix('`'))
            .filter(|i| !i.contains('`'))
            .unwrap_or(item);
        items.push(item.to_string());
    }
    if !items.is_empty() {
        markdown.truncate(start);
        let trimmed = markdown.trim_end().len();
        markdown.truncate(trimmed);
    }
    items
}

fn limits(src: &Path, meta: &Meta, notes: &mut Vec<String>) -> Result<(u64, u64), KattisError> {
    let mut seconds = meta.time_limit_s;
    let dot_timelimit = src.join(".timelimit");
    if seconds.is_none() && kind_of(&dot_timelimit)?.is_some() {
        let text = read_text(&dot_timelimit, 64, "64 bytes for .timelimit")?;
        seconds = Some(
            text.trim()
                .parse::<f64>()
                .ok()
                .filter(|x| x.is_finite() && *x > 0.0)
                .ok_or_else(|| KattisError::Field {
                    path: dot_timelimit,
                    field: String::new(),
                    message: "expected a number of seconds".into(),
                })?,
        );
    }
    let time_ms = match seconds {
        Some(seconds) => {
            let ms = (seconds * 1000.0).round();
            let clamped = ms.clamp(*TIME_MS.start() as f64, *TIME_MS.end() as f64);
            if clamped != ms {
                notes.push(format!(
                    "the time limit {seconds} s is outside {}-{} ms: it is {clamped} ms",
                    TIME_MS.start(),
                    TIME_MS.end()
                ));
            }
            clamped as u64
        }
        None => {
            notes.push(format!(
                "no limits.time_limit: Kattis derives the time limit from the judge solutions' \
                 running time (limits.time_multiplier); it is {DEFAULT_TIME_MS} ms here: adjust \
                 [limits] time_ms after `tandem problems validate` shows the margins"
            ));
            DEFAULT_TIME_MS
        }
    };
    let memory_mib = match meta.memory_mib {
        Some(mib) => {
            let mib = mib.round();
            let clamped = mib.clamp(*MEMORY_MIB.start() as f64, *MEMORY_MIB.end() as f64);
            if clamped != mib {
                notes.push(format!(
                    "the memory limit {mib} MiB is outside {}-{} MiB: it is {clamped} MiB",
                    MEMORY_MIB.start(),
                    MEMORY_MIB.end()
                ));
            }
            clamped as u64
        }
        None => DEFAULT_MEMORY_MIB,
    };
    Ok((time_ms, memory_mib))
}

/// The extension Tandem knows a Kattis submission's language by.
fn language_extension(name: &str) -> Option<&'static str> {
    let (_, ext) = name.rsplit_once('.')?;
    Some(match ext {
        "py" | "py3" => "py",
        "cpp" | "cc" | "cxx" | "c++" | "C" => "cpp",
        "c" => "c",
        "java" => "java",
        "js" | "mjs" | "cjs" => "js",
        "ts" => "ts",
        "rs" => "rs",
        "go" => "go",
        _ => return None,
    })
}

/// Kattis submission directory → the verdict a Tandem wrong solution declares.
const WRONG_DIRS: &[(&str, &str)] = &[
    ("wrong_answer", "wrong_answer"),
    ("time_limit_exceeded", "time_limit_exceeded"),
    ("run_time_error", "runtime_error"),
];

type Submissions = (Vec<Source>, Vec<(Source, &'static str)>);

fn read_submissions(dir: &Path, notes: &mut Vec<String>) -> Result<Submissions, KattisError> {
    let mut solutions = Vec::new();
    let mut wrong: Vec<(Source, &'static str)> = Vec::new();
    match kind_of(dir)? {
        Some(Kind::Dir) => {}
        Some(_) => {
            return Err(KattisError::WrongKind {
                path: dir.to_path_buf(),
                expected: "a directory",
            });
        }
        None => {
            notes.push(
                "no submissions/: the package has no reference solution; add solutions/ by hand"
                    .into(),
            );
            return Ok((solutions, wrong));
        }
    }
    for group in list_dir(dir)? {
        if group.kind != Kind::Dir {
            continue;
        }
        let verdict = WRONG_DIRS
            .iter()
            .find(|(kattis, _)| *kattis == group.name)
            .map(|(_, ours)| *ours);
        if group.name != "accepted" && verdict.is_none() {
            notes.push(format!(
                "submissions/{}/ is not imported (Tandem declares one verdict per wrong \
                 solution: wrong_answer, time_limit_exceeded, run_time_error)",
                group.name
            ));
            continue;
        }
        // Language extension → files, in name order.
        let mut by_language: BTreeMap<&'static str, Vec<Source>> = BTreeMap::new();
        for entry in list_dir(&group.path)? {
            let shown = format!("submissions/{}/{}", group.name, entry.name);
            if entry.name.starts_with('.') {
                continue;
            }
            if entry.kind == Kind::Dir {
                notes.push(format!("{shown}/: multi-file submissions are not imported"));
                continue;
            }
            let Some(ext) = language_extension(&entry.name) else {
                notes.push(format!("{shown}: not a language Tandem runs; not imported"));
                continue;
            };
            let bytes = read_bytes(&entry.path, MAX_SOLUTION_BYTES, "MAX_SOLUTION_BYTES")?;
            let Ok(text) = String::from_utf8(bytes) else {
                notes.push(format!("{shown}: not UTF-8 text; not imported"));
                continue;
            };
            if ext == "py" && text.lines().next().is_some_and(|l| l.contains("python2")) {
                notes.push(format!("{shown}: Python 2; not imported"));
                continue;
            }
            let stem = entry.name.rsplit_once('.').map_or("", |(stem, _)| stem);
            by_language.entry(ext).or_default().push(Source {
                name: format!("{stem}.{ext}"),
                text,
            });
        }
        match verdict {
            None => {
                for (ext, mut sources) in by_language {
                    let mut first = sources.remove(0);
                    let original = first.name.clone();
                    if ext != "java" {
                        first.name = format!("main.{ext}");
                    }
                    if !sources.is_empty() {
                        let rest: Vec<&str> = sources.iter().map(|s| s.name.as_str()).collect();
                        notes.push(format!(
                            "submissions/accepted: {original} is solutions/{}; {} also \
                             accepted in .{ext} and not imported (one reference per language)",
                            first.name,
                            rest.join(", ")
                        ));
                    }
                    solutions.push(first);
                }
            }
            Some(verdict) => {
                for mut source in by_language.into_values().flatten() {
                    if wrong.iter().any(|(s, _)| s.name == source.name) {
                        source.name = format!("{}-{}", group.name, source.name);
                    }
                    wrong.push((source, verdict));
                }
            }
        }
    }
    if solutions.is_empty() {
        notes.push(
            "no accepted submission in a language Tandem runs: add a reference solution to \
             solutions/ before `tandem problems validate`"
                .into(),
        );
    }
    wrong.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    Ok((solutions, wrong))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_come_from_directory_names() {
        for (dir, slug) in [
            ("hello", "hello"),
            ("Hello_World", "hello-world"),
            ("--A  b--", "a-b"),
            ("ncpc2015/aaah", "aaah"),
        ] {
            assert_eq!(slug_of(Path::new(dir)).ok().as_deref(), Some(slug), "{dir}");
        }
        assert!(slug_of(Path::new("___")).is_err());
    }

    #[test]
    fn constraints_are_lifted_from_a_last_section() {
        let mut md = "# T\n\nText.\n\n## Constraints\n\n- `1 <= n <= 10`\n- a_i > 0\n".to_string();
        assert_eq!(lift_constraints(&mut md), vec!["1 <= n <= 10", "a_i > 0"]);
        assert_eq!(md, "# T\n\nText.");
        let mut md = "# T\n\n## Constraints\n\nSome prose.\n".to_string();
        assert!(lift_constraints(&mut md).is_empty());
        assert!(md.contains("Some prose."));
    }
}
