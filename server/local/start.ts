/**
 * The local Zoho toolkit's one entry point, used by `npm start` when no Zoho credentials are set:
 * the emulator on 127.0.0.1 with its data under STATE_DIR — a bare Zoho org the first time, which
 * `prepare` customises through the API with `setup:crm`'s own code and then fills with the demo
 * companies — the webhook from its workflow to the service, and the widget preview routes.
 * `server/main.ts` imports this module dynamically, and only in that case; nothing else in the
 * product may import `server/local/` (ESLint).
 */
import type express from 'express';
import type { Logger } from 'pino';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { productCustomizations } from '../crm-schema/product-fields';
import { applySteps, planOrgSetup, type SettingsApi } from '../setup/apply';
import { describeStep, subformByHand } from '../setup/plan';
import { emulatorConnection, type ZohoConnection } from '../zoho/env';
import { generateDemoDataset } from './datasets/demo/generate';
import { loadDatasetObject } from './emulator/dataset/load';
import { startLocalCrm } from './plugins/local-crm';
import { previewRouters } from './widget-host/mount';
import type { ServiceHook } from './widget-host/recompute';

export interface LocalToolkit {
  /** The CRM's base URL (`/crm/v6` and `/oauth/v2/token` hang off it). */
  url: string;
  connection: ZohoConnection;
  /** The widget preview (`/preview/`), empty when the widget could not be built. */
  routers: express.Router[];
  /**
   * Set the org up as `npm run setup:crm -- --apply` does, through `api` (the service's gateway):
   * create the custom fields and modules the org lacks, then do the manual step (the subforms, in
   * the emulator's layout editor `/__emulator/subforms`); then load the demo companies into an
   * empty org. A kept org finds nothing to create.
   */
  prepare(api: SettingsApi): Promise<void>;
  /** Point the local CRM's workflow webhook at the service. */
  registerWebhook(url: string, secret: string): void;
  close(): Promise<void>;
}

export async function startLocalToolkit(o: {
  stateDir: string;
  port: number;
  config: SalesProcessConfig;
  log: Logger;
}): Promise<LocalToolkit> {
  // Bare: the product's fields come through the API in `prepare`, as in a customer's org.
  const emulator = await startLocalCrm({ port: o.port, stateDir: o.stateDir, config: o.config, bare: true });
  const connection = emulatorConnection(emulator.url);
  const serviceHook: ServiceHook = { target: null };

  async function prepare(api: SettingsApi): Promise<void> {
    const steps = await planOrgSetup(api, productCustomizations(o.config));
    const failed = await applySteps(api, steps);
    if (failed.length > 0) throw new Error(`setting up the local CRM failed: ${failed.join('; ')}`);
    let byHand = 0;
    for (const s of steps) {
      if (s.kind === 'add_subform_by_hand') {
        // The manual step of setup:crm, done by "the admin" of the local org.
        const res = await fetch(`${emulator.url}/__emulator/subforms`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(subformByHand(s)),
        });
        if (res.status !== 201)
          throw new Error(
            `setting up the local CRM: ${describeStep(s)}: HTTP ${res.status} ${await res.text()}`,
          );
        byHand += 1;
      } else if (s.kind === 'type_conflict' || s.kind === 'missing_picklist_values')
        o.log.warn({ step: describeStep(s) }, 'local CRM differs from the product schema');
    }
    if (steps.length > 0)
      o.log.info(
        { created: steps.length - byHand, subforms: byHand },
        'local CRM set up through the API as npm run setup:crm does (subforms by the layout-editor step)',
      );
    const accounts = emulator.summary()[o.config.fields.modules.accounts] ?? 0;
    if (accounts === 0) {
      const stats = loadDatasetObject(emulator.org, generateDemoDataset({ asOf: new Date() }));
      o.log.info({ records: stats }, 'local CRM was empty: loaded the demo companies');
    }
  }

  return {
    url: emulator.url,
    connection,
    routers: previewRouters({ connection, log: o.log, config: o.config, serviceHook }),
    prepare,
    registerWebhook: (url, secret) => {
      emulator.ctx.webhooks.register({ url, secret });
      serviceHook.target = { url, secret }; // the preview's esm_recompute_now signs to the same hook
    },
    close: () => emulator.close(),
  };
}
