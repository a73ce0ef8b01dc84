import { describe, expect, it } from 'vitest';
import { formatMiB, formatWhen, isAccepted, verdictWords } from './verdict';

describe('verdictWords', () => {
  it('names every judge verdict in words', () => {
    expect(verdictWords('accepted')).toBe('Accepted');
    expect(verdictWords('wrong_answer')).toBe('Wrong answer');
    expect(verdictWords('time_limit_exceeded')).toBe('Time limit exceeded');
    expect(verdictWords('compile_error')).toBe('Compile error');
  });
  it('makes unknown codes readable', () => {
    expect(verdictWords('presentation_error')).toBe('Presentation error');
    expect(verdictWords(null)).toBe('No verdict');
  });
  it('knows acceptance', () => {
    expect(isAccepted('accepted')).toBe(true);
    expect(isAccepted('wrong_answer')).toBe(false);
    expect(isAccepted(null)).toBe(false);
  });
});

describe('formatting', () => {
  it('converts KiB to MiB', () => {
    expect(formatMiB(9000)).toBe('8.8');
    expect(formatMiB(1024)).toBe('1.0');
  });
  it('gives relative times', () => {
    const now = 10_000_000_000;
    expect(formatWhen(now - 5_000, now)).toBe('just now');
    expect(formatWhen(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatWhen(now - 3 * 3_600_000, now)).toBe('3 h ago');
    expect(formatWhen(now - 3 * 86_400_000, now)).toMatch(/\d{4}/);
  });
});
