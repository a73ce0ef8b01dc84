//! Function mode in JavaScript and TypeScript (docs/harness-protocol.md).
//!
//! The composed `main.js` / `main.ts` is the user's code, unchanged and first (so node's stack
//! traces and tsc's diagnostics carry the user's line numbers), then the harness:
//!
//! ```text
//! <the user's code>
//! ;
//! <ListNode / TreeNode: constructor functions in JavaScript, classes in TypeScript; left out
//!  when the user's code declares its own at the top level>
//! ;(function __tandemHarness(__tandemTarget) { ... })(function () { return NAME; });
//! ```
//!
//! The harness is one function expression, so none of its names can clash with the user's;
//! it is plain JavaScript that also type-checks as TypeScript under the recipe's
//! `--strict false` (values that need it go through an identity function returning `any`).
//! It reads all of stdin as bytes with an index, decodes each argument generically from a type
//! descriptor (`python::descriptor`), calls the user's top-level `name` (a function
//! declaration or a `var`/`let`/`const` holding a function) and writes one record per test to
//! fd 1 with `fs.writeSync` (retrying on `EAGAIN`: node makes fd 1 non-blocking once
//! `process.stdout` is used).
//! - Prints: during the call `process.stdout.write` (which every `console` method writing to
//!   stdout goes through) and `console.log/info/debug` are replaced by a capture, capped at
//!   64 KiB; `process.exit` throws instead. `fs.writeSync(1, ...)` is not captured (stray),
//!   nor are prints at the top level of the user's code, which runs before the harness.
//! - Errors: whatever the call throws is the test's `error` record (`Name: message` for
//!   errors, `Uncaught <value>` for anything else), a stack overflow (`RangeError: Maximum
//!   call stack size exceeded`) included; the stack, cut at the harness's frame, goes to
//!   stderr (for TypeScript it points into the compiled `out/main.js`).
//! - Return values: converted guided by the declared type, then `JSON.stringify`: NaN and
//!   infinities as strings, ListNode/TreeNode as arrays (`[]` for null), `Map`s and plain
//!   objects as objects, `Set`s, typed arrays and other iterables as arrays, `undefined` as
//!   null, bigints as numbers when exact, lone surrogates as U+FFFD. A value that cannot be
//!   encoded (a function, a Promise, a cyclic list) is a `bad` record that says why.
//! - `cpu_ns` is `process.cpuUsage()` (user + system, microseconds) around the call alone.
//!
//! Numbers are JavaScript numbers: `int` values beyond 2^53 lose precision, as on LeetCode.

use std::fmt::Write;

use tandem_problems::{Signature, Type};

use super::HarnessError;
use super::python::{descriptor, descriptors, mentions};

/// The type as JSDoc and TypeScript write it.
fn js_type(ty: &Type) -> String {
    match ty {
        Type::Int | Type::Float => "number".into(),
        Type::Bool => "boolean".into(),
        Type::String => "string".into(),
        Type::List(inner) => match **inner {
            Type::ListNode | Type::TreeNode => format!("({})[]", js_type(inner)),
            _ => format!("{}[]", js_type(inner)),
        },
        Type::Map(inner) => format!("Record<string, {}>", js_type(inner)),
        Type::ListNode => "ListNode | null".into(),
        Type::TreeNode => "TreeNode | null".into(),
        Type::Any => "any".into(),
    }
}

fn signature_mentions(signature: &Signature, node: &Type) -> bool {
    let found = |t: &Type| t == node;
    signature.params.iter().any(|p| mentions(&p.ty, &found)) || mentions(&signature.returns, &found)
}

const JS_LIST_NODE_COMMENT: &str = "/**
 * Definition for singly-linked list (provided by the judge):
 * function ListNode(val, next) {
 *     this.val = (val === undefined ? 0 : val);
 *     this.next = (next === undefined ? null : next);
 * }
 */
";

const JS_TREE_NODE_COMMENT: &str = "/**
 * Definition for a binary tree node (provided by the judge):
 * function TreeNode(val, left, right) {
 *     this.val = (val === undefined ? 0 : val);
 *     this.left = (left === undefined ? null : left);
 *     this.right = (right === undefined ? null : right);
 * }
 */
";

