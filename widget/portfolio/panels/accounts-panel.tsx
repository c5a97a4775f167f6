/**
 * The accounts in view as a sortable table, exported as CSV (a download, or a copy when the CRM
 * frame does not allow downloads), with each account's KGI over the chosen period and the previous
 * one as a sparkline (the Trends tab's snapshot read: a placeholder until it is in).
 */
import { useState } from 'preact/hooks';
import { METRIC_LABELS } from '../../../shared/i18n/labels';
import type { KgiKey } from '../../../shared/model/keys';
import type { AccountRow } from '../../../shared/portfolio/accounts';
import { accountsCsv, accountsTsv } from '../../../shared/portfolio/csv';
import type { PortfolioReport } from '../../../shared/portfolio/report';
import type { AsyncState } from '../../common/async-state';
import { copyText, downloadText } from '../../common/browser';
import { formatLocalDate, formatMoney, formatShare } from '../../common/format';
import { Empty, PanelFrame, type PanelProps } from '../ui/panel-frame';
import { SortableTable } from '../ui/sortable-table';
import { usePortfolioUi } from '../ui/ui-context';
import { HealthCell } from '../ui/health-cell';
import { AccountLink, RepLink } from '../ui/links';
import { KgiLine, KgiPicker, sampleNames } from '../ui/kgi-trend';
import type { TrendsView } from './trends-panel';

export function AccountsPanel(props: PanelProps & { trends?: AsyncState<TrendsView> }) {
  const { t } = usePortfolioUi();
  const title =
    props.state.status === 'ready'
      ? t('accountsTitle', { n: props.state.data.accounts.length })
      : t('tabAccounts');
  return (
    <PanelFrame id="accounts" title={title} state={props.state} onRetry={props.onRetry}>
      {(r) =>
        r.accounts.length === 0 ? (
          <Empty>{t('noAccounts')}</Empty>
        ) : (
          <Accounts report={r} trends={props.trends} />
        )
      }
    </PanelFrame>
  );
}

type CopyState = 'idle' | 'copied' | 'failed';

