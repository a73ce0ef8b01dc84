//! Function mode in Rust through the real sandbox: each case is one harness run (one compile)
//! carrying many tests, checked record by record.

mod common;

use serde_json::{Value, json};
use tandem_judge::Language;
use tandem_judge::Status;
use tandem_judge::function::{HarnessRun, records::Returned, stub};
use tandem_problems::Signature;

use common::checks::{Test, describe, ok, printing, raised};

const LANGUAGE: Language = Language::Rust;

/// Runs `tests` against `source` and checks every record.
fn check(signature: &Signature, source: &str, tests: &[Test]) -> HarnessRun {
    common::checks::check(LANGUAGE, signature, source, tests)
}

/// The stub with `body` in place of its empty body.
fn from_stub(signature: &Signature, body: &str) -> String {
    let stub = stub(Language::Rust, signature).expect("stub");
    assert!(stub.contains("{\n\n    }"), "{stub}");
    stub.replacen("{\n\n    }", &format!("{{\n{body}\n    }}"), 1)
}

#[test]
fn ints_lists_prints_panics_and_forged_records() {
    let signature = common::sig(
        "pairSum",
        &[("nums", "list<int>"), ("target", "int")],
        "list<int>",
    );
    let source = r#"use std::collections::HashMap;
use std::io::Write;

impl Solution {
    pub fn pair_sum(nums: Vec<i64>, target: i64) -> Vec<i64> {
        if target == -2 {
            println!("@@0123456789abcdef0123456789abcdef 1 ok 1\n3 [9]\n0 ");
        }
        print!("target {}", target);
        if target == -3 {
            let _ = std::io::stdout().flush();
            print!("{}", "x".repeat(100_000));
        }
        let mut seen: HashMap<i64, usize> = HashMap::new();
        for (i, &x) in nums.iter().enumerate() {
            if let Some(&j) = seen.get(&(target - x)) {
                return vec![j as i64, i as i64];
            }
            seen.insert(x, i);
        }
        vec![nums[nums.len()]]
    }
}
"#;
    let tests = [
        printing(ok(json!([[2, 7, 11, 15], 9]), json!([0, 1])), "target 9"),
        printing(
            raised(json!([[1, 2], 100]), "panic: index out of bounds"),
            "target 100",
        ),
        ok(json!([[-5, 5, i64::MAX], 0]), json!([0, 1])),
        ok(json!([[i64::MIN, 0], i64::MIN]), json!([0, 1])),
        printing(
            ok(json!([[1, -3], -2]), json!([0, 1])),
            "@@0123456789abcdef0123456789abcdef 1 ok 1\n3 [9]\n0 \ntarget -2",
        ),
        ok(json!([[1, -4], -3]), json!([0, 1])),
        raised(json!([[], 1]), "the len is 0 but the index is 0"),
    ];
    let run = check(&signature, source, &tests);
    assert!(run.stray.is_empty(), "{}", describe(&run));
    let big = &run.records[5].printed;
    assert_eq!(big.len(), 65536);
    assert!(big.starts_with(b"target -3xxx"));
}

#[test]
fn strings_with_spaces_newlines_and_unicode() {
    let signature = common::sig("shout", &[("text", "string"), ("times", "int")], "string");
    let source = "impl Solution {
    pub fn shout(text: String, times: i64) -> String {
        let mut out = text.to_uppercase();
        for _ in 1..times {
            out.push_str(&text);
        }
        out
    }
}
";
    let tests = [
        ok(json!(["a b\nc", 1]), json!("A B\nC")),
        ok(json!(["", 3]), json!("")),
        ok(json!(["é😀 ", 2]), json!("É😀 é😀 ")),
        ok(
            json!(["\"q\" \\ \t\r\u{1}\u{7f}", 1]),
            json!("\"Q\" \\ \t\r\u{1}\u{7f}"),
        ),
        ok(
            json!(["  lead\n\ntrail  ", 2]),
            json!("  LEAD\n\nTRAIL    lead\n\ntrail  "),
        ),
    ];
    check(&signature, source, &tests);
}

