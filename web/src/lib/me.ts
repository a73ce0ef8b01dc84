// Who the browser is (GET /api/me), shared by the header and the account pages. A small
// external store: `useMe()` re-renders on change; sign-in and sign-out call `setMe`.

import { useSyncExternalStore } from 'react';
import { api, cachedProblems } from '../api/client';
import type { Me } from '../api/types';

let current: Me | null = null;
/** The last person seen, so a change of person (not the first load) refreshes their data. */
let lastId: string | null = null;
let loading: Promise<Me | null> | null = null;
const listeners = new Set<() => void>();

function notify(): void {
  for (const l of listeners) l();
}

export function subscribeMe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getMe(): Me | null {
  return current;
}

/** Records who we are now. A change of person refreshes data that depends on them (statuses). */
export function setMe(me: Me | null): void {
  current = me;
  notify();
  if (me === null) return;
  const changed = lastId !== null && lastId !== me.id;
  lastId = me.id;
  if (changed) void cachedProblems(true).catch(() => undefined);
}

/** After sign-out the browser is a new guest: forget the account and ask who we are now. */
export function signedOut(): Promise<Me | null> {
  setMe(null);
  return loadMe(true);
}

/** Fetches /api/me once (again with `fresh`); failures leave the store empty. */
export function loadMe(fresh = false): Promise<Me | null> {
  if (loading === null || fresh) {
    loading = api.me().then(
      (me) => {
        setMe(me);
        return me;
      },
      () => {
        loading = null;
        return null;
      },
    );
  }
  return loading;
}

export function useMe(): Me | null {
  return useSyncExternalStore(subscribeMe, getMe, () => null);
}

/** For tests. */
export function resetMe(): void {
  current = null;
  lastId = null;
  loading = null;
}
