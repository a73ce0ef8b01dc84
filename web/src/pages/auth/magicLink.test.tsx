/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { getMe, resetMe } from '../../lib/me';
import { AuthPage } from './AuthPage';
import { MagicLinkPage } from './MagicLinkPage';

const TOKEN = 'cd'.repeat(32);

function me(): Me {
  return {
    id: 'u1',
    kind: 'account',
    username: 'ada',
    display_name: '',
    email: 'ada@example.org',
    bio: '',
    role: 'learner',
    created_at: 1,
    avatar_url: null,
  };
}

function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Promise.resolve(new Response(JSON.stringify(body), { status, headers }));
}

describe('sign-in by email', () => {
  let magicOn = true;
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
  beforeEach(() => {
    resetMe();
    magicOn = true;
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    window.history.replaceState(null, '', '/signin');
    fetchMock = vi.fn<typeof fetch>((input, init) => {
      const url = input as string;
      if (url === '/api/auth/methods') return json(200, { magic_link: magicOn, passkeys: true });
      if (url === '/api/auth/magic-link') {
        const body = JSON.parse(init?.body as string) as { email: string };
        if (body.email === 'busy@example.org') {
          return json(429, { error: { code: 'rate_limited', message: 'too many sign-in links' } }, { 'Retry-After': '30' });
        }
        return json(202, { message: 'if the address can receive mail, a sign-in link is on its way' });
      }
      if (url === '/api/auth/magic-link/verify') {
        const body = JSON.parse(init?.body as string) as { token: string };
        if (body.token === TOKEN) return json(200, me());
        return json(401, { error: { code: 'magic_link_invalid', message: 'this sign-in link is invalid, used or expired' } });
      }
      return json(200, { problems: [], topics: [] });
    });
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('offers the form only when the server has magic links on', async () => {
    magicOn = false;
    render(<AuthPage mode="signin" />);
    await waitFor(() => expect(fetchMock).toHaveBeenCalledWith('/api/auth/methods', expect.anything()));
    expect(screen.queryByTestId('magic-link-form')).toBeNull();
  });

  it('checks the address, sends it and says to check the mail', async () => {
    render(<AuthPage mode="signin" />);
    await screen.findByTestId('magic-link-form');
    fireEvent.change(screen.getByTestId('magic-email'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByTestId('magic-submit'));
    expect(screen.getByText('Enter an address like name@example.org.')).toBeTruthy();
    expect(fetchMock).not.toHaveBeenCalledWith('/api/auth/magic-link', expect.anything());

    fireEvent.change(screen.getByTestId('magic-email'), { target: { value: 'ada@example.org' } });
    fireEvent.click(screen.getByTestId('magic-submit'));
    expect((await screen.findByTestId('magic-sent')).textContent).toMatch(/Check your mail/);

    fireEvent.change(screen.getByTestId('magic-email'), { target: { value: 'busy@example.org' } });
    fireEvent.click(screen.getByTestId('magic-submit'));
    expect((await screen.findByTestId('error-message')).textContent).toMatch(/wait 30 s/);
  });

  it('explains a used or expired link on the sign-in page', () => {
    window.history.replaceState(null, '', '/signin?error=magic_link_invalid');
    render(<AuthPage mode="signin" />);
    expect(screen.getByTestId('signin-link-error').textContent).toMatch(/already used or has expired/);
  });

  it('signs in from the landing page with a click, and drops the token from the address', async () => {
    window.history.replaceState(null, '', `/signin/magic#token=${TOKEN}`);
    render(<MagicLinkPage />);
    expect(window.location.hash).toBe('');
    fireEvent.click(screen.getByTestId('magic-link-signin'));
    await waitFor(() => expect(getMe()?.username).toBe('ada'));
    expect(window.location.pathname).toBe('/account');
  });

  it('shows a clear message when the link no longer works', async () => {
    window.history.replaceState(null, '', `/signin/magic#token=${'ef'.repeat(32)}`);
    render(<MagicLinkPage />);
    fireEvent.click(screen.getByTestId('magic-link-signin'));
    expect((await screen.findByTestId('error-message')).textContent).toMatch(/did not work/);
    expect(getMe()).toBeNull();
  });

  it('asks for the link when the page has no token', () => {
    window.history.replaceState(null, '', '/signin/magic');
    render(<MagicLinkPage />);
    expect(screen.getByTestId('magic-link-missing')).toBeTruthy();
  });
});
