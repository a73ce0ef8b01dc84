import { describe, expect, it } from 'vitest';
import { AVATAR_MAX_BYTES, avatarProblem } from './avatar';

describe('avatar files', () => {
  it('takes pictures of the four types up to 2 MiB', () => {
    for (const type of ['image/png', 'image/jpeg', 'image/webp', 'image/gif']) {
      expect(avatarProblem({ type, size: 1000 })).toBeNull();
    }
    expect(avatarProblem({ type: 'image/png', size: AVATAR_MAX_BYTES })).toBeNull();
  });

  it('refuses other types, big files and empty ones', () => {
    expect(avatarProblem({ type: 'image/svg+xml', size: 10 })).toMatch(/PNG, JPEG, WebP or GIF/);
    expect(avatarProblem({ type: 'text/html', size: 10 })).toMatch(/PNG, JPEG, WebP or GIF/);
    expect(avatarProblem({ type: 'image/png', size: 3 * 1024 * 1024 })).toBe(
      'That picture is 3.0 MiB; the limit is 2 MiB.',
    );
    expect(avatarProblem({ type: 'image/png', size: 0 })).toBe('That file is empty.');
  });
});
