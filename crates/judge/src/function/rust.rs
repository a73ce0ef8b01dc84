//! Function-mode stub and harness for Rust (docs/harness-protocol.md).
//!
//! The learner writes `impl Solution { pub fn snake_name(..) -> RET { .. } }` (LeetCode's
//! template, including its own `use` lines); the composed file is their code unchanged, then
//! the harness: `struct Solution;`, `ListNode`/`TreeNode` where the signature uses them (as
//! LeetCode defines them, with `i64` values), and a module `tandem_harness` with the
//! type-directed decoders and encoders generated here, and `fn main`.
//!
//! The harness imports nothing at the top level (it spells `std::rc::Rc` and friends in full),
//! so the learner's `use std::collections::HashMap;` never clashes with it. Where the learner
//! defines `struct Solution`, `struct ListNode`/`impl ListNode` (pasted from the stub's
//! comment) or the same for `TreeNode`, the harness leaves out its own.
//!
//! - Records go to a duplicate of the real fd 1; during each call fd 1 is a pipe drained by a
//!   thread that keeps the first 64 KiB, so `println!` is captured per test (a pipe, not a
//!   file: RLIMIT_FSIZE does not apply and the excess is simply dropped).
//! - Panics are caught with `catch_unwind` (the panic hook stays silent during a call) and
//!   reported as `panic: <message>`.
//! - Calls run on a thread with a 512 MiB stack (untouched stack pages cost no memory), so
//!   recursion 10^5 deep and the recursive drop of a long `Box` list work. A stack overflow
//!   aborts the process (Rust cannot recover from it); infinite recursion usually reaches the
//!   memory limit first.
//! - CPU time per call is the process's `getrusage(RUSAGE_SELF)` user + system time, declared
//!   `extern "C"` (libc is linked into every Rust program). Not CLOCK_PROCESS_CPUTIME_ID: with
//!   RLIMIT_CPU set (the sandbox sets it) the kernel serves that clock from the process CPU
//!   timer, which only advances with the scheduler tick (4 ms), so short calls read 0.

use std::fmt::Write;

use tandem_problems::{Signature, Type};

use super::{HarnessError, snake_case, unsupported};
use crate::language::Language;

/// Keywords that need `r#` as identifiers (strict and reserved, edition 2021).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "do", "dyn",
    "else", "enum", "extern", "false", "final", "fn", "for", "if", "impl", "in", "let", "loop",
    "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref", "return", "static",
    "struct", "trait", "true", "try", "type", "typeof", "unsafe", "unsized", "use", "virtual",
    "where", "while", "yield",
];

/// `pairSum` → `pair_sum`; a keyword becomes a raw identifier, and the four names that cannot
/// be raw get a trailing underscore.
fn ident(name: &str) -> String {
    let snake = snake_case(name);
    if matches!(snake.as_str(), "self" | "super" | "crate" | "_") {
        format!("{snake}_")
    } else if KEYWORDS.contains(&snake.as_str()) {
        format!("r#{snake}")
    } else {
        snake
    }
}

fn check(ty: &Type) -> Result<(), HarnessError> {
    match ty {
        Type::Any => Err(unsupported(
            Language::Rust,
            "the signature uses `any`, which only python, javascript and typescript accept",
        )),
        Type::List(inner) | Type::Map(inner) => check(inner),
        _ => Ok(()),
    }
}

fn check_signature(signature: &Signature) -> Result<(), HarnessError> {
    for param in &signature.params {
        check(&param.ty)?;
    }
    check(&signature.returns)
}

/// The type as the learner writes it (with their `use` lines in scope).
fn user_type(ty: &Type) -> String {
    match ty {
        Type::Int => "i64".into(),
        Type::Float => "f64".into(),
        Type::Bool => "bool".into(),
        Type::String | Type::Any => "String".into(),
        Type::List(inner) => format!("Vec<{}>", user_type(inner)),
        Type::Map(inner) => format!("HashMap<String, {}>", user_type(inner)),
        Type::ListNode => "Option<Box<ListNode>>".into(),
        Type::TreeNode => "Option<Rc<RefCell<TreeNode>>>".into(),
    }
}

