import { useEffect, useReducer, useRef } from 'react';
import { api } from '../../api/client';
import type { Run, RunRequest } from '../../api/types';
import { RunController } from '../../lib/runController';
import { INITIAL_RUN, runReducer, type RunState } from '../../lib/runState';

export interface Runner {
  state: RunState;
  start: (req: RunRequest) => void;
  cancel: () => void;
}

/** The run state for the session page, driven by a RunController. */
export function useRunner(onFinished: (run: Run) => void): Runner {
  const [state, dispatch] = useReducer(runReducer, INITIAL_RUN);
  const stateRef = useRef(state);
  const onFinishedRef = useRef(onFinished);
  const controllerRef = useRef<RunController | null>(null);

  useEffect(() => {
    stateRef.current = state;
    onFinishedRef.current = onFinished;
  });

  useEffect(() => {
    const c = new RunController({
      createRun: api.createRun,
      getRun: api.run,
      cancelRun: api.cancelRun,
      openEvents: (id) => new EventSource(api.runEventsUrl(id)),
      dispatch,
      getState: () => stateRef.current,
      onFinished: (run) => onFinishedRef.current(run),
    });
    controllerRef.current = c;
    return () => {
      c.stop();
      controllerRef.current = null;
    };
  }, []);

  return {
    state,
    start: (req) => controllerRef.current?.start(req),
    cancel: () => controllerRef.current?.cancel(),
  };
}
