//! Function mode in C++ (docs/harness-protocol.md).
//!
//! The composed `main.cpp` is
//!
//! ```text
//! #line 1 "harness.cpp"
//! <prelude: includes, `using namespace std;`, ListNode/TreeNode, the harness's reader,
//!  JSON writer, capture and record code in namespace tandem_h>
//! #line 1 "solution.cpp"
//! <the user's code, unchanged>
//! #line N "harness.cpp"
//! <main: decode each test's arguments, call Solution().name(...), write the record>
//! ```
//!
//! so the compiler names `solution.cpp` and the user's own line numbers in its messages, and
//! `harness.cpp` with the composed file's line numbers elsewhere. Almost all harness code sits
//! in the prelude, before the user's code, where the user's macros cannot reach it (a
//! `#define int long long` is common); the part after the user's code is `signed main()` and
//! uses neither `int` nor unqualified library names.
//!
//! A `main` in the user's code (a local test driver) is renamed by a `#define` around their
//! code, so it neither clashes with the harness's nor runs.
//!
//! Decoding and encoding are type-directed: the host writes each argument's declared C++ type
//! (`std::vector<std::vector<long long>>`) and the prelude's overloaded `tandem_h::read` /
//! `tandem_h::put` do the rest. The return value is converted to the declared type when it
//! converts (an `int` return for `long long`), else written as it is (a `vector<int>` is still
//! a JSON array of integers).
//!
//! Per test the harness flushes the user's streams, points fd 1 at an unlinked temp file
//! (`tmpfile()`), runs the call, flushes again, puts the real stdout back and keeps the first
//! 64 KiB the call printed. Records go to a duplicate of the original fd 1 with `write(2)`, one
//! call per record. `SIGXFSZ` is ignored so a print beyond the file-size limit fails instead of
//! killing the process.
//!
//! Per-test time is the CPU time of the thread that makes the call
//! (`CLOCK_THREAD_CPUTIME_ID`), not the process clock the protocol names: with `RLIMIT_CPU`
//! set, Linux advances the process clock only at scheduler ticks (a 100 µs call reads as 0 or
//! 4 ms). The two differ only for solutions that start threads of their own; the process's CPU
//! limit still covers those.
//!
//! `ListNode`/`TreeNode` are LeetCode's structs (`int val`). A user who defines them keeps their
//! own definition (the harness only declares the names and reaches the fields from templates
//! instantiated after the user's code). Node values that do not fit the `val` field make that
//! test an `error` record instead of being cut silently.

use tandem_problems::{Signature, Type};

use super::HarnessError;

/// The C++ type of `ty` as the user writes it (after `using namespace std;`).
fn user_type(ty: &Type) -> String {
    match ty {
        Type::Int => "long long".into(),
        Type::Float => "double".into(),
        Type::Bool => "bool".into(),
        Type::String => "string".into(),
        Type::List(inner) => format!("vector<{}>", user_type(inner)),
        Type::Map(inner) => format!("unordered_map<string, {}>", user_type(inner)),
        Type::ListNode => "ListNode*".into(),
        Type::TreeNode => "TreeNode*".into(),
        // Refused by mod.rs before we get here.
        Type::Any => "void*".into(),
    }
}

/// The same type, fully qualified, for the code after the user's (no `using` needed).
fn harness_type(ty: &Type) -> String {
    match ty {
        Type::Int => "long long".into(),
        Type::Float => "double".into(),
        Type::Bool => "bool".into(),
        Type::String => "std::string".into(),
        Type::List(inner) => format!("std::vector<{}>", harness_type(inner)),
        Type::Map(inner) => format!("std::unordered_map<std::string, {}>", harness_type(inner)),
        Type::ListNode => "::ListNode*".into(),
        Type::TreeNode => "::TreeNode*".into(),
        Type::Any => "void*".into(),
    }
}

/// A parameter as the stub declares it: containers by reference, everything else by value.
fn param(ty: &Type, name: &str) -> String {
    match ty {
        Type::List(_) | Type::Map(_) => format!("{}& {name}", user_type(ty)),
        _ => format!("{} {name}", user_type(ty)),
    }
}

pub(super) fn uses(ty: &Type, node: &Type) -> bool {
    match ty {
        Type::List(inner) | Type::Map(inner) => uses(inner, node),
        other => other == node,
    }
}

