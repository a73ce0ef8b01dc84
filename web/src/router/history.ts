// A tiny History API store: subscribe, read the current location, navigate.

type Listener = () => void;
const listeners = new Set<Listener>();

function notify(): void {
  for (const l of listeners) l();
}

let listening = false;
function ensureListening(): void {
  if (listening || typeof window === 'undefined') return;
  listening = true;
  window.addEventListener('popstate', notify);
}

export function subscribe(listener: Listener): () => void {
  ensureListening();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current path and query, e.g. "/problems?topic=graphs". */
export function currentHref(): string {
  return window.location.pathname + window.location.search;
}

export interface NavigateOptions {
  replace?: boolean;
  /** Keep the scroll position (query-string updates). */
  keepScroll?: boolean;
}

export function navigate(to: string, options: NavigateOptions = {}): void {
  if (to === currentHref()) {
    if (!options.replace) window.scrollTo(0, 0);
    return;
  }
  if (options.replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  if (!options.keepScroll) window.scrollTo(0, 0);
  notify();
}
