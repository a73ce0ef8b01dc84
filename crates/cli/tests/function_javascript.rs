//! Function mode in JavaScript and TypeScript through the real sandbox: each case is one
//! harness run per language carrying several tests, checked record by record by `check`.
//! Where one source serves both languages it is plain JavaScript (valid TypeScript under the
//! recipe's `--strict false`).

mod common;

use serde_json::{Value, json};
use tandem_judge::function::{HarnessRun, records::Returned};
use tandem_judge::{Language, Status};
use tandem_problems::Signature;

const JS: Language = Language::Javascript;
const TS: Language = Language::Typescript;

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
        "{:?}: status {:?}, records {}, stderr: {}, compile: {:?}, stray: {}",
        run.report.language,
        run.report.status,
        run.records.len(),
        run.report.stderr,
        run.report
            .compile
            .as_ref()
            .map(|c| format!("{}{}", c.stdout, c.stderr)),
        String::from_utf8_lossy(&run.stray)
    )
}

/// Runs `tests` against `source` in `language` and checks that the run ended normally with
/// one record per test, each as wanted. Returns the run for further checks.
fn check(language: Language, signature: &Signature, source: &str, tests: &[Test]) -> HarnessRun {
    let args: Vec<Value> = tests.iter().map(|t| t.args.clone()).collect();
    let run = common::run(language, signature, source, &args);
    assert_eq!(run.report.status, Status::Ok, "{}", describe(&run));
    assert_eq!(run.records.len(), tests.len(), "{}", describe(&run));
    for (i, (record, test)) in run.records.iter().zip(tests).enumerate() {
        assert_eq!(record.index, i);
        match (&test.want, &record.returned) {
            (Want::Value(want), Returned::Value(got)) => {
                assert_eq!(got, want, "{language:?} test {i} ({})", test.args);
            }
            (Want::Raised(text), Returned::Raised(got))
            | (Want::Bad(text), Returned::BadValue(got)) => {
                assert!(
                    got.contains(text),
                    "{language:?} test {i}: {got:?} lacks {text:?}"
                );
            }
            (_, got) => panic!(
                "{language:?} test {i} ({}): unexpected {got:?}; {}",
                test.args,
                describe(&run)
            ),
        }
        if let Some(printed) = test.printed {
            assert_eq!(
                String::from_utf8_lossy(&record.printed),
                printed,
                "{language:?} test {i} printed"
            );
        }
    }
    run
}

/// `check` in JavaScript and in TypeScript with the same source.
fn check_both(signature: &Signature, source: &str, tests: &[Test]) -> [HarnessRun; 2] {
    [
        check(JS, signature, source, tests),
        check(TS, signature, source, tests),
    ]
}

#[test]
fn ints_and_lists_ten_tests() {
    let signature = common::sig(
        "twoSum",
        &[("nums", "list<int>"), ("target", "int")],
        "list<int>",
    );
    // LeetCode's JavaScript shape (a `var` holding a function) and a typed declaration.
    let js = "\
var twoSum = function(nums, target) {
    const seen = new Map();
    for (let i = 0; i < nums.length; i++) {
        if (seen.has(target - nums[i])) return [seen.get(target - nums[i]), i];
        seen.set(nums[i], i);
    }
    return [];
};";
    let ts = "\
function twoSum(nums: number[], target: number): number[] {
    const seen = new Map<number, number>();
    for (let i = 0; i < nums.length; i++) {
        if (seen.has(target - nums[i])) return [seen.get(target - nums[i])!, i];
        seen.set(nums[i], i);
    }
    return [];
}
";
    let mut tests = vec![
        ok(json!([[2, 7, 11, 15], 9]), json!([0, 1])),
        ok(json!([[3, 2, 4], 6]), json!([1, 2])),
        ok(json!([[-3, 4, 3, 90], 0]), json!([0, 2])),
        ok(json!([[], 1]), json!([])),
        ok(
            json!([[-4503599627370496i64, 4503599627370496i64, 5], 0]),
            json!([0, 1]),
        ),
    ];
    for k in 0..5 {
        tests.push(ok(json!([[k, 100, k + 1], 2 * k + 1]), json!([0, 2])));
    }
    for (language, source) in [(JS, js), (TS, ts)] {
        let run = check(language, &signature, source, &tests);
        let cpu: u64 = run.records.iter().map(|r| r.cpu_ns).sum();
        eprintln!(
            "{language:?}, 10 tests: wall {} ms, process cpu {} ms, calls {} us, compile cached {:?}",
            run.report.wall_ms,
            run.report.cpu_ms,
            cpu / 1000,
            run.report.compile.as_ref().map(|c| c.cached)
        );
    }
}

