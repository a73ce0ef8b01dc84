// Verdicts in words, and small formatting helpers for results.

const WORDS: Record<string, string> = {
  accepted: 'Accepted',
  wrong_answer: 'Wrong answer',
  time_limit_exceeded: 'Time limit exceeded',
  memory_limit_exceeded: 'Memory limit exceeded',
  output_limit_exceeded: 'Output limit exceeded',
  runtime_error: 'Runtime error',
  compile_error: 'Compile error',
  internal_error: 'Internal error',
  skipped: 'Skipped',
  cancelled: 'Cancelled',
  failed: 'Failed',
};

/** "wrong_answer" → "Wrong answer"; unknown codes are made readable too. */
export function verdictWords(verdict: string | null | undefined): string {
  if (verdict === null || verdict === undefined || verdict === '') return 'No verdict';
  const known = WORDS[verdict];
  if (known !== undefined) return known;
  const words = verdict.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function isAccepted(verdict: string | null | undefined): boolean {
  return verdict === 'accepted';
}

/** KiB → MiB with one decimal, e.g. 9000 → "8.8". */
/** MiB with one decimal; "—" when not measured (a function-mode test shares one process). */
export function formatMiB(kib: number): string {
  return kib > 0 ? (kib / 1024).toFixed(1) : '—';
}

/** A relative time like "3 min ago", or a date for older events. */
export function formatWhen(ms: number, now: number): string {
  const s = Math.round((now - ms) / 1000);
  if (s < 45) return 'just now';
  const m = Math.round(s / 60);
  if (m < 60) return `${m} min ago`;
  const h = Math.round(m / 60);
  if (h < 24) return `${h} h ago`;
  return new Date(ms).toLocaleDateString('en', { year: 'numeric', month: 'short', day: 'numeric' });
}
