//! Checkers: is an answer right? Exact, tokens, float tolerance and unordered for text (stdio)
//! and for values (function mode), and row sets for SQL. Custom checker programs run in the
//! sandbox and are handled by the judge, not here.
//!
//! Value rules (documented in docs/problem-format.md): integers compare exactly; a float and an
//! integer compare as numbers; -0.0 equals 0.0; NaN equals NaN (non-finite floats travel as the
//! strings "NaN", "Infinity", "-Infinity"); tuples arrive as lists.

use serde_json::Value;
use tandem_problems::{Checker, SqlRows};

/// The outcome of one comparison; `Wrong` says where the answers part.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Check {
    Right,
    Wrong(String),
}

/// Compares program output with the expected output of a stdio test.
pub fn check_text(checker: &Checker, expected: &str, actual: &str) -> Check {
    match checker {
        Checker::Exact | Checker::Program { .. } => {
            let (want, got) = (normalise_lines(expected), normalise_lines(actual));
            if want == got {
                return Check::Right;
            }
            let line = want
                .iter()
                .zip(&got)
                .position(|(a, b)| a != b)
                .unwrap_or(want.len().min(got.len()));
            match (want.get(line), got.get(line)) {
                (Some(w), Some(g)) => Check::Wrong(format!(
                    "line {}: expected {:?}, found {:?}",
                    line + 1,
                    clip(w),
                    clip(g)
                )),
                (Some(_), None) => Check::Wrong(format!(
                    "output ends after {} lines; expected {}",
                    got.len(),
                    want.len()
                )),
                _ => Check::Wrong(format!(
                    "output has {} lines; expected {}",
                    got.len(),
                    want.len()
                )),
            }
        }
        Checker::Tokens => tokens(expected, actual, |w, g| w == g),
        Checker::Float { abs, rel } => tokens(expected, actual, |w, g| {
            match (w.parse::<f64>(), g.parse::<f64>()) {
                (Ok(w), Ok(g)) => close(w, g, *abs, *rel),
                _ => w == g,
            }
        }),
        Checker::Unordered => {
            let mut want: Vec<&str> = normalise_lines(expected)
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect();
            let mut got: Vec<&str> = normalise_lines(actual)
                .into_iter()
                .filter(|l| !l.is_empty())
                .collect();
            want.sort_unstable();
            got.sort_unstable();
            if want == got {
                Check::Right
            } else {
                Check::Wrong(format!(
                    "the {} lines differ from the {} expected (in any order)",
                    got.len(),
                    want.len()
                ))
            }
        }
    }
}

