import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Me } from '../api/types';
import { getMe, loadMe, resetMe, setMe, signedOut, subscribeMe } from './me';

function me(id: string, kind: Me['kind'] = 'account'): Me {
  return { id, kind, username: kind === 'account' ? id : null, display_name: '', email: null, bio: '', role: 'learner', created_at: 1 };
}

describe('the current user store', () => {
  let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;
  beforeEach(() => {
    resetMe();
    fetchMock = vi.fn<typeof fetch>((input) => {
      const body = input === '/api/me' ? me('guest-1', 'guest') : { problems: [], topics: [] };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200 }));
    });
    vi.stubGlobal('fetch', fetchMock);
  });
  afterEach(() => vi.unstubAllGlobals());

  const urls = () => fetchMock.mock.calls.map(([url]) => url);

  it('loads /api/me once and tells subscribers', async () => {
    const seen: (string | undefined)[] = [];
    const stop = subscribeMe(() => seen.push(getMe()?.id));
    await Promise.all([loadMe(), loadMe()]);
    expect(urls()).toEqual(['/api/me']);
    expect(seen).toEqual(['guest-1']);
    stop();
  });

  it('refreshes problem statuses when the person changes, not on the first load', async () => {
    await loadMe();
    expect(urls()).toEqual(['/api/me']);
    setMe(me('alice'));
    expect(urls()).toEqual(['/api/me', '/api/problems']);
    setMe(me('alice'));
    expect(urls()).toHaveLength(2);
  });

  it('asks again who we are after signing out', async () => {
    setMe(me('alice'));
    const after = await signedOut();
    expect(after?.kind).toBe('guest');
    expect(getMe()?.id).toBe('guest-1');
    expect(urls()).toContain('/api/me');
  });
});
