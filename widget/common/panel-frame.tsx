/**
 * The frame every panel of every widget page sits in: a heading, then the async state — loading,
 * error (with retry), or the panel's content. Each page supplies its words; panels decide "empty"
 * themselves from ready data.
 */
import type { ComponentChildren } from 'preact';
import type { AsyncState } from './async-state';
import type { WidgetErrorCode } from './errors';

export interface FrameText {
  loading: string;
  details: string;
  retry: string;
  error: (code: WidgetErrorCode) => string;
}

export function AsyncPanel<T>(props: {
  id: string;
  title: string;
  state: AsyncState<T>;
  onRetry?: (() => void) | undefined;
  text: FrameText;
  children: (data: T) => ComponentChildren;
}) {
  const { state, text } = props;
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
          {text.loading}
        </div>
      )}
      {state.status === 'error' && (
        <div class="panel-error" role="alert">
          <p>{text.error(state.error.code)}</p>
          <details>
            <summary>{text.details}</summary>
            <code>
              {state.error.code}: {state.error.detail}
            </code>
          </details>
          {props.onRetry && (
            <button type="button" class="btn" onClick={props.onRetry}>
              {text.retry}
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
