import { describe, expect, it } from 'vitest';
import { classifyDiffLine, parseDiff } from './diff';

describe('classifyDiffLine', () => {
  it('tells headers from removed and added lines', () => {
    expect(classifyDiffLine('--- expected')).toBe('header');
    expect(classifyDiffLine('+++ actual')).toBe('header');
    expect(classifyDiffLine('@@ -1,3 +1,3 @@')).toBe('hunk');
    expect(classifyDiffLine('-2')).toBe('del');
    expect(classifyDiffLine('+5')).toBe('add');
    expect(classifyDiffLine('--5')).toBe('del');
    expect(classifyDiffLine('++5')).toBe('add');
    expect(classifyDiffLine(' 1')).toBe('context');
    expect(classifyDiffLine('')).toBe('context');
    expect(classifyDiffLine('\\ No newline at end of file')).toBe('meta');
    expect(classifyDiffLine('[diff truncated]')).toBe('meta');
  });
});

describe('parseDiff', () => {
  it('splits the judge diff into classified lines', () => {
    const text = '--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n 1\n-2\n+5\n 3\n';
    expect(parseDiff(text).map((l) => l.kind)).toEqual(['header', 'header', 'hunk', 'context', 'del', 'add', 'context']);
    expect(parseDiff(text)[4]).toEqual({ kind: 'del', text: '-2' });
  });

  it('handles empty text and CRLF', () => {
    expect(parseDiff('')).toEqual([]);
    expect(parseDiff('-a\r\n+b\r\n').map((l) => l.text)).toEqual(['-a', '+b']);
  });
});
