//! Conformance of every language through the real `tandem run` and the real sandbox: hello
//! world, stdin echo, non-zero exit, uncaught exception, compile error with the compiler's
//! message, stack overflow, memory limit, and a compile-cache hit. One test per language, each
//! a table of cases checked by one helper.
//!
//! Needs what `tandem run` needs: root (or the sandbox's privileges) and the toolchains the
//! set-up script installs. A missing toolchain fails the test with the reason.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

/// One run and what its report must say.
struct Case {
    name: &'static str,
    file: &'static str,
    source: &'static str,
    stdin: &'static str,
    args: &'static [&'static str],
    status: &'static str,
    exit_code: Option<i64>,
    /// Text the run's stdout must contain.
    stdout: &'static str,
    /// Text the run's stderr, or the compiler's output for a compile error, must contain.
    diagnostic: &'static str,
}

const BASE: Case = Case {
    name: "",
    file: "",
    source: "",
    stdin: "",
    args: &[],
    status: "ok",
    exit_code: Some(0),
    stdout: "",
    diagnostic: "",
};

fn tandem_run(dir: &Path, case: &Case) -> Value {
    let source = dir.join(case.file);
    std::fs::write(&source, case.source).expect("write source");
    let stdin = dir.join(format!("{}.in", case.name));
    std::fs::write(&stdin, case.stdin).expect("write stdin");
    let mut command = Command::new(env!("CARGO_BIN_EXE_tandem"));
    command.arg("run").arg("--cache-dir").arg(dir.join("cache"));
    if !case.file.ends_with(".sql") {
        command.arg("--stdin").arg(&stdin);
    }
    let output = command
        .args(case.args)
        .arg(&source)
        .output()
        .expect("start tandem");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{}: tandem run failed: {stderr}",
        case.name
    );
    serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|e| panic!("{}: not JSON ({e}): {stderr}", case.name))
}

fn check(cases: &[Case]) {
    let dir = tempfile::tempdir().expect("tempdir");
    for case in cases {
        let report = tandem_run(dir.path(), case);
        let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
        let diagnostics = if report["status"] == "compile_error" {
            format!(
                "{}{}",
                text(&report["compile"]["stderr"]),
                text(&report["compile"]["stdout"])
            )
        } else {
            text(&report["stderr"])
        };
        let context = format!("{}: {report}", case.name);
        assert_eq!(report["status"], case.status, "{context}");
        assert_eq!(report["exit_code"].as_i64(), case.exit_code, "{context}");
        assert!(text(&report["stdout"]).contains(case.stdout), "{context}");
        assert!(diagnostics.contains(case.diagnostic), "{context}");
    }
}

/// The first case run twice: the second compile comes from the cache.
fn check_cache_hit(case: &Case) {
    let dir = tempfile::tempdir().expect("tempdir");
    let first = tandem_run(dir.path(), case);
    let second = tandem_run(dir.path(), case);
    assert_eq!(first["compile"]["cached"], false, "{first}");
    assert_eq!(second["compile"]["cached"], true, "{second}");
    assert_eq!(first["stdout"], second["stdout"]);
}

const STDIN: &str = "abc 123\nsecond line\n";
const MEMORY: &[&str] = &["--memory-limit", "64MiB"];

