/**
 * Activity balance per rep: deal-advancing vs relationship-deepening, each rep's bar against the
 * share their accounts' stages recommend (the mark).
 */
import { VERDICT_LABELS } from '../../../shared/portfolio/labels';
import type { ActivityBalance } from '../../../shared/portfolio/activity';
import type { PortfolioReport } from '../../../shared/portfolio/report';
import { formatShare } from '../../common/format';
import { Empty, PanelFrame, Sub, type PanelProps } from '../ui/panel-frame';
import { usePortfolioUi } from '../ui/ui-context';
import { RepLink } from '../ui/links';

export function ActivityPanel(props: PanelProps) {
  const { t } = usePortfolioUi();
  return (
    <PanelFrame id="activity" title={t('tabActivity')} state={props.state} onRetry={props.onRetry}>
      {(r) => (r.activity.team.accounts === 0 ? <Empty>{t('noKpiData')}</Empty> : <Balance report={r} />)}
    </PanelFrame>
  );
}

function Balance(props: { report: PortfolioReport }) {
  const { t, config } = usePortfolioUi();
  const names = new Map(props.report.reps.map((r) => [r.id, r.name]));
  const a = props.report.activity;
  return (
    <>
      <Sub>{t('activityTitle', { days: config.windows.kpiWindowDays })}</Sub>
      <p class="muted small">{t('activityNote')}</p>
      <table class="table" data-testid="activity-table">
        <thead>
          <tr>
            <th scope="col">{t('rep')}</th>
            <th scope="col" class="num">
              {t('withActivity')}
            </th>
            <th scope="col">{`${t('dealWork')} ／ ${t('relationshipWork')}`}</th>
            <th scope="col" class="num">
              {t('recommended')}
            </th>
            <th scope="col">{t('verdict')}</th>
          </tr>
        </thead>
        <tbody>
          <Row name={t('team')} b={a.team} id="team" />
          {a.perRep.map((p) => (
            <Row key={p.ownerId ?? '-'} name={names.get(p.ownerId) ?? '—'} b={p} id={p.ownerId ?? ''} />
          ))}
        </tbody>
      </table>
    </>
  );
}

function Row(props: { name: string; b: ActivityBalance; id: string }) {
  const { t, l, lang } = usePortfolioUi();
  const { b } = props;
  const rel = b.relationshipShare;
  const tone = b.verdict === 'balanced' ? 'ok' : b.verdict === 'no_data' ? 'muted' : 'warn';
  return (
    <tr data-owner={props.id} data-verdict={b.verdict}>
      <th scope="row">
        {props.id === 'team' || props.id === '' ? props.name : <RepLink id={props.id} name={props.name} />}
      </th>
      <td class="num">{`${b.withActivity} / ${b.accounts}`}</td>
      <td>
        {rel == null ? (
          '—'
        ) : (
          <div
            class="mix"
            role="img"
            aria-label={`${t('dealWork')} ${formatShare(1 - rel, lang)}, ${t('relationshipWork')} ${formatShare(rel, lang)}`}
          >
            <span class="mix-deal" style={{ width: `${(1 - rel) * 100}%` }}>
              {formatShare(1 - rel, lang)}
            </span>
            <span class="mix-rel" style={{ width: `${rel * 100}%` }}>
              {formatShare(rel, lang)}
            </span>
            {b.recommendedShare != null && (
              <span class="mix-mark" style={{ right: `${b.recommendedShare * 100}%` }} />
            )}
          </div>
        )}
      </td>
      <td class="num">{formatShare(b.recommendedShare, lang)}</td>
      <td>
        <span class={`badge badge-${tone}`}>{l(VERDICT_LABELS[b.verdict])}</span>
      </td>
    </tr>
  );
}
