import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { errorMessage, isTransient } from '../../api/errors';
import type { Problem, Session } from '../../api/types';
import { mergeDrafts, readLocalDrafts, type KeyValueStore, type LocalDraft } from '../../lib/drafts';
import { DraftSync, type SaveStatus } from '../../lib/draftSync';

const memoryStore = new Map<string, string>();
const fallbackStore: KeyValueStore = {
  getItem: (k) => memoryStore.get(k) ?? null,
  setItem: (k, v) => memoryStore.set(k, v),
  removeItem: (k) => memoryStore.delete(k),
};

function browserStore(): KeyValueStore {
  try {
    return window.localStorage;
  } catch {
    return fallbackStore;
  }
}

export interface Drafts {
  /** Null until mounted (one render). */
  sync: DraftSync | null;
  /** The drafts as merged on load (server and local, newer edit wins). */
  initial: Readonly<Record<string, LocalDraft>>;
  status: SaveStatus;
}

/** Merges server and local drafts once per page and keeps them saved as the user types. */
export function useDrafts(problem: Problem, session: Session): Drafts {
  const slug = problem.slug;
  // Merged once: later session refetches (timer, hints) must not reset the drafts.
  const [initial] = useState(() => {
    const languages = [...new Set([...problem.languages, ...Object.keys(session.drafts)])];
    return mergeDrafts(session.drafts, readLocalDrafts(browserStore(), slug, languages));
  });
  const [sync, setSync] = useState<DraftSync | null>(null);
  const [status, setStatus] = useState<SaveStatus>({ state: 'saved' });
  const initialRef = useRef(initial);

  useEffect(() => {
    const store = browserStore();
    const s = new DraftSync(slug, initialRef.current, {
      store,
      put: (language, code, t) => api.putDraft(slug, language, code, t),
      now: () => Date.now(),
      isTransient,
      errorMessage,
      onOnline: (cb) => {
        window.addEventListener('online', cb);
        return () => window.removeEventListener('online', cb);
      },
    });
    const unsubscribe = s.subscribe(setStatus);
    setStatus(s.status());
    setSync(s);

    const onHide = () => s.saveLocal();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void s.flush();
    };
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      unsubscribe();
      void s.flush();
      s.dispose();
    };
  }, [slug]);

  return { sync, initial, status };
}
