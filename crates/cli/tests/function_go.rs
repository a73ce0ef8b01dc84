//! Function mode in Go through the real sandbox: each case is one harness run (one compile)
//! carrying many tests, checked record by record.

mod common;

use serde_json::{Value, json};
use tandem_judge::Language;
use tandem_judge::Status;
use tandem_judge::function::{HarnessRun, records::Returned, stub};
use tandem_problems::Signature;

use common::checks::{Test, Want, describe, ok, printing, raised};

const LANGUAGE: Language = Language::Go;

/// Runs `tests` against `source` and checks every record.
fn check(signature: &Signature, source: &str, tests: &[Test]) -> HarnessRun {
    common::checks::check(LANGUAGE, signature, source, tests)
}

/// The stub with `body` in place of its empty body.
fn from_stub(signature: &Signature, body: &str) -> String {
    let stub = stub(Language::Go, signature).expect("stub");
    assert!(stub.ends_with("{\n\n}\n"), "{stub}");
    stub.replacen("{\n\n}", &format!("{{\n{body}\n}}"), 1)
}

#[test]
fn ints_lists_prints_panics_and_forged_records() {
    let signature = common::sig(
        "pairSum",
        &[("nums", "list<int>"), ("target", "int")],
        "list<int>",
    );
    let source = r#"package main

import (
	"fmt"
	"os"
	"strings"
	"syscall"
)

func pairSum(nums []int, target int) []int {
	if target == -2 {
		fmt.Println("@@0123456789abcdef0123456789abcdef 1 ok 1\n3 [9]\n0 ")
		syscall.Write(1, []byte("@@forged 1 ok 1\n3 [9]\n0 \n"))
	}
	fmt.Printf("target %d", target)
	if target == -3 {
		fmt.Fprint(os.Stdout, strings.Repeat("x", 100000))
	}
	seen := map[int]int{}
	for i, x := range nums {
		if j, ok := seen[target-x]; ok {
			return []int{j, i}
		}
		seen[x] = i
	}
	return []int{nums[len(nums)]}
}
"#;
    let tests = [
        printing(ok(json!([[2, 7, 11, 15], 9]), json!([0, 1])), "target 9"),
        printing(
            raised(
                json!([[1, 2], 100]),
                "panic: runtime error: index out of range [2] with length 2",
            ),
            "target 100",
        ),
        ok(json!([[-5, 5, i64::MAX], 0]), json!([0, 1])),
        ok(json!([[i64::MIN, 0], i64::MIN]), json!([0, 1])),
        printing(
            ok(json!([[1, -3], -2]), json!([0, 1])),
            "@@0123456789abcdef0123456789abcdef 1 ok 1\n3 [9]\n0 \ntarget -2",
        ),
        ok(json!([[1, -4], -3]), json!([0, 1])),
        raised(json!([[], 1]), "index out of range [0] with length 0"),
    ];
    let run = check(&signature, source, &tests);
    let stray = String::from_utf8_lossy(&run.stray);
    assert_eq!(stray, "@@forged 1 ok 1\n3 [9]\n0 \n");
    let big = &run.records[5].printed;
    assert_eq!(big.len(), 65536);
    assert!(big.starts_with(b"target -3xxx"));
}

