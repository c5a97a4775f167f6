/**
 * What the sync reads from each module, and how (DESIGN §8): COQL keyset pages where COQL can
 * return every field we need; GET records with If-Modified-Since where it cannot (Zoho's COQL does
 * not return Event Participants or subforms).
 */
import {
  accountInputFields,
  accountWrittenFields,
  activityInputFields,
  contactInputFields,
  dealInputFields,
  dealWrittenFields,
  stageHistoryInputFields,
} from '../../shared/crm-read/input-fields';
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { MirrorModule } from '../state/mirror';

export type ReadMethod = 'coql' | 'list';

export interface SyncStream {
  module: MirrorModule;
  method: ReadMethod;
  fields: string[];
}

/** Modules in the order they must be read: accounts and deals before what links to them. */
export function syncStreams(config: SalesProcessConfig): SyncStream[] {
  const f = config.fields;
  return [
    {
      module: 'accounts',
      method: 'coql',
      fields: [...accountInputFields(f), ...accountWrittenFields(f, config.kgis)],
    },
    {
      module: 'contacts',
      method: 'coql',
      fields: contactInputFields(f),
    },
    {
      module: 'deals',
      method: 'coql',
      fields: [...dealInputFields(f), ...dealWrittenFields(f)],
    },
    {
      module: 'tasks',
      method: 'coql',
      fields: [...activityInputFields(f, 'tasks'), f.activity.modifiedTime],
    },
    {
      module: 'events',
      method: 'list',
      fields: [...activityInputFields(f, 'events'), f.activity.modifiedTime],
    },
    {
      module: 'calls',
      method: 'coql',
      fields: [...activityInputFields(f, 'calls'), f.activity.modifiedTime],
    },
    {
      // The manager's view (stage movement) and each account's insight (a deal's role is fixed by the
      // stage when it was created): the same fields the widget reads.
      module: 'stageHistory',
      method: 'coql',
      fields: ['Name', ...stageHistoryInputFields(f), 'Modified_Time'],
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
        f.plan.deploymentPlan,
        f.plan.potentialMap,
        f.plan.updates,
        'Modified_Time',
      ],
    },
  ];
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
