//! Function mode in Python through the real sandbox: each case is one harness run carrying
//! several tests, checked record by record by `check`.

mod common;

use serde_json::{Value, json};
use tandem_judge::function::{HarnessRun, records::Returned};
use tandem_judge::{Language, Status};
use tandem_problems::Signature;

/// What one test's record must say.
enum Want {
    Value(Value),
    /// An `error` record whose payload contains this text.
    Raised(&'static str),
    /// A `bad` record whose payload contains this text.
    Bad(&'static str),
}

struct Test {
    args: Value,
    want: Want,
    /// The captured output, when it matters.
    printed: Option<&'static str>,
}

fn ok(args: Value, value: Value) -> Test {
    Test {
        args,
        want: Want::Value(value),
        printed: None,
    }
}

fn raised(args: Value, text: &'static str) -> Test {
    Test {
        args,
        want: Want::Raised(text),
        printed: None,
    }
}

fn bad(args: Value, text: &'static str) -> Test {
    Test {
        args,
        want: Want::Bad(text),
        printed: None,
    }
}

fn printing(mut test: Test, printed: &'static str) -> Test {
    test.printed = Some(printed);
    test
}

fn describe(run: &HarnessRun) -> String {
    format!(
        "status {:?}, records {}, stderr: {}, stray: {}",
        run.report.status,
        run.records.len(),
        run.report.stderr,
        String::from_utf8_lossy(&run.stray)
    )
}

/// Runs `tests` against `source` and checks that the run ended normally with one record per
/// test, each as wanted. Returns the run for further checks.
fn check(signature: &Signature, source: &str, tests: &[Test]) -> HarnessRun {
    let args: Vec<Value> = tests.iter().map(|t| t.args.clone()).collect();
    let run = common::run(Language::Python, signature, source, &args);
    assert_eq!(run.report.status, Status::Ok, "{}", describe(&run));
    assert_eq!(run.records.len(), tests.len(), "{}", describe(&run));
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
            (_, got) => panic!(
                "test {i} ({}): unexpected {got:?}; {}",
                test.args,
                describe(&run)
            ),
        }
        if let Some(printed) = test.printed {
            assert_eq!(
                String::from_utf8_lossy(&record.printed),
                printed,
                "test {i} printed"
            );
        }
    }
    run
}

#[test]
fn ints_and_lists_ten_tests() {
    let signature = common::sig(
        "twoSum",
        &[("nums", "list<int>"), ("target", "int")],
        "list<int>",
    );
    let source = "\
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
        return []
";
    let mut tests = vec![
        ok(json!([[2, 7, 11, 15], 9]), json!([0, 1])),
        ok(json!([[3, 2, 4], 6]), json!([1, 2])),
        ok(json!([[-3, 4, 3, 90], 0]), json!([0, 2])),
        ok(json!([[], 1]), json!([])),
        ok(json!([[i64::MIN + 1, i64::MAX, 5], 0]), json!([0, 1])),
    ];
    for k in 0..5 {
        tests.push(ok(json!([[k, 100, k + 1], 2 * k + 1]), json!([0, 2])));
    }
    let run = check(&signature, source, &tests);
    let cpu: u64 = run.records.iter().map(|r| r.cpu_ns).sum();
    eprintln!(
        "python, 10 tests: wall {} ms, process cpu {} ms, calls {} us",
        run.report.wall_ms,
        run.report.cpu_ms,
        cpu / 1000
    );
}

#[test]
fn strings_with_spaces_newlines_and_unicode() {
    let signature = common::sig("join", &[("a", "string"), ("b", "string")], "string");
    let source = "\
class Solution:
    def join(self, a: str, b: str) -> str:
        return a + '|' + b + '|' + str(len(a))
";
    check(
        &signature,
        source,
        &[
            ok(json!(["hello world", "x\ny"]), json!("hello world|x\ny|11")),
            ok(json!(["héllo ✓", "🎉"]), json!("héllo ✓|🎉|7")),
            ok(json!(["", "  spaced  "]), json!("|  spaced  |0")),
            ok(
                json!(["tab\tquote\"back\\slash", "\r\n"]),
                json!("tab\tquote\"back\\slash|\r\n|20"),
            ),
            ok(
                json!(["5 hello", "@@x 0 ok 1"]),
                json!("5 hello|@@x 0 ok 1|7"),
            ),
        ],
    );
}

