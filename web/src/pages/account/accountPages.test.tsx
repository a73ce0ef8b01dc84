/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { AccountMenu } from '../../components/AccountMenu';
import { getMe, resetMe, setMe } from '../../lib/me';
import { AuthPage } from '../auth/AuthPage';
import { DeleteMyData } from './DeleteMyData';

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

function json(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status }));
}

describe('account pages', () => {
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
  beforeEach(() => {
    resetMe();
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    window.history.replaceState(null, '', '/signup');
    fetchMock = vi.fn<typeof fetch>((input) => {
      const url = input as string;
      if (url === '/api/auth/signup') return json(201, me());
      if (url === '/api/auth/signin') {
        return json(401, { error: { code: 'invalid_credentials', message: 'the username or the password is wrong' } });
      }
      if (url === '/api/me') return json(200, me({ id: 'g2', kind: 'guest', username: null }));
      return json(200, { problems: [], topics: [] });
    });
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('checks sign-up fields before sending, then signs up and goes on', async () => {
    render(<AuthPage mode="signup" />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: '9x' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByTestId('auth-submit'));
    expect(screen.getByText('Use 3 to 32 characters.')).toBeTruthy();
    expect(screen.getByText('Use at least 8 characters.')).toBeTruthy();
    // Only the provider list was fetched (for the sign-in buttons); nothing was sent.
    expect(fetchMock.mock.calls.filter(([url]) => url !== '/api/auth/providers')).toEqual([]);

    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'Alice' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'long enough' } });
    fireEvent.click(screen.getByTestId('auth-submit'));
    await waitFor(() => expect(getMe()?.username).toBe('alice'));
    const [url, init] = fetchMock.mock.calls.find(([u]) => u === '/api/auth/signup') ?? [];
    expect(url).toBe('/api/auth/signup');
    expect(JSON.parse(init?.body as string)).toEqual({ username: 'Alice', password: 'long enough' });
    expect(window.location.pathname).toBe('/problems');
  });

  it('shows the server message when sign-in fails', async () => {
    window.history.replaceState(null, '', '/signin');
    render(<AuthPage mode="signin" />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'alice' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'whatever1' } });
    fireEvent.click(screen.getByTestId('auth-submit'));
    await waitFor(() => expect(screen.getByTestId('error-message').textContent).toContain('password is wrong'));
    expect(getMe()).toBeNull();
  });

  it('deletes only after the username is typed', async () => {
    fetchMock.mockImplementation(() => json(200, me({ id: 'g9', kind: 'guest', username: null })));
    render(<DeleteMyData me={me()} />);
    const button = screen.getByTestId<HTMLButtonElement>('delete-submit');
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/to confirm/), { target: { value: 'alic' } });
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/to confirm/), { target: { value: 'alice' } });
    expect(button.disabled).toBe(false);
    fireEvent.click(button);
    await waitFor(() => expect(getMe()?.id).toBe('g9'));
    expect(fetchMock.mock.calls[0]?.[1]?.method).toBe('DELETE');
  });

  it('offers sign-in to guests and a menu to accounts, with Admin for admins only', () => {
    setMe(me({ kind: 'guest', username: null }));
    const { rerender } = render(<AccountMenu />);
    expect(screen.getByTestId('nav-signin').getAttribute('href')).toBe('/signin');
    expect(screen.getByTestId('nav-signup').getAttribute('href')).toBe('/signup');

    setMe(me());
    rerender(<AccountMenu />);
    const button = screen.getByTestId('account-menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByTestId('nav-account')).toBeTruthy();
    expect(screen.queryByTestId('nav-admin')).toBeNull();
    fireEvent.keyDown(document, { key: 'Escape' });
    expect(screen.queryByTestId('account-menu-list')).toBeNull();

    setMe(me({ role: 'admin' }));
    rerender(<AccountMenu />);
    fireEvent.click(screen.getByTestId('account-menu'));
    expect(screen.getByTestId('nav-admin').getAttribute('href')).toBe('/admin');
  });
});
