/** A form's save: runs the write, exposes its state as a union, never throws into the component. */
import { useCallback, useState } from 'preact/hooks';
import { IDLE, type SaveState } from '../../common/async-state';
import { toWidgetError } from '../../common/errors';

export function useSave(): [SaveState, (write: () => Promise<void>) => Promise<boolean>, () => void] {
  const [state, setState] = useState<SaveState>(IDLE);
  const run = useCallback(async (write: () => Promise<void>) => {
    setState({ status: 'saving' });
    try {
      await write();
      setState({ status: 'saved' });
      return true;
    } catch (e) {
      setState({ status: 'failed', error: toWidgetError(e) });
      return false;
    }
  }, []);
  const reset = useCallback(() => setState(IDLE), []);
  return [state, run, reset];
}