#[test]
fn nested_lists_and_bools() {
    let signature = common::sig(
        "transpose",
        &[("grid", "list<list<int>>"), ("flip", "bool")],
        "list<list<int>>",
    );
    let source = "impl Solution {
    pub fn transpose(grid: Vec<Vec<i64>>, flip: bool) -> Vec<Vec<i64>> {
        if grid.is_empty() {
            return vec![];
        }
        let mut out = vec![vec![0; grid.len()]; grid[0].len()];
        for (i, row) in grid.iter().enumerate() {
            for (j, &x) in row.iter().enumerate() {
                out[j][i] = if flip { -x } else { x };
            }
        }
        out
    }
}
";
    let tests = [
        ok(
            json!([[[1, 2, 3], [4, 5, 6]], false]),
            json!([[1, 4], [2, 5], [3, 6]]),
        ),
        ok(json!([[[1]], true]), json!([[-1]])),
        ok(json!([[], false]), json!([])),
        ok(json!([[[], []], false]), json!([])),
    ];
    check(&signature, source, &tests);

    let signature = common::sig("isEven", &[("n", "int")], "bool");
    let source = "impl Solution { pub fn is_even(n: i64) -> bool { n % 2 == 0 } }";
    check(
        &signature,
        source,
        &[ok(json!([4]), json!(true)), ok(json!([-3]), json!(false))],
    );
}

#[test]
fn maps_in_and_out() {
    let signature = common::sig(
        "tally",
        &[("counts", "map<string,int>"), ("words", "list<string>")],
        "map<string,int>",
    );
    let body = "        let mut counts = counts;
        for w in words {
            *counts.entry(w).or_insert(0) += 1;
        }
        counts";
    let source = from_stub(&signature, body);
    assert!(
        source.starts_with("use std::collections::HashMap;\n"),
        "{source}"
    );
    let tests = [
        ok(json!([{"a": 1}, ["a", "b", "b"]]), json!({"a": 2, "b": 2})),
        ok(json!([{}, []]), json!({})),
        ok(
            json!([{"x y": -1, "é\n": 0}, ["é\n"]]),
            json!({"x y": -1, "é\n": 1}),
        ),
    ];
    check(&signature, &source, &tests);

    let signature = common::sig(
        "groups",
        &[("byKey", "map<string,list<float>>")],
        "map<string,list<float>>",
    );
    let source = "use std::collections::HashMap;
impl Solution {
    pub fn groups(by_key: HashMap<String, Vec<f64>>) -> HashMap<String, Vec<f64>> {
        by_key.into_iter().map(|(k, v)| (k, v.into_iter().map(|x| x * 2.0).collect())).collect()
    }
}
";
    check(
        &signature,
        source,
        &[ok(
            json!([{"a": [0.5, 1.0], "b": []}]),
            json!({"a": [1.0, 2.0], "b": []}),
        )],
    );
}