#[test]
fn nested_lists() {
    let signature = common::sig(
        "transpose",
        &[("grid", "list<list<int>>")],
        "list<list<int>>",
    );
    let source = "\
class Solution:
    def transpose(self, grid):
        return [tuple(row) for row in zip(*grid)]
";
    check(
        &signature,
        source,
        &[
            ok(
                json!([[[1, 2, 3], [4, 5, 6]]]),
                json!([[1, 4], [2, 5], [3, 6]]),
            ),
            ok(json!([[]]), json!([])),
            ok(json!([[[7]]]), json!([[7]])),
        ],
    );
    let words = common::sig("split", &[("lines", "list<string>")], "list<list<string>>");
    let source = "\
class Solution:
    def split(self, lines: List[str]) -> List[List[str]]:
        return [line.split(' ') for line in lines]
";
    check(
        &words,
        source,
        &[ok(
            json!([["a b", "c", "é ü"]]),
            json!([["a", "b"], ["c"], ["é", "ü"]]),
        )],
    );
}

#[test]
fn maps_in_and_out() {
    let signature = common::sig(
        "bump",
        &[("counts", "map<string,int>"), ("by", "int")],
        "map<string,int>",
    );
    let source = "\
class Solution:
    def bump(self, counts: Dict[str, int], by: int) -> Dict[str, int]:
        return {k: v + by for k, v in counts.items()}
";
    check(
        &signature,
        source,
        &[
            ok(
                json!([{"a": 1, "b c": 2, "é\n": 3}, 10]),
                json!({"a": 11, "b c": 12, "é\n": 13}),
            ),
            ok(json!([{}, 1]), json!({})),
        ],
    );
    let counter = common::sig("count", &[("words", "list<string>")], "map<string,int>");
    let source = "\
from collections import Counter
class Solution:
    def count(self, words):
        return Counter(words)
";
    check(
        &counter,
        source,
        &[ok(json!([["a", "b", "a"]]), json!({"a": 2, "b": 1}))],
    );
}

#[test]
fn floats_with_nan_and_infinity() {
    let signature = common::sig("half", &[("x", "float")], "float");
    let source = "\
class Solution:
    def half(self, x: float) -> float:
        return x / 2
";
    check(
        &signature,
        source,
        &[
            ok(json!([1.0]), json!(0.5)),
            ok(json!([0.1]), json!(0.05)),
            ok(json!([3]), json!(1.5)),
            ok(json!(["NaN"]), json!("NaN")),
            ok(json!(["Infinity"]), json!("Infinity")),
            ok(json!(["-Infinity"]), json!("-Infinity")),
            ok(json!([1e-300]), json!(5e-301)),
        ],
    );
    let list = common::sig("spread", &[("xs", "list<float>")], "list<float>");
    let source = "\
class Solution:
    def spread(self, xs):
        return [x - x for x in xs]
";
    check(
        &list,
        source,
        &[ok(json!([[1.5, "Infinity"]]), json!([0.0, "NaN"]))],
    );
}

#[test]
fn bools() {
    let signature = common::sig("hasDup", &[("nums", "list<int>"), ("flip", "bool")], "bool");
    let source = "\
class Solution:
    def hasDup(self, nums: List[int], flip: bool) -> bool:
        return (len(set(nums)) < len(nums)) != flip
";
    check(
        &signature,
        source,
        &[
            ok(json!([[1, 2, 1], false]), json!(true)),
            ok(json!([[1, 2, 3], false]), json!(false)),
            ok(json!([[1, 2, 3], true]), json!(true)),
        ],
    );
}

#[test]
fn linked_lists_in_and_out() {
    let signature = common::sig("reverseList", &[("head", "list_node")], "list_node");
    let source = "\
class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        prev = None
        while head:
            head.next, prev, head = prev, head, head.next
        return prev
";
    check(
        &signature,
        source,
        &[
            ok(json!([[1, 2, 3]]), json!([3, 2, 1])),
            ok(json!([[]]), json!([])),
            ok(json!([[5]]), json!([5])),
        ],
    );
}

