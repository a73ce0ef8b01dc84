import { useSyncExternalStore } from 'react';
import { currentHref, subscribe } from './history';

export interface LocationParts {
  pathname: string;
  search: string;
}

function split(href: string): LocationParts {
  const q = href.indexOf('?');
  return q === -1 ? { pathname: href, search: '' } : { pathname: href.slice(0, q), search: href.slice(q) };
}

/** The current location; re-renders on navigation and back/forward. */
export function useLocation(): LocationParts {
  const href = useSyncExternalStore(subscribe, currentHref, () => '/');
  return split(href);
}