/// The same type as the harness spells it: full paths, nothing imported.
fn harness_type(ty: &Type) -> String {
    match ty {
        Type::Int => "i64".into(),
        Type::Float => "f64".into(),
        Type::Bool => "bool".into(),
        Type::String | Type::Any => "String".into(),
        Type::List(inner) => format!("Vec<{}>", harness_type(inner)),
        Type::Map(inner) => format!("std::collections::HashMap<String, {}>", harness_type(inner)),
        Type::ListNode => "Option<Box<super::ListNode>>".into(),
        Type::TreeNode => "Option<std::rc::Rc<std::cell::RefCell<super::TreeNode>>>".into(),
    }
}

/// A name for the generated decoder/encoder of `ty`.
fn key(ty: &Type) -> String {
    match ty {
        Type::Int => "int".into(),
        Type::Float => "float".into(),
        Type::Bool => "bool".into(),
        Type::String | Type::Any => "string".into(),
        Type::List(inner) => format!("list_{}", key(inner)),
        Type::Map(inner) => format!("map_{}", key(inner)),
        Type::ListNode => "listnode".into(),
        Type::TreeNode => "treenode".into(),
    }
}

fn uses(ty: &Type, wanted: &Type) -> bool {
    match ty {
        Type::List(inner) | Type::Map(inner) => uses(inner, wanted),
        other => other == wanted,
    }
}

fn uses_map(ty: &Type) -> bool {
    match ty {
        Type::Map(_) => true,
        Type::List(inner) => uses_map(inner),
        _ => false,
    }
}

fn signature_uses(signature: &Signature, test: impl Fn(&Type) -> bool) -> bool {
    signature.params.iter().any(|p| test(&p.ty)) || test(&signature.returns)
}

const LIST_NODE_COMMENT: &str = "\
// Definition for singly-linked list.
// #[derive(PartialEq, Eq, Clone, Debug)]
// pub struct ListNode {
//   pub val: i64,
//   pub next: Option<Box<ListNode>>
// }
//
// impl ListNode {
//   #[inline]
//   fn new(val: i64) -> Self {
//     ListNode {
//       next: None,
//       val
//     }
//   }
// }
";

const TREE_NODE_COMMENT: &str = "\
// Definition for a binary tree node.
// #[derive(Debug, PartialEq, Eq)]
// pub struct TreeNode {
//   pub val: i64,
//   pub left: Option<Rc<RefCell<TreeNode>>>,
//   pub right: Option<Rc<RefCell<TreeNode>>>,
// }
//
// impl TreeNode {
//   #[inline]
//   pub fn new(val: i64) -> Self {
//     TreeNode {
//       val,
//       left: None,
//       right: None
//     }
//   }
// }
";

pub fn stub(signature: &Signature) -> Result<String, HarnessError> {
    check_signature(signature)?;
    let mut out = String::new();
    let lists = signature_uses(signature, |t| uses(t, &Type::ListNode));
    let trees = signature_uses(signature, |t| uses(t, &Type::TreeNode));
    if lists {
        out.push_str(LIST_NODE_COMMENT);
    }
    if trees {
        out.push_str(TREE_NODE_COMMENT);
        out.push_str("use std::rc::Rc;\nuse std::cell::RefCell;\n");
    }
    if signature_uses(signature, uses_map) {
        out.push_str("use std::collections::HashMap;\n");
    }
    if !out.is_empty() {
        out.push('\n');
    }
    let params: Vec<String> = signature
        .params
        .iter()
        .map(|p| format!("{}: {}", ident(&p.name), user_type(&p.ty)))
        .collect();
    let _ = write!(
        out,
        "impl Solution {{\n    pub fn {}({}) -> {} {{\n\n    }}\n}}\n",
        ident(&signature.name),
        params.join(", "),
        user_type(&signature.returns)
    );
    Ok(out)
}

