/**
 * An account's health score with its band, and each part explained on demand (the parts the service
 * wrote, with their names in the UI language; the explanation is in the language the service writes).
 * The page load does not read the parts (a third of the accounts' answer): when the row has none and
 * the page can read them, opening the score reads that one account's parts (one 1-credit COQL call).
 */
import { useState } from 'preact/hooks';
import { HEALTH_BAND_LABELS, HEALTH_PART_LABELS, parseHealthParts } from '../../../shared/portfolio/health';
import type { AccountRow } from '../../../shared/portfolio/accounts';
import { usePortfolioUi } from './ui-context';

type Fetched =
  { status: 'idle' | 'loading' } | { status: 'ready'; text: string | null } | { status: 'error' };

export function HealthCell(props: { row: AccountRow }) {
  const { l, t, config, healthParts: read } = usePortfolioUi();
  const { id, health, healthBand, healthParts } = props.row;
  const [fetched, setFetched] = useState<Fetched>({ status: 'idle' });
  if (health == null || healthBand == null) return <span class="muted">—</span>;
  const label = `${health} ${l(HEALTH_BAND_LABELS[healthBand])}`;
  const lazy = healthParts == null && read !== undefined;
  const text = lazy ? (fetched.status === 'ready' ? fetched.text : null) : healthParts;
  const parts = parseHealthParts(text, config);
  if (!lazy && parts.length === 0)
    return (
      <span class={`health health-${healthBand}`} data-health={health}>
        {label}
      </span>
    );
  const onToggle = (e: Event) => {
    if (!lazy || !(e.currentTarget as HTMLDetailsElement).open || fetched.status !== 'idle') return;
    setFetched({ status: 'loading' });
    read(id).then(
      (value) => setFetched({ status: 'ready', text: value }),
      () => setFetched({ status: 'error' }),
    );
  };
  return (
    <details class="health-parts" onToggle={onToggle}>
      <summary class={`health health-${healthBand}`} data-health={health} title={t('healthWhy')}>
        {label}
      </summary>
      {fetched.status === 'loading' && (
        <p class="muted small" role="status">
          {t('loading')}
        </p>
      )}
      {fetched.status === 'error' && <p class="note warn small">{t('healthPartsFailed')}</p>}
      {fetched.status === 'ready' && parts.length === 0 && <p class="muted small">{t('healthPartsNone')}</p>}
      {parts.length > 0 && (
        <ul class="plain small">
          {parts.map((p) => (
            <li key={p.part} data-part={p.part}>
              {l(HEALTH_PART_LABELS[p.part])}: {p.value == null ? '—' : p.value}
              <span class="muted"> · {p.why}</span>
            </li>
          ))}
        </ul>
      )}
    </details>
  );
}
