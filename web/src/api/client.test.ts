import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, request } from './client';
import { ApiError } from './errors';

function respond(status: number, body: string, headers: Record<string, string> = {}) {
  return vi.fn<typeof fetch>().mockResolvedValue(new Response(body, { status, headers }));
}

describe('request', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('sends JSON and parses the answer', async () => {
    const fetchMock = respond(202, '{"id":"r1","status":"queued","position":2}');
    vi.stubGlobal('fetch', fetchMock);
    const out = await api.createRun({ problem: 'p', language: 'python', code: 'x', kind: 'run' });
    expect(out).toEqual({ id: 'r1', status: 'queued', position: 2 });
    const [url, init] = fetchMock.mock.calls[0] ?? [];
    expect(url).toBe('/api/runs');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body as string)).toEqual({ problem: 'p', language: 'python', code: 'x', kind: 'run' });
  });

  it('encodes path segments', async () => {
    const fetchMock = respond(200, '{}');
    vi.stubGlobal('fetch', fetchMock);
    await api.putDraft('a/b', 'c++', 'code', 5);
    expect(fetchMock.mock.calls[0]?.[0]).toBe('/api/sessions/a%2Fb/drafts/c%2B%2B');
  });

  it('throws ApiError with the server message and Retry-After', async () => {
    vi.stubGlobal(
      'fetch',
      respond(429, '{"error":{"code":"too_many_runs","message":"Wait for your runs to finish."}}', { 'Retry-After': '4' }),
    );
    const err = await request('POST', '/api/runs', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('too_many_runs');
    expect((err as ApiError).retryAfter).toBe(4);
  });

  it('turns a failed fetch into a network error', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    const err = await request('GET', '/api/me').catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('network');
    expect((err as ApiError).status).toBe(0);
  });

  it('calls the account routes', async () => {
    const fetchMock = respond(200, '{}');
    vi.stubGlobal('fetch', fetchMock);
    await api.signIn('alice', 'pw');
    await api.signUp('bob', 'pw2', 'b@x.org');
    await api.updateProfile('Ada', 'bio');
    await api.setRole('u/1', 'author');
    await api.adminUsers(2);
    const calls = fetchMock.mock.calls.map(([url, init]) => [url, init?.method, init?.body]);
    expect(calls).toEqual([
      ['/api/auth/signin', 'POST', '{"username":"alice","password":"pw"}'],
      ['/api/auth/signup', 'POST', '{"username":"bob","password":"pw2","email":"b@x.org"}'],
      ['/api/me/profile', 'PUT', '{"display_name":"Ada","bio":"bio"}'],
      ['/api/admin/users/u%2F1/role', 'PUT', '{"role":"author"}'],
      ['/api/admin/users?page=2', 'GET', undefined],
    ]);
  });

  it('reads an empty 204 as undefined', async () => {
    vi.stubGlobal('fetch', vi.fn<typeof fetch>().mockResolvedValue(new Response(null, { status: 204 })));
    await expect(api.signOut()).resolves.toBeUndefined();
  });

  it('reports an unreadable success body', async () => {
    vi.stubGlobal('fetch', respond(200, 'not json'));
    const err = await request('GET', '/api/me').catch((e: unknown) => e);
    expect((err as ApiError).code).toBe('bad_response');
  });
});
