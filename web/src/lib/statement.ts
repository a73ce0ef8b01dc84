// Statement markdown tidying for display beside the editor.

/** Drops a leading "# Title" line (the page shows the title already). */
export function stripLeadingTitle(markdown: string, title: string): string {
  const m = /^\s*#\s+(.+?)\s*#*\s*(?:\r?\n|$)/.exec(markdown);
  if (m?.[1] === undefined) return markdown;
  return m[1].trim().toLowerCase() === title.trim().toLowerCase() ? markdown.slice(m[0].length).trimStart() : markdown;
}

/** Whether the statement has its own constraints section. */
export function hasConstraintsSection(markdown: string): boolean {
  return /^#{1,6}\s*constraints\b/im.test(markdown);
}