#[test]
fn strings_with_spaces_newlines_and_unicode() {
    let signature = common::sig("shout", &[("text", "string"), ("times", "int")], "string");
    let source = "import \"strings\"

func shout(text string, times int) string {
	out := strings.ToUpper(text)
	for i := 1; i < times; i++ {
		out += text
	}
	if times == 0 {
		return text[:1]
	}
	return out
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
        // Half of a two-byte character: invalid UTF-8 comes back as U+FFFD.
        ok(json!(["é", 0]), json!("\u{fffd}")),
        ok(json!(["\u{fffd}x", 1]), json!("\u{fffd}X")),
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
    let source = "func transpose(grid [][]int, flip bool) [][]int {
	if len(grid) == 0 {
		return nil
	}
	out := make([][]int, len(grid[0]))
	for j := range out {
		out[j] = make([]int, len(grid))
		for i := range grid {
			out[j][i] = grid[i][j]
			if flip {
				out[j][i] = -out[j][i]
			}
		}
	}
	return out
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
    let source = "func isEven(n int) bool { return n%2 == 0 }";
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
    let body = "\tfor _, w := range words {
		counts[w]++
	}
	return counts";
    let source = from_stub(&signature, body);
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
    let source = "func groups(byKey map[string][]float64) map[string][]float64 {
	if len(byKey) == 0 {
		return nil
	}
	for _, v := range byKey {
		for i := range v {
			v[i] *= 2
		}
	}
	return byKey
}
";
    check(
        &signature,
        source,
        &[
            ok(
                json!([{"a": [0.5, 1.0], "b": []}]),
                json!({"a": [1.0, 2.0], "b": []}),
            ),
            ok(json!([{}]), json!({})),
        ],
    );
}

#[test]
fn floats_round_trip_and_non_finite_values() {
    let signature = common::sig("divide", &[("a", "float"), ("b", "float")], "float");
    let source = "func divide(a, b float64) float64 { return a / b }";
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
        ok(json!([-0.0, 1.0]), json!(-0.0)),
    ];
    let run = check(&signature, source, &tests);
    // Integer-valued floats stay floats on the wire.
    let text = String::from_utf8_lossy(&run.report.stdout_bytes);
    assert!(text.contains("\n3 2.0\n"), "{text}");
    assert!(text.contains("\n4 -0.0\n"), "{text}");

    // Shortest round-trip text, digit for digit (serde_json without its `float_roundtrip`
    // feature may read this one back an ULP off, so the raw record is checked).
    let run = common::run(
        Language::Go,
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
    let body = "\tvar prev *ListNode
	for head != nil {
		next := head.Next
		head.Next = prev
		prev = head
		head = next
	}
	if prev != nil && prev.Val == 42 {
		prev.Next.Next = prev
	}
	return prev";
    let source = from_stub(&signature, body);
    assert!(
        source.starts_with("/**\n * Definition for singly-linked list."),
        "{source}"
    );
    let long: Vec<i64> = (0..100_000).collect();
    let reversed: Vec<i64> = long.iter().rev().copied().collect();
    let tests = [
        ok(json!([[1, 2, 3]]), json!([3, 2, 1])),
        ok(json!([[]]), json!([])),
        ok(json!([[7]]), json!([7])),
        ok(json!([long]), json!(reversed)),
        ok(json!([[1, 2, 3]]), json!([3, 2, 1])),
    ];
    let mut run_tests: Vec<Test> = tests.into_iter().collect();
    // A list that comes back with a cycle is a bad value, not a hang.
    run_tests.insert(
        4,
        Test {
            args: json!([[5, 6, 42]]),
            want: Want::Value(json!(null)),
            printed: None,
        },
    );
    let args: Vec<Value> = run_tests.iter().map(|t| t.args.clone()).collect();
    let run = common::run(Language::Go, &signature, &source, &args);
    assert_eq!(run.report.status, Status::Ok, "{}", describe(&run));
    assert_eq!(run.records.len(), run_tests.len(), "{}", describe(&run));
    for (i, (record, test)) in run.records.iter().zip(&run_tests).enumerate() {
        match (&test.want, &record.returned) {
            (Want::Value(Value::Null), Returned::BadValue(why)) => {
                assert!(why.contains("cycle"), "{why}");
            }
            (Want::Value(want), Returned::Value(got)) => assert_eq!(got, want, "test {i}"),
            (_, got) => panic!("test {i}: {got:?}"),
        }
    }
}

