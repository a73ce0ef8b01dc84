// Which of a problem's languages this server can run, for the language select.

import type { Language } from '../api/types';

export interface LanguageOption {
  id: string;
  name: string;
  version: string | null;
  available: boolean;
  reason: string | null;
}

/** The problem's languages in its order, with availability from /api/languages. */
export function languageOptions(problemLanguages: readonly string[], known: readonly Language[]): LanguageOption[] {
  return problemLanguages.map((id) => {
    const l = known.find((k) => k.id === id);
    if (l === undefined) {
      // Without /api/languages, let the server decide when the code is run.
      const unknown = known.length > 0;
      return { id, name: id, version: null, available: !unknown, reason: unknown ? 'not known to this server' : null };
    }
    return { id, name: l.name, version: l.version, available: l.available, reason: l.reason };
  });
}

/** The language to open with: the session's when usable, else the first usable one. */
export function initialLanguage(sessionLanguage: string, options: readonly LanguageOption[]): string {
  if (options.some((o) => o.id === sessionLanguage && o.available)) return sessionLanguage;
  return options.find((o) => o.available)?.id ?? sessionLanguage;
}
