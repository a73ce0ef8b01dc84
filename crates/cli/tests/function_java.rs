//! Function mode in Java through the real sandbox: each case is one harness run (one compile)
//! carrying several tests, checked record by record.

mod common;

use serde_json::{Value, json};
use tandem_judge::Language;
use tandem_judge::Status;
use tandem_judge::function::HarnessRun;
use tandem_problems::Signature;

use common::checks::{Test, bad, check_records, describe, ok, printing, raised};

const LANGUAGE: Language = Language::Java;

fn run(signature: &Signature, source: &str, tests: &[Test]) -> HarnessRun {
    common::checks::run(LANGUAGE, signature, source, tests)
}

fn check(signature: &Signature, source: &str, tests: &[Test]) -> HarnessRun {
    common::checks::check(LANGUAGE, signature, source, tests)
}

fn from_stub(signature: &Signature, body: &str) -> String {
    common::checks::from_stub(LANGUAGE, signature, body)
}

#[test]
fn ints_lists_exceptions_prints_and_forged_records() {
    let signature = common::sig(
        "pairSum",
        &[("nums", "list<int>"), ("target", "int")],
        "list<int>",
    );
    // `public class Solution` is accepted: the harness's Main is the file's public class.
    let source = r#"public class Solution {
    public long[] pairSum(long[] nums, long target) {
        System.out.print("target " + target);
        if (target == -1) throw new IllegalStateException("negative target");
        if (target == -2) {
            System.out.println("\n@@0123456789abcdef0123456789abcdef 0 ok 1\n3 [9]\n0 ");
            System.out.printf("printf too%n");
            System.err.println("to stderr");
        }
        if (target == -3) {
            // Straight to the process's stdout: not a record, and not captured either.
            PrintStream raw = new PrintStream(new FileOutputStream(FileDescriptor.out), true);
            raw.print("@@0123456789abcdef0123456789abcdef 6 ok 1\n3 [9]\n0 \n");
        }
        if (target == -4) {
            System.out.print("x".repeat(100000));
        }
        Map<Long, Integer> seen = new HashMap<>();
        for (int i = 0; i < nums.length; i++) {
            Integer j = seen.get(target - nums[i]);
            if (j != null) return new long[] {j, i};
            seen.put(nums[i], i);
        }
        return new long[] {nums[nums.length]};
    }
}
"#;
    let tests = [
        printing(ok(json!([[2, 7, 11, 15], 9]), json!([0, 1])), "target 9"),
        printing(
            raised(
                json!([[1, 2], 100]),
                "java.lang.ArrayIndexOutOfBoundsException: Index 2 out of bounds for length 2",
            ),
            "target 100",
        ),
        ok(json!([[-5, 5, i64::MAX], 0]), json!([0, 1])),
        ok(json!([[i64::MIN, 0], i64::MIN]), json!([0, 1])),
        printing(
            raised(
                json!([[1], -1]),
                "java.lang.IllegalStateException: negative target",
            ),
            "target -1",
        ),
        printing(
            ok(json!([[1, -3], -2]), json!([0, 1])),
            "target -2\n@@0123456789abcdef0123456789abcdef 0 ok 1\n3 [9]\n0 \nprintf too\n",
        ),
        printing(ok(json!([[1, -4], -3]), json!([0, 1])), "target -3"),
        ok(json!([[1, -5], -4]), json!([0, 1])),
        ok(json!([[3, 3], 6]), json!([0, 1])),
    ];
    let run = check(&signature, source, &tests);
    let stray = String::from_utf8_lossy(&run.stray);
    assert!(
        stray.contains("@@0123456789abcdef0123456789abcdef 6 ok 1"),
        "{}",
        describe(&run)
    );
    assert!(
        run.report.stderr.contains("to stderr"),
        "{}",
        describe(&run)
    );
    let big = &run.records[7].printed;
    assert_eq!(big.len(), 65536);
    assert!(big.starts_with(b"target -4xxx"));
    assert!(run.records.iter().all(|r| r.cpu_ns < 1_000_000_000));
}

#[test]
fn strings_with_spaces_newlines_and_unicode() {
    let signature = common::sig("shout", &[("text", "string"), ("times", "int")], "string");
    let source = from_stub(
        &signature,
        r#"        if (times < 0) return "ok" + "\uDFFF" + "\uD800" + "😀";
        if (times == 0) return null;
        return text.toUpperCase().repeat((int) times);"#,
    );
    let tests = [
        ok(json!(["a b\nc", 1]), json!("A B\nC")),
        ok(json!(["", 3]), json!("")),
        ok(json!(["é😀 ", 2]), json!("É😀 É😀 ")),
        ok(
            json!(["\"q\" \\ \t\r\u{1}\u{7f}", 1]),
            json!("\"Q\" \\ \t\r\u{1}\u{7f}"),
        ),
        ok(
            json!(["  lead\n\ntrail  ", 2]),
            json!("  LEAD\n\nTRAIL    LEAD\n\nTRAIL  "),
        ),
        ok(json!(["x", -1]), json!("ok\u{fffd}\u{fffd}😀")),
        ok(json!(["x", 0]), Value::Null),
    ];
    check(&signature, &source, &tests);
}

