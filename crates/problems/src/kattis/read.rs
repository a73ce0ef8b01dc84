//! Reading a Kattis package (legacy format, with the newer spec's `limits.time_limit`,
//! `statement/` and `data/testdata.yaml` flags understood) into a [`Draft`]: a Tandem stdio
//! package in memory, plus notes on what was changed or left out.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;
use yaml_rust2::{Yaml, YamlLoader};

use super::tex;
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

/// Deepest nesting of test groups under data/secret.
const MAX_GROUP_DEPTH: usize = 8;
/// Deepest nesting of YAML collections in problem.yaml / testdata.yaml.
const MAX_YAML_DEPTH: usize = 16;

pub(crate) fn read(src: &Path) -> Result<Draft, KattisError> {
    match std::fs::metadata(src) {
        Ok(meta) if meta.is_dir() => {}
        Ok(_) => {
            return Err(KattisError::WrongKind {
                path: src.to_path_buf(),
                expected: "a Kattis package directory",
            });
        }
        Err(source) => {
            return Err(KattisError::Io {
                path: src.to_path_buf(),
                source,
            });
        }
    }
    let mut notes = Vec::new();
    let slug = slug_of(src)?;
    // Every top-level entry is checked: a symlink anywhere at the top is refused.
    let top = list_dir(src)?;

    let yaml_path = src.join("problem.yaml");
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

    let data = src.join("data");
    let mut flags = Flags::default();
    flags.add(&yaml_path, &meta.validator_flags)?;
    let mut group_flags: Option<(PathBuf, String)> = None;
    let mut budget = Budget::default();
    let sample = read_tests(
        &data.join("sample"),
        &mut Vec::new(),
        false,
        &mut group_flags,
        &mut budget,
        &mut notes,
    )?;
    if sample.is_empty() {
        return Err(KattisError::NoSamples { dir: data });
    }
    budget = Budget::default();
    let secret = read_tests(
        &data.join("secret"),
        &mut Vec::new(),
        true,
        &mut group_flags,
        &mut budget,
        &mut notes,
    )?;
    if let Some(kind) = kind_of(&data.join("testdata.yaml"))? {
        read_group_flags(&data.join("testdata.yaml"), kind, &mut group_flags)?;
    }
    if let Some((path, text)) = &group_flags {
        flags.add(path, text)?;
    }
    let (public, hidden) = name_tests(sample, secret)?;
    let checker = flags.checker(&public, &hidden, &mut notes);

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

/// Refuses what problem.yaml never needs and a loader could be abused with: aliases (which the
/// loader expands by copying: "billion laughs") and deep nesting.
#[derive(Default)]
struct Guard {
    depth: usize,
    problem: Option<String>,
}

impl MarkedEventReceiver for Guard {
    fn on_event(&mut self, event: Event, mark: Marker) {
        if self.problem.is_some() {
            return;
        }
        match event {
            Event::Alias(_) => {
                self.problem = Some(format!(
                    "line {}: aliases (*name) are not supported",
                    mark.line()
                ));
            }
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                self.depth += 1;
                if self.depth > MAX_YAML_DEPTH {
                    self.problem = Some(format!(
                        "line {}: nested more than {MAX_YAML_DEPTH} levels deep",
                        mark.line()
                    ));
                }
            }
            Event::SequenceEnd | Event::MappingEnd => self.depth = self.depth.saturating_sub(1),
            _ => {}
        }
    }
}

fn parse_yaml(path: &Path, text: &str) -> Result<Yaml, KattisError> {
    let error = |message: String| KattisError::Yaml {
        path: path.to_path_buf(),
        message,
    };
    let mut guard = Guard::default();
    Parser::new_from_str(text)
        .load(&mut guard, true)
        .map_err(|e| error(e.to_string()))?;
    if let Some(problem) = guard.problem {
        return Err(error(problem));
    }
    let mut documents = YamlLoader::load_from_str(text).map_err(|e| error(e.to_string()))?;
    match documents.len() {
        0 => Ok(Yaml::Hash(Default::default())),
        1 => match documents.remove(0) {
            Yaml::Null => Ok(Yaml::Hash(Default::default())),
            hash @ Yaml::Hash(_) => Ok(hash),
            _ => Err(error("expected a mapping of keys to values".into())),
        },
        n => Err(error(format!("holds {n} documents; expected one"))),
    }
}

