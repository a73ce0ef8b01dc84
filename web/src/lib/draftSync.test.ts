import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { Draft } from '../api/types';
import { memoryStore } from '../test/memoryStore';
import { readLocalDraft, type LocalDraft } from './drafts';
import { DraftSync, type DraftSyncDeps, type SaveStatus } from './draftSync';

type Put = DraftSyncDeps['put'];

function setup(put: Put, initial: Record<string, LocalDraft> = {}) {
  const store = memoryStore();
  let onlineCb: (() => void) | null = null;
  let clock = 1_000;
  const sync = new DraftSync('two-sum', initial, {
    store,
    put,
    now: () => clock,
    isTransient: (e) => !(e instanceof ApiError) || e.status === 0 || e.status >= 500,
    errorMessage: (e) => (e instanceof Error ? e.message : 'error'),
    onOnline: (cb) => {
      onlineCb = cb;
      return () => {
        onlineCb = null;
      };
    },
    debounceMs: 500,
    retryMs: 10_000,
  });
  const statuses: SaveStatus['state'][] = [];
  sync.subscribe((s) => statuses.push(s.state));
  return {
    sync,
    store,
    statuses,
    tick: (ms: number) => (clock += ms),
    goOnline: () => onlineCb?.(),
  };
}

const ok: Put = (_l, code, t) => Promise.resolve<Draft>({ code, client_updated_at: t, saved_at: t + 1 });

describe('DraftSync', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces edits into one save, locally and on the server', async () => {
    const put = vi.fn(ok);
    const { sync, store, statuses } = setup(put);
    sync.edit('python', 'a');
    sync.edit('python', 'ab');
    sync.edit('python', 'abc');
    expect(sync.status().state).toBe('saving');
    expect(put).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(499);
    expect(put).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(put).toHaveBeenCalledTimes(1);
    expect(put.mock.calls[0]?.slice(0, 2)).toEqual(['python', 'abc']);
    expect(sync.status().state).toBe('saved');
    expect(readLocalDraft(store, 'two-sum', 'python')).toMatchObject({ code: 'abc', pending: false });
    expect(statuses).toEqual(['saving', 'saved']);
  });

  it('gives each edit a strictly increasing timestamp', async () => {
    const put = vi.fn(ok);
    const { sync } = setup(put);
    sync.edit('python', 'a');
    const t1 = sync.get('python')?.client_updated_at ?? 0;
    sync.edit('python', 'b');
    expect(sync.get('python')?.client_updated_at).toBeGreaterThan(t1);
    await vi.runAllTimersAsync();
  });

  it('keeps working offline, then retries on the online event', async () => {
    let online = false;
    const put = vi.fn<Put>((l, c, t) => (online ? ok(l, c, t) : Promise.reject(new TypeError('offline'))));
    const { sync, store, goOnline } = setup(put);
    sync.edit('python', 'offline code');
    await vi.advanceTimersByTimeAsync(500);
    expect(sync.status().state).toBe('offline');
    expect(readLocalDraft(store, 'two-sum', 'python')).toMatchObject({ code: 'offline code', pending: true });
    online = true;
    goOnline();
    await vi.advanceTimersByTimeAsync(0);
    expect(sync.status().state).toBe('saved');
    expect(put).toHaveBeenCalledTimes(2);
    expect(readLocalDraft(store, 'two-sum', 'python')?.pending).toBe(false);
  });

  it('retries periodically while offline', async () => {
    let fail = 2;
    const put = vi.fn<Put>((l, c, t) => (fail-- > 0 ? Promise.reject(new ApiError(503, 'unavailable', 'down')) : ok(l, c, t)));
    const { sync } = setup(put);
    sync.edit('cpp', 'x');
    await vi.advanceTimersByTimeAsync(500);
    expect(put).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(put).toHaveBeenCalledTimes(2);
    expect(sync.status().state).toBe('offline');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(put).toHaveBeenCalledTimes(3);
    expect(sync.status().state).toBe('saved');
  });

  it('keeps a draft pending when it changed while its save was in flight', async () => {
    let release: (() => void) | null = null;
    const put = vi.fn<Put>(
      (_l, c, t) =>
        new Promise<Draft>((resolve) => {
          release = () => resolve({ code: c, client_updated_at: t });
        }),
    );
    const { sync } = setup(put);
    sync.edit('python', 'first');
    await vi.advanceTimersByTimeAsync(500);
    expect(put).toHaveBeenCalledTimes(1);
    sync.edit('python', 'second');
    (release as (() => void) | null)?.();
    await vi.advanceTimersByTimeAsync(0);
    // The loop pushes the newer edit right away since it is still pending.
    expect(put).toHaveBeenCalledTimes(2);
    expect(put.mock.calls[1]?.[1]).toBe('second');
    (release as (() => void) | null)?.();
    await vi.advanceTimersByTimeAsync(600);
    expect(sync.get('python')).toMatchObject({ code: 'second', pending: false });
    expect(sync.status().state).toBe('saved');
  });

  it('reports a permanent error without retrying, and clears it on the next edit', async () => {
    let reject = true;
    const put = vi.fn<Put>((l, c, t) =>
      reject ? Promise.reject(new ApiError(413, 'payload_too_large', 'code is over 64 KiB')) : ok(l, c, t),
    );
    const { sync } = setup(put);
    sync.edit('python', 'huge');
    await vi.advanceTimersByTimeAsync(500);
    expect(sync.status()).toEqual({ state: 'error', message: 'code is over 64 KiB' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(put).toHaveBeenCalledTimes(1);
    reject = false;
    sync.edit('python', 'small');
    await vi.advanceTimersByTimeAsync(500);
    expect(sync.status().state).toBe('saved');
  });

  it('pushes pending drafts from the merge at start', async () => {
    const put = vi.fn(ok);
    const { sync } = setup(put, {
      python: { code: 'local newer', client_updated_at: 50, pending: true },
      cpp: { code: 'server', client_updated_at: 10, pending: false },
    });
    await vi.advanceTimersByTimeAsync(0);
    expect(put).toHaveBeenCalledTimes(1);
    expect(put.mock.calls[0]).toEqual(['python', 'local newer', 50]);
    expect(sync.status().state).toBe('saved');
  });

  it('saves locally on dispose and stops afterwards', async () => {
    const put = vi.fn(ok);
    const { sync, store } = setup(put);
    sync.edit('go', 'unsaved');
    sync.dispose();
    expect(readLocalDraft(store, 'two-sum', 'go')).toMatchObject({ code: 'unsaved', pending: true });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(put).not.toHaveBeenCalled();
    sync.edit('go', 'ignored');
    expect(sync.get('go')?.code).toBe('unsaved');
  });
});
