/**
 * Overview: the guidance and the open alerts first (where to steer; both come with the deals, the
 * second phase of the read), then the stage distribution — a picture of now
 * against the period start, the numbers, and each rep's mix.
 */
import type { PortfolioReport } from '../../../shared/portfolio/report';
import { formatCount } from '../../common/format';
import { RepStacks } from '../charts/rep-stacks';
import { StageBars } from '../charts/stage-bars';
import { Empty, PanelFrame, Sub, type PanelProps } from '../ui/panel-frame';
import { usePortfolioUi } from '../ui/ui-context';
import { AlertsList } from './alerts-list';
import { GuidanceList } from './guidance-list';
import { RepLink } from '../ui/links';

export function OverviewPanel(props: PanelProps & { dealsPending?: boolean }) {
  const { t } = usePortfolioUi();
  return (
    <PanelFrame id="overview" title={t('tabOverview')} state={props.state} onRetry={props.onRetry}>
      {(r) => (
        <>
          {props.dealsPending ? (
            <p class="muted small" data-testid="guidance-pending" role="status">
              {t('dealsLoading')}
            </p>
          ) : (
            <>
              <GuidanceList report={r} />
              <AlertsList report={r} />
            </>
          )}
          {r.totals.accounts === 0 ? <Empty>{t('noAccounts')}</Empty> : <Distribution report={r} />}
        </>
      )}
    </PanelFrame>
  );
}

function Distribution(props: { report: PortfolioReport }) {
  const { t, lang, stage } = usePortfolioUi();
  const d = props.report.distribution;
  const change = (n: number) => (n > 0 ? `+${n}` : n === 0 ? '±0' : String(n));
  const names = new Map(props.report.reps.map((r) => [r.id, r.name]));
  return (
    <>
      <Sub>{t('distribution')}</Sub>
      <div class="split">
        <StageBars
          label={t('distributionChart')}
          rows={d.slots.map((s) => ({ label: stage(s.slot), now: s.now, atStart: s.atStart }))}
        />
        <table class="table compact" data-testid="distribution-table">
          <thead>
            <tr>
              <th scope="col">{t('stage')}</th>
              <th scope="col" class="num">
                {t('now')}
              </th>
              <th scope="col" class="num">
                {t('atStart')}
              </th>
              <th scope="col" class="num">
                {t('change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.slots.map((s) => (
              <tr key={s.slot} data-slot={s.slot}>
                <th scope="row">{stage(s.slot)}</th>
                <td class="num" data-testid="stage-now">
                  {formatCount(s.now, lang)}
                </td>
                <td class="num">{formatCount(s.atStart, lang)}</td>
                <td class={`num ${s.change > 0 ? 'up' : s.change < 0 ? 'down' : ''}`}>{change(s.change)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {d.unassessed > 0 && <p class="note warn">{t('unassessed', { n: d.unassessed })}</p>}
      {d.newSinceStart > 0 && <p class="muted small">{t('newSince', { n: d.newSinceStart })}</p>}
      <Sub>{t('perRep')}</Sub>
      <RepStacks
        label={t('perRepChart')}
        slotLabels={d.slots.map((s) => stage(s.slot))}
        reps={d.perRep.map((p) => ({ name: names.get(p.ownerId) ?? '—', counts: p.slots.map((s) => s.now) }))}
      />
      <div class="table-wrap">
        <table class="table compact" data-testid="rep-distribution">
          <thead>
            <tr>
              <th scope="col">{t('rep')}</th>
              {d.slots.map((s) => (
                <th key={s.slot} scope="col" class="num">
                  {stage(s.slot)}
                </th>
              ))}
              <th scope="col" class="num">
                {t('total')}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.perRep.map((p) => (
              <tr key={p.ownerId ?? '-'} data-owner={p.ownerId ?? ''}>
                <th scope="row">
                  <RepLink id={p.ownerId} name={names.get(p.ownerId) ?? '—'} />
                </th>
                {p.slots.map((s) => (
                  <td key={s.slot} class="num" title={`${t('atStart')}: ${s.atStart}`}>
                    {s.now || ''}
                    {s.change !== 0 && (
                      <span class={`delta ${s.change > 0 ? 'up' : 'down'}`}> {change(s.change)}</span>
                    )}
                  </td>
                ))}
                <td class="num">{p.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
