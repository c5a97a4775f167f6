/**
 * The records API of a module: list, one record, insert / update / upsert, delete and the recycle bin.
 * Writes fire workflow webhooks after the answer is sent (see webhooks.ts).
 */
import type { Request, Response, Router } from 'express';
import type { EmulatorContext } from '../context';
import { writeCredits } from '../credits';
import {
  charge,
  intParam,
  jsonBody,
  noContent,
  notModified,
  pathParam,
  queryString,
  recordModule,
  route,
  fieldsParam,
} from '../http/api';
import { errors, ZohoError } from '../http/zoho-error';
import { ifModifiedSince, listRecords } from '../records/list';
import { renderRecord } from '../records/render';
import { writeRecords, type WriteMode } from '../records/write';
import type { RecordData } from '../store/record-store';
import { formatDateTime } from '../time';

const BASE = '/crm/v6';

function write(ctx: EmulatorContext, mode: WriteMode, withPathId: boolean) {
  return (req: Request, res: Response) => {
    const module = recordModule(ctx, pathParam(req, 'module'));
    const body = jsonBody(req);
    const count = Array.isArray(body.data) ? body.data.length : 0;
    // A batch Zoho refuses outright (no data, over 100) costs one credit, charged on the error path.
    if (count >= 1 && count <= 100) charge(ctx, res, writeCredits(count));
    const outcome = writeRecords(
      ctx.org,
      module,
      mode,
      body,
      ctx.faults,
      withPathId ? pathParam(req, 'id') : undefined,
    );
    // A client that timed out (or died) before we got here cannot know this write went through.
    ctx.writes.record(outcome.written, !req.socket.destroyed);
    if (outcome.fireWorkflows && outcome.written.length > 0) {
      // Registered now (tests can await idle()), sent once the answer is out: Zoho runs workflows after the write.
      ctx.webhooks.dispatch(
        outcome.written,
        new Promise<void>((resolve) => res.on('close', () => resolve())),
      );
    }
    res.status(outcome.status).json({ data: outcome.results });
  };
}

function getOne(ctx: EmulatorContext) {
  return (req: Request, res: Response) => {
    const module = recordModule(ctx, pathParam(req, 'module'));
    const fields = fieldsParam(req, false);
    const ims = ifModifiedSince(req);
    charge(ctx, res, 1);
    const record = ctx.org.store.getIn(module.apiName, pathParam(req, 'id'));
    if (!record)
      throw new ZohoError(400, 'INVALID_DATA', 'the id given seems to be invalid', {
        resource_path_index: 1,
      });
    if (ims !== null && record.modifiedMs <= ims) return notModified(res);
    res.json({ data: [renderRecord(ctx.org, module, record, fields ?? 'all')] });
  };
}

