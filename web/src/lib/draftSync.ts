// Saving drafts as you type: debounced to localStorage and the server, retried when offline.

import type { Draft } from '../api/types';
import { writeLocalDraft, type KeyValueStore, type LocalDraft } from './drafts';

export type SaveStatus =
  | { state: 'saved' }
  | { state: 'saving' }
  | { state: 'offline' }
  | { state: 'error'; message: string };

export interface DraftSyncDeps {
  store: KeyValueStore;
  put: (language: string, code: string, clientUpdatedAt: number) => Promise<Draft>;
  now: () => number;
  /** Whether an error may go away by retrying (offline, server down). */
  isTransient: (err: unknown) => boolean;
  errorMessage: (err: unknown) => string;
  /** Calls back when the browser comes online again; returns an unsubscribe function. */
  onOnline: (cb: () => void) => () => void;
  debounceMs?: number;
  retryMs?: number;
}

export class DraftSync {
  private readonly slug: string;
  private readonly deps: DraftSyncDeps;
  private readonly drafts = new Map<string, LocalDraft>();
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private readonly listeners = new Set<(s: SaveStatus) => void>();
  private debounceTimer: ReturnType<typeof setTimeout> | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private offline = false;
  private errorText: string | null = null;
  private disposed = false;
  private readonly unsubscribeOnline: () => void;
  private lastStatus: SaveStatus = { state: 'saved' };

  constructor(slug: string, initial: Readonly<Record<string, LocalDraft>>, deps: DraftSyncDeps) {
    this.slug = slug;
    this.deps = deps;
    this.debounceMs = deps.debounceMs ?? 500;
    this.retryMs = deps.retryMs ?? 15_000;
    for (const [lang, d] of Object.entries(initial)) {
      this.drafts.set(lang, { ...d });
      writeLocalDraft(deps.store, slug, lang, d);
    }
    this.unsubscribeOnline = deps.onOnline(() => {
      if (this.hasPending()) void this.push();
    });
    this.lastStatus = this.computeStatus();
    if (this.hasPending()) void this.push();
  }

  get(language: string): LocalDraft | undefined {
    return this.drafts.get(language);
  }

  status(): SaveStatus {
    return this.lastStatus;
  }

  subscribe(listener: (s: SaveStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Records an edit: kept in memory now, saved locally and pushed after the debounce. */
  edit(language: string, code: string): void {
    if (this.disposed) return;
    const prev = this.drafts.get(language);
    if (prev?.code === code) return;
    // Strictly increasing per language, even within one millisecond.
    const t = Math.max(this.deps.now(), (prev?.client_updated_at ?? 0) + 1);
    this.drafts.set(language, { code, client_updated_at: t, pending: true });
    this.errorText = null;
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    this.debounceTimer = setTimeout(() => {
      this.debounceTimer = null;
      void this.flush();
    }, this.debounceMs);
    this.emit();
  }

  /** Saves every draft locally now and pushes the pending ones (e.g. before a run or on leaving). */
  async flush(): Promise<void> {
    if (this.debounceTimer !== null) {
      clearTimeout(this.debounceTimer);
      this.debounceTimer = null;
    }
    this.saveLocal();
    await this.push();
  }

  /** Writes every pending draft to local storage synchronously. */
  saveLocal(): void {
    for (const [lang, d] of this.drafts) {
      if (d.pending) writeLocalDraft(this.deps.store, this.slug, lang, d);
    }
  }

  dispose(): void {
    this.saveLocal();
    this.disposed = true;
    if (this.debounceTimer !== null) clearTimeout(this.debounceTimer);
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.unsubscribeOnline();
    this.listeners.clear();
  }

  private isDisposed(): boolean {
    return this.disposed;
  }

  private hasPending(): boolean {
    for (const d of this.drafts.values()) if (d.pending) return true;
    return false;
  }

  private async push(): Promise<void> {
    if (this.inFlight || this.disposed) return;
    if (this.retryTimer !== null) {
      clearTimeout(this.retryTimer);
      this.retryTimer = null;
    }
    this.inFlight = true;
    this.emit();
    try {
      for (;;) {
        const next = [...this.drafts.entries()].find(([, d]) => d.pending);
        if (next === undefined || this.isDisposed()) break;
        const [lang, sent] = next;
        try {
          await this.deps.put(lang, sent.code, sent.client_updated_at);
        } catch (err) {
          if (this.deps.isTransient(err)) {
            this.offline = true;
            this.scheduleRetry();
          } else {
            this.errorText = this.deps.errorMessage(err);
          }
          return;
        }
        this.offline = false;
        const current = this.drafts.get(lang);
        if (current !== undefined && current.client_updated_at === sent.client_updated_at) {
          const done = { ...current, pending: false };
          this.drafts.set(lang, done);
          writeLocalDraft(this.deps.store, this.slug, lang, done);
        }
      }
    } finally {
      this.inFlight = false;
      this.emit();
    }
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null || this.disposed) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.push();
    }, this.retryMs);
  }

  private computeStatus(): SaveStatus {
    if (this.errorText !== null) return { state: 'error', message: this.errorText };
    if (this.offline && this.hasPending() && !this.inFlight) return { state: 'offline' };
    if (this.debounceTimer !== null || this.inFlight || this.hasPending()) {
      return this.offline ? { state: 'offline' } : { state: 'saving' };
    }
    return { state: 'saved' };
  }

  private emit(): void {
    const next = this.computeStatus();
    const same =
      next.state === this.lastStatus.state &&
      (next.state !== 'error' || (this.lastStatus.state === 'error' && next.message === this.lastStatus.message));
    if (same) return;
    this.lastStatus = next;
    for (const l of this.listeners) l(next);
  }
}
