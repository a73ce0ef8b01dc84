// Sign-in links by email: reading the token the server put in the landing page's fragment,
// and the words for the errors a link can end in.

/** The token in a `#token=...` fragment (64 hex digits), or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token !== null && /^[0-9a-fA-F]{64}$/.test(token) ? token : null;
}

/** The code `/signin?error=` carries when a mailed link could not be used. */
export const MAGIC_LINK_INVALID = 'magic_link_invalid';

/**
 * The message for `/signin?error=magic_link_invalid`, or null. Other codes come from sign-in
 * with a provider and are worded by `lib/oidc.ts`, so a page never shows two notices.
 */
export function signinErrorMessage(search: string): string | null {
  const code = new URLSearchParams(search).get('error');
  if (code !== MAGIC_LINK_INVALID) return null;
  return 'That sign-in link is invalid, was already used or has expired. Ask for a new one below.';
}

/** A quick check before asking the server (which has the last word). */
export function emailProblem(email: string): string | null {
  const trimmed = email.trim();
  if (trimmed === '') return 'Enter your email address.';
  if (trimmed.length > 254) return 'Use at most 254 characters.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return 'Enter an address like name@example.org.';
  return null;
}