const TS_LIST_NODE_COMMENT: &str = "/**
 * Definition for singly-linked list (provided by the judge):
 * class ListNode {
 *     val: number
 *     next: ListNode | null
 *     constructor(val?: number, next?: ListNode | null) {
 *         this.val = (val === undefined ? 0 : val)
 *         this.next = (next === undefined ? null : next)
 *     }
 * }
 */
";

const TS_TREE_NODE_COMMENT: &str = "/**
 * Definition for a binary tree node (provided by the judge):
 * class TreeNode {
 *     val: number
 *     left: TreeNode | null
 *     right: TreeNode | null
 *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
 *         this.val = (val === undefined ? 0 : val)
 *         this.left = (left === undefined ? null : left)
 *         this.right = (right === undefined ? null : right)
 *     }
 * }
 */
";

pub fn stub(signature: &Signature, typescript: bool) -> Result<String, HarnessError> {
    let mut out = String::new();
    let mut comments = false;
    if signature_mentions(signature, &Type::ListNode) {
        out.push_str(if typescript {
            TS_LIST_NODE_COMMENT
        } else {
            JS_LIST_NODE_COMMENT
        });
        comments = true;
    }
    if signature_mentions(signature, &Type::TreeNode) {
        out.push_str(if typescript {
            TS_TREE_NODE_COMMENT
        } else {
            JS_TREE_NODE_COMMENT
        });
        comments = true;
    }
    if comments && typescript {
        out.push('\n');
    }
    let names: Vec<&str> = signature.params.iter().map(|p| p.name.as_str()).collect();
    if typescript {
        let params: Vec<String> = signature
            .params
            .iter()
            .map(|p| format!("{}: {}", p.name, js_type(&p.ty)))
            .collect();
        let _ = write!(
            out,
            "function {}({}): {} {{\n\n}}\n",
            signature.name,
            params.join(", "),
            js_type(&signature.returns)
        );
    } else {
        out.push_str("/**\n");
        for p in &signature.params {
            let _ = writeln!(out, " * @param {{{}}} {}", js_type(&p.ty), p.name);
        }
        let _ = writeln!(out, " * @return {{{}}}", js_type(&signature.returns));
        out.push_str(" */\n");
        let _ = write!(
            out,
            "function {}({}) {{\n\n}}\n",
            signature.name,
            names.join(", ")
        );
    }
    Ok(out)
}

const JS_LIST_NODE: &str = "function ListNode(val, next) {
    this.val = (val === undefined ? 0 : val);
    this.next = (next === undefined ? null : next);
}
";

const JS_TREE_NODE: &str = "function TreeNode(val, left, right) {
    this.val = (val === undefined ? 0 : val);
    this.left = (left === undefined ? null : left);
    this.right = (right === undefined ? null : right);
}
";

const TS_LIST_NODE: &str = "class ListNode {
    val: number;
    next: ListNode | null;
    constructor(val?: number, next?: ListNode | null) {
        this.val = (val === undefined ? 0 : val);
        this.next = (next === undefined ? null : next);
    }
}
";

const TS_TREE_NODE: &str = "class TreeNode {
    val: number;
    left: TreeNode | null;
    right: TreeNode | null;
    constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
        this.val = (val === undefined ? 0 : val);
        this.left = (left === undefined ? null : left);
        this.right = (right === undefined ? null : right);
    }
}
";

/// Identifiers and single punctuation characters of JavaScript/TypeScript source outside
/// comments, string and template literals, each with the brace depth it is at. Regular
/// expression literals are not recognised (a quote or brace in one can mislead it).
fn tokens(source: &str) -> Vec<(usize, &str)> {
    let bytes = source.as_bytes();
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80;
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let rest = &bytes[i..];
        if rest.starts_with(b"//") {
            while i < bytes.len() && bytes[i] != b'\n' {
                i += 1;
            }
        } else if rest.starts_with(b"/*") {
            i += 2;
            while i < bytes.len() && !bytes[i..].starts_with(b"*/") {
                i += 1;
            }
            i = (i + 2).min(bytes.len());
        } else if b == b'"' || b == b'\'' || b == b'`' {
            i += 1;
            while i < bytes.len() && bytes[i] != b && (b == b'`' || bytes[i] != b'\n') {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
        } else if word(b) {
            let start = i;
            while i < bytes.len() && word(bytes[i]) {
                i += 1;
            }
            out.push((depth, &source[start..i]));
        } else {
            if b == b'}' {
                depth = depth.saturating_sub(1);
            }
            if !b.is_ascii_whitespace() {
                out.push((depth, &source[i..i + 1]));
            }
            if b == b'{' {
                depth += 1;
            }
            i += 1;
        }
    }
    out
}

