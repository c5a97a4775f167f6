/**
 * An account's KGI over the trend samples, shared by the Trends tab's KGI table and the Accounts
 * table: which KGI (a picker when the config has more than one), the sample names, and the
 * sparkline whose label reads every value in order (what a screen reader says, and what tests read).
 */
import { METRIC_LABELS } from '../../../shared/i18n/labels';
import type { KgiKey } from '../../../shared/model/keys';
import type { Trends } from '../../../shared/portfolio/trends';
import { formatMoney, formatShare } from '../../common/format';
import { Sparkline } from '../charts/sparkline';
import { usePortfolioUi, type PortfolioUi } from './ui-context';

/** The samples as the tables name them: `2026/07` … `現在` / `Now`. */
export function sampleNames(tr: Trends, ui: PortfolioUi): string[] {
  return tr.samples.map((s) => (s.month == null ? ui.t('trendNow') : s.month.replace('-', '/')));
}

/** A KGI value as text: share of wallet in percent, the others in the config's currency. */
export function kgiText(kgi: KgiKey, n: number | null, ui: PortfolioUi): string {
  return kgi === 'share_of_wallet' ? formatShare(n, ui.lang) : formatMoney(n, ui.config.currency, ui.lang);
}

export function KgiPicker(props: { id: string; value: KgiKey; onChange: (k: KgiKey) => void }) {
  const { t, l, config } = usePortfolioUi();
  if (config.kgis.length < 2) return null;
  return (
    <label class="small">
      {t('trendKgiPick')}{' '}
      <select
        id={props.id}
        value={props.value}
        onChange={(e) => props.onChange((e.currentTarget as HTMLSelectElement).value as KgiKey)}
      >
        {config.kgis.map((k) => (
          <option key={k} value={k}>
            {l(METRIC_LABELS[k])}
          </option>
        ))}
      </select>
    </label>
  );
}

/** One account's KGI line: `name: 2026/07 ¥100 → … → Now ¥300` as its label. */
export function KgiLine(props: { name: string; kgi: KgiKey; values: (number | null)[]; samples: string[] }) {
  const ui = usePortfolioUi();
  const label = props.values.map((v, i) => `${props.samples[i] ?? ''} ${kgiText(props.kgi, v, ui)}`);
  return <Sparkline values={props.values} label={`${props.name}: ${label.join(' → ')}`} />;
}
