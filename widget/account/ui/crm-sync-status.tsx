/**
 * After a save: whether the CRM's own fields (stage, progress, KPIs — what the manager's view and
 * reports read) already hold the new values. One line under the header, announced politely.
 */
import { useRef, useState } from 'preact/hooks';
import type { RecomputeOutcome } from '../data/recompute';
import type { AccountView } from '../data/account-view';
import type { AccountSession } from '../session';
import { formatTime } from './format-time';
import { useUi } from './ui-context';

export type CrmSync = { status: 'idle' } | { status: 'waiting' } | RecomputeOutcome;

/** Start a recompute after each save; a newer save supersedes the answer of an older one. */
export function useCrmSync(session: AccountSession | null): [CrmSync, (view: AccountView) => void] {
  const [state, setState] = useState<CrmSync>({ status: 'idle' });
  const latest = useRef(0);
  const start = (view: AccountView) => {
    if (!session) return;
    const n = (latest.current += 1);
    setState({ status: 'waiting' });
    void session.recompute(view).then(
      (outcome) => n === latest.current && setState(outcome),
      (e: unknown) => n === latest.current && setState({ status: 'unavailable', detail: String(e) }),
    );
  };
  return [state, start];
}

export function CrmSyncStatus(props: { state: CrmSync; offset: number }) {
  const { t } = useUi();
  const s = props.state;
  if (s.status === 'idle') return null;
  const text =
    s.status === 'waiting'
      ? t('crmSyncWaiting')
      : s.status === 'done'
        ? t('crmSyncDone', { time: formatTime(s.at, props.offset) })
        : t('crmSyncLater');
  return (
    <p
      class={`crm-sync small ${s.status === 'done' ? 'ok-note' : 'muted'}`}
      role="status"
      data-testid="crm-sync"
      data-status={s.status}
      title={s.status === 'unavailable' ? s.detail : s.status === 'pending' ? s.fields.join(', ') : undefined}
    >
      {text}
    </p>
  );
}