#[test]
fn strings_with_spaces_newlines_and_unicode() {
    let signature = common::sig("join", &[("a", "string"), ("b", "string")], "string");
    let source = "\
function join(a, b) {
    return a + '|' + b + '|' + Buffer.byteLength(a);
}
";
    check_both(
        &signature,
        source,
        &[
            ok(json!(["hello world", "x\ny"]), json!("hello world|x\ny|11")),
            ok(json!(["héllo ✓", "🎉"]), json!("héllo ✓|🎉|10")),
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
function transpose(grid) {
    if (grid.length === 0) return [];
    return grid[0].map((_, c) => grid.map(row => row[c]));
}
";
    check_both(
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
function split(lines: string[]): string[][] {
    return lines.map(line => line.split(' '));
}
";
    check(
        TS,
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
    let js = "\
function bump(counts, by) {
    return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v + by]));
}
";
    let ts = "\
function bump(counts: Record<string, number>, by: number): Record<string, number> {
    const out = new Map<string, number>();
    for (const [k, v] of Object.entries(counts)) out.set(k, v + by);
    return out as any;
}
";
    let tests = [
        ok(
            json!([{"a": 1, "b c": 2, "é\n": 3, "__proto__": 4}, 10]),
            json!({"a": 11, "b c": 12, "é\n": 13, "__proto__": 14}),
        ),
        ok(json!([{}, 1]), json!({})),
    ];
    check(JS, &signature, js, &tests);
    check(TS, &signature, ts, &tests);
}

#[test]
fn floats_with_nan_and_infinity() {
    let signature = common::sig("half", &[("x", "float")], "float");
    let source = "function half(x) { return x / 2; }";
    check_both(
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
}

#[test]
fn bools() {
    let signature = common::sig("hasDup", &[("nums", "list<int>"), ("flip", "bool")], "bool");
    let source = "\
function hasDup(nums: number[], flip: boolean): boolean {
    return (new Set(nums).size < nums.length) !== flip;
}
";
    let js = "function hasDup(nums, flip) { return (new Set(nums).size < nums.length) !== flip; }";
    let tests = [
        ok(json!([[1, 2, 1], false]), json!(true)),
        ok(json!([[1, 2, 3], false]), json!(false)),
        ok(json!([[1, 2, 3], true]), json!(true)),
    ];
    check(JS, &signature, js, &tests);
    check(TS, &signature, source, &tests);
}

#[test]
fn linked_lists_in_and_out() {
    let signature = common::sig("reverseList", &[("head", "list_node")], "list_node");
    let js = "\
function reverseList(head) {
    let prev = null;
    while (head) {
        const next = head.next;
        head.next = prev;
        prev = head;
        head = next;
    }
    return prev;
}
";
    let ts = "\
function reverseList(head: ListNode | null): ListNode | null {
    let prev: ListNode | null = null;
    while (head !== null) {
        prev = new ListNode(head.val, prev);
        head = head.next;
    }
    return prev;
}
";
    let tests = [
        ok(json!([[1, 2, 3]]), json!([3, 2, 1])),
        ok(json!([[]]), json!([])),
        ok(json!([[5]]), json!([5])),
    ];
    check(JS, &signature, js, &tests);
    check(TS, &signature, ts, &tests);
}

