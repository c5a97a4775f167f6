/**
 * The forecast two ways by quarter: the customer's buying stage against Zoho's stage probability,
 * the gap, and the deals behind it with their premature-action flags.
 */
import type { ForecastBucket, GapDeal } from '../../../shared/portfolio/forecast';
import { GAP_REASON_LABELS, riskLabel } from '../../../shared/portfolio/labels';
import type { PortfolioReport } from '../../../shared/portfolio/report';
import { formatMoney, formatShare } from '../../common/format';
import { ForecastChart } from '../charts/forecast-chart';
import { Empty, PanelFrame, Sub, type PanelProps } from '../ui/panel-frame';
import { SortableTable } from '../ui/sortable-table';
import { usePortfolioUi } from '../ui/ui-context';
import { AccountLink, RecordLink, RepLink } from '../ui/links';

export function ForecastPanel(props: PanelProps) {
  const { t } = usePortfolioUi();
  return (
    <PanelFrame id="forecast" title={t('tabForecast')} state={props.state} onRetry={props.onRetry}>
      {(r) => <Forecast report={r} />}
    </PanelFrame>
  );
}

function Forecast(props: { report: PortfolioReport }) {
  const { t, l, lang, config, paren } = usePortfolioUi();
  const f = props.report.forecast;
  const money = (n: number) => formatMoney(n, config.currency, lang);
  const buckets: ForecastBucket[] = [...(f.overdue.deals > 0 ? [f.overdue] : []), ...f.quarters];
  const buying = (k: GapDeal['buyingStage']) => {
    const b = config.buyingStages.find((x) => x.key === k);
    return b ? l(b.label) : l(GAP_REASON_LABELS.unmapped);
  };
  return (
    <>
      <Sub>{t('forecastTitle')}</Sub>
      <ForecastChart
        label={t('forecastChart')}
        currency={config.currency}
        lang={lang}
        legend={{ buyer: t('buyerWay'), seller: t('sellerWay'), booked: t('booked') }}
        bars={buckets.map((b) => ({
          label: l(b.label),
          booked: b.booked,
          buyer: b.buyerWeighted,
          seller: b.sellerWeighted,
        }))}
      />
      <div class="table-wrap">
        <table class="table compact" data-testid="forecast-table">
          <thead>
            <tr>
              <th scope="col">{t('quarter')}</th>
              <th scope="col" class="num">
                {t('openDeals')}
              </th>
              <th scope="col" class="num">
                {t('openAmount')}
              </th>
              <th scope="col" class="num">
                {t('booked')}
              </th>
              <th scope="col" class="num">
                {t('buyerWay')}
              </th>
              <th scope="col" class="num">
                {t('sellerWay')}
              </th>
              <th scope="col" class="num">
                {t('gap')}
              </th>
            </tr>
          </thead>
          <tbody>
            {[...buckets, f.total].map((b) => (
              <tr key={b.key} data-bucket={b.key} class={b.key === 'total' ? 'total-row' : undefined}>
                <th scope="row">{l(b.label)}</th>
                <td class="num">{b.deals}</td>
                <td class="num">{money(b.openAmount)}</td>
                <td class="num">{money(b.booked)}</td>
                <td class="num" data-testid="buyer-total">
                  {money(b.buyerTotal)}
                </td>
                <td class="num" data-testid="seller-total">
                  {money(b.sellerTotal)}
                </td>
                <td class={`num ${b.gap > 0 ? 'down' : ''}`}>{money(b.gap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {f.unmapped > 0 && <p class="note warn">{t('unmappedDeals', { n: f.unmapped })}</p>}
      {f.undated + f.later > 0 && (
        <p class="muted small">{t('outsideHorizon', { undated: f.undated, later: f.later })}</p>
      )}
      <Sub>{t('gapDeals')}</Sub>
      {f.gapDeals.length === 0 ? (
        <Empty>{t('noGapDeals')}</Empty>
      ) : (
        <>
          {f.gapDealsTotal > f.gapDeals.length && (
            <p class="muted small">
              {t('gapDealsMore', { shown: f.gapDeals.length, total: f.gapDealsTotal })}
            </p>
          )}
          <SortableTable<GapDeal>
            testId="gap-deals"
            rows={f.gapDeals}
            rowKey={(d) => d.dealId}
            pageSize={50}
            columns={[
              {
                key: 'deal',
                label: t('deal'),
                value: (d) => d.name,
                render: (d) => <RecordLink entity="Deals" id={d.dealId} name={d.name} />,
              },
              {
                key: 'account',
                label: t('account'),
                value: (d) => d.accountName,
                render: (d) => <AccountLink id={d.accountId} name={d.accountName} />,
              },
              {
                key: 'owner',
                label: t('owner'),
                value: (d) => d.ownerName,
                render: (d) => <RepLink id={d.ownerId} name={d.ownerName} />,
              },
              {
                key: 'amount',
                label: t('amount'),
                numeric: true,
                value: (d) => d.amount,
                render: (d) => money(d.amount),
              },
              {
                key: 'zoho',
                label: t('zohoStage'),
                value: (d) => d.zohoStage,
                render: (d) => paren(d.zohoStage ?? '—', formatShare(d.sellerProbability, lang)),
              },
              {
                key: 'buying',
                label: t('buyingStage'),
                value: (d) => buying(d.buyingStage),
                render: (d) => paren(buying(d.buyingStage), formatShare(d.buyerProbability, lang)),
              },
              {
                key: 'gap',
                label: t('gap'),
                numeric: true,
                value: (d) => d.gap,
                render: (d) => money(d.gap),
              },
              {
                key: 'reason',
                label: t('reason'),
                value: (d) => l(GAP_REASON_LABELS[d.reason]),
                render: (d) => (
                  <>
                    <span class={`badge badge-${d.reason === 'premature' ? 'danger' : 'warn'}`}>
                      {l(GAP_REASON_LABELS[d.reason])}
                    </span>
                    {d.risks.length > 0 && (
                      <ul class="plain small">
                        {d.risks.map((r) => (
                          <li key={r.code + r.text} data-risk={r.code}>
                            {riskLabel(r, config, lang)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </>
                ),
              },
            ]}
            initialSort={{ key: 'gap', dir: 'desc' }}
          />
        </>
      )}
    </>
  );
}
