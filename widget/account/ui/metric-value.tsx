/** A metric's value as shown: money for revenue KGIs, a percentage for shares, else a count. */
import { formatCount, formatMoney, formatShare } from '../../common/format';
import { useUi } from './ui-context';

const MONEY = ['annual_revenue', 'fy_orders', 'expansion_revenue'];
const SHARE = ['share_of_wallet', 'relationship_activity_share'];

export function metricKind(metricOrCriterion: string): 'money' | 'share' | 'count' {
  const key = /^[a-z_]+/.exec(metricOrCriterion)?.[0] ?? '';
  if (MONEY.includes(key)) return 'money';
  if (SHARE.includes(key)) return 'share';
  return 'count';
}

export function MetricValue(props: { metric: string; value: number | null }) {
  const { lang, config } = useUi();
  const kind = metricKind(props.metric);
  const text =
    kind === 'money'
      ? formatMoney(props.value, config.currency, lang)
      : kind === 'share'
        ? formatShare(props.value, lang)
        : formatCount(props.value, lang);
  return <span class="num">{text}</span>;
}