/// The identifiers and keywords of `source` outside comments, string and char literals
/// (roughly: enough to find item definitions, not a full lexer). Block comments nest in Rust,
/// not in Go.
pub(super) fn code_words(source: &str, nested_comments: bool) -> Vec<&str> {
    let bytes = source.as_bytes();
    let mut kept = vec![false; bytes.len()];
    let mut i = 0;
    let mut depth = 0usize;
    while i < bytes.len() {
        let rest = &bytes[i..];
        if depth > 0 {
            if rest.starts_with(b"*/") {
                depth -= 1;
                i += 2;
            } else if nested_comments && rest.starts_with(b"/*") {
                depth += 1;
                i += 2;
            } else {
                i += 1;
            }
        } else if rest.starts_with(b"//") {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if rest.starts_with(b"/*") {
            depth = 1;
            i += 2;
        } else if bytes[i] == b'\'' {
            // A char literal ('x', '\n', 'é') is skipped; a lifetime ('a) is not one.
            let width = match bytes.get(i + 1) {
                Some(b'\\') => rest.iter().skip(3).position(|b| *b == b'\'').map(|p| p + 4),
                Some(first) => {
                    let len = match *first {
                        0xf0.. => 4,
                        0xe0.. => 3,
                        0xc0.. => 2,
                        _ => 1,
                    };
                    (rest.get(1 + len) == Some(&b'\'')).then_some(len + 2)
                }
                None => None,
            };
            i += width.unwrap_or(1);
        } else if bytes[i] == b'"' || bytes[i] == b'`' {
            let quote = bytes[i];
            i += 1;
            while i < bytes.len() && bytes[i] != quote {
                i += if bytes[i] == b'\\' && quote == b'"' {
                    2
                } else {
                    1
                };
            }
            i += 1;
        } else {
            kept[i] = true;
            i += 1;
        }
    }
    let mut words = Vec::new();
    let mut start = None;
    for (at, byte) in bytes.iter().enumerate() {
        let word_byte = kept[at] && (byte.is_ascii_alphanumeric() || *byte == b'_');
        match (word_byte, start) {
            (true, None) => start = Some(at),
            (false, Some(s)) => {
                words.push(&source[s..at]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        words.push(&source[s..]);
    }
    words
}

/// Whether `words` has `first` immediately followed by `second`.
pub(super) fn has_pair(words: &[&str], first: &str, second: &str) -> bool {
    words.windows(2).any(|w| w[0] == first && w[1] == second)
}

const LIST_NODE_DEF: &str = "
#[allow(dead_code)]
#[derive(PartialEq, Eq, Clone, Debug)]
pub struct ListNode {
    pub val: i64,
    pub next: Option<Box<ListNode>>,
}
";

const LIST_NODE_IMPL: &str = "
#[allow(dead_code)]
impl ListNode {
    #[inline]
    fn new(val: i64) -> Self {
        ListNode { next: None, val }
    }
}
";

const TREE_NODE_DEF: &str = "
#[allow(dead_code)]
#[derive(Debug, PartialEq, Eq)]
pub struct TreeNode {
    pub val: i64,
    pub left: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,
    pub right: Option<std::rc::Rc<std::cell::RefCell<TreeNode>>>,
}
";

const TREE_NODE_IMPL: &str = "
#[allow(dead_code)]
impl TreeNode {
    #[inline]
    pub fn new(val: i64) -> Self {
        TreeNode { val, left: None, right: None }
    }
}
";

/// The fixed part of the harness module: input reader, JSON helpers, capture, records, timing.
const RUNTIME: &str = r#"
    use std::io::{Read, Write};

    /// `struct rusage` (x86_64 and aarch64 Linux): two timevals, then 14 longs.
    #[repr(C)]
    struct TandemRusage {
        utime: [i64; 2],
        stime: [i64; 2],
        rest: [i64; 14],
    }

    extern "C" {
        fn dup(fd: i32) -> i32;
        fn dup2(fd: i32, fd2: i32) -> i32;
        fn getrusage(who: i32, usage: *mut TandemRusage) -> i32;
    }

    /// CPU time of the whole process, user + system (getrusage(RUSAGE_SELF): exact to the
    /// microsecond, where CLOCK_PROCESS_CPUTIME_ID only moves with the scheduler tick once
    /// RLIMIT_CPU is set, as it is in the sandbox).
    fn cpu_ns() -> u64 {
        let mut ru = TandemRusage { utime: [0; 2], stime: [0; 2], rest: [0; 14] };
        if unsafe { getrusage(0, &mut ru) } != 0 {
            return 0;
        }
        let micros = (ru.utime[0] + ru.stime[0]) * 1_000_000 + ru.utime[1] + ru.stime[1];
        (micros as u64).wrapping_mul(1000)
    }

    pub struct Reader {
        b: Vec<u8>,
        p: usize,
    }

    impl Reader {
        fn skip(&mut self) {
            while self.p < self.b.len() && matches!(self.b[self.p], b' ' | b'\n' | b'\r' | b'\t') {
                self.p += 1;
            }
        }
        fn token(&mut self) -> &[u8] {
            self.skip();
            let start = self.p;
            while self.p < self.b.len() && !matches!(self.b[self.p], b' ' | b'\n' | b'\r' | b'\t') {
                self.p += 1;
            }
            &self.b[start..self.p]
        }
        fn text(&mut self) -> &str {
            std::str::from_utf8(self.token()).expect("tandem: malformed input")
        }
        fn int(&mut self) -> i64 {
            self.text().parse().expect("tandem: malformed int")
        }
        fn count(&mut self) -> usize {
            self.text().parse().expect("tandem: malformed count")
        }
        fn opt_int(&mut self) -> Option<i64> {
            let t = self.text();
            if t == "null" { None } else { Some(t.parse().expect("tandem: malformed int")) }
        }
        fn float(&mut self) -> f64 {
            self.text().parse().expect("tandem: malformed float")
        }
        fn boolean(&mut self) -> bool {
            self.token() == b"1"
        }
        fn string(&mut self) -> String {
            let n = self.count();
            self.p += 1;
            let end = (self.p + n).min(self.b.len());
            let s = String::from_utf8_lossy(&self.b[self.p..end]).into_owned();
            self.p = end;
            s
        }
    }

    fn enc_i64(v: i64, out: &mut Vec<u8>) {
        let _ = write!(out, "{}", v);
    }

    fn enc_f64(v: f64, out: &mut Vec<u8>) {
        if v.is_nan() {
            out.extend_from_slice(b"\"NaN\"");
        } else if v.is_infinite() {
            out.extend_from_slice(if v > 0.0 { b"\"Infinity\"" } else { b"\"-Infinity\"" });
        } else {
            let _ = write!(out, "{:?}", v);
        }
    }

    fn enc_str(s: &str, out: &mut Vec<u8>) {
        out.push(b'"');
        for c in s.chars() {
            match c {
                '"' => out.extend_from_slice(b"\\\""),
                '\\' => out.extend_from_slice(b"\\\\"),
                '\n' => out.extend_from_slice(b"\\n"),
                '\r' => out.extend_from_slice(b"\\r"),
                '\t' => out.extend_from_slice(b"\\t"),
                c if (c as u32) < 0x20 => {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                }
                c => {
                    let mut buf = [0u8; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                }
            }
        }
        out.push(b'"');
    }

    fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
        if let Some(s) = payload.downcast_ref::<&str>() {
            (*s).to_string()
        } else if let Some(s) = payload.downcast_ref::<String>() {
            s.clone()
        } else {
            "Box<dyn Any>".to_string()
        }
    }

    thread_local! {
        static IN_CALL: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    const CAPTURE_LIMIT: usize = 65536;

    /// Points fd 1 at a fresh pipe drained by a thread that keeps the first 64 KiB.
    fn begin_capture() -> Option<std::thread::JoinHandle<Vec<u8>>> {
        let _ = std::io::stdout().flush();
        let (mut reader, writer) = std::io::pipe().ok()?;
        let drain = std::thread::Builder::new()
            .stack_size(256 << 10)
            .spawn(move || {
                let mut kept = Vec::new();
                let mut chunk = [0u8; 8192];
                loop {
                    match reader.read(&mut chunk) {
                        Ok(0) => break,
                        Ok(n) => {
                            let room = CAPTURE_LIMIT - kept.len();
                            kept.extend_from_slice(&chunk[..n.min(room)]);
                        }
                        Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
                        Err(_) => break,
                    }
                }
                kept
            })
            .ok()?;
        {
            use std::os::fd::AsRawFd;
            unsafe { dup2(writer.as_raw_fd(), 1) };
        }
        drop(writer);
        Some(drain)
    }

    /// Puts the real stdout back on fd 1 (closing the pipe) and returns what was captured.
    fn end_capture(drain: Option<std::thread::JoinHandle<Vec<u8>>>, real: i32) -> Vec<u8> {
        let _ = std::io::stdout().flush();
        unsafe { dup2(real, 1) };
        match drain {
            Some(handle) => handle.join().unwrap_or_default(),
            None => Vec::new(),
        }
    }

    fn call<R>(f: impl FnOnce() -> R, real: i32) -> (std::thread::Result<R>, u64, Vec<u8>) {
        let drain = begin_capture();
        IN_CALL.with(|c| c.set(true));
        let start = cpu_ns();
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
        let cpu = cpu_ns().saturating_sub(start);
        IN_CALL.with(|c| c.set(false));
        let printed = end_capture(drain, real);
        (result, cpu, printed)
    }

    fn record(
        out: &mut std::fs::File,
        nonce: &str,
        index: usize,
        status: &str,
        cpu: u64,
        payload: &[u8],
        printed: &[u8],
    ) {
        let mut rec = Vec::with_capacity(64 + nonce.len() + payload.len() + printed.len());
        let _ = write!(rec, "@@{} {} {} {}\n{} ", nonce, index, status, cpu, payload.len());
        rec.extend_from_slice(payload);
        let _ = write!(rec, "\n{} ", printed.len());
        rec.extend_from_slice(printed);
        rec.push(b'\n');
        let _ = out.write_all(&rec);
        let _ = out.flush();
    }

    fn outcome<R>(
        result: std::thread::Result<R>,
        encode: impl FnOnce(&R, &mut Vec<u8>) -> Result<(), String>,
    ) -> (&'static str, Vec<u8>) {
        match result {
            Ok(value) => {
                let mut out = Vec::new();
                let encoded = encode(&value, &mut out);
                drop(value);
                match encoded {
                    Ok(()) => ("ok", out),
                    Err(why) => ("bad", why.into_bytes()),
                }
            }
            Err(payload) => {
                let message = format!("panic: {}", panic_message(&*payload));
                std::mem::forget(payload);
                ("error", message.into_bytes())
            }
        }
    }

    pub fn run() {
        std::panic::set_hook(Box::new(|info| {
            if !IN_CALL.with(|c| c.get()) {
                eprintln!("{}", info);
            }
        }));
        // Untouched stack pages cost nothing; smaller sizes in case address space is limited.
        for size in [512usize << 20, 256 << 20, 64 << 20] {
            if let Ok(handle) = std::thread::Builder::new().name("main".into()).stack_size(size).spawn(body) {
                if handle.join().is_err() {
                    std::process::exit(101);
                }
                return;
            }
        }
        body();
    }
"#;

/// The decoder of `ty` (after those of its parts), once per type.
fn gen_decoder(ty: &Type, done: &mut Vec<String>, out: &mut String) {
    let k = key(ty);
    if done.contains(&k) {
        return;
    }
    done.push(k.clone());
    let t = harness_type(ty);
    match ty {
        Type::Int => out.push_str("    fn dec_int(r: &mut Reader) -> i64 { r.int() }\n"),
        Type::Float => out.push_str("    fn dec_float(r: &mut Reader) -> f64 { r.float() }\n"),
        Type::Bool => out.push_str("    fn dec_bool(r: &mut Reader) -> bool { r.boolean() }\n"),
        Type::String | Type::Any => {
            out.push_str("    fn dec_string(r: &mut Reader) -> String { r.string() }\n")
        }
        Type::List(inner) => {
            gen_decoder(inner, done, out);
            let ik = key(inner);
            let _ = writeln!(
                out,
                "    fn dec_{k}(r: &mut Reader) -> {t} {{
        let n = r.count();
        let mut v = Vec::with_capacity(n.min(1 << 20));
        for _ in 0..n {{
            v.push(dec_{ik}(r));
        }}
        v
    }}"
            );
        }
        Type::Map(inner) => {
            gen_decoder(inner, done, out);
            let ik = key(inner);
            let _ = writeln!(
                out,
                "    fn dec_{k}(r: &mut Reader) -> {t} {{
        let n = r.count();
        let mut m = std::collections::HashMap::with_capacity(n.min(1 << 20));
        for _ in 0..n {{
            let key = r.string();
            let value = dec_{ik}(r);
            m.insert(key, value);
        }}
        m
    }}"
            );
        }
        Type::ListNode => out.push_str(
            "    fn dec_listnode(r: &mut Reader) -> Option<Box<super::ListNode>> {
        let n = r.count();
        let vals: Vec<i64> = (0..n).map(|_| r.int()).collect();
        let mut head = None;
        for val in vals.into_iter().rev() {
            head = Some(Box::new(super::ListNode { val, next: head }));
        }
        head
    }
",
        ),
        Type::TreeNode => out.push_str(
            "    fn dec_treenode(
        r: &mut Reader,
    ) -> Option<std::rc::Rc<std::cell::RefCell<super::TreeNode>>> {
        let n = r.count();
        let vals: Vec<Option<i64>> = (0..n).map(|_| r.opt_int()).collect();
        let make = |val: i64| {
            std::rc::Rc::new(std::cell::RefCell::new(super::TreeNode { val, left: None, right: None }))
        };
        let root = make(vals.first().copied().flatten()?);
        let mut queue = std::collections::VecDeque::new();
        queue.push_back(root.clone());
        let mut i = 1;
        while i < n {
            let Some(node) = queue.pop_front() else { break };
            if let Some(val) = vals[i] {
                let child = make(val);
                node.borrow_mut().left = Some(child.clone());
                queue.push_back(child);
            }
            i += 1;
            if i < n {
                if let Some(val) = vals[i] {
                    let child = make(val);
                    node.borrow_mut().right = Some(child.clone());
                    queue.push_back(child);
                }
                i += 1;
            }
        }
        Some(root)
    }
",
        ),
    }
}

