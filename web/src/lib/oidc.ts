// Sign-in with an OpenID Connect provider: the server ends every attempt with a redirect to a
// page, `?error=<code>` when it failed. These are the codes and what to tell the person.

import { MAGIC_LINK_INVALID } from './magicLink';

const MESSAGES: Record<string, string> = {
  cancelled: 'The sign-in was cancelled at the provider. Try again when you are ready.',
  provider_error: 'The provider reported an error and did not sign you in. Try again, or use another way to sign in.',
  state_invalid:
    'That sign-in link has expired or was already used (they last 10 minutes, once, in the browser that started them). Start again.',
  provider_unreachable: 'The provider could not be reached. Try again in a moment.',
  provider_refused: 'The provider refused to complete the sign-in. Start again.',
  token_invalid: 'The provider’s answer could not be verified, so you were not signed in. Try again, or tell the site’s admin.',
  identity_linked_elsewhere:
    'That provider account is already linked to another Tandem account. Sign in to that account, or unlink it there first.',
  provider_already_linked: 'Your account already has an identity at this provider. Unlink it first to link another.',
  already_signed_in:
    'You are signed in, and that provider account is not linked to any Tandem account. Link it from your account page, or sign out to create a new account with it.',
  sign_in_required: 'Sign in first, then link the provider from your account page.',
  unknown_provider: 'That sign-in provider is not configured on this server.',
  rate_limited: 'Too many sign-in attempts. Wait a minute, then try again.',
  server_error: 'Something went wrong on the server. Try again.',
};

/** The message for a sign-in error code from the page's `?error=`, or null when there is none. */
export function oidcErrorMessage(search: string): string | null {
  const code = new URLSearchParams(search).get('error');
  // A mailed link's failure is worded by lib/magicLink.ts.
  if (code === null || code === '' || code === MAGIC_LINK_INVALID) return null;
  return MESSAGES[code] ?? 'Signing in with the provider failed. Try again.';
}
