//! Function mode in Java (docs/harness-protocol.md).
//!
//! The composed `Main.java` is the user's code, then (only if the signature uses them and the
//! user did not define them) LeetCode's `ListNode` / `TreeNode`, then `public class Main` with
//! the harness (`TandemMain` if the user has a top-level `Main` of their own). Java needs imports before any class, so the harness's imports are put in front
//! of the user's FIRST line, on that same line: every user line keeps its number.
//!
//! Two edits of the user's text keep the file compilable as `Main.java` without moving a
//! column: a top-level `public` modifier (`public class Solution`, a pasted
//! `public class ListNode`) is replaced by spaces, since only the harness's `Main` may be public
//! in a file named after it; a `package` declaration is blanked the same way (imports must not
//! come before it, and the program runs from the default package).
//!
//! Readers and JSON writers are generated per type from the signature (`tandemR_LLI` reads a
//! `long[][]`). All tests run in one worker thread with a large stack (deep recursion of 10^5
//! frames works); each test runs with `System.out` set to a capped in-memory stream (the first
//! 64 KiB of what the call printed is kept), and records are written through a
//! `FileOutputStream` on `FileDescriptor.out` opened at start, one write per record. Times are
//! the worker thread's CPU time (`ThreadMXBean.getCurrentThreadCpuTime`). A `Throwable`
//! (exceptions, `StackOverflowError`, `OutOfMemoryError`) becomes an `error` record
//! `java.lang.StackOverflowError` / `ClassName: message` and the next test runs.

use std::collections::BTreeMap;

use tandem_problems::{Signature, Type};

use super::HarnessError;
use super::cpp::{c_like_tokens, signature_uses};

/// Imports LeetCode's Java environment provides; prefixed to the user's first line.
const IMPORTS: &str = "import java.util.*; import java.util.function.*; import java.util.stream.*; import java.math.*; import java.io.*; ";

/// Stack of the thread that runs the tests: a quarter of the heap limit (which the recipe sets
/// to the memory limit), between 16 and 512 MiB. 64 MiB under the default 256 MiB limit: deep
/// enough for recursion 10^5 deep, and small enough that runaway recursion ends in a
/// `StackOverflowError` record instead of the memory limit killing the process.
const STACK_BYTES: &str = "java.lang.Math.max(16L << 20, java.lang.Math.min(512L << 20, Runtime.getRuntime().maxMemory() / 4))";

/// The Java type of `ty` as the user writes it (with `java.util.*` imported).
fn user_type(ty: &Type) -> String {
    match ty {
        Type::Int => "long".into(),
        Type::Float => "double".into(),
        Type::Bool => "boolean".into(),
        Type::String => "String".into(),
        Type::List(inner) => format!("{}[]", user_type(inner)),
        Type::Map(inner) => format!("Map<String, {}>", boxed(inner, false)),
        Type::ListNode => "ListNode".into(),
        Type::TreeNode => "TreeNode".into(),
        // Refused by mod.rs before we get here.
        Type::Any => "Object".into(),
    }
}

/// The same type, fully qualified where it matters, for the harness.
fn harness_type(ty: &Type) -> String {
    match ty {
        Type::List(inner) => format!("{}[]", harness_type(inner)),
        Type::Map(inner) => format!("java.util.Map<String, {}>", boxed(inner, true)),
        other => user_type(other),
    }
}

fn boxed(ty: &Type, harness: bool) -> String {
    match ty {
        Type::Int => "Long".into(),
        Type::Float => "Double".into(),
        Type::Bool => "Boolean".into(),
        other if harness => harness_type(other),
        other => user_type(other),
    }
}

/// The type's erasure (what `new` can create an array of).
fn erased(ty: &Type) -> String {
    match ty {
        Type::List(inner) => format!("{}[]", erased(inner)),
        Type::Map(_) => "java.util.Map".into(),
        other => harness_type(other),
    }
}

/// A short name for generated method names: `list<list<int>>` → `LLI`.
fn mangle(ty: &Type) -> String {
    match ty {
        Type::Int => "I".into(),
        Type::Float => "F".into(),
        Type::Bool => "B".into(),
        Type::String => "S".into(),
        Type::List(inner) => format!("L{}", mangle(inner)),
        Type::Map(inner) => format!("M{}", mangle(inner)),
        Type::ListNode => "N".into(),
        Type::TreeNode => "T".into(),
        Type::Any => "A".into(),
    }
}

