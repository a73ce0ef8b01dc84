//! The function-mode wire format from host to harness: typed tokens that every harness can
//! read with a few lines of code (no JSON parser needed in C++, Java or Rust).
//!
//! ```text
//! <nonce>\n<number of tests>\n
//! then each test's arguments, in signature order, as tokens separated by single spaces or
//! newlines:
//!   int        decimal integer                  -42
//!   float      shortest round-trip decimal, or nan / inf / -inf
//!   bool       1 or 0
//!   string     byte length, one space, the raw UTF-8 bytes      5 hello
//!   list<T>    count, then each element         3 1 2 3
//!   map<s,T>   count, then key (string) and value per entry
//!   list_node  count, then each int
//!   tree_node  count, then each int or the token null (level order)
//!   any        the JSON text, as a string
//! ```
//! Values were checked against the signature when the package loaded; `encode` still refuses a
//! mismatch instead of writing something a harness would misread.

use std::fmt::Write;

use serde_json::Value;
use tandem_problems::Type;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("argument does not match {expected}: {found}")]
pub struct EncodeError {
    pub expected: String,
    pub found: String,
}

fn mismatch(ty: &Type, value: &Value) -> EncodeError {
    let mut found = value.to_string();
    found.truncate(60);
    EncodeError {
        expected: ty.to_string(),
        found,
    }
}

/// Appends one value of `ty` to `out`, followed by a newline.
pub fn encode_value(ty: &Type, value: &Value, out: &mut String) -> Result<(), EncodeError> {
    write_value(ty, value, out)?;
    out.push('\n');
    Ok(())
}

fn write_string(text: &str, out: &mut String) {
    let _ = write!(out, "{} ", text.len());
    out.push_str(text);
}

fn write_value(ty: &Type, value: &Value, out: &mut String) -> Result<(), EncodeError> {
    match ty {
        Type::Int => {
            let n = value.as_i64().ok_or_else(|| mismatch(ty, value))?;
            let _ = write!(out, "{n}");
        }
        Type::Float => match value {
            Value::Number(n) => {
                let x = n.as_f64().ok_or_else(|| mismatch(ty, value))?;
                let _ = write!(out, "{x:?}");
            }
            Value::String(s) if s == "NaN" => out.push_str("nan"),
            Value::String(s) if s == "Infinity" => out.push_str("inf"),
            Value::String(s) if s == "-Infinity" => out.push_str("-inf"),
            _ => return Err(mismatch(ty, value)),
        },
        Type::Bool => out.push(if value.as_bool().ok_or_else(|| mismatch(ty, value))? {
            '1'
        } else {
            '0'
        }),
        Type::String => write_string(value.as_str().ok_or_else(|| mismatch(ty, value))?, out),
        Type::List(inner) => {
            let items = value.as_array().ok_or_else(|| mismatch(ty, value))?;
            let _ = write!(out, "{}", items.len());
            for item in items {
                out.push(' ');
                write_value(inner, item, out)?;
            }
        }
        Type::Map(inner) => {
            let entries = value.as_object().ok_or_else(|| mismatch(ty, value))?;
            let _ = write!(out, "{}", entries.len());
            for (key, item) in entries {
                out.push(' ');
                write_string(key, out);
                out.push(' ');
                write_value(inner, item, out)?;
            }
        }
        Type::ListNode => {
            let items = value.as_array().ok_or_else(|| mismatch(ty, value))?;
            let _ = write!(out, "{}", items.len());
            for item in items {
                let _ = write!(
                    out,
                    " {}",
                    item.as_i64().ok_or_else(|| mismatch(ty, value))?
                );
            }
        }
        Type::TreeNode => {
            let items = value.as_array().ok_or_else(|| mismatch(ty, value))?;
            let _ = write!(out, "{}", items.len());
            for item in items {
                match item {
                    Value::Null => out.push_str(" null"),
                    other => {
                        let _ = write!(
                            out,
                            " {}",
                            other.as_i64().ok_or_else(|| mismatch(ty, value))?
                        );
                    }
                }
            }
        }
        Type::Any => write_string(&value.to_string(), out),
    }
    Ok(())
}

/// The whole stdin of a harness run: nonce, count, then each test's arguments.
pub fn encode_tests<'a>(
    nonce: &str,
    params: &[Type],
    tests: impl ExactSizeIterator<Item = &'a [Value]>,
) -> Result<String, EncodeError> {
    let mut out = format!("{nonce}\n{}\n", tests.len());
    for args in tests {
        if args.len() != params.len() {
            return Err(EncodeError {
                expected: format!("{} arguments", params.len()),
                found: format!("{}", args.len()),
            });
        }
        for (ty, value) in params.iter().zip(args) {
            encode_value(ty, value, &mut out)?;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn enc(ty: &str, value: Value) -> String {
        let mut out = String::new();
        encode_value(&ty.parse().expect("type"), &value, &mut out).expect("encodes");
        out
    }

    #[test]
    fn encodes_every_type() {
        assert_eq!(enc("int", json!(-42)), "-42\n");
        assert_eq!(enc("float", json!(0.1)), "0.1\n");
        assert_eq!(enc("float", json!(3)), "3.0\n");
        assert_eq!(enc("float", json!("-Infinity")), "-inf\n");
        assert_eq!(enc("bool", json!(true)), "1\n");
        assert_eq!(enc("string", json!("a b\nc")), "5 a b\nc\n");
        assert_eq!(enc("string", json!("é")), "2 é\n");
        assert_eq!(enc("list<list<int>>", json!([[1, 2], []])), "2 2 1 2 0\n");
        assert_eq!(enc("map<string,int>", json!({"k": 1})), "1 1 k 1\n");
        assert_eq!(enc("tree_node", json!([1, null, 2])), "3 1 null 2\n");
        assert_eq!(enc("list_node", json!([])), "0\n");
        assert_eq!(enc("any", json!({"a": [1]})), "9 {\"a\":[1]}\n");
    }

    #[test]
    fn refuses_mismatches() {
        let mut out = String::new();
        assert!(encode_value(&Type::Int, &json!("1"), &mut out).is_err());
        assert!(encode_tests("n", &[Type::Int], [&[][..]].into_iter()).is_err());
    }
}
