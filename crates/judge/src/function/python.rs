//! Function mode in Python (docs/harness-protocol.md).
//!
//! The composed `main.py` is the harness, with the user's code embedded as a bytes literal:
//!
//! ```text
//! __tandem_SOURCE = b"...the user's file..."
//! __tandem_NAME = "twoSum"
//! __tandem_PARAMS = [["list", "int"], "int"]     type descriptors, see `descriptor`
//! __tandem_RETURNS = ["list", "int"]
//! <the harness: def __tandem_main(...), def __tandem_start(), __tandem_start()>
//! ```
//!
//! The harness compiles the user's code as `solution.py` and runs it as a module of its own
//! (`solution`, so an `if __name__ == "__main__":` block of local tests does not run) whose
//! namespace already holds `ListNode`, `TreeNode` and the usual typing names (`List`, `Dict`,
//! `Optional`, `Any`, ...). Running it that way instead of putting it first in the file is
//! what Python needs: annotations in a `def` are evaluated when it runs, so those names must
//! exist before the user's first line, and a `from __future__` import must be that first line;
//! a prelude line would shift every line number. Compiled from its own text, the code keeps
//! its own line and column numbers, and the harness hands its lines to `linecache` so
//! tracebacks quote them.
//!
//! The harness reads all of stdin (bytes, with an index) before the user's code runs, decodes
//! each argument generically from the descriptors (lists of scalars with one `split`), calls
//! `Solution().name(*args)` (a new instance per test, as LeetCode does; a top-level function
//! `name` is accepted when there is no `Solution`), and writes one record per test to a
//! duplicate of fd 1 with `os.write`.
//! - Prints: `sys.stdout` is swapped for a capture during the call (text and `.buffer`), capped
//!   at 64 KiB; prints at the module's top level are stray output. `os.write(1, ...)` is not
//!   captured (stray).
//! - Errors: every `BaseException` of the call is the test's `error` record, `SystemExit`
//!   (`exit()`, `sys.exit()`) and `KeyboardInterrupt` included, and the harness goes on. The
//!   traceback, from the user's first frame and with their line numbers, goes to stderr.
//!   Code that fails at the top level (a `SyntaxError` too) prints its traceback and exits 1
//!   before any record.
//! - Recursion: the tests run in a thread with a 512 MiB stack (virtual; only pages used
//!   count) and a recursion limit of 200000, so recursion 10^5 deep works and endless
//!   recursion is a `RecursionError` (~60 MiB) rather than a crash.
//! - Return values: plain JSON values go straight to `json.dumps`; anything else (NaN and
//!   infinities as strings, tuples, sets and other iterables as lists, ListNode/TreeNode as
//!   arrays, `None` as `[]` where a node is declared) is converted first, guided by the
//!   declared type. A value that cannot be encoded (bytes, an arbitrary object, a cyclic list)
//!   is a `bad` record that says why. Other mismatches (an `int` where a `str` was declared,
//!   `None` from a forgotten `return`) are encoded as they are; the host's comparison decides.
//! - `cpu_ns` is the process's CPU time around the call alone, from `getrusage` (microseconds):
//!   `time.process_time_ns()` only moves at scheduler ticks under the sandbox's RLIMIT_CPU.

use std::fmt::Write;

use tandem_problems::{Signature, Type};

use super::HarnessError;

/// The type as the stub annotates it.
fn py_type(ty: &Type) -> String {
    match ty {
        Type::Int => "int".into(),
        Type::Float => "float".into(),
        Type::Bool => "bool".into(),
        Type::String => "str".into(),
        Type::List(inner) => format!("List[{}]", py_type(inner)),
        Type::Map(inner) => format!("Dict[str, {}]", py_type(inner)),
        Type::ListNode => "Optional[ListNode]".into(),
        Type::TreeNode => "Optional[TreeNode]".into(),
        Type::Any => "Any".into(),
    }
}

/// Whether `ty` mentions a type for which `found` answers true.
pub(super) fn mentions(ty: &Type, found: &dyn Fn(&Type) -> bool) -> bool {
    found(ty)
        || match ty {
            Type::List(inner) | Type::Map(inner) => mentions(inner, found),
            _ => false,
        }
}

