//! The judge watched and steered, through the real sandbox and bank problems: an observer hears
//! exactly the report's tests in order (hidden ones redacted, compile errors included), hears
//! function-mode tests while the harness still runs, and can cancel a run that would go on for
//! a long time; custom input runs against a reference solution's answer and malformed input is
//! refused with a message that says what is wrong.

mod common;

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use tandem_judge::JudgeError;
use tandem_judge::Language;
use tandem_judge::judging::{
    CUSTOM_INPUT_LIMIT, Judge, JudgeObserver, JudgeReport, NoObserver, Scope, TestResult, Verdict,
};
use tandem_problems::{Problem, load_package};

fn bank(slug: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../problems")
        .join(slug)
}

fn load(slug: &str) -> Problem {
    load_package(&bank(slug)).unwrap_or_else(|e| panic!("{slug} loads: {e:?}"))
}

fn judge() -> Judge<'static> {
    let env = common::env();
    Judge {
        executor: &env.sandbox,
        toolchains: &env.toolchains,
        cache: &env.cache,
    }
}

/// Records every call; cancels after `cancel_after`, or at the first test when asked to.
struct Recorder {
    started: Instant,
    cancel_after: Option<Duration>,
    cancel_at_first_test: bool,
    seen: Mutex<Vec<(usize, usize, TestResult)>>,
}

impl Recorder {
    fn new() -> Self {
        Self {
            started: Instant::now(),
            cancel_after: None,
            cancel_at_first_test: false,
            seen: Mutex::new(Vec::new()),
        }
    }

    fn cancelling_after(after: Duration) -> Self {
        Self {
            cancel_after: Some(after),
            ..Self::new()
        }
    }

    fn seen(&self) -> Vec<(usize, usize, TestResult)> {
        self.seen.lock().expect("lock").clone()
    }

    /// The calls must be 0, 1, 2 ... with the report's total, and equal the report's tests.
    fn assert_matches(&self, report: &JudgeReport) {
        let seen = self.seen();
        let indices: Vec<usize> = seen.iter().map(|(i, _, _)| *i).collect();
        assert_eq!(indices, (0..report.tests.len()).collect::<Vec<_>>());
        assert!(seen.iter().all(|(_, total, _)| *total == report.total));
        let results: Vec<TestResult> = seen.into_iter().map(|(_, _, r)| r).collect();
        assert_eq!(results, report.tests);
    }
}

/// Judges with a fresh recorder; returns the report and what the recorder heard.
fn heard(
    problem: &Problem,
    language: Language,
    source: &str,
    scope: Scope,
) -> (JudgeReport, Recorder) {
    let recorder = Recorder::new();
    let report = judge()
        .judge_observed(problem, language, source, scope, &recorder)
        .expect("judged");
    (report, recorder)
}

impl JudgeObserver for Recorder {
    fn on_test(&self, index: usize, total: usize, result: &TestResult) {
        self.seen
            .lock()
            .expect("lock")
            .push((index, total, result.clone()));
    }

    fn cancelled(&self) -> bool {
        let timed_out = self
            .cancel_after
            .is_some_and(|after| self.started.elapsed() >= after);
        let first_test = self.cancel_at_first_test && !self.seen.lock().expect("lock").is_empty();
        timed_out || first_test
    }
}

fn verdicts(report: &JudgeReport) -> Vec<Verdict> {
    report.tests.iter().map(|t| t.verdict).collect()
}

// ---------------------------------------------------------------- the observer hears the report

/// Best Streak (stdio): a solution that is right only when every number is positive.
const STREAK_SUM: &str = "import sys\nd = sys.stdin.read().split()\nprint(max(int(x) for x in d[1:]) if all(int(x) < 0 for x in d[1:]) else sum(int(x) for x in d[1:] if int(x) > 0))\n";

#[test]
fn stdio_observer_sees_the_report_tests_in_order() {
    let problem = load("best-streak");
    let (report, recorder) = heard(&problem, Language::Python, STREAK_SUM, Scope::Public);
    recorder.assert_matches(&report);
    // example: 3 + 5 + 2 = 10, not 6; all-losses and single-day are right.
    assert_eq!(
        verdicts(&report),
        [Verdict::WrongAnswer, Verdict::Accepted, Verdict::Accepted]
    );
    assert!(report.tests[0].expected.is_some() && report.tests[0].diff.is_some());
}

