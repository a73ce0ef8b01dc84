import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/errors';
import type { Run, RunAccepted, RunRequest } from '../api/types';
import { run, testResult } from '../test/fixtures';
import { RunController, STREAM_CLOSED, type EventStream, type RunControllerDeps } from './runController';
import { INITIAL_RUN, runReducer, type RunState } from './runState';

class FakeStream implements EventStream {
  listeners = new Map<string, ((e: MessageEvent<string>) => void)[]>();
  onerror: ((e: Event) => void) | null = null;
  readyState = 1;
  closed = false;
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }
  close() {
    this.closed = true;
    this.readyState = STREAM_CLOSED;
  }
  emit(type: string, data: unknown) {
    for (const l of this.listeners.get(type) ?? []) l(new MessageEvent(type, { data: JSON.stringify(data) }));
  }
  fail() {
    this.readyState = STREAM_CLOSED;
    this.onerror?.(new Event('error'));
  }
}

const REQ: RunRequest = { problem: 'two-sum', language: 'python', code: 'x', kind: 'run' };

function setup(over: Partial<RunControllerDeps> = {}) {
  let state: RunState = INITIAL_RUN;
  const streams: FakeStream[] = [];
  const finished: Run[] = [];
  const deps: RunControllerDeps = {
    createRun: vi.fn<(r: RunRequest) => Promise<RunAccepted>>().mockResolvedValue({ id: 'r1', status: 'queued', position: 2 }),
    getRun: vi.fn<(id: string) => Promise<Run>>().mockResolvedValue(run()),
    cancelRun: vi.fn<(id: string) => Promise<Run>>().mockResolvedValue(run({ status: 'cancelled', verdict: null, report: null })),
    openEvents: () => {
      const s = new FakeStream();
      streams.push(s);
      return s;
    },
    dispatch: (a) => {
      state = runReducer(state, a);
    },
    getState: () => state,
    onFinished: (r) => finished.push(r),
    pollMs: 1000,
    ...over,
  };
  const c = new RunController(deps);
  return { c, deps, streams, finished, state: () => state };
}

describe('RunController', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('posts the run and follows its events to the verdict', async () => {
    const { c, streams, finished, state } = setup();
    c.start(REQ);
    expect(state().phase).toBe('starting');
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toMatchObject({ phase: 'queued', id: 'r1', position: 2 });
    const s = streams[0];
    if (s === undefined) throw new Error('no stream');
    s.emit('queued', { position: 1 });
    expect(state().position).toBe(1);
    s.emit('started', {});
    s.emit('test', { index: 0, total: 1, result: testResult() });
    expect(state().tests).toHaveLength(1);
    s.emit('done', run());
    expect(state().phase).toBe('done');
    expect(s.closed).toBe(true);
    expect(finished).toHaveLength(1);
    s.emit('done', run());
    expect(finished).toHaveLength(1);
  });

  it('waits Retry-After seconds after a 429 and retries once', async () => {
    const createRun = vi
      .fn<(r: RunRequest) => Promise<RunAccepted>>()
      .mockRejectedValueOnce(new ApiError(429, 'queue_full', 'The queue is full.', 3))
      .mockResolvedValueOnce({ id: 'r1', status: 'queued', position: 1 });
    const { c, state } = setup({ createRun });
    c.start(REQ);
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toMatchObject({ phase: 'busy', retryIn: 3 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(state().retryIn).toBe(2);
    await vi.advanceTimersByTimeAsync(2000);
    expect(createRun).toHaveBeenCalledTimes(2);
    expect(state().phase).toBe('queued');
  });

  it('gives up after a second 429 with the server message', async () => {
    const busy = new ApiError(429, 'queue_full', 'The queue is full; try again in a minute.', 1);
    const createRun = vi.fn<(r: RunRequest) => Promise<RunAccepted>>().mockRejectedValue(busy);
    const { c, state } = setup({ createRun });
    c.start(REQ);
    await vi.advanceTimersByTimeAsync(1000);
    expect(createRun).toHaveBeenCalledTimes(2);
    expect(state()).toMatchObject({ phase: 'error', error: 'The queue is full; try again in a minute.' });
  });

  it('shows other errors at once', async () => {
    const createRun = vi
      .fn<(r: RunRequest) => Promise<RunAccepted>>()
      .mockRejectedValue(new ApiError(413, 'payload_too_large', 'Code is over 64 KiB.'));
    const { c, state } = setup({ createRun });
    c.start(REQ);
    await vi.advanceTimersByTimeAsync(0);
    expect(state()).toMatchObject({ phase: 'error', error: 'Code is over 64 KiB.' });
    expect(createRun).toHaveBeenCalledTimes(1);
  });

  it('polls when the event stream is refused', async () => {
    const getRun = vi
      .fn<(id: string) => Promise<Run>>()
      .mockResolvedValueOnce(run({ status: 'running', verdict: null, report: null }))
      .mockResolvedValueOnce(run());
    const { c, streams, state, finished } = setup({ getRun });
    c.start(REQ);
    await vi.advanceTimersByTimeAsync(0);
    streams[0]?.fail();
    await vi.advanceTimersByTimeAsync(0);
    expect(getRun).toHaveBeenCalledTimes(1);
    expect(state().phase).toBe('queued');
    await vi.advanceTimersByTimeAsync(1000);
    expect(getRun).toHaveBeenCalledTimes(2);
    expect(state().phase).toBe('done');
    expect(finished).toHaveLength(1);
  });

  it('cancels a queued run', async () => {
    const { c, deps, state, finished } = setup();
    c.start(REQ);
    await vi.advanceTimersByTimeAsync(0);
    c.cancel();
    await vi.advanceTimersByTimeAsync(0);
    expect(deps.cancelRun).toHaveBeenCalledWith('r1');
    expect(state().phase).toBe('done');
    expect(state().run?.status).toBe('cancelled');
    expect(finished).toHaveLength(1);
  });

  it('cancels a pending 429 retry without calling the server', async () => {
    const createRun = vi
      .fn<(r: RunRequest) => Promise<RunAccepted>>()
      .mockRejectedValue(new ApiError(429, 'queue_full', 'busy', 5));
    const { c, deps, state } = setup({ createRun });
    c.start(REQ);
    await vi.advanceTimersByTimeAsync(0);
    c.cancel();
    expect(state()).toEqual(INITIAL_RUN);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(createRun).toHaveBeenCalledTimes(1);
    expect(deps.cancelRun).not.toHaveBeenCalled();
  });

  it('ignores the previous run once a new one starts', async () => {
    const createRun = vi
      .fn<(r: RunRequest) => Promise<RunAccepted>>()
      .mockResolvedValueOnce({ id: 'old', status: 'queued', position: 1 })
      .mockResolvedValueOnce({ id: 'new', status: 'queued', position: 1 });
    const { c, streams, state } = setup({ createRun });
    c.start(REQ);
    await vi.advanceTimersByTimeAsync(0);
    c.start(REQ);
    await vi.advanceTimersByTimeAsync(0);
    expect(streams[0]?.closed).toBe(true);
    streams[0]?.emit('done', run({ id: 'old' }));
    expect(state()).toMatchObject({ phase: 'queued', id: 'new' });
  });
});