const LIST_NODE_COMMENT: &str = "/**
 * Definition for singly-linked list.
 * public class ListNode {
 *     int val;
 *     ListNode next;
 *     ListNode() {}
 *     ListNode(int val) { this.val = val; }
 *     ListNode(int val, ListNode next) { this.val = val; this.next = next; }
 * }
 */
";

const TREE_NODE_COMMENT: &str = "/**
 * Definition for a binary tree node.
 * public class TreeNode {
 *     int val;
 *     TreeNode left;
 *     TreeNode right;
 *     TreeNode() {}
 *     TreeNode(int val) { this.val = val; }
 *     TreeNode(int val, TreeNode left, TreeNode right) {
 *         this.val = val;
 *         this.left = left;
 *         this.right = right;
 *     }
 * }
 */
";

const LIST_NODE: &str = "class ListNode {
    int val;
    ListNode next;
    ListNode() {}
    ListNode(int val) { this.val = val; }
    ListNode(int val, ListNode next) { this.val = val; this.next = next; }
}
";

const TREE_NODE: &str = "class TreeNode {
    int val;
    TreeNode left;
    TreeNode right;
    TreeNode() {}
    TreeNode(int val) { this.val = val; }
    TreeNode(int val, TreeNode left, TreeNode right) {
        this.val = val;
        this.left = left;
        this.right = right;
    }
}
";

pub fn stub(signature: &Signature) -> Result<String, HarnessError> {
    let mut out = String::new();
    if signature_uses(signature, &Type::ListNode) {
        out.push_str(LIST_NODE_COMMENT);
    }
    if signature_uses(signature, &Type::TreeNode) {
        out.push_str(TREE_NODE_COMMENT);
    }
    let params: Vec<String> = signature
        .params
        .iter()
        .map(|p| format!("{} {}", user_type(&p.ty), p.name))
        .collect();
    out.push_str(&format!(
        "class Solution {{\n    public {} {}({}) {{\n\n    }}\n}}\n",
        user_type(&signature.returns),
        signature.name,
        params.join(", ")
    ));
    Ok(out)
}

/// The user's source with top-level `public` modifiers and a `package` declaration blanked
/// (columns and lines kept), and the names of its top-level types.
fn prepare(source: &str) -> (String, Vec<String>) {
    let tokens = c_like_tokens(source, true);
    let mut blank: Vec<(usize, usize)> = Vec::new();
    let mut names = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < tokens.len() {
        let token = tokens[i];
        match token.text {
            "{" => depth += 1,
            "}" => depth = depth.saturating_sub(1),
            "public" if depth == 0 => blank.push((token.at, token.at + token.text.len())),
            "package" if depth == 0 => {
                let end = tokens[i..]
                    .iter()
                    .find(|t| t.text == ";")
                    .map_or(source.len(), |t| t.at + 1);
                blank.push((token.at, end));
                while i + 1 < tokens.len() && tokens[i + 1].at < end {
                    i += 1;
                }
            }
            "class" | "interface" | "enum" | "record" if depth == 0 => {
                if let Some(name) = tokens.get(i + 1) {
                    names.push(name.text.to_string());
                }
            }
            _ => {}
        }
        i += 1;
    }
    let mut out = String::with_capacity(source.len());
    let mut at = 0;
    for (start, end) in blank {
        out.push_str(&source[at..start]);
        out.extend(
            source[start..end]
                .chars()
                .map(|c| if c == '\n' { '\n' } else { ' ' }),
        );
        at = end;
    }
    out.push_str(&source[at..]);
    (out, names)
}

