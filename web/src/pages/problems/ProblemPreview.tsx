import type { ProblemSummary } from '../../api/types';
import { DifficultyBadge } from '../../components/DifficultyBadge';
import { StatusMark } from '../../components/StatusMark';
import { Link } from '../../router/Link';
import { problemPath } from '../../router/routes';

interface Props {
  problem: ProblemSummary | null;
  onTopic: (topic: string) => void;
  languageName: (id: string) => string;
}

const STATUS_WORDS = { new: 'Not tried yet', attempted: 'Attempted', solved: 'Solved' } as const;

export function ProblemPreview({ problem: p, onTopic, languageName }: Props) {
  return (
    <aside className="preview" aria-label="Problem preview" data-testid="problem-preview">
      {p === null ? (
        <p className="muted">Select a problem to see its summary.</p>
      ) : (
        <>
          <h2 className="preview__title">
            {p.title} <StatusMark status={p.status} />
          </h2>
          <p className="preview__meta">
            <DifficultyBadge difficulty={p.difficulty} />
            <span data-testid="preview-estimate">About {p.time_estimate_minutes} min</span>
            <span>{STATUS_WORDS[p.status]}</span>
          </p>
          <p className="preview__summary">{p.summary}</p>
          <ul className="chips chips--inline" aria-label="Topics">
            {p.topics.map((t) => (
              <li key={t}>
                <button type="button" className="chip chip--small" onClick={() => onTopic(t)} aria-label={`Filter by topic ${t}`}>
                  {t}
                </button>
              </li>
            ))}
          </ul>
          <p className="muted preview__langs">Languages: {p.languages.map(languageName).join(', ')}</p>
          <Link className="button button--primary" href={problemPath(p.slug)} data-testid="preview-open">
            Open
          </Link>
        </>
      )}
    </aside>
  );
}
