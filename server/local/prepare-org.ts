/**
 * What `npm start` does to the local org before the service uses it: the set-up a customer's admin
 * does with `npm run setup:crm -- --apply` — through the API, with setup's own code
 * (server/setup/apply.ts), so that path runs on every local start — then the manual step setup
 * prints (the subforms, which Zoho creates only in the layout editor; here the emulator's
 * `/__emulator/subforms`), then the demo companies if the org has no accounts. A kept org finds
 * nothing to create.
 */
import type { Logger } from 'pino';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { productCustomizations } from '../crm-schema/product-fields';
import { applySteps, planOrgSetup, type SettingsApi } from '../setup/apply';
import { describeStep, subformByHand } from '../setup/plan';
import { generateDemoDataset } from './datasets/demo/generate';
import { loadDatasetObject } from './emulator/dataset/load';
import type { RunningEmulator } from './emulator/emulator';

export interface PreparedOrg {
  /** Modules and fields created through the API. */
  created: number;
  /** Subforms added by the layout-editor step. */
  subforms: number;
  /** Differences setup leaves to a person (type conflicts, picklist values), described. */
  toFixByHand: string[];
  demoLoaded: boolean;
}

export async function prepareLocalOrg(o: {
  emulator: RunningEmulator;
  /** The service's gateway: the same call path (token, credits) as `setup:crm`. */
  api: SettingsApi;
  config: SalesProcessConfig;
  log: Logger;
  /** The demo data's "today" (default: now). */
  asOf?: Date;
}): Promise<PreparedOrg> {
  const steps = await planOrgSetup(o.api, productCustomizations(o.config));
  const failed = await applySteps(o.api, steps);
  if (failed.length > 0) throw new Error(`setting up the local CRM failed: ${failed.join('; ')}`);
  const result: PreparedOrg = { created: 0, subforms: 0, toFixByHand: [], demoLoaded: false };
  for (const s of steps) {
    if (s.kind === 'create_module' || s.kind === 'create_field') result.created += 1;
    else if (s.kind === 'add_subform_by_hand') {
      // The manual step of setup:crm, done by "the admin" of the local org.
      const res = await fetch(`${o.emulator.url}/__emulator/subforms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(subformByHand(s)),
      });
      if (res.status !== 201)
        throw new Error(
          `setting up the local CRM: ${describeStep(s)}: HTTP ${res.status} ${await res.text()}`,
        );
      result.subforms += 1;
    } else result.toFixByHand.push(describeStep(s));
  }
  for (const step of result.toFixByHand)
    o.log.warn({ step }, 'the local CRM differs from the product schema');
  if (steps.length > 0)
    o.log.info(
      { created: result.created, subforms: result.subforms },
      'local CRM set up through the API as npm run setup:crm does (subforms by the layout-editor step)',
    );
  if ((o.emulator.summary()[o.config.fields.modules.accounts] ?? 0) === 0) {
    const stats = loadDatasetObject(o.emulator.org, generateDemoDataset({ asOf: o.asOf ?? new Date() }));
    o.log.info({ records: stats }, 'local CRM was empty: loaded the demo companies');
    result.demoLoaded = true;
  }
  return result;
}
