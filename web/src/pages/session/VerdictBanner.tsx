import { isJudgeReport, type Run } from '../../api/types';
import { formatMiB, isAccepted, verdictWords } from '../../lib/verdict';

const KIND = { run: 'Run', submit: 'Submission', custom: 'Custom run' } as const;

export function VerdictBanner({ run }: { run: Run }) {
  const word =
    run.status === 'cancelled' ? 'Cancelled' : run.status === 'failed' ? 'Not run' : verdictWords(run.verdict);
  const ok = run.status === 'done' && isAccepted(run.verdict);
  return (
    <div
      className={`verdict-banner ${ok ? 'verdict-banner--ok' : run.status === 'cancelled' ? 'verdict-banner--neutral' : 'verdict-banner--bad'}`}
      data-testid="verdict-banner"
      data-verdict={run.status === 'done' ? (run.verdict ?? '') : run.status}
    >
      <span className="verdict-banner__word">{word}</span>
      <span className="verdict-banner__kind">{KIND[run.kind]}</span>
      {run.status === 'done' && run.total > 0 && (
        <span className="verdict-banner__count" data-testid="tests-passed">
          {run.passed} / {run.total} tests passed
        </span>
      )}
      {isJudgeReport(run.report) && run.report.max_cpu_ms !== undefined && (
        <span className="verdict-banner__figures" data-testid="run-figures">
          slowest test {run.report.max_cpu_ms} ms of {run.report.time_limit_ms} ms
          {run.report.memory_kib ? ` · peak memory ${formatMiB(run.report.memory_kib)} MiB` : ''}
        </span>
      )}
    </div>
  );
}
