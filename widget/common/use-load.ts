/**
 * A page's data as an async state, loaded on mount and on retry: `load` sets loading, then ready or
 * the mapped error. `setState` is for a page that replaces its data after a write.
 */
import { useCallback, useEffect, useState } from 'preact/hooks';
import { LOADING, type AsyncState } from './async-state';
import { toWidgetError } from './errors';

export function useLoad<T>(
  session: { load(): Promise<T> } | null | undefined,
  initial: AsyncState<T> | undefined,
): { state: AsyncState<T>; setState: (s: AsyncState<T>) => void; load: () => void } {
  const [state, setState] = useState<AsyncState<T>>(initial ?? LOADING);
  const load = useCallback(() => {
    if (!session) return;
    setState(LOADING);
    session.load().then(
      (data) => setState({ status: 'ready', data }),
      (e: unknown) => setState({ status: 'error', error: toWidgetError(e) }),
    );
  }, [session]);
  useEffect(load, [load]);
  return { state, setState, load };
}