pub(super) fn signature_uses(signature: &Signature, node: &Type) -> bool {
    signature.params.iter().any(|p| uses(&p.ty, node)) || uses(&signature.returns, node)
}

const LIST_NODE_COMMENT: &str = "/**
 * Definition for singly-linked list.
 * struct ListNode {
 *     int val;
 *     ListNode *next;
 *     ListNode() : val(0), next(nullptr) {}
 *     ListNode(int x) : val(x), next(nullptr) {}
 *     ListNode(int x, ListNode *next) : val(x), next(next) {}
 * };
 */
";

const TREE_NODE_COMMENT: &str = "/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
";

const LIST_NODE: &str = "struct ListNode {
    int val;
    ListNode *next;
    ListNode() : val(0), next(nullptr) {}
    ListNode(int x) : val(x), next(nullptr) {}
    ListNode(int x, ListNode *next) : val(x), next(next) {}
};
";

const TREE_NODE: &str = "struct TreeNode {
    int val;
    TreeNode *left;
    TreeNode *right;
    TreeNode() : val(0), left(nullptr), right(nullptr) {}
    TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
    TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
};
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
        .map(|p| param(&p.ty, &p.name))
        .collect();
    out.push_str(&format!(
        "class Solution {{\npublic:\n    {} {}({}) {{\n\n    }}\n}};\n",
        user_type(&signature.returns),
        signature.name,
        params.join(", ")
    ));
    Ok(out)
}

/// Everything before the user's code. Node-specific parts are templates on the node type, so
/// they compile against whichever definition (the harness's or the user's) exists by the time
/// `main` instantiates them.
const PRELUDE: &str = r##"#include <bits/stdc++.h>
#include <cxxabi.h>
using namespace std;
namespace tandem_h {
static std::string in;
static std::size_t pos = 0;
static std::string nonce;
static long long tests = 0;
static int real_fd = -1;
static int cap_fd = -1;
static std::string bad_input;
static const std::size_t CAPTURE_LIMIT = 65536;

[[noreturn]] static void fail(const char* what) {
    std::fprintf(stderr, "tandem harness: %s (input byte %zu)\n", what, pos);
    std::fflush(stderr);
    ::_exit(2);
}
static inline bool space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
static std::string_view token() {
    while (pos < in.size() && space(in[pos])) ++pos;
    std::size_t start = pos;
    while (pos < in.size() && !space(in[pos])) ++pos;
    if (start == pos) fail("the input ended early");
    return std::string_view(in.data() + start, pos - start);
}
static long long parse_integer(std::string_view t) {
    long long v = 0;
    auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (r.ec != std::errc() || r.ptr != t.data() + t.size()) fail("bad integer");
    return v;
}
static long long integer() { return parse_integer(token()); }
static std::size_t count() {
    long long n = integer();
    if (n < 0 || static_cast<unsigned long long>(n) > in.size()) fail("bad count");
    return static_cast<std::size_t>(n);
}

inline void read(long long& v) { v = integer(); }
inline void read(bool& v) { v = integer() != 0; }
inline void read(double& v) {
    std::string_view t = token();
    if (t == "nan") { v = std::numeric_limits<double>::quiet_NaN(); return; }
    if (t == "inf") { v = std::numeric_limits<double>::infinity(); return; }
    if (t == "-inf") { v = -std::numeric_limits<double>::infinity(); return; }
    auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (r.ec != std::errc() || r.ptr != t.data() + t.size()) fail("bad float");
}
inline void read(std::string& v) {
    std::size_t n = count();
    if (pos >= in.size() || in[pos] != ' ') fail("bad string");
    ++pos;
    if (in.size() - pos < n) fail("string past the end");
    v.assign(in, pos, n);
    pos += n;
}
template <class T> void read(std::vector<T>& v);
template <class T> void read(std::unordered_map<std::string, T>& m);
template <class N, std::enable_if_t<std::is_same_v<N, ::ListNode>, int> = 0> void read(N*& head);
template <class N, std::enable_if_t<std::is_same_v<N, ::TreeNode>, int> = 0> void read(N*& root);

template <class T> void read(std::vector<T>& v) {
    std::size_t n = count();
    v.clear();
    v.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        T x{};
        read(x);
        v.push_back(std::move(x));
    }
}
template <class T> void read(std::unordered_map<std::string, T>& m) {
    std::size_t n = count();
    m.clear();
    m.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::string k;
        read(k);
        T x{};
        read(x);
        m[std::move(k)] = std::move(x);
    }
}
/// A node value as the node's `val` type; a value that does not fit spoils the test.
template <class N> auto node_value(long long x, const char* what) {
    using V = std::remove_cv_t<std::remove_reference_t<decltype(std::declval<N&>().val)>>;
    if constexpr (std::is_integral_v<V>) {
        bool fits;
        if constexpr (std::is_signed_v<V>)
            fits = x >= static_cast<long long>(std::numeric_limits<V>::min()) &&
                   x <= static_cast<long long>(std::numeric_limits<V>::max());
        else
            fits = x >= 0 && static_cast<unsigned long long>(x) <=
                                 static_cast<unsigned long long>(std::numeric_limits<V>::max());
        if (!fits && bad_input.empty())
            bad_input = std::string("tandem: ") + what + " value " + std::to_string(x) +
                        " does not fit the node's val field";
    }
    return static_cast<V>(x);
}
template <class N, std::enable_if_t<std::is_same_v<N, ::ListNode>, int>> void read(N*& head) {
    std::size_t n = count();
    head = nullptr;
    N* tail = nullptr;
    for (std::size_t i = 0; i < n; ++i) {
        N* node = new N(node_value<N>(integer(), "list_node"));
        node->next = nullptr;
        if (tail) tail->next = node; else head = node;
        tail = node;
    }
}
template <class N, std::enable_if_t<std::is_same_v<N, ::TreeNode>, int>> void read(N*& root) {
    std::size_t n = count();
    std::vector<N*> nodes;
    nodes.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        std::string_view t = token();
        if (t == "null") {
            nodes.push_back(nullptr);
        } else {
            N* node = new N(node_value<N>(parse_integer(t), "tree_node"));
            node->left = nullptr;
            node->right = nullptr;
            nodes.push_back(node);
        }
    }
    root = nullptr;
    if (n == 0 || nodes[0] == nullptr) return;
    root = nodes[0];
    std::size_t next = 1;
    for (std::size_t k = 0; k < n && next < n; ++k) {
        N* p = nodes[k];
        if (!p) continue;
        p->left = nodes[next++];
        if (next < n) p->right = nodes[next++];
    }
}

