/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LinkedProviders } from './LinkedProviders';

function json(status: number, body: unknown) {
  return Promise.resolve(new Response(status === 204 ? null : JSON.stringify(body), { status }));
}

const PROVIDERS = {
  providers: [
    { id: 'keycloak', name: 'Keycloak' },
    { id: 'gitlab', name: 'GitLab' },
  ],
};

describe('linked providers on the account page', () => {
  let linked: { provider: string; name: string; email: string | null; created_at: number }[];
  let unlinkAnswer: number;
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

  beforeEach(() => {
    linked = [{ provider: 'keycloak', name: 'Keycloak', email: 'ada@example.org', created_at: 1 }];
    unlinkAnswer = 204;
    window.history.replaceState(null, '', '/account');
    fetchMock = vi.fn<typeof fetch>((input, init) => {
      if (input === '/api/auth/providers') return json(200, PROVIDERS);
      if (input === '/api/me/identities') return json(200, { identities: linked });
      if (input === '/api/me/identities/keycloak' && init?.method === 'DELETE') {
        if (unlinkAnswer === 204) linked = [];
        return unlinkAnswer === 204
          ? json(204, null)
          : json(409, {
              error: {
                code: 'last_sign_in_method',
                message: 'this provider is the only way to sign in to your account',
              },
            });
      }
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lists linked providers with Unlink and the others with Link', async () => {
    render(<LinkedProviders />);
    const keycloak = await screen.findByTestId('provider-keycloak');
    expect(keycloak.textContent).toContain('linked (ada@example.org)');
    expect(screen.getByTestId('unlink-keycloak')).toBeTruthy();
    expect(screen.getByTestId('link-gitlab').getAttribute('href')).toBe('/api/auth/oidc/gitlab/start?link=1');

    fireEvent.click(screen.getByTestId('unlink-keycloak'));
    await screen.findByTestId('link-keycloak');
    expect(fetchMock).toHaveBeenCalledWith('/api/me/identities/keycloak', expect.objectContaining({ method: 'DELETE' }));
  });

  it('says why an unlink was refused', async () => {
    unlinkAnswer = 409;
    render(<LinkedProviders />);
    fireEvent.click(await screen.findByTestId('unlink-keycloak'));
    await waitFor(() => expect(screen.getByTestId('error-message').textContent).toContain('only way to sign in'));
    expect(screen.getByTestId('unlink-keycloak')).toBeTruthy();
  });

  it('shows the outcome of a link round trip', async () => {
    window.history.replaceState(null, '', '/account?error=identity_linked_elsewhere');
    render(<LinkedProviders />);
    expect((await screen.findByTestId('oidc-error')).textContent).toContain('another Tandem account');
    cleanup();
    window.history.replaceState(null, '', '/account?linked=keycloak');
    render(<LinkedProviders />);
    expect((await screen.findByTestId('oidc-linked')).textContent).toContain('sign in with Keycloak');
  });
});