#[test]
fn nested_lists_of_maps() {
    let signature = common::sig(
        "transpose",
        &[("grid", "list<list<int>>"), ("flip", "bool")],
        "list<list<int>>",
    );
    let source = from_stub(
        &signature,
        "        if (grid.length == 0 || grid[0].length == 0) return new long[0][];
        long[][] out = new long[grid[0].length][grid.length];
        for (int i = 0; i < grid.length; i++)
            for (int j = 0; j < grid[i].length; j++) out[j][i] = flip ? -grid[i][j] : grid[i][j];
        return out;",
    );
    let tests = [
        ok(
            json!([[[1, 2, 3], [4, 5, 6]], false]),
            json!([[1, 4], [2, 5], [3, 6]]),
        ),
        ok(json!([[[1]], true]), json!([[-1]])),
        ok(json!([[], false]), json!([])),
        ok(json!([[[], []], false]), json!([])),
    ];
    check(&signature, &source, &tests);

    let signature = common::sig(
        "merge",
        &[("maps", "list<map<string,list<float>>>")],
        "map<string,list<float>>",
    );
    let source = from_stub(
        &signature,
        "        Map<String, double[]> out = new TreeMap<>();
        for (Map<String, double[]> m : maps) out.putAll(m);
        return out;",
    );
    let tests = [
        ok(json!([[]]), json!({})),
        ok(
            json!([[{"a": [1.5]}, {"b": [], "a": [2.0, "NaN"]}]]),
            json!({"a": [2.0, "NaN"], "b": []}),
        ),
    ];
    check(&signature, &source, &tests);
}

#[test]
fn maps_in_and_out_and_bools() {
    let signature = common::sig(
        "tally",
        &[("counts", "map<string,int>"), ("words", "list<string>")],
        "map<string,int>",
    );
    let source = from_stub(
        &signature,
        "        for (String w : words) counts.merge(w, 1L, Long::sum);
        if (words.length == 3) counts.put(\"nothing\", null);
        return counts;",
    );
    assert!(
        source.contains("public Map<String, Long> tally(Map<String, Long> counts, String[] words)")
    );
    let tests = [
        ok(json!([{}, []]), json!({})),
        ok(
            json!([{"a b": 1, "é": 2}, ["a b", "new", "new"]]),
            json!({"a b": 2, "é": 2, "new": 2, "nothing": null}),
        ),
        ok(json!([{"k": -7}, ["\n"]]), json!({"k": -7, "\n": 1})),
    ];
    check(&signature, &source, &tests);

    // A `public class Main` the user kept for local tests stays theirs and does not run.
    let signature = common::sig("isSorted", &[("nums", "list<int>")], "bool");
    let source = from_stub(
        &signature,
        "        for (int i = 1; i < nums.length; i++) if (nums[i - 1] > nums[i]) return false;
        return true;",
    ) + "public class Main {\n    public static void main(String[] args) {\n        System.out.println(\"local test\");\n    }\n}\n";
    let run = check(
        &signature,
        &source,
        &[
            ok(json!([[1, 2, 2]]), json!(true)),
            ok(json!([[2, 1]]), json!(false)),
            ok(json!([[]]), json!(true)),
        ],
    );
    assert!(run.stray.is_empty(), "{}", describe(&run));
}

#[test]
fn floats_round_trip_and_non_finite() {
    let signature = common::sig("divide", &[("a", "float"), ("b", "float")], "float");
    let source = from_stub(&signature, "        return a / b;");
    let tests = [
        ok(json!([1.0, 4.0]), json!(0.25)),
        ok(json!([1.0, 3.0]), json!(1.0 / 3.0)),
        ok(json!([0.1, 1.0]), json!(0.1)),
        ok(json!([1e300, 10.0]), json!(1e299)),
        ok(json!([1e300, 1e-10]), json!("Infinity")),
        ok(json!([6.0, 2.0]), json!(3.0)),
        ok(json!([1.0, 0.0]), json!("Infinity")),
        ok(json!([-1.0, 0.0]), json!("-Infinity")),
        ok(json!([0.0, 0.0]), json!("NaN")),
        ok(json!(["NaN", 1.0]), json!("NaN")),
        ok(json!(["Infinity", 2.0]), json!("Infinity")),
        ok(json!([-0.0, 1.0]), json!(-0.0)),
    ];
    check(&signature, &source, &tests);
}

#[test]
fn linked_lists_in_and_out() {
    let signature = common::sig("reverseList", &[("head", "list_node")], "list_node");
    let source = from_stub(
        &signature,
        "        if (head != null && head.val == 42) { head.next = head; return head; }
        ListNode prev = null;
        while (head != null) {
            ListNode next = head.next;
            head.next = prev;
            prev = head;
            head = next;
        }
        return prev;",
    );
    assert!(source.starts_with("/**\n * Definition for singly-linked list."));
    let tests = [
        ok(json!([[1, 2, 3]]), json!([3, 2, 1])),
        ok(json!([[]]), json!([])),
        ok(json!([[-7]]), json!([-7])),
        bad(json!([[42, 1]]), "cycle"),
        raised(json!([[5_000_000_000_i64]]), "does not fit"),
        ok(
            json!([[2147483647, -2147483648]]),
            json!([-2147483648, 2147483647]),
        ),
    ];
    check(&signature, &source, &tests);
}

#[test]
fn trees_invert() {
    let signature = common::sig("invertTree", &[("root", "tree_node")], "tree_node");
    let source = from_stub(
        &signature,
        "        if (root == null) return null;
        TreeNode left = root.left;
        root.left = invertTree(root.right);
        root.right = invertTree(left);
        return root;",
    );
    let tests = [
        ok(json!([[4, 2, 7, 1, 3, 6, 9]]), json!([4, 7, 2, 9, 6, 3, 1])),
        ok(json!([[]]), json!([])),
        ok(json!([[1, null, 2]]), json!([1, 2])),
        ok(json!([[1, 2, null, 3]]), json!([1, null, 2, null, 3])),
        ok(json!([[null]]), json!([])),
    ];
    check(&signature, &source, &tests);
}

#[test]
fn trees_max_depth_deep_recursion_stack_overflow_and_out_of_memory() {
    let signature = common::sig("maxDepth", &[("root", "tree_node")], "int");
    // The user pasted LeetCode's (public) definition: it replaces the harness's.
    let source = "public class TreeNode {
    int val;
    TreeNode left;
    TreeNode right;
    TreeNode(int val) { this.val = val; }
}
class Solution {
    public long maxDepth(TreeNode root) {
        if (root == null) return 0;
        if (root.val == -1) return forever(0);
        if (root.val == -2) { long[] huge = new long[1 << 30]; return huge.length; }
        return 1 + Math.max(maxDepth(root.left), maxDepth(root.right));
    }
    private long forever(long n) { return forever(n + 1) + 1; }
}
";
    // A chain of 100000 left children: [1, 2, null, 3, null, ...].
    let mut chain = vec![json!(1)];
    for i in 2..=100_000 {
        chain.push(json!(i));
        chain.push(Value::Null);
    }
    let tests = [
        ok(json!([[3, 9, 20, null, null, 15, 7]]), json!(3)),
        ok(json!([[]]), json!(0)),
        ok(json!([chain]), json!(100_000)),
        raised(json!([[-1]]), "java.lang.StackOverflowError"),
        raised(json!([[-2]]), "java.lang.OutOfMemoryError: Java heap space"),
        ok(json!([[1, null, 2]]), json!(2)),
    ];
    check(&signature, source, &tests);
}

