//! Java: the file must be named after its public class, so the recipe reads the class (and
//! package) name from the source; compiled with javac into `out/`, run with a heap sized to the
//! memory limit.

use tandem_sandbox::Limits;

use super::{
    Compile, Recipe, SourceUse, Step, args, base_env, compile_limits, compile_mounts, compiler,
    memory_mib, run_mounts, runtime,
};
use crate::toolchain::Toolchain;

/// JVM flags for a short-lived program: one GC thread, fast start (C1 only), no perf data
/// files in /tmp.
const JVM_FLAGS: [&str; 4] = [
    "-XX:+UseSerialGC",
    "-XX:TieredStopAtLevel=1",
    "-XX:-UsePerfData",
    "-Xshare:auto",
];

pub(super) fn java(
    toolchain: &Toolchain,
    source: &[u8],
    limits: &Limits,
) -> Result<Recipe, String> {
    let names = JavaNames::of(&String::from_utf8_lossy(source));
    let source_path = format!("{}.java", names.class);
    let mut compile_argv = vec![compiler(toolchain)?];
    // javac runs on a JVM too; without an explicit heap it sizes itself from the host's memory.
    compile_argv.push("-J-Xmx512m".into());
    compile_argv.extend(JVM_FLAGS.iter().map(|flag| format!("-J{flag}")));
    compile_argv.extend(args(&["-d", "out", "-encoding", "UTF-8", &source_path]));

    let mut run_argv = vec![
        runtime(toolchain)?,
        format!("-Xmx{}m", memory_mib(limits)),
        "-Xss64m".into(),
    ];
    run_argv.extend(args(&JVM_FLAGS));
    run_argv.extend(args(&["-cp", "out", &names.main_class()]));

    Ok(Recipe {
        compile: Some(Compile {
            step: Step {
                argv: compile_argv,
                env: base_env(),
                limits: compile_limits(),
                mounts: compile_mounts(toolchain),
            },
            collect: args(&["out"]),
            required: format!("out/{}.class", names.main_class().replace('.', "/")),
        }),
        source_path,
        run: Step {
            argv: run_argv,
            env: base_env(),
            limits: *limits,
            mounts: run_mounts(toolchain),
        },
        source_use: SourceUse::NotNeeded,
        run_files: Vec::new(),
    })
}

/// The package and main class of a Java source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct JavaNames {
    pub package: Option<String>,
    /// The public top-level type (the file must be named after it); without one, the first
    /// top-level class declaring `main`; without that, `Main`.
    pub class: String,
}

impl JavaNames {
    pub fn of(source: &str) -> Self {
        let tokens = tokens(&strip_comments_and_literals(source));
        let mut package = None;
        let mut public = None;
        let mut with_main = None;
        // The top-level type whose body we are in, and whether `public` preceded a declaration.
        let mut current: Option<String> = None;
        let mut saw_public = false;
        let mut depth = 0usize;
        let mut i = 0;
        while i < tokens.len() {
            let token = tokens[i].as_str();
            match token {
                "{" => depth += 1,
                "}" => depth = depth.saturating_sub(1),
                "package" if depth == 0 && package.is_none() => {
                    let mut name = String::new();
                    i += 1;
                    while i < tokens.len() && tokens[i] != ";" {
                        name.push_str(&tokens[i]);
                        i += 1;
                    }
                    if is_qualified_name(&name) {
                        package = Some(name);
                    }
                }
                "public" if depth == 0 => saw_public = true,
                "class" | "interface" | "enum" | "record" if depth == 0 => {
                    if let Some(name) = tokens.get(i + 1).filter(|n| is_identifier(n)) {
                        if saw_public && public.is_none() {
                            public = Some(name.clone());
                        }
                        current = Some(name.clone());
                    }
                    saw_public = false;
                }
                "main" if depth == 1 && with_main.is_none() => {
                    let is_method = i > 0
                        && tokens[i - 1] == "void"
                        && tokens.get(i + 1).is_some_and(|t| t == "(");
                    if is_method {
                        with_main = current.clone();
                    }
                }
                ";" if depth == 0 => saw_public = false,
                _ => {}
            }
            i += 1;
        }
        let class = public.or(with_main).unwrap_or_else(|| "Main".into());
        Self { package, class }
    }

    /// The name `java` is given: `pkg.Class` or `Class`.
    pub fn main_class(&self) -> String {
        match &self.package {
            Some(package) => format!("{package}.{}", self.class),
            None => self.class.clone(),
        }
    }
}

fn is_identifier(token: &str) -> bool {
    let mut chars = token.chars();
    chars
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_' || c == '$')
        && chars.all(|c| c.is_alphanumeric() || c == '_' || c == '$')
}

fn is_qualified_name(name: &str) -> bool {
    !name.is_empty() && name.split('.').all(is_identifier)
}

/// Replaces comments and string/char literals (text blocks included) by spaces, so that a
/// `public class` inside them is not mistaken for a declaration.
fn strip_comments_and_literals(source: &str) -> String {
    let chars: Vec<char> = source.chars().collect();
    let mut out = String::with_capacity(source.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            i += 2;
            while i < chars.len() && !chars[i..].starts_with(&['*', '/']) {
                i += 1;
            }
            i += 2;
            out.push(' ');
        } else if rest.starts_with(&['"', '"', '"']) {
            i += 3;
            while i < chars.len() && !chars[i..].starts_with(&['"', '"', '"']) {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 3;
            out.push(' ');
        } else if rest[0] == '"' || rest[0] == '\'' {
            let quote = rest[0];
            i += 1;
            while i < chars.len() && chars[i] != quote && chars[i] != '\n' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push(' ');
        } else {
            out.push(rest[0]);
            i += 1;
        }
    }
    out
}

/// Identifiers (with `.` kept for qualified names) and single punctuation characters.
fn tokens(text: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() || matches!(c, '_' | '$' | '.') {
            word.push(c);
        } else {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            if !c.is_whitespace() {
                tokens.push(c.to_string());
            }
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    fn main_class(source: &str) -> String {
        JavaNames::of(source).main_class()
    }

    #[test]
    fn class_and_package_names() {
        let table = [
            (
                "public class Main { public static void main(String[] a) {} }",
                "Main",
            ),
            ("public final class Solution {}", "Solution"),
            ("class Helper {} public class App { class Inner {} }", "App"),
            (
                "class NoPublic { public static void main(String[] a) {} }",
                "NoPublic",
            ),
            (
                "class Node {}\nclass Solver { static void main(String[] a) {} }",
                "Solver",
            ),
            ("class Node { void main2() {} }", "Main"),
            ("package a.b;\npublic class X {}", "a.b.X"),
            (
                "// public class Fake\n/* public class Fake2 */ public class Real {}",
                "Real",
            ),
            (
                "class A { String s = \"public class Fake {\"; }\npublic class Real {}",
                "Real",
            ),
            ("public class Outer { public class Inner {} }", "Outer"),
            (
                "import java.util.*;\npublic record Point(int x, int y) {}",
                "Point",
            ),
        ];
        for (source, expected) in table {
            assert_eq!(main_class(source), expected, "{source}");
        }
    }

    #[test]
    fn text_blocks_and_chars_are_skipped() {
        let source = "class A { String t = \"\"\"\npublic class Fake {}\n\"\"\"; char c = '\"'; }\npublic class Real {}";
        assert_eq!(main_class(source), "Real");
    }
}