/// Lines without trailing whitespace, without trailing empty lines, CRLF read as LF.
fn normalise_lines(text: &str) -> Vec<&str> {
    let mut lines: Vec<&str> = text.lines().map(str::trim_end).collect();
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

fn tokens(expected: &str, actual: &str, same: impl Fn(&str, &str) -> bool) -> Check {
    let want: Vec<&str> = expected.split_whitespace().collect();
    let got: Vec<&str> = actual.split_whitespace().collect();
    for (i, (w, g)) in want.iter().zip(&got).enumerate() {
        if !same(w, g) {
            return Check::Wrong(format!(
                "token {}: expected {:?}, found {:?}",
                i + 1,
                clip(w),
                clip(g)
            ));
        }
    }
    if want.len() != got.len() {
        return Check::Wrong(format!(
            "found {} tokens; expected {}",
            got.len(),
            want.len()
        ));
    }
    Check::Right
}

fn close(want: f64, got: f64, abs: f64, rel: f64) -> bool {
    if want.is_nan() || got.is_nan() {
        return want.is_nan() && got.is_nan();
    }
    if want.is_infinite() || got.is_infinite() {
        return want == got;
    }
    let diff = (want - got).abs();
    diff <= abs || diff <= rel * want.abs()
}

fn clip(text: &str) -> String {
    if text.chars().count() > 60 {
        format!("{}…", text.chars().take(60).collect::<String>())
    } else {
        text.to_string()
    }
}

/// A JSON number or a non-finite float string, as f64.
fn number(value: &Value) -> Option<f64> {
    match value {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => match s.as_str() {
            "NaN" => Some(f64::NAN),
            "Infinity" => Some(f64::INFINITY),
            "-Infinity" => Some(f64::NEG_INFINITY),
            _ => None,
        },
        _ => None,
    }
}

/// Deep equality under the value rules; `tolerance` applies to every number when set.
fn same_value(want: &Value, got: &Value, tolerance: Option<(f64, f64)>) -> bool {
    match (want, got) {
        (Value::Number(w), Value::Number(g)) if tolerance.is_none() => {
            match (w.as_i64(), g.as_i64()) {
                (Some(w), Some(g)) => w == g,
                _ => w.as_f64() == g.as_f64(),
            }
        }
        (Value::Array(w), Value::Array(g)) => {
            w.len() == g.len() && w.iter().zip(g).all(|(w, g)| same_value(w, g, tolerance))
        }
        (Value::Object(w), Value::Object(g)) => {
            w.len() == g.len()
                && w.iter()
                    .all(|(k, w)| g.get(k).is_some_and(|g| same_value(w, g, tolerance)))
        }
        _ => match (number(want), number(got)) {
            (Some(w), Some(g)) => {
                let (abs, rel) = tolerance.unwrap_or((0.0, 0.0));
                close(w, g, abs, rel)
            }
            _ => want == got,
        },
    }
}

/// Compares a function's return value with the expected value.
pub fn check_value(checker: &Checker, expected: &Value, actual: &Value) -> Check {
    let right = match checker {
        Checker::Float { abs, rel } => same_value(expected, actual, Some((*abs, *rel))),
        Checker::Unordered => match (expected, actual) {
            (Value::Array(want), Value::Array(got)) => same_multiset(want, got),
            _ => same_value(expected, actual, None),
        },
        _ => same_value(expected, actual, None),
    };
    if right {
        Check::Right
    } else {
        Check::Wrong(format!(
            "expected {}, found {}",
            clip(&expected.to_string()),
            clip(&actual.to_string())
        ))
    }
}

fn same_multiset(want: &[Value], got: &[Value]) -> bool {
    if want.len() != got.len() {
        return false;
    }
    // Sorting canonical forms keeps this n log n (answers can hold thousands of groups).
    let keys = |values: &[Value]| {
        let mut keys: Vec<String> = values.iter().map(canonical).collect();
        keys.sort_unstable();
        keys
    };
    keys(want) == keys(got)
}

/// A text form under which two values are equal exactly when `same_value` says so (without
/// tolerance): integral floats read as integers, -0.0 as 0.
fn canonical(value: &Value) -> String {
    match value {
        Value::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => i.to_string(),
            (None, Some(x)) if x.fract() == 0.0 && x.abs() < 9.0e15 => (x as i64).to_string(),
            (None, Some(x)) => format!("{x:?}"),
            (None, None) => n.to_string(),
        },
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(canonical).collect::<Vec<_>>().join(",")
        ),
        Value::Object(entries) => {
            let mut parts: Vec<String> = entries
                .iter()
                .map(|(k, v)| format!("{}:{}", Value::from(k.as_str()), canonical(v)))
                .collect();
            parts.sort_unstable();
            format!("{{{}}}", parts.join(","))
        }
        other => other.to_string(),
    }
}

/// Compares a query's result rows; column names must match, row order only when `ordered`.
pub fn check_rows(ordered: bool, expected: &SqlRows, actual: &SqlRows) -> Check {
    if expected.columns != actual.columns {
        return Check::Wrong(format!(
            "columns {:?}; expected {:?}",
            actual.columns, expected.columns
        ));
    }
    let same =
        if ordered {
            expected.rows.len() == actual.rows.len()
                && expected.rows.iter().zip(&actual.rows).all(|(w, g)| {
                    same_value(&Value::from(w.clone()), &Value::from(g.clone()), None)
                })
        } else {
            let want: Vec<Value> = expected.rows.iter().cloned().map(Value::from).collect();
            let got: Vec<Value> = actual.rows.iter().cloned().map(Value::from).collect();
            same_multiset(&want, &got)
        };
    if same {
        Check::Right
    } else {
        Check::Wrong(format!(
            "{} rows differ from the {} expected{}",
            actual.rows.len(),
            expected.rows.len(),
            if ordered { " (order matters)" } else { "" }
        ))
    }
}

/// A unified diff of expected and actual text for visible tests, bounded in size.
pub fn diff(expected: &str, actual: &str) -> String {
    const MAX: usize = 8 << 10;
    // A diff is shown to a person: its first lines are what matter. Diffing two huge, very
    // different answers in full costs O(N·D) and took minutes on 30 000-line answers.
    const LINES: usize = 1000;
    let expected = first_lines(expected, LINES);
    let actual = first_lines(actual, LINES);
    let diff = similar::TextDiff::configure()
        .deadline(std::time::Instant::now() + std::time::Duration::from_millis(100))
        .diff_lines(expected, actual);
    let mut text = diff
        .unified_diff()
        .context_radius(2)
        .header("expected", "actual")
        .to_string();
    if text.len() > MAX {
        let cut = (0..=MAX)
            .rev()
            .find(|i| text.is_char_boundary(*i))
            .unwrap_or(0);
        text.truncate(cut);
        text.push_str("\n[diff truncated]\n");
    }
    text
}

