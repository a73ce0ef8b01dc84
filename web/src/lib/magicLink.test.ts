import { describe, expect, it } from 'vitest';
import { emailProblem, signinErrorMessage, tokenFromHash } from './magicLink';

const TOKEN = 'ab'.repeat(32);

describe('magic links', () => {
  it('reads only a well-formed token from the fragment', () => {
    expect(tokenFromHash(`#token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash(`token=${TOKEN}`)).toBe(TOKEN);
    expect(tokenFromHash('#token=abc')).toBeNull();
    expect(tokenFromHash(`#token=${'zz'.repeat(32)}`)).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });

  it('explains a bad link', () => {
    expect(signinErrorMessage('?error=magic_link_invalid')).toMatch(/already used or has expired/);
    expect(signinErrorMessage('?error=cancelled')).toBeNull();
    expect(signinErrorMessage('?next=/problems')).toBeNull();
  });

  it('checks an address before sending it', () => {
    expect(emailProblem('')).toBe('Enter your email address.');
    expect(emailProblem('nope')).toMatch(/name@example.org/);
    expect(emailProblem(`${'a'.repeat(250)}@example.org`)).toMatch(/254/);
    expect(emailProblem(' ada@example.org ')).toBeNull();
  });
});
