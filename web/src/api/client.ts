// The typed HTTP client for docs/api.md. Same origin only; the guest cookie rides along.

import { ApiError, networkError, parseApiError } from './errors';
import type {
  AuthMethods,
  Draft,
  MagicLinkSent,
  Language,
  LinkedIdentity,
  Me,
  OidcProvider,
  PasskeyCeremony,
  PasskeyInfo,
  Problem,
  ProblemList,
  RevealedHint,
  Run,
  RunAccepted,
  RunRequest,
  Session,
  Solution,
  Submission,
  Timer,
  UserList,
  UserSummary,
} from './types';
import type { CreationOptionsJson, RequestOptionsJson } from '../lib/webauthn';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export async function request<T>(method: Method, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { Accept: 'application/json' },
    signal,
  };
  if (body !== undefined) {
    init.headers = { Accept: 'application/json', 'Content-Type': 'application/json' };
    init.body = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw networkError();
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) {
    throw parseApiError(response.status, text, response.headers.get('Retry-After'));
  }
  if (text === '') return undefined as T;
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'bad_response', 'The server sent an answer this page cannot read. Reload the page.');
  }
}

/** Sends raw bytes (an upload) and reads a JSON answer, with the same error handling. */
export async function upload<T>(method: 'PUT', path: string, body: Blob, contentType: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { Accept: 'application/json', 'Content-Type': contentType },
      body,
    });
  } catch {
    throw networkError();
  }
  const text = await response.text().catch(() => '');
  if (!response.ok) throw parseApiError(response.status, text, response.headers.get('Retry-After'));
  try {
    return JSON.parse(text) as T;
  } catch {
    throw new ApiError(response.status, 'bad_response', 'The server sent an answer this page cannot read. Reload the page.');
  }
}

const enc = encodeURIComponent;

