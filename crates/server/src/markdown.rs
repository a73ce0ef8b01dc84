//! Problem statements rendered to HTML on the server, so the page shows the final statement
//! at once (no client-side renderer to download first). Raw HTML in the markdown is shown as
//! text and links with script-capable schemes are neutralised, so the output is safe to insert.

use pulldown_cmark::{CowStr, Event, Options, Parser, Tag, html};

/// Markdown (CommonMark with tables and strikethrough) to HTML with no raw HTML passed through.
pub fn to_safe_html(markdown: &str) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let events = Parser::new_ext(markdown, options).map(|event| match event {
        // Authored HTML becomes visible text, never markup.
        Event::Html(text) | Event::InlineHtml(text) => Event::Text(text),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Link {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) => Event::Start(Tag::Image {
            link_type,
            dest_url: safe_url(dest_url),
            title,
            id,
        }),
        other => other,
    });
    let mut out = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut out, events);
    out
}

/// Keeps http(s), mailto and relative URLs; anything else (javascript:, data:, vbscript: ...)
/// becomes "#".
fn safe_url(url: CowStr<'_>) -> CowStr<'_> {
    let lower = url.trim().to_ascii_lowercase();
    let scheme = lower.split_once(':').map(|(s, _)| s);
    let relative = match scheme {
        None => true,
        // "a/b:c" or "?x=y:z" — a colon after a path or query character is not a scheme.
        Some(s) => s.contains(['/', '?', '#']),
    };
    if relative || matches!(scheme, Some("http" | "https" | "mailto")) {
        url
    } else {
        CowStr::Borrowed("#")
    }
}

/// Drops a leading `# Title` line when it repeats the problem's title (the page shows it).
pub fn strip_leading_title<'a>(markdown: &'a str, title: &str) -> &'a str {
    let trimmed = markdown.trim_start();
    let Some(rest) = trimmed.strip_prefix("# ") else {
        return markdown;
    };
    let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
    let heading = line.trim().trim_end_matches('#').trim();
    if heading.eq_ignore_ascii_case(title.trim()) {
        after.trim_start()
    } else {
        markdown
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_renders_code_tables_and_emphasis() {
        let html = to_safe_html(
            "Find **x**.\n\n```python\nprint(1 < 2)\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        );
        assert!(html.contains("<strong>x</strong>"), "{html}");
        assert!(
            html.contains("<pre><code class=\"language-python\">print(1 &lt; 2)"),
            "{html}"
        );
        assert!(html.contains("<table>"), "{html}");
    }

    #[test]
    fn raw_html_is_text_and_script_links_are_neutralised() {
        let html = to_safe_html(
            "<script>alert(1)</script>\n\nHi <img src=x onerror=alert(1)> [a](javascript:alert(1)) [b](https://x.test/p) [c](/problems) ![i](data:text/html,x)",
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img src=\"x\""), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
        assert!(!html.contains("data:text"), "{html}");
        assert!(html.contains("href=\"https://x.test/p\""), "{html}");
        assert!(html.contains("href=\"/problems\""), "{html}");
    }

    #[test]
    fn a_leading_title_is_dropped_only_when_it_is_the_title() {
        assert_eq!(strip_leading_title("# Two Sum\n\nText", "two sum"), "Text");
        assert_eq!(
            strip_leading_title("# Other\n\nText", "Two Sum"),
            "# Other\n\nText"
        );
        assert_eq!(strip_leading_title("Text only", "Two Sum"), "Text only");
    }
}