function Accounts(props: { report: PortfolioReport; trends?: AsyncState<TrendsView> | undefined }) {
  const ui = usePortfolioUi();
  const { t, lang, config, stage, guidance } = ui;
  const [copy, setCopy] = useState<{ state: CopyState; text: string }>({ state: 'idle', text: '' });
  // KGI sparklines: the samples of the chosen period and the previous one; sorted by the change
  // since the chosen period's start
  const [kgi, setKgi] = useState<KgiKey | undefined>(config.kgis[0]);
  const trendState = kgi ? props.trends?.status : undefined;
  const tr = props.trends?.status === 'ready' ? props.trends.data.trends : null;
  const names = tr ? sampleNames(tr, ui) : [];
  const start = tr ? tr.samples.findIndex((s) => s.part === 'current') : -1;
  const series = (id: string) => (kgi && tr?.accountKgis[id]?.[kgi]) || [];
  const change = (id: string) => {
    const v = series(id);
    const from = v[start];
    const now = v[v.length - 1];
    return from == null || now == null ? null : now - from;
  };
  const csv = () => `\uFEFF${accountsCsv(props.report.accounts, config, lang)}`; // BOM: Excel reads UTF-8
  const file = `portfolio-${props.report.period.endDate}.csv`;
  const money = (n: number | null) => formatMoney(n, config.currency, lang);
  return (
    <>
      <div class="toolbar">
        <button
          type="button"
          class="btn"
          data-testid="csv-download"
          onClick={() => downloadText(file, csv(), 'text/csv')}
        >
          {t('exportCsv')}
        </button>
        <button
          type="button"
          class="btn"
          data-testid="csv-copy"
          onClick={() => {
            const text = accountsTsv(props.report.accounts, config, lang);
            void copyText(text).then((ok) => setCopy({ state: ok ? 'copied' : 'failed', text }));
          }}
        >
          {t('copyCsv')}
        </button>
        {trendState && <KgiPicker id="accounts-kgi" value={kgi as KgiKey} onChange={setKgi} />}
        {copy.state === 'copied' && (
          <span class="save-status ok" role="status">
            {t('copied')}
          </span>
        )}
      </div>
      <p class="muted small">{t('csvHint')}</p>
      {trendState === 'error' && <p class="note warn">{t('kgiTrendFailed')}</p>}
      {copy.state === 'failed' && (
        <div role="alert">
          <p class="small">{t('copyFailed')}</p>
          <textarea class="csv-fallback" readOnly rows={6} value={copy.text} data-testid="csv-text" />
        </div>
      )}
      <SortableTable<AccountRow>
        testId="accounts-table"
        rows={props.report.accounts}
        rowKey={(a) => a.id}
        rowAttrs={(a) => ({ 'data-account': a.id, 'data-slot': a.stage ?? '' })}
        columns={[
          {
            key: 'name',
            label: t('account'),
            value: (a) => a.name,
            render: (a) => <AccountLink id={a.id} name={a.name} />,
          },
          {
            key: 'owner',
            label: t('owner'),
            value: (a) => a.ownerName,
            render: (a) => <RepLink id={a.ownerId} name={a.ownerName} />,
          },
          { key: 'industry', label: t('industry'), value: (a) => a.industry },
          { key: 'stage', label: t('stage'), value: (a) => stage(a.stage) },
          { key: 'since', label: t('since'), value: (a) => a.since, render: (a) => formatLocalDate(a.since) },
          {
            key: 'days',
            label: t('days'),
            numeric: true,
            value: (a) => a.daysInStage,
            render: (a) => (
              <span class={a.stalled ? 'badge badge-warn' : undefined}>
                {a.daysInStage == null ? '—' : String(a.daysInStage)}
              </span>
            ),
          },
          {
            key: 'health',
            label: t('health'),
            numeric: true,
            value: (a) => a.health,
            render: (a) => <HealthCell row={a} />,
          },
          {
            key: 'progress',
            label: t('progress'),
            numeric: true,
            value: (a) => a.progress,
            render: (a) => formatShare(a.progress, lang),
          },
          {
            key: 'kpis',
            label: t('kpisMet'),
            numeric: true,
            value: (a) => (a.kpiTargets ? (a.kpisMet ?? 0) / a.kpiTargets : null),
            render: (a) => (a.kpiTargets == null ? '—' : `${a.kpisMet ?? 0} / ${a.kpiTargets}`),
          },
          ...(trendState
            ? [
                {
                  key: 'kgiTrend',
                  label: t('kgiTrendColumn', { kgi: ui.l(METRIC_LABELS[kgi as KgiKey]) }),
                  value: (a: AccountRow) => change(a.id),
                  render: (a: AccountRow) =>
                    tr ? (
                      <KgiLine name={a.name} kgi={kgi as KgiKey} values={series(a.id)} samples={names} />
                    ) : trendState === 'error' ? (
                      '—'
                    ) : (
                      <span class="muted" data-testid="kgi-trend-pending" aria-label={t('loading')}>
                        …
                      </span>
                    ),
                },
              ]
            : []),
          {
            key: 'mix',
            label: t('relationshipWork'),
            numeric: true,
            value: (a) => a.relationshipShare,
            render: (a) =>
              `${formatShare(a.relationshipShare, lang)} / ${formatShare(a.recommendedShare, lang)}`,
          },
          { key: 'open', label: t('openDeals'), numeric: true, value: (a) => a.openDeals },
          {
            key: 'buyer',
            label: t('pipeline'),
            numeric: true,
            value: (a) => a.buyerWeighted,
            render: (a) => money(a.buyerWeighted),
          },
          {
            key: 'seller',
            label: t('sellerWay'),
            numeric: true,
            value: (a) => a.sellerWeighted,
            render: (a) => money(a.sellerWeighted),
          },
          {
            key: 'guidance',
            label: t('guidance'),
            value: (a) => a.guidance.map(guidance).join(' / '),
            render: (a) => (
              <ul class="plain small">
                {a.guidance.map((g) => (
                  <li key={g} data-code={g}>
                    {guidance(g)}
                  </li>
                ))}
              </ul>
            ),
          },
        ]}
      />
    </>
  );
}
