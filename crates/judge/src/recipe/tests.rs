//! Recipes rendered as text: one line per step with its argv, so a change in any command is a
//! visible, reviewable diff.

use std::path::PathBuf;

use tandem_sandbox::{Bind, Limits};

use super::*;
use crate::language::Language;
use crate::toolchain::Toolchain;

fn toolchain(language: Language) -> Toolchain {
    let path = |p: &str| Some(PathBuf::from(p));
    let (compiler, runtime) = match language {
        Language::Python => (None, path("/usr/bin/python3.11")),
        Language::Javascript => (None, path("/usr/bin/node")),
        Language::Typescript => (path("/nm/typescript/lib/tsc.js"), path("/usr/bin/node")),
        Language::C => (path("/usr/bin/gcc"), None),
        Language::Cpp => (path("/usr/bin/g++"), None),
        Language::Java => (path("/jdk/bin/javac"), path("/jdk/bin/java")),
        Language::Rust => (path("/rust/bin/rustc"), None),
        Language::Go => (path("/go/bin/go"), None),
        Language::Sql => (None, path("/usr/bin/sqlite3")),
    };
    Toolchain {
        language,
        version: "test 1.0".into(),
        compiler,
        runtime,
        node_modules: (language == Language::Typescript).then(|| PathBuf::from("/nm")),
        binds: vec![Bind::same("/usr")],
    }
}

fn render(language: Language, source: &str, options: &RunOptions) -> String {
    let recipe = match build(
        &toolchain(language),
        source.as_bytes(),
        options,
        &Limits::default(),
    ) {
        Ok(recipe) => recipe,
        Err(e) => return format!("error: {e}"),
    };
    let mut lines = vec![format!(
        "source: {} ({:?})",
        recipe.source_path, recipe.source_use
    )];
    if let Some(compile) = &recipe.compile {
        lines.push(format!("compile: {}", compile.step.argv.join(" ")));
        lines.push(format!(
            "collect: {} (required {})",
            compile.collect.join(" "),
            compile.required
        ));
    }
    lines.push(format!("run: {}", recipe.run.argv.join(" ")));
    for file in &recipe.run_files {
        lines.push(format!(
            "file: {} ({} bytes)",
            file.path,
            file.contents.len()
        ));
    }
    lines.join("\n")
}

fn check(language: Language, source: &str, options: &RunOptions, expected: &str) {
    let actual = render(language, source, options);
    assert_eq!(
        actual.trim(),
        expected.trim(),
        "\n--- actual ---\n{actual}\n"
    );
}

fn check_default(language: Language, expected: &str) {
    check(language, "", &RunOptions::default(), expected);
}

#[test]
fn python() {
    check_default(
        Language::Python,
        "source: main.py (File)
run: /usr/bin/python3.11 -B -s main.py",
    );
}

#[test]
fn javascript() {
    check_default(
        Language::Javascript,
        "source: main.js (File)
run: /usr/bin/node --max-old-space-size=256 --stack-size=49152 main.js",
    );
    let module = RunOptions {
        es_module: true,
        ..RunOptions::default()
    };
    check(
        Language::Javascript,
        "",
        &module,
        "source: main.mjs (File)
run: /usr/bin/node --max-old-space-size=256 --stack-size=49152 main.mjs",
    );
}

#[test]
fn typescript() {
    check_default(
        Language::Typescript,
        "source: main.ts (NotNeeded)
compile: /usr/bin/node --max-old-space-size=768 /nm/typescript/lib/tsc.js --target es2022 --module commonjs --strict false --skipLibCheck --types node --typeRoots /nm/@types --noEmitOnError --pretty false --outDir out main.ts
collect: out/main.js (required out/main.js)
run: /usr/bin/node --max-old-space-size=256 --stack-size=49152 out/main.js",
    );
}

#[test]
fn c_and_cpp() {
    check_default(
        Language::C,
        "source: main.c (NotNeeded)
compile: /usr/bin/gcc -O2 -std=c17 -pipe -o main main.c -lm
collect: main (required main)
run: /box/main",
    );
    check_default(
        Language::Cpp,
        "source: main.cpp (NotNeeded)
compile: /usr/bin/g++ -O2 -std=c++17 -pipe -o main main.cpp
collect: main (required main)
run: /box/main",
    );
    let cpp20 = RunOptions {
        standard: Some(Standard::Cpp20),
        ..RunOptions::default()
    };
    check(
        Language::Cpp,
        "",
        &cpp20,
        "source: main.cpp (NotNeeded)
compile: /usr/bin/g++ -O2 -std=c++20 -pipe -o main main.cpp
collect: main (required main)
run: /box/main",
    );
    check(
        Language::C,
        "",
        &cpp20,
        "error: invalid request for c: --std c++20 applies to cpp, not c",
    );
}

#[test]
fn java() {
    check(
        Language::Java,
        "package p;\npublic class Solution { public static void main(String[] a) {} }",
        &RunOptions::default(),
        "source: Solution.java (NotNeeded)
compile: /jdk/bin/javac -J-Xmx512m -J-XX:+UseSerialGC -J-XX:TieredStopAtLevel=1 -J-XX:-UsePerfData -J-Xshare:auto -d out -encoding UTF-8 Solution.java
collect: out (required out/p/Solution.class)
run: /jdk/bin/java -Xmx256m -Xss64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:-UsePerfData -Xshare:auto -cp out p.Solution",
    );
}

#[test]
fn rust_and_go() {
    check_default(
        Language::Rust,
        "source: main.rs (NotNeeded)
compile: /rust/bin/rustc -O --edition 2021 -C strip=debuginfo -o main main.rs
collect: main (required main)
run: /box/main",
    );
    check_default(
        Language::Go,
        "source: main.go (NotNeeded)
compile: /go/bin/go build -o main main.go
collect: main (required main)
run: /box/main",
    );
}

#[test]
fn sql() {
    check_default(
        Language::Sql,
        "source: query.sql (Stdin)
run: /usr/bin/sqlite3 -bail -batch",
    );
    let with_db = RunOptions {
        database: Some(vec![0; 100]),
        ..RunOptions::default()
    };
    check(
        Language::Sql,
        "",
        &with_db,
        "source: query.sql (Stdin)
run: /usr/bin/sqlite3 -bail -batch db.sqlite
file: db.sqlite (100 bytes)",
    );
    check(
        Language::Python,
        "",
        &with_db,
        "error: invalid request for python: a database applies to sql only",
    );
}

#[test]
fn every_step_has_a_complete_environment() {
    for language in Language::ALL {
        let recipe = build(
            &toolchain(language),
            b"",
            &RunOptions::default(),
            &Limits::default(),
        )
        .expect("recipe");
        let steps = recipe.compile.iter().map(|c| &c.step).chain([&recipe.run]);
        for step in steps {
            let has = |key: &str| step.env.iter().any(|(k, _)| k == key);
            assert!(
                has("PATH") && has("HOME") && has("LANG"),
                "{language}: {:?}",
                step.env
            );
            assert!(
                step.argv[0].starts_with('/'),
                "{language}: argv[0] must be absolute"
            );
        }
    }
}