/// Whether the user's code declares `name` as a value at its top level (`class`, `function`,
/// `var`, `let`, `const`): then the harness uses theirs instead of defining its own.
fn declares(source: &str, name: &str) -> bool {
    tokens(source).windows(2).any(|w| {
        w[0].0 == 0
            && w[1].1 == name
            && matches!(w[0].1, "class" | "function" | "var" | "let" | "const")
    })
}

pub fn compose(
    signature: &Signature,
    user_source: &str,
    typescript: bool,
) -> Result<String, HarnessError> {
    let mut out = String::with_capacity(user_source.len() + HARNESS.len() + 2048);
    out.push_str(user_source);
    // A line of its own: the user's last line may be a `//` comment or lack a semicolon.
    out.push_str("\n;\n");
    if !declares(user_source, "ListNode") {
        out.push_str(if typescript {
            TS_LIST_NODE
        } else {
            JS_LIST_NODE
        });
    }
    if !declares(user_source, "TreeNode") {
        out.push_str(if typescript {
            TS_TREE_NODE
        } else {
            JS_TREE_NODE
        });
    }
    out.push_str(
        &HARNESS
            .replace("__TANDEM_FUNCTION__", &signature.name)
            .replace("__TANDEM_PARAMS__", &descriptors(signature))
            .replace("__TANDEM_RETURNS__", &descriptor(&signature.returns)),
    );
    Ok(out)
}

