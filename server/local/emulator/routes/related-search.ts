/**
 * Related records of a record (`GET /{module}/{id}/{related_list}`, e.g. an account's Contacts, Deals,
 * Tasks, Events, Calls) and the search API (`GET /{module}/search?criteria=…|email=|phone=|word=`).
 * One credit per call; pages of ≤200; search reaches at most the first 2,000 matches.
 */
import type { Request, Response, Router } from 'express';
import type { EmulatorContext } from '../context';
import {
  charge,
  fieldsParam,
  intParam,
  noContent,
  pathParam,
  queryString,
  recordModule,
  route,
} from '../http/api';
import { errors, ZohoError } from '../http/zoho-error';
import type { ModuleDef } from '../metadata/types';
import type { Filter } from '../query/ast';
import { parseSearchCriteria } from '../query/search-criteria';
import { SqlBuilder } from '../query/sql';
import { DISCRETE_PAGE_LIMIT } from '../records/list';
import { renderRecord } from '../records/render';
import { linkExpr, moduleLiteral } from '../store/db';

const BASE = '/crm/v6';

function page(req: Request): { perPage: number; page: number; offset: number } {
  const perPage = intParam(req, 'per_page', 200, 1, 200);
  const page = intParam(req, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
  return { perPage, page, offset: (page - 1) * perPage };
}

function related(ctx: EmulatorContext) {
  return (req: Request, res: Response) => {
    const parent = recordModule(ctx, pathParam(req, 'module'));
    const name = pathParam(req, 'related').toLowerCase();
    const list = parent.relatedLists.find((r) => r.apiName.toLowerCase() === name);
    if (!list)
      throw new ZohoError(400, 'INVALID_DATA', 'the related list name given seems to be invalid', {
        resource_path_index: 2,
      });
    const child = ctx.org.catalog.module(list.module) as ModuleDef;
    const fields = fieldsParam(req, true) as string[];
    const p = page(req);
    charge(ctx, res, 1);
    const id = pathParam(req, 'id');
    if (!ctx.org.store.getIn(parent.apiName, id))
      throw new ZohoError(400, 'INVALID_DATA', 'the id given seems to be invalid', {
        resource_path_index: 1,
      });
    const rows = ctx.org.store.select(
      `SELECT r.id, r.module, r.created_ms, r.modified_ms, r.data FROM records r WHERE r.module = ${moduleLiteral(child.apiName)} AND ${linkExpr('r', list.field)} = ? ORDER BY r.id DESC LIMIT ? OFFSET ?`,
      [id, p.perPage + 1, p.offset],
    );
    if (rows.length === 0) return noContent(res);
    const data = rows.slice(0, p.perPage).map((r) => renderRecord(ctx.org, child, r, fields));
    res.json({
      data,
      info: { per_page: p.perPage, count: data.length, page: p.page, more_records: rows.length > p.perPage },
    });
  };
}

function searchFilter(
  ctx: EmulatorContext,
  module: ModuleDef,
  req: Request,
): { sql: string; params: unknown[] } {
  const criteria = queryString(req, 'criteria');
  const email = queryString(req, 'email');
  const phone = queryString(req, 'phone');
  const word = queryString(req, 'word');
  if (criteria) {
    const b = new SqlBuilder(ctx.org, module);
    const filter: Filter = parseSearchCriteria(criteria);
    const where = b.filter(filter);
    return {
      sql: `${b.joinSql()} WHERE r.module = ${moduleLiteral(module.apiName)} AND ${where}`,
      params: b.params,
    };
  }
  const fieldsOf = (types: string[]) =>
    module.fields
      .filter((f) => types.includes(f.dataType))
      .map((f) => `json_extract(r.data, '$.${f.apiName}')`);
  if (email) {
    const cols = fieldsOf(['email']);
    return {
      sql: `WHERE r.module = ? AND lower(?) IN (${cols.map((c) => `lower(${c})`).join(', ') || 'NULL'})`,
      params: [module.apiName, email],
    };
  }
  if (phone) {
    const cols = fieldsOf(['phone']);
    return {
      sql: `WHERE r.module = ? AND ? IN (${cols.join(', ') || 'NULL'})`,
      params: [module.apiName, phone],
    };
  }
  if (word)
    return {
      sql: 'WHERE r.module = ? AND instr(lower(r.data), lower(?)) > 0',
      params: [module.apiName, word],
    };
  throw errors.requiredParam('criteria');
}

function search(ctx: EmulatorContext) {
  return (req: Request, res: Response) => {
    const module = recordModule(ctx, pathParam(req, 'module'));
    const fields = fieldsParam(req, false);
    const p = page(req);
    if (p.page * p.perPage > DISCRETE_PAGE_LIMIT)
      throw errors.limitExceeded({ limit: DISCRETE_PAGE_LIMIT, param_name: 'page' }, 'maximum limit reached');
    const { sql, params } = searchFilter(ctx, module, req);
    charge(ctx, res, 1);
    const rows = ctx.org.store.select(
      `SELECT r.id, r.module, r.created_ms, r.modified_ms, r.data FROM records r ${sql} ORDER BY r.id DESC LIMIT ? OFFSET ?`,
      [...params, p.perPage + 1, p.offset],
    );
    if (rows.length === 0) return noContent(res);
    const data = rows.slice(0, p.perPage).map((r) => renderRecord(ctx.org, module, r, fields ?? 'all'));
    res.json({
      data,
      info: { per_page: p.perPage, count: data.length, page: p.page, more_records: rows.length > p.perPage },
    });
  };
}

/** `GET /{module}/actions/count[?criteria=…|email=|phone=|word=]` → `{ count }`. */
function count(ctx: EmulatorContext) {
  return (req: Request, res: Response) => {
    const module = recordModule(ctx, pathParam(req, 'module'));
    const filtered = ['criteria', 'email', 'phone', 'word'].some((p) => queryString(req, p) !== undefined);
    const { sql, params } = filtered
      ? searchFilter(ctx, module, req)
      : { sql: `WHERE r.module = ${moduleLiteral(module.apiName)}`, params: [] };
    charge(ctx, res, 1);
    res.json({ count: ctx.org.store.scalar<number>(`SELECT count(*) FROM records r ${sql}`, params) ?? 0 });
  };
}

export function mountRelatedAndSearch(router: Router, ctx: EmulatorContext): void {
  router
    .route(`${BASE}/:module/actions/count`)
    .get(route(`GET ${BASE}/{module}/actions/count`, 'read', count(ctx)))
    .all(() => {
      throw errors.invalidMethod();
    });
  router
    .route(`${BASE}/:module/search`)
    .get(route(`GET ${BASE}/{module}/search`, 'read', search(ctx)))
    .all(() => {
      throw errors.invalidMethod();
    });
  router
    .route(`${BASE}/:module/:id/:related`)
    .get(route(`GET ${BASE}/{module}/{id}/{related_list}`, 'read', related(ctx)))
    .all(() => {
      throw errors.invalidMethod();
    });
}
