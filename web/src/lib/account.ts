// Account rules as the server applies them (docs/api.md), checked before sending so people see
// the problem as they type. The server stays the judge: its 422 message is shown as well.

import type { Me } from '../api/types';

export const USERNAME_MIN = 3;
export const USERNAME_MAX = 32;
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;
export const DISPLAY_NAME_MAX = 80;
export const BIO_MAX = 1000;

/** What is wrong with a username, or null. Case does not matter (it is stored lower-case). */
export function usernameProblem(raw: string): string | null {
  const name = raw.trim().toLowerCase();
  if (name.length < USERNAME_MIN || name.length > USERNAME_MAX) {
    return `Use ${USERNAME_MIN} to ${USERNAME_MAX} characters.`;
  }
  if (!/^[a-z]/.test(name)) return 'Start with a letter.';
  if (!/^[a-z0-9_-]+$/.test(name)) return 'Use only letters a–z, digits, _ and -.';
  return null;
}

/** Length in characters as the server counts them (code points, not UTF-16 units). */
export function charCount(text: string): number {
  return Array.from(text).length;
}

export function passwordProblem(password: string): string | null {
  const n = charCount(password);
  if (n < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters.`;
  if (n > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  return null;
}

/** Delete-my-data asks to type the username (or "delete" for a guest) to confirm. */
export function deleteConfirmationWord(me: Me): string {
  return me.username ?? 'delete';
}

export function deleteConfirmed(me: Me, typed: string): boolean {
  return typed.trim().toLowerCase() === deleteConfirmationWord(me);
}

/** The name to show for the signed-in person. */
export function shownName(me: Me): string {
  if (me.kind !== 'account') return 'Guest';
  return me.display_name.trim() !== '' ? me.display_name : (me.username ?? 'Account');
}

export function isAdmin(me: Me | null): boolean {
  return me?.kind === 'account' && me.role === 'admin';
}

/** Where to go after signing in: a same-site path from `?next=`, else the problems. */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  if (next?.startsWith('/') && !next.startsWith('//')) return next;
  return '/problems';
}
