import { describe, expect, it } from 'vitest';
import { shortcutFor } from './shortcuts';

const key = { key: 'Enter', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false };

describe('shortcutFor', () => {
  it('runs on Ctrl/Cmd+Enter and submits with Shift', () => {
    expect(shortcutFor({ ...key, ctrlKey: true })).toBe('run');
    expect(shortcutFor({ ...key, metaKey: true })).toBe('run');
    expect(shortcutFor({ ...key, ctrlKey: true, shiftKey: true })).toBe('submit');
    expect(shortcutFor({ ...key, metaKey: true, shiftKey: true })).toBe('submit');
  });
  it('ignores other keys', () => {
    expect(shortcutFor(key)).toBeNull();
    expect(shortcutFor({ ...key, shiftKey: true })).toBeNull();
    expect(shortcutFor({ ...key, ctrlKey: true, altKey: true })).toBeNull();
    expect(shortcutFor({ ...key, key: 'a', ctrlKey: true })).toBeNull();
  });
});
