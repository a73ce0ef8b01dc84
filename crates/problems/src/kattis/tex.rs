//! A rough LaTeX → Markdown conversion for Kattis statements: `\problemname` (taken out as the
//! title), sections, itemize/enumerate, emphasis, verbatim, URLs. Math (`$...$`, `$$...$$`,
//! `\[...\]`) is kept as it is; commands it does not know are kept as text.

/// A converted statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Converted {
    /// The argument of `\problemname{...}`, converted.
    pub title: Option<String>,
    pub markdown: String,
    /// Whether images (`\illustration`, `\includegraphics`) were dropped.
    pub dropped_images: bool,
}

pub(crate) fn to_markdown(tex: &str) -> Converted {
    let mut scanner = Scanner::new(&strip_comments(tex));
    scanner.run();
    Converted {
        title: scanner.title.take(),
        markdown: tidy(&scanner.out),
        dropped_images: scanner.dropped_images,
    }
}

/// Drops `%` comments (whole comment lines vanish, as in TeX) and the indentation of lines,
/// which Markdown would read as code blocks; verbatim blocks are kept as they are.
fn strip_comments(tex: &str) -> String {
    let mut out = String::with_capacity(tex.len());
    let mut verbatim = false;
    for line in tex.lines() {
        if verbatim {
            out.push_str(line);
            out.push('\n');
            if line.contains("\\end{verbatim}") {
                verbatim = false;
            }
            continue;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('%') {
            continue;
        }
        let cut = comment_start(trimmed).map_or(trimmed, |at| &trimmed[..at]);
        if cut.contains("\\begin{verbatim}") && !cut.contains("\\end{verbatim}") {
            verbatim = true;
        }
        out.push_str(cut);
        out.push('\n');
    }
    out
}

/// Byte offset of the first `%` not escaped by a backslash.
fn comment_start(line: &str) -> Option<usize> {
    let mut escaped = false;
    for (at, c) in line.char_indices() {
        match c {
            '\\' => escaped = !escaped,
            '%' if !escaped => return Some(at),
            _ => escaped = false,
        }
    }
    None
}

#[derive(Debug, Clone, Copy)]
enum List {
    Bullet,
    Numbered,
}

struct Scanner {
    chars: Vec<char>,
    at: usize,
    out: String,
    title: Option<String>,
    lists: Vec<List>,
    dropped_images: bool,
}

impl Scanner {
    fn new(text: &str) -> Scanner {
        Scanner {
            chars: text.chars().collect(),
            at: 0,
            out: String::new(),
            title: None,
            lists: Vec::new(),
            dropped_images: false,
        }
    }

    fn peek(&self, ahead: usize) -> Option<char> {
        self.chars.get(self.at + ahead).copied()
    }

    fn starts_with(&self, text: &str) -> bool {
        text.chars()
            .enumerate()
            .all(|(i, c)| self.peek(i) == Some(c))
    }

    /// Copies everything up to `end` (exclusive) as it is; `None` (and nothing consumed) when
    /// `end` never comes.
    fn raw_until(&mut self, end: &str) -> Option<String> {
        let start = self.at;
        let mut at = start;
        let end_chars: Vec<char> = end.chars().collect();
        while at + end_chars.len() <= self.chars.len() {
            if self.chars[at] == '\\' && end_chars.first() != Some(&'\\') {
                at += 2;
                continue;
            }
            if self.chars[at..at + end_chars.len()] == end_chars[..] {
                let text: String = self.chars[start..at].iter().collect();
                self.at = at + end_chars.len();
                return Some(text);
            }
            at += 1;
        }
        None
    }

    fn skip_spaces(&mut self) {
        while self.peek(0).is_some_and(|c| c == ' ' || c == '\t') {
            self.at += 1;
        }
    }

    /// A `{...}` argument, raw (nested braces and `\{` kept); empty when there is none.
    fn group(&mut self) -> String {
        self.skip_spaces();
        if self.peek(0) != Some('{') {
            return String::new();
        }
        let start = self.at + 1;
        let mut depth = 0usize;
        let mut at = self.at;
        while at < self.chars.len() {
            match self.chars[at] {
                '\\' => at += 1,
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        let text: String = self.chars[start..at].iter().collect();
                        self.at = at + 1;
                        return text;
                    }
                }
                _ => {}
            }
            at += 1;
        }
        // Unbalanced: take the rest.
        let text: String = self.chars[start..].iter().collect();
        self.at = self.chars.len();
        text
    }

    /// An optional `[...]` argument, dropped.
    fn skip_optional(&mut self) {
        self.skip_spaces();
        if self.peek(0) == Some('[') {
            self.at += 1;
            let _ = self.raw_until("]");
        }
    }

    fn run(&mut self) {
        while let Some(c) = self.peek(0) {
            match c {
                '$' => self.math(),
                '\\' => self.backslash(),
                '~' => {
                    self.out.push(' ');
                    self.at += 1;
                }
                '`' if self.peek(1) == Some('`') => {
                    self.out.push('"');
                    self.at += 2;
                }
                '\'' if self.peek(1) == Some('\'') => {
                    self.out.push('"');
                    self.at += 2;
                }
                // Bare braces only group in TeX; they are never printed.
                '{' | '}' => self.at += 1,
                _ => {
                    self.out.push(c);
                    self.at += 1;
                }
            }
        }
    }

    fn math(&mut self) {
        let delimiter = if self.starts_with("$$") { "$$" } else { "$" };
        self.at += delimiter.len();
        match self.raw_until(delimiter) {
            Some(inner) => {
                self.out.push_str(delimiter);
                self.out.push_str(&inner);
                self.out.push_str(delimiter);
            }
            None => self.out.push_str(delimiter),
        }
    }

    fn backslash(&mut self) {
        let Some(next) = self.peek(1) else {
            self.out.push('\\');
            self.at += 1;
            return;
        };
        if !next.is_ascii_alphabetic() {
            self.at += 2;
            match next {
                '\\' => self.out.push('\n'),
                '[' => self.wrapped("\\]", "$$"),
                '(' => self.wrapped("\\)", "$"),
                '%' | '&' | '{' | '}' => self.out.push(next),
                // Markdown would read these as emphasis, headings or math.
                '_' | '#' | '$' => {
                    self.out.push('\\');
                    self.out.push(next);
                }
                ' ' | ',' | ';' | ':' => self.out.push(' '),
                '!' | '/' | '-' => {}
                other => {
                    self.out.push('\\');
                    self.out.push(other);
                }
            }
            return;
        }
        self.at += 1;
        let mut name = String::new();
        while let Some(c) = self.peek(0).filter(char::is_ascii_alphabetic) {
            name.push(c);
            self.at += 1;
        }
        let star = self.peek(0) == Some('*');
        if star {
            self.at += 1;
        }
        self.command(&name, star);
    }

    fn wrapped(&mut self, end: &str, markdown: &str) {
        let inner = self.raw_until(end).unwrap_or_default();
        self.out.push_str(markdown);
        self.out.push_str(inner.trim());
        self.out.push_str(markdown);
    }

    fn inline(&mut self, before: &str, argument: &str, after: &str) {
        let converted = to_markdown(argument);
        self.dropped_images |= converted.dropped_images;
        self.out.push_str(before);
        self.out.push_str(converted.markdown.trim());
        self.out.push_str(after);
    }

    fn command(&mut self, name: &str, star: bool) {
        match name {
            "problemname" => {
                let argument = self.group();
                self.title = Some(to_markdown(&argument).markdown.trim().to_string());
            }
            "section" | "subsection" | "subsubsection" => {
                let level = match name {
                    "section" => "##",
                    "subsection" => "###",
                    _ => "####",
                };
                let argument = self.group();
                self.inline(&format!("\n\n{level} "), &argument, "\n\n");
            }
            "emph" | "textit" | "textsl" => {
                let argument = self.group();
                self.inline("*", &argument, "*");
            }
            "textbf" => {
                let argument = self.group();
                self.inline("**", &argument, "**");
            }
            "texttt" => {
                let argument = self.group();
                self.out.push('`');
                self.out.push_str(&argument.replace("\\_", "_"));
                self.out.push('`');
            }
            "textrm" | "textsf" | "text" | "mbox" | "textnormal" => {
                let argument = self.group();
                self.inline("", &argument, "");
            }
            "footnote" => {
                let argument = self.group();
                self.inline(" (", &argument, ")");
            }
            "url" => {
                let argument = self.group();
                self.out.push('<');
                self.out.push_str(&argument);
                self.out.push('>');
            }
            "href" => {
                let url = self.group();
                let text = self.group();
                self.inline("[", &text, &format!("]({url})"));
            }
            "verb" => match self.peek(0) {
                Some(delimiter) => {
                    self.at += 1;
                    let inner = self.raw_until(&delimiter.to_string()).unwrap_or_default();
                    self.out.push('`');
                    self.out.push_str(&inner);
                    self.out.push('`');
                }
                None => self.out.push_str("\\verb"),
            },
            "begin" => self.begin(),
            "end" => {
                let env = self.group();
                if matches!(env.as_str(), "itemize" | "enumerate" | "description") {
                    self.lists.pop();
                    self.out.push_str("\n\n");
                }
            }
            "item" => {
                self.skip_optional();
                let indent: usize = self
                    .lists
                    .iter()
                    .rev()
                    .skip(1)
                    .map(|l| match l {
                        List::Bullet => 2,
                        List::Numbered => 3,
                    })
                    .sum();
                let marker = match self.lists.last() {
                    Some(List::Numbered) => "1. ",
                    _ => "- ",
                };
                if !self.out.ends_with('\n') {
                    self.out.push('\n');
                }
                self.out.push_str(&" ".repeat(indent));
                self.out.push_str(marker);
                self.skip_spaces();
            }
            "illustration" => {
                for _ in 0..3 {
                    let _ = self.group();
                }
                self.dropped_images = true;
            }
            "includegraphics" => {
                self.skip_optional();
                let _ = self.group();
                self.dropped_images = true;
            }
            "ldots" | "dots" | "cdots" => self.out.push_str("..."),
            "par" => self.out.push_str("\n\n"),
            "newline" | "linebreak" => self.out.push('\n'),
            "noindent" | "medskip" | "bigskip" | "smallskip" | "centering" | "newpage"
            | "clearpage" | "indent" | "raggedright" | "small" | "large" | "Large"
            | "normalsize" | "footnotesize" => {}
            "vspace" | "hspace" | "label" => {
                let _ = self.group();
            }
            "LaTeX" | "TeX" => self.out.push_str(name),
            _ => {
                // Unknown: kept as text, with its arguments.
                self.out.push('\\');
                self.out.push_str(name);
                if star {
                    self.out.push('*');
                }
                while self.peek(0) == Some('{') {
                    let argument = self.group();
                    self.inline("{", &argument, "}");
                }
            }
        }
    }

    fn begin(&mut self) {
        let env = self.group();
        match env.as_str() {
            "itemize" | "description" => {
                self.lists.push(List::Bullet);
                self.out.push('\n');
            }
            "enumerate" => {
                self.lists.push(List::Numbered);
                self.out.push('\n');
            }
            "verbatim" | "lstlisting" => {
                self.skip_optional();
                let inner = self
                    .raw_until(&format!("\\end{{{env}}}"))
                    .unwrap_or_default();
                self.out.push_str("\n\n```\n");
                self.out.push_str(inner.trim_matches('\n'));
                self.out.push_str("\n```\n\n");
            }
            "displaymath" | "equation" | "equation*" | "align" | "align*" | "eqnarray"
            | "eqnarray*" => {
                let inner = self
                    .raw_until(&format!("\\end{{{env}}}"))
                    .unwrap_or_default();
                self.out.push_str("$$");
                self.out.push_str(inner.trim());
                self.out.push_str("$$");
            }
            "figure" | "center" | "flushleft" | "flushright" | "quote" | "minipage" => {
                self.skip_optional();
            }
            _ => {}
        }
    }
}

