//! `problem.toml`, read field by field so that every mistake is reported, not just the first.

use std::path::Path;

use toml::{Table, Value};

use crate::error::Errors;
use crate::limits::*;
use crate::model::{Checker, Difficulty, Mode, Param, ProblemLimits, Signature};
use crate::types::Type;

const FILE: &str = "problem.toml";
const TOP_LEVEL: &[&str] = &[
    "slug",
    "title",
    "difficulty",
    "topics",
    "time_estimate_minutes",
    "mode",
    "limits",
    "function",
    "checker",
    "constraints",
    "sql",
];

/// The manifest's fields, with defaults applied; `None` where a required field was unusable
/// (its error is already recorded).
pub(crate) struct Manifest {
    pub slug: Option<String>,
    pub title: Option<String>,
    pub difficulty: Option<Difficulty>,
    pub topics: Vec<String>,
    pub time_estimate_minutes: Option<u32>,
    pub mode: Option<Mode>,
    pub limits: ProblemLimits,
    pub signature: Option<Signature>,
    pub checker: Checker,
    pub constraints: Vec<String>,
    pub sql_ordered: bool,
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::String(_) => "a string",
        Value::Integer(_) => "an integer",
        Value::Float(_) => "a float",
        Value::Boolean(_) => "a boolean",
        Value::Datetime(_) => "a date",
        Value::Array(_) => "an array",
        Value::Table(_) => "a table",
    }
}

/// Reads typed fields from one table, recording an error for each missing or mistyped one.
struct Fields<'t, 'e> {
    table: &'t Table,
    prefix: &'e str,
    errors: &'e mut Errors,
}

impl<'t, 'e> Fields<'t, 'e> {
    fn path(&self, key: &str) -> String {
        if self.prefix.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.prefix)
        }
    }

    fn unknown_keys(&mut self, allowed: &[&str]) {
        for key in self.table.keys() {
            if !allowed.contains(&key.as_str()) {
                let path = self.path(key);
                self.errors.push(
                    FILE,
                    path,
                    format!("unknown field; expected one of: {}", allowed.join(", ")),
                );
            }
        }
    }

    fn string(&mut self, key: &str, required: bool) -> Option<String> {
        match self.table.get(key) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                let path = self.path(key);
                self.errors.push(
                    FILE,
                    path,
                    format!("expected a string, found {}", kind(other)),
                );
                None
            }
            None => {
                if required {
                    let path = self.path(key);
                    self.errors.push(FILE, path, "missing (required)");
                }
                None
            }
        }
    }

    fn integer(
        &mut self,
        key: &str,
        range: std::ops::RangeInclusive<i64>,
        required: bool,
    ) -> Option<i64> {
        match self.table.get(key) {
            Some(Value::Integer(n)) if range.contains(n) => Some(*n),
            Some(Value::Integer(n)) => {
                let path = self.path(key);
                self.errors.push(
                    FILE,
                    path,
                    format!("{n} is out of range {}..={}", range.start(), range.end()),
                );
                None
            }
            Some(other) => {
                let path = self.path(key);
                self.errors.push(
                    FILE,
                    path,
                    format!("expected an integer, found {}", kind(other)),
                );
                None
            }
            None => {
                if required {
                    let path = self.path(key);
                    self.errors.push(FILE, path, "missing (required)");
                }
                None
            }
        }
    }

    fn float(&mut self, key: &str, default: f64) -> f64 {
        match self.table.get(key) {
            Some(Value::Float(x)) if *x >= 0.0 && x.is_finite() => *x,
            Some(Value::Integer(n)) if *n >= 0 => *n as f64,
            Some(other) => {
                let path = self.path(key);
                self.errors.push(
                    FILE,
                    path,
                    format!("expected a non-negative number, found {other}"),
                );
                default
            }
            None => default,
        }
    }

    fn boolean(&mut self, key: &str, default: bool) -> bool {
        match self.table.get(key) {
            Some(Value::Boolean(b)) => *b,
            Some(other) => {
                let path = self.path(key);
                self.errors.push(
                    FILE,
                    path,
                    format!("expected true or false, found {}", kind(other)),
                );
                default
            }
            None => default,
        }
    }

    fn strings(&mut self, key: &str) -> Vec<String> {
        match self.table.get(key) {
            Some(Value::Array(items)) => items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| match item {
                    Value::String(s) => Some(s.clone()),
                    other => {
                        let path = format!("{}[{i}]", self.path(key));
                        self.errors.push(
                            FILE,
                            path,
                            format!("expected a string, found {}", kind(other)),
                        );
                        None
                    }
                })
                .collect(),
            Some(other) => {
                let path = self.path(key);
                self.errors.push(
                    FILE,
                    path,
                    format!("expected an array of strings, found {}", kind(other)),
                );
                Vec::new()
            }
            None => Vec::new(),
        }
    }

    fn table(&mut self, key: &str) -> Option<&'t Table> {
        match self.table.get(key) {
            Some(Value::Table(t)) => Some(t),
            Some(other) => {
                let path = self.path(key);
                self.errors.push(
                    FILE,
                    path,
                    format!("expected a table, found {}", kind(other)),
                );
                None
            }
            None => None,
        }
    }
}

fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= MAX_SLUG_CHARS
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !text.starts_with('-')
        && !text.ends_with('-')
}

/// Words reserved in at least one language a stub is generated for.
const RESERVED: &[&str] = &[
    "abstract",
    "and",
    "as",
    "assert",
    "async",
    "await",
    "auto",
    "bool",
    "boolean",
    "break",
    "byte",
    "case",
    "catch",
    "char",
    "class",
    "const",
    "continue",
    "def",
    "default",
    "defer",
    "del",
    "delete",
    "do",
    "double",
    "elif",
    "else",
    "enum",
    "except",
    "export",
    "extends",
    "extern",
    "false",
    "final",
    "finally",
    "float",
    "fn",
    "for",
    "func",
    "function",
    "go",
    "goto",
    "if",
    "impl",
    "implements",
    "import",
    "in",
    "instanceof",
    "int",
    "interface",
    "is",
    "lambda",
    "let",
    "long",
    "loop",
    "map",
    "match",
    "mod",
    "move",
    "mut",
    "namespace",
    "new",
    "nil",
    "None",
    "nonlocal",
    "not",
    "null",
    "or",
    "package",
    "pass",
    "private",
    "protected",
    "pub",
    "public",
    "raise",
    "range",
    "ref",
    "register",
    "return",
    "select",
    "self",
    "Self",
    "short",
    "signed",
    "sizeof",
    "static",
    "struct",
    "super",
    "switch",
    "template",
    "this",
    "throw",
    "throws",
    "trait",
    "True",
    "False",
    "true",
    "try",
    "type",
    "typedef",
    "typeof",
    "union",
    "unsigned",
    "unsafe",
    "use",
    "var",
    "virtual",
    "void",
    "volatile",
    "where",
    "while",
    "with",
    "yield",
];

fn is_identifier(text: &str) -> bool {
    if RESERVED.contains(&text) {
        return false;
    }
    let mut chars = text.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && text.len() <= 64
}

