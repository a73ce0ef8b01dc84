//! The language-neutral type set of function-mode signatures: `int` (64-bit), `float`, `bool`,
//! `string`, `list<T>`, `map<string,T>`, `list_node`, `tree_node` and `any`. Tuples are lists.
//! Linked lists and binary trees travel in LeetCode's array encoding (`[1,2,3]`, and
//! `[1,null,2]` level order for trees).

use std::fmt;
use std::str::FromStr;

use serde_json::Value;

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Type {
    Int,
    Float,
    Bool,
    String,
    List(Box<Type>),
    /// Maps always have string keys (JSON objects).
    Map(Box<Type>),
    ListNode,
    TreeNode,
    Any,
}

impl fmt::Display for Type {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Type::Int => f.write_str("int"),
            Type::Float => f.write_str("float"),
            Type::Bool => f.write_str("bool"),
            Type::String => f.write_str("string"),
            Type::List(inner) => write!(f, "list<{inner}>"),
            Type::Map(inner) => write!(f, "map<string,{inner}>"),
            Type::ListNode => f.write_str("list_node"),
            Type::TreeNode => f.write_str("tree_node"),
            Type::Any => f.write_str("any"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "unknown type {0:?}: expected int, float, bool, string, list<T>, map<string,T>, list_node, tree_node or any"
)]
pub struct TypeError(pub String);

impl FromStr for Type {
    type Err = TypeError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        parse(&compact).ok_or_else(|| TypeError(text.to_string()))
    }
}

fn parse(text: &str) -> Option<Type> {
    Some(match text {
        "int" => Type::Int,
        "float" => Type::Float,
        "bool" => Type::Bool,
        "string" => Type::String,
        "list_node" => Type::ListNode,
        "tree_node" => Type::TreeNode,
        "any" => Type::Any,
        _ => {
            if let Some(inner) = text.strip_prefix("list<").and_then(|r| r.strip_suffix('>')) {
                Type::List(Box::new(parse(inner)?))
            } else if let Some(inner) = text
                .strip_prefix("map<string,")
                .and_then(|r| r.strip_suffix('>'))
            {
                Type::Map(Box::new(parse(inner)?))
            } else {
                return None;
            }
        }
    })
}

impl Type {
    /// Whether a JSON value is a valid value of this type; `Err` says where it is not.
    pub fn check(&self, value: &Value) -> Result<(), String> {
        let fail = || Err(format!("{} is not a {self}", short(value)));
        match self {
            Type::Any => Ok(()),
            Type::Int => match value.as_i64() {
                Some(_) => Ok(()),
                None => fail(),
            },
            Type::Float => match value {
                Value::Number(_) => Ok(()),
                // Non-finite floats travel as strings.
                Value::String(s) if matches!(s.as_str(), "NaN" | "Infinity" | "-Infinity") => {
                    Ok(())
                }
                _ => fail(),
            },
            Type::Bool => {
                if value.is_boolean() {
                    Ok(())
                } else {
                    fail()
                }
            }
            Type::String => {
                if value.is_string() {
                    Ok(())
                } else {
                    fail()
                }
            }
            Type::List(inner) => match value.as_array() {
                Some(items) => items
                    .iter()
                    .enumerate()
                    .try_for_each(|(i, item)| inner.check(item).map_err(|e| format!("[{i}]: {e}"))),
                None => fail(),
            },
            Type::Map(inner) => match value.as_object() {
                Some(entries) => entries.iter().try_for_each(|(key, item)| {
                    inner.check(item).map_err(|e| format!("[{key:?}]: {e}"))
                }),
                None => fail(),
            },
            // Node values are 32-bit, as in LeetCode's node classes that learners paste.
            Type::ListNode => match value.as_array() {
                Some(items) if items.iter().all(node_value) => Ok(()),
                _ => fail(),
            },
            Type::TreeNode => match value.as_array() {
                Some(items)
                    if items.first().is_none_or(|v| !v.is_null())
                        && items.iter().all(|v| v.is_null() || node_value(v)) =>
                {
                    Ok(())
                }
                _ => fail(),
            },
        }
    }
}

fn node_value(value: &Value) -> bool {
    value.as_i64().is_some_and(|n| i32::try_from(n).is_ok())
}

fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn types_parse_and_print_round_trip() {
        for text in [
            "int",
            "float",
            "bool",
            "string",
            "list<int>",
            "list<list<string>>",
            "map<string,list<float>>",
            "list_node",
            "tree_node",
            "any",
        ] {
            let parsed: Type = text.parse().expect(text);
            assert_eq!(parsed.to_string(), text);
        }
        assert_eq!(
            "list< int >".parse::<Type>(),
            Ok(Type::List(Box::new(Type::Int)))
        );
        for bad in ["integer", "list<>", "map<int,int>", "list<int", ""] {
            assert!(bad.parse::<Type>().is_err(), "{bad}");
        }
    }

    #[test]
    fn values_are_checked_against_types() {
        let cases = [
            ("int", json!(3), true),
            ("int", json!(3.5), false),
            ("float", json!(3), true),
            ("float", json!("NaN"), true),
            ("list<int>", json!([1, 2]), true),
            ("list<int>", json!([1, "2"]), false),
            ("map<string,bool>", json!({"a": true}), true),
            ("tree_node", json!([1, null, 2]), true),
            ("tree_node", json!([null]), false),
            ("tree_node", json!([]), true),
            ("list_node", json!([1, null]), false),
            ("list_node", json!([5_000_000_000i64]), false),
            ("tree_node", json!([1, null, -2147483648]), true),
        ];
        for (ty, value, ok) in cases {
            let ty: Type = ty.parse().expect("type");
            assert_eq!(ty.check(&value).is_ok(), ok, "{ty} {value}");
        }
    }
}
