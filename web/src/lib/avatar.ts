// Avatar uploads: what the server takes (docs/api.md, PUT /api/me/avatar), checked before
// sending so a wrong file is explained at once.

export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
/** limits.avatar_bytes's default. */
export const AVATAR_MAX_BYTES = 2 * 1024 * 1024;

/** What is wrong with a chosen file, or null when it may be sent. */
export function avatarProblem(file: { type: string; size: number }): string | null {
  if (!(AVATAR_TYPES as readonly string[]).includes(file.type)) {
    return 'Choose a PNG, JPEG, WebP or GIF picture.';
  }
  if (file.size > AVATAR_MAX_BYTES) {
    const mib = (file.size / (1024 * 1024)).toFixed(1);
    return `That picture is ${mib} MiB; the limit is 2 MiB.`;
  }
  if (file.size === 0) return 'That file is empty.';
  return null;
}