pub(crate) fn read(text: &str, dir: &Path, errors: &mut Errors) -> Manifest {
    let table: Table = match text.parse() {
        Ok(table) => table,
        Err(e) => {
            errors.push(
                FILE,
                "",
                format!("not valid TOML: {}", e.to_string().trim()),
            );
            Table::new()
        }
    };
    let mut top = Fields {
        table: &table,
        prefix: "",
        errors,
    };
    top.unknown_keys(TOP_LEVEL);

    let slug = top.string("slug", true).filter(|slug| {
        let ok = is_slug(slug);
        if !ok {
            top.errors.push(
                FILE,
                "slug",
                format!("{slug:?} must be 1-{MAX_SLUG_CHARS} of a-z, 0-9 and inner '-'"),
            );
        }
        ok
    });
    if let (Some(slug), Some(name)) = (&slug, dir.file_name().and_then(|n| n.to_str()))
        && slug != name
    {
        top.errors.push(
            FILE,
            "slug",
            format!("{slug:?} differs from the directory name {name:?}"),
        );
    }
    let title = top.string("title", true).filter(|title| {
        let ok = !title.trim().is_empty() && title.chars().count() <= MAX_TITLE_CHARS;
        if !ok {
            top.errors.push(
                FILE,
                "title",
                format!("must be 1-{MAX_TITLE_CHARS} characters"),
            );
        }
        ok
    });
    let difficulty = top
        .string("difficulty", true)
        .and_then(|d| match d.as_str() {
            "easy" => Some(Difficulty::Easy),
            "medium" => Some(Difficulty::Medium),
            "hard" => Some(Difficulty::Hard),
            other => {
                top.errors.push(
                    FILE,
                    "difficulty",
                    format!("{other:?} is not one of easy, medium, hard"),
                );
                None
            }
        });
    let topics = top.strings("topics");
    if topics.is_empty() {
        top.errors.push(FILE, "topics", "needs at least one topic");
    }
    for (i, topic) in topics.iter().enumerate() {
        if !is_slug(topic) {
            top.errors.push(
                FILE,
                format!("topics[{i}]"),
                format!("{topic:?} must be a-z, 0-9 and '-'"),
            );
        }
    }
    let time_estimate_minutes = top
        .integer("time_estimate_minutes", ESTIMATE_MINUTES, true)
        .map(|n| n as u32);
    let mode = top.string("mode", true).and_then(|m| match m.as_str() {
        "function" => Some(Mode::Function),
        "stdio" => Some(Mode::Stdio),
        "sql" => Some(Mode::Sql),
        other => {
            top.errors.push(
                FILE,
                "mode",
                format!("{other:?} is not one of function, stdio, sql"),
            );
            None
        }
    });
    let constraints = top.strings("constraints");
    let limits_table = top.table("limits");
    let function_table = top.table("function");
    let checker_table = top.table("checker");
    let sql_table = top.table("sql");

    let mut limits = ProblemLimits {
        time_ms: DEFAULT_TIME_MS,
        memory_mib: DEFAULT_MEMORY_MIB,
    };
    if let Some(table) = limits_table {
        let mut fields = Fields {
            table,
            prefix: "limits",
            errors,
        };
        fields.unknown_keys(&["time_ms", "memory_mib"]);
        if let Some(n) = fields.integer("time_ms", TIME_MS, false) {
            limits.time_ms = n as u64;
        }
        if let Some(n) = fields.integer("memory_mib", MEMORY_MIB, false) {
            limits.memory_mib = n as u64;
        }
    }

    let signature = match (mode, function_table) {
        (Some(Mode::Function), Some(table)) => read_signature(table, errors),
        (Some(Mode::Function), None) => {
            errors.push(
                FILE,
                "function",
                "missing: function mode needs [function] name, params and returns",
            );
            None
        }
        (Some(_), Some(_)) => {
            errors.push(
                FILE,
                "function",
                "only function-mode problems have a [function] table",
            );
            None
        }
        _ => None,
    };

    let checker = match checker_table {
        Some(table) => read_checker(table, dir, errors),
        None => Checker::Exact,
    };

    let mut sql_ordered = false;
    if let Some(table) = sql_table {
        let mut fields = Fields {
            table,
            prefix: "sql",
            errors,
        };
        fields.unknown_keys(&["ordered"]);
        sql_ordered = fields.boolean("ordered", false);
        if mode != Some(Mode::Sql) {
            errors.push(FILE, "sql", "only sql-mode problems have an [sql] table");
        }
    }

    Manifest {
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
    }
}