function deleteIds(ctx: EmulatorContext, req: Request, res: Response, ids: string[]) {
  const module = recordModule(ctx, pathParam(req, 'module'));
  if (ids.length > 100) throw errors.limitExceeded({ limit: 100, param_name: 'ids' });
  charge(ctx, res, 1);
  const now = ctx.org.now();
  const me = ctx.org.users.currentRef();
  const results = ctx.org.store.transaction(() =>
    ids.map((id) => {
      const r = ctx.org.store.getIn(module.apiName, id);
      if (!r)
        return { code: 'INVALID_DATA', details: { id }, message: 'record not deleted', status: 'error' };
      for (const f of module.fields) {
        if (f.dataType === 'subform' && Array.isArray(r.data[f.apiName])) {
          for (const row of r.data[f.apiName] as RecordData[]) ctx.org.store.remove(String(row.id));
        }
      }
      ctx.org.store.remove(id);
      const createdBy = r.data.Created_By as { name?: unknown; id?: unknown } | undefined;
      ctx.org.store.addDeleted({
        id,
        module: module.apiName,
        deletedMs: now,
        data: {
          deleted_by: { name: me.name, id: me.id },
          id,
          display_name: r.data[module.displayField] ?? null,
          type: 'recycle',
          created_by: createdBy ? { name: createdBy.name ?? null, id: createdBy.id ?? null } : null,
          deleted_time: formatDateTime(now, ctx.org.tz),
        },
      });
      return { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' };
    }),
  );
  const ok = results.filter((r) => r.status === 'success').length;
  res.status(ok === results.length ? 200 : ok === 0 ? 400 : 207).json({ data: results });
}

function deleted(ctx: EmulatorContext) {
  return (req: Request, res: Response) => {
    const module = recordModule(ctx, pathParam(req, 'module'));
    const type = queryString(req, 'type') ?? 'all';
    if (!['all', 'recycle', 'permanent'].includes(type))
      throw new ZohoError(
        400,
        'PATTERN_NOT_MATCHED',
        'Please check whether the input values are correct',
        { param_name: 'type' },
        true,
      );
    const perPage = intParam(req, 'per_page', 200, 1, 200);
    const page = intParam(req, 'page', 1, 1, Number.MAX_SAFE_INTEGER);
    const ims = ifModifiedSince(req);
    charge(ctx, res, 1);
    if (type === 'permanent') return ims === null ? noContent(res) : notModified(res);
    const rows = ctx.org.store.deletedSince(module.apiName, ims ?? -1, (page - 1) * perPage, perPage + 1);
    if (rows.length === 0) return ims === null ? noContent(res) : notModified(res);
    const data = rows.slice(0, perPage).map((r) => r.data);
    res.json({
      data,
      info: { per_page: perPage, count: data.length, page, more_records: rows.length > perPage },
    });
  };
}

export function mountRecordRoutes(router: Router, ctx: EmulatorContext): void {
  router
    .route(`${BASE}/:module/upsert`)
    .post(route(`POST ${BASE}/{module}/upsert`, 'write', write(ctx, 'upsert', false)))
    .all(() => {
      throw errors.invalidMethod();
    });
  router
    .route(`${BASE}/:module/deleted`)
    .get(route(`GET ${BASE}/{module}/deleted`, 'read', deleted(ctx)))
    .all(() => {
      throw errors.invalidMethod();
    });
  router
    .route(`${BASE}/:module`)
    .get(
      route(`GET ${BASE}/{module}`, 'read', (req, res) => {
        const module = recordModule(ctx, pathParam(req, 'module'));
        const answer = listRecords(ctx.org, module, req);
        charge(ctx, res, 1);
        if (answer.kind === 'not-modified') return notModified(res);
        if (answer.kind === 'empty') return noContent(res);
        res.json(answer.body);
      }),
    )
    .post(route(`POST ${BASE}/{module}`, 'write', write(ctx, 'insert', false)))
    .put(route(`PUT ${BASE}/{module}`, 'write', write(ctx, 'update', false)))
    .delete(
      route(`DELETE ${BASE}/{module}`, 'write', (req, res) => {
        const raw = queryString(req, 'ids');
        if (!raw)
          throw new ZohoError(400, 'REQUIRED_PARAM_MISSING', 'One of the expected parameter is missing', {
            param_name: 'ids',
          });
        deleteIds(
          ctx,
          req,
          res,
          raw
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        );
      }),
    )
    .all(() => {
      throw errors.invalidMethod();
    });
  router
    .route(`${BASE}/:module/:id`)
    .get(route(`GET ${BASE}/{module}/{id}`, 'read', getOne(ctx)))
    .put(route(`PUT ${BASE}/{module}/{id}`, 'write', write(ctx, 'update', true)))
    .delete(
      route(`DELETE ${BASE}/{module}/{id}`, 'write', (req, res) =>
        deleteIds(ctx, req, res, [pathParam(req, 'id')]),
      ),
    )
    .all(() => {
      throw errors.invalidMethod();
    });
}