struct BadValue { std::string why; };

static void put_string(std::string& o, const char* s, std::size_t n) {
    static const char hex[] = "0123456789abcdef";
    o += '"';
    std::size_t i = 0;
    while (i < n) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            switch (c) {
                case '"': o += "\\\""; break;
                case '\\': o += "\\\\"; break;
                case '\n': o += "\\n"; break;
                case '\r': o += "\\r"; break;
                case '\t': o += "\\t"; break;
                case '\b': o += "\\b"; break;
                case '\f': o += "\\f"; break;
                default:
                    if (c < 0x20) {
                        o += "\\u00";
                        o += hex[c >> 4];
                        o += hex[c & 15];
                    } else {
                        o += static_cast<char>(c);
                    }
            }
            ++i;
            continue;
        }
        std::size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        bool ok = len != 0 && i + len <= n;
        unsigned long cp = len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (std::size_t k = 1; ok && k < len; ++k) {
            unsigned char d = static_cast<unsigned char>(s[i + k]);
            if ((d & 0xC0) != 0x80) ok = false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if (ok && len == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ok = false;
        if (ok && len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ok = false;
        if (ok) {
            o.append(s + i, len);
            i += len;
        } else {
            o += "\\ufffd";
            ++i;
        }
    }
    o += '"';
}

template <class T, std::enable_if_t<std::is_integral_v<T> && !std::is_same_v<T, bool>, int> = 0>
void put(std::string& o, T v) { o += std::to_string(v); }
inline void put(std::string& o, bool v) { o += v ? "true" : "false"; }
template <class T, std::enable_if_t<std::is_floating_point_v<T>, int> = 0>
void put(std::string& o, T value) {
    double v = static_cast<double>(value);
    if (std::isnan(v)) { o += "\"NaN\""; return; }
    if (std::isinf(v)) { o += v > 0 ? "\"Infinity\"" : "\"-Infinity\""; return; }
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    o.append(buf, r.ptr);
    // Keep it a float in JSON: 3 -> 3.0, -0 -> -0.0.
    if (std::find_if(buf, r.ptr, [](char c) { return c == '.' || c == 'e'; }) == r.ptr) o += ".0";
}
inline void put(std::string& o, const std::string& s) { put_string(o, s.data(), s.size()); }
inline void put(std::string& o, std::string_view s) { put_string(o, s.data(), s.size()); }
inline void put(std::string& o, const char* s) {
    if (s) put_string(o, s, std::strlen(s)); else o += "null";
}
template <class T, class A> void put(std::string& o, const std::vector<T, A>& v);
template <class T, class H, class E, class A> void put(std::string& o, const std::unordered_map<std::string, T, H, E, A>& m);
template <class T, class C, class A> void put(std::string& o, const std::map<std::string, T, C, A>& m);
template <class N, std::enable_if_t<std::is_same_v<N, ::ListNode>, int> = 0> void put(std::string& o, const N* head);
template <class N, std::enable_if_t<std::is_same_v<N, ::TreeNode>, int> = 0> void put(std::string& o, const N* root);

template <class T, class A> void put(std::string& o, const std::vector<T, A>& v) {
    o += '[';
    bool first = true;
    for (const auto& x : v) {
        if (!first) o += ',';
        first = false;
        put(o, x);
    }
    o += ']';
}
template <class M> void put_map(std::string& o, const M& m) {
    o += '{';
    bool first = true;
    for (const auto& kv : m) {
        if (!first) o += ',';
        first = false;
        put_string(o, kv.first.data(), kv.first.size());
        o += ':';
        put(o, kv.second);
    }
    o += '}';
}
template <class T, class H, class E, class A> void put(std::string& o, const std::unordered_map<std::string, T, H, E, A>& m) { put_map(o, m); }
template <class T, class C, class A> void put(std::string& o, const std::map<std::string, T, C, A>& m) { put_map(o, m); }
template <class N, std::enable_if_t<std::is_same_v<N, ::ListNode>, int>> void put(std::string& o, const N* head) {
    o += '[';
    const N* slow = head;
    const N* fast = head;
    while (slow) {
        if (slow != head) o += ',';
        put(o, slow->val);
        slow = slow->next;
        if (fast && fast->next) {
            fast = fast->next->next;
            if (fast && fast == slow) throw BadValue{"the returned list has a cycle"};
        } else {
            fast = nullptr;
        }
    }
    o += ']';
}
template <class N, std::enable_if_t<std::is_same_v<N, ::TreeNode>, int>> void put(std::string& o, const N* root) {
    std::vector<const N*> order;
    std::unordered_set<const N*> seen;
    if (root) {
        order.push_back(root);
        seen.insert(root);
    }
    for (std::size_t i = 0; i < order.size(); ++i) {
        const N* p = order[i];
        if (!p) continue;
        for (const N* child : {static_cast<const N*>(p->left), static_cast<const N*>(p->right)}) {
            if (child && !seen.insert(child).second)
                throw BadValue{"the returned tree has a cycle or a node reachable twice"};
            order.push_back(child);
        }
    }
    while (!order.empty() && order.back() == nullptr) order.pop_back();
    o += '[';
    for (std::size_t i = 0; i < order.size(); ++i) {
        if (i) o += ',';
        if (order[i]) put(o, order[i]->val); else o += "null";
    }
    o += ']';
}

/// The return value as JSON: converted to the declared type when it converts.
template <class Ret, class R> std::string json(R&& r) {
    std::string o;
    using D = std::decay_t<R>;
    if constexpr (std::is_same_v<D, Ret>) put(o, r);
    else if constexpr (std::is_convertible_v<R&&, Ret>) put(o, static_cast<Ret>(std::forward<R>(r)));
    else put(o, r);
    return o;
}

/// The calling thread's CPU time: the process clock only moves at scheduler ticks while a CPU
/// rlimit is armed (as in the sandbox), too coarse for one call.
static long long cpu_now() {
    struct timespec ts;
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<long long>(ts.tv_sec) * 1000000000LL + ts.tv_nsec;
}
struct Timer {
    long long begin = -1, end = -1;
    void start() { begin = cpu_now(); }
    void stop() { end = cpu_now(); }
    long long ns() {
        if (begin < 0) return 0;
        if (end < 0) end = cpu_now();
        return end - begin;
    }
};

static void write_all(int fd, const char* p, std::size_t n) {
    while (n > 0) {
        ssize_t k = ::write(fd, p, n);
        if (k < 0) {
            if (errno == EINTR) continue;
            ::_exit(3);
        }
        p += k;
        n -= static_cast<std::size_t>(k);
    }
}
static void flush_user() {
    std::cout.flush();
    std::fflush(stdout);
}
static void capture_begin() {
    flush_user();
    if (::ftruncate(cap_fd, 0) != 0 || ::lseek(cap_fd, 0, SEEK_SET) != 0 || ::dup2(cap_fd, 1) < 0)
        fail("cannot redirect stdout");
}
static std::string capture_end() {
    flush_user();
    if (::dup2(real_fd, 1) < 0) fail("cannot restore stdout");
    std::cout.clear();
    std::clearerr(stdout);
    std::string out(CAPTURE_LIMIT, '\0');
    std::size_t got = 0;
    while (got < CAPTURE_LIMIT) {
        ssize_t k = ::pread(cap_fd, &out[got], CAPTURE_LIMIT - got, static_cast<off_t>(got));
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        got += static_cast<std::size_t>(k);
    }
    out.resize(got);
    return out;
}
static void record(long long index, const char* status, long long ns, const std::string& payload, const std::string& printed) {
    std::string r;
    r.reserve(payload.size() + printed.size() + nonce.size() + 64);
    r += "@@";
    r += nonce;
    r += ' ';
    r += std::to_string(index);
    r += ' ';
    r += status;
    r += ' ';
    r += std::to_string(ns < 0 ? 0 : ns);
    r += '\n';
    r += std::to_string(payload.size());
    r += ' ';
    r += payload;
    r += '\n';
    r += std::to_string(printed.size());
    r += ' ';
    r += printed;
    r += '\n';
    write_all(real_fd, r.data(), r.size());
}
static std::string demangle(const char* name) {
    int status = 0;
    char* d = abi::__cxa_demangle(name, nullptr, nullptr, &status);
    std::string r = (status == 0 && d) ? d : name;
    std::free(d);
    return r;
}
static void start() {
    std::signal(SIGXFSZ, SIG_IGN);
    char buf[1 << 16];
    for (;;) {
        ssize_t k = ::read(0, buf, sizeof buf);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        in.append(buf, static_cast<std::size_t>(k));
    }
    nonce = std::string(token());
    tests = integer();
    flush_user();
    real_fd = ::dup(1);
    std::FILE* f = std::tmpfile();
    if (real_fd < 0 || !f) fail("cannot set up the output capture");
    cap_fd = fileno(f);
}
/// One test: the call runs inside `body`, which starts and stops the timer around it and
/// returns the JSON of the result.
template <class F> void test(long long index, F&& body) {
    if (!bad_input.empty()) {
        record(index, "error", 0, bad_input, std::string());
        bad_input.clear();
        return;
    }
    Timer timer;
    const char* status = "ok";
    std::string payload;
    capture_begin();
    try {
        payload = body(timer);
    } catch (const BadValue& b) {
        status = "bad";
        payload = b.why;
    } catch (const std::exception& e) {
        status = "error";
        payload = demangle(typeid(e).name()) + ": " + e.what();
    } catch (const char* s) {
        status = "error";
        payload = std::string("const char*: ") + (s ? s : "(null)");
    } catch (const std::string& s) {
        status = "error";
        payload = "std::string: " + s;
    } catch (...) {
        status = "error";
        std::type_info* t = abi::__cxa_current_exception_type();
        payload = t ? demangle(t->name()) + ": unknown exception" : std::string("unknown exception");
    }
    long long ns = timer.ns();
    std::string printed = capture_end();
    record(index, status, ns, payload, printed);
}
}  // namespace tandem_h
"##;

