/**
 * The CRM reads of one account page, as data: COQL texts and search criteria built from the
 * config's field names (DESIGN §2), so an org that renamed a field still works. Pure.
 */
import type { SalesProcessConfig } from '../../../shared/config/schema';
import {
  accountInputFields,
  activityInputFields,
  contactInputFields,
  dealInputFields,
  stageHistoryInputFields,
} from '../../../shared/crm-read/input-fields';

type Fields = SalesProcessConfig['fields'];

/** COQL rows per call: 200 costs 1 credit; activities may be many, 1,000 costs 2 (zoho-platform §3.5). */
export const COQL_LIMIT = 200;
export const ACTIVITY_COQL_LIMIT = 1000;
/** COQL `in (…)` takes at most 50 values (zoho-platform §3.5). */
export const COQL_MAX_IN = 50;
/** Zoho search takes at most 10 criteria (zoho-platform §3.4). */
export const SEARCH_MAX_CRITERIA = 10;

const ID = /^[A-Za-z0-9_-]{1,40}$/;

/** A record id as a COQL literal; anything that is not an id is refused, never interpolated. */
export function coqlId(id: string): string {
  if (!ID.test(id)) throw new Error(`not a record id: ${JSON.stringify(id.slice(0, 40))}`);
  return `'${id}'`;
}

function select(fields: string[], from: string, where: string, limit: number, offset: number): string {
  const unique = [...new Set(fields)];
  return `select ${unique.join(', ')} from ${from} where ${where} order by id asc limit ${limit} offset ${offset}`;
}

/** The account, its parent (through dot paths) and its children: the group-company fact needs both. */
export function accountGroupQuery(f: Fields, accountId: string, offset = 0): string {
  const a = f.account;
  return select(
    [
      'id',
      ...accountInputFields(f),
      'Website',
      `${a.parent}.${a.name}`,
      `${a.parent}.${a.relationshipStage}`,
    ],
    f.modules.accounts,
    `(id = ${coqlId(accountId)} or ${a.parent} = ${coqlId(accountId)})`,
    COQL_LIMIT,
    offset,
  );
}

export function contactsQuery(f: Fields, accountId: string, offset = 0): string {
  return select(
    ['id', ...contactInputFields(f)],
    f.modules.contacts,
    `${f.contact.account} = ${coqlId(accountId)}`,
    COQL_LIMIT,
    offset,
  );
}

export function dealsQuery(f: Fields, accountId: string, offset = 0): string {
  return select(
    ['id', ...dealInputFields(f)],
    f.modules.deals,
    `${f.deal.account} = ${coqlId(accountId)}`,
    COQL_LIMIT,
    offset,
  );
}

/** The account's Relationship_Stage_History records: a deal's role is fixed by the stage when it was created. */
export function stageHistoryQuery(f: Fields, accountId: string, offset = 0): string {
  return select(
    ['id', ...stageHistoryInputFields(f)],
    f.modules.stageHistory,
    `${f.stageHistory.account} = ${coqlId(accountId)}`,
    COQL_LIMIT,
    offset,
  );
}

export type ActivityModuleKey = 'tasks' | 'calls';

/** Tasks or calls linked to the account or to one of its deals (What_Id). */
export function activityQuery(f: Fields, module: ActivityModuleKey, linkedIds: string[], offset = 0): string {
  const where = `${f.activity.what} in (${linkedIds.map(coqlId).join(', ')})`;
  const fields = ['id', ...activityInputFields(f, module)];
  return select(fields, f.modules[module], where, ACTIVITY_COQL_LIMIT, offset);
}

/**
 * Events through the search API, not COQL: COQL cannot return `Participants` (zoho-platform §3.5),
 * and the engine counts participating contacts. One criteria string per ≤ 10 linked records.
 */
export function eventSearchCriteria(f: Fields, linkedIds: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < linkedIds.length; i += SEARCH_MAX_CRITERIA) {
    const chunk = linkedIds.slice(i, i + SEARCH_MAX_CRITERIA);
    const parts = chunk.map((id) => `(${f.activity.what}:equals:${coqlId(id).slice(1, -1)})`);
    out.push(parts.length === 1 ? (parts[0] as string) : `(${parts.join('or')})`);
  }
  return out;
}

/** The account's plan through the search API: COQL cannot return subforms (zoho-platform §3.5). */
export function planSearchCriteria(f: Fields, accountId: string): string {
  return `(${f.plan.account}:equals:${coqlId(accountId).slice(1, -1)})`;
}
