/**
 * KPI roll-ups: per stage, the share of accounts meeting each KPI target of that stage; per rep,
 * the share of all their accounts' targets met, and per KPI.
 */
import { METRIC_LABELS } from '../../../shared/i18n/labels';
import { RATIO_KPIS, type KpiKey } from '../../../shared/model/keys';
import type { PortfolioReport } from '../../../shared/portfolio/report';
import { formatCount, formatShare } from '../../common/format';
import { Empty, PanelFrame, Sub, type PanelProps } from '../ui/panel-frame';
import { usePortfolioUi } from '../ui/ui-context';
import { RepLink } from '../ui/links';

export function KpiPanel(props: PanelProps) {
  const { t } = usePortfolioUi();
  return (
    <PanelFrame id="kpi" title={t('tabKpi')} state={props.state} onRetry={props.onRetry}>
      {(r) => (r.kpis.computed === 0 ? <Empty>{t('noKpiData')}</Empty> : <Kpis report={r} />)}
    </PanelFrame>
  );
}

function ShareCell(props: { share: number | null; met: number; of: number }) {
  const { lang } = usePortfolioUi();
  const v = props.share ?? 0;
  return (
    <td class="num share-cell" title={`${props.met} / ${props.of}`}>
      <span class="share-bar" style={{ width: `${Math.round(v * 100)}%` }} aria-hidden="true" />
      <span class="share-text">{props.share == null ? '—' : formatShare(props.share, lang)}</span>
    </td>
  );
}

function Kpis(props: { report: PortfolioReport }) {
  const { t, l, lang, stage, paren } = usePortfolioUi();
  const k = props.report.kpis;
  const names = new Map(props.report.reps.map((r) => [r.id, r.name]));
  const target = (kpi: KpiKey, v: number) =>
    RATIO_KPIS.has(kpi) ? formatShare(v, lang) : formatCount(v, lang);
  const keys = k.byKpi.map((x) => x.kpi);
  return (
    <>
      {k.notComputed > 0 && <p class="note warn">{t('notComputed', { n: k.notComputed })}</p>}
      <Sub>{t('kpiByStage')}</Sub>
      <div class="kpi-stages">
        {k.byStage
          .filter((s) => s.accounts > 0)
          .map((s) => (
            <table key={s.slot} class="table compact" data-testid="kpi-stage" data-slot={s.slot}>
              <caption>{paren(stage(s.slot), String(s.accounts))}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('kpi')}</th>
                  <th scope="col" class="num">
                    {t('target')}
                  </th>
                  <th scope="col" class="num">
                    {t('met')}
                  </th>
                  <th scope="col" class="num">
                    {t('share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {s.kpis.map((x) => (
                  <tr key={x.kpi} data-kpi={x.kpi}>
                    <th scope="row">{l(METRIC_LABELS[x.kpi])}</th>
                    <td class="num">{target(x.kpi, x.target)}</td>
                    <td class="num">{`${x.met} / ${x.accounts}`}</td>
                    <ShareCell share={x.share} met={x.met} of={x.accounts} />
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </div>
      <Sub>{t('kpiPerRep')}</Sub>
      <div class="table-wrap">
        <table class="table compact" data-testid="kpi-reps">
          <thead>
            <tr>
              <th scope="col">{t('rep')}</th>
              <th scope="col" class="num">
                {t('overall')}
              </th>
              {keys.map((kpi) => (
                <th key={kpi} scope="col" class="num">
                  {l(METRIC_LABELS[kpi])}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {k.perRep.map((p) => {
              const by = new Map(p.kpis.map((x) => [x.kpi, x]));
              return (
                <tr key={p.ownerId ?? '-'} data-owner={p.ownerId ?? ''}>
                  <th scope="row">
                    <RepLink id={p.ownerId} name={names.get(p.ownerId) ?? '—'} />
                  </th>
                  <ShareCell share={p.share} met={p.met} of={p.targets} />
                  {keys.map((kpi) => {
                    const x = by.get(kpi);
                    return x ? (
                      <ShareCell key={kpi} share={x.share} met={x.met} of={x.accounts} />
                    ) : (
                      <td key={kpi} class="num muted">
                        —
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
