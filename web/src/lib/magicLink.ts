// Sign-in links by email: reading the token the server put in the landing page's fragment,
// and the words for the errors a link can end in.

/** The token in a `#token=...` fragment (64 hex digits), or null. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const token = params.get('token');
  return token !== null && /^[0-9a-fA-F]{64}$/.test(token) ? token : null;
}

/** The message for `/signin?error=...`, or null when there is none. */
export function signinErrorMessage(search: string): string | null {
  const code = new URLSearchParams(search).get('error');
  if (code === null) return null;
  if (code === 'magic_link_invalid') {
    return 'That sign-in link is invalid, was already used or has expired. Ask for a new one below.';
  }
  return 'Signing in did not work. Try again.';
}

/** A quick check before asking the server (which has the last word). */
export function emailProblem(email: string): string | null {
  const trimmed = email.trim();
  if (trimmed === '') return 'Enter your email address.';
  if (trimmed.length > 254) return 'Use at most 254 characters.';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(trimmed)) return 'Enter an address like name@example.org.';
  return null;
}
