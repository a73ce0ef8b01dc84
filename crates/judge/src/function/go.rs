//! Function-mode stub and harness for Go (docs/harness-protocol.md).
//!
//! The learner writes a top-level `func name(args) RET { .. }` with their own imports; a
//! leading `package` clause is accepted and blanked (its line is kept). The composed file's
//! first line is `package main` and the harness's imports, with aliases (`tandem_os "os"` ...)
//! so they never clash with the learner's imports, followed on the same line by the learner's
//! first line; their code is otherwise unchanged, so compiler messages keep their line
//! numbers. The harness after it: `ListNode`/`TreeNode` where the signature uses them (LeetCode's
//! fields `Val`, `Next`, `Left`, `Right`), the type-directed decoders and encoders generated
//! here, and `func main`. A `type ListNode`/`type TreeNode` of the learner's own replaces the
//! harness's.
//!
//! - Records go to the real stdout (`os.Stdout` as it was at start); during each call
//!   `os.Stdout` is a pipe drained by a goroutine that keeps the first 64 KiB, so `fmt.Println`
//!   is captured per test. Writes straight to fd 1 escape (they end up as stray output).
//! - Panics, runtime errors included (`index out of range`, nil dereference), are recovered and
//!   reported as `panic: <message>`. A stack overflow is fatal in Go (not recoverable): it ends
//!   the process, and the host sees the records before it. Goroutine stacks grow up to Go's
//!   default maximum, so deep recursion (10^5) works; runaway recursion meets the memory limit.
//! - CPU time per call is `getrusage(RUSAGE_SELF)` user + system time (microsecond grain).

use std::fmt::Write;

use tandem_problems::{Signature, Type};

use super::rust::{code_words, has_pair};
use super::{HarnessError, unsupported};
use crate::language::Language;

const KEYWORDS: &[&str] = &[
    "break",
    "case",
    "chan",
    "const",
    "continue",
    "default",
    "defer",
    "else",
    "fallthrough",
    "for",
    "func",
    "go",
    "goto",
    "if",
    "import",
    "interface",
    "map",
    "package",
    "range",
    "return",
    "select",
    "struct",
    "switch",
    "type",
];

/// A keyword gets a trailing underscore; other names stay as the signature spells them.
fn ident(name: &str) -> String {
    if KEYWORDS.contains(&name) {
        format!("{name}_")
    } else {
        name.to_string()
    }
}