fn get<'y>(yaml: &'y Yaml, key: &str) -> Option<&'y Yaml> {
    match yaml {
        Yaml::Hash(hash) => hash.get(&Yaml::String(key.to_string())),
        _ => None,
    }
    .filter(|value| !value.is_null())
}

/// A scalar as text (numbers and booleans as written).
fn scalar(yaml: &Yaml) -> Option<String> {
    match yaml {
        Yaml::String(s) | Yaml::Real(s) => Some(s.clone()),
        Yaml::Integer(n) => Some(n.to_string()),
        Yaml::Boolean(b) => Some(b.to_string()),
        _ => None,
    }
}

fn number(yaml: &Yaml) -> Option<f64> {
    match yaml {
        Yaml::Integer(n) => Some(*n as f64),
        Yaml::Real(_) => yaml.as_f64(),
        Yaml::String(s) => s.trim().parse().ok(),
        _ => None,
    }
    .filter(|x: &f64| x.is_finite())
}

/// Validator arguments: a string of words, or a list of words.
fn words(yaml: &Yaml) -> Option<String> {
    match yaml {
        Yaml::Array(items) => items
            .iter()
            .map(scalar)
            .collect::<Option<Vec<_>>>()
            .map(|w| w.join(" ")),
        other => scalar(other),
    }
}

/// The keys of problem.yaml that matter here.
struct Meta {
    /// `name`: a string, or a map of language → name (newer spec).
    names: BTreeMap<String, String>,
    kind: Option<String>,
    validation: Option<String>,
    validator_flags: String,
    time_limit_s: Option<f64>,
    has_time_multiplier: bool,
    memory_mib: Option<f64>,
}

impl Meta {
    fn read(path: &Path, yaml: &Yaml) -> Result<Meta, KattisError> {
        let field = |field: &str, message: &str| KattisError::Field {
            path: path.to_path_buf(),
            field: field.into(),
            message: message.into(),
        };
        let mut names = BTreeMap::new();
        match get(yaml, "name") {
            None => {}
            Some(Yaml::Hash(map)) => {
                for (lang, name) in map {
                    match (scalar(lang), scalar(name)) {
                        (Some(lang), Some(name)) => {
                            names.insert(lang, name);
                        }
                        _ => return Err(field("name", "expected a string per language")),
                    }
                }
            }
            Some(other) => match scalar(other) {
                Some(name) => {
                    names.insert(String::new(), name);
                }
                None => return Err(field("name", "expected a string")),
            },
        }
        let text = |key: &str| -> Result<Option<String>, KattisError> {
            get(yaml, key)
                .map(|v| scalar(v).ok_or_else(|| field(key, "expected a string")))
                .transpose()
        };
        let kind = match get(yaml, "type") {
            Some(value) => {
                Some(words(value).ok_or_else(|| field("type", "expected a string or a list"))?)
            }
            None => None,
        };
        let validation = text("validation")?.map(|v| v.trim().to_string());
        let validator_flags = match get(yaml, "validator_flags") {
            Some(value) => words(value)
                .ok_or_else(|| field("validator_flags", "expected a string of flags"))?,
            None => String::new(),
        };
        let limits = get(yaml, "limits");
        if limits.is_some_and(|l| !matches!(l, Yaml::Hash(_))) {
            return Err(field("limits", "expected a mapping"));
        }
        let limit = |key: &str| -> Result<Option<f64>, KattisError> {
            match limits.and_then(|l| get(l, key)) {
                Some(value) => number(value)
                    .filter(|x| *x > 0.0)
                    .map(Some)
                    .ok_or_else(|| field(&format!("limits.{key}"), "expected a positive number")),
                None => Ok(None),
            }
        };
        Ok(Meta {
            names,
            kind,
            validation,
            validator_flags,
            time_limit_s: limit("time_limit")?,
            has_time_multiplier: limits.is_some_and(|l| {
                get(l, "time_multiplier").is_some() || get(l, "time_multipliers").is_some()
            }),
            memory_mib: limit("memory")?,
        })
    }