/// Whether `source` defines a top-level `struct NAME {` / `class NAME {` (or with a base
/// clause) outside comments and literals.
fn defines_type(source: &str, name: &str) -> bool {
    let tokens = c_like_tokens(source, false);
    tokens.windows(3).any(|w| {
        matches!(w[0].text, "struct" | "class")
            && w[1].text == name
            && matches!(w[2].text, "{" | ":" | "final")
    })
}

pub fn compose(signature: &Signature, user_source: &str) -> Result<String, HarnessError> {
    let user = user_source.strip_prefix('\u{feff}').unwrap_or(user_source);
    let list = signature_uses(signature, &Type::ListNode);
    let tree = signature_uses(signature, &Type::TreeNode);

    let mut out = String::with_capacity(PRELUDE.len() + user.len() + 2048);
    out.push_str("#line 1 \"harness.cpp\"\n");
    // The node names are declared always (the prelude's templates mention them); defined
    // unless the user defines them.
    out.push_str("struct ListNode;\nstruct TreeNode;\n");
    let prelude_start = out.len();
    out.push_str(PRELUDE);
    // Definitions go right after `using namespace std;`, before the harness namespace.
    let defs = {
        let mut defs = String::new();
        if list && !defines_type(user, "ListNode") {
            defs.push_str(LIST_NODE);
        }
        if tree && !defines_type(user, "TreeNode") {
            defs.push_str(TREE_NODE);
        }
        defs
    };
    let anchor = "using namespace std;\n";
    let at = prelude_start + PRELUDE.find(anchor).unwrap_or(0) + anchor.len();
    out.insert_str(at, &defs);

    // A `main` of the user's own (a local test driver) is renamed out of the harness's way.
    let user_main = c_like_tokens(user, false)
        .windows(2)
        .any(|w| w[0].text == "main" && w[1].text == "(");
    if user_main {
        out.push_str("#define main tandem_user_main\n");
    }
    out.push_str("#line 1 \"solution.cpp\"\n");
    out.push_str(user);
    if !user.ends_with('\n') {
        out.push('\n');
    }
    if user_main {
        out.push_str("#undef main\n");
    }
    let line = out.matches('\n').count() + 2;
    out.push_str(&format!("#line {line} \"harness.cpp\"\n"));
    out.push_str(&main_function(signature));
    Ok(out)
}

