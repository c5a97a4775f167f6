/**
 * One account page's CRM reads → a DESIGN §3 dataset (module → records as Zoho's GET records API
 * returns them), so the widget runs the same engine on the same input as the service.
 * COQL where it can (exact fields); the search API where COQL cannot return what the engine reads:
 * the plan's subforms and the events' Participants (zoho-platform §3.5).
 *
 * Two rounds, each one batch of reads (one CRM call through the read-batch function, see common/reads.ts):
 * the account group, contacts, deals, plan and stage history; then tasks, events and calls, which hang off the
 * account *or one of its deals* (What_Id), so they need the deal ids first. A read with more rows
 * adds its next page to the following batch.
 */
import type { ZohoRecord } from '../../../shared/crm-read/records';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import { publishedConfigQuery } from '../../../shared/config/published';
import { withParentModule } from '../../../shared/crm-read/links';
import { dedupeById, lookupId } from '../../../shared/crm-read/records';
import { widgetError } from '../../common/errors';
import {
  ACTIVITY_COQL_LIMIT,
  COQL_LIMIT,
  COQL_MAX_IN,
  accountGroupQuery,
  activityQuery,
  contactsQuery,
  dealsQuery,
  eventSearchCriteria,
  planSearchCriteria,
  stageHistoryQuery,
} from './queries';
import type { ReadBatch, ReadRequest } from '../../common/reads';

export type RawDataset = Record<string, ZohoRecord[]>;

/** Stop paging after this many pages of one read: a runaway account must not spin the page. */
const MAX_PAGES = 10;

/** A read that may span pages: the request for page index 0, 1, … */
type PagedRead = (pageIndex: number) => ReadRequest;

const coqlRead =
  (query: (offset: number) => string, limit: number): PagedRead =>
  (i) => ({ coql: query(i * limit) });
const searchRead =
  (module: string, criteria: string): PagedRead =>
  (i) => ({ module, criteria, page: i + 1 });

export async function loadAccountDataset(
  reads: ReadBatch,
  config: SalesProcessConfig,
  accountId: string,
  /** Also read the config the service published (one more read in the first round, same call). */
  o: { published?: boolean } = {},
): Promise<RawDataset> {
  const f = config.fields;
  const m = f.modules;
  const [group = [], contacts = [], deals = [], plans = [], history = [], settings = []] = await readAll(
    reads,
    [
      coqlRead((o) => accountGroupQuery(f, accountId, o), COQL_LIMIT),
      coqlRead((o) => contactsQuery(f, accountId, o), COQL_LIMIT),
      coqlRead((o) => dealsQuery(f, accountId, o), COQL_LIMIT),
      searchRead(m.accountPlans, planSearchCriteria(f, accountId)),
      coqlRead((o) => stageHistoryQuery(f, accountId, o), COQL_LIMIT),
      ...(o.published ? [(i: number) => ({ coql: publishedConfigQuery(config, i) })] : []),
    ],
  );
  const accounts = accountsFromGroupRows(group, config, accountId);
  const linked = [accountId, ...deals.map((d) => String(d.id))];
  const dealIds = new Set(linked.slice(1));
  const idChunks = chunk(linked, COQL_MAX_IN);
  const eventCriteria = eventSearchCriteria(f, linked);
  const activityRows = await readAll(reads, [
    ...idChunks.map((ids) => coqlRead((o) => activityQuery(f, 'tasks', ids, o), ACTIVITY_COQL_LIMIT)),
    ...idChunks.map((ids) => coqlRead((o) => activityQuery(f, 'calls', ids, o), ACTIVITY_COQL_LIMIT)),
    ...eventCriteria.map((c) => searchRead(m.events, c)),
  ]);
  const tasks = activityRows.slice(0, idChunks.length).flat();
  const calls = activityRows.slice(idChunks.length, 2 * idChunks.length).flat();
  const events = dedupeById(activityRows.slice(2 * idChunks.length).flat());
  // COQL gives What_Id without `$se_module`; we asked by the account and deal ids, so we know it.
  const link = (r: ZohoRecord) =>
    withParentModule(r, f.activity.what, (id) => (dealIds.has(id) ? m.deals : m.accounts));
  return {
    [m.accounts]: accounts,
    [m.contacts]: contacts,
    [m.deals]: deals,
    [m.accountPlans]: plans,
    [m.stageHistory]: history,
    [m.tasks]: tasks.map(link),
    [m.events]: events.map(link),
    [m.calls]: calls.map(link),
    ...(o.published ? { [m.settings]: settings.slice(0, 1) } : {}),
  };
}

/** Every page of every read, a batch per round: page 1 of all, then the next page of those with more. */
async function readAll(reads: ReadBatch, paged: PagedRead[]): Promise<ZohoRecord[][]> {
  const rows: ZohoRecord[][] = paged.map(() => []);
  let pending = paged.map((read, index) => ({ index, page: 0, request: read(0) }));
  while (pending.length > 0) {
    const pages = await reads(pending.map((p) => p.request));
    const next: typeof pending = [];
    pending.forEach((p, k) => {
      const { data, more } = pages[k] ?? { data: [], more: false };
      (rows[p.index] as ZohoRecord[]).push(...data);
      const read = paged[p.index] as PagedRead;
      if (more && data.length > 0 && p.page + 1 < MAX_PAGES)
        next.push({ index: p.index, page: p.page + 1, request: read(p.page + 1) });
    });
    pending = next;
  }
  return rows;
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/**
 * COQL rows of the account group → Accounts records. Dot-path columns (`Parent_Account.Account_Name`)
 * become the lookup's name and a minimal parent record holding its `Relationship_Stage`, which is
 * what the engine's group-company fact reads.
 */
export function accountsFromGroupRows(
  rows: ZohoRecord[],
  config: SalesProcessConfig,
  accountId: string,
): ZohoRecord[] {
  const a = config.fields.account;
  const parentName = `${a.parent}.${a.name}`;
  const parentStage = `${a.parent}.${a.relationshipStage}`;
  const self = rows.find((r) => String(r.id) === accountId);
  if (!self) throw widgetError('NO_RECORD', `no ${config.fields.modules.accounts} record ${accountId}`);
  const out: ZohoRecord[] = rows.map((r) => {
    const { [parentName]: name, [parentStage]: _stage, ...rest } = r;
    const parent = lookupId(r[a.parent]);
    return parent
      ? { ...rest, id: r.id, [a.parent]: { id: parent, name: typeof name === 'string' ? name : null } }
      : { ...rest, id: r.id };
  });
  const parentId = lookupId(self[a.parent]);
  if (parentId && parentId !== accountId && !out.some((r) => String(r.id) === parentId)) {
    out.push({
      id: parentId,
      [a.name]: typeof self[parentName] === 'string' ? self[parentName] : null,
      [a.relationshipStage]: self[parentStage] ?? null,
    });
  }
  return out;
}