#[test]
fn a_compile_error_is_heard_as_every_test_skipped() {
    let problem = load("best-streak");
    let (report, recorder) = heard(
        &problem,
        Language::Cpp,
        "int main() { return missing; }\n",
        Scope::All,
    );
    assert_eq!(report.verdict, Verdict::CompileError);
    recorder.assert_matches(&report);
    assert_eq!(
        report.tests.len(),
        problem.public_tests.len() + problem.hidden_tests.len()
    );
    assert!(report.tests.iter().all(|t| t.verdict == Verdict::Skipped));
}

/// Slot It In (function mode, 3 public tests): right, except it raises on an empty calendar
/// after printing.
const SLOT_RAISES_WHEN_EMPTY: &str = r#"
class Solution:
    def insertWindow(self, windows, window):
        if not windows:
            print("nothing to merge")
            raise ValueError("empty calendar")
        start, end = window
        out = []
        for w in windows:
            if w[1] < start or w[0] > end:
                out.append(w)
            else:
                start, end = min(start, w[0]), max(end, w[1])
        out.append([start, end])
        return sorted(out)
"#;

#[test]
fn function_observer_sees_the_report_tests_in_order() {
    let problem = load("slot-it-in");
    let (report, recorder) = heard(
        &problem,
        Language::Python,
        SLOT_RAISES_WHEN_EMPTY,
        Scope::Public,
    );
    recorder.assert_matches(&report);
    assert_eq!(
        verdicts(&report),
        [Verdict::Accepted, Verdict::Accepted, Verdict::RuntimeError]
    );
    let raised = &report.tests[2];
    assert!(
        raised
            .message
            .as_deref()
            .is_some_and(|m| m.contains("empty calendar")),
        "{raised:?}"
    );
    assert_eq!(raised.printed.as_deref(), Some("nothing to merge\n"));
    // One process ran every test: its peak is the report's.
    assert!(report.memory_kib > 0);
}

#[test]
fn hidden_results_are_redacted_in_the_callback_too() {
    // Function mode: the reference on every test, hidden ones included.
    let problem = load("slot-it-in");
    let source =
        std::fs::read_to_string(bank("slot-it-in").join("solutions/main.py")).expect("reference");
    let (report, recorder) = heard(&problem, Language::Python, &source, Scope::All);
    assert_eq!(report.verdict, Verdict::Accepted, "{report:?}");
    recorder.assert_matches(&report);
    let hidden: Vec<TestResult> = recorder
        .seen()
        .into_iter()
        .map(|(_, _, r)| r)
        .filter(|r| r.hidden)
        .collect();
    assert_eq!(hidden.len(), problem.hidden_tests.len());
    for result in &hidden {
        assert!(
            result.input.is_none() && result.expected.is_none() && result.actual.is_none(),
            "{result:?}"
        );
    }

    // Stdio: a wrong answer on a hidden test stops the submission; the rest are skipped.
    let problem = load("best-streak");
    let (report, recorder) = heard(&problem, Language::Python, STREAK_SUM, Scope::All);
    recorder.assert_matches(&report);
    for (_, _, result) in recorder.seen() {
        if result.hidden {
            assert!(
                result.input.is_none()
                    && result.expected.is_none()
                    && result.actual.is_none()
                    && result.diff.is_none()
                    && result.message.is_none(),
                "{result:?}"
            );
        }
    }
    assert!(report.tests.iter().any(|t| t.verdict == Verdict::Skipped));
}

/// Slot It In: right on the first tests, then never returns (in CPU).
const SLOT_SPINS_WHEN_EMPTY: &str = r#"
class Solution:
    def insertWindow(self, windows, window):
        while not windows:
            pass
        start, end = window
        out = []
        for w in windows:
            if w[1] < start or w[0] > end:
                out.append(w)
            else:
                start, end = min(start, w[0]), max(end, w[1])
        out.append([start, end])
        return sorted(out)
"#;

