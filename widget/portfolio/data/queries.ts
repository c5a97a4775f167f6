/**
 * The CRM reads of the manager's view, as data: COQL keyset pages of 2,000 rows (3 credits each;
 * OFFSET stops at 10,000 rows in v6, keyset on id does not — zoho-platform §3.5) over the fields the
 * roll-ups read. Deals are read in two streams the forecast needs — open ones, and ones won since
 * the first forecast quarter — so long-closed deals cost nothing. Pure.
 */
import type { SalesProcessConfig } from '../../../shared/config/schema';
import { KPI_KEYS, kgiFieldName, kpiFieldName } from '../../../shared/model/keys';
import type { LocalDate } from '../../../shared/model/types';
import { coqlId } from '../../account/data/queries';

type Fields = SalesProcessConfig['fields'];

/** Rows per COQL call: Zoho's maximum (v6), 3 credits. */
export const PAGE_ROWS = 2000;

export type Stream = 'accounts' | 'history' | 'openDeals' | 'wonDeals' | 'allDeals' | 'alerts' | 'snapshots';

/** An id range of a stream read in parallel parts (`id > after and id < before`), or its last page first (`desc`). */
export interface IdRange {
  beforeId?: string;
  desc?: boolean;
}

function select(
  fields: string[],
  from: string,
  where: string[],
  afterId: string | null,
  range: IdRange = {},
): string {
  const clauses = [
    ...where,
    ...(afterId === null ? [] : [`id > ${coqlId(afterId)}`]),
    ...(range.beforeId === undefined ? [] : [`id < ${coqlId(range.beforeId)}`]),
  ];
  // More than two criteria must be grouped in pairs: ((A and B) and C) (Zoho's COQL rule).
  const criteria =
    clauses.length === 0
      ? 'id is not null'
      : clauses.slice(1).reduce((acc, c) => `(${acc} and ${c})`, clauses[0] as string);
  return `select ${[...new Set(['id', ...fields])].join(', ')} from ${from} where ${criteria} order by id ${range.desc ? 'desc' : 'asc'} limit ${PAGE_ROWS}`;
}

/**
 * The account columns of the page load. `Account_Health_Parts` (the score's explanation, a third of
 * the answer's bytes at 10,000 accounts) is not among them: it is read for one account when its
 * parts are opened (`healthPartsQuery`).
 */
export function accountFields(config: SalesProcessConfig): string[] {
  const a = config.fields.account;
  return [
    a.name,
    a.owner,
    a.parent,
    a.industry,
    a.isTargetAccount,
    a.reading,
    a.relationshipStage,
    a.stageSince,
    a.stageProgress,
    a.nextStageGaps,
    a.insightUpdatedAt,
    a.healthScore,
    ...KPI_KEYS.map((k) => kpiFieldName(k, a.kpiPrefix)),
    ...config.kgis.map((k) => kgiFieldName(k, a)),
  ];
}

function dealFields(f: Fields): string[] {
  const d = f.deal;
  return [
    d.name,
    d.account,
    d.owner,
    d.stage,
    d.amount,
    d.closingDate,
    d.probability,
    d.buyingStage,
    d.forecastRisk,
  ];
}

/** One account's health parts (a 1-credit read: LIMIT 1). */
export function healthPartsQuery(config: SalesProcessConfig, accountId: string): string {
  const a = config.fields.account;
  return `select id, ${a.healthParts} from ${config.fields.modules.accounts} where id = ${coqlId(accountId)} limit 1`;
}

/** A COQL text literal; null when the value cannot be quoted safely (the caller reads unfiltered). */
function literal(value: string): string | null {
  return /['\\]/.test(value) ? null : `'${value}'`;
}

/**
 * The query of one page of a stream after `afterId` (null = the first page). `wonSince` is the first
 * day of the current fiscal quarter: won deals before it are in no forecast bucket.
 */
export function streamQuery(
  config: SalesProcessConfig,
  stream: Stream,
  afterId: string | null,
  wonSince: LocalDate,
  range: IdRange = {},
): string {
  const f = config.fields;
  switch (stream) {
    case 'accounts':
      return select(accountFields(config), f.modules.accounts, [], afterId, range);
    case 'history': {
      const h = f.stageHistory;
      return select([h.account, h.from, h.to, h.changedAt], f.modules.stageHistory, [], afterId, range);
    }
    case 'alerts': {
      // the service's open alert tasks (server/sync/alerts.ts): who has what to act on
      const t = f.task;
      const closed = [config.alerts.closedStatus, ...config.values.taskCompletedStatuses].map(literal);
      const where = [`${t.alertKey} is not null`];
      if (closed.every((c) => c !== null))
        where.push(`${t.status} not in (${[...new Set(closed)].join(', ')})`);
      return select([t.alertKey, t.status, f.activity.what], f.modules.tasks, where, afterId);
    }
    case 'snapshots':
      throw new Error('snapshots are read with snapshotQuery (they need the months)');
    case 'allDeals':
      return select(dealFields(f), f.modules.deals, [], afterId);
    case 'openDeals': {
      const closed = [...config.dealOutcomes.won, ...config.dealOutcomes.lost].map(literal);
      return select(
        dealFields(f),
        f.modules.deals,
        [`${f.deal.stage} not in (${closed.join(', ')})`],
        afterId,
      );
    }
    case 'wonDeals': {
      const won = config.dealOutcomes.won.map(literal);
      return select(
        dealFields(f),
        f.modules.deals,
        [`${f.deal.stage} in (${won.join(', ')})`, `${f.deal.closingDate} >= '${wonSince}'`],
        afterId,
      );
    }
  }
}

/**
 * One page of the snapshot anchors of some months (ESM_Snapshots, shared/portfolio/trends.ts): the
 * trends read only these, never the daily change rows. `months` are `YYYY-MM` (≤ 50: COQL's `in`).
 */
export function snapshotQuery(config: SalesProcessConfig, months: string[], afterId: string | null): string {
  const s = config.fields.snapshot;
  const a = config.fields.account;
  const list = months.filter((m) => /^\d{4}-\d{2}$/.test(m)).slice(0, 50);
  if (list.length === 0) throw new Error('snapshotQuery: no month to read');
  return select(
    [
      s.account,
      s.date,
      s.month,
      s.stage,
      s.health,
      s.kpisMet,
      s.kpiTargets,
      'Owner',
      ...config.kgis.map((k) => kgiFieldName(k, a)),
    ],
    config.fields.modules.snapshots,
    [`${s.month} in (${list.map((m) => `'${m}'`).join(', ')})`],
    afterId,
  );
}

/**
 * The deal streams to read: open and recently won, or every deal when a stage value cannot be
 * quoted in COQL or there are more than COQL's 50 `in` values.
 */
export function dealStreams(config: SalesProcessConfig): Stream[] {
  const closed = [...config.dealOutcomes.won, ...config.dealOutcomes.lost];
  const quotable = closed.every((v) => literal(v) !== null);
  return quotable && closed.length <= 50 ? ['openDeals', 'wonDeals'] : ['allDeals'];
}
