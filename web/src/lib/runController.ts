// Starting a run and following it: POST, then SSE events (polling if the stream is refused),
// one automatic retry after a 429, cancel. Feeds runReducer through `dispatch`.

import { ApiError, errorMessage } from '../api/errors';
import type { QueuedEvent, Run, RunAccepted, RunRequest, TestEvent } from '../api/types';
import type { RunAction, RunState } from './runState';
import { isActive } from './runState';

/** The part of EventSource used here (a fake one in tests). */
export interface EventStream {
  addEventListener(type: string, listener: (e: MessageEvent<string>) => void): void;
  close(): void;
  onerror: ((e: Event) => void) | null;
  readonly readyState: number;
}

export const STREAM_CLOSED = 2;

export interface RunControllerDeps {
  createRun: (req: RunRequest) => Promise<RunAccepted>;
  getRun: (id: string) => Promise<Run>;
  cancelRun: (id: string) => Promise<Run>;
  openEvents: (id: string) => EventStream;
  dispatch: (action: RunAction) => void;
  getState: () => RunState;
  onFinished: (run: Run) => void;
  pollMs?: number;
  defaultRetrySeconds?: number;
}

const FINISHED = new Set(['done', 'cancelled', 'failed']);

function parse(e: MessageEvent<string>): unknown {
  try {
    return JSON.parse(e.data) as unknown;
  } catch {
    return null;
  }
}

export class RunController {
  private readonly deps: RunControllerDeps;
  private stream: EventStream | null = null;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly finished = new Set<string>();
  /** Bumped by each start/stop; callbacks from an older generation do nothing. */
  private generation = 0;

  constructor(deps: RunControllerDeps) {
    this.deps = deps;
  }

  start(req: RunRequest): void {
    this.stop();
    this.deps.dispatch({ type: 'start', kind: req.kind });
    this.submit(req, this.generation, false);
  }

  /** Cancels the current run (or the pending retry when it was never queued). */
  cancel(): void {
    const s = this.deps.getState();
    if (!isActive(s)) return;
    if (s.id === null) {
      this.stop();
      this.deps.dispatch({ type: 'reset' });
      return;
    }
    const gen = this.generation;
    this.deps.cancelRun(s.id).then(
      (run) => {
        if (gen === this.generation && FINISHED.has(run.status)) this.finish(run);
      },
      (err: unknown) => {
        if (gen === this.generation) this.deps.dispatch({ type: 'error', message: errorMessage(err) });
      },
    );
  }

  /** Stops following (on unmount or before a new run); the server keeps the run. */
  stop(): void {
    this.generation += 1;
    this.stream?.close();
    this.stream = null;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }

  private later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.timers.delete(t);
      fn();
    }, ms);
    this.timers.add(t);
  }

  private submit(req: RunRequest, gen: number, retried: boolean): void {
    this.deps.createRun(req).then(
      (accepted) => {
        if (gen !== this.generation) return;
        this.deps.dispatch({ type: 'accepted', id: accepted.id, position: accepted.position });
        this.follow(accepted.id, gen);
      },
      (err: unknown) => {
        if (gen !== this.generation) return;
        if (err instanceof ApiError && err.status === 429 && !retried) {
          const seconds = Math.max(1, err.retryAfter ?? this.deps.defaultRetrySeconds ?? 5);
          this.deps.dispatch({ type: 'busy', seconds });
          for (let i = 1; i < seconds; i++) this.later(() => this.deps.dispatch({ type: 'tick' }), i * 1000);
          this.later(() => this.submit(req, gen, true), seconds * 1000);
          return;
        }
        this.deps.dispatch({ type: 'error', message: errorMessage(err) });
      },
    );
  }

  private follow(id: string, gen: number): void {
    const es = this.deps.openEvents(id);
    this.stream = es;
    const live = () => gen === this.generation;
    es.addEventListener('queued', (e) => {
      const data = parse(e) as QueuedEvent | null;
      if (live() && data !== null) this.deps.dispatch({ type: 'queued', id, position: data.position });
    });
    es.addEventListener('started', () => {
      if (live()) this.deps.dispatch({ type: 'started', id });
    });
    es.addEventListener('test', (e) => {
      const data = parse(e) as TestEvent | null;
      if (live() && data !== null) {
        this.deps.dispatch({ type: 'test', id, index: data.index, total: data.total, result: data.result });
      }
    });
    es.addEventListener('done', (e) => {
      es.close();
      if (!live()) return;
      const run = parse(e) as Run | null;
      if (run !== null) this.finish(run);
      else this.poll(id, gen);
    });
    es.onerror = () => {
      // A dropped connection reconnects by itself; a refused one is closed: fall back to polling.
      if (es.readyState === STREAM_CLOSED && live() && !this.finished.has(id)) {
        this.stream = null;
        this.poll(id, gen);
      }
    };
  }

  private poll(id: string, gen: number): void {
    const pollMs = this.deps.pollMs ?? 1000;
    this.deps.getRun(id).then(
      (run) => {
        if (gen !== this.generation) return;
        if (FINISHED.has(run.status)) this.finish(run);
        else this.later(() => this.poll(id, gen), pollMs);
      },
      (err: unknown) => {
        if (gen !== this.generation) return;
        if (err instanceof ApiError && err.status === 404) {
          this.deps.dispatch({ type: 'error', message: 'This run no longer exists. Run your code again.' });
        } else {
          this.later(() => this.poll(id, gen), pollMs * 3);
        }
      },
    );
  }

  private finish(run: Run): void {
    this.deps.dispatch({ type: 'done', id: run.id, run });
    if (this.finished.has(run.id)) return;
    this.finished.add(run.id);
    this.stream?.close();
    this.stream = null;
    this.deps.onFinished(run);
  }
}
