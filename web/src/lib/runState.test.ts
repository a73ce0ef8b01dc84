import { describe, expect, it } from 'vitest';
import { run, testResult } from '../test/fixtures';
import { firstFailingVisible, INITIAL_RUN, isActive, runReducer, runStatusText, type RunAction, type RunState } from './runState';

function play(actions: RunAction[], from: RunState = INITIAL_RUN): RunState {
  return actions.reduce(runReducer, from);
}

describe('runReducer', () => {
  it('follows a run from start to done', () => {
    const queued = play([{ type: 'start', kind: 'run' }, { type: 'accepted', id: 'r1', position: 3 }]);
    expect(queued).toMatchObject({ phase: 'queued', id: 'r1', position: 3 });
    expect(runStatusText(queued)).toBe('Queued (position 3)');
    expect(isActive(queued)).toBe(true);

    const moved = play([{ type: 'queued', id: 'r1', position: 1 }], queued);
    expect(moved.position).toBe(1);

    const running = play(
      [
        { type: 'started', id: 'r1' },
        { type: 'test', id: 'r1', index: 1, total: 3, result: testResult({ name: 't2' }) },
      ],
      moved,
    );
    expect(running.phase).toBe('running');
    expect(running.tests).toHaveLength(3);
    expect(running.tests[0]).toBeNull();
    expect(running.tests[1]?.name).toBe('t2');
    expect(runStatusText(running)).toBe('Running: 1 of 3 tests done');

    const final = run({ verdict: 'wrong_answer', passed: 2, total: 3, report: { verdict: 'wrong_answer', passed: 2, total: 3, tests: [testResult(), testResult({ name: 't2' }), testResult({ name: 't3', verdict: 'wrong_answer' })] } });
    const done = play([{ type: 'done', id: 'r1', run: final }], running);
    expect(done.phase).toBe('done');
    expect(done.tests).toHaveLength(3);
    expect(isActive(done)).toBe(false);
    expect(runStatusText(done)).toBe('Wrong answer: 2 of 3 tests passed');
  });

  it('is idempotent for replayed events (late subscribers get history again)', () => {
    const s = play([
      { type: 'start', kind: 'submit' },
      { type: 'accepted', id: 'r1', position: 1 },
      { type: 'started', id: 'r1' },
      { type: 'test', id: 'r1', index: 0, total: 2, result: testResult() },
      { type: 'test', id: 'r1', index: 0, total: 2, result: testResult() },
    ]);
    expect(s.tests.filter((t) => t !== null)).toHaveLength(1);
  });

  it('ignores events of another run and anything after done', () => {
    const s = play([{ type: 'start', kind: 'run' }, { type: 'accepted', id: 'r2', position: 1 }]);
    expect(play([{ type: 'started', id: 'r1' }], s)).toBe(s);
    const done = play([{ type: 'done', id: 'r2', run: run({ id: 'r2' }) }], s);
    expect(play([{ type: 'test', id: 'r2', index: 0, total: 1, result: testResult({ verdict: 'wrong_answer' }) }], done)).toBe(done);
  });

  it('counts down while the judge is busy', () => {
    const s = play([{ type: 'start', kind: 'run' }, { type: 'busy', seconds: 3 }, { type: 'tick' }]);
    expect(s.phase).toBe('busy');
    expect(runStatusText(s)).toBe('The judge is busy — retrying in 2 s');
    expect(play([{ type: 'tick' }, { type: 'tick' }, { type: 'tick' }], s).retryIn).toBe(0);
    expect(play([{ type: 'accepted', id: 'r9', position: 1 }], s)).toMatchObject({ phase: 'queued', retryIn: null });
  });

  it('records errors and resets', () => {
    const s = play([{ type: 'start', kind: 'run' }, { type: 'error', message: 'Code is too large.' }]);
    expect(s.phase).toBe('error');
    expect(runStatusText(s)).toBe('Code is too large.');
    expect(play([{ type: 'reset' }], s)).toEqual(INITIAL_RUN);
  });

  it('describes cancelled and failed runs', () => {
    const base = play([{ type: 'start', kind: 'submit' }, { type: 'accepted', id: 'r1', position: 1 }]);
    const cancelled = play([{ type: 'done', id: 'r1', run: run({ status: 'cancelled', verdict: null, report: null }) }], base);
    expect(runStatusText(cancelled)).toBe('Submission cancelled');
    const failed = play([{ type: 'done', id: 'r1', run: run({ status: 'failed', verdict: null, report: { message: 'x' } }) }], base);
    expect(runStatusText(failed)).toBe('Submission failed');
  });
});

describe('firstFailingVisible', () => {
  it('skips hidden, accepted and skipped tests', () => {
    const tests = [
      testResult(),
      testResult({ hidden: true, verdict: 'wrong_answer' }),
      testResult({ verdict: 'skipped' }),
      null,
      testResult({ name: 'bad', verdict: 'runtime_error' }),
    ];
    expect(firstFailingVisible(tests)).toBe(4);
    expect(firstFailingVisible([testResult()])).toBeNull();
  });
});