#[test]
fn c() {
    let cases = [
        Case {
            name: "hello",
            file: "main.c",
            source: "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n",
            stdout: "hello",
            ..BASE
        },
        Case {
            name: "echo",
            file: "main.c",
            source: "#include <stdio.h>\nint main(void) { int c; while ((c = getchar()) != EOF) putchar(c); }\n",
            stdin: STDIN,
            stdout: STDIN,
            ..BASE
        },
        Case {
            name: "exit",
            file: "main.c",
            source: "int main(void) { return 3; }\n",
            status: "runtime_error",
            exit_code: Some(3),
            ..BASE
        },
        Case {
            name: "abort",
            file: "main.c",
            source: "#include <stdlib.h>\nint main(void) { abort(); }\n",
            status: "runtime_error",
            exit_code: None,
            ..BASE
        },
        Case {
            name: "compile_error",
            file: "main.c",
            source: "int main(void) { return undefined_name; }\n",
            status: "compile_error",
            exit_code: None,
            diagnostic: "undefined_name",
            ..BASE
        },
        Case {
            name: "stack_overflow",
            file: "main.c",
            source: "int f(int n) { volatile char pad[4096]; pad[0] = (char)n; return f(n + 1) + pad[0]; }\nint main(void) { return f(0); }\n",
            status: "runtime_error",
            exit_code: None,
            ..BASE
        },
        Case {
            name: "memory",
            file: "main.c",
            source: "#include <stdlib.h>\n#include <string.h>\nint main(void) { for (;;) { char *p = malloc(1 << 20); if (!p) return 1; memset(p, 1, 1 << 20); } }\n",
            args: MEMORY,
            status: "memory_limit_exceeded",
            exit_code: None,
            ..BASE
        },
    ];
    check(&cases);
    check_cache_hit(&cases[0]);
}

#[test]
fn cpp() {
    let cases = [
        Case {
            name: "hello",
            file: "main.cpp",
            source: "#include <iostream>\nint main() { std::cout << \"hello\\n\"; }\n",
            stdout: "hello",
            ..BASE
        },
        Case {
            name: "echo",
            file: "main.cpp",
            source: "#include <iostream>\n#include <string>\nint main() { std::string l; while (std::getline(std::cin, l)) std::cout << l << '\\n'; }\n",
            stdin: STDIN,
            stdout: STDIN,
            ..BASE
        },
        Case {
            name: "exit",
            file: "main.cpp",
            source: "int main() { return 3; }\n",
            status: "runtime_error",
            exit_code: Some(3),
            ..BASE
        },
        Case {
            name: "exception",
            file: "main.cpp",
            source: "#include <stdexcept>\nint main() { throw std::runtime_error(\"boom\"); }\n",
            status: "runtime_error",
            exit_code: None,
            diagnostic: "boom",
            ..BASE
        },
        Case {
            name: "compile_error",
            file: "main.cpp",
            source: "int main() { std::vector<int> v; }\n",
            status: "compile_error",
            exit_code: None,
            diagnostic: "vector",
            ..BASE
        },
        Case {
            name: "cpp20",
            file: "main.cpp",
            source: "#include <iostream>\n#include <span>\nint main() { int a[3] = {1, 2, 3}; std::span<int> s(a); std::cout << s.size() << '\\n'; }\n",
            args: &["--std", "c++20"],
            stdout: "3",
            ..BASE
        },
        Case {
            name: "bad_alloc",
            file: "main.cpp",
            source: "#include <vector>\nint main() { std::vector<char> v(1ULL << 40); return v[0]; }\n",
            args: MEMORY,
            status: "memory_limit_exceeded",
            exit_code: None,
            diagnostic: "bad_alloc",
            ..BASE
        },
    ];
    check(&cases);
    check_cache_hit(&cases[0]);
}

#[test]
fn python() {
    check(&[
        Case {
            name: "hello",
            file: "main.py",
            source: "print('hello')\n",
            stdout: "hello",
            ..BASE
        },
        Case {
            name: "echo",
            file: "main.py",
            source: "import sys\nsys.stdout.write(sys.stdin.read())\n",
            stdin: STDIN,
            stdout: STDIN,
            ..BASE
        },
        Case {
            name: "exit",
            file: "main.py",
            source: "exit(3)\n",
            status: "runtime_error",
            exit_code: Some(3),
            ..BASE
        },
        Case {
            name: "exception",
            file: "main.py",
            source: "raise ValueError('boom')\n",
            status: "runtime_error",
            exit_code: Some(1),
            diagnostic: "ValueError: boom",
            ..BASE
        },
        Case {
            name: "syntax_error",
            file: "main.py",
            source: "print('unclosed\n",
            status: "runtime_error",
            exit_code: Some(1),
            diagnostic: "SyntaxError",
            ..BASE
        },
        Case {
            name: "stack_overflow",
            file: "main.py",
            source: "def f(n): return f(n + 1) + 1\nf(0)\n",
            status: "runtime_error",
            exit_code: Some(1),
            diagnostic: "RecursionError",
            ..BASE
        },
        Case {
            name: "memory_error",
            file: "main.py",
            source: "x = bytearray(10**12)\n",
            args: MEMORY,
            status: "memory_limit_exceeded",
            exit_code: Some(1),
            diagnostic: "MemoryError",
            ..BASE
        },
        Case {
            name: "memory",
            file: "main.py",
            source: "l = []\nwhile True: l.append(bytearray(1 << 20))\n",
            args: MEMORY,
            status: "memory_limit_exceeded",
            exit_code: None,
            ..BASE
        },
    ]);
}

