/**
 * The read batch: several CRM reads (COQL queries, criteria searches) answered by one call.
 *
 * A widget call travels through Zoho's frame bridge and costs a round trip; an account page needs
 * seven reads (DESIGN §9 allows six calls per page load). The Deluge function
 * `config/deluge/esm_read_batch.deluge`, installed as a REST API function, runs the reads inside Zoho
 * and returns their pages in one answer; the local CRM runs the same contract. This module is that
 * contract, once: the request list the widget sends and the checks and answer both sides share.
 * Pure.
 */
import { toZohoRecord, type ZohoRecord } from './records';

/** The function's API name (Setup › Developer Hub › Functions). */
export const READ_BATCH_FUNCTION = 'esm_read_batch';
/** At most this many reads per call: Deluge's one-minute limit, and a bounded answer. */
export const READ_BATCH_MAX = 10;
/**
 * At most this many rows asked for per call (the sum of the reads' LIMITs; a search page is 200). A
 * CRM function answers at most 10 MB and runs at most 1 minute, each invokeurl at most 40 s. Measured
 * at 10,000 accounts (test/portfolio/read-batch-size.ts): the manager page's largest round, 6,729 rows
 * (2,000 accounts, 2,000 stage history, 2,729 deals), answered 3.0 MB, ≈ 450 bytes a row; two
 * 2,000-row pages a call keep a call near 2 MB, a fifth of the limit, with room for long multi-line
 * values, and halve the reads one Deluge run makes in its minute.
 */
export const READ_BATCH_MAX_ROWS = 4000;

/** The rows a read asks for: a COQL LIMIT (Zoho's default 200), a search page 200. */
export function readRows(r: ReadRequest): number {
  if (!('coql' in r)) return 200;
  const m = /\slimit\s+(\d+)/i.exec(r.coql);
  return m ? Number(m[1]) : 200;
}

/** Requests in calls of at most READ_BATCH_MAX reads and READ_BATCH_MAX_ROWS rows (a larger read alone). */
export function chunkReads<T extends ReadRequest>(requests: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  let rows = 0;
  for (const r of requests) {
    const n = readRows(r);
    if (current.length > 0 && (current.length >= READ_BATCH_MAX || rows + n > READ_BATCH_MAX_ROWS)) {
      chunks.push(current);
      current = [];
      rows = 0;
    }
    current.push(r);
    rows += n;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

export type ReadRequest =
  | { coql: string }
  | {
      module: string;
      /** Zoho search criteria, e.g. `(What_Id:equals:123)`. */
      criteria: string;
      /** 1-based; 200 rows per page. */
      page: number;
    };

/** One read's page: rows as the function returns them, or (`ReadPage<ZohoRecord>`) as checked by us. */
export interface ReadPage<Row = Record<string, unknown>> {
  data: Row[];
  more: boolean;
}

export type ReadResult<Row = Record<string, unknown>> =
  ReadPage<Row> | { error: { code: string; message: string } };

/** The function's arguments: Zoho passes each one as a string parameter of the Deluge function. */
export function readBatchArguments(requests: ReadRequest[]): { requests: string } {
  return { requests: JSON.stringify(requests) };
}

export type ParsedBatch = { ok: true; requests: ReadRequest[] } | { ok: false; message: string };

const MODULE = /^[A-Za-z][A-Za-z0-9_]{0,99}$/;
/** `select … from <Module> where …`: one statement, the module right after `from`. */
const COQL_FROM = /^\s*select\s[\s\S]*?\sfrom\s+([A-Za-z][A-Za-z0-9_]*)\s/i;

/**
 * The `requests` argument, checked as the Deluge function checks it: a JSON list of 1–10 reads,
 * each a `select` from, or a search of, one of the `allowedModules` (the product's modules: the
 * function must not become a reader of everything in the org).
 */
export function parseReadBatch(raw: unknown, allowedModules: readonly string[]): ParsedBatch {
  const fail = (message: string): ParsedBatch => ({ ok: false, message });
  let list: unknown;
  try {
    list = typeof raw === 'string' ? JSON.parse(raw) : raw;
  } catch {
    return fail('requests is not JSON');
  }
  if (!Array.isArray(list) || list.length === 0) return fail('requests must be a non-empty list');
  if (list.length > READ_BATCH_MAX) return fail(`at most ${READ_BATCH_MAX} requests per call`);
  const allowed = new Set(allowedModules);
  const out: ReadRequest[] = [];
  for (const [i, item] of list.entries()) {
    const r = (item ?? {}) as Record<string, unknown>;
    if (typeof r.coql === 'string') {
      const module = COQL_FROM.exec(r.coql)?.[1];
      if (!module || !allowed.has(module)) return fail(`request ${i}: not a select from an allowed module`);
      out.push({ coql: r.coql });
    } else if (typeof r.module === 'string' && typeof r.criteria === 'string') {
      const page = r.page === undefined ? 1 : r.page;
      if (!MODULE.test(r.module) || !allowed.has(r.module))
        return fail(`request ${i}: module ${r.module.slice(0, 100)} is not allowed`);
      if (typeof page !== 'number' || !Number.isInteger(page) || page < 1 || page > 100)
        return fail(`request ${i}: page must be an integer 1–100`);
      out.push({ module: r.module, criteria: r.criteria, page });
    } else {
      return fail(`request ${i}: needs coql, or module and criteria`);
    }
  }
  return { ok: true, requests: out };
}

/** The function's output (a JSON string), read back; anything else is a broken function. */
export function parseReadBatchOutput(output: unknown, expected: number): ReadResult<ZohoRecord>[] | null {
  let o: unknown;
  try {
    o = typeof output === 'string' ? JSON.parse(output) : output;
  } catch {
    return null;
  }
  const results = (o as { results?: unknown } | null)?.results;
  if (!Array.isArray(results) || results.length !== expected) return null;
  const out: ReadResult<ZohoRecord>[] = [];
  for (const r of results as unknown[]) {
    const x = (r ?? {}) as Record<string, unknown>;
    if (x.error != null && typeof x.error === 'object') {
      const e = x.error as Record<string, unknown>;
      out.push({ error: { code: String(e.code ?? 'ERROR'), message: String(e.message ?? '') } });
    } else {
      out.push(readPageOf(x.data, x.more === true));
    }
  }
  return out;
}

/** A read's rows as records: what is not an object is skipped; an object without an id fails that read (not the call). */
function readPageOf(rows: unknown, more: boolean): ReadResult<ZohoRecord> {
  if (!Array.isArray(rows)) return { data: [], more }; // 204 → no rows
  const data: ZohoRecord[] = [];
  for (const [i, row] of rows.entries()) {
    if (row == null || typeof row !== 'object' || Array.isArray(row)) continue;
    const rec = toZohoRecord(row);
    if (!rec) return { error: { code: 'INVALID_ROW', message: `row ${i} has no id` } };
    data.push(rec);
  }
  return { data, more };
}
