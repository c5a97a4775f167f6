/**
 * Integration harness: a local Zoho CRM (the emulator, in-process over HTTP on 127.0.0.1) and the
 * sync service against it through the real Zoho SDK, each with its own temp state directory.
 */
import { emulatorConnection } from '../../server/zoho/env';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../../server/config/load-config';
import type { CreditSnapshot } from '../../server/local/emulator/credits';
import type { RunningEmulator } from '../../server/local/emulator/emulator';
import { startLocalCrm, type LocalCrmOptions } from '../../server/local/plugins/local-crm';
import { createLogger } from '../../server/runtime/logger';
import { SyncService, type SyncServiceOptions } from '../../server/sync/sync-service';
import type { SalesProcessConfig } from '../../shared/config/schema';

export const AS_OF = Date.parse('2026-11-26T12:00:00+09:00');
/** The instant runs compute as of on a CRM from `startCrmAfterData`: the generated data's now + 6 h. */
export const RUN_AS_OF = AS_OF + 6 * 3600_000;
/** RUN_AS_OF as `npm run sync -- --as-of` takes it. */
export const RUN_AS_OF_ISO = new Date(RUN_AS_OF).toISOString();

export function shippedConfig(): SalesProcessConfig {
  const r = loadConfigFile(DEFAULT_CONFIG_PATH);
  if (!r.ok) throw new Error('shipped config invalid');
  return r.config;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface Crm {
  emu: RunningEmulator;
  dir: string;
  url: string;
  admin(method: string, p: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  records(module: string): Promise<Record<string, unknown>[]>;
  credits(): Promise<CreditSnapshot>;
  stop(): Promise<void>;
}

export async function startCrm(o: Partial<LocalCrmOptions> = {}): Promise<Crm> {
  const dir = tempDir('crm-');
  // The CRM's clock runs from an hour before AS_OF, so what it stamps (Modified_Time, Closed_Time) is
  // in the past of the runs, which compute as of AS_OF.
  const started = Date.now();
  const now = () => AS_OF - 3600_000 + (Date.now() - started);
  const emu = await startLocalCrm({
    port: 0,
    stateDir: dir,
    config: shippedConfig(),
    asOfMs: AS_OF,
    seed: 'sync-test',
    now,
    ...o,
  });
  const admin = async (method: string, p: string, body?: unknown) => {
    const res = await fetch(`${emu.url}/__emulator${p}`, {
      method,
      ...(body === undefined
        ? {}
        : { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } }),
    });
    const text = await res.text();
    return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
  };
  return {
    emu,
    dir,
    url: emu.url,
    admin,
    records: async (module) =>
      ((await admin('GET', `/records/${module}`)).body as { data: Record<string, unknown>[] }).data,
    credits: async () => (await admin('GET', '/credits')).body as CreditSnapshot,
    stop: async () => {
      await emu.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * A CRM with data generated as of AS_OF whose clock starts a second after it, so what the runs write
 * (as of RUN_AS_OF) is newer than anything generated and comes back on the next read, as in Zoho.
 */
export function startCrmAfterData(o: Omit<Partial<LocalCrmOptions>, 'asOfMs' | 'now'> = {}): Promise<Crm> {
  const started = Date.now();
  return startCrm({ ...o, asOfMs: AS_OF, now: () => AS_OF + 1000 + (Date.now() - started) });
}

export interface LogCapture {
  lines: string[];
  text(): string;
}

export function captureLogs(): { stream: Writable & { write(s: string): boolean }; capture: LogCapture } {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { stream, capture: { lines, text: () => lines.join('') } };
}

export async function openService(crm: Crm, o: Partial<SyncServiceOptions> = {}): Promise<SyncService> {
  const { stream } = captureLogs();
  const connection = o.connection ?? emulatorConnection(crm.url);
  return SyncService.open({
    stateDir: o.stateDir ?? tempDir('svc-'),
    connection,
    config: o.config ?? shippedConfig(),
    log: o.log ?? createLogger({ level: 'warn', destination: stream }),
    dailyCredits: 5_000_000,
    budgetShare: 1,
    now: () => AS_OF,
    timeoutMs: 5000,
    baseDelayMs: 5,
    ...o,
  });
}

/** The service-owned fields of every account and deal, and the stage history — the state runs must agree on. */
export async function serviceState(
  crm: Crm,
  config = shippedConfig(),
): Promise<{ accounts: Record<string, unknown>; deals: Record<string, unknown>; history: string[] }> {
  const a = config.fields.account;
  const accountFields = (r: Record<string, unknown>) =>
    Object.fromEntries(
      Object.entries(r).filter(
        ([k]) =>
          k.startsWith('KPI_') ||
          k.startsWith('KGI_') ||
          [a.relationshipStage, a.stageSince, a.stageProgress, a.nextStageGaps, a.insightUpdatedAt].includes(
            k,
          ),
      ),
    );
  const d = config.fields.deal;
  const dealFields = (r: Record<string, unknown>) =>
    Object.fromEntries(
      [d.buyingStage, d.strategicRole, d.priority, d.forecastRisk].map((k) => [k, r[k] ?? null]),
    );
  const h = config.fields.stageHistory;
  const history = (await crm.records(config.fields.modules.stageHistory)).map(
    (r) =>
      `${JSON.stringify((r[h.account] as { id?: string } | null)?.id)} ${String(r[h.from])} → ${String(r[h.to])} @ ${String(r[h.changedAt])}`,
  );
  return {
    accounts: Object.fromEntries(
      (await crm.records(config.fields.modules.accounts)).map((r) => [String(r.id), accountFields(r)]),
    ),
    deals: Object.fromEntries(
      (await crm.records(config.fields.modules.deals)).map((r) => [String(r.id), dealFields(r)]),
    ),
    history: history.sort(),
  };
}
