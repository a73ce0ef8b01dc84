import { describe, expect, it } from 'vitest';
import { oidcErrorMessage } from './oidc';

describe('oidcErrorMessage', () => {
  it('has nothing to say without an error', () => {
    expect(oidcErrorMessage('')).toBeNull();
    expect(oidcErrorMessage('?next=/problems')).toBeNull();
    expect(oidcErrorMessage('?error=')).toBeNull();
    expect(oidcErrorMessage('?error=magic_link_invalid')).toBeNull();
  });

  it('explains each code the server sends', () => {
    expect(oidcErrorMessage('?error=cancelled')).toContain('cancelled at the provider');
    expect(oidcErrorMessage('?error=state_invalid')).toContain('expired or was already used');
    expect(oidcErrorMessage('?error=provider_unreachable')).toContain('could not be reached');
    expect(oidcErrorMessage('?error=token_invalid')).toContain('could not be verified');
    expect(oidcErrorMessage('?error=identity_linked_elsewhere')).toContain('another Tandem account');
  });

  it('falls back to a general message for codes it does not know', () => {
    expect(oidcErrorMessage('?error=%3Cscript%3E')).toBe('Signing in with the provider failed. Try again.');
  });
});
