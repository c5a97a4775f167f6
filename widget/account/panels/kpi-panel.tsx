/**
 * KPIs of the current stage, actual vs target over the KPI window, and the KGIs the config keeps
 * (DOMAIN §6). Values come from the engine; this only lays them out.
 */
import { METRIC_LABELS } from '../../../shared/i18n/labels';
import type { KpiKey } from '../../../shared/model/keys';
import { formatMoney, formatShare } from '../../common/format';
import { Badge } from '../ui/bits';
import { MetricValue } from '../ui/metric-value';
import { Empty, PanelFrame, type PanelProps } from '../ui/panel-frame';
import { useUi } from '../ui/ui-context';

export function KpiPanel(props: PanelProps) {
  const { t, l, config } = useUi();
  return (
    <PanelFrame id="kpi" title={t('tabKpi')} state={props.state} onRetry={props.onRetry}>
      {(view) => {
        const targets = Object.entries(view.insight.targets) as [
          KpiKey,
          { target: number; actual: number | null; met: boolean },
        ][];
        return (
          <div class="kpi">
            <h3 class="sub">{t('kpisOfStage', { days: String(config.windows.kpiWindowDays) })}</h3>
            {targets.length === 0 ? (
              <Empty>{t('noTargets')}</Empty>
            ) : (
              <table class="grid" data-testid="kpi-table">
                <thead>
                  <tr>
                    <th scope="col">{t('kpi')}</th>
                    <th scope="col" class="num">
                      {t('actual')}
                    </th>
                    <th scope="col" class="num">
                      {t('target')}
                    </th>
                    <th scope="col">
                      <span class="sr-only">{t('met')}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {targets.map(([key, v]) => (
                    <tr key={key} data-kpi={key}>
                      <th scope="row">{l(METRIC_LABELS[key])}</th>
                      <td class="num" data-testid="kpi-actual">
                        <MetricValue metric={key} value={v.actual} />
                      </td>
                      <td class="num" data-testid="kpi-target">
                        <MetricValue metric={key} value={v.target} />
                      </td>
                      <td>
                        <Badge tone={v.met ? 'ok' : 'warn'}>{v.met ? t('met') : t('notMet')}</Badge>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {config.kgis.length > 0 && (
              <>
                <h3 class="sub">{t('kgis')}</h3>
                <dl class="kgis" data-testid="kgis">
                  {config.kgis.map((key) => (
                    <div key={key} class="kgi" data-kgi={key}>
                      <dt>{l(METRIC_LABELS[key])}</dt>
                      <dd>
                        <MetricValue metric={key} value={view.insight.kgis[key] ?? null} />
                      </dd>
                      <KgiTargetNote target={view.insight.kgiTargets[key]} metric={key} />
                    </div>
                  ))}
                </dl>
              </>
            )}
          </div>
        );
      }}
    </PanelFrame>
  );
}

function KgiTargetNote(props: { metric: string; target: { target: number; met: boolean } | undefined }) {
  const { t, lang, config } = useUi();
  if (!props.target) return null;
  const { target, met } = props.target;
  const text =
    props.metric === 'share_of_wallet'
      ? formatShare(target, lang)
      : formatMoney(target, config.currency, lang);
  return (
    <dd class="kgi-target" data-testid="kgi-target">
      <span class="muted small">{t('kgiTarget', { target: text })}</span>{' '}
      <Badge tone={met ? 'ok' : 'warn'}>{met ? t('met') : t('notMet')}</Badge>
    </dd>
  );
}
