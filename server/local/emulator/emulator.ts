/**
 * Starting and stopping the emulator in-process (`startEmulator`). A fresh store is a bare Zoho org
 * (standard modules and fields only); what a product adds comes in as plug-ins (plugins.ts). State
 * lives in SQLite under `<stateDir>/emulator/` and survives restarts unless `reset`. Callers with
 * our product: server/local/plugins/local-crm.ts (`npm run emulator`, `npm start`, the tests).
 */
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { createApp } from './app';
import type { EmulatorContext } from './context';
import { CreditMeter } from './credits';
import { loadDatasetFile, loadDatasetObject } from './dataset/load';
import type { IngestStats } from './dataset/ingest';
import { FaultRegistry } from './faults';
import { TokenService, type TokenLimit } from './http/oauth';
import { OrgCatalog } from './metadata/catalog';
import { Org } from './org';
import type { CrmFunction, EmulatorPlugin, OrgSettings } from './plugins';
import { openDb, removeDbFiles } from './store/db';
import { WebhookService } from './webhooks';
import { WriteLog } from './write-log';

export interface EmulatorOptions {
  /** Default 4010; 0 picks a free port. Always bound to 127.0.0.1. */
  port?: number;
  /** The database is `<stateDir>/emulator/crm.sqlite`; callers pass the product's one default (`server/env.ts`). */
  stateDir: string;
  reset?: boolean;
  /** What the org is customised with (settings, functions, workflow, an admin's set-up). */
  plugins?: readonly EmulatorPlugin[];
  org?: Partial<OrgSettings>;
  /** A dataset (DESIGN §3) loaded at start, after the plug-ins prepared the org. */
  dataFile?: string;
  dataset?: unknown;
  clientId?: string;
  clientSecret?: string;
  refreshToken?: string;
  creditsPerDay?: number;
  concurrency?: number;
  tokenTtlSeconds?: number;
  /** Zoho's access-token minting limit (10 per refresh token per 10 minutes); count 0 = none. */
  tokenLimit?: TokenLimit;
  /** A CRM function's answer and run time (Zoho: 10 MB, 1 minute). */
  functionLimits?: { maxBytes: number; maxMs: number };
  now?: () => number;
  logger?: Logger;
}

export interface RunningEmulator {
  url: string;
  port: number;
  dbFile: string;
  ctx: EmulatorContext;
  org: Org;
  loaded?: IngestStats;
  /** Records per module. */
  summary(): Record<string, number>;
  close(): Promise<void>;
}

export const DEFAULT_PORT = 4010;
export const DEFAULT_CREDITS_PER_DAY = 5_000_000;

export async function startEmulator(opts: EmulatorOptions): Promise<RunningEmulator> {
  const now = opts.now ?? Date.now;
  const log = opts.logger ?? pino({ level: 'silent' });
  const plugins = opts.plugins ?? [];
  const dbFile = path.join(path.resolve(opts.stateDir), 'emulator', 'crm.sqlite');
  if (opts.reset) removeDbFiles(dbFile);
  const db = openDb(dbFile);
  const org = new Org(db, now, opts.org);
  const prepare = () => {
    for (const p of plugins) p.prepare?.(org);
  };
  prepare();
  const functionImpls = new Map<string, CrmFunction>(
    plugins.flatMap((p) => Object.entries(p.functions ?? {})),
  );

  let loaded: IngestStats | undefined;
  if (opts.dataFile) {
    loaded = await loadDatasetFile(org, opts.dataFile);
  } else if (opts.dataset !== undefined) {
    loaded = loadDatasetObject(org, opts.dataset);
  }

  let url = '';
  const ctx: EmulatorContext = {
    org,
    credits: new CreditMeter(opts.creditsPerDay ?? DEFAULT_CREDITS_PER_DAY, now),
    faults: new FaultRegistry(),
    webhooks: new WebhookService(
      org,
      log,
      plugins.flatMap((p) => (p.workflow ? [p.workflow] : [])),
    ),
    writes: new WriteLog(),
    tokens: new TokenService(
      {
        clientId: opts.clientId ?? 'demo',
        clientSecret: opts.clientSecret ?? 'demo',
        refreshToken: opts.refreshToken ?? 'demo',
      },
      opts.tokenTtlSeconds ?? 3600,
      now,
      opts.tokenLimit,
    ),
    log,
    concurrency: opts.concurrency ?? 10,
    apiDomain: () => url,
    functions: new Set(functionImpls.keys()),
    functionImpls,
    functionLimits: opts.functionLimits ?? { maxBytes: 10 * 1024 * 1024, maxMs: 60_000 },
    held: new Set(),
  };
  const app = createApp(ctx, {
    reset() {
      org.store.clear();
      org.setUsers([]);
      org.catalog = OrgCatalog.create(now());
      org.saveCatalog();
      prepare();
      ctx.credits.reset();
      ctx.faults.clear();
      ctx.writes.reset();
      ctx.webhooks.clear();
      ctx.tokens.resetLimit();
      ctx.functions = new Set(functionImpls.keys());
    },
  });
  const server = http.createServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? DEFAULT_PORT, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;

  let closed = false;
  return {
    url,
    port,
    dbFile,
    ctx,
    org,
    ...(loaded ? { loaded } : {}),
    summary: () => org.store.countsByModule(),
    async close() {
      if (closed) return;
      closed = true;
      for (const release of ctx.held) release();
      ctx.held.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      db.close();
    },
  };
}
