// Small persisted preferences (theme, Vim mode, split ratio) as subscribable stores.

import { useSyncExternalStore } from 'react';

export type Theme = 'dark' | 'light';

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    // Storage disabled or full: the preference lasts for this page only.
  }
}

export interface Preference<T> {
  get: () => T;
  set: (value: T) => void;
  subscribe: (cb: () => void) => () => void;
}

export function preference<T>(key: string, parse: (raw: string | null) => T, format: (v: T) => string): Preference<T> {
  const listeners = new Set<() => void>();
  let value = parse(read(key));
  return {
    get: () => value,
    set: (next) => {
      value = next;
      write(key, format(next));
      for (const l of listeners) l();
    },
    subscribe: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
  };
}

export function usePreference<T>(p: Preference<T>): [T, (v: T) => void] {
  const value = useSyncExternalStore(p.subscribe, p.get, p.get);
  return [value, p.set];
}

export const themePref = preference<Theme>(
  'tandem:theme',
  (raw) => (raw === 'light' ? 'light' : 'dark'),
  (v) => v,
);

export const vimPref = preference<boolean>(
  'tandem:vim',
  (raw) => raw === 'on',
  (v) => (v ? 'on' : 'off'),
);

/** Applies the theme to <html> (CSS variables switch on data-theme). */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}
