import type { ProblemSummary } from '../../api/types';
import { ProblemRow } from './ProblemRow';

interface Props {
  problems: ProblemSummary[];
  loading: boolean;
  selected: string | null;
  onSelect: (slug: string) => void;
  onTopic: (topic: string) => void;
}

export function ProblemList({ problems, loading, selected, onSelect, onTopic }: Props) {
  if (loading) {
    return (
      <ul className="problem-list" aria-busy="true" aria-label="Problems">
        {Array.from({ length: 8 }, (_, i) => (
          <li key={i} className="problem-row problem-row--placeholder" aria-hidden="true" />
        ))}
      </ul>
    );
  }
  if (problems.length === 0) {
    return (
      <p className="problem-list problem-list--empty" data-testid="problems-empty">
        No problem matches these filters. Clear a filter or search for other words.
      </p>
    );
  }
  return (
    <ul className="problem-list" aria-label="Problems">
      {problems.map((p) => (
        <ProblemRow key={p.slug} problem={p} selected={p.slug === selected} onSelect={onSelect} onTopic={onTopic} />
      ))}
    </ul>
  );
}
