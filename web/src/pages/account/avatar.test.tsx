/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../../api/types';
import { AccountMenu } from '../../components/AccountMenu';
import { getMe, resetMe, setMe } from '../../lib/me';
import { AvatarPicker } from './AvatarPicker';

function me(over: Partial<Me> = {}): Me {
  return {
    id: 'u1',
    kind: 'account',
    username: 'ada',
    display_name: 'Ada',
    email: null,
    bio: '',
    role: 'learner',
    created_at: 1,
    avatar_url: null,
    ...over,
  };
}

function json(status: number, body: unknown) {
  return Promise.resolve(new Response(JSON.stringify(body), { status }));
}

function pick(file: File) {
  fireEvent.change(screen.getByTestId('avatar-file'), { target: { files: [file] } });
}

describe('avatars', () => {
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
  beforeEach(() => {
    resetMe();
    fetchMock = vi.fn<typeof fetch>((input, init) => {
      if (input === '/api/me/avatar' && init?.method === 'PUT') {
        return json(200, me({ avatar_url: '/api/users/u1/avatar?v=abc' }));
      }
      if (input === '/api/me/avatar' && init?.method === 'DELETE') return json(200, me());
      return json(404, { error: { code: 'not_found', message: 'Not found.' } });
    });
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('refuses a wrong type or a big file before uploading', () => {
    render(<AvatarPicker me={me()} />);
    pick(new File(['<svg/>'], 'x.svg', { type: 'image/svg+xml' }));
    expect(screen.getByTestId('avatar-problem').textContent).toMatch(/PNG, JPEG, WebP or GIF/);
    pick(new File([new Uint8Array(3 * 1024 * 1024)], 'big.png', { type: 'image/png' }));
    expect(screen.getByTestId('avatar-problem').textContent).toMatch(/limit is 2 MiB/);
    expect(screen.getByTestId<HTMLButtonElement>('avatar-upload').disabled).toBe(true);
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it('previews, uploads as the raw picture and shows it in the header', async () => {
    setMe(me());
    render(
      <>
        <AccountMenu />
        <AvatarPicker me={me()} />
      </>,
    );
    expect(screen.queryByTestId('header-avatar')).toBeNull();
    const file = new File([new Uint8Array([137, 80, 78, 71])], 'me.png', { type: 'image/png' });
    pick(file);
    await screen.findByTestId('avatar-preview');
    fireEvent.click(screen.getByTestId('avatar-upload'));
    await waitFor(() => expect(getMe()?.avatar_url).toBe('/api/users/u1/avatar?v=abc'));
    const [, init] = fetchMock.mock.calls[0] ?? [];
    expect((init?.headers as Record<string, string>)['Content-Type']).toBe('image/png');
    expect(init?.body).toBe(file);
    expect(screen.getByTestId('header-avatar').getAttribute('src')).toBe('/api/users/u1/avatar?v=abc');
  });

  it('removes the avatar', async () => {
    setMe(me({ avatar_url: '/api/users/u1/avatar?v=abc' }));
    render(<AvatarPicker me={me({ avatar_url: '/api/users/u1/avatar?v=abc' })} />);
    expect(screen.getByTestId('avatar-current')).toBeTruthy();
    fireEvent.click(screen.getByTestId('avatar-remove'));
    await waitFor(() => expect(getMe()?.avatar_url).toBeNull());
  });
});
