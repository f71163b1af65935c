import { useCallback, useEffect, useRef, useState } from "preact/hooks";

/** Loads data for a screen: loading, error and data states, reload, and no stale answer after the inputs change. */
export interface Query<T> {
  readonly data: T | undefined;
  readonly error: unknown;
  readonly loading: boolean;
  readonly reload: () => void;
}

export function useQuery<T>(load: () => Promise<T>, deps: readonly unknown[]): Query<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: null, loading: true });
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => {
        if (live) setState({ data, error: null, loading: false });
      },
      (error: unknown) => {
        if (live) setState((s) => ({ data: s.data, error, loading: false }));
      },
    );
    return () => {
      live = false;
    };
  }, [...deps, tick]);
  const reload = useCallback(() => { setTick((t) => t + 1); }, []);
  return { ...state, reload };
}

/** Runs a change: busy while it runs, its error kept for display, the result handed to onDone. */
export interface Action {
  readonly busy: boolean;
  readonly error: unknown;
  readonly run: <T>(work: () => Promise<T>, onDone?: (result: T) => void) => Promise<T | undefined>;
  readonly clear: () => void;
}

export function useAction(): Action {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(async <T,>(work: () => Promise<T>, onDone?: (result: T) => void) => {
    setBusy(true);
    setError(null);
    try {
      const result = await work();
      onDone?.(result);
      return result;
    } catch (e) {
      setError(e);
      return undefined;
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run, clear: () => { setError(null); } };
}