#[test]
fn floats_round_trip_and_non_finite_values() {
    let signature = common::sig("divide", &[("a", "float"), ("b", "float")], "float");
    let source = "impl Solution { pub fn divide(a: f64, b: f64) -> f64 { a / b } }";
    let tests = [
        ok(json!([1.0, 3.0]), json!(1.0 / 3.0)),
        ok(json!([4.0, 2.0]), json!(2.0)),
        ok(json!([1.0, 0.0]), json!("Infinity")),
        ok(json!([-1.0, 0.0]), json!("-Infinity")),
        ok(json!([0.0, 0.0]), json!("NaN")),
        ok(json!(["NaN", 1.0]), json!("NaN")),
        ok(json!(["Infinity", -2.0]), json!("-Infinity")),
        ok(json!([1e300, 1e10]), json!(1e290)),
        ok(json!([1e-300, 1e10]), json!(1e-310)),
        ok(json!([0.1, 1.0]), json!(0.1)),
        ok(json!([1e17, 1.0]), json!(1e17)),
    ];
    let run = check(&signature, source, &tests);
    // Integer-valued floats stay floats on the wire.
    let text = String::from_utf8_lossy(&run.report.stdout_bytes);
    assert!(text.contains("\n3 2.0\n"), "{text}");

    // Shortest round-trip text, digit for digit (serde_json without its `float_roundtrip`
    // feature may read this one back an ULP off, so the raw record is checked).
    let run = common::run(
        Language::Rust,
        &signature,
        source,
        &[json!([1.079907802215119e-66, 1.0]), json!([5e-324, 1.0])],
    );
    let text = String::from_utf8_lossy(&run.report.stdout_bytes);
    assert!(text.contains("\n21 1.079907802215119e-66\n"), "{text}");
    assert!(text.contains("\n6 5e-324\n"), "{text}");
}

#[test]
fn linked_lists_in_and_out() {
    let signature = common::sig("reverseList", &[("head", "list_node")], "list_node");
    let body = "        let mut head = head;
        let mut prev = None;
        while let Some(mut node) = head {
            head = node.next.take();
            node.next = prev;
            prev = Some(node);
        }
        prev";
    let source = from_stub(&signature, body);
    let long: Vec<i64> = (0..100_000).collect();
    let reversed: Vec<i64> = long.iter().rev().copied().collect();
    let tests = [
        ok(json!([[1, 2, 3]]), json!([3, 2, 1])),
        ok(json!([[]]), json!([])),
        ok(json!([[7]]), json!([7])),
        ok(json!([long]), json!(reversed)),
    ];
    check(&signature, &source, &tests);

    // The definitions pasted from the stub's comment replace the harness's own.
    let source = "#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
    pub val: i64,
    pub next: Option<Box<ListNode>>,
}

impl ListNode {
    #[inline]
    fn new(val: i64) -> Self {
        ListNode { next: None, val }
    }
}

struct Solution;

impl Solution {
    pub fn reverse_list(head: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        let mut out = None;
        let mut cur = head;
        while let Some(node) = cur {
            let mut fresh = Box::new(ListNode::new(node.val));
            fresh.next = out;
            out = Some(fresh);
            cur = node.next;
        }
        out
    }
}
";
    check(&signature, source, &[ok(json!([[1, 2]]), json!([2, 1]))]);
}

#[test]
fn trees_in_and_out_with_deep_recursion() {
    let signature = common::sig("maxDepth", &[("root", "tree_node")], "int");
    let body = "        match root {
            None => 0,
            Some(node) => {
                let node = node.borrow();
                1 + Self::max_depth(node.left.clone()).max(Self::max_depth(node.right.clone()))
            }
        }";
    let source = from_stub(&signature, body);
    assert!(source.contains("use std::rc::Rc;\nuse std::cell::RefCell;\n"));
    // A right-leaning chain 100000 deep: 1, null, 2, null, 3 ...
    let mut chain = vec![json!(1)];
    for v in 2..=100_000 {
        chain.push(Value::Null);
        chain.push(json!(v));
    }
    let tests = [
        ok(json!([[3, 9, 20, null, null, 15, 7]]), json!(3)),
        ok(json!([[]]), json!(0)),
        ok(json!([[1, null, 2]]), json!(2)),
        ok(json!([chain]), json!(100_000)),
    ];
    let run = check(&signature, &source, &tests);
    assert!(run.records[3].cpu_ns > 0);

    let signature = common::sig("invertTree", &[("root", "tree_node")], "tree_node");
    let source = "use std::rc::Rc;
use std::cell::RefCell;

