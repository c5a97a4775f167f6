/**
 * One frame for every panel: a heading, then the async state — loading, error (with retry), or the
 * panel's content. Panels decide "empty" themselves from ready data.
 */
import type { ComponentChildren } from 'preact';
import type { AsyncState } from '../../common/async-state';
import { ERROR_MESSAGES } from '../../common/errors';
import type { AccountView } from '../data/account-view';
import { useUi } from './ui-context';

export interface PanelProps {
  state: AsyncState<AccountView>;
  onRetry?: () => void;
}

export function PanelFrame(props: {
  id: string;
  title: string;
  state: AsyncState<AccountView>;
  onRetry?: (() => void) | undefined;
  children: (view: AccountView) => ComponentChildren;
}) {
  const { t, l } = useUi();
  const { state } = props;
  return (
    <section
      class="panel"
      aria-labelledby={`${props.id}-title`}
      data-panel={props.id}
      data-state={state.status}
    >
      <h2 class="panel-title" id={`${props.id}-title`}>
        {props.title}
      </h2>
      {state.status === 'loading' && (
        <div class="panel-loading" role="status" aria-live="polite">
          <span class="spinner" aria-hidden="true" />
          {t('loading')}
        </div>
      )}
      {state.status === 'error' && (
        <div class="panel-error" role="alert">
          <p>{l(ERROR_MESSAGES[state.error.code])}</p>
          <details>
            <summary>{t('details')}</summary>
            <code>
              {state.error.code}: {state.error.detail}
            </code>
          </details>
          {props.onRetry && (
            <button type="button" class="btn" onClick={props.onRetry}>
              {t('retry')}
            </button>
          )}
        </div>
      )}
      {state.status === 'ready' && props.children(state.data)}
    </section>
  );
}

export function Empty(props: { children: ComponentChildren }) {
  return <p class="empty">{props.children}</p>;
}