fn signature_mentions(signature: &Signature, found: &dyn Fn(&Type) -> bool) -> bool {
    signature.params.iter().any(|p| mentions(&p.ty, found)) || mentions(&signature.returns, found)
}

/// The type descriptor the python and javascript harnesses decode and encode by: `"int"`,
/// `"float"`, `"bool"`, `"string"`, `"list_node"`, `"tree_node"`, `"any"`, `["list", T]`,
/// `["map", T]`. Valid JSON, a valid Python expression and a valid JavaScript one.
pub(super) fn descriptor(ty: &Type) -> String {
    match ty {
        Type::List(inner) => format!("[\"list\", {}]", descriptor(inner)),
        Type::Map(inner) => format!("[\"map\", {}]", descriptor(inner)),
        other => format!("\"{other}\""),
    }
}

pub(super) fn descriptors(signature: &Signature) -> String {
    let params: Vec<String> = signature.params.iter().map(|p| descriptor(&p.ty)).collect();
    format!("[{}]", params.join(", "))
}

const LIST_NODE_COMMENT: &str = "# Definition for singly-linked list (provided by the judge):
# class ListNode:
#     def __init__(self, val=0, next=None):
#         self.val = val
#         self.next = next
";

const TREE_NODE_COMMENT: &str = "# Definition for a binary tree node (provided by the judge):
# class TreeNode:
#     def __init__(self, val=0, left=None, right=None):
#         self.val = val
#         self.left = left
#         self.right = right
";

type TypeTest = fn(&Type) -> bool;

pub fn stub(signature: &Signature) -> Result<String, HarnessError> {
    let typing: [(&str, TypeTest); 4] = [
        ("Any", |t| *t == Type::Any),
        ("Dict", |t| matches!(t, Type::Map(_))),
        ("List", |t| matches!(t, Type::List(_))),
        ("Optional", |t| matches!(t, Type::ListNode | Type::TreeNode)),
    ];
    let imports: Vec<&str> = typing
        .iter()
        .filter(|(_, found)| signature_mentions(signature, found))
        .map(|(name, _)| *name)
        .collect();
    let mut out = String::new();
    if !imports.is_empty() {
        let _ = writeln!(out, "from typing import {}\n", imports.join(", "));
    }
    let mut comments = false;
    if signature_mentions(signature, &|t| *t == Type::ListNode) {
        out.push_str(LIST_NODE_COMMENT);
        comments = true;
    }
    if signature_mentions(signature, &|t| *t == Type::TreeNode) {
        if comments {
            out.push_str("#\n");
        }
        out.push_str(TREE_NODE_COMMENT);
        comments = true;
    }
    if comments {
        out.push('\n');
    }
    let mut params = vec!["self".to_string()];
    params.extend(
        signature
            .params
            .iter()
            .map(|p| format!("{}: {}", p.name, py_type(&p.ty))),
    );
    let _ = write!(
        out,
        "class Solution:\n    def {}({}) -> {}:\n        pass\n",
        signature.name,
        params.join(", "),
        py_type(&signature.returns)
    );
    Ok(out)
}

/// `text` as a Python bytes literal on one line.
fn bytes_literal(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8 + 3);
    out.push_str("b\"");
    for &b in text.as_bytes() {
        match b {
            b'\\' => out.push_str("\\\\"),
            b'"' => out.push_str("\\\""),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            0x20..=0x7e => out.push(b as char),
            _ => {
                let _ = write!(out, "\\x{b:02x}");
            }
        }
    }
    out.push('"');
    out
}

pub fn compose(signature: &Signature, user_source: &str) -> Result<String, HarnessError> {
    let mut out = String::with_capacity(HARNESS.len() + user_source.len() * 5 / 4 + 512);
    out.push_str(
        "# Tandem function-mode harness (docs/harness-protocol.md). The learner's code is\n",
    );
    out.push_str("# __tandem_SOURCE; it runs as solution.py with its own line numbers.\n");
    let _ = writeln!(out, "__tandem_SOURCE = {}", bytes_literal(user_source));
    let _ = writeln!(out, "__tandem_NAME = \"{}\"", signature.name);
    let _ = writeln!(out, "__tandem_PARAMS = {}", descriptors(signature));
    let _ = writeln!(
        out,
        "__tandem_RETURNS = {}\n\n",
        descriptor(&signature.returns)
    );
    out.push_str(HARNESS);
    Ok(out)
}

