import { useState } from 'react';
import { api } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { Solution } from '../../api/types';

interface Props {
  slug: string;
  available: boolean;
  solutions: Solution[] | null;
  languageName: (id: string) => string;
  onRevealed: (solutions: Solution[]) => void;
}

/** Reference solutions in a collapsed panel; revealing them asks first (it is recorded). */
export function Solutions({ slug, available, solutions, languageName, onRevealed }: Props) {
  const [open, setOpen] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  function reveal() {
    setBusy(true);
    setError(null);
    api.revealSolutions(slug).then(
      (r) => {
        setBusy(false);
        setConfirming(false);
        onRevealed(r.solutions);
      },
      (err: unknown) => {
        setBusy(false);
        setError(errorMessage(err));
      },
    );
  }

  return (
    <section className="solutions" aria-labelledby="solutions-title" data-testid="solutions-panel">
      <h2 id="solutions-title" className="solutions__heading">
        <button
          type="button"
          className="disclosure"
          aria-expanded={open}
          aria-controls="solutions-body"
          onClick={() => setOpen(!open)}
          data-testid="solutions-toggle"
        >
          <span aria-hidden="true" className="disclosure__icon">
            {open ? '▾' : '▸'}
          </span>
          Solutions
        </button>
      </h2>
      <div id="solutions-body" hidden={!open}>
        {solutions !== null ? (
          solutions.length === 0 ? (
            <p className="muted">No reference solutions.</p>
          ) : (
            solutions.map((s) => (
              <figure key={s.language} className="solution" data-testid="solution-code" data-language={s.language}>
                <figcaption>{languageName(s.language)}</figcaption>
                <pre className="code-block">
                  <code>{s.code}</code>
                </pre>
              </figure>
            ))
          )
        ) : !available ? (
          <p className="muted">This problem has no reference solutions.</p>
        ) : confirming ? (
          <div className="confirm" role="group" aria-labelledby="solutions-confirm-text">
            <p id="solutions-confirm-text">Reveal the reference solutions? This is recorded.</p>
            <div className="actions">
              <button
                type="button"
                className="button button--danger"
                onClick={reveal}
                disabled={busy}
                data-testid="solutions-confirm"
              >
                {busy ? 'Revealing…' : 'Reveal'}
              </button>
              <button type="button" className="button" onClick={() => setConfirming(false)} disabled={busy}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)} data-testid="solutions-reveal">
            Reveal solutions…
          </button>
        )}
        {error !== null && (
          <p className="inline-error" role="alert">
            {error}
          </p>
        )}
      </div>
    </section>
  );
}
