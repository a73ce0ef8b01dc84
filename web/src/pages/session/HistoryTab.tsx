import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Submission } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useNow } from '../../lib/useNow';
import { formatWhen, isAccepted, verdictWords } from '../../lib/verdict';

interface Props {
  slug: string;
  /** Changes after each finished run, to refetch. */
  refreshKey: number;
  languageName: (id: string) => string;
  canLoad: (language: string) => boolean;
  onLoad: (language: string, code: string) => void;
}

const KIND_WORDS = { run: 'Run', submit: 'Submit', custom: 'Custom' } as const;

function outcome(s: Submission): string {
  if (s.status === 'cancelled') return 'Cancelled';
  if (s.status === 'failed') return 'Failed';
  if (s.status !== 'done') return s.status === 'queued' ? 'Queued' : 'Running';
  return verdictWords(s.verdict);
}

/** Past runs and submissions, newest first; pick one to read its code or load it. */
export function HistoryTab({ slug, refreshKey, languageName, canLoad, onLoad }: Props) {
  const [items, setItems] = useState<Submission[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const now = useNow(30_000);

  useEffect(() => {
    const ctrl = new AbortController();
    api.submissions(slug, ctrl.signal).then(
      (list) => {
        setItems(list);
        setError(null);
      },
      (err: unknown) => {
        if (!ctrl.signal.aborted) setError(err);
      },
    );
    return () => ctrl.abort();
  }, [slug, refreshKey, attempt]);

  if (error !== null && items === null) {
    return (
      <ErrorNotice
        error={error}
        action={
          <button type="button" className="button" onClick={() => setAttempt((a) => a + 1)}>
            Try again
          </button>
        }
      />
    );
  }
  if (items === null) return <p className="muted">Loading history…</p>;
  if (items.length === 0) {
    return <p className="muted" data-testid="history-empty">No runs yet. Run or submit your code and it shows up here.</p>;
  }

  const current = items.find((s) => s.id === selected) ?? null;
  return (
    <div className="history">
      <ul className="history__list" aria-label="Runs and submissions">
        {items.map((s) => (
          <li key={s.id}>
            <button
              type="button"
              className={`history-item${s.id === selected ? ' history-item--selected' : ''}`}
              aria-pressed={s.id === selected}
              onClick={() => setSelected(s.id === selected ? null : s.id)}
              data-testid="history-item"
              data-id={s.id}
              data-verdict={s.verdict ?? s.status}
              data-kind={s.kind}
            >
              <span className={`history-item__verdict ${isAccepted(s.verdict) ? 'ok' : 'bad'}`}>{outcome(s)}</span>
              <span className="history-item__meta">
                {KIND_WORDS[s.kind]} · {languageName(s.language)}
                {s.total > 0 && ` · ${s.passed}/${s.total}`}
              </span>
              <time className="history-item__when" dateTime={new Date(s.created_at).toISOString()}>
                {formatWhen(s.created_at, now)}
              </time>
            </button>
          </li>
        ))}
      </ul>
      {current !== null && (
        <section className="history__code" aria-label="Code of the selected run">
          <div className="history__code-bar">
            <span>
              {KIND_WORDS[current.kind]} in {languageName(current.language)}, {formatWhen(current.created_at, now)}
            </span>
            <button
              type="button"
              className="button button--small"
              onClick={() => onLoad(current.language, current.code)}
              disabled={!canLoad(current.language)}
              data-testid="history-load"
            >
              Load into editor
            </button>
          </div>
          <pre className="code-block" data-testid="history-code">
            <code>{current.code}</code>
          </pre>
        </section>
      )}
    </div>
  );
}
