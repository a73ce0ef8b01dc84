// The statement/editor divider: ratio limits and keyboard steps.

export const SPLIT_MIN = 20;
export const SPLIT_MAX = 80;
export const SPLIT_DEFAULT = 45;

export function clampSplit(percent: number): number {
  if (!Number.isFinite(percent)) return SPLIT_DEFAULT;
  return Math.min(SPLIT_MAX, Math.max(SPLIT_MIN, percent));
}

/** The new ratio after a key press on the focused divider, or null when the key is not ours. */
export function splitAfterKey(current: number, key: string, shift: boolean): number | null {
  const step = shift ? 10 : 2;
  switch (key) {
    case 'ArrowLeft':
    case 'ArrowUp':
      return clampSplit(current - step);
    case 'ArrowRight':
    case 'ArrowDown':
      return clampSplit(current + step);
    case 'Home':
      return SPLIT_MIN;
    case 'End':
      return SPLIT_MAX;
    default:
      return null;
  }
}

/** The ratio for a pointer at clientX over a container spanning [left, left + width). */
export function splitFromPointer(clientX: number, left: number, width: number): number {
  if (width <= 0) return SPLIT_DEFAULT;
  return clampSplit(((clientX - left) / width) * 100);
}