fn check(ty: &Type) -> Result<(), HarnessError> {
    match ty {
        Type::Any => Err(unsupported(
            Language::Go,
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

fn go_type(ty: &Type) -> String {
    match ty {
        Type::Int => "int".into(),
        Type::Float => "float64".into(),
        Type::Bool => "bool".into(),
        Type::String | Type::Any => "string".into(),
        Type::List(inner) => format!("[]{}", go_type(inner)),
        Type::Map(inner) => format!("map[string]{}", go_type(inner)),
        Type::ListNode => "*ListNode".into(),
        Type::TreeNode => "*TreeNode".into(),
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

fn signature_uses(signature: &Signature, wanted: &Type) -> bool {
    signature.params.iter().any(|p| uses(&p.ty, wanted)) || uses(&signature.returns, wanted)
}

const LIST_NODE_COMMENT: &str = "\
/**
 * Definition for singly-linked list.
 * type ListNode struct {
 *     Val int
 *     Next *ListNode
 * }
 */
";

const TREE_NODE_COMMENT: &str = "\
/**
 * Definition for a binary tree node.
 * type TreeNode struct {
 *     Val int
 *     Left *TreeNode
 *     Right *TreeNode
 * }
 */
";

pub fn stub(signature: &Signature) -> Result<String, HarnessError> {
    check_signature(signature)?;
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
        .map(|p| format!("{} {}", ident(&p.name), go_type(&p.ty)))
        .collect();
    let _ = write!(
        out,
        "func {}({}) {} {{\n\n}}\n",
        ident(&signature.name),
        params.join(", "),
        go_type(&signature.returns)
    );
    Ok(out)
}

/// The learner's source with a leading `package` clause blanked (spaces, so columns and lines
/// stay), if the first line with code starts with one.
fn blank_package_clause(source: &str) -> String {
    let mut offset = 0;
    let mut in_block = false;
    for line in source.split_inclusive('\n') {
        let mut rest = line.trim_start();
        loop {
            if in_block {
                match rest.find("*/") {
                    Some(end) => {
                        in_block = false;
                        rest = rest[end + 2..].trim_start();
                    }
                    None => break,
                }
            } else if rest.starts_with("//") || rest.is_empty() {
                break;
            } else if let Some(after) = rest.strip_prefix("/*") {
                in_block = true;
                rest = after;
            } else {
                // The first code: a package clause or not.
                let Some(after) = rest.strip_prefix("package") else {
                    return source.to_string();
                };
                if !after.starts_with([' ', '\t']) {
                    return source.to_string();
                }
                let name_start = after.len() - after.trim_start().len();
                let name_len = after[name_start..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '_'))
                    .unwrap_or(after.len() - name_start);
                let mut clause_end = "package".len() + name_start + name_len;
                let tail = &rest[clause_end..];
                let spaces = tail.len() - tail.trim_start_matches([' ', '\t']).len();
                if tail[spaces..].starts_with(';') {
                    clause_end += spaces + 1;
                }
                let start = offset + (line.len() - rest.len());
                let mut blanked = String::with_capacity(source.len());
                blanked.push_str(&source[..start]);
                blanked.push_str(&" ".repeat(clause_end));
                blanked.push_str(&source[start + clause_end..]);
                return blanked;
            }
        }
        offset += line.len();
    }
    source.to_string()
}

const HEADER: &str = "package main; import (tandem_fmt \"fmt\"; tandem_io \"io\"; tandem_math \"math\"; \
tandem_os \"os\"; tandem_strconv \"strconv\"; tandem_syscall \"syscall\"); ";

const LIST_NODE_DEF: &str = "
type ListNode struct {
	Val  int
	Next *ListNode
}
";

const TREE_NODE_DEF: &str = "
type TreeNode struct {
	Val   int
	Left  *TreeNode
	Right *TreeNode
}
";

/// The fixed part of the harness: reader, JSON helpers, capture, records, timing.
const RUNTIME: &str = r#"
var _ = tandem_fmt.Sprint
var _ = tandem_io.ReadAll
var _ = tandem_math.IsNaN
var _ = tandem_os.Exit
var _ = tandem_strconv.Itoa
var _ = tandem_syscall.Getrusage

type tandemReader struct {
	b []byte
	p int
}

func tandemIsSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t'
}

func (r *tandemReader) token() []byte {
	for r.p < len(r.b) && tandemIsSpace(r.b[r.p]) {
		r.p++
	}
	start := r.p
	for r.p < len(r.b) && !tandemIsSpace(r.b[r.p]) {
		r.p++
	}
	return r.b[start:r.p]
}

func (r *tandemReader) int() int {
	v, err := tandem_strconv.ParseInt(string(r.token()), 10, 64)
	if err != nil {
		panic("tandem: malformed int")
	}
	return int(v)
}

func (r *tandemReader) float() float64 {
	v, err := tandem_strconv.ParseFloat(string(r.token()), 64)
	if err != nil {
		panic("tandem: malformed float")
	}
	return v
}

func (r *tandemReader) boolean() bool {
	t := r.token()
	return len(t) == 1 && t[0] == '1'
}

func (r *tandemReader) str() string {
	n := r.int()
	r.p++
	end := r.p + n
	if end > len(r.b) {
		end = len(r.b)
	}
	s := string(r.b[r.p:end])
	r.p = end
	return s
}

type tandemWriter struct {
	b   []byte
	bad string
}

func (w *tandemWriter) int(v int) {
	w.b = tandem_strconv.AppendInt(w.b, int64(v), 10)
}

func (w *tandemWriter) float(v float64) {
	switch {
	case tandem_math.IsNaN(v):
		w.b = append(w.b, `"NaN"`...)
	case tandem_math.IsInf(v, 1):
		w.b = append(w.b, `"Infinity"`...)
	case tandem_math.IsInf(v, -1):
		w.b = append(w.b, `"-Infinity"`...)
	default:
		start := len(w.b)
		w.b = tandem_strconv.AppendFloat(w.b, v, 'g', -1, 64)
		for _, c := range w.b[start:] {
			if c == '.' || c == 'e' {
				return
			}
		}
		w.b = append(w.b, ".0"...)
	}
}

func (w *tandemWriter) boolean(v bool) {
	if v {
		w.b = append(w.b, "true"...)
	} else {
		w.b = append(w.b, "false"...)
	}
}

func (w *tandemWriter) str(s string) {
	const hex = "0123456789abcdef"
	b := append(w.b, '"')
	for _, c := range s {
		switch {
		case c == '"':
			b = append(b, '\\', '"')
		case c == '\\':
			b = append(b, '\\', '\\')
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&15])
		case c == 0xFFFD:
			// Invalid UTF-8 decodes to U+FFFD too.
			b = append(b, "\\ufffd"...)
		default:
			b = append(b, string(c)...)
		}
	}
	w.b = append(b, '"')
}

func tandemCPU() int64 {
	var ru tandem_syscall.Rusage
	if tandem_syscall.Getrusage(tandem_syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return ru.Utime.Nano() + ru.Stime.Nano()
}

const tandemCaptureLimit = 65536

func tandemDrain(r *tandem_os.File, done chan []byte) {
	var kept []byte
	chunk := make([]byte, 8192)
	for {
		n, err := r.Read(chunk)
		if room := tandemCaptureLimit - len(kept); n > 0 && room > 0 {
			if n > room {
				n = room
			}
			kept = append(kept, chunk[:n]...)
		}
		if err != nil {
			break
		}
	}
	r.Close()
	done <- kept
}

func tandemProtect(f func()) (panicked bool, message string) {
	finished := false
	defer func() {
		if !finished {
			panicked = true
			message = "panic: " + tandem_fmt.Sprint(recover())
		}
	}()
	f()
	finished = true
	return
}

var tandemStdout *tandem_os.File

// tandemCall runs f with os.Stdout captured: what it printed, its CPU time, and its panic.
func tandemCall(f func()) (printed []byte, cpu int64, panicked bool, message string) {
	pr, pw, err := tandem_os.Pipe()
	var done chan []byte
	if err == nil {
		done = make(chan []byte, 1)
		go tandemDrain(pr, done)
		tandem_os.Stdout = pw
	}
	start := tandemCPU()
	panicked, message = tandemProtect(f)
	cpu = tandemCPU() - start
	tandem_os.Stdout = tandemStdout
	if err == nil {
		pw.Close()
		printed = <-done
	}
	return
}

func tandemRecord(nonce string, index int, status string, cpu int64, payload, printed []byte) {
	b := make([]byte, 0, 64+len(nonce)+len(payload)+len(printed))
	b = append(b, "@@"...)
	b = append(b, nonce...)
	b = append(b, ' ')
	b = tandem_strconv.AppendInt(b, int64(index), 10)
	b = append(b, ' ')
	b = append(b, status...)
	b = append(b, ' ')
	b = tandem_strconv.AppendInt(b, cpu, 10)
	b = append(b, '\n')
	b = tandem_strconv.AppendInt(b, int64(len(payload)), 10)
	b = append(b, ' ')
	b = append(b, payload...)
	b = append(b, '\n')
	b = tandem_strconv.AppendInt(b, int64(len(printed)), 10)
	b = append(b, ' ')
	b = append(b, printed...)
	b = append(b, '\n')
	tandemStdout.Write(b)
}

func tandemOutcome(panicked bool, message string, encode func(*tandemWriter)) (string, []byte) {
	if panicked {
		return "error", []byte(message)
	}
	w := &tandemWriter{}
	encode(w)
	if w.bad != "" {
		return "bad", []byte(w.bad)
	}
	return "ok", w.b
}
"#;

/// The decoder of `ty` (after those of its parts), once per type.
fn gen_decoder(ty: &Type, done: &mut Vec<String>, out: &mut String) {
    let k = key(ty);
    if done.contains(&k) {
        return;
    }
    done.push(k.clone());
    let t = go_type(ty);
    match ty {
        Type::Int => out.push_str("\nfunc tandemDec_int(r *tandemReader) int { return r.int() }\n"),
        Type::Float => {
            out.push_str("\nfunc tandemDec_float(r *tandemReader) float64 { return r.float() }\n")
        }
        Type::Bool => {
            out.push_str("\nfunc tandemDec_bool(r *tandemReader) bool { return r.boolean() }\n")
        }
        Type::String | Type::Any => {
            out.push_str("\nfunc tandemDec_string(r *tandemReader) string { return r.str() }\n")
        }
        Type::List(inner) => {
            gen_decoder(inner, done, out);
            let ik = key(inner);
            let _ = write!(
                out,
                "
func tandemDec_{k}(r *tandemReader) {t} {{
	n := r.int()
	v := make({t}, n)
	for i := range v {{
		v[i] = tandemDec_{ik}(r)
	}}
	return v
}}
"
            );
        }
        Type::Map(inner) => {
            gen_decoder(inner, done, out);
            let ik = key(inner);
            let _ = write!(
                out,
                "
func tandemDec_{k}(r *tandemReader) {t} {{
	n := r.int()
	m := make({t}, n)
	for i := 0; i < n; i++ {{
		k := r.str()
		m[k] = tandemDec_{ik}(r)
	}}
	return m
}}
"
            );
        }
        Type::ListNode => out.push_str(
            "
func tandemDec_listnode(r *tandemReader) *ListNode {
	n := r.int()
	vals := make([]int, n)
	for i := range vals {
		vals[i] = r.int()
	}
	var head *ListNode
	for i := n - 1; i >= 0; i-- {
		head = &ListNode{Val: vals[i], Next: head}
	}
	return head
}
",
        ),
        Type::TreeNode => out.push_str(
            "
func tandemDec_treenode(r *tandemReader) *TreeNode {
	n := r.int()
	vals := make([]*int, n)
	for i := range vals {
		t := r.token()
		if string(t) != \"null\" {
			v, err := tandem_strconv.ParseInt(string(t), 10, 64)
			if err != nil {
				panic(\"tandem: malformed tree\")
			}
			x := int(v)
			vals[i] = &x
		}
	}
	if n == 0 || vals[0] == nil {
		return nil
	}
	root := &TreeNode{Val: *vals[0]}
	queue := []*TreeNode{root}
	for i := 1; i < n && len(queue) > 0; {
		node := queue[0]
		queue = queue[1:]
		if vals[i] != nil {
			node.Left = &TreeNode{Val: *vals[i]}
			queue = append(queue, node.Left)
		}
		i++
		if i < n {
			if vals[i] != nil {
				node.Right = &TreeNode{Val: *vals[i]}
				queue = append(queue, node.Right)
			}
			i++
		}
	}
	return root
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
    let t = go_type(ty);
    let _ = write!(out, "\nfunc tandemEnc_{k}(w *tandemWriter, v {t}) {{\n");
    match ty {
        Type::Int => out.push_str("\tw.int(v)\n"),
        Type::Float => out.push_str("\tw.float(v)\n"),
        Type::Bool => out.push_str("\tw.boolean(v)\n"),
        Type::String | Type::Any => out.push_str("\tw.str(v)\n"),
        Type::List(inner) => {
            let _ = write!(
                out,
                "\tw.b = append(w.b, '[')
	for i, x := range v {{
		if i > 0 {{
			w.b = append(w.b, ',')
		}}
		tandemEnc_{}(w, x)
		if w.bad != \"\" {{
			return
		}}
	}}
	w.b = append(w.b, ']')
",
                key(inner)
            );
        }
        Type::Map(inner) => {
            let _ = write!(
                out,
                "\tw.b = append(w.b, '{{')
	first := true
	for key, x := range v {{
		if !first {{
			w.b = append(w.b, ',')
		}}
		first = false
		w.str(key)
		w.b = append(w.b, ':')
		tandemEnc_{}(w, x)
		if w.bad != \"\" {{
			return
		}}
	}}
	w.b = append(w.b, '}}')
",
                key(inner)
            );
        }
        Type::ListNode => out.push_str(
            "\tw.b = append(w.b, '[')
	slow, cur := v, v
	for i := 0; cur != nil; {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		w.int(cur.Val)
		cur = cur.Next
		i++
		if i%2 == 0 {
			slow = slow.Next
		}
		if cur != nil && cur == slow {
			w.bad = \"the returned list has a cycle\"
			return
		}
	}
	w.b = append(w.b, ']')
",
        ),
        Type::TreeNode => out.push_str(
            "\tvar vals []*TreeNode
	seen := map[*TreeNode]bool{}
	queue := []*TreeNode{v}
	for len(queue) > 0 {
		node := queue[0]
		queue = queue[1:]
		vals = append(vals, node)
		if node != nil {
			if seen[node] {
				w.bad = \"the returned tree reaches a node twice (a cycle or a shared node)\"
				return
			}
			seen[node] = true
			queue = append(queue, node.Left, node.Right)
		}
	}
	for len(vals) > 0 && vals[len(vals)-1] == nil {
		vals = vals[:len(vals)-1]
	}
	w.b = append(w.b, '[')
	for i, node := range vals {
		if i > 0 {
			w.b = append(w.b, ',')
		}
		if node == nil {
			w.b = append(w.b, \"null\"...)
		} else {
			w.int(node.Val)
		}
	}
	w.b = append(w.b, ']')
",
        ),
    }
    out.push_str("}\n");
}

pub fn compose(signature: &Signature, user_source: &str) -> Result<String, HarnessError> {
    check_signature(signature)?;
    let user = blank_package_clause(user_source);
    let words = code_words(&user, false);
    let mut out = String::with_capacity(user.len() + (16 << 10));
    out.push_str(HEADER);
    out.push_str(&user);
    if !user.ends_with('\n') {
        out.push('\n');
    }
    out.push_str("\n// ---- Tandem harness (generated) ----\n");
    if signature_uses(signature, &Type::ListNode) && !has_pair(&words, "type", "ListNode") {
        out.push_str(LIST_NODE_DEF);
    }
    if signature_uses(signature, &Type::TreeNode) && !has_pair(&words, "type", "TreeNode") {
        out.push_str(TREE_NODE_DEF);
    }
    out.push_str(RUNTIME);
    let mut done = Vec::new();
    for param in &signature.params {
        gen_decoder(&param.ty, &mut done, &mut out);
    }
    let mut done = Vec::new();
    gen_encoder(&signature.returns, &mut done, &mut out);

    out.push_str(
        "
func main() {
	tandemStdout = tandem_os.Stdout
	tandemInput, _ := tandem_io.ReadAll(tandem_os.Stdin)
	tandemR := &tandemReader{b: tandemInput}
	tandemNonce := string(tandemR.token())
	tandemCount := tandemR.int()
	for tandemIndex := 0; tandemIndex < tandemCount; tandemIndex++ {
",
    );
    let mut args = Vec::new();
    for (i, param) in signature.params.iter().enumerate() {
        let _ = writeln!(
            out,
            "\t\ttandemA{i} := tandemDec_{}(tandemR)",
            key(&param.ty)
        );
        args.push(format!("tandemA{i}"));
    }
    let ret = key(&signature.returns);
    let _ = write!(
        out,
        "\t\tvar tandemResult {}
		tandemPrinted, tandemCPUTime, tandemPanicked, tandemMessage := tandemCall(func() {{ tandemResult = {}({}) }})
		tandemStatus, tandemPayload := tandemOutcome(tandemPanicked, tandemMessage, func(w *tandemWriter) {{ tandemEnc_{ret}(w, tandemResult) }})
		tandemRecord(tandemNonce, tandemIndex, tandemStatus, tandemCPUTime, tandemPayload, tandemPrinted)
	}}
}}
",
        go_type(&signature.returns),
        ident(&signature.name),
        args.join(", "),
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
            "func pairSum(nums []int, target int) []int {\n\n}\n"
        );
    }

    #[test]
    fn stub_with_nodes_maps_and_keywords() {
        let s = sig(
            "mergeAll",
            &[
                ("root", "tree_node"),
                ("counts", "map<string,list<float>>"),
                ("type", "bool"),
            ],
            "list_node",
        );
        let expected = format!(
            "{LIST_NODE_COMMENT}{TREE_NODE_COMMENT}func mergeAll(root *TreeNode, counts \
             map[string][]float64, type_ bool) *ListNode {{\n\n}}\n"
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
    fn package_clause_is_blanked_in_place() {
        assert_eq!(
            blank_package_clause("package main\n\nfunc f() {}\n"),
            "            \n\nfunc f() {}\n"
        );
        assert_eq!(
            blank_package_clause("// hi\n/* a\n b */ package solution; import \"fmt\"\n"),
            "// hi\n/* a\n b */                   import \"fmt\"\n"
        );
        assert_eq!(
            blank_package_clause("import \"fmt\"\npackage main\n"),
            "import \"fmt\"\npackage main\n"
        );
        assert_eq!(blank_package_clause("packages := 1"), "packages := 1");
    }

    #[test]
    fn compose_puts_the_header_on_the_first_line() {
        let s = sig("reverse", &[("head", "list_node")], "list_node");
        let user = "package main\nimport \"fmt\"\nfunc reverse(head *ListNode) *ListNode { fmt.Println(); return head }\n";
        let program = compose(&s, user).expect("composes");
        let lines: Vec<&str> = program.lines().collect();
        assert!(lines[0].starts_with("package main; import ("));
        assert_eq!(lines[1], "import \"fmt\"");
        assert!(program.contains("type ListNode struct"));
        assert!(!program.contains("type TreeNode struct"));
        assert!(program.contains("tandemResult = reverse(tandemA0)"));
        let own = compose(&s, "type ListNode struct { Val int; Next *ListNode }\n").expect("c");
        assert_eq!(own.matches("type ListNode struct").count(), 1);
    }
}
