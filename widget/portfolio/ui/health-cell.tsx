/**
 * An account's health score with its band, and each part explained on demand (the parts the service
 * wrote, with their names in the UI language; the explanation is in the language the service writes).
 */
import { HEALTH_BAND_LABELS, HEALTH_PART_LABELS, parseHealthParts } from '../../../shared/portfolio/health';
import type { AccountRow } from '../../../shared/portfolio/accounts';
import { usePortfolioUi } from './ui-context';

export function HealthCell(props: { row: AccountRow }) {
  const { l, t, config } = usePortfolioUi();
  const { health, healthBand, healthParts } = props.row;
  if (health == null || healthBand == null) return <span class="muted">—</span>;
  const parts = parseHealthParts(healthParts, config);
  const label = `${health} ${l(HEALTH_BAND_LABELS[healthBand])}`;
  if (parts.length === 0)
    return (
      <span class={`health health-${healthBand}`} data-health={health}>
        {label}
      </span>
    );
  return (
    <details class="health-parts">
      <summary class={`health health-${healthBand}`} data-health={health} title={t('healthWhy')}>
        {label}
      </summary>
      <ul class="plain small">
        {parts.map((p) => (
          <li key={p.part} data-part={p.part}>
            {l(HEALTH_PART_LABELS[p.part])}: {p.value == null ? '—' : p.value}
            <span class="muted"> · {p.why}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
