/**
 * The read phase: every record changed since the module's cursor (or every record, on a full
 * pass) into the mirror, marking the accounts they bear on for recompute. Cursors are returned, not
 * saved: the run saves them only after the writes they cover.
 */
import type { Logger } from 'pino';
import type { ZohoGateway, ZohoJson } from '../zoho/gateway';
import type { Mirror } from '../state/mirror';
import type { Cursor, SyncState } from '../state/work';
import { keysetQuery, type ModuleRead } from './fields';

export interface ReadResult {
  records: Record<string, number>;
  cursors: Record<string, Cursor>;
  touchedAccounts: number;
}

const EPOCH = '1970-01-01T00:00:00+00:00';
/**
 * GET records' If-Modified-Since starts this much before the cursor: Zoho times have whole seconds,
 * so a record saved in the cursor's own second is read again rather than missed.
 */
const LOOKBACK_MS = 1000;

export async function readChanges(
  deps: { gateway: ZohoGateway; mirror: Mirror; state: SyncState; log: Logger },
  plan: ModuleRead[],
  o: { full: boolean; runId: number; progress?: (module: string, n: number) => void },
): Promise<ReadResult> {
  const result: ReadResult = { records: {}, cursors: {}, touchedAccounts: 0 };
  for (const read of plan) {
    const module = deps.mirror.moduleName(read.module);
    const cursor = o.full ? null : deps.state.cursor(module);
    let count = 0;
    let newest: Cursor | null = cursor;
    const take = (rows: ZohoJson[]) => {
      const touched = deps.mirror.upsert(read.module, rows, o.runId);
      result.touchedAccounts += deps.state.markDirty(touched, `${module} changed`);
      count += rows.length;
      for (const r of rows)
        if (typeof r.Modified_Time === 'string')
          newest = later(newest, { time: toUtc(r.Modified_Time), id: r.id });
      o.progress?.(module, count);
    };
    if (read.method === 'coql') {
      await readByCoql(deps.gateway, module, read.fields, cursor ?? { time: EPOCH, id: null }, o.full, take);
    } else {
      await readByList(
        deps.gateway,
        module,
        read.fields,
        cursor === null ? null : new Date(Date.parse(cursor.time) - LOOKBACK_MS),
        take,
      );
    }
    if (o.full)
      result.touchedAccounts += deps.state.markDirty(
        deps.mirror.dropUnseen(read.module, o.runId),
        `${module} deleted`,
      );
    result.records[module] = count;
    if (newest) result.cursors[module] = newest;
    deps.log.debug({ module, records: count, cursor: newest }, 'module read');
  }
  return result;
}

/**
 * COQL keyset pages after the cursor, in (Modified_Time, id) order. The first page of an incremental
 * run asks for 200 rows (1 credit): usually all there is.
 */
async function readByCoql(
  gateway: ZohoGateway,
  module: string,
  fields: string[],
  start: Cursor,
  full: boolean,
  take: (rows: ZohoJson[]) => void,
): Promise<void> {
  let after: Cursor = start;
  let limit = full ? 2000 : 200;
  for (;;) {
    const page = await gateway.coql(module, keysetQuery(module, fields, after, limit), limit);
    take(page.data);
    const last = page.data[page.data.length - 1];
    if (!last || page.data.length < limit || typeof last.Modified_Time !== 'string') return;
    after = { time: toUtc(last.Modified_Time), id: last.id };
    limit = 2000;
  }
}

/**
 * GET records sorted by Modified_Time: If-Modified-Since for increments (304 = nothing changed).
 * `page` works only within the first 2,000 records; the page token carries on from there.
 */
async function readByList(
  gateway: ZohoGateway,
  module: string,
  fields: string[],
  modifiedSince: Date | null,
  take: (rows: ZohoJson[]) => void,
): Promise<void> {
  let page = 1;
  let pageToken: string | null = null;
  for (;;) {
    const res = await gateway.listRecords(module, {
      fields,
      perPage: 200,
      ...(pageToken ? { pageToken } : { page }),
      sortBy: 'Modified_Time',
      sortOrder: 'asc',
      modifiedSince,
    });
    if (res.notModified) return;
    take(res.data);
    if (!res.more) return;
    if (res.nextPageToken) pageToken = res.nextPageToken;
    else if (page * 200 < 2000) page++;
    else throw new Error(`${module}: more than 2,000 records and Zoho gave no next_page_token`);
  }
}

function later(a: Cursor | null, b: Cursor): Cursor {
  if (a === null) return b;
  const ta = Date.parse(a.time);
  const tb = Date.parse(b.time);
  if (tb !== ta) return tb > ta ? b : a;
  return BigInt(b.id ?? 0) > BigInt(a.id ?? 0) ? b : a;
}

function toUtc(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().replace('.000Z', '+00:00').replace('Z', '+00:00');
}
