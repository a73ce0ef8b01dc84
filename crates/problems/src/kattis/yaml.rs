//! problem.yaml and testdata.yaml: parsed with yaml-rust2 after a guard pass that refuses
//! aliases and deep nesting; the few keys import needs, with errors naming the field.

use std::collections::BTreeMap;
use std::path::Path;

use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
use yaml_rust2::scanner::Marker;
use yaml_rust2::{Yaml, YamlLoader};

use super::KattisError;

/// Deepest nesting of YAML collections in problem.yaml / testdata.yaml.
const MAX_YAML_DEPTH: usize = 16;

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

pub(crate) fn parse_yaml(path: &Path, text: &str) -> Result<Yaml, KattisError> {
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

pub(crate) fn get<'y>(yaml: &'y Yaml, key: &str) -> Option<&'y Yaml> {
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
pub(crate) fn words(yaml: &Yaml) -> Option<String> {
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
pub(crate) struct Meta {
    /// `name`: a string, or a map of language → name (newer spec).
    pub names: BTreeMap<String, String>,
    pub kind: Option<String>,
    pub validation: Option<String>,
    pub validator_flags: String,
    pub time_limit_s: Option<f64>,
    pub memory_mib: Option<f64>,
}

impl Meta {
    pub(crate) fn read(path: &Path, yaml: &Yaml) -> Result<Meta, KattisError> {
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
            memory_mib: limit("memory")?,
        })
    }

    pub(crate) fn name(&self, lang: &str) -> Option<&str> {
        self.names
            .get(lang)
            .or_else(|| self.names.get(""))
            .map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_aliases_and_extra_documents_are_refused() {
        let path = Path::new("problem.yaml");
        assert!(parse_yaml(path, "a: &x [1]\nb: *x\n").is_err());
        assert!(parse_yaml(path, "a: 1\n---\nb: 2\n").is_err());
        assert!(parse_yaml(path, "- 1\n").is_err());
        assert!(parse_yaml(path, "").is_ok());
        assert!(parse_yaml(path, "name: Hi\nlimits: {memory: 512}\n").is_ok());
    }
}
