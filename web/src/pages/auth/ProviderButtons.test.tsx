/** @vitest-environment jsdom */
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetMe } from '../../lib/me';
import { AuthPage } from './AuthPage';

function json(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status }));
}

describe('provider buttons on the sign-in and sign-up pages', () => {
  beforeEach(() => {
    resetMe();
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>((input) => {
        if (input === '/api/auth/providers') {
          return json(200, {
            providers: [
              { id: 'keycloak', name: 'Keycloak' },
              { id: 'corp-sso', name: 'Corp SSO' },
            ],
          });
        }
        return json(404, { error: { code: 'not_found', message: 'no' } });
      }),
    );
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('links each provider to its start URL', async () => {
    window.history.replaceState(null, '', '/signin');
    render(<AuthPage mode="signin" />);
    const keycloak = await screen.findByText('Continue with Keycloak');
    expect(keycloak.getAttribute('href')).toBe('/api/auth/oidc/keycloak/start');
    expect(screen.getByText('Continue with Corp SSO').getAttribute('href')).toBe('/api/auth/oidc/corp-sso/start');
    expect(screen.queryByTestId('oidc-error')).toBeNull();
  });

  it('shows why the last attempt failed, on sign-up too', async () => {
    window.history.replaceState(null, '', '/signup?error=cancelled');
    render(<AuthPage mode="signup" />);
    expect(screen.getByTestId('oidc-error').textContent).toContain('cancelled at the provider');
    await screen.findByText('Continue with Keycloak');
  });

  it('shows no buttons when no provider is configured', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn<typeof fetch>(() => json(200, { providers: [] })),
    );
    window.history.replaceState(null, '', '/signin');
    render(<AuthPage mode="signin" />);
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalledWith('/api/auth/providers', expect.anything()));
    expect(screen.queryByTestId('oidc-providers')).toBeNull();
  });
});
