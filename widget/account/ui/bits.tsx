/** Small display pieces shared by panels: a progress meter, a badge, a save-status line. */
import type { SaveState } from '../../common/async-state';
import { ERROR_MESSAGES } from '../../common/errors';
import { useUi } from './ui-context';

/** A 0..1 value as a bar; `mark` draws a target line (e.g. the recommended share). */
export function Meter(props: { value: number | null; label: string; mark?: number | null }) {
  const v = Math.max(0, Math.min(1, props.value ?? 0));
  return (
    <div
      class="meter"
      role="meter"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(v * 100)}
    >
      <div class="meter-fill" style={{ width: `${v * 100}%` }} />
      {props.mark != null && <div class="meter-mark" style={{ left: `${props.mark * 100}%` }} />}
    </div>
  );
}

export function Badge(props: { tone?: 'info' | 'ok' | 'warn' | 'danger' | 'muted'; children: string }) {
  return <span class={`badge badge-${props.tone ?? 'info'}`}>{props.children}</span>;
}

export function SaveStatus(props: { state: SaveState }) {
  const { t, l } = useUi();
  const s = props.state;
  if (s.status === 'idle') return null;
  if (s.status === 'saving')
    return (
      <span class="save-status" role="status">
        {t('saving')}
      </span>
    );
  if (s.status === 'saved')
    return (
      <span class="save-status ok" role="status">
        {t('saved')}
      </span>
    );
  return (
    <span class="save-status danger" role="alert" title={`${s.error.code}: ${s.error.detail}`}>
      {l(ERROR_MESSAGES[s.error.code])}
    </span>
  );
}
