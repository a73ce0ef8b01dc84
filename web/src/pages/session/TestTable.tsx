import type { TestResult } from '../../api/types';
import { formatMiB, isAccepted, verdictWords } from '../../lib/verdict';

interface Props {
  tests: (TestResult | null)[];
  selected: number | null;
  onSelect: (index: number) => void;
}

/** One row per test; visible tests can be opened for their details. Pending tests show "…". */
export function TestTable({ tests, selected, onSelect }: Props) {
  if (tests.length === 0) return null;
  return (
    <table className="tests" data-testid="test-table">
      <caption className="visually-hidden">Test results</caption>
      <thead>
        <tr>
          <th scope="col">Test</th>
          <th scope="col">Verdict</th>
          <th scope="col" className="num">
            Time (ms)
          </th>
          <th scope="col" className="num">
            Memory (MiB)
          </th>
        </tr>
      </thead>
      <tbody>
        {tests.map((t, i) =>
          t === null ? (
            <tr key={i} className="tests__row tests__row--pending" data-testid="test-row" data-verdict="pending">
              <td>Test {i + 1}</td>
              <td colSpan={3} className="muted">
                Waiting…
              </td>
            </tr>
          ) : (
            <tr
              key={i}
              className={`tests__row${selected === i ? ' tests__row--selected' : ''}`}
              data-testid="test-row"
              data-name={t.name}
              data-verdict={t.verdict}
              data-hidden={t.hidden}
              aria-selected={t.hidden ? undefined : selected === i}
            >
              <td>
                {t.hidden ? (
                  <span className="muted">hidden</span>
                ) : (
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onSelect(i)}
                    aria-pressed={selected === i}
                    aria-label={`${t.name}: show details`}
                  >
                    {t.name}
                  </button>
                )}
              </td>
              <td className={isAccepted(t.verdict) ? 'ok' : t.verdict === 'skipped' ? 'muted' : 'bad'}>
                {verdictWords(t.verdict)}
              </td>
              <td className="num" title={`CPU ${t.cpu_ms} ms, wall ${t.wall_ms} ms`}>
                {t.cpu_ms}
              </td>
              <td className="num">{formatMiB(t.memory_kib)}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
