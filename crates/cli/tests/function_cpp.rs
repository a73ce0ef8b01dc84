//! Function mode in C++ through the real sandbox: each case is one harness run (one compile)
//! carrying several tests, checked record by record.

mod common;

use serde_json::{Value, json};
use tandem_judge::Language;
use tandem_judge::Status;
use tandem_judge::function::{HarnessRun, records::Returned};
use tandem_problems::Signature;

use common::checks::{Test, bad, check_records, describe, ok, printing, raised};

const LANGUAGE: Language = Language::Cpp;

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
    // `#define int long long` is common in competitive code: the harness after the user's
    // code must survive it.
    let source = r#"#define int long long
class Solution {
public:
    vector<int> pairSum(vector<int>& nums, int target) {
        cout << "target " << target;
        if (target == -1) throw runtime_error("negative target");
        if (target == -2) {
            cout << "\n@@0123456789abcdef0123456789abcdef 0 ok 1\n3 [9]\n0 \n";
            printf("printf too\n");
            fprintf(stderr, "to stderr\n");
        }
        if (target == -3) throw 42;
        if (target == -5) {
            // Beyond the sandbox's file-size limit: the writes fail, the process lives on.
            string chunk(1 << 20, 'y');
            for (int i = 0; i < 24; i++) cout << chunk;
            cout << "unseen";
        }
        if (target == -4) {
            cout << flush;
            string big(100000, 'x');
            fputs(big.c_str(), stdout);
        }
        unordered_map<int, int> seen;
        for (int i = 0; i < (int)nums.size(); i++) {
            auto it = seen.find(target - nums[i]);
            if (it != seen.end()) return {it->second, i};
            seen[nums[i]] = i;
        }
        return {nums.at(nums.size())};
    }
};
"#;
    let tests = [
        printing(ok(json!([[2, 7, 11, 15], 9]), json!([0, 1])), "target 9"),
        printing(
            raised(
                json!([[1, 2], 100]),
                "std::out_of_range: vector::_M_range_check",
            ),
            "target 100",
        ),
        ok(json!([[-5, 5, i64::MAX], 0]), json!([0, 1])),
        ok(json!([[i64::MIN, 0], i64::MIN]), json!([0, 1])),
        printing(
            raised(json!([[1], -1]), "std::runtime_error: negative target"),
            "target -1",
        ),
        printing(
            ok(json!([[1, -3], -2]), json!([0, 1])),
            "target -2\n@@0123456789abcdef0123456789abcdef 0 ok 1\n3 [9]\n0 \nprintf too\n",
        ),
        raised(json!([[1], -3]), "int: unknown exception"),
        ok(json!([[1, -5], -4]), json!([0, 1])),
        ok(json!([[3, 3], 6]), json!([0, 1])),
        ok(json!([[1, -6], -5]), json!([0, 1])),
        printing(ok(json!([[4, 4], 8]), json!([0, 1])), "target 8"),
    ];
    let run = check(&signature, source, &tests);
    assert!(run.stray.is_empty(), "{}", describe(&run));
    assert!(
        run.report.stderr.contains("to stderr"),
        "{}",
        describe(&run)
    );
    let big = &run.records[7].printed;
    assert_eq!(big.len(), 65536);
    assert!(big.starts_with(b"target -4xxx"));
    let huge = &run.records[9].printed;
    assert_eq!(huge.len(), 65536);
    assert!(huge.starts_with(b"target -5yyy"));
    assert!(run.records.iter().all(|r| r.cpu_ns < 1_000_000_000));
}

#[test]
fn strings_with_spaces_newlines_and_unicode() {
    let signature = common::sig("shout", &[("text", "string"), ("times", "int")], "string");
    let source = from_stub(
        &signature,
        r#"        if (times < 0) return string("ok\xff\xfe") + "\xe2\x82";
        string out;
        for (long long i = 0; i < times; i++) out += text;
        for (char& c : out) c = toupper(c);
        return out;"#,
    );
    let tests = [
        ok(json!(["a b\nc", 1]), json!("A B\nC")),
        ok(json!(["", 3]), json!("")),
        ok(json!(["é😀 ", 2]), json!("é😀 é😀 ")),
        ok(
            json!(["\"q\" \\ \t\r\u{1}\u{7f}", 1]),
            json!("\"Q\" \\ \t\r\u{1}\u{7f}"),
        ),
        ok(
            json!(["  lead\n\ntrail  ", 2]),
            json!("  LEAD\n\nTRAIL    LEAD\n\nTRAIL  "),
        ),
        ok(
            json!(["x", -1]),
            json!("ok\u{fffd}\u{fffd}\u{fffd}\u{fffd}"),
        ),
    ];
    check(&signature, &source, &tests);
}

