// Problem list filtering and sorting, and its round trip through the URL query string.

import type { Difficulty, ProblemStatus, ProblemSummary, SortKey } from '../api/types';

export interface Filters {
  q: string;
  difficulty: Difficulty | '';
  topic: string;
  status: ProblemStatus | '';
  language: string;
  sort: SortKey;
}

export const DEFAULT_SORT: SortKey = 'difficulty';

export const EMPTY_FILTERS: Filters = {
  q: '',
  difficulty: '',
  topic: '',
  status: '',
  language: '',
  sort: DEFAULT_SORT,
};

const DIFFICULTIES: readonly Difficulty[] = ['easy', 'medium', 'hard'];
const STATUSES: readonly ProblemStatus[] = ['new', 'attempted', 'solved'];
const SORTS: readonly SortKey[] = ['title', 'difficulty', 'estimate'];

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | '' {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : '';
}

/** Reads filters from a query string ("?q=..&topic=.."); unknown values fall back to defaults. */
export function parseFilters(search: string): Filters {
  const p = new URLSearchParams(search);
  const sort = oneOf(p.get('sort'), SORTS);
  return {
    q: p.get('q') ?? '',
    difficulty: oneOf(p.get('difficulty'), DIFFICULTIES),
    topic: p.get('topic') ?? '',
    status: oneOf(p.get('status'), STATUSES),
    language: p.get('language') ?? '',
    sort: sort === '' ? DEFAULT_SORT : sort,
  };
}

/** Writes filters as a query string ("" or "?..."), leaving out defaults so URLs stay short. */
export function serializeFilters(f: Filters): string {
  const p = new URLSearchParams();
  if (f.q.trim() !== '') p.set('q', f.q);
  if (f.difficulty !== '') p.set('difficulty', f.difficulty);
  if (f.topic !== '') p.set('topic', f.topic);
  if (f.status !== '') p.set('status', f.status);
  if (f.language !== '') p.set('language', f.language);
  if (f.sort !== DEFAULT_SORT) p.set('sort', f.sort);
  const s = p.toString();
  return s === '' ? '' : `?${s}`;
}

export function hasActiveFilters(f: Filters): boolean {
  return f.q.trim() !== '' || f.difficulty !== '' || f.topic !== '' || f.status !== '' || f.language !== '';
}

function matchesQuery(p: ProblemSummary, q: string): boolean {
  const terms = q.toLowerCase().split(/\s+/).filter((t) => t !== '');
  if (terms.length === 0) return true;
  const hay = [p.title, p.slug, p.summary, ...p.topics].join(' ').toLowerCase();
  return terms.every((t) => hay.includes(t));
}

const DIFFICULTY_RANK: Record<Difficulty, number> = { easy: 0, medium: 1, hard: 2 };

function byTitle(a: ProblemSummary, b: ProblemSummary): number {
  return a.title.localeCompare(b.title, 'en', { sensitivity: 'base' });
}

export function compareProblems(sort: SortKey): (a: ProblemSummary, b: ProblemSummary) => number {
  switch (sort) {
    case 'title':
      return byTitle;
    case 'difficulty':
      return (a, b) => DIFFICULTY_RANK[a.difficulty] - DIFFICULTY_RANK[b.difficulty] || byTitle(a, b);
    case 'estimate':
      return (a, b) => a.time_estimate_minutes - b.time_estimate_minutes || byTitle(a, b);
  }
}

/** The problems that pass every filter, sorted. Does not modify the input. */
export function applyFilters(problems: readonly ProblemSummary[], f: Filters): ProblemSummary[] {
  return problems
    .filter(
      (p) =>
        (f.difficulty === '' || p.difficulty === f.difficulty) &&
        (f.topic === '' || p.topics.includes(f.topic)) &&
        (f.status === '' || p.status === f.status) &&
        (f.language === '' || p.languages.includes(f.language)) &&
        matchesQuery(p, f.q),
    )
    .sort(compareProblems(f.sort));
}