const HARNESS: &str = r##"def __tandem_main(source, name, params, returns):
    import io
    import json
    import os
    import sys
    import resource

    limit = 65536
    filename = "solution.py"
    getrusage = resource.getrusage
    myself = resource.RUSAGE_SELF

    def clock():
        # The process's CPU time in ns. Not time.process_time_ns(): under the sandbox's
        # RLIMIT_CPU, CLOCK_PROCESS_CPUTIME_ID only moves at scheduler ticks (milliseconds);
        # getrusage sums the threads' exact run times (microseconds).
        usage = getrusage(myself)
        return int((usage.ru_utime + usage.ru_stime) * 1e9)
    dumps = json.dumps
    inf = float("inf")
    real_stdout = sys.stdout
    # Records go to a private copy of fd 1: closing or replacing fd 1 does not cut them off.
    channel = os.dup(1)

    data = sys.stdin.buffer.read()
    size = len(data)
    pos = 0

    # ---- the input (docs/harness-protocol.md, "Input") --------------------------------------
    def scalars(n):
        # The next n tokens, none of them a string (at most 25 bytes and a separator each).
        nonlocal pos
        if n <= 0:
            return []
        start = pos
        chunk = data[start:start + 26 * n + 32]
        parts = chunk.split(None, n)
        if len(parts) > n:
            pos = start + len(chunk) - len(parts.pop())
        elif len(parts) == n:
            pos = start + len(chunk)
        else:
            raise EOFError("tandem: the input ended early")
        return parts

    def one():
        return scalars(1)[0]

    def count():
        return int(one())

    def string():
        nonlocal pos
        while pos < size and data[pos] in b" \r\n":
            pos += 1
        space = data.index(b" ", pos)
        n = int(data[pos:space])
        start = space + 1
        pos = start + n
        if pos > size:
            raise EOFError("tandem: the input ended early")
        return data[start:pos].decode("utf-8", "replace")

    def node_class(kind):
        cls = ns.get(kind)
        return cls if callable(cls) else prelude[kind]

    def build_list(values):
        cls = node_class("ListNode")
        head = None
        for value in reversed(values):
            node = cls(value)
            node.next = head
            head = node
        return head

    def build_tree(values):
        if not values or values[0] is None:
            return None
        cls = node_class("TreeNode")

        def make(value):
            node = cls(value)
            node.left = None
            node.right = None
            return node

        root = make(values[0])
        queue = [root]
        at = 0
        i = 1
        n = len(values)
        while i < n and at < len(queue):
            node = queue[at]
            at += 1
            value = values[i]
            i += 1
            if value is not None:
                node.left = make(value)
                queue.append(node.left)
            if i < n:
                value = values[i]
                i += 1
                if value is not None:
                    node.right = make(value)
                    queue.append(node.right)
        return root

    def decoder(t):
        if t == "int":
            return lambda: int(one())
        if t == "float":
            return lambda: float(one())
        if t == "bool":
            return lambda: one() == b"1"
        if t == "string":
            return string
        if t == "any":
            return lambda: json.loads(string())
        if t == "list_node":
            return lambda: build_list(list(map(int, scalars(count()))))
        if t == "tree_node":
            return lambda: build_tree([None if t == b"null" else int(t) for t in scalars(count())])
        kind, inner = t
        if kind == "list":
            if inner == "int":
                return lambda: list(map(int, scalars(count())))
            if inner == "float":
                return lambda: list(map(float, scalars(count())))
            if inner == "bool":
                return lambda: [token == b"1" for token in scalars(count())]
            item = decoder(inner)
            return lambda: [item() for _ in range(count())]
        item = decoder(inner)

        def decode_map():
            out = {}
            for _ in range(count()):
                key = string()
                out[key] = item()
            return out

        return decode_map

    # ---- the output (docs/harness-protocol.md, "Output") ------------------------------------
    def utf8(text):
        try:
            return text.encode("utf-8")
        except UnicodeEncodeError:
            # Lone surrogates: U+FFFD, as the protocol asks for invalid UTF-8.
            raw = text.encode("utf-8", "surrogatepass")
            return raw.decode("utf-8", "replace").encode("utf-8")

    def cut(raw):
        # At most `limit` bytes, without a broken UTF-8 sequence at the end.
        if len(raw) <= limit:
            return raw
        raw = raw[:limit]
        i = len(raw) - 1
        while i > 0 and i > len(raw) - 4 and raw[i] & 0xC0 == 0x80:
            i -= 1
        lead = raw[i]
        need = 1 if lead < 0xC0 else 2 if lead < 0xE0 else 3 if lead < 0xF0 else 4
        return raw[:i] if len(raw) - i < need else raw

    def send(raw):
        view = memoryview(raw)
        while view:
            view = view[os.write(channel, view):]

    def emit(index, status, cpu, payload, printed):
        send(
            b"@@%s %d %s %d\n%d %s\n%d %s\n"
            % (nonce, index, status, max(cpu, 0), len(payload), payload, len(printed), printed)
        )

    def stray(capture):
        # Prints outside any test (the module's top level) are stray output, kept line-whole so
        # the next record still starts a line.
        raw = capture.take()
        if raw:
            send(raw if raw.endswith(b"\n") else raw + b"\n")

    class Capture(io.TextIOBase):
        """sys.stdout during a call: keeps the first `limit` bytes of what is printed."""

        def __init__(self):
            self.parts = []
            self.kept = 0

        def write(self, text):
            if not isinstance(text, str):
                raise TypeError("write() argument must be str, not " + type(text).__name__)
            if self.kept <= limit:
                # Characters, not bytes: once past `limit` characters there are more than
                # `limit` bytes for sure; `take` cuts the bytes exactly.
                self.parts.append(text)
                self.kept += len(text)
            return len(text)

        def writable(self):
            return True

        def isatty(self):
            return False

        @property
        def encoding(self):
            return "utf-8"

        @property
        def errors(self):
            return "strict"

        @property
        def buffer(self):
            return CaptureBytes(self)

        def take(self):
            raw = cut(utf8("".join(self.parts)))
            self.parts = []
            return raw

    class CaptureBytes:
        """sys.stdout.buffer during a call."""

        def __init__(self, text):
            self.text = text

        def write(self, raw):
            self.text.write(bytes(raw).decode("utf-8", "replace"))
            return len(raw)

        def flush(self):
            pass

    # ---- return values as JSON --------------------------------------------------------------
    class Bad(Exception):
        pass

    def key(k):
        if isinstance(k, str):
            return k
        if k is True or k is False or k is None:
            return "true" if k is True else "false" if k is False else "null"
        if isinstance(k, int):
            return str(int(k))
        if isinstance(k, float):
            return json.dumps(plain(k)).strip('"')
        raise Bad("map keys must be strings, not " + type(k).__name__)

    def is_list_node(v):
        return hasattr(v, "val") and hasattr(v, "next")

    def is_tree_node(v):
        return hasattr(v, "val") and (hasattr(v, "left") or hasattr(v, "right"))

    def list_values(node):
        if not is_list_node(node):
            raise Bad("expected a ListNode or None, got " + type(node).__name__)
        out = []
        seen = set()
        while node is not None:
            if id(node) in seen:
                raise Bad("the returned linked list has a cycle")
            seen.add(id(node))
            out.append(plain(node.val))
            node = node.next
        return out

    def tree_values(root):
        if not is_tree_node(root):
            raise Bad("expected a TreeNode or None, got " + type(root).__name__)
        out = []
        queue = [root]
        seen = set()
        at = 0
        while at < len(queue):
            node = queue[at]
            at += 1
            if node is None:
                out.append(None)
                continue
            if id(node) in seen:
                raise Bad("the returned tree has a cycle or a node in two places")
            seen.add(id(node))
            out.append(plain(node.val))
            queue.append(getattr(node, "left", None))
            queue.append(getattr(node, "right", None))
        while out and out[-1] is None:
            out.pop()
        return out

    def plain(v):
        if v is None or v is True or v is False or isinstance(v, str):
            return v
        if isinstance(v, int):
            return int(v)
        if isinstance(v, float):
            if v != v:
                return "NaN"
            if v == inf or v == -inf:
                return "Infinity" if v > 0 else "-Infinity"
            return float(v)
        if isinstance(v, (list, tuple)):
            return [plain(x) for x in v]
        if isinstance(v, dict):
            return {key(k): plain(x) for k, x in v.items()}
        if is_list_node(v):
            return list_values(v)
        if is_tree_node(v):
            return tree_values(v)
        if isinstance(v, (bytes, bytearray, memoryview)):
            raise Bad("cannot encode " + type(v).__name__ + " (return a str)")
        if hasattr(type(v), "__iter__"):
            # set, deque, generator, range ...: as a list.
            return [plain(x) for x in v]
        raise Bad("cannot encode a value of type " + type(v).__name__)

    def convert(t, v):
        if t == "list_node":
            return [] if v is None else list_values(v)
        if t == "tree_node":
            return [] if v is None else tree_values(v)
        if type(t) is list:
            kind, inner = t
            if kind == "list" and isinstance(v, (list, tuple)):
                return [convert(inner, x) for x in v]
            if kind == "map" and isinstance(v, dict):
                return {key(k): convert(inner, x) for k, x in v.items()}
        return plain(v)

    def has_nodes(t):
        return t in ("list_node", "tree_node") or (type(t) is list and has_nodes(t[1]))

    fast = not has_nodes(returns)

    def encode(value):
        try:
            if fast:
                # Plain JSON values need no conversion; NaN, sets, nodes ... take the long way.
                try:
                    text = dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
                    return b"ok", utf8(text)
                except (TypeError, ValueError):
                    pass
            text = dumps(
                convert(returns, value),
                ensure_ascii=False,
                allow_nan=False,
                separators=(",", ":"),
            )
            return b"ok", utf8(text)
        except Bad as e:
            return b"bad", utf8(str(e))
        except RecursionError:
            return b"bad", b"the value is nested too deeply, or refers to itself"
        except BaseException as e:
            return b"bad", utf8("encoding the value raised " + describe(e))

    # ---- exceptions -------------------------------------------------------------------------
    def describe(e):
        cls = type(e)
        kind = getattr(cls, "__qualname__", cls.__name__)
        module = getattr(cls, "__module__", "builtins")
        if module not in ("builtins", "__main__", "solution"):
            kind = module + "." + kind
        try:
            message = str(e)
        except BaseException:
            message = "<exception str() failed>"
        return kind + ": " + message if message else kind

    def report(e):
        # The traceback on stderr, from the learner's first frame on: their own file name and
        # line numbers. Very deep ones (recursion) keep their last 50 frames.
        try:
            import linecache
            import traceback

            text = source.decode("utf-8-sig", "replace")
            linecache.cache[filename] = (len(text), None, text.splitlines(True), filename)
            tb = e.__traceback__
            while tb is not None and tb.tb_frame.f_code.co_filename != filename:
                tb = tb.tb_next
            depth = 0
            walk = tb
            while walk is not None:
                depth += 1
                walk = walk.tb_next
            lines = traceback.TracebackException(
                type(e), e, tb, limit=-50 if depth > 100 else None
            ).format()
            sys.stderr.write("".join(lines))
            sys.stderr.flush()
        except BaseException:
            pass

    # ---- the run ----------------------------------------------------------------------------
    newline = data.find(b"\n")
    nonce = data[:newline].strip()
    pos = newline + 1
    tests = count()

    module = type(sys)("solution")
    module.__file__ = filename
    sys.modules["solution"] = module
    ns = module.__dict__
    prelude = {}
    exec(
        compile(
            "from typing import Any, Callable, Deque, DefaultDict, Dict, Iterable, Iterator, "
            "List, Optional, Set, Tuple, Union\n"
            "class ListNode:\n"
            "    def __init__(self, val=0, next=None):\n"
            "        self.val = val\n"
            "        self.next = next\n"
            "class TreeNode:\n"
            "    def __init__(self, val=0, left=None, right=None):\n"
            "        self.val = val\n"
            "        self.left = left\n"
            "        self.right = right\n",
            "<tandem>",
            "exec",
            dont_inherit=True,
        ),
        ns,
    )
    prelude["ListNode"] = ns["ListNode"]
    prelude["TreeNode"] = ns["TreeNode"]

    top = Capture()
    sys.stdout = top
    try:
        exec(compile(source, filename, "exec", dont_inherit=True), ns)
    except BaseException as e:
        sys.stdout = real_stdout
        stray(top)
        report(e)
        return 1
    sys.stdout = real_stdout
    stray(top)

    def target():
        cls = ns.get("Solution")
        if cls is None:
            function = ns.get(name)
            if callable(function):
                return function
            raise NameError("name 'Solution' is not defined")
        return getattr(cls(), name)

    decoders = [decoder(t) for t in params]
    for index in range(tests):
        capture = Capture()
        cpu = 0
        sys.stdout = capture
        try:
            args = [d() for d in decoders]
            function = target()
            start = clock()
            try:
                value = function(*args)
            finally:
                cpu = clock() - start
            status, payload = encode(value)
        except BaseException as e:
            sys.stdout = real_stdout
            status, payload = b"error", utf8(describe(e))
            report(e)
        finally:
            sys.stdout = real_stdout
        args = value = function = None
        emit(index, status, cpu, payload, capture.take())
    return 0


