/**
 * The built-in local Zoho CRM behind `npm start` when no Zoho credentials are set: the emulator on
 * 127.0.0.1 with its data under STATE_DIR, filled with the demo companies the first time.
 */
import { emulatorConnection } from '../zoho/env';
import type { Logger } from 'pino';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { generateDemoDataset } from '../demo/generate';
import { loadDatasetObject } from '../emulator/dataset/load';
import { startEmulator, type RunningEmulator } from '../emulator/emulator';
import type { ZohoConnection } from '../zoho/env';

export interface LocalCrm {
  emulator: RunningEmulator;
  connection: ZohoConnection;
}

export async function startLocalCrm(o: {
  stateDir: string;
  port: number;
  config: SalesProcessConfig;
  log: Logger;
}): Promise<LocalCrm> {
  const emulator = await startEmulator({ port: o.port, stateDir: o.stateDir, config: o.config });
  const accounts = emulator.summary()[o.config.fields.modules.accounts] ?? 0;
  if (accounts === 0) {
    const dataset = generateDemoDataset({ asOf: new Date() });
    const stats = loadDatasetObject(emulator.org, dataset);
    o.log.info({ records: stats }, 'local CRM was empty: loaded the demo companies');
  }
  return {
    emulator,
    connection: emulatorConnection(emulator.url),
  };
}
