import { describe, expect, it } from 'vitest';
import type { Me } from '../api/types';
import {
  charCount,
  deleteConfirmed,
  deleteConfirmationWord,
  isAdmin,
  nextPath,
  passwordProblem,
  shownName,
  usernameProblem,
} from './account';

function me(over: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    kind: 'account',
    username: 'alice',
    display_name: '',
    email: null,
    bio: '',
    role: 'learner',
    created_at: 1,
    ...over,
  };
}

describe('account rules', () => {
  it('checks usernames like the server', () => {
    expect(usernameProblem('alice_99')).toBeNull();
    expect(usernameProblem('Alice')).toBeNull();
    expect(usernameProblem('al')).toContain('3 to 32');
    expect(usernameProblem('a'.repeat(33))).toContain('3 to 32');
    expect(usernameProblem('9lives')).toContain('letter');
    expect(usernameProblem('dot.name')).toContain('only letters');
  });

  it('counts password characters as code points', () => {
    expect(passwordProblem('1234567')).toContain('at least 8');
    expect(passwordProblem('12345678')).toBeNull();
    expect(passwordProblem('😀'.repeat(256))).toBeNull();
    expect(passwordProblem('x'.repeat(257))).toContain('at most 256');
    expect(charCount('😀é')).toBe(2);
  });

  it('asks for the username to confirm deletion, or "delete" for a guest', () => {
    expect(deleteConfirmationWord(me())).toBe('alice');
    expect(deleteConfirmed(me(), ' Alice ')).toBe(true);
    expect(deleteConfirmed(me(), 'alic')).toBe(false);
    const guest = me({ kind: 'guest', username: null });
    expect(deleteConfirmationWord(guest)).toBe('delete');
    expect(deleteConfirmed(guest, 'delete')).toBe(true);
  });

  it('names people and knows admins', () => {
    expect(shownName(me())).toBe('alice');
    expect(shownName(me({ display_name: 'Ada' }))).toBe('Ada');
    expect(shownName(me({ kind: 'guest', username: null }))).toBe('Guest');
    expect(isAdmin(me({ role: 'admin' }))).toBe(true);
    expect(isAdmin(me())).toBe(false);
    expect(isAdmin(null)).toBe(false);
  });

  it('only follows same-site next paths', () => {
    expect(nextPath('?next=/problems/two-sum')).toBe('/problems/two-sum');
    expect(nextPath('?next=//evil.example')).toBe('/problems');
    expect(nextPath('?next=https://evil.example')).toBe('/problems');
    expect(nextPath('')).toBe('/problems');
  });
});