def __tandem_start():
    import os
    import sys
    import threading

    result = [1]

    def body():
        try:
            result[0] = __tandem_main(
                __tandem_SOURCE, __tandem_NAME, __tandem_PARAMS, __tandem_RETURNS
            )
        except BaseException:
            import traceback

            traceback.print_exc()

    # Deep recursion: a high recursion limit and, for the C stack it needs, a thread with a
    # big stack (virtual: only the pages used count against the memory limit). 200000 frames
    # of endless recursion take ~60 MiB before RecursionError.
    try:
        threading.stack_size(512 << 20)
        worker = threading.Thread(target=body, name="tandem")
        sys.setrecursionlimit(200000)
        worker.start()
    except Exception:
        sys.setrecursionlimit(30000)
        body()
    else:
        worker.join()
    for stream in (sys.__stdout__, sys.stderr):
        try:
            stream.flush()
        except BaseException:
            pass
    os._exit(result[0])


__tandem_start()
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
    fn stub_of_a_plain_signature() {
        let s = sig(
            "twoSum",
            &[("nums", "list<int>"), ("target", "int")],
            "list<int>",
        );
        assert_eq!(
            stub(&s).expect("stub"),
            "from typing import List\n\nclass Solution:\n    def twoSum(self, nums: List[int], target: int) -> List[int]:\n        pass\n"
        );
    }

    #[test]
    fn stub_with_nodes_maps_and_any() {
        let s = sig(
            "f",
            &[
                ("head", "list_node"),
                ("counts", "map<string,float>"),
                ("x", "any"),
                ("ok", "bool"),
                ("word", "string"),
            ],
            "tree_node",
        );
        let expected = format!(
            "from typing import Any, Dict, Optional\n\n{LIST_NODE_COMMENT}#\n{TREE_NODE_COMMENT}\nclass Solution:\n    def f(self, head: Optional[ListNode], counts: Dict[str, float], x: Any, ok: bool, word: str) -> Optional[TreeNode]:\n        pass\n"
        );
        assert_eq!(stub(&s).expect("stub"), expected);
        let plain = stub(&sig("g", &[("n", "int")], "int")).expect("stub");
        assert_eq!(
            plain,
            "class Solution:\n    def g(self, n: int) -> int:\n        pass\n"
        );
    }

    #[test]
    fn descriptors_are_json() {
        let s = sig(
            "f",
            &[("a", "list<map<string,list_node>>"), ("b", "int")],
            "any",
        );
        assert_eq!(
            descriptors(&s),
            r#"[["list", ["map", "list_node"]], "int"]"#
        );
        let parsed: serde_json::Value = serde_json::from_str(&descriptors(&s)).expect("json");
        assert_eq!(parsed[0][1][0], "map");
        assert_eq!(descriptor(&s.returns), "\"any\"");
    }

    #[test]
    fn the_source_travels_as_an_exact_bytes_literal() {
        assert_eq!(
            bytes_literal("a\"b\\c\n\té\u{1}"),
            r#"b"a\"b\\c\n\t\xc3\xa9\x01""#
        );
        let program = compose(&sig("f", &[], "int"), "x = 1\n").expect("compose");
        assert!(program.contains("__tandem_SOURCE = b\"x = 1\\n\"\n"));
        assert!(program.contains("__tandem_NAME = \"f\"\n__tandem_PARAMS = []\n"));
        assert!(program.ends_with("__tandem_start()\n"));
    }
}