#[test]
fn javascript() {
    check(&[
        Case {
            name: "hello",
            file: "main.js",
            source: "console.log('hello')\n",
            stdout: "hello",
            ..BASE
        },
        Case {
            name: "echo",
            file: "main.js",
            source: "process.stdout.write(require('fs').readFileSync(0, 'utf8'))\n",
            stdin: STDIN,
            stdout: STDIN,
            ..BASE
        },
        Case {
            name: "module",
            file: "main.mjs",
            source: "import fs from 'fs';\nprocess.stdout.write(fs.readFileSync(0, 'utf8'));\n",
            stdin: STDIN,
            stdout: STDIN,
            ..BASE
        },
        Case {
            name: "exit",
            file: "main.js",
            source: "process.exit(3)\n",
            status: "runtime_error",
            exit_code: Some(3),
            ..BASE
        },
        Case {
            name: "exception",
            file: "main.js",
            source: "throw new Error('boom')\n",
            status: "runtime_error",
            exit_code: Some(1),
            diagnostic: "Error: boom",
            ..BASE
        },
        Case {
            name: "stack_overflow",
            file: "main.js",
            source: "function f(n) { return f(n + 1) + 1 }\nf(0)\n",
            status: "runtime_error",
            exit_code: Some(1),
            diagnostic: "Maximum call stack size exceeded",
            ..BASE
        },
        Case {
            name: "memory",
            file: "main.js",
            source: "const a = []; for (;;) a.push(new Array(1 << 16).fill(1.5));\n",
            args: MEMORY,
            status: "memory_limit_exceeded",
            exit_code: None,
            ..BASE
        },
    ]);
}

#[test]
fn typescript() {
    let cases = [
        Case {
            name: "hello",
            file: "main.ts",
            source: "const greeting: string = 'hello';\nconsole.log(greeting);\n",
            stdout: "hello",
            ..BASE
        },
        Case {
            name: "echo",
            file: "main.ts",
            source: "import * as fs from 'fs';\nconst input: string = fs.readFileSync(0, 'utf8');\nprocess.stdout.write(input);\n",
            stdin: STDIN,
            stdout: STDIN,
            ..BASE
        },
        Case {
            name: "exit",
            file: "main.ts",
            source: "process.exit(3);\n",
            status: "runtime_error",
            exit_code: Some(3),
            ..BASE
        },
        Case {
            name: "exception",
            file: "main.ts",
            source: "throw new Error('boom');\n",
            status: "runtime_error",
            exit_code: Some(1),
            diagnostic: "Error: boom",
            ..BASE
        },
        Case {
            name: "type_error",
            file: "main.ts",
            source: "const n: number = 'not a number';\nconsole.log(n);\n",
            status: "compile_error",
            exit_code: None,
            diagnostic: "TS2322",
            ..BASE
        },
        Case {
            name: "stack_overflow",
            file: "main.ts",
            source: "function f(n: number): number { return f(n + 1) + 1; }\nf(0);\n",
            status: "runtime_error",
            exit_code: Some(1),
            diagnostic: "Maximum call stack size exceeded",
            ..BASE
        },
    ];
    check(&cases);
    check_cache_hit(&cases[0]);
}

