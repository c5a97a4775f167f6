/**
 * The local Zoho toolkit's one entry point, used by `npm start` when no Zoho credentials are set:
 * the emulator on 127.0.0.1 with its data under STATE_DIR (filled with the demo companies the first
 * time), the webhook from its workflow to the service, and the widget preview routes. `server/main.ts`
 * imports this module dynamically, and only in that case; nothing else in the product may import
 * `server/local/` (ESLint).
 */
import type express from 'express';
import type { Logger } from 'pino';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { emulatorConnection, type ZohoConnection } from '../zoho/env';
import { generateDemoDataset } from './datasets/demo/generate';
import { loadDatasetObject } from './emulator/dataset/load';
import { startEmulator } from './emulator/emulator';
import { previewRouters } from './widget-host/mount';
import type { ServiceHook } from './widget-host/recompute';

export interface LocalToolkit {
  /** The CRM's base URL (`/crm/v6` and `/oauth/v2/token` hang off it). */
  url: string;
  connection: ZohoConnection;
  /** The widget preview (`/preview/`), empty when the widget could not be built. */
  routers: express.Router[];
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
  const emulator = await startEmulator({ port: o.port, stateDir: o.stateDir, config: o.config });
  const accounts = emulator.summary()[o.config.fields.modules.accounts] ?? 0;
  if (accounts === 0) {
    const dataset = generateDemoDataset({ asOf: new Date() });
    const stats = loadDatasetObject(emulator.org, dataset);
    o.log.info({ records: stats }, 'local CRM was empty: loaded the demo companies');
  }
  const connection = emulatorConnection(emulator.url);
  const serviceHook: ServiceHook = { target: null };
  return {
    url: emulator.url,
    connection,
    routers: previewRouters({ connection, log: o.log, config: o.config, serviceHook }),
    registerWebhook: (url, secret) => {
      emulator.ctx.webhooks.register({ url, secret });
      serviceHook.target = { url, secret }; // the preview's esm_recompute_now signs to the same hook
    },
    close: () => emulator.close(),
  };
}
