import { describe, expect, it } from 'vitest';
import { memoryStore } from '../test/memoryStore';
import { draftKey, mergeDrafts, readLocalDraft, readLocalDrafts, writeLocalDraft, type KeyValueStore } from './drafts';

describe('mergeDrafts', () => {
  it('keeps the server copy when it is newer or equal', () => {
    const merged = mergeDrafts(
      { python: { code: 'server', client_updated_at: 20, saved_at: 21 } },
      { python: { code: 'local', client_updated_at: 20, pending: true } },
    );
    expect(merged.python).toEqual({ code: 'server', client_updated_at: 20, pending: false });
  });

  it('keeps a newer local copy and marks it pending', () => {
    const merged = mergeDrafts(
      { python: { code: 'server', client_updated_at: 10 } },
      { python: { code: 'local', client_updated_at: 30, pending: false } },
    );
    expect(merged.python).toEqual({ code: 'local', client_updated_at: 30, pending: true });
  });

  it('does not re-push a newer local copy with the same code', () => {
    const merged = mergeDrafts(
      { go: { code: 'same', client_updated_at: 10 } },
      { go: { code: 'same', client_updated_at: 30, pending: true } },
    );
    expect(merged.go?.pending).toBe(false);
  });

  it('takes drafts that exist on one side only', () => {
    const merged = mergeDrafts(
      { cpp: { code: 'c', client_updated_at: 1 } },
      { rust: { code: 'r', client_updated_at: 2, pending: false } },
    );
    expect(merged.cpp).toEqual({ code: 'c', client_updated_at: 1, pending: false });
    expect(merged.rust).toEqual({ code: 'r', client_updated_at: 2, pending: true });
  });
});

describe('local storage', () => {
  it('round-trips a draft under a per-problem, per-language key', () => {
    const store = memoryStore();
    writeLocalDraft(store, 'two-sum', 'python', { code: 'x', client_updated_at: 3, pending: true });
    expect(store.data.has(draftKey('two-sum', 'python'))).toBe(true);
    expect(readLocalDraft(store, 'two-sum', 'python')).toEqual({ code: 'x', client_updated_at: 3, pending: true });
    expect(readLocalDrafts(store, 'two-sum', ['python', 'cpp'])).toEqual({
      python: { code: 'x', client_updated_at: 3, pending: true },
    });
  });

  it('ignores corrupt entries and survives a failing store', () => {
    const store = memoryStore();
    store.setItem(draftKey('p', 'python'), '{not json');
    store.setItem(draftKey('p', 'cpp'), '{"code":1}');
    expect(readLocalDraft(store, 'p', 'python')).toBeNull();
    expect(readLocalDraft(store, 'p', 'cpp')).toBeNull();
    const broken: KeyValueStore = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined,
    };
    expect(readLocalDraft(broken, 'p', 'python')).toBeNull();
    expect(writeLocalDraft(broken, 'p', 'python', { code: '', client_updated_at: 1, pending: true })).toBe(false);
  });
});
