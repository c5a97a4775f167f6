/**
 * The preview on its own: the local Zoho CRM (emulator, in-process, with the demo org) and the
 * preview router at `/preview` on 127.0.0.1. `npm run preview` runs it; e2e tests and the widget
 * budget use it with port 0. (The service's `npm start` mounts the same router.)
 */
import { emulatorConnection } from '../../zoho/env';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import express from 'express';
import { DEFAULT_CONFIG_PATH, PROJECT_ROOT, loadConfigFile } from '../../config/load-config';
import { generateDemoDataset } from '../datasets/demo/generate';
import { startEmulator, type RunningEmulator } from '../emulator/emulator';
import { createLogger } from '../../runtime/logger';
import { SyncService } from '../../sync/sync-service';
import { createPreviewRouter, type PreviewRouter } from './router';

export interface PreviewServerOptions {
  /** Default 3000; 0 picks a free port. */
  port?: number;
  /** The emulator's port; default 0 (a free one). */
  emulatorPort?: number;
  /** A DESIGN §3 dataset to load instead of the demo org. */
  dataset?: unknown;
  /** The demo's "now"; default now. */
  asOf?: number;
  /** Where the emulator keeps its database; default a fresh temp dir, removed on close. */
  stateDir?: string;
  appDir?: string;
  /**
   * Run one full sync against the CRM first, so the fields the service writes (KPIs, progress,
   * gaps) exist, as they do in an org where the service runs. The manager's view reads them.
   */
  sync?: boolean;
}

export interface PreviewServer {
  url: string;
  previewUrl: string;
  emulator: RunningEmulator;
  router: PreviewRouter;
  close(): Promise<void>;
}

export async function startPreviewServer(opts: PreviewServerOptions = {}): Promise<PreviewServer> {
  const temp = opts.stateDir ? null : mkdtempSync(path.join(os.tmpdir(), 'es-preview-'));
  const emulator = await startEmulator({
    port: opts.emulatorPort ?? 0,
    stateDir: opts.stateDir ?? (temp as string),
    reset: true,
    dataset: opts.dataset ?? generateDemoDataset({ asOf: opts.asOf ?? Date.now() }),
  });
  if (opts.sync)
    await syncOnce(emulator.url, path.join(opts.stateDir ?? (temp as string), 'service'), opts.asOf);
  const router = createPreviewRouter({
    crmBaseUrl: emulator.url,
    accountsUrl: emulator.url,
    clientId: 'demo',
    clientSecret: 'demo',
    refreshToken: 'demo',
    appDir: opts.appDir ?? path.join(PROJECT_ROOT, 'app'),
  });
  const app = express();
  app.disable('x-powered-by');
  app.use('/preview', router);
  app.get('/', (_req, res) => res.redirect('/preview/'));
  app.get('/favicon.ico', (_req, res) => void res.status(204).end());
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 3000, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    previewUrl: `${url}/preview/`,
    emulator,
    router,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await emulator.close();
      if (temp) rmSync(temp, { recursive: true, force: true });
    },
  };
}

/** One full sync of the service against the local CRM, then closed. */
async function syncOnce(crmUrl: string, stateDir: string, asOf: number | undefined): Promise<void> {
  const config = loadConfigFile(DEFAULT_CONFIG_PATH);
  if (!config.ok)
    throw new Error(`the sales-process config is invalid: ${config.problems[0]?.message ?? ''}`);
  const service = await SyncService.open({
    stateDir,
    connection: emulatorConnection(crmUrl),
    config: config.config,
    log: createLogger({ level: 'warn' }),
    dailyCredits: 5_000_000,
    budgetShare: 1,
    ...(asOf !== undefined ? { now: () => asOf } : {}),
  });
  try {
    const run = await service.sync({ full: true, trigger: 'preview' });
    if (run.status === 'failed')
      throw new Error(`the preview's first sync failed: ${run.error?.message ?? ''}`);
  } finally {
    service.close();
  }
}
