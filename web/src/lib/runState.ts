// The life of one run in the browser, as a reducer fed by HTTP answers and SSE events.

import type { Run, RunKind, TestResult } from '../api/types';
import { isJudgeReport } from '../api/types';
import { verdictWords } from './verdict';

export type RunPhase = 'idle' | 'starting' | 'busy' | 'queued' | 'running' | 'done' | 'error';

export interface RunState {
  phase: RunPhase;
  kind: RunKind | null;
  id: string | null;
  position: number | null;
  /** Results by test index, filled as `test` events arrive (may have gaps). */
  tests: (TestResult | null)[];
  total: number | null;
  run: Run | null;
  error: string | null;
  /** Seconds until the automatic retry after a 429. */
  retryIn: number | null;
}

export type RunAction =
  | { type: 'start'; kind: RunKind }
  | { type: 'busy'; seconds: number }
  | { type: 'tick' }
  | { type: 'accepted'; id: string; position: number }
  | { type: 'queued'; id: string; position: number }
  | { type: 'started'; id: string }
  | { type: 'test'; id: string; index: number; total: number; result: TestResult }
  | { type: 'done'; id: string; run: Run }
  | { type: 'error'; message: string }
  | { type: 'reset' };

export const INITIAL_RUN: RunState = {
  phase: 'idle',
  kind: null,
  id: null,
  position: null,
  tests: [],
  total: null,
  run: null,
  error: null,
  retryIn: null,
};

export function isActive(s: RunState): boolean {
  return s.phase === 'starting' || s.phase === 'busy' || s.phase === 'queued' || s.phase === 'running';
}

export function runReducer(state: RunState, action: RunAction): RunState {
  switch (action.type) {
    case 'start':
      return { ...INITIAL_RUN, phase: 'starting', kind: action.kind };
    case 'busy':
      return { ...state, phase: 'busy', retryIn: action.seconds };
    case 'tick':
      return state.phase === 'busy' && state.retryIn !== null
        ? { ...state, retryIn: Math.max(0, state.retryIn - 1) }
        : state;
    case 'reset':
      return INITIAL_RUN;
    case 'error':
      return { ...state, phase: 'error', error: action.message, retryIn: null };
    default:
      break;
  }
  // Everything below concerns one run; events for another (an earlier) run are ignored.
  if (action.type === 'accepted') {
    if (state.phase !== 'starting' && state.phase !== 'busy') return state;
    return { ...state, phase: 'queued', id: action.id, position: action.position, retryIn: null };
  }
  if (action.id !== state.id || state.phase === 'done') return state;
  switch (action.type) {
    case 'queued':
      return state.phase === 'queued' ? { ...state, position: action.position } : state;
    case 'started':
      return { ...state, phase: 'running', position: null };
    case 'test': {
      const tests = state.tests.slice();
      while (tests.length < action.total) tests.push(null);
      tests[action.index] = action.result;
      return { ...state, phase: 'running', position: null, tests, total: action.total };
    }
    case 'done': {
      const report = action.run.report;
      const tests = isJudgeReport(report) ? report.tests : state.tests;
      return {
        ...state,
        phase: 'done',
        position: null,
        run: action.run,
        tests,
        total: isJudgeReport(report) ? report.total : state.total,
      };
    }
  }
}

/** One sentence for the live region. */
export function runStatusText(s: RunState): string {
  const what = s.kind === 'submit' ? 'Submission' : 'Run';
  switch (s.phase) {
    case 'idle':
      return '';
    case 'starting':
      return `${what}: sending…`;
    case 'busy':
      return `The judge is busy — retrying in ${s.retryIn ?? 0} s`;
    case 'queued':
      return s.position !== null ? `Queued (position ${s.position})` : 'Queued';
    case 'running': {
      const done = s.tests.filter((t) => t !== null).length;
      return s.total !== null ? `Running: ${done} of ${s.total} tests done` : 'Running…';
    }
    case 'done': {
      const run = s.run;
      if (run === null) return 'Done';
      if (run.status === 'cancelled') return `${what} cancelled`;
      if (run.status === 'failed') return `${what} failed`;
      return `${verdictWords(run.verdict)}: ${run.passed} of ${run.total} tests passed`;
    }
    case 'error':
      return s.error ?? 'The run failed.';
  }
}

/** The first visible test that failed (opened by default), or null. */
export function firstFailingVisible(tests: RunState['tests']): number | null {
  const i = tests.findIndex((t) => t !== null && !t.hidden && t.verdict !== 'accepted' && t.verdict !== 'skipped');
  return i === -1 ? null : i;
}