pub fn compose(signature: &Signature, user_source: &str) -> Result<String, HarnessError> {
    let user = user_source.strip_prefix('\u{feff}').unwrap_or(user_source);
    let (user, names) = prepare(user);
    let defined = |name: &str| names.iter().any(|n| n == name);
    // A user who kept a `Main` of their own (a local test driver) keeps it; the harness class
    // (the file's only public class, which names the file) then takes another name.
    let main_class = if defined("Main") {
        "TandemMain"
    } else {
        "Main"
    };

    let mut out = String::with_capacity(user.len() + 16 * 1024);
    out.push_str(IMPORTS);
    out.push_str(&user);
    if !user.ends_with('\n') {
        out.push('\n');
    }
    if signature_uses(signature, &Type::ListNode) && !defined("ListNode") {
        out.push_str(LIST_NODE);
    }
    if signature_uses(signature, &Type::TreeNode) && !defined("TreeNode") {
        out.push_str(TREE_NODE);
    }

    let mut methods = BTreeMap::new();
    let mut decode = String::new();
    let mut args = Vec::new();
    for (i, p) in signature.params.iter().enumerate() {
        reader(&p.ty, &mut methods);
        decode.push_str(&format!(
            "            {} tandemA{i} = tandemR_{}();\n",
            harness_type(&p.ty),
            mangle(&p.ty)
        ));
        args.push(format!("tandemA{i}"));
    }
    writer(&signature.returns, &mut methods);
    let call = format!(
        "{} tandemResult = tandemSolution.{}({});\n",
        harness_type(&signature.returns),
        signature.name,
        args.join(", ")
    );
    let encode = format!(
        "tandemW_{}(tandemOut, tandemResult);\n",
        mangle(&signature.returns)
    );
    let mut generated: String = methods.into_values().collect();
    if signature_uses(signature, &Type::ListNode) {
        generated.push_str(LIST_HELPERS);
    }
    if signature_uses(signature, &Type::TreeNode) {
        generated.push_str(TREE_HELPERS);
    }
    out.push_str(
        &MAIN
            .replace("@MAIN@", main_class)
            .replace("@STACK@", STACK_BYTES)
            .replace("@DECODE@", &decode)
            .replace("@CALL@", &call)
            .replace("@ENCODE@", &encode)
            .replace("@METHODS@", &generated),
    );
    Ok(out)
}

/// Adds `tandemR_<mangle>()` for `ty` (and what it needs) to `methods`.
fn reader(ty: &Type, methods: &mut BTreeMap<String, String>) {
    let name = format!("R_{}", mangle(ty));
    if methods.contains_key(&name) {
        return;
    }
    let t = harness_type(ty);
    let m = mangle(ty);
    let body = match ty {
        Type::Int => format!("    static long tandemR_{m}() {{ return tandemLong(); }}\n"),
        Type::Float => format!("    static double tandemR_{m}() {{ return tandemDouble(); }}\n"),
        Type::Bool => format!("    static boolean tandemR_{m}() {{ return tandemLong() != 0; }}\n"),
        Type::String => format!("    static String tandemR_{m}() {{ return tandemString(); }}\n"),
        Type::ListNode => format!("    static ListNode tandemR_{m}() {{ return tandemList(); }}\n"),
        Type::TreeNode => format!("    static TreeNode tandemR_{m}() {{ return tandemTree(); }}\n"),
        Type::List(inner) => {
            reader(inner, methods);
            let element = harness_type(inner);
            let base = erased(inner);
            let dims = base.matches("[]").count();
            let base = base.trim_end_matches("[]");
            let create = format!("new {base}[tandemN]{}", "[]".repeat(dims));
            let (cast, suppress) = if element.contains('<') {
                (format!("({t}) "), "    @SuppressWarnings(\"unchecked\")\n")
            } else {
                (String::new(), "")
            };
            format!(
                "{suppress}    static {t} tandemR_{m}() {{
        int tandemN = tandemCount();
        {t} tandemV = {cast}{create};
        for (int i = 0; i < tandemN; i++) tandemV[i] = tandemR_{inner_m}();
        return tandemV;
    }}
",
                inner_m = mangle(inner)
            )
        }
        Type::Map(inner) => {
            reader(inner, methods);
            format!(
                "    static {t} tandemR_{m}() {{
        int tandemN = tandemCount();
        java.util.HashMap<String, {b}> tandemV = new java.util.HashMap<>();
        for (int i = 0; i < tandemN; i++) {{
            String tandemK = tandemString();
            tandemV.put(tandemK, tandemR_{inner_m}());
        }}
        return tandemV;
    }}
",
                b = boxed(inner, true),
                inner_m = mangle(inner)
            )
        }
        Type::Any => String::new(),
    };
    methods.insert(name, body);
}

