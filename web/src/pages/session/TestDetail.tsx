import type { TestResult } from '../../api/types';
import { verdictWords } from '../../lib/verdict';
import { DiffView } from './DiffView';

function Block({ label, text, testId }: { label: string; text: string | null | undefined; testId: string }) {
  if (text === null || text === undefined || text === '') return null;
  return (
    <div className="detail-block">
      <h4>{label}</h4>
      <pre data-testid={testId}>{text}</pre>
    </div>
  );
}

/** Input, expected, actual, the diff, printed output and the judge's message for one visible test. */
export function TestDetail({ test }: { test: TestResult }) {
  return (
    <section className="test-detail" data-testid="test-detail" aria-label={`Details of ${test.name}`}>
      <h3>
        {test.name}: {verdictWords(test.verdict)}
      </h3>
      {test.message !== null && test.message !== undefined && test.message !== '' && (
        <p className="test-detail__message" data-testid="test-message">
          {test.message}
        </p>
      )}
      <Block label="Input" text={test.input} testId="test-input" />
      <div className="detail-grid">
        <Block label="Expected" text={test.expected} testId="test-expected" />
        <Block label="Actual" text={test.actual} testId="test-actual" />
      </div>
      {test.diff !== null && test.diff !== undefined && test.diff !== '' && (
        <div className="detail-block">
          <h4>Diff</h4>
          <DiffView diff={test.diff} />
        </div>
      )}
      <Block label="Printed output" text={test.printed} testId="test-printed" />
    </section>
  );
}
