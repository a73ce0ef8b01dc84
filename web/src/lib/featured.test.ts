import { describe, expect, it } from 'vitest';
import { problem } from '../test/fixtures';
import { pickFeatured } from './featured';

describe('pickFeatured', () => {
  it('picks one per difficulty, unsolved first', () => {
    const list = [
      problem({ slug: 'e1', title: 'A', difficulty: 'easy', status: 'solved' }),
      problem({ slug: 'e2', title: 'B', difficulty: 'easy' }),
      problem({ slug: 'm1', title: 'C', difficulty: 'medium' }),
      problem({ slug: 'h1', title: 'D', difficulty: 'hard' }),
    ];
    expect(pickFeatured(list).map((p) => p.slug)).toEqual(['e2', 'm1', 'h1']);
  });
  it('fills up from the rest when a difficulty is missing', () => {
    const list = [
      problem({ slug: 'e1', title: 'A', difficulty: 'easy' }),
      problem({ slug: 'e2', title: 'B', difficulty: 'easy' }),
      problem({ slug: 'e3', title: 'C', difficulty: 'easy' }),
    ];
    expect(pickFeatured(list).map((p) => p.slug)).toEqual(['e1', 'e2', 'e3']);
    expect(pickFeatured([])).toEqual([]);
  });
});
