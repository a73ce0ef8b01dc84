import { describe, expect, it } from 'vitest';
import type { Language } from '../api/types';
import { initialLanguage, languageOptions } from './languages';

const known: Language[] = [
  { id: 'python', name: 'Python', version: 'Python 3.11.2', available: true, reason: null },
  { id: 'java', name: 'Java', version: null, available: false, reason: 'javac not found (install a JDK)' },
];

describe('languageOptions', () => {
  it("keeps the problem's languages and order, with availability and reasons", () => {
    expect(languageOptions(['java', 'python', 'cobol'], known)).toEqual([
      { id: 'java', name: 'Java', version: null, available: false, reason: 'javac not found (install a JDK)' },
      { id: 'python', name: 'Python', version: 'Python 3.11.2', available: true, reason: null },
      { id: 'cobol', name: 'cobol', version: null, available: false, reason: 'not known to this server' },
    ]);
  });

  it('leaves everything enabled when /api/languages could not be read', () => {
    expect(languageOptions(['python', 'go'], []).every((o) => o.available)).toBe(true);
  });
});

describe('initialLanguage', () => {
  const options = languageOptions(['java', 'python'], known);
  it("opens the session's language when it can run", () => {
    expect(initialLanguage('python', options)).toBe('python');
  });
  it('falls back to the first available language', () => {
    expect(initialLanguage('java', options)).toBe('python');
    expect(initialLanguage('rust', options)).toBe('python');
  });
  it('keeps the session language when none can run', () => {
    expect(initialLanguage('java', languageOptions(['java'], known))).toBe('java');
  });
});