fn main_function(signature: &Signature) -> String {
    let mut decode = String::new();
    let mut args = Vec::new();
    for (i, p) in signature.params.iter().enumerate() {
        decode.push_str(&format!(
            "        {} tandem_a{i}{{}};\n        tandem_h::read(tandem_a{i});\n",
            harness_type(&p.ty)
        ));
        args.push(format!("tandem_a{i}"));
    }
    format!(
        "signed main() {{
    tandem_h::start();
    for (long long tandem_i = 0; tandem_i < tandem_h::tests; ++tandem_i) {{
{decode}        tandem_h::test(tandem_i, [&](tandem_h::Timer& tandem_timer) -> std::string {{
            tandem_timer.start();
            std::unique_ptr<Solution> tandem_solution(new Solution());
            auto&& tandem_result = tandem_solution->{name}({args});
            tandem_timer.stop();
            return tandem_h::json<{ret}>(tandem_result);
        }});
    }}
    std::fflush(stdout);
    return 0;
}}
",
        name = signature.name,
        args = args.join(", "),
        ret = harness_type(&signature.returns),
    )
}

/// A token of C-like source outside comments and literals: an identifier or number, or one
/// punctuation character; `at` is its byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Token<'a> {
    pub at: usize,
    pub text: &'a str,
}