/// Adds `tandemW_<mangle>(StringBuilder, value)` for `ty` (and what it needs) to `methods`.
fn writer(ty: &Type, methods: &mut BTreeMap<String, String>) {
    let name = format!("W_{}", mangle(ty));
    if methods.contains_key(&name) {
        return;
    }
    let t = harness_type(ty);
    let m = mangle(ty);
    let head = format!("    static void tandemW_{m}(StringBuilder o, {t} v) {{");
    let body = match ty {
        Type::Int => format!("{head} o.append(v); }}\n"),
        Type::Float => format!("{head} tandemDoubleJson(o, v); }}\n"),
        Type::Bool => format!("{head} o.append(v ? \"true\" : \"false\"); }}\n"),
        Type::String => {
            format!("{head} if (v == null) o.append(\"null\"); else tandemEscape(o, v); }}\n")
        }
        Type::ListNode => format!("{head} tandemWriteList(o, v); }}\n"),
        Type::TreeNode => format!("{head} tandemWriteTree(o, v); }}\n"),
        Type::List(inner) => {
            writer(inner, methods);
            format!(
                "{head}
        if (v == null) {{ o.append(\"null\"); return; }}
        o.append('[');
        for (int i = 0; i < v.length; i++) {{
            if (i > 0) o.append(',');
            tandemW_{inner_m}(o, v[i]);
        }}
        o.append(']');
    }}
",
                inner_m = mangle(inner)
            )
        }
        Type::Map(inner) => {
            writer(inner, methods);
            let b = boxed(inner, true);
            format!(
                "{head}
        if (v == null) {{ o.append(\"null\"); return; }}
        o.append('{{');
        boolean first = true;
        for (java.util.Map.Entry<String, {b}> e : v.entrySet()) {{
            if (!first) o.append(',');
            first = false;
            if (e.getKey() == null) throw new TandemBad(\"the returned map has a null key\");
            tandemEscape(o, e.getKey());
            o.append(':');
            {b} x = e.getValue();
            if (x == null) o.append(\"null\"); else tandemW_{inner_m}(o, x);
        }}
        o.append('}}');
    }}
",
                inner_m = mangle(inner)
            )
        }
        Type::Any => String::new(),
    };
    methods.insert(name, body);
}

const LIST_HELPERS: &str = r#"    static ListNode tandemList() {
        int n = tandemCount();
        ListNode head = null, tail = null;
        for (int i = 0; i < n; i++) {
            ListNode node = new ListNode(tandemNodeValue(tandemLong(), "list_node"));
            if (tail == null) head = node; else tail.next = node;
            tail = node;
        }
        return head;
    }
    static void tandemWriteList(StringBuilder o, ListNode head) {
        o.append('[');
        ListNode slow = head, fast = head;
        while (slow != null) {
            if (slow != head) o.append(',');
            o.append(slow.val);
            slow = slow.next;
            if (fast != null && fast.next != null) {
                fast = fast.next.next;
                if (fast != null && fast == slow) throw new TandemBad("the returned list has a cycle");
            } else {
                fast = null;
            }
        }
        o.append(']');
    }
"#;

const TREE_HELPERS: &str = r#"    static TreeNode tandemTree() {
        int n = tandemCount();
        TreeNode[] nodes = new TreeNode[n];
        for (int i = 0; i < n; i++) {
            tandemSkip();
            int p = tandemPos;
            if (p + 4 <= tandemIn.length && tandemIn[p] == 'n' && tandemIn[p + 1] == 'u' && tandemIn[p + 2] == 'l' && tandemIn[p + 3] == 'l'
                    && (p + 4 == tandemIn.length || tandemSpace(tandemIn[p + 4]))) {
                tandemPos += 4;
            } else {
                nodes[i] = new TreeNode(tandemNodeValue(tandemLong(), "tree_node"));
            }
        }
        if (n == 0 || nodes[0] == null) return null;
        int next = 1;
        for (int k = 0; k < n && next < n; k++) {
            TreeNode p = nodes[k];
            if (p == null) continue;
            p.left = nodes[next++];
            if (next < n) p.right = nodes[next++];
        }
        return nodes[0];
    }

    static void tandemWriteTree(StringBuilder o, TreeNode root) {
        java.util.ArrayList<TreeNode> order = new java.util.ArrayList<>();
        java.util.IdentityHashMap<TreeNode, Boolean> seen = new java.util.IdentityHashMap<>();
        if (root != null) { order.add(root); seen.put(root, Boolean.TRUE); }
        for (int i = 0; i < order.size(); i++) {
            TreeNode p = order.get(i);
            if (p == null) continue;
            TreeNode[] children = { p.left, p.right };
            for (TreeNode child : children) {
                if (child != null && seen.put(child, Boolean.TRUE) != null)
                    throw new TandemBad("the returned tree has a cycle or a node reachable twice");
                order.add(child);
            }
        }
        int end = order.size();
        while (end > 0 && order.get(end - 1) == null) end--;
        o.append('[');
        for (int i = 0; i < end; i++) {
            if (i > 0) o.append(',');
            TreeNode p = order.get(i);
            if (p == null) o.append("null"); else o.append(p.val);
        }
        o.append(']');
    }
"#;

/// The harness class. `@MAIN@`, `@DECODE@`, `@CALL@`, `@ENCODE@`, `@METHODS@` and `@STACK@`
/// are filled in by `compose`.
const MAIN: &str = r#"public class @MAIN@ {
    static final class TandemBad extends RuntimeException {
        TandemBad(String message) { super(message, null, false, false); }
    }
    /** Keeps the first 64 KiB written to it. */
    static final class TandemCapture extends java.io.OutputStream {
        final byte[] buf = new byte[65536];
        int len;
        @Override public void write(int b) { if (len < buf.length) buf[len++] = (byte) b; }
        @Override public void write(byte[] b, int off, int n) {
            int k = java.lang.Math.min(n, buf.length - len);
            if (k > 0) { System.arraycopy(b, off, buf, len, k); len += k; }
        }
    }
    static byte[] tandemIn;
    static int tandemPos;
    static String tandemNonce;
    static String tandemBadInput;
    static java.io.FileOutputStream tandemReal;
    static java.io.PrintStream tandemRealOut;
    static final TandemCapture tandemCapture = new TandemCapture();
    static java.lang.management.ThreadMXBean tandemBean;

    static void tandemFail(String what) {
        System.err.println("tandem harness: " + what + " (input byte " + tandemPos + ")");
        System.err.flush();
        Runtime.getRuntime().halt(2);
    }
    static boolean tandemSpace(byte b) { return b == ' ' || b == '\n' || b == '\r' || b == '\t'; }
    static void tandemSkip() { while (tandemPos < tandemIn.length && tandemSpace(tandemIn[tandemPos])) tandemPos++; }
    static String tandemToken() {
        tandemSkip();
        int start = tandemPos;
        while (tandemPos < tandemIn.length && !tandemSpace(tandemIn[tandemPos])) tandemPos++;
        if (start == tandemPos) tandemFail("the input ended early");
        return new String(tandemIn, start, tandemPos - start, java.nio.charset.StandardCharsets.ISO_8859_1);
    }
    static long tandemLong() {
        tandemSkip();
        int start = tandemPos;
        boolean negative = tandemPos < tandemIn.length && tandemIn[tandemPos] == '-';
        if (negative) tandemPos++;
        long v = 0;
        int digits = 0;
        while (tandemPos < tandemIn.length && tandemIn[tandemPos] >= '0' && tandemIn[tandemPos] <= '9') {
            v = v * 10 - (tandemIn[tandemPos] - '0');
            tandemPos++;
            digits++;
        }
        if (digits == 0 || (tandemPos < tandemIn.length && !tandemSpace(tandemIn[tandemPos]))) {
            tandemPos = start;
            tandemFail("bad integer");
        }
        return negative ? v : -v;
    }
    static int tandemCount() {
        long n = tandemLong();
        if (n < 0 || n > tandemIn.length) tandemFail("bad count");
        return (int) n;
    }
    static double tandemDouble() {
        String t = tandemToken();
        switch (t) {
            case "nan": return Double.NaN;
            case "inf": return Double.POSITIVE_INFINITY;
            case "-inf": return Double.NEGATIVE_INFINITY;
            default:
                try { return Double.parseDouble(t); } catch (NumberFormatException e) { tandemFail("bad float"); return 0; }
        }
    }
    static String tandemString() {
        int n = tandemCount();
        if (tandemPos >= tandemIn.length || tandemIn[tandemPos] != ' ') tandemFail("bad string");
        tandemPos++;
        if (tandemIn.length - tandemPos < n) tandemFail("string past the end");
        String s = new String(tandemIn, tandemPos, n, java.nio.charset.StandardCharsets.UTF_8);
        tandemPos += n;
        return s;
    }
    static int tandemNodeValue(long x, String what) {
        if ((int) x != x && tandemBadInput == null)
            tandemBadInput = "tandem: " + what + " value " + x + " does not fit the node's val field (int)";
        return (int) x;
    }

    static final char[] TANDEM_HEX = "0123456789abcdef".toCharArray();
    static void tandemEscape(StringBuilder o, String s) {
        o.append('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': o.append("\\\""); break;
                case '\\': o.append("\\\\"); break;
                case '\n': o.append("\\n"); break;
                case '\r': o.append("\\r"); break;
                case '\t': o.append("\\t"); break;
                case '\b': o.append("\\b"); break;
                case '\f': o.append("\\f"); break;
                default:
                    if (c < 0x20) {
                        o.append("\\u00").append(TANDEM_HEX[c >> 4]).append(TANDEM_HEX[c & 15]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        o.append(c).append(s.charAt(i + 1));
                        i++;
                    } else if (Character.isSurrogate(c)) {
                        o.append("\\ufffd");
                    } else {
                        o.append(c);
                    }
            }
        }
        o.append('"');
    }
    static void tandemDoubleJson(StringBuilder o, double v) {
        if (Double.isNaN(v)) o.append("\"NaN\"");
        else if (Double.isInfinite(v)) o.append(v > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        else o.append(Double.toString(v));
    }
@METHODS@
    static long tandemCpu() { return tandemBean.getCurrentThreadCpuTime(); }
    static String tandemDescribe(Throwable e) {
        String message;
        try { message = e.getMessage(); } catch (Throwable inner) { message = null; }
        return e.getClass().getName() + (message == null ? "" : ": " + message);
    }
    static void tandemRecord(long index, String status, long ns, String payload) throws java.io.IOException {
        byte[] p = payload.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int printed = tandemCapture.len;
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(p.length + printed + 128);
        String head = "@@" + tandemNonce + " " + index + " " + status + " " + java.lang.Math.max(ns, 0) + "\n" + p.length + " ";
        b.write(head.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        b.write(p);
        b.write(("\n" + printed + " ").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        b.write(tandemCapture.buf, 0, printed);
        b.write('\n');
        b.writeTo(tandemReal);
        tandemReal.flush();
    }
    static void tandemRun(long tandemTests) throws java.io.IOException {
        for (long tandemI = 0; tandemI < tandemTests; tandemI++) {
@DECODE@            tandemCapture.len = 0;
            if (tandemBadInput != null) {
                tandemRecord(tandemI, "error", 0, tandemBadInput);
                tandemBadInput = null;
                continue;
            }
            String tandemStatus = "ok";
            String tandemPayload;
            long tandemStart = -1, tandemEnd = -1;
            // A fresh stream per test (a stream the user closed stays closed); a stream kept
            // from an earlier test still writes into the same capture.
            System.setOut(new java.io.PrintStream(tandemCapture, true, java.nio.charset.StandardCharsets.UTF_8));
            try {
                tandemStart = tandemCpu();
                Solution tandemSolution = new Solution();
                @CALL@                tandemEnd = tandemCpu();
                StringBuilder tandemOut = new StringBuilder();
                @ENCODE@                tandemPayload = tandemOut.toString();
            } catch (TandemBad tandemE) {
                tandemStatus = "bad";
                tandemPayload = tandemE.getMessage();
            } catch (Throwable tandemE) {
                if (tandemEnd < 0) tandemEnd = tandemCpu();
                tandemStatus = "error";
                tandemPayload = tandemDescribe(tandemE);
            }
            System.out.flush();
            System.setOut(tandemRealOut);
            tandemRecord(tandemI, tandemStatus, tandemStart < 0 ? 0 : tandemEnd - tandemStart, tandemPayload);
        }
    }
    public static void main(String[] args) throws Exception {
        tandemRealOut = System.out;
        tandemReal = new java.io.FileOutputStream(java.io.FileDescriptor.out);
        tandemIn = System.in.readAllBytes();
        tandemNonce = tandemToken();
        long tests = tandemLong();
        tandemBean = java.lang.management.ManagementFactory.getThreadMXBean();
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try { tandemRun(tests); } catch (Throwable e) { failure[0] = e; }
        }, "main", @STACK@);
        worker.start();
        worker.join();
        System.setOut(tandemRealOut);
        System.out.flush();
        if (failure[0] != null) {
            System.err.println("tandem harness failed:");
            failure[0].printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(3);
        }
        System.exit(0);
    }
}
"#;

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
            "class Solution {\n    public long[] pairSum(long[] nums, long target) {\n\n    }\n}\n"
        );
    }

    #[test]
    fn stub_types_and_node_comments() {
        let s = sig(
            "f",
            &[
                ("grid", "list<list<float>>"),
                ("counts", "map<string,list<int>>"),
                ("words", "list<string>"),
                ("flag", "bool"),
                ("heads", "list<list_node>"),
            ],
            "map<string,bool>",
        );
        let text = stub(&s).expect("stub");
        assert!(text.starts_with(LIST_NODE_COMMENT), "{text}");
        assert!(!text.contains("TreeNode"), "{text}");
        assert!(
            text.ends_with(
                "class Solution {\n    public Map<String, Boolean> f(double[][] grid, Map<String, long[]> counts, String[] words, boolean flag, ListNode[] heads) {\n\n    }\n}\n"
            ),
            "{text}"
        );
        let tree = stub(&sig("g", &[("root", "tree_node")], "int")).expect("stub");
        assert!(tree.starts_with(TREE_NODE_COMMENT), "{tree}");
        assert!(tree.ends_with("    public long g(TreeNode root) {\n\n    }\n}\n"));
    }

    #[test]
    fn imports_share_the_first_line_and_public_is_blanked() {
        let s = sig("f", &[("head", "list_node")], "list_node");
        let user =
            "public class Solution {\n    public ListNode f(ListNode head) { return head; }\n}";
        let program = compose(&s, user).expect("compose");
        let lines: Vec<&str> = program.lines().collect();
        assert_eq!(lines[0], format!("{IMPORTS}       class Solution {{"));
        assert_eq!(
            lines[1],
            "    public ListNode f(ListNode head) { return head; }"
        );
        assert_eq!(lines[2], "}");
        assert!(program.contains("\nclass ListNode {\n"));
        assert!(!program.contains("class TreeNode"));
        assert_eq!(program.matches("public class").count(), 1);
        assert!(program.contains("public class Main {"));
        assert!(program.contains("ListNode tandemResult = tandemSolution.f(tandemA0);"));
    }

    #[test]
    fn package_is_blanked_and_user_nodes_are_kept() {
        let s = sig("f", &[("root", "tree_node")], "int");
        let user = "package com.example;\nimport java.util.*;\npublic class TreeNode { int val; TreeNode left, right; TreeNode(int v) { val = v; } }\nclass Solution { long f(TreeNode r) { return 0; } }\n";
        let program = compose(&s, user).expect("compose");
        let first = program.lines().next().expect("line");
        assert_eq!(first, format!("{IMPORTS}{}", " ".repeat(20)));
        assert!(!program.contains("package"));
        assert_eq!(program.matches("class TreeNode").count(), 1);
        assert_eq!(
            program.lines().nth(2),
            Some(
                "       class TreeNode { int val; TreeNode left, right; TreeNode(int v) { val = v; } }"
            )
        );
    }

    #[test]
    fn a_users_main_class_is_kept() {
        let s = sig("f", &[("n", "int")], "int");
        let user = "class Solution { long f(long n) { return n; } }\npublic class Main { public static void main(String[] a) {} }\n";
        let program = compose(&s, user).expect("compose");
        assert!(program.contains("\n       class Main {"));
        assert!(program.contains("public class TandemMain {"));
        assert_eq!(program.matches("public class").count(), 1);
    }

    #[test]
    fn readers_and_writers_per_type() {
        let s = sig(
            "f",
            &[
                ("maps", "list<map<string,int>>"),
                ("grid", "list<list<int>>"),
            ],
            "map<string,list<float>>",
        );
        let program = compose(&s, "class Solution {}").expect("compose");
        assert!(program.contains("@SuppressWarnings(\"unchecked\")\n    static java.util.Map<String, Long>[] tandemR_LMI() {"));
        assert!(program.contains("(java.util.Map<String, Long>[]) new java.util.Map[tandemN];"));
        assert!(program.contains("long[][] tandemV = new long[tandemN][];"));
        assert!(program.contains(
            "static void tandemW_MLF(StringBuilder o, java.util.Map<String, double[]> v)"
        ));
        assert!(program.contains("static void tandemW_LF(StringBuilder o, double[] v)"));
        assert!(program.contains(
            "java.util.Map<String, double[]> tandemResult = tandemSolution.f(tandemA0, tandemA1);"
        ));
    }
}
