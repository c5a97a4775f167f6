/**
 * Trends: the accounts in view over the chosen period and the previous one, from the daily snapshots'
 * month anchors (shared/portfolio/trends.ts) — this period against the previous, the stage
 * distribution over time, KPI attainment per rep, and each account's KGIs as sparklines.
 */
import { useState } from 'preact/hooks';
import type { KgiKey } from '../../../shared/model/keys';
import type { TrendComparison, Trends } from '../../../shared/portfolio/trends';
import type { AsyncState } from '../../common/async-state';
import { formatMoney, formatShare } from '../../common/format';
import { Sparkline } from '../charts/sparkline';
import { StageTimeline } from '../charts/stage-timeline';
import { KgiLine, KgiPicker, kgiText, sampleNames } from '../ui/kgi-trend';
import { AccountLink, RepLink } from '../ui/links';
import { Empty, PanelFrame, Sub } from '../ui/panel-frame';
import { usePortfolioUi } from '../ui/ui-context';

export interface TrendsView {
  trends: Trends;
  /** Names for the ids in the trends. */
  accountNames: Map<string, string>;
  repNames: Map<string | null, string>;
}

const ACCOUNT_ROWS = 30;

export function TrendsPanel(props: { state: AsyncState<TrendsView>; onRetry?: (() => void) | undefined }) {
  const { t } = usePortfolioUi();
  return (
    <PanelFrame id="trends" title={t('tabTrends')} state={props.state} onRetry={props.onRetry}>
      {(v) => <TrendsBody view={v} />}
    </PanelFrame>
  );
}

