// Run/submit keyboard shortcuts: Ctrl/Cmd+Enter runs, Ctrl/Cmd+Shift+Enter submits.

export type Shortcut = 'run' | 'submit';

export function shortcutFor(e: {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}): Shortcut | null {
  if (e.key !== 'Enter' || e.altKey || !(e.ctrlKey || e.metaKey)) return null;
  return e.shiftKey ? 'submit' : 'run';
}
