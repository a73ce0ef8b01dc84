// The app's routes (and the 404), matched from a pathname.

export type Route =
  | { name: 'landing' }
  | { name: 'problems' }
  | { name: 'signin' }
  | { name: 'magic-link' }
  | { name: 'signup' }
  | { name: 'account' }
  | { name: 'admin' }
  | { name: 'session'; slug: string }
  | { name: 'not-found'; path: string };

/** Matches a pathname; trailing slashes are ignored, slugs are URL-decoded. */
export function matchRoute(pathname: string): Route {
  const trimmed = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (trimmed === '/' || trimmed === '') return { name: 'landing' };
  if (trimmed === '/problems') return { name: 'problems' };
  if (trimmed === '/signin') return { name: 'signin' };
  if (trimmed === '/signin/magic') return { name: 'magic-link' };
  if (trimmed === '/signup') return { name: 'signup' };
  if (trimmed === '/account') return { name: 'account' };
  if (trimmed === '/admin') return { name: 'admin' };
  const m = /^\/problems\/([^/]+)$/.exec(trimmed);
  if (m?.[1] !== undefined) {
    let slug: string;
    try {
      slug = decodeURIComponent(m[1]);
    } catch {
      return { name: 'not-found', path: pathname };
    }
    if (slug !== '') return { name: 'session', slug };
  }
  return { name: 'not-found', path: pathname };
}

export function problemPath(slug: string): string {
  return `/problems/${encodeURIComponent(slug)}`;
}

/** Whether a click should be left to the browser (new tab, download, modifier keys...). */
export function isPlainLeftClick(e: {
  button: number;
  metaKey: boolean;
  ctrlKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  defaultPrevented: boolean;
}): boolean {
  return e.button === 0 && !e.metaKey && !e.ctrlKey && !e.shiftKey && !e.altKey && !e.defaultPrevented;
}