/// Trailing spaces off, at most one blank line in a row (outside code blocks), trimmed ends.
fn tidy(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    let mut blank = 0;
    let mut code = false;
    for line in markdown.lines() {
        let line = if code { line } else { line.trim_end() };
        if line.starts_with("```") {
            code = !code;
        }
        if line.is_empty() && !code {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_lists_emphasis_and_math() {
        let tex = r"\problemname{Hello $n$}
% a comment line
  The input has \emph{one} line with \textbf{two} numbers $a$ and $b$ % trailing comment
  ($1 \le a, b \le 10^9$).

\section*{Input}
\begin{itemize}
  \item the first, \texttt{a\_b}
  \item the second
  \begin{enumerate}
    \item nested
  \end{enumerate}
\end{itemize}

\section*{Output}
Print 50\% of $$a+b$$ and a \unknown{thing}.
\begin{verbatim}
  1 2
\end{verbatim}
";
        let converted = to_markdown(tex);
        assert_eq!(converted.title.as_deref(), Some("Hello $n$"));
        let md = converted.markdown;
        assert!(
            md.starts_with("The input has *one* line with **two** numbers $a$ and $b$"),
            "{md}"
        );
        assert!(md.contains("($1 \\le a, b \\le 10^9$)."), "{md}");
        assert!(md.contains("\n\n## Input\n\n"), "{md}");
        assert!(md.contains("- the first, `a_b`\n- the second"), "{md}");
        assert!(md.contains("\n  1. nested"), "{md}");
        assert!(
            md.contains("## Output\n\nPrint 50% of $$a+b$$ and a \\unknown{thing}."),
            "{md}"
        );
        assert!(md.contains("```\n  1 2\n```"), "{md}");
        assert!(!md.contains("comment"), "{md}");
        assert!(!md.contains("\n\n\n"), "{md}");
    }

    #[test]
    fn images_are_dropped_and_reported() {
        let converted = to_markdown("Look:\n\\illustration{0.3}{cat.jpg}{A cat}\nDone.");
        assert!(converted.dropped_images);
        assert_eq!(converted.markdown, "Look:\n\nDone.");
    }
}
