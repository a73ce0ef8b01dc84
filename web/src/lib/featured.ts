import type { ProblemSummary } from '../api/types';

/** Featured problems for the landing page: one per difficulty where possible, unsolved first. */
export function pickFeatured(problems: readonly ProblemSummary[], count = 3): ProblemSummary[] {
  const order = [...problems].sort(
    (a, b) => Number(a.status === 'solved') - Number(b.status === 'solved') || a.title.localeCompare(b.title),
  );
  const picked: ProblemSummary[] = [];
  for (const d of ['easy', 'medium', 'hard'] as const) {
    const p = order.find((x) => x.difficulty === d);
    if (p !== undefined) picked.push(p);
  }
  for (const p of order) {
    if (picked.length >= count) break;
    if (!picked.includes(p)) picked.push(p);
  }
  return picked.slice(0, count);
}
