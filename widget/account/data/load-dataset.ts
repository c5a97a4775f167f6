/**
 * One account page's CRM reads → a DESIGN §3 dataset (module → records as Zoho's GET records API
 * returns them), so the widget runs the same engine on the same input as the service.
 * COQL where it can (one call per module, exact fields); the search API where COQL cannot return
 * what the engine reads: the plan's subforms and the events' Participants (zoho-platform §3.5).
 *
 * Two rounds: the account group, contacts, deals and plan in parallel; then tasks, events and calls,
 * which hang off the account *or one of its deals* (What_Id), so they need the deal ids first.
 */
import type { SalesProcessConfig } from '../../../shared/config/schema';
import { widgetError } from '../../common/errors';
import type { CrmGateway, CrmRecord, RecordPage } from '../../zoho/types';
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
} from './queries';

export type RawDataset = Record<string, CrmRecord[]>;

/** Stop paging after this many pages of one query: a runaway account must not spin the page. */
const MAX_PAGES = 10;

export async function loadAccountDataset(
  crm: CrmGateway,
  config: SalesProcessConfig,
  accountId: string,
): Promise<RawDataset> {
  const f = config.fields;
  const m = f.modules;
  const [group, contacts, deals, plans] = await Promise.all([
    coqlAll(crm, (o) => accountGroupQuery(f, accountId, o), COQL_LIMIT),
    coqlAll(crm, (o) => contactsQuery(f, accountId, o), COQL_LIMIT),
    coqlAll(crm, (o) => dealsQuery(f, accountId, o), COQL_LIMIT),
    pagesOf((p) => crm.searchRecords(m.accountPlans, planSearchCriteria(f, accountId), p)),
  ]);
  const accounts = accountsFromGroupRows(group, config, accountId);
  const linked = [accountId, ...deals.map((d) => String(d.id))];
  const dealIds = new Set(linked.slice(1));
  const [tasks, calls, events] = await Promise.all([
    activitiesOf(crm, f, 'tasks', linked),
    activitiesOf(crm, f, 'calls', linked),
    Promise.all(
      eventSearchCriteria(f, linked).map((c) => pagesOf((p) => crm.searchRecords(m.events, c, p))),
    ).then((lists) => dedupe(lists.flat())),
  ]);
  const link = (r: CrmRecord) => withSeModule(r, f.activity.what, dealIds, m.deals, m.accounts);
  return {
    [m.accounts]: accounts,
    [m.contacts]: contacts,
    [m.deals]: deals,
    [m.accountPlans]: plans,
    [m.tasks]: tasks.map(link),
    [m.events]: events.map(link),
    [m.calls]: calls.map(link),
  };
}

async function activitiesOf(
  crm: CrmGateway,
  f: SalesProcessConfig['fields'],
  module: 'tasks' | 'calls',
  linked: string[],
): Promise<CrmRecord[]> {
  const lists = await Promise.all(
    chunk(linked, COQL_MAX_IN).map((ids) =>
      coqlAll(crm, (o) => activityQuery(f, module, ids, o), ACTIVITY_COQL_LIMIT),
    ),
  );
  return lists.flat();
}

function chunk<T>(list: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

async function coqlAll(
  crm: CrmGateway,
  query: (offset: number) => string,
  limit: number,
): Promise<CrmRecord[]> {
  const rows: CrmRecord[] = [];
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const { data, more } = await crm.coql(query(page * limit));
    rows.push(...data);
    if (!more || data.length === 0) break;
  }
  return rows;
}

async function pagesOf(get: (page: number) => Promise<RecordPage>): Promise<CrmRecord[]> {
  const rows: CrmRecord[] = [];
  for (let page = 1; page <= MAX_PAGES; page += 1) {
    const { data, more } = await get(page);
    rows.push(...data);
    if (!more || data.length === 0) break;
  }
  return rows;
}

/**
 * COQL rows of the account group → Accounts records. Dot-path columns (`Parent_Account.Account_Name`)
 * become the lookup's name and a minimal parent record holding its `Relationship_Stage`, which is
 * what the engine's group-company fact reads.
 */
export function accountsFromGroupRows(
  rows: CrmRecord[],
  config: SalesProcessConfig,
  accountId: string,
): CrmRecord[] {
  const a = config.fields.account;
  const parentName = `${a.parent}.${a.name}`;
  const parentStage = `${a.parent}.${a.relationshipStage}`;
  const self = rows.find((r) => String(r.id) === accountId);
  if (!self) throw widgetError('NO_RECORD', `no ${config.fields.modules.accounts} record ${accountId}`);
  const out: CrmRecord[] = rows.map((r) => {
    const { [parentName]: name, [parentStage]: _stage, ...rest } = r;
    const parent = lookupId(r[a.parent]);
    return parent
      ? { ...rest, [a.parent]: { id: parent, name: typeof name === 'string' ? name : null } }
      : rest;
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

/** COQL gives What_Id without `$se_module`; we asked by the account and deal ids, so we know it. */
function withSeModule(
  r: CrmRecord,
  whatField: string,
  dealIds: Set<string>,
  dealsModule: string,
  accountsModule: string,
): CrmRecord {
  if (typeof r.$se_module === 'string') return r;
  const what = lookupId(r[whatField]);
  if (!what) return r;
  return { ...r, $se_module: dealIds.has(what) ? dealsModule : accountsModule };
}

function lookupId(v: unknown): string | null {
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (v != null && typeof v === 'object' && 'id' in v) {
    const id = (v as { id: unknown }).id;
    if (typeof id === 'string' || typeof id === 'number') return String(id);
  }
  return null;
}

function dedupe(rows: CrmRecord[]): CrmRecord[] {
  const seen = new Set<string>();
  return rows.filter((r) => {
    const id = String(r.id);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}
