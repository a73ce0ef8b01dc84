/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { getMe, resetMe } from '../../lib/me';
import { PasswordSection } from './PasswordSection';

function me(over: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    kind: 'account',
    username: 'pat',
    display_name: '',
    email: null,
    bio: '',
    role: 'learner',
    created_at: 1,
    has_password: false,
    ...over,
  };
}

function json(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status }));
}

describe('the password section', () => {
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
  beforeEach(() => {
    resetMe();
    fetchMock = vi.fn<typeof fetch>((_input, init) => {
      const body = JSON.parse(init?.body as string) as { current_password?: string };
      if (body.current_password === 'wrong password') {
        return json(401, { error: { code: 'wrong_password', message: 'the current password is wrong' } });
      }
      return json(200, me({ has_password: true }));
    });
    vi.stubGlobal('fetch', fetchMock);
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sets a first password without asking for a current one', async () => {
    const view = render(<PasswordSection me={me()} />);
    expect(screen.queryByTestId('password-current')).toBeNull();
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'a long secret' } });
    fireEvent.click(screen.getByTestId('password-submit'));
    await waitFor(() => expect(screen.getByTestId('password-done').textContent).toBe('Password set.'));
    // The page passes the new `me` (it has a password now): the message keeps its words.
    view.rerender(<PasswordSection me={me({ has_password: true })} />);
    expect(screen.getByTestId('password-done').textContent).toBe('Password set.');
    expect(screen.getByTestId('password-current')).toBeTruthy();
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/me/password');
    expect(init?.method).toBe('PUT');
    expect(JSON.parse(init?.body as string)).toEqual({ new_password: 'a long secret' });
    expect(getMe()?.has_password).toBe(true);
  });

  it('checks the rules before asking the server', () => {
    render(<PasswordSection me={me()} />);
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'short' } });
    fireEvent.click(screen.getByTestId('password-submit'));
    expect(screen.getByRole('alert').textContent).toMatch(/at least 8/);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('needs the current password to change one, and says when it is wrong', async () => {
    render(<PasswordSection me={me({ has_password: true })} />);
    expect(screen.getByTestId('password-submit').textContent).toBe('Change password');
    fireEvent.change(screen.getByTestId('password-current'), { target: { value: 'wrong password' } });
    fireEvent.change(screen.getByTestId('password-new'), { target: { value: 'a long secret' } });
    fireEvent.click(screen.getByTestId('password-submit'));
    await waitFor(() => expect(screen.getByText('the current password is wrong')).toBeTruthy());
    expect(screen.queryByTestId('password-done')).toBeNull();
  });
});
