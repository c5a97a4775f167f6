/**
 * Potential map (DOMAIN §3.4): where the customer's spend is (segment × offering) and how much of it
 * we have; whitespace highlighted. The rows are the plan's `Potential_Map` subform, editable below.
 */
import { METRIC_LABELS } from '../../../shared/i18n/labels';
import { formatMoney } from '../../common/format';
import { potentialGrid } from '../data/potential-grid';
import type { PlanChange } from '../data/writes';
import { MetricValue } from '../ui/metric-value';
import { Empty, PanelFrame, type PanelProps } from '../ui/panel-frame';
import { useUi } from '../ui/ui-context';
import { PotentialEditor } from './potential-editor';

export function PotentialMapPanel(props: PanelProps & { onSave: (change: PlanChange) => Promise<void> }) {
  const { t, l } = useUi();
  return (
    <PanelFrame id="potential" title={t('tabPotential')} state={props.state} onRetry={props.onRetry}>
      {(view) => {
        const rows = view.plan?.potentialMap ?? [];
        return (
          <div class="potential">
            {rows.length === 0 ? <Empty>{t('noPotential')}</Empty> : <Grid rows={rows} />}
            <p class="row-between">
              <span>
                {l(METRIC_LABELS.share_of_wallet)} <span class="muted small">{t('sowFromMap')}</span>
              </span>
              <strong data-testid="share-of-wallet">
                <MetricValue metric="share_of_wallet" value={view.insight.kgis.share_of_wallet ?? null} />
              </strong>
            </p>
            {view.insight.kgis.share_of_wallet == null && (
              <p class="muted small" data-testid="sow-needs-map">
                {t('sowNeedsMap')}
              </p>
            )}
            <PotentialEditor
              accountId={view.insight.accountId}
              planRecord={view.planRecord}
              onSave={props.onSave}
            />
          </div>
        );
      }}
    </PanelFrame>
  );
}

function Grid(props: { rows: Parameters<typeof potentialGrid>[0] }) {
  const { t, lang, config } = useUi();
  const grid = potentialGrid(props.rows);
  const money = (n: number) => formatMoney(n, config.currency, lang);
  return (
    <div class="scroll-x">
      <table class="grid potential-grid" data-testid="potential-grid">
        <thead>
          <tr>
            <th scope="col">{t('segment')}</th>
            {grid.offerings.map((o) => (
              <th scope="col" key={o}>
                {o}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.segments.map((s) => (
            <tr key={s}>
              <th scope="row">{s}</th>
              {grid.offerings.map((o) => {
                const c = grid.cells.get(s)?.get(o);
                if (!c) return <td key={o} class="cell-none" />;
                return (
                  <td key={o} class={`cell-${c.state}`} data-state={c.state}>
                    <span class="num">{money(c.current)}</span>
                    <span class="muted small"> / {money(c.potential)}</span>
                    {c.state === 'whitespace' && <span class="tag">{t('whitespace')}</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('totalPotential')}</th>
            <td colSpan={Math.max(1, grid.offerings.length)}>
              <span class="num">{money(grid.totalCurrent)}</span>
              <span class="muted small"> / {money(grid.totalPotential)}</span>
            </td>
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
