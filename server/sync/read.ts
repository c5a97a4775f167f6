/**
 * The read phase: every record changed since the module's cursor (or every record, on a full
 * pass) into the mirror, marking the accounts they bear on for recompute. Cursors are returned, not
 * saved: the run saves them only after the writes they cover.
 */
import type { Logger } from 'pino';
import type { ZohoRecord } from '../../shared/crm-read/records';
import type { ZohoGateway } from '../zoho/gateway';
import type { Mirror } from '../state/mirror';
import type { Cursor, SyncState } from '../state/sync-state';
import { parseInstant } from '../../shared/model/time';
import { keysetQuery, type SyncStream } from './streams';

type ReadDeps = { gateway: ZohoGateway; mirror: Mirror; state: SyncState; log: Logger };
type ReadOptions = { full: boolean; progress?: (module: string, n: number) => void };

export interface ReadResult {
  records: Record<string, number>;
  cursors: Record<string, Cursor>;
  touchedAccounts: number;
}

const EPOCH = '1970-01-01T00:00:00+00:00';
/**
 * GET records' If-Modified-Since starts this much before the cursor: Zoho times have whole seconds,
 * so a record saved in the cursor's own second after our read is read again rather than missed.
 */
const LOOKBACK_MS = 1000;
/**
 * …unless that second was long over when we read (5 minutes: any clock skew between us and Zoho):
 * then nothing can be saved in it any more, and looking back would only re-read, every run, every
 * record saved in it — thousands after a mass update or an import.
 */
const SETTLED_MS = 5 * 60_000;

/** Where an incremental GET-records read starts (If-Modified-Since). */
export function modifiedSince(cursor: Cursor | null): Date | null {
  if (cursor === null) return null;
  const time = Date.parse(cursor.time);
  const settled = cursor.readAt !== undefined && time < Date.parse(cursor.readAt) - SETTLED_MS;
  return new Date(time - (settled ? 0 : LOOKBACK_MS));
}

export async function readChanges(deps: ReadDeps, plan: SyncStream[], o: ReadOptions): Promise<ReadResult> {
  // The first sync fills an empty mirror: in bulk, the indexes built once at the end.
  if (o.full && deps.mirror.isEmpty()) return deps.mirror.withoutIndexes(() => readAll(deps, plan, o));
  return readAll(deps, plan, o);
}

async function readAll(deps: ReadDeps, plan: SyncStream[], o: ReadOptions): Promise<ReadResult> {
  const result: ReadResult = { records: {}, cursors: {}, touchedAccounts: 0 };
  const echo = deps.state.expectedEcho();
  for (const read of plan) {
    const module = deps.mirror.moduleName(read.module);
    const cursor = o.full ? null : deps.state.cursor(module);
    let count = 0;
    // The newest record read: its time as Zoho gave it (made UTC once, at the end), parsed, and id.
    const start = cursor ? { time: cursor.time, ms: Date.parse(cursor.time), id: cursor.id } : null;
    let newest: { time: string; ms: number; id: string | null } | null = start;
    // A full pass recomputes every account: its pages only mark the accounts they read (so a run
    // that stops before the recompute leaves them for the next one); an incremental read marks the
    // accounts each changed record bears on.
    const full = o.full ? deps.mirror.fullRead(read.module) : null;
    const take = (rows: ZohoRecord[]) => {
      if (full) {
        full.store(rows);
        if (read.module === 'accounts')
          result.touchedAccounts += deps.state.markDirty(
            rows.map((r) => r.id),
            'full pass',
          );
      } else
        result.touchedAccounts += deps.state.markDirty(
          deps.mirror.upsert(read.module, rows),
          `${module} changed`,
        );
      count += rows.length;
      for (const r of rows) {
        if (typeof r.Modified_Time !== 'string') continue;
        const ms = parseInstant(r.Modified_Time) ?? Date.parse(r.Modified_Time);
        // An unparseable Modified_Time cannot move the cursor; the normaliser reports the record.
        if (Number.isNaN(ms)) continue;
        if (newest === null || later(newest, ms, r.id)) newest = { time: r.Modified_Time, ms, id: r.id };
      }
      o.progress?.(module, count);
    };
    if (read.method === 'coql') {
      const first = o.full ? 2000 : firstPageLimit(echo[module] ?? 0);
      await readByCoql(deps.gateway, module, read.fields, cursor ?? { time: EPOCH, id: null }, first, take);
    } else {
      await readByList(deps.gateway, module, read.fields, modifiedSince(cursor), take);
    }
    if (full) result.touchedAccounts += deps.state.markDirty(full.finish(), `${module} deleted`);
    result.records[module] = count;
    const last = newest as { time: string; id: string | null } | null;
    const moved = last === start ? cursor : last && { time: toUtc(last.time), id: last.id };
    if (moved) result.cursors[module] = moved;
    deps.log.debug({ module, records: count, cursor: moved }, 'module read');
  }
  return result;
}