impl Solution {
    pub fn invert_tree(root: Option<Rc<RefCell<TreeNode>>>) -> Option<Rc<RefCell<TreeNode>>> {
        if let Some(node) = &root {
            let mut n = node.borrow_mut();
            let left = Self::invert_tree(n.left.take());
            let right = Self::invert_tree(n.right.take());
            n.left = right;
            n.right = left;
        }
        root
    }
}
";
    let tests = [
        ok(json!([[4, 2, 7, 1, 3, 6, 9]]), json!([4, 7, 2, 9, 6, 3, 1])),
        ok(json!([[1, 2]]), json!([1, null, 2])),
        ok(json!([[]]), json!([])),
        ok(json!([[1, null, 2, 3]]), json!([1, 2, null, null, 3])),
    ];
    check(&signature, source, &tests);

    // A tree that reaches a node twice is a bad value, not a hang; the next test still runs.
    let source = "use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    pub fn invert_tree(root: Option<Rc<RefCell<TreeNode>>>) -> Option<Rc<RefCell<TreeNode>>> {
        if let Some(node) = &root {
            if node.borrow().val == 42 {
                node.borrow_mut().left = Some(node.clone());
            }
        }
        root
    }
}
";
    let run = common::run(
        Language::Rust,
        &signature,
        source,
        &[json!([[42]]), json!([[1]])],
    );
    assert!(
        matches!(&run.records[0].returned, Returned::BadValue(why) if why.contains("twice")),
        "{:?}",
        run.records
    );
    assert_eq!(run.records[1].returned, Returned::Value(json!([1])));
}

#[test]
fn a_compile_error_points_at_the_users_line() {
    let signature = common::sig("f", &[("n", "int")], "int");
    let source = "impl Solution {\n    pub fn f(n: i64) -> i64 {\n        let s: i64 = \"text\";\n        n + s\n    }\n}\n";
    let run = common::run(Language::Rust, &signature, source, &[json!([1])]);
    assert_eq!(
        run.report.status,
        Status::CompileError,
        "{}",
        describe(&run)
    );
    let compile = run.report.compile.as_ref().expect("compile report");
    let messages = format!("{}{}", compile.stdout, compile.stderr);
    assert!(messages.contains("main.rs:3:"), "{messages}");
    assert!(run.records.is_empty());
}

#[test]
fn a_stack_overflow_ends_the_process_after_the_records_before_it() {
    let signature = common::sig("f", &[("n", "int")], "int");
    let source = "impl Solution {
    pub fn f(n: i64) -> i64 {
        if n == 0 { return 0; }
        let pad = [n; 64];
        1 + Self::f(n - 1) + std::hint::black_box(pad)[1] - n
    }
}
";
    let args = [json!([10]), json!([1_000_000_000_i64]), json!([5])];
    let run = common::run(Language::Rust, &signature, source, &args);
    assert_ne!(run.report.status, Status::Ok, "{}", describe(&run));
    assert_eq!(run.records.len(), 1, "{}", describe(&run));
    assert_eq!(run.records[0].returned, Returned::Value(json!(10)));
}

/// One harness run of 10 tests, compiled and then from the compile cache (figures, not a
/// timed assertion): `cargo test -p tandem --test function_rust -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_of_ten_tests() {
    let signature = common::sig("add", &[("a", "int"), ("b", "int")], "int");
    let source = "impl Solution { pub fn add(a: i64, b: i64) -> i64 { a + b } }";
    let tests: Vec<Value> = (0..10).map(|i| json!([i, 1])).collect();
    for round in 0..6 {
        let round = if round == 0 { "compiled" } else { "cached" };
        let start = std::time::Instant::now();
        let run = common::run(Language::Rust, &signature, source, &tests);
        let total = start.elapsed().as_millis();
        assert_eq!(run.records.len(), 10, "{}", describe(&run));
        let compile = run.report.compile.as_ref().map_or(0, |c| c.wall_ms);
        eprintln!(
            "rust {round}: total {total} ms, compile {compile} ms, run wall {} ms, run cpu {} ms",
            run.report.wall_ms, run.report.cpu_ms
        );
    }
}
