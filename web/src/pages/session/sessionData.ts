// Loading what the session page needs. Kept out of the lazy chunk so the fetches can start at
// page load, in parallel with downloading the session page's code.

import { api, cachedLanguages } from '../../api/client';
import type { Language, Problem, Session } from '../../api/types';

export interface SessionData {
  problem: Problem;
  session: Session;
  languages: Language[];
  /** Local time the session (and its timer) arrived. */
  receivedAt: number;
}

async function load(slug: string): Promise<SessionData> {
  const [problem, session, languages] = await Promise.all([
    api.problem(slug),
    api.session(slug),
    cachedLanguages().catch((): Language[] => []),
  ]);
  return { problem, session, languages, receivedAt: Date.now() };
}

let prefetched: { slug: string; promise: Promise<SessionData> } | null = null;

/** Starts loading a session's data now (e.g. at page load on /problems/:slug). */
export function prefetchSessionData(slug: string): void {
  const promise = load(slug);
  promise.catch(() => undefined);
  prefetched = { slug, promise };
}

/** The prefetched data for `slug` if any (used once), else a fresh load. */
export function loadSessionData(slug: string): Promise<SessionData> {
  if (prefetched?.slug === slug) {
    const { promise } = prefetched;
    prefetched = null;
    return promise;
  }
  return load(slug);
}
