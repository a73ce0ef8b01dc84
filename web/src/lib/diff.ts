// Classifying the judge's unified-diff text for colouring.

export type DiffLineKind = 'header' | 'hunk' | 'del' | 'add' | 'context' | 'meta';

export interface DiffLine {
  kind: DiffLineKind;
  text: string;
}

export function classifyDiffLine(line: string): DiffLineKind {
  if (line.startsWith('--- ') || line.startsWith('+++ ') || line === '---' || line === '+++') return 'header';
  if (line.startsWith('@@')) return 'hunk';
  if (line.startsWith('-')) return 'del';
  if (line.startsWith('+')) return 'add';
  if (line.startsWith('\\') || line === '[diff truncated]') return 'meta';
  return 'context';
}

/** Splits diff text into classified lines (a trailing newline does not make an empty line). */
export function parseDiff(text: string): DiffLine[] {
  if (text === '') return [];
  const lines = text.replace(/\r\n/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => ({ kind: classifyDiffLine(l), text: l }));
}