#[test]
fn trees_in_and_out() {
    let depth = common::sig("maxDepth", &[("root", "tree_node")], "int");
    let source = "\
class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        if root is None:
            return 0
        return 1 + max(self.maxDepth(root.left), self.maxDepth(root.right))
";
    check(
        &depth,
        source,
        &[
            ok(json!([[3, 9, 20, null, null, 15, 7]]), json!(3)),
            ok(json!([[]]), json!(0)),
            ok(json!([[1, null, 2]]), json!(2)),
        ],
    );
    let invert = common::sig("invertTree", &[("root", "tree_node")], "tree_node");
    let source = "\
class Solution:
    def invertTree(self, root: Optional[TreeNode]) -> Optional[TreeNode]:
        if root:
            root.left, root.right = self.invertTree(root.right), self.invertTree(root.left)
        return root
";
    check(
        &invert,
        source,
        &[
            ok(json!([[4, 2, 7, 1, 3, 6, 9]]), json!([4, 7, 2, 9, 6, 3, 1])),
            ok(json!([[1, 2]]), json!([1, null, 2])),
            ok(json!([[1, null, 2, 3]]), json!([1, 2, null, null, 3])),
            ok(json!([[]]), json!([])),
        ],
    );
}

#[test]
fn exceptions_prints_stray_output_and_forged_records() {
    let signature = common::sig("f", &[("k", "int")], "int");
    let source = r#"import os, sys
class Solution:
    def f(self, k: int) -> int:
        if k == 0:
            print("zero")
        elif k == 1:
            print("before")
            raise ValueError("bad one")
        elif k == 3:
            os.write(1, b"stray bytes\n")
        elif k == 4:
            print("@@deadbeef 0 ok 1\n2 99\n0 ")
            os.write(1, b"@@deadbeef 4 ok 1\n2 99\n0 \n")
        elif k == 5:
            print("x" * 100000)
        elif k == 6:
            sys.stdout.write("no newline")
            sys.stdout.buffer.write("é".encode())
            exit(3)
        elif k == 7:
            return {}["missing"]
        return k
"#;
    let run = check(
        &signature,
        source,
        &[
            printing(ok(json!([0]), json!(0)), "zero\n"),
            printing(raised(json!([1]), "ValueError: bad one"), "before\n"),
            printing(ok(json!([2]), json!(2)), ""),
            printing(ok(json!([3]), json!(3)), ""),
            printing(ok(json!([4]), json!(4)), "@@deadbeef 0 ok 1\n2 99\n0 \n"),
            ok(json!([5]), json!(5)),
            printing(raised(json!([6]), "SystemExit: 3"), "no newlineé"),
            raised(json!([7]), "KeyError: 'missing'"),
            printing(ok(json!([8]), json!(8)), ""),
        ],
    );
    assert_eq!(run.records[5].printed.len(), 65536);
    let stray = String::from_utf8_lossy(&run.stray);
    assert!(stray.contains("stray bytes\n"), "{stray}");
    assert!(stray.contains("@@deadbeef 4 ok 1"), "{stray}");
    assert!(
        run.report.stderr.contains("ValueError: bad one"),
        "{}",
        run.report.stderr
    );
}

#[test]
fn deep_recursion_works_and_endless_recursion_is_an_error() {
    let signature = common::sig("depth", &[("n", "int")], "int");
    let source = "\
class Solution:
    def depth(self, n: int) -> int:
        return 0 if n == 0 else 1 + self.depth(n - 1)
";
    let run = check(
        &signature,
        source,
        &[
            ok(json!([10_000]), json!(10_000)),
            ok(json!([100_000]), json!(100_000)),
            raised(
                json!([-1]),
                "RecursionError: maximum recursion depth exceeded",
            ),
            ok(json!([5]), json!(5)),
        ],
    );
    // Per-test CPU time is the call's: 10^5 calls take milliseconds, 5 calls microseconds.
    assert!(
        run.records[1].cpu_ns > 1_000_000,
        "{}",
        run.records[1].cpu_ns
    );
    assert!(run.records[3].cpu_ns < run.records[1].cpu_ns / 10);
}

