//! The problems the server offers, loaded once at start, with everything the browser may see
//! prepared up front. Hidden tests and reference solutions stay in `Problem`; the public views
//! (`ProblemSummary`, `ProblemView`) are built from public fields only.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Serialize;
use serde_json::Value;
use tandem_judge::Language;
use tandem_problems::{Mode, Problem, TestCase, load_package};
use thiserror::Error;
use utoipa::ToSchema;

use crate::{markdown, starter};

#[derive(Debug, Error)]
pub enum BankError {
    #[error("cannot read the problem directory {path}: {source}")]
    Dir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("problem package {path}: {message}")]
    Package { path: PathBuf, message: String },
    #[error("two problems have the slug {slug:?}: {first} and {second}")]
    Duplicate {
        slug: String,
        first: PathBuf,
        second: PathBuf,
    },
}

/// A problem in the list (without the learner's status, which the route adds).
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemSummary {
    pub slug: String,
    pub title: String,
    /// easy, medium or hard.
    pub difficulty: String,
    pub topics: Vec<String>,
    pub time_estimate_minutes: u32,
    /// function, stdio or sql.
    pub mode: String,
    /// Languages a solution may be written in.
    pub languages: Vec<String>,
    /// The statement's first paragraph, as plain text.
    pub summary: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Example {
    pub name: String,
    pub input: String,
    pub expected: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ParamView {
    pub name: String,
    pub ty: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SignatureView {
    pub name: String,
    pub params: Vec<ParamView>,
    pub returns: String,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct LimitsView {
    pub time_ms: u64,
    pub memory_mib: u64,
}

/// One problem as the browser sees it: no hidden tests, no solutions.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ProblemView {
    #[serde(flatten)]
    pub summary: ProblemSummary,
    /// Markdown.
    pub statement: String,
    /// The statement rendered on the server (leading title dropped; raw HTML shown as text).
    pub statement_html: String,
    pub constraints: Vec<String>,
    pub limits: LimitsView,
    pub signature: Option<SignatureView>,
    /// Starter code per language id.
    pub starter: BTreeMap<String, String>,
    /// The public tests, as text.
    pub examples: Vec<Example>,
    pub custom_input_help: String,
    pub hint_count: usize,
    pub has_solutions: bool,
}

/// A reference solution, shown only after a recorded reveal.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SolutionView {
    pub language: String,
    pub code: String,
}

pub struct BankEntry {
    pub problem: Arc<Problem>,
    pub view: ProblemView,
    pub solutions: Vec<SolutionView>,
}

#[derive(Default)]
pub struct Bank {
    entries: BTreeMap<String, BankEntry>,
}

impl Bank {
    /// Loads every package under `roots` (each a package or a directory of packages). Any bad
    /// package stops the start with its error: a server must not offer half a problem.
    pub fn load(roots: &[PathBuf]) -> Result<Bank, BankError> {
        let mut bank = Bank::default();
        let mut origins: BTreeMap<String, PathBuf> = BTreeMap::new();
        for dir in package_dirs(roots)? {
            let problem = load_package(&dir).map_err(|e| BankError::Package {
                path: dir.clone(),
                message: e.to_string(),
            })?;
            if let Some(first) = origins.get(&problem.slug) {
                return Err(BankError::Duplicate {
                    slug: problem.slug.clone(),
                    first: first.clone(),
                    second: dir,
                });
            }
            origins.insert(problem.slug.clone(), dir.clone());
            let entry = entry_of(problem, &dir)?;
            bank.entries.insert(entry.view.summary.slug.clone(), entry);
        }
        Ok(bank)
    }

    pub fn get(&self, slug: &str) -> Option<&BankEntry> {
        self.entries.get(slug)
    }

    pub fn iter(&self) -> impl Iterator<Item = &BankEntry> {
        self.entries.values()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn package_dirs(roots: &[PathBuf]) -> Result<Vec<PathBuf>, BankError> {
    let mut found = Vec::new();
    for root in roots {
        if root.join("problem.toml").is_file() {
            found.push(root.clone());
            continue;
        }
        let read = std::fs::read_dir(root).map_err(|source| BankError::Dir {
            path: root.clone(),
            source,
        })?;
        let mut dirs: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.join("problem.toml").is_file())
            .collect();
        dirs.sort();
        found.extend(dirs);
    }
    Ok(found)
}

/// The languages a problem can be solved in: function mode where a harness exists for its
/// signature, stdio in every language but SQL, SQL only in SQL.
pub fn languages_of(problem: &Problem) -> Vec<Language> {
    match problem.mode {
        Mode::Sql => vec![Language::Sql],
        Mode::Stdio => Language::ALL
            .into_iter()
            .filter(|l| *l != Language::Sql)
            .collect(),
        Mode::Function => match &problem.signature {
            Some(signature) => Language::ALL
                .into_iter()
                .filter(|l| tandem_judge::function::stub(*l, signature).is_ok())
                .collect(),
            None => Vec::new(),
        },
    }
}

fn entry_of(problem: Problem, dir: &Path) -> Result<BankEntry, BankError> {
    let languages = languages_of(&problem);
    let starter = languages
        .iter()
        .map(|l| (l.as_str().to_string(), starter::code(&problem, *l)))
        .collect();
    let mut solutions = Vec::new();
    for solution in &problem.solutions {
        let Some(language) = Language::from_extension(&solution.extension) else {
            continue;
        };
        let path = dir.join(&solution.path);
        let code = std::fs::read_to_string(&path).map_err(|e| BankError::Package {
            path: path.clone(),
            message: format!("cannot read the reference solution: {e}"),
        })?;
        solutions.push(SolutionView {
            language: language.as_str().to_string(),
            code,
        });
    }
    let summary = ProblemSummary {
        slug: problem.slug.clone(),
        title: problem.title.clone(),
        difficulty: enum_text(&problem.difficulty),
        topics: problem.topics.clone(),
        time_estimate_minutes: problem.time_estimate_minutes,
        mode: enum_text(&problem.mode),
        languages: languages.iter().map(|l| l.as_str().to_string()).collect(),
        summary: first_paragraph(&problem.statement),
    };
    let view = ProblemView {
        summary,
        statement: problem.statement.clone(),
        statement_html: markdown::to_safe_html(markdown::strip_leading_title(
            &problem.statement,
            &problem.title,
        )),
        constraints: problem.constraints.clone(),
        limits: LimitsView {
            time_ms: problem.limits.time_ms,
            memory_mib: problem.limits.memory_mib,
        },
        signature: problem.signature.as_ref().map(|s| SignatureView {
            name: s.name.clone(),
            params: s
                .params
                .iter()
                .map(|p| ParamView {
                    name: p.name.clone(),
                    ty: p.ty.to_string(),
                })
                .collect(),
            returns: s.returns.to_string(),
        }),
        starter,
        examples: problem
            .public_tests
            .iter()
            .map(|t| example_of(&problem, t))
            .collect(),
        custom_input_help: custom_input_help(&problem),
        hint_count: problem.hints.len(),
        has_solutions: !solutions.is_empty(),
    };
    Ok(BankEntry {
        problem: Arc::new(problem),
        view,
        solutions,
    })
}

/// The serde name of a unit enum variant (`easy`, `function` ...).
fn enum_text<T: Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

fn first_paragraph(markdown: &str) -> String {
    let paragraph = markdown
        .split("\n\n")
        .map(str::trim)
        .find(|p| !p.is_empty() && !p.starts_with('#'))
        .unwrap_or("");
    let plain: String = paragraph
        .chars()
        .filter(|c| !matches!(c, '`' | '*' | '_'))
        .map(|c| if c == '\n' { ' ' } else { c })
        .collect();
    if plain.chars().count() <= 240 {
        return plain;
    }
    let cut: String = plain.chars().take(237).collect();
    format!("{}…", cut.trim_end())
}

fn example_of(problem: &Problem, test: &TestCase) -> Example {
    match test {
        TestCase::Function {
            name,
            args,
            expected,
        } => {
            let names = problem
                .signature
                .as_ref()
                .map(|s| s.params.iter().map(|p| p.name.clone()).collect::<Vec<_>>())
                .unwrap_or_default();
            let input = args
                .iter()
                .enumerate()
                .map(|(i, v)| match names.get(i) {
                    Some(n) => format!("{n} = {v}"),
                    None => v.to_string(),
                })
                .collect::<Vec<_>>()
                .join("\n");
            Example {
                name: name.clone(),
                input,
                expected: expected.to_string(),
            }
        }
        TestCase::Stdio {
            name,
            input,
            output,
        } => Example {
            name: name.clone(),
            input: input.clone(),
            expected: output.clone(),
        },
        TestCase::Sql {
            name,
            setup,
            expected,
        } => {
            let mut lines = vec![expected.columns.join(" | ")];
            lines.extend(expected.rows.iter().map(|row| {
                row.iter()
                    .map(|v| match v {
                        Value::String(s) => s.clone(),
                        Value::Null => "NULL".into(),
                        other => other.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(" | ")
            }));
            Example {
                name: name.clone(),
                input: setup.clone(),
                expected: lines.join("\n"),
            }
        }
    }
}

fn custom_input_help(problem: &Problem) -> String {
    match (&problem.mode, &problem.signature) {
        (Mode::Function, Some(signature)) => {
            let params = signature
                .params
                .iter()
                .map(|p| format!("{} ({})", p.name, p.ty))
                .collect::<Vec<_>>()
                .join(", ");
            format!("One JSON value per line, in parameter order: {params}.")
        }
        (Mode::Sql, _) => "SQL statements that create and fill the tables your query reads.".into(),
        _ => "Text given to your program's standard input.".into(),
    }
}