fn read_signature(table: &Table, errors: &mut Errors) -> Option<Signature> {
    let mut fields = Fields {
        table,
        prefix: "function",
        errors,
    };
    fields.unknown_keys(&["name", "params", "returns"]);
    let name = fields.string("name", true).filter(|name| {
        let ok = is_identifier(name);
        if !ok {
            fields.errors.push(
                FILE,
                "function.name",
                format!("{name:?} is not an identifier (or is a keyword in one of the languages)"),
            );
        }
        ok
    });
    let returns = fields
        .string("returns", true)
        .and_then(|t| match t.parse::<Type>() {
            Ok(ty) => Some(ty),
            Err(e) => {
                fields.errors.push(FILE, "function.returns", e.to_string());
                None
            }
        });
    let mut params = Vec::new();
    let mut params_ok = true;
    match table.get("params") {
        Some(Value::Array(items)) => {
            for (i, item) in items.iter().enumerate() {
                let field = format!("function.params[{i}]");
                let Value::Table(param) = item else {
                    errors.push(FILE, field, "expected { name = \"...\", type = \"...\" }");
                    params_ok = false;
                    continue;
                };
                let mut fields = Fields {
                    table: param,
                    prefix: &field,
                    errors,
                };
                fields.unknown_keys(&["name", "type"]);
                let name = fields.string("name", true);
                let ty = fields.string("type", true);
                match (name, ty.map(|t| t.parse::<Type>())) {
                    (Some(name), Some(Ok(ty))) if is_identifier(&name) => {
                        params.push(Param { name, ty })
                    }
                    (Some(name), Some(Ok(_))) => {
                        errors.push(
                            FILE,
                            format!("{field}.name"),
                            format!("{name:?} is not an identifier (or is a keyword in one of the languages)"),
                        );
                        params_ok = false;
                    }
                    (_, Some(Err(e))) => {
                        errors.push(FILE, format!("{field}.type"), e.to_string());
                        params_ok = false;
                    }
                    _ => params_ok = false,
                }
            }
        }
        Some(_) => {
            errors.push(
                FILE,
                "function.params",
                "expected an array of { name, type } tables",
            );
            params_ok = false;
        }
        None => {
            errors.push(
                FILE,
                "function.params",
                "missing (required; use [] for none)",
            );
            params_ok = false;
        }
    }
    let mut seen = std::collections::HashSet::new();
    for param in &params {
        if !seen.insert(param.name.as_str()) {
            errors.push(
                FILE,
                "function.params",
                format!("parameter {:?} appears twice", param.name),
            );
            params_ok = false;
        }
    }
    match (name, returns, params_ok) {
        (Some(name), Some(returns), true) => Some(Signature {
            name,
            params,
            returns,
        }),
        _ => None,
    }
}

fn read_checker(table: &Table, dir: &Path, errors: &mut Errors) -> Checker {
    let mut fields = Fields {
        table,
        prefix: "checker",
        errors,
    };
    fields.unknown_keys(&["kind", "abs_tolerance", "rel_tolerance", "program"]);
    let kind = fields
        .string("kind", true)
        .unwrap_or_else(|| "exact".into());
    match kind.as_str() {
        "exact" => Checker::Exact,
        "tokens" => Checker::Tokens,
        "unordered" => Checker::Unordered,
        "float" => Checker::Float {
            abs: fields.float("abs_tolerance", DEFAULT_FLOAT_ABS),
            rel: fields.float("rel_tolerance", DEFAULT_FLOAT_REL),
        },
        "program" => {
            let program = fields.string("program", true).unwrap_or_default();
            let relative = Path::new(&program);
            let plain = relative
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)));
            if program.is_empty() || !plain {
                errors.push(
                    FILE,
                    "checker.program",
                    "expected a file name inside the package, e.g. \"checker.py\"",
                );
            } else if !dir.join(relative).is_file() {
                errors.push(
                    FILE,
                    "checker.program",
                    format!("{program} does not exist in the package"),
                );
            }
            Checker::Program {
                path: relative.to_path_buf(),
            }
        }
        other => {
            errors.push(
                FILE,
                "checker.kind",
                format!("{other:?} is not one of exact, tokens, float, unordered, program"),
            );
            Checker::Exact
        }
    }
}