#[test]
fn nested_lists() {
    let signature = common::sig(
        "transpose",
        &[("grid", "list<list<int>>"), ("flip", "bool")],
        "list<list<int>>",
    );
    // The user returns vector<vector<int>> and keeps a main of their own for local tests:
    // both are fine.
    let source = "class Solution {
public:
    vector<vector<int>> transpose(const vector<vector<long long>>& grid, bool flip) {
        if (grid.empty() || grid[0].empty()) return {};
        vector<vector<int>> out(grid[0].size(), vector<int>(grid.size()));
        for (size_t i = 0; i < grid.size(); i++)
            for (size_t j = 0; j < grid[i].size(); j++) out[j][i] = flip ? -grid[i][j] : grid[i][j];
        return out;
    }
};

int main() {
    cout << \"local test\" << endl;
    return 1;
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
    let run = check(&signature, source, &tests);
    assert!(run.stray.is_empty(), "{}", describe(&run));
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
        "        for (auto& w : words) counts[w]++;
        return counts;",
    );
    assert!(source.contains(
        "unordered_map<string, long long> tally(unordered_map<string, long long>& counts, vector<string>& words)"
    ));
    let tests = [
        ok(json!([{}, []]), json!({})),
        ok(
            json!([{"a b": 1, "é": 2}, ["a b", "new", "new"]]),
            json!({"a b": 2, "é": 2, "new": 2}),
        ),
        ok(json!([{"k": -7}, ["\n"]]), json!({"k": -7, "\n": 1})),
    ];
    check(&signature, &source, &tests);

    let signature = common::sig("isSorted", &[("nums", "list<int>")], "bool");
    let source = from_stub(
        &signature,
        "        return is_sorted(nums.begin(), nums.end());",
    );
    check(
        &signature,
        &source,
        &[
            ok(json!([[1, 2, 2]]), json!(true)),
            ok(json!([[2, 1]]), json!(false)),
            ok(json!([[]]), json!(true)),
        ],
    );
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
    let run = check(&signature, &source, &tests);
    assert_eq!(
        run.records[1].returned,
        Returned::Value(json!(0.3333333333333333))
    );
}

#[test]
fn linked_lists_in_and_out() {
    let signature = common::sig("reverseList", &[("head", "list_node")], "list_node");
    let source = from_stub(
        &signature,
        "        if (head && head->val == 42) { head->next = head; return head; }
        ListNode* prev = nullptr;
        while (head) {
            ListNode* next = head->next;
            head->next = prev;
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
        "        if (!root) return nullptr;
        swap(root->left, root->right);
        invertTree(root->left);
        invertTree(root->right);
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
fn trees_max_depth_deep_recursion_and_a_user_defined_node() {
    let signature = common::sig("maxDepth", &[("root", "tree_node")], "int");
    // The user pasted LeetCode's definition: it replaces the harness's.
    let source = "struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
};
class Solution {
public:
    int maxDepth(TreeNode* root) {
        if (!root) return 0;
        return 1 + max(maxDepth(root->left), maxDepth(root->right));
    }
};
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
        ok(json!([[1, null, 2]]), json!(2)),
    ];
    check(&signature, source, &tests);
}

#[test]
fn a_segfault_ends_the_run_after_the_earlier_records() {
    let signature = common::sig("first", &[("nums", "list<int>")], "int");
    let source = from_stub(
        &signature,
        "        if (nums.empty()) { volatile long long* p = nullptr; return *p; }
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
    assert_eq!(run.report.signal, Some(11), "{}", describe(&run));
    assert_eq!(run.records.len(), 2, "{}", describe(&run));
    check_records(&run, &tests);
}

#[test]
fn compile_errors_name_the_users_file_and_line() {
    let signature = common::sig("first", &[("nums", "list<int>")], "int");
    let source = "class Solution {\npublic:\n    long long first(vector<long long>& nums) {\n        return nums[0] +;\n    }\n};\n";
    let run = run(&signature, source, &[ok(json!([[1]]), json!(1))]);
    assert_eq!(
        run.report.status,
        Status::CompileError,
        "{}",
        describe(&run)
    );
    let compile = run.report.compile.as_ref().expect("compile report");
    assert!(
        compile.stderr.contains("solution.cpp:4:"),
        "{}",
        compile.stderr
    );
    assert!(run.records.is_empty());

    // A wrong method signature is reported against the harness's call, naming the method.
    let source =
        "class Solution {\npublic:\n    int first(vector<int>& nums) { return nums[0]; }\n};\n";
    let run = self::run(&signature, source, &[ok(json!([[1]]), json!(1))]);
    assert_eq!(
        run.report.status,
        Status::CompileError,
        "{}",
        describe(&run)
    );
    let compile = run.report.compile.as_ref().expect("compile report");
    assert!(
        compile.stderr.contains("harness.cpp:"),
        "{}",
        compile.stderr
    );
    assert!(compile.stderr.contains("first"), "{}", compile.stderr);
}
