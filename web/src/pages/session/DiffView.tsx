import { parseDiff } from '../../lib/diff';

/** The judge's unified diff with removed (expected) and added (actual) lines coloured. */
export function DiffView({ diff }: { diff: string }) {
  const lines = parseDiff(diff);
  if (lines.length === 0) return null;
  return (
    <pre className="diff" data-testid="diff-view" aria-label="Difference between expected and actual output">
      {lines.map((l, i) => (
        <span key={i} className={`diff__line diff__line--${l.kind}`} data-kind={l.kind}>
          {l.kind === 'del' && <span className="visually-hidden">expected: </span>}
          {l.kind === 'add' && <span className="visually-hidden">actual: </span>}
          {l.text}
          {'\n'}
        </span>
      ))}
    </pre>
  );
}