#[test]
fn java() {
    let cases = [
        Case {
            name: "hello",
            file: "Main.java",
            source: "public class Main { public static void main(String[] a) { System.out.println(\"hello\"); } }\n",
            stdout: "hello",
            ..BASE
        },
        Case {
            name: "echo",
            file: "Solution.java",
            source: "import java.io.*;\npublic class Solution { public static void main(String[] a) throws IOException { System.out.write(System.in.readAllBytes()); System.out.flush(); } }\n",
            stdin: STDIN,
            stdout: STDIN,
            ..BASE
        },
        Case {
            name: "package",
            file: "Main.java",
            source: "package judge.task;\npublic class Main { public static void main(String[] a) { System.out.println(\"in a package\"); } }\n",
            stdout: "in a package",
            ..BASE
        },
        Case {
            name: "exit",
            file: "Main.java",
            source: "public class Main { public static void main(String[] a) { System.exit(3); } }\n",
            status: "runtime_error",
            exit_code: Some(3),
            ..BASE
        },
        Case {
            name: "exception",
            file: "Main.java",
            source: "public class Main { public static void main(String[] a) { throw new IllegalStateException(\"boom\"); } }\n",
            status: "runtime_error",
            exit_code: Some(1),
            diagnostic: "IllegalStateException: boom",
            ..BASE
        },
        Case {
            name: "compile_error",
            file: "Main.java",
            source: "public class Main { public static void main(String[] a) { int x = \"s\"; } }\n",
            status: "compile_error",
            exit_code: None,
            diagnostic: "incompatible types",
            ..BASE
        },
        Case {
            name: "stack_overflow",
            file: "Main.java",
            source: "public class Main { static int f(int n) { return f(n + 1) + 1; } public static void main(String[] a) { f(0); } }\n",
            status: "runtime_error",
            exit_code: Some(1),
            diagnostic: "StackOverflowError",
            ..BASE
        },
        Case {
            name: "heap",
            file: "Main.java",
            source: "public class Main { public static void main(String[] a) { long[] x = new long[40_000_000]; System.out.println(x.length); } }\n",
            status: "memory_limit_exceeded",
            exit_code: Some(1),
            diagnostic: "OutOfMemoryError",
            ..BASE
        },
    ];
    check(&cases);
    check_cache_hit(&cases[0]);
}

#[test]
fn rust() {
    let cases = [
        Case {
            name: "hello",
            file: "main.rs",
            source: "fn main() { println!(\"hello\"); }\n",
            stdout: "hello",
            ..BASE
        },
        Case {
            name: "echo",
            file: "main.rs",
            source: "use std::io::Read;\nfn main() { let mut s = String::new(); std::io::stdin().read_to_string(&mut s).expect(\"stdin\"); print!(\"{s}\"); }\n",
            stdin: STDIN,
            stdout: STDIN,
            ..BASE
        },
        Case {
            name: "exit",
            file: "main.rs",
            source: "fn main() { std::process::exit(3); }\n",
            status: "runtime_error",
            exit_code: Some(3),
            ..BASE
        },
        Case {
            name: "panic",
            file: "main.rs",
            source: "fn main() { let v: Vec<i32> = Vec::new(); println!(\"{}\", v[std::env::args().count()]); }\n",
            status: "runtime_error",
            exit_code: Some(101),
            diagnostic: "index out of bounds",
            ..BASE
        },
        Case {
            name: "compile_error",
            file: "main.rs",
            source: "fn main() { let x: i32 = \"s\"; }\n",
            status: "compile_error",
            exit_code: None,
            diagnostic: "mismatched types",
            ..BASE
        },
        Case {
            name: "stack_overflow",
            file: "main.rs",
            source: "fn f(n: u64) -> u64 { let pad = [n; 512]; std::hint::black_box(&pad); f(n + 1) + pad[7] }\nfn main() { println!(\"{}\", f(0)); }\n",
            status: "runtime_error",
            exit_code: None,
            diagnostic: "overflowed its stack",
            ..BASE
        },
    ];
    check(&cases);
    check_cache_hit(&cases[0]);
}