#[test]
fn trees_in_and_out() {
    let depth = common::sig("maxDepth", &[("root", "tree_node")], "int");
    let source = "\
function maxDepth(root: TreeNode | null): number {
    if (root === null) return 0;
    return 1 + Math.max(maxDepth(root.left), maxDepth(root.right));
}
";
    let js = "const maxDepth = (root) => root === null ? 0 : 1 + Math.max(maxDepth(root.left), maxDepth(root.right));";
    let tests = [
        ok(json!([[3, 9, 20, null, null, 15, 7]]), json!(3)),
        ok(json!([[]]), json!(0)),
        ok(json!([[1, null, 2]]), json!(2)),
    ];
    check(JS, &depth, js, &tests);
    check(TS, &depth, source, &tests);
    let invert = common::sig("invertTree", &[("root", "tree_node")], "tree_node");
    let source = "\
function invertTree(root) {
    if (root) [root.left, root.right] = [invertTree(root.right), invertTree(root.left)];
    return root;
}
";
    check_both(
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
    let source = r#"const fs = require("fs");
function f(k) {
    if (k === 0) {
        console.log("zero");
    } else if (k === 1) {
        console.log("before", { a: 1 });
        throw new TypeError("bad one");
    } else if (k === 3) {
        fs.writeSync(1, "stray bytes\n");
    } else if (k === 4) {
        console.log("@@deadbeef 0 ok 1\n2 99\n0 ");
        fs.writeSync(1, "@@deadbeef 4 ok 1\n2 99\n0 \n");
    } else if (k === 5) {
        console.log("x".repeat(100000));
    } else if (k === 6) {
        process.stdout.write("no newline ");
        process.stdout.write(Buffer.from("é"));
        console.info("info");
        process.exit(3);
    } else if (k === 7) {
        throw "a string";
    }
    return k;
}
"#;
    let runs = check_both(
        &signature,
        source,
        &[
            printing(ok(json!([0]), json!(0)), "zero\n"),
            printing(
                raised(json!([1]), "TypeError: bad one"),
                "before { a: 1 }\n",
            ),
            printing(ok(json!([2]), json!(2)), ""),
            printing(ok(json!([3]), json!(3)), ""),
            printing(ok(json!([4]), json!(4)), "@@deadbeef 0 ok 1\n2 99\n0 \n"),
            ok(json!([5]), json!(5)),
            printing(
                raised(json!([6]), "process.exit(3) was called"),
                "no newline éinfo\n",
            ),
            raised(json!([7]), "Uncaught 'a string'"),
            printing(ok(json!([8]), json!(8)), ""),
        ],
    );
    for run in &runs {
        assert_eq!(run.records[5].printed.len(), 65536);
        let stray = String::from_utf8_lossy(&run.stray);
        assert!(stray.contains("stray bytes\n"), "{stray}");
        assert!(stray.contains("@@deadbeef 4 ok 1"), "{stray}");
        assert!(
            run.report.stderr.contains("TypeError: bad one"),
            "{}",
            run.report.stderr
        );
        assert!(
            !run.report.stderr.contains("__tandem"),
            "{}",
            run.report.stderr
        );
    }
    // Node's stack trace names the user's line (JavaScript; TypeScript's is the compiled file).
    assert!(
        runs[0].report.stderr.contains("main.js:7:"),
        "{}",
        runs[0].report.stderr
    );
}

#[test]
fn deep_recursion_works_and_stack_overflow_is_an_error() {
    let signature = common::sig("depth", &[("n", "int")], "int");
    let source = "function depth(n) { return n === 0 ? 0 : 1 + depth(n - 1); }";
    let runs = check_both(
        &signature,
        source,
        &[
            ok(json!([10_000]), json!(10_000)),
            raised(json!([-1]), "RangeError: Maximum call stack size exceeded"),
            ok(json!([5]), json!(5)),
        ],
    );
    assert!(runs[0].records[0].cpu_ns > 0);
}