function TrendsBody(props: { view: TrendsView }) {
  const ui = usePortfolioUi();
  const { t, lang, stage, config } = ui;
  const tr = props.view.trends;
  const [kgi, setKgi] = useState<KgiKey>(config.kgis[0] ?? 'annual_revenue');
  const [shown, setShown] = useState(ACCOUNT_ROWS);
  const names = sampleNames(tr, ui);
  const past = tr.covered.slice(0, -1).some((n) => n > 0);
  const money = (n: number | null) => formatMoney(n, config.currency, lang);
  const fmt = (c: TrendComparison['metric'], n: number | null): string => {
    if (n == null) return '—';
    if (c === 'advanced_share' || c === 'kpi_attainment' || c === 'share_of_wallet')
      return formatShare(n, lang);
    if (c === 'health') return n.toFixed(0);
    return money(n);
  };
  const delta = (c: TrendComparison['metric'], n: number | null): string => {
    if (n == null) return '—';
    const pts = c === 'advanced_share' || c === 'kpi_attainment' || c === 'share_of_wallet';
    const text = pts ? `${(n * 100).toFixed(1)} pt` : c === 'health' ? n.toFixed(1) : money(n);
    return n > 0 ? `+${text}` : text;
  };
  const cls = (n: number | null) => (n == null || n === 0 ? 'num' : n > 0 ? 'num up' : 'num down');
  const rows = Object.entries(tr.accountKgis)
    .map(([id, series]) => {
      const values = series[kgi] ?? [];
      return { id, values, now: values[values.length - 1] ?? null };
    })
    .sort((a, b) => (b.now ?? -Infinity) - (a.now ?? -Infinity) || a.id.localeCompare(b.id));

  return (
    <>
      {!past && (
        <p class="note warn" data-testid="trends-no-history">
          {t('trendsNoHistory')}
        </p>
      )}
      <Sub>{t('trendCompare')}</Sub>
      <div class="table-wrap">
        <table class="table compact" data-testid="trend-compare">
          <thead>
            <tr>
              <th scope="col">{t('trendMetric')}</th>
              <th scope="col" class="num">
                {t('trendAtPreviousStart')}
              </th>
              <th scope="col" class="num">
                {t('trendAtStart')}
              </th>
              <th scope="col" class="num">
                {t('trendNow')}
              </th>
              <th scope="col" class="num">
                {t('trendPreviousChange')}
              </th>
              <th scope="col" class="num">
                {t('trendCurrentChange')}
              </th>
            </tr>
          </thead>
          <tbody>
            {tr.comparison.map((c) => (
              <tr key={c.metric} data-metric={c.metric}>
                <th scope="row">{ui.l(c.label)}</th>
                <td class="num">{fmt(c.metric, c.atPreviousStart)}</td>
                <td class="num">{fmt(c.metric, c.atStart)}</td>
                <td class="num">{fmt(c.metric, c.now)}</td>
                <td class={cls(c.previousChange)} data-testid="previous-change">
                  {delta(c.metric, c.previousChange)}
                </td>
                <td class={cls(c.currentChange)} data-testid="current-change">
                  {delta(c.metric, c.currentChange)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Sub>{t('trendDistribution')}</Sub>
      <StageTimeline
        label={t('trendDistributionChart')}
        samples={names}
        slots={tr.distribution.map((d) => ({ label: stage(d.slot), counts: d.counts }))}
      />
      <div class="table-wrap">
        <table class="table compact" data-testid="trend-distribution">
          <thead>
            <tr>
              <th scope="col">{t('stage')}</th>
              {names.map((n, i) => (
                <th key={i} scope="col" class={`num ${tr.samples[i]?.part === 'previous' ? 'muted' : ''}`}>
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {tr.distribution.map((d) => (
              <tr key={d.slot} data-slot={d.slot}>
                <th scope="row">{stage(d.slot)}</th>
                {d.counts.map((n, i) => (
                  <td key={i} class="num">
                    {tr.covered[i] ? n : '—'}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Sub>{t('trendAttainment')}</Sub>
      <div class="table-wrap">
        <table class="table compact" data-testid="trend-attainment">
          <thead>
            <tr>
              <th scope="col">{t('rep')}</th>
              <th scope="col">{t('trendLine')}</th>
              {names.map((n, i) => (
                <th key={i} scope="col" class="num">
                  {n}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr data-owner="team">
              <th scope="row">{t('trendTeam')}</th>
              <td>
                <Sparkline values={tr.attainment.team} label={t('trendAttainment')} />
              </td>
              {tr.attainment.team.map((v, i) => (
                <td key={i} class="num">
                  {formatShare(v, lang)}
                </td>
              ))}
            </tr>
            {tr.attainment.perRep.map((r) => {
              const name = props.view.repNames.get(r.ownerId) ?? '—';
              return (
                <tr key={r.ownerId ?? '-'} data-owner={r.ownerId ?? ''}>
                  <th scope="row">
                    <RepLink id={r.ownerId} name={name} />
                  </th>
                  <td>
                    <Sparkline values={r.values} label={`${name}: ${t('trendAttainment')}`} />
                  </td>
                  {r.values.map((v, i) => (
                    <td key={i} class="num">
                      {formatShare(v, lang)}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>

      <Sub>{t('trendKgi')}</Sub>
      <KgiPicker id="trend-kgi" value={kgi} onChange={setKgi} />
      {rows.length === 0 ? (
        <Empty>{t('noAccounts')}</Empty>
      ) : (
        <div class="table-wrap">
          <table class="table compact" data-testid="trend-kgis">
            <thead>
              <tr>
                <th scope="col">{t('account')}</th>
                <th scope="col">{t('trendLine')}</th>
                <th scope="col" class="num">
                  {t('trendAtStart')}
                </th>
                <th scope="col" class="num">
                  {t('trendNow')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shown).map((r) => {
                const name = props.view.accountNames.get(r.id) ?? r.id;
                const startIndex = tr.samples.findIndex((s) => s.part === 'current');
                return (
                  <tr key={r.id} data-account={r.id}>
                    <th scope="row">
                      <AccountLink id={r.id} name={name} />
                    </th>
                    <td>
                      <KgiLine name={name} kgi={kgi} values={r.values} samples={names} />
                    </td>
                    <td class="num">{kgiText(kgi, r.values[startIndex] ?? null, ui)}</td>
                    <td class="num">{kgiText(kgi, r.now, ui)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {rows.length > shown && (
            <button type="button" class="btn small" onClick={() => setShown(shown + ACCOUNT_ROWS)}>
              {t('showMore', { n: Math.min(ACCOUNT_ROWS, rows.length - shown) })}
            </button>
          )}
        </div>
      )}
    </>
  );
}
