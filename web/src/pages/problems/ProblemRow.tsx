import type { MouseEvent } from 'react';
import type { ProblemSummary } from '../../api/types';
import { DifficultyBadge } from '../../components/DifficultyBadge';
import { StatusMark } from '../../components/StatusMark';
import { Link } from '../../router/Link';
import { problemPath } from '../../router/routes';

interface Props {
  problem: ProblemSummary;
  selected: boolean;
  onSelect: (slug: string) => void;
  onTopic: (topic: string) => void;
}

/** One problem: its title opens it; a click elsewhere on the row (or focusing it) previews it. */
export function ProblemRow({ problem: p, selected, onSelect, onTopic }: Props) {
  function handleClick(e: MouseEvent<HTMLLIElement>) {
    if ((e.target as HTMLElement).closest('a, button') === null) onSelect(p.slug);
  }
  return (
    // The row's click is a mouse shortcut for the preview; keyboard users get it by focusing the link.
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions
    <li
      className={`problem-row${selected ? ' problem-row--selected' : ''}`}
      onClick={handleClick}
      data-testid="problem-row"
      data-slug={p.slug}
      data-status={p.status}
      data-selected={selected}
    >
      <StatusMark status={p.status} />
      <Link href={problemPath(p.slug)} className="problem-row__title" onFocus={() => onSelect(p.slug)}>
        {p.title}
      </Link>
      <DifficultyBadge difficulty={p.difficulty} />
      <span className="problem-row__estimate" title="Time estimate">
        {p.time_estimate_minutes} min
      </span>
      <span className="problem-row__topics">
        {p.topics.map((t) => (
          <button
            key={t}
            type="button"
            className="chip chip--small"
            onClick={() => onTopic(t)}
            aria-label={`Filter by topic ${t}`}
          >
            {t}
          </button>
        ))}
      </span>
    </li>
  );
}
