/**
 * Stage movement in the period: a picture of advances and regressions per stage, the changes,
 * how long accounts stay at each stage, and the accounts stalled past their stage's threshold with
 * what they still miss.
 */
import type { PortfolioReport } from '../../../shared/portfolio/report';
import type { StalledAccount, StageMove } from '../../../shared/portfolio/movement';
import { formatCount, formatDay, formatLocalDate, formatShare } from '../../common/format';
import { MovementChart } from '../charts/movement-chart';
import { Empty, PanelFrame, Sub, type PanelProps } from '../ui/panel-frame';
import { SortableTable, type Column } from '../ui/sortable-table';
import { usePortfolioUi } from '../ui/ui-context';
import { offsetMinutes } from '../../../shared/model/time';
import { AccountLink, RepLink } from '../ui/links';

export function MovementPanel(props: PanelProps) {
  const { t } = usePortfolioUi();
  return (
    <PanelFrame id="movement" title={t('tabMovement')} state={props.state} onRetry={props.onRetry}>
      {(r) => (r.totals.accounts === 0 ? <Empty>{t('noAccounts')}</Empty> : <Movement report={r} />)}
    </PanelFrame>
  );
}

function Movement(props: { report: PortfolioReport }) {
  const { t, stage, lang, config, gap } = usePortfolioUi();
  const m = props.report.movement;
  const names = new Map(props.report.reps.map((r) => [r.id, r.name]));
  const accountAndOwner = accountAndOwnerColumns(t('account'), t('owner'), names);
  const offset = offsetMinutes(config.utcOffset);
  return (
    <>
      <Sub>{t('movement')}</Sub>
      <dl class="stats" data-testid="movement-stats">
        <div data-stat="advances">
          <dt>{t('advances')}</dt>
          <dd class="up">{m.advances}</dd>
        </div>
        <div data-stat="regressions">
          <dt>{t('regressions')}</dt>
          <dd class="down">{m.regressions}</dd>
        </div>
        <div data-stat="first">
          <dt>{t('firstAssessments')}</dt>
          <dd>{m.firstAssessments}</dd>
        </div>
      </dl>
      <MovementChart
        label={t('movementChart')}
        rows={m.byStage.map((s) => ({
          label: stage(s.slot),
          advanced: s.advancedInto,
          regressed: s.regressedInto,
        }))}
      />
      <Sub>{t('moves')}</Sub>
      {m.moves.length === 0 ? (
        <Empty>{t('noMoves')}</Empty>
      ) : (
        <SortableTable<StageMove>
          testId="moves-table"
          rows={m.moves}
          rowKey={(x) => `${x.accountId}-${x.at}`}
          initialSort={{ key: 'at', dir: 'desc' }}
          pageSize={50}
          columns={[
            {
              key: 'at',
              label: t('date'),
              value: (x) => x.at,
              render: (x) => formatDay(Date.parse(x.at), offset),
            },
            ...accountAndOwner,
            { key: 'from', label: t('from'), value: (x) => stage(x.from) },
            {
              key: 'to',
              label: t('to'),
              value: (x) => stage(x.to),
              render: (x) => (
                <span
                  class={x.direction === 'advance' ? 'up' : 'down'}
                >{`${x.direction === 'advance' ? '↑' : '↓'} ${stage(x.to)}`}</span>
              ),
            },
          ]}
        />
      )}
      <Sub>{t('dwell')}</Sub>
      <table class="table compact" data-testid="dwell-table">
        <thead>
          <tr>
            <th scope="col">{t('stage')}</th>
            <th scope="col" class="num">
              {t('completedStays')}
            </th>
            <th scope="col" class="num">
              {t('medianDays')}
            </th>
            <th scope="col" class="num">
              {t('currentAccounts')}
            </th>
            <th scope="col" class="num">
              {t('currentMedian')}
            </th>
          </tr>
        </thead>
        <tbody>
          {m.dwell.map((d) => (
            <tr key={d.slot} data-slot={d.slot}>
              <th scope="row">{stage(d.slot)}</th>
              <td class="num">{d.completedStays}</td>
              <td class="num">{formatCount(d.medianDays, lang)}</td>
              <td class="num">{d.current}</td>
              <td class="num">{formatCount(d.currentMedianDays, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Sub>{t('stalled')}</Sub>
      {m.stalled.length === 0 ? (
        <Empty>{t('noStalled')}</Empty>
      ) : (
        <SortableTable<StalledAccount>
          testId="stalled-table"
          rows={m.stalled}
          rowKey={(x) => x.accountId}
          pageSize={50}
          columns={[
            ...accountAndOwner,
            { key: 'stage', label: t('stage'), value: (x) => stage(x.stage) },
            {
              key: 'since',
              label: t('since'),
              value: (x) => x.since,
              render: (x) => formatLocalDate(x.since),
            },
            {
              key: 'days',
              label: t('days'),
              numeric: true,
              value: (x) => x.days,
              render: (x) => `${x.days} / ${x.stallDays}`,
            },
            {
              key: 'progress',
              label: t('progress'),
              numeric: true,
              value: (x) => x.progress,
              render: (x) => formatShare(x.progress, lang),
            },
            {
              key: 'missing',
              label: t('missing'),
              value: (x) => x.missing.length,
              render: (x) => (
                <ul class="plain small">
                  {x.missing.map((g) => (
                    <li key={g}>{gap(g)}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      )}
    </>
  );
}

/** The account and its owner, as links: the first columns of both the moves and the stalled tables. */
function accountAndOwnerColumns<R extends { accountId: string; accountName: string; ownerId: string | null }>(
  accountLabel: string,
  ownerLabel: string,
  names: Map<string | null, string>,
): Column<R>[] {
  return [
    {
      key: 'account',
      label: accountLabel,
      value: (x) => x.accountName,
      render: (x) => <AccountLink id={x.accountId} name={x.accountName} />,
    },
    {
      key: 'owner',
      label: ownerLabel,
      value: (x) => names.get(x.ownerId) ?? '',
      render: (x) => <RepLink id={x.ownerId} name={names.get(x.ownerId) ?? ''} />,
    },
  ];
}
