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
import type { SettingsApi } from '../setup/apply';
import { emulatorConnection, type ZohoConnection } from '../zoho/env';
import { startLocalCrm } from './plugins/local-crm';
import { prepareLocalOrg } from './prepare-org';
import { previewRouters } from './widget-host/mount';
import type { ServiceHook } from './widget-host/recompute';

export interface LocalToolkit {
  /** The CRM's base URL (`/crm/v6` and `/oauth/v2/token` hang off it). */
  url: string;
  connection: ZohoConnection;
  /** The widget preview (`/preview/`), empty when the widget could not be built. */
  routers: express.Router[];
  /**
   * Set the org up as `npm run setup:crm -- --apply` does, through `api` (the service's gateway),
   * and load the demo companies into an empty org (prepare-org.ts).
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

  return {
    url: emulator.url,
    connection,
    routers: previewRouters({ connection, log: o.log, config: o.config, serviceHook }),
    prepare: async (api) => void (await prepareLocalOrg({ emulator, api, config: o.config, log: o.log })),
    registerWebhook: (url, secret) => {
      emulator.ctx.webhooks.register({ url, secret });
      serviceHook.target = { url, secret }; // the preview's esm_recompute_now signs to the same hook
    },
    close: () => emulator.close(),
  };
}