/// Tokens of C++ or Java source (`java` selects Java's text blocks instead of C++'s raw
/// strings and digit separators), skipping comments and string/char literals.
pub(super) fn c_like_tokens(source: &str, java: bool) -> Vec<Token<'_>> {
    let bytes = source.as_bytes();
    let mut tokens = Vec::new();
    let mut i = 0;
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80;
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
        } else if java && rest.starts_with(b"\"\"\"") {
            i += 3;
            while i < bytes.len() && !bytes[i..].starts_with(b"\"\"\"") {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 3).min(bytes.len());
        } else if b == b'"' || b == b'\'' {
            let raw = !java
                && b == b'"'
                && tokens
                    .last()
                    .is_some_and(|t: &Token| t.at + t.text.len() == i && t.text.ends_with('R'));
            if raw {
                // R"delim( ... )delim"
                let open = bytes[i + 1..].iter().position(|c| *c == b'(');
                let Some(open) = open else {
                    i += 1;
                    continue;
                };
                let delim = &bytes[i + 1..i + 1 + open];
                let mut close = Vec::with_capacity(delim.len() + 2);
                close.push(b')');
                close.extend_from_slice(delim);
                close.push(b'"');
                i += open + 2;
                while i < bytes.len() && !bytes[i..].starts_with(&close) {
                    i += 1;
                }
                i = (i + close.len()).min(bytes.len());
                continue;
            }
            i += 1;
            while i < bytes.len() && bytes[i] != b && bytes[i] != b'\n' {
                i += if bytes[i] == b'\\' { 2 } else { 1 };
            }
            i = (i + 1).min(bytes.len());
        } else if word(b) {
            let start = i;
            while i < bytes.len() {
                if word(bytes[i]) {
                    i += 1;
                } else if !java
                    && bytes[i] == b'\''
                    && bytes[start].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(|c| c.is_ascii_alphanumeric())
                {
                    // A digit separator: 1'000'000.
                    i += 1;
                } else {
                    break;
                }
            }
            tokens.push(Token {
                at: start,
                text: &source[start..i],
            });
        } else if b.is_ascii_whitespace() {
            i += 1;
        } else {
            tokens.push(Token {
                at: i,
                text: &source[i..i + 1],
            });
            i += 1;
        }
    }
    tokens
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
            "class Solution {\npublic:\n    vector<long long> pairSum(vector<long long>& nums, long long target) {\n\n    }\n};\n"
        );
    }

    #[test]
    fn stub_types_and_node_comments() {
        let s = sig(
            "f",
            &[
                ("grid", "list<list<float>>"),
                ("counts", "map<string,int>"),
                ("word", "string"),
                ("flag", "bool"),
                ("head", "list_node"),
            ],
            "tree_node",
        );
        let text = stub(&s).expect("stub");
        assert!(text.starts_with(LIST_NODE_COMMENT), "{text}");
        assert!(text.contains(TREE_NODE_COMMENT), "{text}");
        assert!(
            text.ends_with(
                "class Solution {\npublic:\n    TreeNode* f(vector<vector<double>>& grid, unordered_map<string, long long>& counts, string word, bool flag, ListNode* head) {\n\n    }\n};\n"
            ),
            "{text}"
        );
        let plain = stub(&sig("g", &[("n", "int")], "bool")).expect("stub");
        assert!(!plain.contains("ListNode") && !plain.contains("TreeNode"));
    }

    #[test]
    fn composed_file_keeps_the_users_lines() {
        let s = sig("f", &[("root", "tree_node")], "int");
        let user = "class Solution {\npublic:\n    long long f(TreeNode* root) { return 0; }\n};";
        let program = compose(&s, user).expect("compose");
        let lines: Vec<&str> = program.lines().collect();
        let first = lines
            .iter()
            .position(|l| *l == "#line 1 \"solution.cpp\"")
            .expect("user marker");
        assert_eq!(lines[first + 1], "class Solution {");
        assert_eq!(lines[first + 4], "};");
        // The directive after the user's code names its own line number in the composed file.
        let directive = lines[first + 5];
        assert_eq!(directive, format!("#line {} \"harness.cpp\"", first + 7));
        assert!(program.contains("struct TreeNode {"));
        assert!(!program.contains("struct ListNode {"));
        assert!(program.contains("signed main()"));
        assert!(program.contains("tandem_solution->f(tandem_a0)"));
        assert!(program.contains("tandem_h::json<long long>(tandem_result)"));
    }

    #[test]
    fn user_node_definitions_replace_the_harness_ones() {
        let s = sig("f", &[("head", "list_node")], "list_node");
        let user = "struct ListNode { int val; ListNode* next; ListNode(int x) : val(x), next(nullptr) {} };\nclass Solution {};";
        assert!(
            !compose(&s, user)
                .expect("compose")
                .contains("struct ListNode {\n")
        );
        let commented = "// struct ListNode {\n/* struct ListNode { */ class Solution {};";
        assert!(
            compose(&s, commented)
                .expect("compose")
                .contains("struct ListNode {\n")
        );
    }

    #[test]
    fn tokens_skip_comments_literals_and_separators() {
        let source = "int a = 1'000; // class X {\nchar c = '{'; auto s = R\"x(struct Y {)x\"; /* struct Z { */ struct W {";
        let texts: Vec<&str> = c_like_tokens(source, false)
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(
            texts,
            [
                "int", "a", "=", "1'000", ";", "char", "c", "=", ";", "auto", "s", "=", "R", ";",
                "struct", "W", "{"
            ]
        );
    }
}