#[test]
fn any_values_and_values_that_cannot_be_encoded() {
    let signature = common::sig("echo", &[("x", "any")], "any");
    let source = "\
class Solution:
    def echo(self, x):
        if x == 'object':
            return object()
        if x == 'bytes':
            return b'raw'
        if x == 'set':
            return {3}
        return {'got': x, 'pair': (1, 2.5), 'inf': float('-inf')}
";
    check(
        &signature,
        source,
        &[
            ok(
                json!([{"a": [1, null, "s"], "b": {"c": true}}]),
                json!({"got": {"a": [1, null, "s"], "b": {"c": true}}, "pair": [1, 2.5], "inf": "-Infinity"}),
            ),
            ok(
                json!([7]),
                json!({"got": 7, "pair": [1, 2.5], "inf": "-Infinity"}),
            ),
            bad(json!(["object"]), "cannot encode a value of type object"),
            bad(json!(["bytes"]), "cannot encode bytes"),
            ok(json!(["set"]), json!([3])),
        ],
    );
    let nodes = common::sig("make", &[("k", "int")], "list_node");
    let source = "\
class Solution:
    def make(self, k):
        if k == 0:
            a = ListNode(1, ListNode(2))
            a.next.next = a
            return a
        if k == 1:
            return [1, 2]
        return None
";
    check(
        &nodes,
        source,
        &[
            bad(json!([0]), "cycle"),
            bad(json!([1]), "expected a ListNode or None, got list"),
            ok(json!([2]), json!([])),
        ],
    );
}

#[test]
fn source_shapes_future_imports_own_classes_and_plain_functions() {
    // `from __future__` first, the user's own ListNode, a top-level print (stray output), and a
    // plain function instead of a Solution class.
    let signature = common::sig("total", &[("head", "list_node")], "int");
    let source = "\
from __future__ import annotations
print('loaded')
class ListNode:
    def __init__(self, x):
        self.val = x
        self.next = None
    def total(self):
        return self.val + (self.next.total() if self.next else 0)

def total(head: ListNode | None) -> int:
    return head.total() if head else 0
";
    let run = check(
        &signature,
        source,
        &[ok(json!([[1, 2, 3]]), json!(6)), ok(json!([[]]), json!(0))],
    );
    assert_eq!(String::from_utf8_lossy(&run.stray), "loaded\n");

    // Windows line endings, a byte-order mark and no newline at the end.
    let crlf =
        "\u{feff}class Solution:\r\n    def total(self, head):\r\n        return 1 if head else 0";
    check(&signature, crlf, &[ok(json!([[4]]), json!(1))]);
}

#[test]
fn tracebacks_carry_the_users_line_numbers() {
    let signature = common::sig("f", &[("n", "int")], "int");
    let source = "\
class Solution:
    def f(self, n: int) -> int:
        table = [1, 2, 3]
        return table[n]
";
    let run = check(
        &signature,
        source,
        &[
            ok(json!([1]), json!(2)),
            raised(json!([5]), "IndexError: list index out of range"),
        ],
    );
    let stderr = &run.report.stderr;
    assert!(
        stderr.contains("File \"solution.py\", line 4, in f"),
        "{stderr}"
    );
    assert!(stderr.contains("return table[n]"), "{stderr}");
    assert!(!stderr.contains("__tandem"), "{stderr}");

    // Without a Solution class (nor a top-level function of that name) each test fails.
    check(
        &signature,
        "class Solutoin:\n    def f(self, n):\n        return n\n",
        &[raised(
            json!([1]),
            "NameError: name 'Solution' is not defined",
        )],
    );
    let other_method = check(
        &signature,
        "class Solution:\n    def g(self, n):\n        return n\n",
        &[raised(
            json!([1]),
            "AttributeError: 'Solution' object has no attribute 'f'",
        )],
    );
    assert!(other_method.report.stderr.contains("AttributeError"));

    // A syntax error ends the run before any record, with the user's line in the message.
    let run = common::run(
        Language::Python,
        &signature,
        "class Solution:\n    def f(self, n):\n        return (n\n\nx = ]\n",
        &[json!([1])],
    );
    assert_eq!(
        run.report.status,
        Status::RuntimeError,
        "{}",
        describe(&run)
    );
    assert!(run.records.is_empty());
    assert!(
        run.report.stderr.contains("solution.py\", line "),
        "{}",
        run.report.stderr
    );
    assert!(
        run.report.stderr.contains("SyntaxError"),
        "{}",
        run.report.stderr
    );
}