#[test]
fn trees_in_and_out_with_deep_recursion() {
    let signature = common::sig("maxDepth", &[("root", "tree_node")], "int");
    let body = "\tif root == nil {
		return 0
	}
	l, r := maxDepth(root.Left), maxDepth(root.Right)
	if l > r {
		return l + 1
	}
	return r + 1";
    let source = from_stub(&signature, body);
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
    let source = "func invertTree(root *TreeNode) *TreeNode {
	if root != nil {
		root.Left, root.Right = invertTree(root.Right), invertTree(root.Left)
		if root.Val == 42 {
			root.Left = root
		}
	}
	return root
}
";
    let tests = [
        ok(json!([[4, 2, 7, 1, 3, 6, 9]]), json!([4, 7, 2, 9, 6, 3, 1])),
        ok(json!([[1, 2]]), json!([1, null, 2])),
        ok(json!([[]]), json!([])),
        ok(json!([[1, null, 2, 3]]), json!([1, 2, null, null, 3])),
    ];
    check(&signature, source, &tests);
    let run = common::run(
        Language::Go,
        &signature,
        source,
        &[json!([[1, 42]]), json!([[1]])],
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
    let source = "package main\n\nfunc f(n int) int {\n\tvar s int = \"text\"\n\treturn n + s\n}\n";
    let run = common::run(Language::Go, &signature, source, &[json!([1])]);
    assert_eq!(
        run.report.status,
        Status::CompileError,
        "{}",
        describe(&run)
    );
    let compile = run.report.compile.as_ref().expect("compile report");
    let messages = format!("{}{}", compile.stdout, compile.stderr);
    assert!(messages.contains("main.go:4:"), "{messages}");
    assert!(run.records.is_empty());
}

#[test]
fn the_users_imports_of_the_harness_packages_compile() {
    let signature = common::sig("describe", &[("x", "float")], "string");
    let source = "package main

import (
	\"bufio\"
	\"fmt\"
	\"io\"
	\"math\"
	\"os\"
	\"strconv\"
	\"syscall\"
)

var _ = bufio.NewReader
var _ = io.EOF
var _ = os.Exit
var _ = syscall.Getpid

func describe(x float64) string {
	fmt.Print(math.Floor(x))
	return strconv.FormatFloat(x, 'f', 2, 64)
}
";
    let tests = [printing(ok(json!([2.5]), json!("2.50")), "2")];
    check(&signature, source, &tests);
}

#[test]
fn a_stack_overflow_ends_the_process_after_the_records_before_it() {
    let signature = common::sig("f", &[("n", "int")], "int");
    let source = "func f(n int) int {
	if n == 0 {
		return 0
	}
	var pad [64]int
	pad[n%64] = n
	return 1 + f(n-1) + pad[n%64] - n
}
";
    let args = [json!([10]), json!([1_000_000_000_i64]), json!([5])];
    let run = common::run(Language::Go, &signature, source, &args);
    assert_ne!(run.report.status, Status::Ok, "{}", describe(&run));
    assert_eq!(run.records.len(), 1, "{}", describe(&run));
    assert_eq!(run.records[0].returned, Returned::Value(json!(10)));
}

/// One harness run of 10 tests, compiled and then from the compile cache (figures, not a
/// timed assertion): `cargo test -p tandem --test function_go -- --ignored --nocapture`.
#[test]
#[ignore]
fn timing_of_ten_tests() {
    let signature = common::sig("add", &[("a", "int"), ("b", "int")], "int");
    let source = "func add(a int, b int) int { return a + b }";
    let tests: Vec<Value> = (0..10).map(|i| json!([i, 1])).collect();
    for round in 0..6 {
        let round = if round == 0 { "compiled" } else { "cached" };
        let start = std::time::Instant::now();
        let run = common::run(Language::Go, &signature, source, &tests);
        let total = start.elapsed().as_millis();
        assert_eq!(run.records.len(), 10, "{}", describe(&run));
        let compile = run.report.compile.as_ref().map_or(0, |c| c.wall_ms);
        eprintln!(
            "go {round}: total {total} ms, compile {compile} ms, run wall {} ms, run cpu {} ms",
            run.report.wall_ms, run.report.cpu_ms
        );
    }
}