const HARNESS: &str = r##";(function __tandemHarness(__tandemTarget) {
    "use strict";
    const asAny = function (x) { return x; };
    const fs = require("fs");
    const util = require("util");
    const proc = asAny(process);
    const con = asAny(console);
    const LIMIT = 65536;
    const NEWLINE = Buffer.from("\n");
    // The user's function is looked up outside this function (see the call at the end), so a
    // function named like one of the harness's constants (`encode`, `convert` ...) is theirs.
    const call = function __tandemCall(args) { return asAny(__tandemTarget()).apply(undefined, args); };
    const makeList = function () { return new (asAny(ListNode))(); };
    const makeTree = function () { return new (asAny(TreeNode))(); };
    const isListClass = function (v) { return v instanceof asAny(ListNode); };
    const isTreeClass = function (v) { return v instanceof asAny(TreeNode); };

    // fd 1 and 2 may be non-blocking pipes (node makes them so once process.stdout is used).
    const sleeper = new Int32Array(new SharedArrayBuffer(4));
    const writeAll = function (fd, buf) {
        let off = 0;
        while (off < buf.length) {
            try {
                off += fs.writeSync(fd, buf, off, buf.length - off);
            } catch (e) {
                if (!e || e.code !== "EAGAIN") throw e;
                Atomics.wait(sleeper, 0, 0, 1);
            }
        }
    };
    const readAll = function (fd) {
        const chunks = [];
        for (;;) {
            const chunk = Buffer.allocUnsafe(1 << 20);
            let n;
            try {
                n = fs.readSync(fd, chunk, 0, chunk.length, null);
            } catch (e) {
                if (e && e.code === "EAGAIN") { Atomics.wait(sleeper, 0, 0, 1); continue; }
                if (e && e.code === "EOF") break;
                throw e;
            }
            if (n === 0) break;
            chunks.push(chunk.subarray(0, n));
        }
        return Buffer.concat(chunks);
    };

    // ---- the input (docs/harness-protocol.md, "Input") ------------------------------------
    const data = readAll(0);
    const size = data.length;
    let pos = 0;
    const fail = function (what) { throw new Error("tandem: " + what + " at input byte " + pos); };
    const skip = function () {
        while (pos < size) {
            const c = data[pos];
            if (c !== 32 && c !== 10 && c !== 13) break;
            pos++;
        }
    };
    const token = function () {
        skip();
        const start = pos;
        while (pos < size) {
            const c = data[pos];
            if (c === 32 || c === 10 || c === 13) break;
            pos++;
        }
        if (start === pos) fail("the input ended early");
        return data.toString("latin1", start, pos);
    };
    const int = function () {
        skip();
        let negative = false;
        if (data[pos] === 45) { negative = true; pos++; }
        const start = pos;
        let v = 0;
        while (pos < size) {
            const c = data[pos];
            if (c < 48 || c > 57) break;
            v = v * 10 + (c - 48);
            pos++;
        }
        if (pos === start) fail("expected an integer");
        if (pos - start > 15) v = Number(data.toString("latin1", start, pos));
        return negative ? -v : v;
    };
    const float = function () {
        const t = token();
        return t === "nan" ? NaN : t === "inf" ? Infinity : t === "-inf" ? -Infinity : Number(t);
    };
    const bool = function () { return token() === "1"; };
    const string = function () {
        const n = int();
        pos++;
        const start = pos;
        pos += n;
        if (pos > size) fail("a string runs past the end");
        return data.toString("utf8", start, pos);
    };
    const nullableInt = function () {
        skip();
        if (data[pos] === 110) { token(); return null; }
        return int();
    };
    const put = function (object, key, value) {
        if (key === "__proto__") {
            Object.defineProperty(object, key, { value: value, writable: true, enumerable: true, configurable: true });
        } else {
            object[key] = value;
        }
    };
    const listNode = function () {
        const n = int();
        const values = [];
        for (let i = 0; i < n; i++) values.push(int());
        let head = null;
        for (let i = n - 1; i >= 0; i--) {
            const node = makeList();
            node.val = values[i];
            node.next = head;
            head = node;
        }
        return head;
    };
    const treeNode = function () {
        const n = int();
        const values = [];
        for (let i = 0; i < n; i++) values.push(nullableInt());
        if (n === 0 || values[0] === null) return null;
        const make = function (value) {
            const node = makeTree();
            node.val = value;
            node.left = null;
            node.right = null;
            return node;
        };
        const root = make(values[0]);
        const queue = [root];
        let at = 0;
        let i = 1;
        while (i < n && at < queue.length) {
            const node = queue[at++];
            let value = values[i++];
            if (value !== null) { node.left = make(value); queue.push(node.left); }
            if (i < n) {
                value = values[i++];
                if (value !== null) { node.right = make(value); queue.push(node.right); }
            }
        }
        return root;
    };
    const decoder = function (t) {
        switch (t) {
            case "int": return int;
            case "float": return float;
            case "bool": return bool;
            case "string": return string;
            case "any": return function () { return JSON.parse(string()); };
            case "list_node": return listNode;
            case "tree_node": return treeNode;
        }
        const item = decoder(t[1]);
        if (t[0] === "list") {
            return function () {
                const n = int();
                const out = [];
                for (let i = 0; i < n; i++) out.push(item());
                return out;
            };
        }
        return function () {
            const n = int();
            const out = asAny({});
            for (let i = 0; i < n; i++) {
                const key = string();
                put(out, key, item());
            }
            return out;
        };
    };

    // ---- the output (docs/harness-protocol.md, "Output") ----------------------------------
    // At most LIMIT bytes, without a broken UTF-8 sequence at the end.
    const cut = function (buf) {
        if (buf.length <= LIMIT) return buf;
        buf = buf.subarray(0, LIMIT);
        let i = buf.length - 1;
        while (i > 0 && i > buf.length - 4 && (buf[i] & 0xc0) === 0x80) i--;
        const lead = buf[i];
        const need = lead < 0xc0 ? 1 : lead < 0xe0 ? 2 : lead < 0xf0 ? 3 : 4;
        return buf.length - i < need ? buf.subarray(0, i) : buf;
    };
    let nonce = "";
    const emit = function (index, status, cpu, payload, printed) {
        const head = "@@" + nonce + " " + index + " " + status + " " + Math.max(0, Math.round(cpu)) + "\n" + payload.length + " ";
        writeAll(1, Buffer.concat([
            Buffer.from(head, "latin1"), payload,
            Buffer.from("\n" + printed.length + " ", "latin1"), printed, NEWLINE,
        ]));
    };

    // What the function prints: process.stdout.write (console.* and anything else that
    // writes to process.stdout) and console.log/info/debug, per test.
    const stdout = proc.stdout;
    let parts = [];
    let kept = 0;
    const keep = function (text) {
        // Characters, not bytes: past LIMIT characters there are more than LIMIT bytes for
        // sure; `cut` cuts the bytes exactly.
        if (kept <= LIMIT) { parts.push(text); kept += text.length; }
    };
    const captureWrite = function (chunk, encoding, callback) {
        let text;
        if (typeof chunk === "string") {
            text = typeof encoding === "string" && !/^utf-?8$/i.test(encoding)
                ? Buffer.from(chunk, asAny(encoding)).toString("utf8") : chunk;
        } else if (chunk instanceof Uint8Array) {
            text = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString("utf8");
        } else {
            throw new TypeError("The \"chunk\" argument must be of type string or an instance of Buffer or Uint8Array");
        }
        keep(text);
        const done = typeof encoding === "function" ? encoding : callback;
        if (typeof done === "function") process.nextTick(done);
        return true;
    };
    const captureLog = function (...args) { keep(util.format.apply(undefined, args) + "\n"); };
    const exitCalled = function (code) {
        throw new Error("process.exit(" + (code === undefined ? "" : code) + ") was called during the test");
    };
    const saved = { write: stdout.write, log: con.log, info: con.info, debug: con.debug, exit: proc.exit };
    const capture = function () {
        parts = [];
        kept = 0;
        stdout.write = captureWrite;
        con.log = captureLog;
        con.info = captureLog;
        con.debug = captureLog;
        proc.exit = exitCalled;
    };
    const release = function () {
        stdout.write = saved.write;
        con.log = saved.log;
        con.info = saved.info;
        con.debug = saved.debug;
        proc.exit = saved.exit;
        const text = parts.join("");
        parts = [];
        return cut(Buffer.from(text, "utf8"));
    };

    // ---- return values as JSON ------------------------------------------------------------
    class Bad extends Error {}
    const wellFormed = function (s) {
        const f = asAny(s).toWellFormed;
        return typeof f === "function" ? f.call(s) : s;
    };
    const key = function (k) {
        if (typeof k === "string") return wellFormed(k);
        if (typeof k === "number" || typeof k === "boolean" || typeof k === "bigint") return String(k);
        throw new Bad("map keys must be strings, not " + typeof k);
    };
    const isList = function (v) { return isListClass(v) || ("val" in v && "next" in v); };
    const isTree = function (v) { return isTreeClass(v) || ("val" in v && ("left" in v || "right" in v)); };
    const describeValue = function (v) {
        if (v === null) return "null";
        if (typeof v !== "object") return typeof v;
        return v.constructor && v.constructor.name ? v.constructor.name : "object";
    };
    const listValues = function (node) {
        if (node === null || typeof node !== "object" || !isList(node)) {
            throw new Bad("expected a ListNode or null, got " + describeValue(node));
        }
        const out = [];
        const seen = new Set();
        while (node !== null && node !== undefined) {
            if (seen.has(node)) throw new Bad("the returned linked list has a cycle");
            seen.add(node);
            out.push(plain(node.val));
            node = node.next;
        }
        return out;
    };
    const treeValues = function (root) {
        if (root === null || typeof root !== "object" || !isTree(root)) {
            throw new Bad("expected a TreeNode or null, got " + describeValue(root));
        }
        const out = [];
        const queue = [root];
        const seen = new Set();
        for (let at = 0; at < queue.length; at++) {
            const node = queue[at];
            if (node === null || node === undefined) { out.push(null); continue; }
            if (seen.has(node)) throw new Bad("the returned tree has a cycle or a node in two places");
            seen.add(node);
            out.push(plain(node.val));
            queue.push(node.left === undefined ? null : node.left);
            queue.push(node.right === undefined ? null : node.right);
        }
        while (out.length > 0 && out[out.length - 1] === null) out.pop();
        return out;
    };
    const plainObject = function (v, convert) {
        const out = asAny({});
        if (v instanceof Map) {
            for (const [k, x] of v) put(out, key(k), convert(x));
        } else {
            for (const k of Object.keys(v)) put(out, wellFormed(k), convert(v[k]));
        }
        return out;
    };
    const plain = function (v) {
        if (v === null || v === undefined) return null;
        switch (typeof v) {
            case "number":
                return Number.isFinite(v) ? v : v !== v ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
            case "boolean":
                return v;
            case "string":
                return wellFormed(v);
            case "bigint": {
                const n = Number(v);
                if (!Number.isSafeInteger(n)) throw new Bad("the bigint " + v + " is beyond 2^53 and cannot be a JSON number exactly");
                return n;
            }
            case "object": {
                if (Array.isArray(v)) {
                    const out = [];
                    for (let i = 0; i < v.length; i++) out.push(plain(v[i]));
                    return out;
                }
                if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(asAny(v), plain);
                if (v instanceof Set) return Array.from(v, plain);
                if (v instanceof Map) return plainObject(v, plain);
                if (typeof v.then === "function") {
                    throw new Bad("the function returned a Promise; it is called synchronously and must return the value itself");
                }
                if (isList(v)) return listValues(v);
                if (isTree(v)) return treeValues(v);
                if (typeof v.toJSON === "function") return plain(v.toJSON());
                // Other iterables (generators, iterators of a Map's keys ...): as arrays.
                if (typeof v[Symbol.iterator] === "function") return Array.from(v, plain);
                return plainObject(v, plain);
            }
            default:
                throw new Bad("cannot encode a " + typeof v);
        }
    };
    const convert = function (t, v) {
        if (t === "list_node") return v === null || v === undefined ? [] : listValues(v);
        if (t === "tree_node") return v === null || v === undefined ? [] : treeValues(v);
        if (typeof t !== "string") {
            if (t[0] === "list" && Array.isArray(v)) {
                const out = [];
                for (let i = 0; i < v.length; i++) out.push(convert(t[1], v[i]));
                return out;
            }
            if (t[0] === "map" && v !== null && typeof v === "object" && !Array.isArray(v)
                && typeof v.then !== "function") {
                return plainObject(v, function (x) { return convert(t[1], x); });
            }
        }
        return plain(v);
    };

    // ---- exceptions -----------------------------------------------------------------------
    const describe = function (e) {
        if (e instanceof Error || (e !== null && typeof e === "object"
            && typeof e.name === "string" && typeof e.message === "string")) {
            return e.message ? e.name + ": " + e.message : String(e.name);
        }
        let text;
        try { text = util.inspect(e); } catch (_) { text = String(e); }
        return "Uncaught " + text;
    };
    // The stack on stderr, down to the harness's call.
    const report = function (e) {
        try {
            const text = e !== null && typeof e === "object" && typeof e.stack === "string" ? e.stack : describe(e);
            const lines = text.split("\n");
            const end = lines.findIndex(function (line) { return line.includes("__tandemCall"); });
            if (end > 0) lines.length = end;
            writeAll(2, Buffer.from(lines.join("\n") + "\n", "utf8"));
        } catch (_) {
            // Nothing to do: the record has the message.
        }
    };
    const encode = function (t, value) {
        try {
            return ["ok", Buffer.from(JSON.stringify(convert(t, value)), "utf8")];
        } catch (e) {
            if (e instanceof Bad) return ["bad", Buffer.from(e.message, "utf8")];
            if (e instanceof RangeError) return ["bad", Buffer.from("the value is nested too deeply, or refers to itself")];
            return ["bad", Buffer.from("encoding the value threw " + describe(e), "utf8")];
        }
    };
    const cpuNs = function () {
        const u = process.cpuUsage();
        return (u.user + u.system) * 1000;
    };

    // ---- the run --------------------------------------------------------------------------
    if (size === 0) {
        throw new Error("tandem: the harness found stdin empty; code at the top level of the solution must not read stdin");
    }
    const newline = data.indexOf(10);
    nonce = data.toString("latin1", 0, newline).trim();
    pos = newline + 1;
    const tests = int();
    const PARAMS = __TANDEM_PARAMS__;
    const RETURNS = __TANDEM_RETURNS__;
    const decoders = PARAMS.map(decoder);
    for (let index = 0; index < tests; index++) {
        let status = "ok";
        let payload = Buffer.alloc(0);
        let cpu = 0;
        let failed = false;
        let failure;
        capture();
        try {
            const args = [];
            for (let i = 0; i < decoders.length; i++) args.push(decoders[i]());
            const start = cpuNs();
            let value;
            try {
                value = call(args);
            } finally {
                cpu = cpuNs() - start;
            }
            const encoded = asAny(encode(RETURNS, value));
            status = encoded[0];
            payload = encoded[1];
        } catch (e) {
            failed = true;
            failure = e;
            status = "error";
            payload = Buffer.from(describe(e), "utf8");
        }
        const printed = release();
        if (failed) report(failure);
        emit(index, status, cpu, payload, printed);
    }
    process.exit(0);
})(function () { return __TANDEM_FUNCTION__; });
"##;

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
    fn javascript_stub() {
        let s = sig(
            "twoSum",
            &[("nums", "list<int>"), ("target", "int")],
            "list<int>",
        );
        assert_eq!(
            stub(&s, false).expect("stub"),
            "/**\n * @param {number[]} nums\n * @param {number} target\n * @return {number[]}\n */\nfunction twoSum(nums, target) {\n\n}\n"
        );
        let nodes = sig(
            "f",
            &[("heads", "list<list_node>"), ("m", "map<string,bool>")],
            "tree_node",
        );
        assert_eq!(
            stub(&nodes, false).expect("stub"),
            format!(
                "{JS_LIST_NODE_COMMENT}{JS_TREE_NODE_COMMENT}/**\n * @param {{(ListNode | null)[]}} heads\n * @param {{Record<string, boolean>}} m\n * @return {{TreeNode | null}}\n */\nfunction f(heads, m) {{\n\n}}\n"
            )
        );
    }

    #[test]
    fn typescript_stub() {
        let s = sig(
            "twoSum",
            &[("nums", "list<int>"), ("target", "int")],
            "list<int>",
        );
        assert_eq!(
            stub(&s, true).expect("stub"),
            "function twoSum(nums: number[], target: number): number[] {\n\n}\n"
        );
        let nodes = sig(
            "reverse",
            &[("head", "list_node"), ("x", "any")],
            "list_node",
        );
        assert_eq!(
            stub(&nodes, true).expect("stub"),
            format!(
                "{TS_LIST_NODE_COMMENT}\nfunction reverse(head: ListNode | null, x: any): ListNode | null {{\n\n}}\n"
            )
        );
    }

    #[test]
    fn top_level_node_declarations_are_found() {
        assert!(declares("class ListNode { constructor(v) {} }", "ListNode"));
        assert!(declares("export class ListNode {}", "ListNode"));
        assert!(declares("var ListNode = function (v) {};", "ListNode"));
        assert!(!declares(JS_LIST_NODE_COMMENT, "ListNode"));
        assert!(!declares(TS_LIST_NODE_COMMENT, "ListNode"));
        assert!(!declares(
            "// class ListNode {}\nconst s = 'class ListNode';",
            "ListNode"
        ));
        assert!(!declares("const s = `\nclass ListNode {}\n`;", "ListNode"));
        assert!(!declares("function f() { class ListNode {} }", "ListNode"));
        assert!(!declares("interface ListNode { val: number }", "ListNode"));
    }

    #[test]
    fn composed_program_starts_with_the_users_code() {
        let s = sig("f", &[("head", "list_node")], "int");
        let user = "function f(head) { return 1 } // no newline";
        let program = compose(&s, user, false).expect("compose");
        assert!(
            program
                .starts_with("function f(head) { return 1 } // no newline\n;\nfunction ListNode(")
        );
        assert!(program.ends_with("})(function () { return f; });\n"));
        assert!(program.contains("const PARAMS = [\"list_node\"];"));
        let own = "class ListNode { val: number; next: ListNode | null }\nfunction f(head: ListNode | null): number { return 0; }\n";
        let program = compose(&s, own, true).expect("compose");
        assert!(!program.contains("class ListNode {\n    val: number;"));
        assert!(program.contains("class TreeNode {\n    val: number;"));
    }
}