    fn name(&self, lang: &str) -> Option<&str> {
        self.names
            .get(lang)
            .or_else(|| self.names.get(""))
            .map(String::as_str)
    }
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

/// Bytes and tests read so far for one tests file.
#[derive(Default)]
struct Budget {
    bytes: u64,
    count: usize,
}

/// A test as found: the group directories below data/secret, its file stem, its data.
struct Found {
    groups: Vec<String>,
    stem: String,
    input: String,
    output: String,
}

/// `.in`/`.ans` pairs of `dir` (and of its subdirectories when `nested`), in Kattis order.
fn read_tests(
    dir: &Path,
    groups: &mut Vec<String>,
    nested: bool,
    group_flags: &mut Option<(PathBuf, String)>,
    budget: &mut Budget,
    notes: &mut Vec<String>,
) -> Result<Vec<Found>, KattisError> {
    match kind_of(dir)? {
        Some(Kind::Dir) => {}
        Some(_) => {
            return Err(KattisError::WrongKind {
                path: dir.to_path_buf(),
                expected: "a directory",
            });
        }
        None => return Ok(Vec::new()),
    }
    let entries = list_dir(dir)?;
    let names: HashSet<&str> = entries.iter().map(|e| e.name.as_str()).collect();
    let mut found = Vec::new();
    for entry in &entries {
        let name = entry.name.as_str();
        if name.starts_with('.') {
            continue;
        }
        match entry.kind {
            Kind::Dir if nested => {
                if groups.len() >= MAX_GROUP_DEPTH {
                    return Err(KattisError::Name {
                        path: entry.path.clone(),
                        message: format!(
                            "test groups nest more than {MAX_GROUP_DEPTH} levels deep"
                        ),
                    });
                }
                groups.push(name.to_string());
                let inner = read_tests(&entry.path, groups, true, group_flags, budget, notes);
                groups.pop();
                found.extend(inner?);
            }
            Kind::Dir => notes.push(format!(
                "{}: subdirectories of data/sample are not read",
                entry.path.display()
            )),
            Kind::File { len } => {
                if name.ends_with(".interaction") {
                    return Err(KattisError::Interactive {
                        what: entry.path.display().to_string(),
                    });
                }
                if name == "testdata.yaml" {
                    read_group_flags(&entry.path, entry.kind, group_flags)?;
                    continue;
                }
                let Some(stem) = name.strip_suffix(".in") else {
                    continue;
                };
                let answer = format!("{stem}.ans");
                if !names.contains(answer.as_str()) {
                    return Err(KattisError::MissingAnswer {
                        input: entry.path.clone(),
                        answer,
                    });
                }
                let answer_path = dir.join(&answer);
                let answer_len = match kind_of(&answer_path)? {
                    Some(Kind::File { len }) => len,
                    _ => {
                        return Err(KattisError::WrongKind {
                            path: answer_path,
                            expected: "a regular file",
                        });
                    }
                };
                budget.count += 1;
                if budget.count > MAX_TESTS {
                    let section = dir.ancestors().nth(groups.len()).unwrap_or(dir);
                    return Err(KattisError::TooManyTests {
                        dir: section.to_path_buf(),
                        count: budget.count,
                        limit: MAX_TESTS,
                    });
                }
                budget.bytes = budget.bytes.saturating_add(len).saturating_add(answer_len);
                if budget.bytes > MAX_TESTS_FILE_BYTES {
                    let section = dir.ancestors().nth(groups.len()).unwrap_or(dir);
                    return Err(KattisError::TestsTooLarge {
                        dir: section.to_path_buf(),
                        limit: MAX_TESTS_FILE_BYTES,
                    });
                }
                let input = read_text(&entry.path, MAX_TESTS_FILE_BYTES, "MAX_TESTS_FILE_BYTES")?;
                let output = read_text(&answer_path, MAX_TESTS_FILE_BYTES, "MAX_TESTS_FILE_BYTES")?;
                found.push(Found {
                    groups: groups.clone(),
                    stem: stem.to_string(),
                    input,
                    output,
                });
            }
            Kind::Other => {}
        }
    }
    Ok(found)
}

/// `output_validator_flags` (legacy) or `output_validator_args` (newer) of a testdata.yaml.
/// All test groups must agree: Tandem has one checker per problem.
fn read_group_flags(
    path: &Path,
    kind: Kind,
    group_flags: &mut Option<(PathBuf, String)>,
) -> Result<(), KattisError> {
    if !matches!(kind, Kind::File { .. }) {
        return Err(KattisError::WrongKind {
            path: path.to_path_buf(),
            expected: "a regular file",
        });
    }
    let yaml = parse_yaml(
        path,
        &read_text(path, MAX_MANIFEST_BYTES, "MAX_MANIFEST_BYTES")?,
    )?;
    let Some(value) = get(&yaml, "output_validator_flags").or(get(&yaml, "output_validator_args"))
    else {
        return Ok(());
    };
    let text = words(value).ok_or_else(|| KattisError::Field {
        path: path.to_path_buf(),
        field: "output_validator_flags".into(),
        message: "expected a string of flags".into(),
    })?;
    match group_flags {
        Some((first, flags)) if flags.split_whitespace().ne(text.split_whitespace()) => {
            Err(KattisError::Field {
                path: path.to_path_buf(),
                field: "output_validator_flags".into(),
                message: format!(
                    "{text:?} differs from {flags:?} in {}; Tandem has one checker per problem",
                    first.display()
                ),
            })
        }
        Some(_) => Ok(()),
        None => {
            *group_flags = Some((path.to_path_buf(), text));
            Ok(())
        }
    }
}

/// Names: the file stem, after the group directories (joined with '-'); a leading `NN-`
/// ordering prefix (as export writes) is dropped when every test of the directory has one and
/// the names stay unique. Names are unique across public and hidden tests: a hidden test whose
/// name is taken gets `secret-` in front.
fn name_tests(
    sample: Vec<Found>,
    secret: Vec<Found>,
) -> Result<(Vec<Test>, Vec<Test>), KattisError> {
    let mut used = HashSet::new();
    let public = name_section(sample, "sample", &mut used)?;
    let hidden = name_section(secret, "secret", &mut used)?;
    Ok((public, hidden))
}

fn ordering_prefix(stem: &str) -> Option<&str> {
    let (digits, rest) = stem.split_once('-')?;
    (!digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) && !rest.is_empty())
        .then_some(rest)
}

