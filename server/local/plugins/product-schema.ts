/**
 * The product's custom fields and modules put into a local org in-process, for the tests and
 * `npm run emulator`: the plan is `setup:crm`'s (server/setup/plan.ts — the same steps and the same
 * create-field/create-module JSON), applied through the emulator's own settings handlers instead of
 * over HTTP (no token, no credits, milliseconds), and the subforms as the layout-editor step
 * (`/__emulator/subforms` takes the same body). `npm start` does it over the API instead
 * (server/local/start.ts). On a kept store the plan is empty and nothing changes.
 */
import { productCustomizations } from '../../crm-schema/product-fields';
import {
  describeStep,
  planSetup,
  setupRequest,
  subformByHand,
  type OrgSchema,
  type SetupStep,
} from '../../setup/plan';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import { addSubformByHand, createField, createModule, type EntryResult } from '../emulator/metadata/create';
import { PROFILES } from '../emulator/metadata/field-json';
import type { Org } from '../emulator/org';
import type { EmulatorPlugin } from '../emulator/plugins';

/** What `GET /settings/modules` and `GET /settings/fields` would tell setup about this org. */
export function orgSchemaOf(org: Org): OrgSchema {
  return {
    modules: new Set(org.catalog.modules.map((m) => m.apiName)),
    fields: new Map(
      org.catalog.modules.map((m) => [
        m.apiName,
        m.fields.map((f) => ({
          api_name: f.apiName,
          data_type: f.dataType,
          ...(f.picklist
            ? {
                pick_list_values: f.picklist.map((o) => ({
                  display_value: o.display,
                  actual_value: o.actual,
                })),
              }
            : {}),
        })),
      ]),
    ),
  };
}

function apply(org: Org, s: SetupStep, profileIds: string[]): EntryResult[] {
  const now = org.now();
  const request = setupRequest(s, profileIds);
  if (s.kind === 'create_module' && request) {
    const [entry] = (request.body as { modules: unknown[] }).modules;
    return [createModule(org.catalog, entry, 0, now)];
  }
  if (s.kind === 'create_field' && request) {
    const module = org.catalog.module(s.module);
    if (!module) throw new Error(`${describeStep(s)}: no module ${s.module}`);
    const [entry] = (request.body as { fields: unknown[] }).fields;
    return [createField(org.catalog, module, entry, 0, now)];
  }
  if (s.kind === 'add_subform_by_hand') {
    const body = subformByHand(s);
    const module = org.catalog.module(body.module);
    if (!module) throw new Error(`${describeStep(s)}: no module ${body.module}`);
    return addSubformByHand(org.catalog, module, body.subform, body.columns, now);
  }
  // A type conflict or missing picklist values: a person's decision, never made here.
  throw new Error(`the local org differs from the product's schema: ${describeStep(s)}`);
}

/** Create what the product's schema needs and the org lacks; the steps taken. */
export function provisionProductSchema(org: Org, config: SalesProcessConfig): SetupStep[] {
  const steps = planSetup(productCustomizations(config), orgSchemaOf(org));
  if (steps.length === 0) return steps;
  const admin = PROFILES.find((p) => /administrator/i.test(p.name)) ?? PROFILES[0];
  for (const s of steps) {
    const failed = apply(org, s, admin ? [admin.id] : []).find((r) => !r.ok);
    if (failed) throw new Error(`${describeStep(s)}: ${JSON.stringify(failed.body)}`);
  }
  org.catalog.rebuildRelatedLists();
  org.saveCatalog();
  return steps;
}

/** The product's schema, prepared at every start and after a reset. */
export function productSchemaPlugin(config: SalesProcessConfig): EmulatorPlugin {
  return { name: 'product-schema', prepare: (org) => void provisionProductSchema(org, config) };
}