export const api = {
  languages: (signal?: AbortSignal) => request<Language[]>('GET', '/api/languages', undefined, signal),
  problems: (signal?: AbortSignal) => request<ProblemList>('GET', '/api/problems', undefined, signal),
  problem: (slug: string, signal?: AbortSignal) =>
    request<Problem>('GET', `/api/problems/${enc(slug)}`, undefined, signal),
  session: (slug: string, signal?: AbortSignal) =>
    request<Session>('GET', `/api/sessions/${enc(slug)}`, undefined, signal),
  setLanguage: (slug: string, language: string) =>
    request<Session>('PUT', `/api/sessions/${enc(slug)}/language`, { language }),
  timer: (slug: string, action: 'pause' | 'resume') =>
    request<Timer>('POST', `/api/sessions/${enc(slug)}/timer`, { action }),
  putDraft: (slug: string, language: string, code: string, clientUpdatedAt: number) =>
    request<Draft>('PUT', `/api/sessions/${enc(slug)}/drafts/${enc(language)}`, {
      code,
      client_updated_at: clientUpdatedAt,
    }),
  revealHint: (slug: string) => request<RevealedHint>('POST', `/api/sessions/${enc(slug)}/hints`),
  revealSolutions: (slug: string) =>
    request<{ solutions: Solution[] }>('POST', `/api/sessions/${enc(slug)}/solutions`),
  submissions: (slug: string, signal?: AbortSignal) =>
    request<Submission[]>('GET', `/api/sessions/${enc(slug)}/submissions`, undefined, signal),
  createRun: (body: RunRequest) => request<RunAccepted>('POST', '/api/runs', body),
  run: (id: string) => request<Run>('GET', `/api/runs/${enc(id)}`),
  cancelRun: (id: string) => request<Run>('DELETE', `/api/runs/${enc(id)}`),
  runEventsUrl: (id: string) => `/api/runs/${enc(id)}/events`,
  me: (signal?: AbortSignal) => request<Me>('GET', '/api/me', undefined, signal),
  signUp: (username: string, password: string, email?: string) =>
    request<Me>('POST', '/api/auth/signup', email ? { username, password, email } : { username, password }),
  signIn: (username: string, password: string) => request<Me>('POST', '/api/auth/signin', { username, password }),
  signOut: () => request<undefined>('POST', '/api/auth/signout'),
  signOutEverywhere: () => request<undefined>('POST', '/api/auth/signout-all'),
  updateProfile: (displayName: string, bio: string) =>
    request<Me>('PUT', '/api/me/profile', { display_name: displayName, bio }),
  /** A plain link to this downloads the export (the cookie rides along). */
  exportUrl: '/api/me/export',
  deleteMe: () => request<Me>('DELETE', '/api/me'),
  /** Sets or changes the password; every session of the account ends, this browser gets a new one. */
  setPassword: (newPassword: string, currentPassword?: string) =>
    request<Me>('PUT', '/api/me/password', { new_password: newPassword, current_password: currentPassword }),
  providers: (signal?: AbortSignal) =>
    request<{ providers: OidcProvider[] }>('GET', '/api/auth/providers', undefined, signal),
  identities: (signal?: AbortSignal) =>
    request<{ identities: LinkedIdentity[] }>('GET', '/api/me/identities', undefined, signal),
  unlinkIdentity: (provider: string) => request<undefined>('DELETE', `/api/me/identities/${enc(provider)}`),
  /** A plain link (a full navigation) to this starts a sign-in, or a link, at the provider. */
  oidcStartUrl: (provider: string, link = false) => `/api/auth/oidc/${enc(provider)}/start${link ? '?link=1' : ''}`,
  authMethods: (signal?: AbortSignal) => request<AuthMethods>('GET', '/api/auth/methods', undefined, signal),
  requestMagicLink: (email: string) => request<MagicLinkSent>('POST', '/api/auth/magic-link', { email }),
  redeemMagicLink: (token: string) => request<Me>('POST', '/api/auth/magic-link/verify', { token }),
  putAvatar: (file: Blob) => upload<Me>('PUT', '/api/me/avatar', file, file.type),
  deleteAvatar: () => request<Me>('DELETE', '/api/me/avatar'),
  passkeySignupStart: (username: string, email?: string) =>
    request<PasskeyCeremony<CreationOptionsJson>>(
      'POST',
      '/api/auth/passkey/signup/start',
      email ? { username, email } : { username },
    ),
  passkeySignupFinish: (ceremony: string, credential: unknown) =>
    request<Me>('POST', '/api/auth/passkey/signup/finish', { ceremony, credential }),
  passkeySigninStart: (username?: string) =>
    request<PasskeyCeremony<RequestOptionsJson>>('POST', '/api/auth/passkey/signin/start', username ? { username } : {}),
  passkeySigninFinish: (ceremony: string, credential: unknown) =>
    request<Me>('POST', '/api/auth/passkey/signin/finish', { ceremony, credential }),
  passkeys: (signal?: AbortSignal) => request<PasskeyInfo[]>('GET', '/api/me/passkeys', undefined, signal),
  addPasskeyStart: () => request<PasskeyCeremony<CreationOptionsJson>>('POST', '/api/me/passkeys/start'),
  addPasskeyFinish: (ceremony: string, credential: unknown, name?: string) =>
    request<PasskeyInfo>('POST', '/api/me/passkeys/finish', name ? { ceremony, credential, name } : { ceremony, credential }),
  renamePasskey: (id: string, name: string) => request<PasskeyInfo>('PUT', `/api/me/passkeys/${enc(id)}`, { name }),
  removePasskey: (id: string) => request<undefined>('DELETE', `/api/me/passkeys/${enc(id)}`),
  adminUsers: (page: number, signal?: AbortSignal) =>
    request<UserList>('GET', `/api/admin/users?page=${page}`, undefined, signal),
  setRole: (id: string, role: string) => request<UserSummary>('PUT', `/api/admin/users/${enc(id)}/role`, { role }),
};

let languagesPromise: Promise<Language[]> | null = null;

/** /api/languages, fetched once per page load. */
export function cachedLanguages(): Promise<Language[]> {
  languagesPromise ??= api.languages().catch((err: unknown) => {
    languagesPromise = null;
    throw err;
  });
  return languagesPromise;
}

let problemsPromise: Promise<ProblemList> | null = null;

/** /api/problems, shared by the landing and problems pages; `fresh` refetches (statuses change). */
export function cachedProblems(fresh = false): Promise<ProblemList> {
  if (fresh || problemsPromise === null) {
    problemsPromise = api.problems().catch((err: unknown) => {
      problemsPromise = null;
      throw err;
    });
  }
  return problemsPromise;
}
