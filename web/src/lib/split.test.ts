import { describe, expect, it } from 'vitest';
import { clampSplit, SPLIT_DEFAULT, SPLIT_MAX, SPLIT_MIN, splitAfterKey, splitFromPointer } from './split';

describe('split divider', () => {
  it('clamps to its limits', () => {
    expect(clampSplit(5)).toBe(SPLIT_MIN);
    expect(clampSplit(95)).toBe(SPLIT_MAX);
    expect(clampSplit(50)).toBe(50);
    expect(clampSplit(Number.NaN)).toBe(SPLIT_DEFAULT);
  });
  it('moves with arrow keys, further with Shift, to the ends with Home/End', () => {
    expect(splitAfterKey(50, 'ArrowLeft', false)).toBe(48);
    expect(splitAfterKey(50, 'ArrowRight', false)).toBe(52);
    expect(splitAfterKey(50, 'ArrowRight', true)).toBe(60);
    expect(splitAfterKey(79, 'ArrowRight', false)).toBe(SPLIT_MAX);
    expect(splitAfterKey(50, 'Home', false)).toBe(SPLIT_MIN);
    expect(splitAfterKey(50, 'End', false)).toBe(SPLIT_MAX);
    expect(splitAfterKey(50, 'a', false)).toBeNull();
  });
  it('follows the pointer', () => {
    expect(splitFromPointer(600, 100, 1000)).toBe(50);
    expect(splitFromPointer(0, 100, 1000)).toBe(SPLIT_MIN);
    expect(splitFromPointer(10, 0, 0)).toBe(SPLIT_DEFAULT);
  });
});
