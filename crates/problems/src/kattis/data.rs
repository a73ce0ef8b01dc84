//! Test data: the `.in`/`.ans` pairs of data/sample and data/secret (nested groups
//! included) in Kattis order, their names, and the default validator's flags.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use super::read::Test;
use super::yaml::{get, parse_yaml, words};
use super::{KattisError, Kind, kind_of, list_dir, read_text};
use crate::limits::*;
use crate::model::Checker;

/// Deepest nesting of test groups under data/secret.
const MAX_GROUP_DEPTH: usize = 8;

/// The public and hidden tests of `src/data` and the checker their validator flags ask for
/// (`validator_flags` from problem.yaml, plus those of testdata.yaml files).
pub(crate) fn read_data(
    src: &Path,
    yaml_path: &Path,
    validator_flags: &str,
    notes: &mut Vec<String>,
) -> Result<(Vec<Test>, Vec<Test>, Checker), KattisError> {
    let data = src.join("data");
    let mut flags = Flags::default();
    flags.add(yaml_path, validator_flags)?;
    let mut group_flags: Option<(PathBuf, String)> = None;
    let mut budget = Budget::default();
    let sample = read_tests(
        &data.join("sample"),
        &mut Vec::new(),
        false,
        &mut group_flags,
        &mut budget,
        notes,
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
        notes,
    )?;
    if let Some(kind) = kind_of(&data.join("testdata.yaml"))? {
        read_group_flags(&data.join("testdata.yaml"), kind, &mut group_flags)?;
    }
    if let Some((path, text)) = &group_flags {
        flags.add(path, text)?;
    }
    let (public, hidden) = name_tests(sample, secret)?;
    let checker = flags.checker(&public, &hidden, notes);
    Ok((public, hidden, checker))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordering_prefixes() {
        assert_eq!(ordering_prefix("01-small"), Some("small"));
        assert_eq!(ordering_prefix("01"), None);
        assert_eq!(ordering_prefix("a-1"), None);
        assert_eq!(ordering_prefix("1-"), None);
    }
}
