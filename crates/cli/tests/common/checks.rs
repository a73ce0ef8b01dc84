//! Record-by-record checks shared by the function-mode tests of the compiled languages: each
//! case is one harness run carrying several tests.

use serde_json::Value;
use tandem_judge::function::{HarnessRun, records::Returned, stub};
use tandem_judge::{Language, Status};
use tandem_problems::Signature;

/// What one test's record must say.
pub enum Want {
    Value(Value),
    /// An error whose payload contains this text.
    Raised(&'static str),
    /// A `bad` record whose payload contains this text.
    Bad(&'static str),
}

pub struct Test {
    pub args: Value,
    pub want: Want,
    /// The captured output, when it matters.
    pub printed: Option<&'static str>,
}

pub fn ok(args: Value, value: Value) -> Test {
    Test {
        args,
        want: Want::Value(value),
        printed: None,
    }
}

pub fn raised(args: Value, text: &'static str) -> Test {
    Test {
        args,
        want: Want::Raised(text),
        printed: None,
    }
}

pub fn bad(args: Value, text: &'static str) -> Test {
    Test {
        args,
        want: Want::Bad(text),
        printed: None,
    }
}

pub fn printing(mut test: Test, printed: &'static str) -> Test {
    test.printed = Some(printed);
    test
}

pub fn describe(run: &HarnessRun) -> String {
    format!(
        "status {:?}, stderr: {}, compile: {:?}, stray: {}",
        run.report.status,
        run.report.stderr,
        run.report.compile.as_ref().map(|c| &c.stderr),
        String::from_utf8_lossy(&run.stray)
    )
}

pub fn run(language: Language, signature: &Signature, source: &str, tests: &[Test]) -> HarnessRun {
    let args: Vec<Value> = tests.iter().map(|t| t.args.clone()).collect();
    super::run(language, signature, source, &args)
}

/// Checks the records of `run` against `tests` (as many as there are records).
pub fn check_records(run: &HarnessRun, tests: &[Test]) {
    for (i, (record, test)) in run.records.iter().zip(tests).enumerate() {
        assert_eq!(record.index, i);
        match (&test.want, &record.returned) {
            (Want::Value(want), Returned::Value(got)) => {
                assert_eq!(got, want, "test {i} ({})", test.args);
            }
            (Want::Raised(text), Returned::Raised(got))
            | (Want::Bad(text), Returned::BadValue(got)) => {
                assert!(got.contains(text), "test {i}: {got:?} lacks {text:?}");
            }
            (_, got) => panic!("test {i} ({}): got {got:?}", test.args),
        }
        if let Some(printed) = test.printed {
            assert_eq!(
                String::from_utf8_lossy(&record.printed),
                printed,
                "test {i} printed"
            );
        }
    }
}

/// Runs `tests` against `source`, expecting a clean run and every record as wanted.
pub fn check(
    language: Language,
    signature: &Signature,
    source: &str,
    tests: &[Test],
) -> HarnessRun {
    let run = run(language, signature, source, tests);
    assert_eq!(run.report.status, Status::Ok, "{}", describe(&run));
    assert_eq!(run.records.len(), tests.len(), "{}", describe(&run));
    check_records(&run, tests);
    run
}

/// The stub with `body` in place of its empty body.
pub fn from_stub(language: Language, signature: &Signature, body: &str) -> String {
    let stub = stub(language, signature).expect("stub");
    assert!(stub.contains("{\n\n    }"), "{stub}");
    stub.replacen("{\n\n    }", &format!("{{\n{body}\n    }}"), 1)
}