/**
 * The first COQL page of an incremental read: 200 rows (1 credit) is usually all there is, but
 * after a run that wrote n records of the module they all come back (Zoho bumped their
 * Modified_Time) — then a page that fits them costs less than 200 rows and more pages (COQL costs
 * 1/2/3 credits for up to 200/1,000/2,000 rows).
 */
export function firstPageLimit(expectedEcho: number): number {
  return expectedEcho > 800 ? 2000 : expectedEcho > 150 ? 1000 : 200;
}

/** COQL keyset pages after the cursor, in (Modified_Time, id) order: `first` rows, then 2,000 a page. */
async function readByCoql(
  gateway: ZohoGateway,
  module: string,
  fields: string[],
  start: Cursor,
  first: number,
  take: (rows: ZohoRecord[]) => void,
): Promise<void> {
  let after: Cursor = start;
  let limit = first;
  for (;;) {
    const page = await gateway.coql(module, keysetQuery(module, fields, after, limit), limit);
    take(page.data);
    const last = page.data[page.data.length - 1];
    if (
      !last ||
      !page.more ||
      page.data.length < limit ||
      typeof last.Modified_Time !== 'string' ||
      Number.isNaN(Date.parse(last.Modified_Time))
    )
      return;
    after = { time: toUtc(last.Modified_Time), id: last.id };
    limit = 2000;
  }
}

/** Records one chain of page tokens reaches (Zoho v8 docs: 100,000); then a new chain starts. */
export const PAGE_TOKEN_REACH = 100_000;

/**
 * GET records sorted by Modified_Time: If-Modified-Since for increments (304 = nothing changed).
 * `page` works only within the first 2,000 records; the page token carries on from there, up to
 * 100,000 records — past that (a full read of 10,000 accounts' Events) a new chain starts with
 * If-Modified-Since at the last record read (its second read again: Zoho's times have whole seconds).
 */
export async function readByList(
  gateway: Pick<ZohoGateway, 'listRecords'>,
  module: string,
  fields: string[],
  modifiedSince: Date | null,
  take: (rows: ZohoRecord[]) => void,
  reach = PAGE_TOKEN_REACH,
): Promise<void> {
  let since = modifiedSince;
  let page = 1;
  let pageToken: string | null = null;
  let served = 0;
  for (;;) {
    const res = await gateway.listRecords(module, {
      fields,
      perPage: 200,
      ...(pageToken ? { pageToken } : { page }),
      sortBy: 'Modified_Time',
      sortOrder: 'asc',
      modifiedSince: since,
    });
    if (res.notModified) return;
    take(res.data);
    served += res.data.length;
    if (!res.more) return;
    if (served + 200 > reach) {
      const last = res.data[res.data.length - 1]?.Modified_Time;
      const restart = typeof last === 'string' ? new Date(Date.parse(last) - LOOKBACK_MS) : null;
      if (!restart || (since && restart <= since))
        throw new Error(`${module}: over ${reach} records modified within one second`);
      since = restart;
      page = 1;
      pageToken = null;
      served = 0;
    } else if (res.nextPageToken) pageToken = res.nextPageToken;
    else if (page * 200 < 2000) page++;
    else throw new Error(`${module}: more than 2,000 records and Zoho gave no next_page_token`);
  }
}

/** Whether a record at `ms` with `id` comes after `a` in (Modified_Time, id) order. */
function later(a: { ms: number; id: string | null }, ms: number, id: string): boolean {
  if (ms !== a.ms) return ms > a.ms;
  return BigInt(id ?? 0) > BigInt(a.id ?? 0);
}

function toUtc(iso: string): string {
  return new Date(Date.parse(iso)).toISOString().replace('.000Z', '+00:00').replace('Z', '+00:00');
}
