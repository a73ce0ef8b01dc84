/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me, PasskeyInfo } from '../../api/types';
import { getMe, resetMe } from '../../lib/me';
import { Passkeys } from '../account/Passkeys';
import { AuthPage } from './AuthPage';

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
  return Promise.resolve(new Response(body === undefined ? null : JSON.stringify(body), { status }));
}

const creation = {
  ceremony: 'c1',
  expires_at: 9,
  public_key: {
    challenge: 'AQID',
    rp: { id: 'localhost', name: 'Tandem' },
    user: { id: 'BAUG', name: 'alice', displayName: 'alice' },
    pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
  },
};

const request = { ceremony: 'c2', expires_at: 9, public_key: { challenge: 'AQID', rpId: 'localhost' } };

function buffer(...b: number[]): ArrayBuffer {
  return new Uint8Array(b).buffer;
}

const made = {
  id: 'AQ',
  rawId: buffer(1),
  type: 'public-key',
  response: { clientDataJSON: buffer(2), attestationObject: buffer(3) },
  getClientExtensionResults: () => ({}),
};

const signed = {
  id: 'AQ',
  rawId: buffer(1),
  type: 'public-key',
  response: { clientDataJSON: buffer(2), authenticatorData: buffer(3), signature: buffer(4), userHandle: buffer(5) },
  getClientExtensionResults: () => ({}),
};

