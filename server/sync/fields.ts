/**
 * What the sync reads from each module, and how (DESIGN §8): COQL keyset pages where COQL can
 * return every field we need; GET records with If-Modified-Since where it cannot (Zoho's COQL does
 * not return Event Participants or subforms).
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import { KPI_KEYS, kpiFieldName } from '../../shared/model/keys';
import type { MirrorModule } from '../state/mirror';

export type ReadMethod = 'coql' | 'list';

export interface ModuleRead {
  module: MirrorModule;
  method: ReadMethod;
  fields: string[];
}

/** Modules in the order they must be read: accounts and deals before what links to them. */
export function readPlan(config: SalesProcessConfig): ModuleRead[] {
  const f = config.fields;
  const a = f.account;
  const act = [f.activity.what, f.activity.who, f.activity.kind, f.activity.purpose];
  return [
    {
      module: 'accounts',
      method: 'coql',
      fields: [
        a.name,
        a.owner,
        a.parent,
        a.industry,
        a.customerSatisfaction,
        a.relationshipStage,
        a.stageSince,
        a.stageProgress,
        a.nextStageGaps,
        a.insightUpdatedAt,
        ...KPI_KEYS.map((k) => kpiFieldName(k, a.kpiPrefix)),
        ...kgiFields(config),
        'Modified_Time',
      ],
    },
    {
      module: 'contacts',
      method: 'coql',
      fields: [
        f.contact.account,
        f.contact.fullName,
        'First_Name',
        'Last_Name',
        f.contact.department,
        f.contact.title,
        f.contact.reportingTo,
        f.contact.buyingRole,
        f.contact.attitude,
        f.contact.influence,
        f.contact.isExecutive,
        'Modified_Time',
      ],
    },
    {
      module: 'deals',
      method: 'coql',
      fields: [
        f.deal.name,
        f.deal.account,
        f.deal.contact,
        f.deal.stage,
        f.deal.amount,
        f.deal.closingDate,
        f.deal.type,
        f.deal.probability,
        f.deal.createdTime,
        f.deal.owner,
        f.deal.buyingStage,
        f.deal.strategicRole,
        f.deal.priority,
        f.deal.forecastRisk,
        'Modified_Time',
      ],
    },
    {
      module: 'tasks',
      method: 'coql',
      fields: [f.task.subject, f.task.status, f.task.dueDate, f.task.closedTime, ...act, 'Modified_Time'],
    },
    {
      module: 'events',
      method: 'list',
      fields: [f.event.title, f.event.start, f.event.end, f.event.participants, ...act, 'Modified_Time'],
    },
    {
      module: 'calls',
      method: 'coql',
      fields: [f.call.subject, f.call.callType, f.call.start, f.call.purpose, ...act, 'Modified_Time'],
    },
    {
      // Read for the manager's view (stage movement); it is not an input of any insight.
      module: 'stageHistory',
      method: 'coql',
      fields: [
        'Name',
        f.stageHistory.account,
        f.stageHistory.from,
        f.stageHistory.to,
        f.stageHistory.changedAt,
        'Modified_Time',
      ],
    },
    {
      module: 'accountPlans',
      method: 'list',
      fields: [
        'Name',
        f.plan.account,
        f.plan.overview,
        f.plan.strategy,
        f.plan.issues,
        f.plan.group,
        f.plan.longTermActions,
        f.plan.shortTermActions,
        f.plan.potentialMap,
        f.plan.updates,
        'Modified_Time',
      ],
    },
  ];
}

export function kgiFields(config: SalesProcessConfig): string[] {
  const a = config.fields.account;
  const byKey = {
    annual_revenue: a.kgiAnnualRevenue,
    share_of_wallet: a.kgiShareOfWallet,
    fy_orders: a.kgiFyOrders,
    expansion_revenue: a.kgiExpansionRevenue,
  };
  return config.kgis.map((k) => byKey[k]);
}

/** A COQL datetime literal. Single quotes cannot appear in an ISO datetime, but be strict anyway. */
function literal(value: string): string {
  return `'${value.replace(/[^0-9T:+\-.Z]/g, '')}'`;
}

/**
 * One keyset page: rows after (time, id) in (Modified_Time, id) order. The first page of a run
 * starts at the cursor itself (`>=`), so a record saved in the same second as the cursor is not missed.
 */
export function keysetQuery(
  module: string,
  fields: string[],
  after: { time: string; id: string | null },
  limit: number,
): string {
  const where =
    after.id === null
      ? `Modified_Time >= ${literal(after.time)}`
      : `(Modified_Time > ${literal(after.time)} or (Modified_Time = ${literal(after.time)} and id > ${after.id.replace(/\D/g, '')}))`;
  return `select ${['id', ...new Set(fields)].join(', ')} from ${module} where ${where} order by Modified_Time asc, id asc limit ${limit}`;
}