fn name_section(
    found: Vec<Found>,
    section: &str,
    used: &mut HashSet<String>,
) -> Result<Vec<Test>, KattisError> {
    // Per directory (group path): can the ordering prefix go?
    let mut by_group: BTreeMap<Vec<String>, Vec<&str>> = BTreeMap::new();
    for test in &found {
        by_group
            .entry(test.groups.clone())
            .or_default()
            .push(&test.stem);
    }
    let strip: HashSet<Vec<String>> = by_group
        .into_iter()
        .filter(|(_, stems)| {
            let stripped: Option<Vec<&str>> = stems.iter().map(|s| ordering_prefix(s)).collect();
            stripped.is_some_and(|names| {
                let unique: HashSet<&&str> = names.iter().collect();
                unique.len() == names.len()
            })
        })
        .map(|(group, _)| group)
        .collect();

    let mut tests = Vec::new();
    for test in found {
        let stem = if strip.contains(&test.groups) {
            ordering_prefix(&test.stem).unwrap_or(&test.stem)
        } else {
            &test.stem
        };
        let mut parts = test.groups.clone();
        parts.push(stem.to_string());
        let base = parts.join("-");
        let mut name = base.clone();
        if used.contains(&name) {
            name = format!("{section}-{base}");
        }
        let mut n = 2;
        while used.contains(&name) {
            name = format!("{section}-{base}-{n}");
            n += 1;
        }
        if name.len() > 100 {
            return Err(KattisError::Name {
                path: PathBuf::from(format!("data/{section}/{}", test.groups.join("/")))
                    .join(format!("{}.in", test.stem)),
                message: format!(
                    "the test name {name:?} would be {} bytes; test names have at most 100",
                    name.len()
                ),
            });
        }
        used.insert(name.clone());
        tests.push(Test {
            name,
            input: test.input,
            output: test.output,
        });
    }
    Ok(tests)
}

