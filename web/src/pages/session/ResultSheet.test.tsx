/** @vitest-environment jsdom */
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { INITIAL_RUN, runReducer, type RunAction, type RunState } from '../../lib/runState';
import { run, testResult } from '../../test/fixtures';
import { ResultSheet } from './ResultSheet';

function state(actions: RunAction[]): RunState {
  return actions.reduce(runReducer, INITIAL_RUN);
}

const failing = run({
  kind: 'submit',
  verdict: 'wrong_answer',
  passed: 1,
  total: 3,
  report: {
    verdict: 'wrong_answer',
    passed: 1,
    total: 3,
    tests: [
      testResult({ name: 'example-1' }),
      testResult({
        name: 'example-2',
        verdict: 'wrong_answer',
        expected: '1\n2\n3',
        actual: '1\n5\n3',
        diff: '--- expected\n+++ actual\n@@ -1,3 +1,3 @@\n 1\n-2\n+5\n 3\n',
        message: 'line 2 differs',
        printed: 'debug!',
      }),
      { name: 'hidden-1', hidden: true, verdict: 'time_limit_exceeded', cpu_ms: 1000, wall_ms: 1100, memory_kib: 2048 },
    ],
  },
});

describe('ResultSheet', () => {
  afterEach(cleanup);

  it('shows the verdict, the table and the first failing visible test with its diff', () => {
    render(
      <ResultSheet
        state={state([
          { type: 'start', kind: 'submit' },
          { type: 'accepted', id: 'r1', position: 1 },
          { type: 'done', id: 'r1', run: failing },
        ])}
      />,
    );
    const banner = screen.getByTestId('verdict-banner');
    expect(banner.textContent).toContain('Wrong answer');
    expect(banner.dataset.verdict).toBe('wrong_answer');
    expect(screen.getByTestId('tests-passed').textContent).toBe('1 / 3 tests passed');

    const rows = screen.getAllByTestId('test-row');
    expect(rows).toHaveLength(3);
    const hidden = rows[2];
    if (hidden === undefined) throw new Error('missing row');
    expect(within(hidden).getByText('hidden')).toBeTruthy();
    expect(within(hidden).getByText('Time limit exceeded')).toBeTruthy();
    expect(within(hidden).getByText('2.0')).toBeTruthy();

    expect(screen.getByTestId('test-detail').textContent).toContain('example-2');
    expect(screen.getByTestId('test-message').textContent).toBe('line 2 differs');
    expect(screen.getByTestId('test-printed').textContent).toBe('debug!');
    const diff = screen.getByTestId('diff-view');
    expect(diff.querySelectorAll('[data-kind="del"]')).toHaveLength(1);
    expect(diff.querySelectorAll('[data-kind="add"]')).toHaveLength(1);
    expect(screen.getByTestId('run-status').textContent).toBe('Wrong answer: 1 of 3 tests passed');
  });

  it('opens another visible test on click', () => {
    render(
      <ResultSheet
        state={state([
          { type: 'start', kind: 'run' },
          { type: 'accepted', id: 'r1', position: 1 },
          { type: 'done', id: 'r1', run: failing },
        ])}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'example-1: show details' }));
    expect(screen.getByTestId('test-detail').textContent).toContain('example-1');
    expect(screen.queryByTestId('diff-view')).toBeNull();
  });

  it('shows compiler output for a compile error', () => {
    const compile = run({
      verdict: 'compile_error',
      passed: 0,
      total: 2,
      report: {
        verdict: 'compile_error',
        passed: 0,
        total: 2,
        tests: [],
        compile: { status: 'compile_error', output: "main.cpp:3: error: expected ';'" },
      },
    });
    render(
      <ResultSheet
        state={state([
          { type: 'start', kind: 'run' },
          { type: 'accepted', id: 'r1', position: 1 },
          { type: 'done', id: 'r1', run: compile },
        ])}
      />,
    );
    expect(screen.getByTestId('verdict-banner').textContent).toContain('Compile error');
    expect(screen.getByTestId('compile-output').textContent).toContain("expected ';'");
  });

  it('fills rows as tests arrive and announces the queue position', () => {
    const { rerender } = render(
      <ResultSheet state={state([{ type: 'start', kind: 'run' }, { type: 'accepted', id: 'r1', position: 4 }])} />,
    );
    expect(screen.getByTestId('run-status').textContent).toBe('Queued (position 4)');
    rerender(
      <ResultSheet
        state={state([
          { type: 'start', kind: 'run' },
          { type: 'accepted', id: 'r1', position: 4 },
          { type: 'started', id: 'r1' },
          { type: 'test', id: 'r1', index: 0, total: 2, result: testResult() },
        ])}
      />,
    );
    const rows = screen.getAllByTestId('test-row');
    expect(rows.map((r) => r.dataset.verdict)).toEqual(['accepted', 'pending']);
    expect(screen.queryByTestId('verdict-banner')).toBeNull();
  });

  it('shows the busy notice while waiting to retry', () => {
    render(<ResultSheet state={state([{ type: 'start', kind: 'run' }, { type: 'busy', seconds: 4 }])} />);
    expect(screen.getByTestId('busy-notice').textContent).toBe('The judge is busy — retrying in 4 s');
  });
});
