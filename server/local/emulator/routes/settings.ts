/**
 * Metadata APIs: modules, fields, related lists, profiles; and creating custom fields and modules so
 * `npm run setup:crm` can be tested. One credit per call (creating a custom module: 500, as Zoho
 * counts it).
 */
import type { Request, Response, Router } from 'express';
import type { EmulatorContext } from '../context';
import { charge, jsonBody, notModified, pathParam, queryString, route } from '../http/api';
import { errors, ZohoError } from '../http/zoho-error';
import { createField, createModule, type EntryResult } from '../metadata/create';
import { fieldJson, moduleJson, PROFILES, relatedListJson } from '../metadata/field-json';
import type { ModuleDef } from '../metadata/types';
import { ifModifiedSince } from '../records/list';

const BASE = '/crm/v6/settings';
const MODULE_CREATION_CREDITS = 500;

function moduleParam(ctx: EmulatorContext, req: Request): ModuleDef {
  const name = queryString(req, 'module');
  if (!name) throw errors.requiredParam('module');
  const m = ctx.org.catalog.module(name);
  if (!m || !m.apiSupported) throw errors.invalidModule({ param_name: 'module' });
  return m;
}

function entriesOf(body: Record<string, unknown>, key: string): unknown[] {
  const list = body[key];
  if (list === undefined) throw errors.mandatory(key, `$.${key}`);
  if (!Array.isArray(list) || list.length === 0)
    throw new ZohoError(400, 'INVALID_DATA', 'invalid data', {
      expected_data_type: 'jsonarray',
      api_name: key,
      json_path: `$.${key}`,
    });
  return list;
}

function answer(res: Response, key: string, results: EntryResult[]): void {
  const ok = results.filter((r) => r.ok).length;
  res.status(ok === results.length ? 201 : ok === 0 ? 400 : 207).json({ [key]: results.map((r) => r.body) });
}

const methodNotAllowed = () => {
  throw errors.invalidMethod();
};

export function mountSettings(router: Router, ctx: EmulatorContext): void {
  const { org } = ctx;
  const fields = (m: ModuleDef) => m.fields.map((f) => fieldJson(f, m, (n) => org.catalog.module(n), org.tz));

  router
    .route(`${BASE}/modules`)
    .get(
      route(`GET ${BASE}/modules`, 'read', (req, res) => {
        const ims = ifModifiedSince(req);
        charge(ctx, res, 1);
        const list = org.catalog.modules
          .map((m, i) => ({ m, i }))
          .filter(({ m }) => ims === null || (m.modifiedMs ?? 0) > ims);
        if (list.length === 0) return notModified(res);
        res.json({ modules: list.map(({ m, i }) => moduleJson(m, i, org.tz)) });
      }),
    )
    .post(
      route(`POST ${BASE}/modules`, 'write', (req, res) => {
        const entries = entriesOf(jsonBody(req), 'modules');
        charge(ctx, res, MODULE_CREATION_CREDITS);
        const results = entries.map((e, i) => createModule(org.catalog, e, i, org.now()));
        org.catalog.rebuildRelatedLists();
        org.saveCatalog();
        answer(res, 'modules', results);
      }),
    )
    .all(methodNotAllowed);

  router
    .route(`${BASE}/modules/:name`)
    .get(
      route(`GET ${BASE}/modules/{api_name}`, 'read', (req, res) => {
        const m = org.catalog.module(pathParam(req, 'name'));
        if (!m) throw errors.invalidModule({ resource_path_index: 2 });
        charge(ctx, res, 1);
        const index = org.catalog.modules.indexOf(m);
        res.json({
          modules: [
            {
              ...moduleJson(m, index, org.tz),
              fields: m.fields.map((f) => ({ api_name: f.apiName, id: f.id })),
              display_field: m.displayField || null,
            },
          ],
        });
      }),
    )
    .all(methodNotAllowed);

  router
    .route(`${BASE}/fields`)
    .get(
      route(`GET ${BASE}/fields`, 'read', (req, res) => {
        const m = moduleParam(ctx, req);
        charge(ctx, res, 1);
        res.json({ fields: fields(m) });
      }),
    )
    .post(
      route(`POST ${BASE}/fields`, 'write', (req, res) => {
        const m = moduleParam(ctx, req);
        const entries = entriesOf(jsonBody(req), 'fields');
        charge(ctx, res, 1);
        const results = entries.map((e, i) => createField(org.catalog, m, e, i, org.now()));
        org.catalog.rebuildRelatedLists();
        org.saveCatalog();
        answer(res, 'fields', results);
      }),
    )
    .all(methodNotAllowed);

  router
    .route(`${BASE}/fields/:id`)
    .get(
      route(`GET ${BASE}/fields/{id}`, 'read', (req, res) => {
        const m = moduleParam(ctx, req);
        const f = m.fields.find((x) => x.id === pathParam(req, 'id'));
        if (!f)
          throw new ZohoError(400, 'INVALID_DATA', 'the id given seems to be invalid', {
            resource_path_index: 2,
          });
        charge(ctx, res, 1);
        res.json({ fields: [fieldJson(f, m, (n) => org.catalog.module(n), org.tz)] });
      }),
    )
    .all(methodNotAllowed);

  router
    .route(`${BASE}/related_lists`)
    .get(
      route(`GET ${BASE}/related_lists`, 'read', (req, res) => {
        const m = moduleParam(ctx, req);
        charge(ctx, res, 1);
        res.json({
          related_lists: m.relatedLists.map((r, i) => relatedListJson(m, r, i, org.catalog.module(r.module))),
        });
      }),
    )
    .all(methodNotAllowed);

  router
    .route(`${BASE}/profiles`)
    .get(
      route(`GET ${BASE}/profiles`, 'read', (_req, res) => {
        charge(ctx, res, 1);
        res.json({
          profiles: PROFILES.map((p) => ({
            ...p,
            display_label: p.name,
            custom: false,
            default: p.name === 'Administrator',
          })),
        });
      }),
    )
    .all(methodNotAllowed);
}
