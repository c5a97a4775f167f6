/**
 * `GET /crm/v6/{module}`: `fields` (required, ≤50), `per_page` (≤200), `page` within the first 2,000
 * records then `page_token`, `sort_by` id | Created_Time | Modified_Time, `sort_order` (default desc),
 * `ids`, and `If-Modified-Since` (records modified after it; 304 when there are none).
 */
import type { Request } from 'express';
import { errors, ZohoError } from '../http/zoho-error';
import { fieldsParam, intParam, queryString } from '../http/api';
import type { ModuleDef } from '../metadata/types';
import type { Org } from '../org';
import type { RecordData, StoredRecord } from '../store/record-store';
import { formatDateTime, parseHttpOrIsoDate } from '../time';
import { bindingHash, decodeCursor, encodeCursor, TOKEN_TTL_MS, type PageCursor } from './page-token';
import { renderRecord } from './render';

export const DISCRETE_PAGE_LIMIT = 2000;
const SORT_COLUMNS = { id: 'r.id', Created_Time: 'r.created_ms', Modified_Time: 'r.modified_ms' } as const;
type SortBy = keyof typeof SORT_COLUMNS;

export type ListAnswer =
  { kind: 'data'; body: { data: RecordData[]; info: object } } | { kind: 'empty' } | { kind: 'not-modified' };

export function ifModifiedSince(req: Request): number | null {
  const h = req.headers['if-modified-since'];
  if (typeof h !== 'string' || h.trim() === '') return null;
  const ms = parseHttpOrIsoDate(h);
  if (ms === null)
    throw new ZohoError(400, 'INVALID_DATA', 'invalid data', { header_name: 'If-Modified-Since' });
  return ms;
}

function sortKey(r: StoredRecord, sortBy: SortBy): number | string {
  return sortBy === 'id' ? r.id : sortBy === 'Created_Time' ? r.createdMs : r.modifiedMs;
}

export function listRecords(org: Org, module: ModuleDef, req: Request): ListAnswer {
  const fields = fieldsParam(req, true) as string[];
  const perPage = intParam(req, 'per_page', 200, 1, 200);
  const pageToken = queryString(req, 'page_token');
  if (pageToken !== undefined && queryString(req, 'page') !== undefined) {
    throw new ZohoError(
      400,
      'TOKEN_BOUND_DATA_MISMATCH',
      'The page_token given seems to be invalid or input param is added or altered or deleted',
      { param_name: 'page_token' },
    );
  }
  const page = intParam(req, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
  const sortBy = (queryString(req, 'sort_by') ?? 'id') as SortBy;
  if (!(sortBy in SORT_COLUMNS))
    throw errors.invalidParam('sort_by', { supported_values: Object.keys(SORT_COLUMNS) });
  const sortOrder = queryString(req, 'sort_order') ?? 'desc';
  if (sortOrder !== 'asc' && sortOrder !== 'desc')
    throw errors.invalidParam('sort_order', { supported_values: ['asc', 'desc'] });
  if (queryString(req, 'cvid') !== undefined) throw errors.invalidParam('cvid');
  const idsRaw = queryString(req, 'ids');
  const ids = idsRaw
    ? idsRaw
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '')
    : undefined;
  if (ids && ids.length > 100) throw errors.limitExceeded({ limit: 100, param_name: 'ids' });
  if (ids?.some((id) => !/^\d{1,19}$/.test(id))) throw errors.invalidParam('ids');
  const ims = ifModifiedSince(req);
  const bound = bindingHash({ m: module.apiName, fields, perPage, sortBy, sortOrder, ids: ids ?? null, ims });

  const now = org.now();
  let cursor: PageCursor | undefined;
  let offset = 0;
  let pageNumber = page;
  if (pageToken !== undefined) {
    cursor = decodeCursor(pageToken, bound, now);
    pageNumber = cursor.page;
  } else {
    if (page * perPage > DISCRETE_PAGE_LIMIT) {
      throw new ZohoError(
        400,
        'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
        `You can only get the first ${DISCRETE_PAGE_LIMIT} records without using page_token param`,
        { limit: DISCRETE_PAGE_LIMIT },
      );
    }
    offset = (page - 1) * perPage;
  }

  const col = SORT_COLUMNS[sortBy];
  const dir = sortOrder === 'asc' ? 'ASC' : 'DESC';
  const where = ['r.module = ?'];
  const params: unknown[] = [module.apiName];
  if (ims !== null) {
    where.push('r.modified_ms > ?');
    params.push(ims);
  }
  if (ids) {
    where.push(`r.id IN (${ids.map(() => '?').join(', ')})`);
    params.push(...ids.map((id) => BigInt(id)));
  }
  if (cursor) {
    const [value, lastId] = cursor.after;
    const cmp = dir === 'ASC' ? '>' : '<';
    const v = sortBy === 'id' ? BigInt(String(value)) : value;
    where.push(sortBy === 'id' ? `r.id ${cmp} ?` : `(${col} ${cmp} ? OR (${col} = ? AND r.id ${cmp} ?))`);
    params.push(...(sortBy === 'id' ? [v] : [v, v, BigInt(lastId)]));
  }
  const sql = `SELECT r.id, r.module, r.created_ms, r.modified_ms, r.data FROM records r WHERE ${where.join(' AND ')} ORDER BY ${sortBy === 'id' ? `r.id ${dir}` : `${col} ${dir}, r.id ${dir}`} LIMIT ? OFFSET ?`;
  const rows = org.store.select(sql, [...params, perPage + 1, offset]);
  if (rows.length === 0) return ims !== null && !cursor ? { kind: 'not-modified' } : { kind: 'empty' };

  const more = rows.length > perPage;
  const pageRows = rows.slice(0, perPage);
  const last = pageRows[pageRows.length - 1] as StoredRecord;
  const served = (cursor ? cursor.served : offset) + pageRows.length;
  const expiresMs = now + TOKEN_TTL_MS;
  const next = more
    ? encodeCursor({
        bound,
        after: [sortKey(last, sortBy), last.id],
        served,
        page: pageNumber + 1,
        expiresMs,
      })
    : null;
  return {
    kind: 'data',
    body: {
      data: pageRows.map((r) => renderRecord(org, module, r, fields)),
      info: {
        per_page: perPage,
        next_page_token: next,
        count: pageRows.length,
        sort_by: sortBy,
        page: pageNumber,
        previous_page_token: null,
        page_token_expiry: next ? formatDateTime(expiresMs, org.tz) : null,
        sort_order: sortOrder,
        more_records: more,
      },
    },
  };
}