/// The default validator's flags, gathered from problem.yaml and testdata.yaml.
#[derive(Default)]
struct Flags {
    case_sensitive: bool,
    space_change_sensitive: bool,
    abs: Option<f64>,
    rel: Option<f64>,
}

impl Flags {
    fn add(&mut self, path: &Path, text: &str) -> Result<(), KattisError> {
        let mut words = text.split_whitespace();
        while let Some(flag) = words.next() {
            let refuse = |flag: &str| KattisError::ValidatorFlag {
                path: path.to_path_buf(),
                flag: flag.to_string(),
            };
            match flag {
                "case_sensitive" => self.case_sensitive = true,
                "space_change_sensitive" => self.space_change_sensitive = true,
                "float_tolerance" | "float_relative_tolerance" | "float_absolute_tolerance" => {
                    let value = words
                        .next()
                        .and_then(|w| w.parse::<f64>().ok())
                        .filter(|x| x.is_finite() && *x >= 0.0)
                        .ok_or_else(|| refuse(&format!("{flag} (without a tolerance)")))?;
                    if flag != "float_relative_tolerance" {
                        self.abs = Some(value);
                    }
                    if flag != "float_absolute_tolerance" {
                        self.rel = Some(value);
                    }
                }
                other => return Err(refuse(other)),
            }
        }
        Ok(())
    }

    fn checker(&self, public: &[Test], hidden: &[Test], notes: &mut Vec<String>) -> Checker {
        let letters = public.iter().chain(hidden).any(|t| {
            t.output
                .chars()
                .any(|c| c.is_alphabetic() && c != 'e' && c != 'E')
        });
        if !self.case_sensitive && letters {
            notes.push(
                "the Kattis default validator ignores case unless case_sensitive is set; \
                 Tandem's checkers compare case, so an answer differing only in case (YES/yes) \
                 is now wrong"
                    .into(),
            );
        }
        if self.abs.is_some() || self.rel.is_some() {
            if self.space_change_sensitive {
                notes.push(
                    "space_change_sensitive is dropped: Tandem's float checker compares tokens"
                        .into(),
                );
            }
            return Checker::Float {
                abs: self.abs.unwrap_or(0.0),
                rel: self.rel.unwrap_or(0.0),
            };
        }
        if self.space_change_sensitive {
            Checker::Exact
        } else {
            Checker::Tokens
        }
    }
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
            let why = if meta.has_time_multiplier {
                "Kattis derives the time limit from the judge solutions' time (time_multiplier)"
            } else {
                "the package sets no time limit"
            };
            notes.push(format!(
                "{why}: the time limit is {DEFAULT_TIME_MS} ms; adjust [limits] time_ms after \
                 `tandem problems validate` shows the margins"
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
    fn yaml_aliases_and_extra_documents_are_refused() {
        let path = Path::new("problem.yaml");
        assert!(parse_yaml(path, "a: &x [1]\nb: *x\n").is_err());
        assert!(parse_yaml(path, "a: 1\n---\nb: 2\n").is_err());
        assert!(parse_yaml(path, "- 1\n").is_err());
        assert!(parse_yaml(path, "").is_ok());
        assert!(parse_yaml(path, "name: Hi\nlimits: {memory: 512}\n").is_ok());
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

    #[test]
    fn ordering_prefixes() {
        assert_eq!(ordering_prefix("01-small"), Some("small"));
        assert_eq!(ordering_prefix("01"), None);
        assert_eq!(ordering_prefix("a-1"), None);
        assert_eq!(ordering_prefix("1-"), None);
    }
}
