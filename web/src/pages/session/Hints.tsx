import { useState } from 'react';
import { api } from '../../api/client';
import { ApiError, errorMessage } from '../../api/errors';
import type { Hint } from '../../api/types';
import { Markdown } from './Markdown';

interface Props {
  slug: string;
  hints: Hint[];
  total: number;
  onRevealed: (hint: Hint, total: number) => void;
}

/** Hints stay hidden until asked for, one tier at a time; each reveal is recorded. */
export function Hints({ slug, hints, total, onRevealed }: Props) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const shown = [...hints].sort((a, b) => a.tier - b.tier);
  const next = shown.length + 1;

  function reveal() {
    setBusy(true);
    setError(null);
    api.revealHint(slug).then(
      (h) => {
        setBusy(false);
        onRevealed({ tier: h.tier, text: h.text }, h.total);
      },
      (err: unknown) => {
        setBusy(false);
        if (err instanceof ApiError && err.code === 'no_more_hints') return;
        setError(errorMessage(err));
      },
    );
  }

  return (
    <section className="hints" aria-labelledby="hints-title">
      <h2 id="hints-title">Hints</h2>
      {total === 0 && <p className="muted">This problem has no hints.</p>}
      {shown.length > 0 && (
        <ol className="hints__list">
          {shown.map((h) => (
            <li key={h.tier} className="hint" data-testid="hint" data-tier={h.tier}>
              <p className="hint__label">Hint {h.tier}</p>
              <Markdown text={h.text} />
            </li>
          ))}
        </ol>
      )}
      {total > 0 && shown.length < total && (
        <button type="button" className="button" onClick={reveal} disabled={busy} data-testid="hint-button">
          {busy ? 'Revealing…' : `Show hint ${next} of ${total}`}
        </button>
      )}
      {total > 0 && shown.length >= total && <p className="muted">All {total} hints shown.</p>}
      {error !== null && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