/// The JSON encoder of `ty` (after those of its parts), once per type.
fn gen_encoder(ty: &Type, done: &mut Vec<String>, out: &mut String) {
    let k = key(ty);
    if done.contains(&k) {
        return;
    }
    done.push(k.clone());
    if let Type::List(inner) | Type::Map(inner) = ty {
        gen_encoder(inner, done, out);
    }
    let t = harness_type(ty);
    let head = format!("    fn enc_{k}(v: &{t}, out: &mut Vec<u8>) -> Result<(), String> {{\n");
    out.push_str(&head);
    match ty {
        Type::Int => out.push_str("        enc_i64(*v, out);\n"),
        Type::Float => out.push_str("        enc_f64(*v, out);\n"),
        Type::Bool => {
            out.push_str("        out.extend_from_slice(if *v { b\"true\" } else { b\"false\" });\n")
        }
        Type::String | Type::Any => out.push_str("        enc_str(v, out);\n"),
        Type::List(inner) => {
            let _ = write!(
                out,
                "        out.push(b'[');
        for (i, x) in v.iter().enumerate() {{
            if i > 0 {{
                out.push(b',');
            }}
            enc_{}(x, out)?;
        }}
        out.push(b']');
",
                key(inner)
            );
        }
        Type::Map(inner) => {
            let _ = write!(
                out,
                "        out.push(b'{{');
        for (i, (key, x)) in v.iter().enumerate() {{
            if i > 0 {{
                out.push(b',');
            }}
            enc_str(key, out);
            out.push(b':');
            enc_{}(x, out)?;
        }}
        out.push(b'}}');
",
                key(inner)
            );
        }
        Type::ListNode => out.push_str(
            "        out.push(b'[');
        let mut cur = v.as_ref();
        let mut first = true;
        while let Some(node) = cur {
            if !first {
                out.push(b',');
            }
            first = false;
            enc_i64(node.val, out);
            cur = node.next.as_ref();
        }
        out.push(b']');
",
        ),
        Type::TreeNode => out.push_str(
            "        let mut vals: Vec<Option<i64>> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut queue = std::collections::VecDeque::new();
        queue.push_back(v.clone());
        while let Some(slot) = queue.pop_front() {
            match slot {
                None => vals.push(None),
                Some(node) => {
                    if !seen.insert(std::rc::Rc::as_ptr(&node)) {
                        return Err(\"the returned tree reaches a node twice (a cycle or a shared node)\".to_string());
                    }
                    let node = node.borrow();
                    vals.push(Some(node.val));
                    queue.push_back(node.left.clone());
                    queue.push_back(node.right.clone());
                }
            }
        }
        while vals.last() == Some(&None) {
            vals.pop();
        }
        out.push(b'[');
        for (i, val) in vals.iter().enumerate() {
            if i > 0 {
                out.push(b',');
            }
            match val {
                Some(x) => enc_i64(*x, out),
                None => out.extend_from_slice(b\"null\"),
            }
        }
        out.push(b']');
",
        ),
    }
    out.push_str("        Ok(())\n    }\n");
}

pub fn compose(signature: &Signature, user_source: &str) -> Result<String, HarnessError> {
    check_signature(signature)?;
    let words = code_words(user_source, true);
    let mut out = String::with_capacity(user_source.len() + (16 << 10));
    out.push_str(user_source);
    if !user_source.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("\n// ---- Tandem harness (generated) ----\n");
    if !has_pair(&words, "struct", "Solution") {
        out.push_str("#[allow(dead_code)]\nstruct Solution;\n");
    }
    if signature_uses(signature, |t| uses(t, &Type::ListNode)) {
        if !has_pair(&words, "struct", "ListNode") {
            out.push_str(LIST_NODE_DEF);
        }
        if !has_pair(&words, "impl", "ListNode") {
            out.push_str(LIST_NODE_IMPL);
        }
    }
    if signature_uses(signature, |t| uses(t, &Type::TreeNode)) {
        if !has_pair(&words, "struct", "TreeNode") {
            out.push_str(TREE_NODE_DEF);
        }
        if !has_pair(&words, "impl", "TreeNode") {
            out.push_str(TREE_NODE_IMPL);
        }
    }
    out.push_str(
        "\nfn main() {\n    tandem_harness::run();\n}\n\n\
         #[allow(unused, dead_code, non_snake_case, non_camel_case_types, clippy::all)]\n\
         mod tandem_harness {",
    );
    out.push_str(RUNTIME);

    let mut done = Vec::new();
    for param in &signature.params {
        gen_decoder(&param.ty, &mut done, &mut out);
    }
    let mut done = Vec::new();
    gen_encoder(&signature.returns, &mut done, &mut out);

    out.push_str(
        "
    fn body() {
        let mut input = Vec::new();
        let _ = std::io::stdin().read_to_end(&mut input);
        let mut r = Reader { b: input, p: 0 };
        let nonce = String::from_utf8_lossy(r.token()).into_owned();
        let count = r.count();
        let real = unsafe { dup(1) };
        if real < 0 {
            eprintln!(\"tandem: cannot duplicate stdout\");
            std::process::exit(1);
        }
        let mut out = {
            use std::os::fd::FromRawFd;
            unsafe { std::fs::File::from_raw_fd(real) }
        };
        for index in 0..count {
",
    );
    let mut args = Vec::new();
    for (i, param) in signature.params.iter().enumerate() {
        let _ = writeln!(
            out,
            "            let a{i} = dec_{}(&mut r);",
            key(&param.ty)
        );
        args.push(format!("a{i}"));
    }
    let _ = write!(
        out,
        "            let (result, cpu, printed) = call(move || super::Solution::{}({}), real);
            let (status, payload) = outcome(result, |v, o| enc_{}(v, o));
            record(&mut out, &nonce, index, status, cpu, &payload, &printed);
        }}
    }}
}}
",
        ident(&signature.name),
        args.join(", "),
        key(&signature.returns)
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tandem_problems::Param;

    fn sig(name: &str, params: &[(&str, &str)], returns: &str) -> Signature {
        Signature {
            name: name.into(),
            params: params
                .iter()
                .map(|(n, t)| Param {
                    name: (*n).into(),
                    ty: t.parse().expect("type"),
                })
                .collect(),
            returns: returns.parse().expect("type"),
        }
    }

    #[test]
    fn stub_of_a_plain_signature() {
        let s = sig(
            "pairSum",
            &[("nums", "list<int>"), ("target", "int")],
            "list<int>",
        );
        assert_eq!(
            stub(&s).expect("stub"),
            "impl Solution {\n    pub fn pair_sum(nums: Vec<i64>, target: i64) -> Vec<i64> {\n\n    }\n}\n"
        );
    }

    #[test]
    fn stub_with_maps_trees_and_lists() {
        let s = sig(
            "mergeAll",
            &[
                ("rootNode", "tree_node"),
                ("counts", "map<string,list<float>>"),
                ("type", "bool"),
            ],
            "list_node",
        );
        let expected = format!(
            "{LIST_NODE_COMMENT}{TREE_NODE_COMMENT}use std::rc::Rc;\nuse std::cell::RefCell;\n\
             use std::collections::HashMap;\n\nimpl Solution {{\n    pub fn merge_all(root_node: \
             Option<Rc<RefCell<TreeNode>>>, counts: HashMap<String, Vec<f64>>, r#type: bool) -> \
             Option<Box<ListNode>> {{\n\n    }}\n}}\n"
        );
        assert_eq!(stub(&s).expect("stub"), expected);
    }

    #[test]
    fn any_is_refused() {
        let s = sig("f", &[("x", "any")], "int");
        assert!(stub(&s).is_err());
        assert!(compose(&s, "").is_err());
    }

    #[test]
    fn compose_keeps_the_user_code_first_and_skips_their_own_definitions() {
        let s = sig("f", &[("head", "list_node")], "list_node");
        let user = "struct Solution;\n// struct ListNode {}\nimpl Solution { pub fn f(head: Option<Box<ListNode>>) -> Option<Box<ListNode>> { head } }\n";
        let program = compose(&s, user).expect("composes");
        assert!(program.starts_with(user));
        let harness = &program[user.len()..];
        assert!(!harness.contains("struct Solution;"));
        assert!(harness.contains("pub struct ListNode"));
        assert!(harness.contains("impl ListNode"));
        assert!(!harness.contains("TreeNode"));
        assert!(harness.contains("super::Solution::f(a0)"));
    }

    #[test]
    fn words_skip_comments_and_strings() {
        let words = code_words(
            "/* struct A /* nested */ still */ let s = \"struct B\"; // struct C\n\
             let q = '\"'; let e = '\\''; fn f<'a>() {} struct D",
            true,
        );
        assert!(!has_pair(&words, "struct", "A"));
        assert!(!has_pair(&words, "struct", "B"));
        assert!(!has_pair(&words, "struct", "C"));
        assert!(has_pair(&words, "struct", "D"));
    }
}
