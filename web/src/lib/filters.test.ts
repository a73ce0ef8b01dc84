import { describe, expect, it } from 'vitest';
import { problem } from '../test/fixtures';
import { applyFilters, EMPTY_FILTERS, hasActiveFilters, parseFilters, serializeFilters } from './filters';

const list = [
  problem({ slug: 'b', title: 'Bravo', difficulty: 'hard', topics: ['graphs'], time_estimate_minutes: 40, status: 'solved', languages: ['python'] }),
  problem({ slug: 'a', title: 'alpha', difficulty: 'medium', topics: ['arrays'], time_estimate_minutes: 20, status: 'attempted', languages: ['cpp'] }),
  problem({ slug: 'c', title: 'Charlie', difficulty: 'easy', topics: ['arrays', 'strings'], time_estimate_minutes: 10, summary: 'Reverse a linked list', languages: ['python', 'go'] }),
  problem({ slug: 'd', title: 'Delta', difficulty: 'easy', topics: ['graphs'], time_estimate_minutes: 20 }),
];
const slugs = (xs: { slug: string }[]) => xs.map((x) => x.slug);

describe('parseFilters / serializeFilters', () => {
  it('round-trips every field', () => {
    const f = { q: 'two sum', difficulty: 'hard', topic: 'graphs', status: 'solved', language: 'cpp', sort: 'estimate' } as const;
    expect(parseFilters(serializeFilters(f))).toEqual(f);
  });

  it('leaves defaults out of the URL', () => {
    expect(serializeFilters(EMPTY_FILTERS)).toBe('');
    expect(serializeFilters({ ...EMPTY_FILTERS, topic: 'dp' })).toBe('?topic=dp');
  });

  it('ignores unknown values', () => {
    expect(parseFilters('?difficulty=extreme&status=x&sort=random')).toEqual(EMPTY_FILTERS);
  });

  it('knows when a filter is active', () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, sort: 'title' })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, q: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, status: 'new' })).toBe(true);
  });
});

describe('applyFilters', () => {
  it('sorts by difficulty then title by default', () => {
    expect(slugs(applyFilters(list, EMPTY_FILTERS))).toEqual(['c', 'd', 'a', 'b']);
  });

  it('sorts by title case-insensitively and by estimate with title ties', () => {
    expect(slugs(applyFilters(list, { ...EMPTY_FILTERS, sort: 'title' }))).toEqual(['a', 'b', 'c', 'd']);
    expect(slugs(applyFilters(list, { ...EMPTY_FILTERS, sort: 'estimate' }))).toEqual(['c', 'a', 'd', 'b']);
  });

  it('filters by difficulty, topic, status and language together', () => {
    expect(slugs(applyFilters(list, { ...EMPTY_FILTERS, difficulty: 'easy' }))).toEqual(['c', 'd']);
    expect(slugs(applyFilters(list, { ...EMPTY_FILTERS, topic: 'graphs' }))).toEqual(['d', 'b']);
    expect(slugs(applyFilters(list, { ...EMPTY_FILTERS, status: 'new' }))).toEqual(['c', 'd']);
    expect(slugs(applyFilters(list, { ...EMPTY_FILTERS, language: 'python' }))).toEqual(['c', 'd', 'b']);
    expect(slugs(applyFilters(list, { ...EMPTY_FILTERS, topic: 'graphs', difficulty: 'easy', language: 'python' }))).toEqual(['d']);
  });

  it('searches title, summary and topics with every word required', () => {
    expect(slugs(applyFilters(list, { ...EMPTY_FILTERS, q: 'LINKED list' }))).toEqual(['c']);
    expect(slugs(applyFilters(list, { ...EMPTY_FILTERS, q: 'strings' }))).toEqual(['c']);
    expect(slugs(applyFilters(list, { ...EMPTY_FILTERS, q: 'alpha graphs' }))).toEqual([]);
  });

  it('does not modify its input', () => {
    const copy = [...list];
    applyFilters(list, { ...EMPTY_FILTERS, sort: 'title' });
    expect(list).toEqual(copy);
  });
});
