import { useCallback, useEffect, useState } from 'react';

export type AsyncState<T> =
  | { status: 'loading'; data: null; error: null }
  | { status: 'ok'; data: T; error: null }
  | { status: 'error'; data: null; error: unknown };

/** Runs `load` on mount (and on `reload()`), ignoring answers that arrive after unmount. */
export function useAsync<T>(load: () => Promise<T>): AsyncState<T> & { reload: () => void } {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading', data: null, error: null });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    load().then(
      (data) => {
        if (live) setState({ status: 'ok', data, error: null });
      },
      (error: unknown) => {
        if (live) setState({ status: 'error', data: null, error });
      },
    );
    return () => {
      live = false;
    };
    // `load` is expected to be stable for the component's life; `attempt` re-runs it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [attempt]);

  const reload = useCallback(() => {
    setState({ status: 'loading', data: null, error: null });
    setAttempt((a) => a + 1);
  }, []);

  return { ...state, reload };
}
