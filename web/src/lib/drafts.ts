// Drafts: kept per language in localStorage, merged with the server's on load (newer edit wins).

import type { Draft } from '../api/types';

export interface LocalDraft {
  code: string;
  client_updated_at: number;
  /** Not yet confirmed by the server. */
  pending: boolean;
}

/** The part of Storage the drafts need (so tests can pass a Map-backed one). */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function draftKey(slug: string, language: string): string {
  return `tandem:draft:${slug}:${language}`;
}

function isLocalDraft(v: unknown): v is LocalDraft {
  if (v === null || typeof v !== 'object') return false;
  const d = v as Record<string, unknown>;
  return typeof d.code === 'string' && typeof d.client_updated_at === 'number' && typeof d.pending === 'boolean';
}

export function readLocalDraft(store: KeyValueStore, slug: string, language: string): LocalDraft | null {
  let raw: string | null;
  try {
    raw = store.getItem(draftKey(slug, language));
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    return isLocalDraft(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/** Writes a draft; returns false when storage refused (full, disabled). */
export function writeLocalDraft(store: KeyValueStore, slug: string, language: string, draft: LocalDraft): boolean {
  try {
    store.setItem(draftKey(slug, language), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function readLocalDrafts(
  store: KeyValueStore,
  slug: string,
  languages: readonly string[],
): Record<string, LocalDraft> {
  const out: Record<string, LocalDraft> = {};
  for (const lang of languages) {
    const d = readLocalDraft(store, slug, lang);
    if (d !== null) out[lang] = d;
  }
  return out;
}

/**
 * Merges the server's drafts with the local ones, per language, keeping the newer
 * `client_updated_at`. A local draft that wins (or that the server does not have) stays pending
 * so it is pushed; on a tie the server's copy wins and nothing needs pushing.
 */
export function mergeDrafts(
  server: Readonly<Record<string, Draft>>,
  local: Readonly<Record<string, LocalDraft>>,
): Record<string, LocalDraft> {
  const out: Record<string, LocalDraft> = {};
  const languages = new Set([...Object.keys(server), ...Object.keys(local)]);
  for (const lang of languages) {
    const s = server[lang];
    const l = local[lang];
    if (s !== undefined && (l === undefined || l.client_updated_at <= s.client_updated_at)) {
      out[lang] = { code: s.code, client_updated_at: s.client_updated_at, pending: false };
    } else if (l !== undefined) {
      const same = s !== undefined && s.code === l.code;
      out[lang] = { code: l.code, client_updated_at: l.client_updated_at, pending: !same };
    }
  }
  return out;
}
