import type { Problem } from '../../api/types';
import { hasConstraintsSection, stripLeadingTitle } from '../../lib/statement';
import { Examples } from './Examples';
import { StatementBody } from './StatementBody';

/** The problem statement with its signature, constraints, limits and example tests. */
export function Statement({ problem }: { problem: Problem }) {
  const body = stripLeadingTitle(problem.statement, problem.title);
  return (
    <article className="statement" aria-label="Problem statement">
      <StatementBody html={problem.statement_html} />
      {problem.constraints.length > 0 && !hasConstraintsSection(body) && (
        <section aria-labelledby="st-constraints">
          <h2 id="st-constraints">Constraints</h2>
          <ul className="constraints">
            {problem.constraints.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
        </section>
      )}
      <section aria-labelledby="st-limits">
        <h2 id="st-limits">Limits</h2>
        <p className="limits" data-testid="limits">
          Time {problem.limits.time_ms} ms per test · memory {problem.limits.memory_mib} MiB
          {problem.signature !== null && (
            <>
              {' · '}function <code>{problem.signature.name}</code>(
              {problem.signature.params.map((p) => `${p.name}: ${p.ty}`).join(', ')}) →{' '}
              <code>{problem.signature.returns}</code>
            </>
          )}
        </p>
      </section>
      <Examples examples={problem.examples} />
    </article>
  );
}