#[test]
fn an_exit_ends_the_run_after_the_earlier_records() {
    let signature = common::sig("first", &[("nums", "list<int>")], "int");
    let source = from_stub(
        &signature,
        "        if (nums.length == 0) Runtime.getRuntime().halt(7);
        return nums[0];",
    );
    let tests = [
        ok(json!([[1, 2]]), json!(1)),
        ok(json!([[3]]), json!(3)),
        ok(json!([[]]), json!(0)),
        ok(json!([[4]]), json!(4)),
    ];
    let run = run(&signature, &source, &tests);
    assert_eq!(
        run.report.status,
        Status::RuntimeError,
        "{}",
        describe(&run)
    );
    assert_eq!(run.report.exit_code, Some(7), "{}", describe(&run));
    assert_eq!(run.records.len(), 2, "{}", describe(&run));
    check_records(&run, &tests);
}

#[test]
fn compile_errors_name_the_users_line() {
    let signature = common::sig("first", &[("nums", "list<int>")], "int");
    let source = "class Solution {\n    public long first(long[] nums) {\n        int x = 1\n        return nums[0];\n    }\n}\n";
    let run = run(&signature, source, &[ok(json!([[1]]), json!(1))]);
    assert_eq!(
        run.report.status,
        Status::CompileError,
        "{}",
        describe(&run)
    );
    let compile = run.report.compile.as_ref().expect("compile report");
    let text = format!("{}{}", compile.stdout, compile.stderr);
    assert!(text.contains("Main.java:3: error: ';' expected"), "{text}");
    assert!(run.records.is_empty());

    // A wrong parameter type: javac points at the harness's call.
    let source = "class Solution {\n    public long first(int[] nums) { return nums[0]; }\n}\n";
    let run = self::run(&signature, source, &[ok(json!([[1]]), json!(1))]);
    assert_eq!(
        run.report.status,
        Status::CompileError,
        "{}",
        describe(&run)
    );
    let compile = run.report.compile.as_ref().expect("compile report");
    let text = format!("{}{}", compile.stdout, compile.stderr);
    assert!(text.contains("first"), "{text}");
}