#[test]
fn function_results_arrive_while_the_harness_runs() {
    // The observer cancels when it hears the first test. Had the judge waited for the harness
    // to end, the spinning third test would have ended it (time limit) and a report would come
    // back; a cancellation proves the first result came while the harness was still running.
    let problem = load("slot-it-in");
    let recorder = Recorder {
        cancel_at_first_test: true,
        ..Recorder::new()
    };
    let outcome = judge().judge_observed(
        &problem,
        Language::Python,
        SLOT_SPINS_WHEN_EMPTY,
        Scope::Public,
        &recorder,
    );
    assert!(matches!(outcome, Err(JudgeError::Cancelled)), "{outcome:?}");
    let seen = recorder.seen();
    assert!(
        !seen.is_empty() && seen.len() < 3,
        "{} tests heard",
        seen.len()
    );
    assert_eq!(seen[0].2.verdict, Verdict::Accepted);

    // Without cancelling, the same run ends in the third test's time limit.
    let (report, recorder) = heard(
        &problem,
        Language::Python,
        SLOT_SPINS_WHEN_EMPTY,
        Scope::Public,
    );
    recorder.assert_matches(&report);
    assert_eq!(
        verdicts(&report),
        [
            Verdict::Accepted,
            Verdict::Accepted,
            Verdict::TimeLimitExceeded
        ]
    );
}

// ---------------------------------------------------------------- cancellation

#[test]
fn cancelling_a_long_stdio_run_returns_promptly() {
    // Every test spins until its CPU limit: about 3 s each in Python, 9 s for the 3 public tests.
    let problem = load("best-streak");
    let recorder = Recorder::cancelling_after(Duration::from_millis(700));
    let started = Instant::now();
    let outcome = judge().judge_observed(
        &problem,
        Language::Python,
        "while True:\n    pass\n",
        Scope::Public,
        &recorder,
    );
    let took = started.elapsed();
    eprintln!("stdio cancellation returned after {took:?}");
    assert!(matches!(outcome, Err(JudgeError::Cancelled)), "{outcome:?}");
    assert!(took < Duration::from_secs(4), "took {took:?}");
    assert!(recorder.seen().is_empty());
}

#[test]
fn cancelling_a_long_function_run_returns_promptly() {
    // Sleeping costs no CPU, so only the wall limit would end this harness: about 26 s for the
    // 20 tests of a submission in Python.
    let problem = load("slot-it-in");
    let source = "import time\n\nclass Solution:\n    def insertWindow(self, windows, window):\n        while True:\n            time.sleep(1)\n";
    let recorder = Recorder::cancelling_after(Duration::from_millis(700));
    let started = Instant::now();
    let outcome = judge().judge_observed(&problem, Language::Python, source, Scope::All, &recorder);
    let took = started.elapsed();
    eprintln!("function cancellation returned after {took:?}");
    assert!(matches!(outcome, Err(JudgeError::Cancelled)), "{outcome:?}");
    assert!(took < Duration::from_secs(5), "took {took:?}");

    // A spinning harness is cancelled too, before its first test's deadline would end it.
    let recorder = Recorder::cancelling_after(Duration::from_millis(300));
    let outcome = judge().judge_observed(
        &problem,
        Language::Python,
        "class Solution:\n    def insertWindow(self, windows, window):\n        while True:\n            pass\n",
        Scope::All,
        &recorder,
    );
    assert!(matches!(outcome, Err(JudgeError::Cancelled)), "{outcome:?}");
}

#[test]
fn a_judge_cancelled_before_it_starts_runs_nothing() {
    let problem = load("best-streak");
    let recorder = Recorder::cancelling_after(Duration::ZERO);
    let outcome = judge().judge_observed(
        &problem,
        Language::Python,
        STREAK_SUM,
        Scope::All,
        &recorder,
    );
    assert!(matches!(outcome, Err(JudgeError::Cancelled)), "{outcome:?}");
    let outcome = judge().judge_custom(&problem, Language::Python, STREAK_SUM, "1\n5\n", &recorder);
    assert!(matches!(outcome, Err(JudgeError::Cancelled)), "{outcome:?}");
    assert!(recorder.seen().is_empty());
}

// ---------------------------------------------------------------- custom input

fn custom(slug: &str, language: Language, source: &str, input: &str) -> JudgeReport {
    let problem = load(slug);
    let recorder = Recorder::new();
    let report = judge()
        .judge_custom(&problem, language, source, input, &recorder)
        .unwrap_or_else(|e| panic!("custom run of {slug}: {e}"));
    recorder.assert_matches(&report);
    assert_eq!(report.tests.len(), 1);
    assert_eq!(report.tests[0].name, "custom");
    assert!(!report.tests[0].hidden);
    report
}

