import { useState } from 'react';
import { isJudgeReport } from '../../api/types';
import { ErrorNotice } from '../../components/ErrorNotice';
import { firstFailingVisible, runStatusText, type RunState } from '../../lib/runState';
import { TestDetail } from './TestDetail';
import { TestTable } from './TestTable';
import { VerdictBanner } from './VerdictBanner';

export function ResultSheet({ state }: { state: RunState }) {
  const [picked, setPicked] = useState<{ run: string | null; index: number } | null>(null);
  const status = runStatusText(state);
  const run = state.run;
  const report = run?.report ?? null;
  const compile = isJudgeReport(report) ? report.compile : null;
  const failure = report !== null && !isJudgeReport(report) ? report.message : null;
  const selected =
    picked !== null && picked.run === state.id ? picked.index : state.phase === 'done' ? firstFailingVisible(state.tests) : null;
  const selectedTest = selected !== null ? (state.tests[selected] ?? null) : null;

  return (
    <section className="result-sheet" aria-label="Results" data-testid="result-sheet" data-phase={state.phase}>
      <p
        className={`run-status${state.phase === 'done' || state.phase === 'error' ? ' visually-hidden' : ''}`}
        role="status"
        aria-live="polite"
        data-testid="run-status"
      >
        {state.phase === 'busy' ? <span data-testid="busy-notice">{status}</span> : status}
      </p>
      {state.phase === 'idle' && <p className="muted">Run your code to see the results here.</p>}
      {state.phase === 'error' && <ErrorNotice error={new Error(state.error ?? 'The run failed.')} title="The run did not start" />}
      {run !== null && state.phase === 'done' && <VerdictBanner run={run} />}
      {failure !== null && (
        <p className="inline-error" data-testid="run-failure">
          {failure}
        </p>
      )}
      {compile?.status === 'compile_error' && (
        <div className="detail-block">
          <h4>Compiler output</h4>
          <pre className="compile-output" data-testid="compile-output">
            {compile.output}
          </pre>
        </div>
      )}
      <TestTable tests={state.tests} selected={selected} onSelect={(index) => setPicked({ run: state.id, index })} />
      {selectedTest !== null && !selectedTest.hidden && <TestDetail test={selectedTest} />}
    </section>
  );
}