/// The first `n` lines of `text` (all of it when shorter).
fn first_lines(text: &str, n: usize) -> &str {
    match text.match_indices('\n').nth(n.saturating_sub(1)) {
        Some((end, _)) => &text[..=end],
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_diff_of_huge_different_answers_is_quick_and_bounded() {
        let expected: String = (0..30_000).map(|i| format!("{i}\n")).collect();
        let actual: String = (0..30_000).map(|i| format!("{}\n", i * 7 + 1)).collect();
        let text = diff(&expected, &actual);
        assert!(text.starts_with("--- expected"));
        assert!(text.len() <= (8 << 10) + 32);
        assert_eq!(first_lines("a\nb\nc\n", 2), "a\nb\n");
        assert_eq!(first_lines("a\nb", 5), "a\nb");
    }

    fn right(c: Check) -> bool {
        c == Check::Right
    }

    #[test]
    fn text_checkers() {
        let cases = [
            (Checker::Exact, "1 2\n3\n", "1 2  \r\n3\n\n", true),
            (Checker::Exact, "1 2\n", "1  2\n", false),
            (Checker::Tokens, "1 2\n3", "1  2 3\n", true),
            (Checker::Tokens, "1 2", "1 2 3", false),
            (
                Checker::Float {
                    abs: 1e-6,
                    rel: 0.0,
                },
                "0.3333333",
                "0.33333331 x",
                false,
            ),
            (
                Checker::Float {
                    abs: 1e-6,
                    rel: 0.0,
                },
                "0.3333333 x",
                "0.33333331 x",
                true,
            ),
            (
                Checker::Float {
                    abs: 0.0,
                    rel: 1e-9,
                },
                "1e12",
                "1000000000000.0001",
                true,
            ),
            (Checker::Unordered, "a\nb\n", "b\na", true),
            (Checker::Unordered, "a\nb\n", "a\na", false),
        ];
        for (checker, want, got, ok) in cases {
            assert_eq!(
                right(check_text(&checker, want, got)),
                ok,
                "{checker:?} {want:?} {got:?}"
            );
        }
    }

    #[test]
    fn value_rules() {
        let cases = [
            (Checker::Exact, json!([1, 2]), json!([1, 2]), true),
            (Checker::Exact, json!(1), json!(1.0), true),
            (Checker::Exact, json!(0.0), json!(-0.0), true),
            (Checker::Exact, json!("NaN"), json!("NaN"), true),
            (Checker::Exact, json!(0.1), json!(0.1000001), false),
            (
                Checker::Float {
                    abs: 1e-5,
                    rel: 0.0,
                },
                json!([0.1]),
                json!([0.1000001]),
                true,
            ),
            (
                Checker::Unordered,
                json!([[1, 2], [3]]),
                json!([[3], [1, 2]]),
                true,
            ),
            (
                Checker::Unordered,
                json!([[1, 2], [3]]),
                json!([[3], [2, 1]]),
                false,
            ),
            (
                Checker::Unordered,
                json!([1, 1, 2]),
                json!([1, 2, 2]),
                false,
            ),
            (Checker::Exact, json!({"a": [1]}), json!({"a": [1]}), true),
            (Checker::Exact, json!(true), json!(1), false),
        ];
        for (checker, want, got, ok) in cases {
            assert_eq!(
                right(check_value(&checker, &want, &got)),
                ok,
                "{checker:?} {want} {got}"
            );
        }
    }

    #[test]
    fn sql_rows() {
        let rows = |r: Vec<Vec<Value>>| SqlRows {
            columns: vec!["a".into()],
            rows: r,
        };
        let want = rows(vec![vec![json!(1)], vec![json!(2)]]);
        let swapped = rows(vec![vec![json!(2)], vec![json!(1)]]);
        assert!(right(check_rows(false, &want, &swapped)));
        assert!(!right(check_rows(true, &want, &swapped)));
        let renamed = SqlRows {
            columns: vec!["b".into()],
            rows: want.rows.clone(),
        };
        assert!(!right(check_rows(false, &want, &renamed)));
    }

    #[test]
    fn diff_names_both_sides() {
        let d = diff("1\n2\n3\n", "1\n5\n3\n");
        assert!(d.contains("-2") && d.contains("+5"), "{d}");
    }
}