fn custom_error(slug: &str, input: &str) -> String {
    let problem = load(slug);
    let source = std::fs::read_to_string(bank(slug).join("solutions/main.py")).expect("reference");
    match judge().judge_custom(&problem, Language::Python, &source, input, &NoObserver) {
        Err(JudgeError::InvalidCustomInput(message)) => message,
        other => panic!("{input:?} should be refused, got {other:?}"),
    }
}

#[test]
fn custom_input_with_the_right_answer_is_accepted() {
    let source =
        std::fs::read_to_string(bank("slot-it-in").join("solutions/main.py")).expect("reference");
    let report = custom(
        "slot-it-in",
        Language::Python,
        &source,
        "[[1, 3], [6, 9]]\n\n[2, 5]\n",
    );
    let test = &report.tests[0];
    assert_eq!(report.verdict, Verdict::Accepted, "{test:?}");
    assert_eq!(test.expected.as_deref(), Some("[[1,5],[6,9]]"));
    assert_eq!(test.actual.as_deref(), Some("[[1,5],[6,9]]"));
    assert_eq!(test.input.as_deref(), Some("[[1,3],[6,9]]\n[2,5]"));

    // The same input as one array of all the arguments.
    let report = custom(
        "slot-it-in",
        Language::Python,
        &source,
        "[[[1, 3], [6, 9]], [2, 5]]",
    );
    assert_eq!(report.verdict, Verdict::Accepted);
}

#[test]
fn custom_input_with_a_wrong_answer_shows_the_reference_answer() {
    // Returns the calendar unchanged.
    let source =
        "class Solution:\n    def insertWindow(self, windows, window):\n        return windows\n";
    let report = custom(
        "slot-it-in",
        Language::Python,
        source,
        "[[1, 3], [6, 9]]\n[2, 5]",
    );
    let test = &report.tests[0];
    assert_eq!(test.verdict, Verdict::WrongAnswer, "{test:?}");
    assert_eq!(test.expected.as_deref(), Some("[[1,5],[6,9]]"));
    assert_eq!(test.actual.as_deref(), Some("[[1,3],[6,9]]"));
    assert!(test.diff.is_some());
}

#[test]
fn malformed_custom_input_is_refused_with_a_helpful_message() {
    let bad_json = custom_error("slot-it-in", "[[1, 3], [6, 9]\n[2, 5]");
    assert!(
        bad_json.contains("line 1")
            && bad_json.contains("not valid JSON")
            && bad_json.contains("windows: list<list<int>>"),
        "{bad_json}"
    );

    let count = custom_error("slot-it-in", "[[1, 3]]\n[2, 5]\n[7, 8]");
    assert!(
        count.contains("expected 2") && count.contains("found 3"),
        "{count}"
    );

    let wrong_type = custom_error("slot-it-in", "[[1, 3]]\n\"soon\"");
    assert!(
        wrong_type.contains("line 2")
            && wrong_type.contains("window")
            && wrong_type.contains("list<int>"),
        "{wrong_type}"
    );

    // Well-typed, but against the constraints (the package's validator says which).
    let untidy = custom_error("slot-it-in", "[[6, 9], [1, 3]]\n[2, 5]");
    assert!(
        untidy.contains("constraints") && untidy.contains("not tidy"),
        "{untidy}"
    );
}

#[test]
fn oversized_custom_input_is_refused() {
    let input = format!("[{}0]\n[1, 2]", "0, ".repeat(CUSTOM_INPUT_LIMIT / 3));
    assert!(input.len() > CUSTOM_INPUT_LIMIT);
    let message = custom_error("slot-it-in", &input);
    assert!(message.contains("limit"), "{message}");
}