#[test]
fn any_values_and_values_that_cannot_be_encoded() {
    let signature = common::sig("echo", &[("x", "any")], "any");
    let source = "\
function echo(x) {
    if (x === 'function') return () => 1;
    if (x === 'promise') return Promise.resolve(1);
    if (x === 'set') return new Set([3]);
    if (x === 'undefined') return undefined;
    if (x === 'generator') return (function* () { yield 1; yield 'two'; })();
    return { got: x, pair: [1, 2.5], inf: -Infinity };
}
";
    check_both(
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
            bad(json!(["function"]), "cannot encode a function"),
            bad(json!(["promise"]), "returned a Promise"),
            ok(json!(["set"]), json!([3])),
            ok(json!(["undefined"]), json!(null)),
            ok(json!(["generator"]), json!([1, "two"])),
        ],
    );
    let nodes = common::sig("make", &[("k", "int")], "list_node");
    let source = "\
function make(k) {
    if (k === 0) {
        const a = new ListNode(1, new ListNode(2));
        a.next.next = a;
        return a;
    }
    if (k === 1) return [1, 2];
    return null;
}
";
    check_both(
        &nodes,
        source,
        &[
            bad(json!([0]), "cycle"),
            bad(json!([1]), "expected a ListNode or null, got Array"),
            ok(json!([2]), json!([])),
        ],
    );
}

#[test]
fn users_own_node_classes_are_used() {
    let signature = common::sig("total", &[("head", "list_node")], "int");
    let source = "\
class ListNode {
    constructor(val) { this.val = val; this.next = null; }
    total() { return this.val + (this.next ? this.next.total() : 0); }
}
function total(head) { return head ? head.total() : 0; }
";
    let ts = "\
class ListNode {
    val: number;
    next: ListNode | null = null;
    constructor(val: number) { this.val = val; }
    total(): number { return this.val + (this.next ? this.next.total() : 0); }
}
function total(head: ListNode | null): number { return head ? head.total() : 0; }
";
    let tests = [ok(json!([[1, 2, 3]]), json!(6)), ok(json!([[]]), json!(0))];
    check(JS, &signature, source, &tests);
    check(TS, &signature, ts, &tests);
}

#[test]
fn typescript_type_errors_are_compile_errors_on_the_users_lines() {
    let signature = common::sig("f", &[("n", "int")], "int");
    let source = "\
function f(n: number): number {
    const doubled = n * 2;
    const label: number = \"oops\";
    return doubled;
}
";
    let run = common::run(TS, &signature, source, &[json!([1])]);
    assert_eq!(
        run.report.status,
        Status::CompileError,
        "{}",
        describe(&run)
    );
    assert!(run.records.is_empty());
    let compile = run.report.compile.as_ref().expect("a compile step");
    let output = format!("{}{}", compile.stdout, compile.stderr);
    assert!(output.contains("main.ts(3,11): error TS2322"), "{output}");
    // Only the user's error: the harness itself type-checks.
    assert_eq!(output.matches("error TS").count(), 1, "{output}");
}

#[test]
fn a_missing_function_fails_each_test_and_top_level_errors_end_the_run() {
    let signature = common::sig("f", &[("n", "int")], "int");
    check(
        JS,
        &signature,
        "function g(n) { return n; }",
        &[
            raised(json!([1]), "ReferenceError: f is not defined"),
            raised(json!([2]), "ReferenceError: f is not defined"),
        ],
    );
    // A function named like one of the harness's own helpers is still the user's.
    let named = common::sig("encode", &[("n", "int")], "int");
    check(
        JS,
        &named,
        "function encode(n) { return n + 1; }",
        &[ok(json!([1]), json!(2))],
    );
    let run = common::run(
        JS,
        &signature,
        "function f(n) { return n; }\nundefinedThing();\n",
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
        run.report.stderr.contains("main.js:2"),
        "{}",
        run.report.stderr
    );
}

#[test]
fn source_shapes_strict_mode_hashbang_and_modules() {
    let signature = common::sig("f", &[("head", "list_node")], "list_node");
    let js =
        "#!/usr/bin/env node\n\"use strict\";\nfunction f(head) { return new ListNode(7, head); }";
    check(JS, &signature, js, &[ok(json!([[1]]), json!([7, 1]))]);
    let ts = "\
import { strict as assert } from \"assert\";
export function f(head: ListNode | null): ListNode | null {
    assert(head === null || typeof head.val === \"number\");
    return new ListNode(7, head);
}\r\n// a last line without a newline";
    check(
        TS,
        &signature,
        ts,
        &[ok(json!([[1]]), json!([7, 1])), ok(json!([[]]), json!([7]))],
    );
}
