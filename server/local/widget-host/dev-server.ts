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
import { randomBytes } from 'node:crypto';
import { ConfigHolder } from '../../config/config-holder';
import { publishConfig } from '../../config/publish-config';
import {
  DEFAULT_CONFIG_PATH,
  PROJECT_ROOT,
  loadConfigFile,
  resolveConfigPath,
} from '../../config/load-config';
import { createApp } from '../../http/app';
import { SyncRunner } from '../../schedule/runner';
import { generateDemoDataset } from '../datasets/demo/generate';
import type { RunningEmulator } from '../emulator/emulator';
import { startLocalCrm } from '../plugins/local-crm';
import { createLogger } from '../../runtime/logger';
import { SyncService } from '../../sync/sync-service';
import type { ServiceHook } from './recompute';
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
  /**
   * Run the service beside the preview, as `npm start` does: its webhook receives the preview's
   * `esm_recompute_now`, and it syncs on request. `configFile` is the config it watches.
   */
  service?: { configFile?: string };
}

export interface PreviewServer {
  url: string;
  previewUrl: string;
  emulator: RunningEmulator;
  router: PreviewRouter;
  /** The running service (with `service`): its config holder and runner. */
  service: { config: ConfigHolder; runner: SyncRunner } | null;
  close(): Promise<void>;
}

export async function startPreviewServer(opts: PreviewServerOptions = {}): Promise<PreviewServer> {
  const temp = opts.stateDir ? null : mkdtempSync(path.join(os.tmpdir(), 'es-preview-'));
  const emulator = await startLocalCrm({
    port: opts.emulatorPort ?? 0,
    stateDir: opts.stateDir ?? (temp as string),
    reset: true,
    dataset: opts.dataset ?? generateDemoDataset({ asOf: opts.asOf ?? Date.now() }),
  });
  if (opts.sync)
    await syncOnce(emulator.url, path.join(opts.stateDir ?? (temp as string), 'service'), opts.asOf);
  const serviceHook: ServiceHook = { target: null };
  const router = createPreviewRouter({
    serviceHook,
    crmBaseUrl: emulator.url,
    accountsUrl: emulator.url,
    clientId: 'demo',
    clientSecret: 'demo',
    refreshToken: 'demo',
    appDir: opts.appDir ?? path.join(PROJECT_ROOT, 'app'),
  });
  const site = express.Router();
  site.use('/preview', router);
  site.get('/', (_req, res) => res.redirect('/preview/'));
  site.get('/favicon.ico', (_req, res) => void res.status(204).end());
  const withService = opts.service
    ? await openService(emulator.url, opts.stateDir ?? (temp as string), opts.service, site)
    : null;
  const app = withService?.app ?? express().use(site);
  app.disable('x-powered-by');
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 3000, '127.0.0.1', resolve);
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (withService) serviceHook.target = { url: `${url}/hooks/zoho`, secret: withService.secret };
  return {
    url,
    previewUrl: `${url}/preview/`,
    emulator,
    router,
    service: withService,
    async close() {
      await withService?.stop();
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

/** The service as `npm start` runs it (first sync done), with the preview routes mounted on its app. */
async function openService(
  crmUrl: string,
  stateDir: string,
  o: { configFile?: string },
  site: express.Router,
) {
  const log = createLogger({ level: 'warn' });
  const config = ConfigHolder.load(o.configFile ?? resolveConfigPath(), log);
  const service = await SyncService.open({
    stateDir: path.join(stateDir, 'service'),
    connection: emulatorConnection(crmUrl),
    config: config.current,
    log,
    dailyCredits: 5_000_000,
    budgetShare: 1,
  });
  config.onChange((c) => service.setConfig(c));
  config.onChange((c) => void publishConfig(service.gateway, c, log));
  config.watch(200);
  const runner = new SyncRunner(service, log, { debounceMs: 200 });
  runner.request({ trigger: 'start' });
  await runner.idle();
  await publishConfig(service.gateway, config.current, log);
  const secret = randomBytes(24).toString('hex');
  const app = createApp({
    service,
    runner,
    config,
    log,
    apiToken: randomBytes(24).toString('hex'),
    webhookSecret: secret,
    extra: [site],
    ready: () => true,
  });
  return {
    app,
    secret,
    config,
    runner,
    async stop() {
      config.unwatch();
      await runner.stop();
      service.close();
    },
  };
}