#[test]
fn stdio_custom_input_is_checked_against_the_reference() {
    let right =
        std::fs::read_to_string(bank("best-streak").join("solutions/main.py")).expect("reference");
    let report = custom("best-streak", Language::Python, &right, "4\n-1 5 -2 3\n");
    assert_eq!(report.verdict, Verdict::Accepted, "{:?}", report.tests[0]);
    assert_eq!(report.tests[0].expected.as_deref(), Some("6\n"));

    let report = custom(
        "best-streak",
        Language::Python,
        STREAK_SUM,
        "4\n-1 5 -2 3\n",
    );
    let test = &report.tests[0];
    assert_eq!(test.verdict, Verdict::WrongAnswer, "{test:?}");
    assert_eq!(test.expected.as_deref(), Some("6\n"));
    assert_eq!(test.actual.as_deref(), Some("8\n"));

    // The validator refuses an input with fewer numbers than announced.
    let message = custom_error("best-streak", "3\n1 2\n");
    assert!(message.contains("expected n numbers"), "{message}");
}

#[test]
fn custom_input_with_a_checker_program() {
    // Brewing order: any valid order is right; the checker decides, with the reference's
    // answer as the expected one.
    let in_number_order =
        "n, m = map(int, input().split())\nprint(' '.join(map(str, range(1, n + 1))))\n";
    let report = custom("brewing-order", Language::Python, in_number_order, "3 0\n");
    assert_eq!(report.verdict, Verdict::Accepted, "{:?}", report.tests[0]);
    let report = custom(
        "brewing-order",
        Language::Python,
        in_number_order,
        "3 1\n3 1\n",
    );
    assert_eq!(
        report.verdict,
        Verdict::WrongAnswer,
        "{:?}",
        report.tests[0]
    );
}

#[test]
fn sql_custom_input_is_the_setup() {
    let query = std::fs::read_to_string(bank("avid-readers").join("solutions/main.sql"))
        .expect("reference");
    let setup = "CREATE TABLE members(id INTEGER PRIMARY KEY, name TEXT NOT NULL);\n\
                 CREATE TABLE loans(id INTEGER PRIMARY KEY, member_id INTEGER NOT NULL, book_id INTEGER NOT NULL, loaned_on TEXT NOT NULL);\n\
                 INSERT INTO members VALUES (1, 'Ada'), (2, 'Bo');\n\
                 INSERT INTO loans VALUES (1, 1, 1, '2023-01-01'), (2, 1, 2, '2023-02-01'), (3, 1, 3, '2023-03-01'), (4, 2, 1, '2023-01-01');\n";
    let report = custom("avid-readers", Language::Sql, &query, setup);
    assert_eq!(report.verdict, Verdict::Accepted, "{:?}", report.tests[0]);
    assert!(
        report.tests[0]
            .expected
            .as_deref()
            .is_some_and(|e| e.contains("'Ada'") || e.contains("Ada")),
        "{:?}",
        report.tests[0]
    );
    let report = custom(
        "avid-readers",
        Language::Sql,
        "SELECT name, 0 AS books FROM members;",
        setup,
    );
    assert_eq!(report.verdict, Verdict::WrongAnswer);
}

#[test]
fn custom_input_the_reference_cannot_answer_runs_anyway() {
    // Best Streak without its validator: n = 0 breaks the constraints and the reference crashes
    // on it; the learner's run still happens and its own status decides.
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("best-streak");
    std::fs::create_dir(&dir).expect("mkdir");
    copy_dir(&bank("best-streak"), &dir);
    std::fs::remove_file(dir.join("validator.py")).expect("remove the validator");
    let problem = load_package(&dir).expect("the copy loads");
    let source =
        "import sys\nd = sys.stdin.read().split()\nprint(max([0] + [int(x) for x in d[1:]]))\n";
    let recorder = Recorder::new();
    let report = judge()
        .judge_custom(&problem, Language::Python, source, "0\n", &recorder)
        .expect("judged");
    recorder.assert_matches(&report);
    let test = &report.tests[0];
    assert_eq!(test.verdict, Verdict::Accepted, "{test:?}");
    assert_eq!(test.expected, None);
    assert_eq!(test.actual.as_deref(), Some("0\n"));
    assert!(
        test.message.as_deref().is_some_and(
            |m| m.contains("reference solution could not answer") && m.contains("constraints")
        ),
        "{test:?}"
    );

    // A learner's crash on the same input is still a runtime error.
    let report = judge()
        .judge_custom(
            &problem,
            Language::Python,
            "raise SystemExit(3)\n",
            "0\n",
            &NoObserver,
        )
        .expect("judged");
    assert_eq!(
        report.verdict,
        Verdict::RuntimeError,
        "{:?}",
        report.tests[0]
    );
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in std::fs::read_dir(from).expect("read dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}