#[test]
fn go() {
    let cases = [
        Case {
            name: "hello",
            file: "main.go",
            source: "package main\nimport \"fmt\"\nfunc main() { fmt.Println(\"hello\") }\n",
            stdout: "hello",
            ..BASE
        },
        Case {
            name: "echo",
            file: "main.go",
            source: "package main\nimport (\"io\"; \"os\")\nfunc main() { b, _ := io.ReadAll(os.Stdin); os.Stdout.Write(b) }\n",
            stdin: STDIN,
            stdout: STDIN,
            ..BASE
        },
        Case {
            name: "exit",
            file: "main.go",
            source: "package main\nimport \"os\"\nfunc main() { os.Exit(3) }\n",
            status: "runtime_error",
            exit_code: Some(3),
            ..BASE
        },
        Case {
            name: "panic",
            file: "main.go",
            source: "package main\nfunc main() { var m map[string]int; m[\"a\"] = 1 }\n",
            status: "runtime_error",
            exit_code: Some(2),
            diagnostic: "assignment to entry in nil map",
            ..BASE
        },
        Case {
            name: "compile_error",
            file: "main.go",
            source: "package main\nfunc main() { x := 1 }\n",
            status: "compile_error",
            exit_code: None,
            diagnostic: "declared but not used",
            ..BASE
        },
        Case {
            // Go grows goroutine stacks on the heap up to 1 GB: unbounded recursion fills the
            // memory limit first.
            name: "stack_overflow",
            file: "main.go",
            source: "package main\nfunc f(n int) int { return f(n+1) + 1 }\nfunc main() { f(0) }\n",
            args: MEMORY,
            status: "memory_limit_exceeded",
            exit_code: None,
            ..BASE
        },
        Case {
            name: "out_of_memory",
            file: "main.go",
            source: "package main\nimport \"fmt\"\nfunc main() { b := make([]byte, 1<<40); fmt.Println(len(b)) }\n",
            status: "memory_limit_exceeded",
            exit_code: Some(2),
            diagnostic: "out of memory",
            ..BASE
        },
    ];
    check(&cases);
    check_cache_hit(&cases[0]);
}

#[test]
fn sql() {
    check(&[
        Case {
            name: "hello",
            file: "query.sql",
            source: "select 'hello';\n",
            stdout: "hello",
            ..BASE
        },
        Case {
            name: "tables",
            file: "query.sql",
            source: "create table t(a int, b text);\ninsert into t values (1, 'x'), (2, 'y');\nselect * from t order by a;\n",
            stdout: "1|x\n2|y\n",
            ..BASE
        },
        Case {
            name: "syntax_error",
            file: "query.sql",
            source: "selec 1;\n",
            status: "runtime_error",
            exit_code: Some(1),
            diagnostic: "syntax error",
            ..BASE
        },
    ]);
}

#[test]
fn sql_runs_against_a_copy_of_the_database() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("data.sqlite");
    let setup = Command::new("/usr/bin/sqlite3")
        .arg(&db)
        .arg("create table t(a int); insert into t values (1), (2), (3);")
        .status()
        .expect("sqlite3");
    assert!(setup.success());
    let before = std::fs::read(&db).expect("read db");
    let query = dir.path().join("q.sql");
    std::fs::write(
        &query,
        "delete from t where a = 1;\nselect count(*) from t;\n",
    )
    .expect("write query");
    let output = Command::new(env!("CARGO_BIN_EXE_tandem"))
        .args(["run", "--no-cache", "--db"])
        .arg(&db)
        .arg(&query)
        .output()
        .expect("tandem");
    let report: Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(report["status"], "ok", "{report}");
    assert_eq!(report["stdout"], "2\n");
    assert_eq!(
        std::fs::read(&db).expect("read db"),
        before,
        "the caller's database is unchanged"
    );
}