describe('passkeys in the pages', () => {
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
  let serverPasskeys = true;
  let create: ReturnType<typeof vi.fn>;
  let get: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    resetMe();
    vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
    window.history.replaceState(null, '', '/signup');
    fetchMock = vi.fn<typeof fetch>((input) => {
      const url = input as string;
      if (url === '/api/auth/methods') return json(200, { magic_link: false, passkeys: serverPasskeys });
      if (url === '/api/auth/passkey/signup/start') return json(200, creation);
      if (url === '/api/auth/passkey/signup/finish') return json(201, me());
      if (url === '/api/auth/passkey/signin/start') return json(200, request);
      if (url === '/api/auth/passkey/signin/finish') return json(200, me({ username: 'bob' }));
      return json(200, { problems: [], topics: [] });
    });
    vi.stubGlobal('fetch', fetchMock);
    create = vi.fn();
    get = vi.fn();
    serverPasskeys = true;
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    Reflect.deleteProperty(navigator, 'credentials');
  });

  function withPasskeys() {
    vi.stubGlobal('PublicKeyCredential', function PublicKeyCredential() {});
    Object.defineProperty(navigator, 'credentials', { value: { create, get }, configurable: true });
  }

  it('offers only the password where the browser has no passkeys', () => {
    render(<AuthPage mode="signup" />);
    expect(screen.queryByTestId('passkey-signup')).toBeNull();
    expect(screen.getByTestId('passkey-unsupported').textContent).toMatch(/use a password/);
    expect(screen.getByTestId('auth-submit').textContent).toBe('Create an account');
    expect(screen.getByTestId('auth-submit').className).toContain('button--primary');
  });

  it('offers only the password where the server has passkeys off', async () => {
    withPasskeys();
    serverPasskeys = false;
    render(<AuthPage mode="signup" />);
    await waitFor(() => expect(screen.queryByTestId('passkey-signup')).toBeNull());
    expect(screen.getByTestId('auth-submit').textContent).toBe('Create an account');
  });

  it('makes the passkey the first choice and signs up with it, no password needed', async () => {
    withPasskeys();
    create.mockResolvedValue(made);
    render(<AuthPage mode="signup" />);
    expect(screen.getByTestId('auth-submit').textContent).toBe('Create an account with a password');
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'Alice' } });
    fireEvent.click(screen.getByTestId('passkey-signup'));
    await waitFor(() => expect(getMe()?.username).toBe('alice'));
    expect(screen.queryByText('Use at least 8 characters.')).toBeNull();
    const options = (create.mock.calls[0]?.[0] as { publicKey: PublicKeyCredentialCreationOptions }).publicKey;
    expect(Array.from(options.challenge as Uint8Array)).toEqual([1, 2, 3]);
    const finish = fetchMock.mock.calls.find(([url]) => url === '/api/auth/passkey/signup/finish');
    expect(JSON.parse(finish?.[1]?.body as string)).toEqual({
      ceremony: 'c1',
      credential: {
        id: 'AQ',
        rawId: 'AQ',
        type: 'public-key',
        response: { attestationObject: 'Aw', clientDataJSON: 'Ag' },
        extensions: {},
      },
    });
    expect(window.location.pathname).toBe('/problems');
  });

  it('checks the username before asking the browser', () => {
    withPasskeys();
    render(<AuthPage mode="signup" />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: '9x' } });
    fireEvent.click(screen.getByTestId('passkey-signup'));
    expect(screen.getByText('Use 3 to 32 characters.')).toBeTruthy();
    // Only the page's own look-ups (sign-in providers, ways to sign in); no passkey request.
    const lookups = ['/api/auth/providers', '/api/auth/methods'];
    expect(fetchMock.mock.calls.filter(([url]) => typeof url !== 'string' || !lookups.includes(url))).toEqual([]);
    expect(create).not.toHaveBeenCalled();
  });

  it('says so when the person cancels the browser dialog', async () => {
    withPasskeys();
    create.mockRejectedValue(new DOMException('cancelled', 'NotAllowedError'));
    render(<AuthPage mode="signup" />);
    fireEvent.change(screen.getByLabelText('Username'), { target: { value: 'alice' } });
    fireEvent.click(screen.getByTestId('passkey-signup'));
    await waitFor(() => expect(screen.getByTestId('error-message').textContent).toMatch(/cancelled or timed out/));
    expect(getMe()).toBeNull();
    expect(screen.getByTestId<HTMLButtonElement>('passkey-signup').disabled).toBe(false);
  });

  it('signs in with a discoverable passkey when no username is typed', async () => {
    withPasskeys();
    get.mockResolvedValue(signed);
    window.history.replaceState(null, '', '/signin');
    render(<AuthPage mode="signin" />);
    fireEvent.click(screen.getByTestId('passkey-signin'));
    await waitFor(() => expect(getMe()?.username).toBe('bob'));
    const start = fetchMock.mock.calls.find(([url]) => url === '/api/auth/passkey/signin/start');
    expect(JSON.parse(start?.[1]?.body as string)).toEqual({});
    const finish = fetchMock.mock.calls.find(([url]) => url === '/api/auth/passkey/signin/finish');
    const sent = JSON.parse(finish?.[1]?.body as string) as { credential: { response: { userHandle: string } } };
    expect(sent.credential.response.userHandle).toBe('BQ');
  });

  it('shows the server refusal of an unknown passkey', async () => {
    withPasskeys();
    get.mockResolvedValue(signed);
    fetchMock.mockImplementation((input) =>
      input === '/api/auth/passkey/signin/start'
        ? json(200, request)
        : json(401, { error: { code: 'passkey_not_recognised', message: 'this passkey is not recognised' } }),
    );
    window.history.replaceState(null, '', '/signin');
    render(<AuthPage mode="signin" />);
    fireEvent.click(screen.getByTestId('passkey-signin'));
    await waitFor(() => expect(screen.getByTestId('error-message').textContent).toContain('not recognised'));
  });

  it('lists, renames and removes passkeys, and shows why the last one stays', async () => {
    withPasskeys();
    const laptop: PasskeyInfo = { id: 'k1', name: 'Laptop', created_at: 1_700_000_000_000, last_used_at: null };
    const phone: PasskeyInfo = { id: 'k2', name: 'Phone', created_at: 1_700_000_000_000, last_used_at: 1_700_000_100_000 };
    let keys = [laptop, phone];
    fetchMock.mockImplementation((input, init) => {
      const url = input as string;
      if (url === '/api/me/passkeys') return json(200, keys);
      if (url === '/api/me/passkeys/k1' && init?.method === 'PUT') {
        const renamed = { ...laptop, name: 'Work laptop' };
        keys = [renamed, phone];
        return json(200, renamed);
      }
      if (url === '/api/me/passkeys/k2' && init?.method === 'DELETE') {
        keys = keys.filter((k) => k.id !== 'k2');
        return json(204, undefined);
      }
      if (url === '/api/me/passkeys/k1' && init?.method === 'DELETE') {
        return json(409, {
          error: { code: 'last_passkey', message: 'this passkey is your only way to sign in; add another passkey first' },
        });
      }
      return json(404, { error: { code: 'not_found', message: 'no' } });
    });
    render(<Passkeys />);
    await waitFor(() => expect(screen.getAllByTestId('passkey-row')).toHaveLength(2));
    expect(screen.getAllByTestId('passkey-row')[0]?.textContent).toMatch(/last used never/);

    fireEvent.click(screen.getByRole('button', { name: 'Rename Laptop' }));
    fireEvent.change(screen.getByTestId('passkey-rename-input'), { target: { value: 'Work laptop' } });
    fireEvent.click(screen.getByTestId('passkey-rename-save'));
    await waitFor(() => expect(screen.getByText('Work laptop')).toBeTruthy());

    fireEvent.click(screen.getByRole('button', { name: 'Remove Phone' }));
    await waitFor(() => expect(screen.getAllByTestId('passkey-row')).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'Remove Work laptop' }));
    await waitFor(() => expect(screen.getByTestId('error-message').textContent).toMatch(/only way to sign in/));
    expect(screen.getAllByTestId('passkey-row')).toHaveLength(1);
  });
});
