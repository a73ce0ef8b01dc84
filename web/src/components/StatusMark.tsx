import type { ProblemStatus } from '../api/types';

/** ✓ solved, ● attempted, nothing for new (with words for screen readers). */
export function StatusMark({ status }: { status: ProblemStatus }) {
  if (status === 'solved') {
    return (
      <span className="status-mark status-mark--solved" title="Solved" data-testid="status-mark" data-status="solved">
        <span aria-hidden="true">✓</span>
        <span className="visually-hidden">Solved</span>
      </span>
    );
  }
  if (status === 'attempted') {
    return (
      <span
        className="status-mark status-mark--attempted"
        title="Attempted"
        data-testid="status-mark"
        data-status="attempted"
      >
        <span aria-hidden="true">●</span>
        <span className="visually-hidden">Attempted</span>
      </span>
    );
  }
  return <span className="status-mark" aria-hidden="true" />;
}
