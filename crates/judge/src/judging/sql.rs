//! SQL mode: each test builds its database from the problem's setup SQL, runs the learner's
//! query on it with sqlite3 inside the sandbox, and compares the result rows.
//!
//! sqlite3 prints rows in `.mode quote` (SQL literals: `'text'`, `12`, `1.5`, `NULL`,
//! `X'00ff'`), which keeps types apart (`'1'` is text, `1` is a number) and survives commas
//! and newlines inside strings.

use serde_json::Value;
use tandem_problems::SqlRows;

/// Printed right before the learner's query, so output of the setup is never taken for rows.
pub const MARKER: &str = "@@tandem-rows";

/// The whole sqlite3 input of one test.
pub fn program(setup: &str, query: &str) -> String {
    format!("{setup}\n.headers on\n.mode quote\n.print {MARKER}\n{query}\n")
}

fn parse_literal(text: &[u8], at: &mut usize) -> Option<Value> {
    let rest = &text[*at..];
    if rest.starts_with(b"NULL") {
        *at += 4;
        return Some(Value::Null);
    }
    if rest.first() == Some(&b'\'') {
        let mut out = Vec::new();
        let mut i = 1;
        loop {
            match rest.get(i) {
                Some(b'\'') if rest.get(i + 1) == Some(&b'\'') => {
                    out.push(b'\'');
                    i += 2;
                }
                Some(b'\'') => break,
                Some(b) => {
                    out.push(*b);
                    i += 1;
                }
                None => return None,
            }
        }
        *at += i + 1;
        return Some(Value::String(String::from_utf8_lossy(&out).into_owned()));
    }
    if rest.starts_with(b"X'") {
        let end = rest[2..].iter().position(|b| *b == b'\'')?;
        *at += end + 3;
        return Some(Value::String(
            String::from_utf8_lossy(&rest[..end + 3]).into_owned(),
        ));
    }
    let end = rest
        .iter()
        .position(|b| *b == b',' || *b == b'\n')
        .unwrap_or(rest.len());
    let word = std::str::from_utf8(&rest[..end]).ok()?.trim();
    *at += end;
    if let Ok(n) = word.parse::<i64>() {
        return Some(Value::from(n));
    }
    let x: f64 = word.parse().ok()?;
    serde_json::Number::from_f64(x).map(Value::Number)
}

fn parse_line(text: &[u8], at: &mut usize) -> Option<Vec<Value>> {
    let mut values = Vec::new();
    loop {
        values.push(parse_literal(text, at)?);
        match text.get(*at) {
            Some(b',') => *at += 1,
            Some(b'\n') => {
                *at += 1;
                return Some(values);
            }
            None => return Some(values),
            Some(_) => return None,
        }
    }
}

/// The rows sqlite3 printed after the marker; `Err` says what could not be read.
pub fn parse_rows(stdout: &[u8]) -> Result<SqlRows, String> {
    let marker = format!("{MARKER}\n");
    let start = stdout
        .windows(marker.len())
        .position(|w| w == marker.as_bytes())
        .ok_or("the query did not run (the setup failed?)")?
        + marker.len();
    let body = &stdout[start..];
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(SqlRows {
            columns: Vec::new(),
            rows: Vec::new(),
        });
    }
    let mut at = 0;
    let header = parse_line(body, &mut at).ok_or("cannot read the column names")?;
    let columns = header
        .into_iter()
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .unwrap_or_else(|| v.to_string())
        })
        .collect::<Vec<_>>();
    let mut rows = Vec::new();
    while at < body.len() {
        if body[at..].iter().all(u8::is_ascii_whitespace) {
            break;
        }
        let row = parse_line(body, &mut at)
            .ok_or_else(|| format!("cannot read row {}", rows.len() + 1))?;
        if row.len() != columns.len() {
            return Err(format!(
                "row {} has {} values for {} columns (more than one statement?)",
                rows.len() + 1,
                row.len(),
                columns.len()
            ));
        }
        rows.push(row);
    }
    Ok(SqlRows { columns, rows })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn parses_quote_mode_rows() {
        let out = b"@@tandem-rows\n'name','n','avg'\n'O''Brien, Jr',3,1.5\n'two\nlines',NULL,-2\n";
        let rows = parse_rows(out).expect("parses");
        assert_eq!(rows.columns, ["name", "n", "avg"]);
        assert_eq!(
            rows.rows[0],
            vec![json!("O'Brien, Jr"), json!(3), json!(1.5)]
        );
        assert_eq!(
            rows.rows[1],
            vec![json!("two\nlines"), Value::Null, json!(-2)]
        );
    }

    #[test]
    fn empty_result_and_missing_marker() {
        assert_eq!(parse_rows(b"@@tandem-rows\n").expect("empty").rows.len(), 0);
        assert!(parse_rows(b"Error: near line 1").is_err());
    }
}
