/**
 * How big the read-batch function's answers get on the manager's page (issue 12): Zoho lets a CRM
 * function answer at most 10 MB and run at most 1 minute. Scale data of N accounts (default 10,000)
 * after one full sync (so the fields the service writes are filled), then the web tab's page load
 * through the widget's own reads (widget/common/reads.ts → esm_read_batch on the local CRM), with
 * every function answer measured: bytes of `details.output`, rows, and bytes per row per module.
 * `npx tsx test/portfolio/read-batch-size.ts [--accounts N]`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../../server/config/load-config';
import { startLocalCrm } from '../../server/local/plugins/local-crm';
import { createHostCrm } from '../../server/local/widget-host/host-crm';
import { restForSdkCall } from '../../server/local/widget-host/sdk-rest';
import { createLogger } from '../../server/runtime/logger';
import { SyncService } from '../../server/sync/sync-service';
import { emulatorConnection } from '../../server/zoho/env';
import { READ_BATCH_MAX_ROWS } from '../../shared/crm-read/read-batch';
import type { Instant } from '../../shared/model/types';
import { batchedReads } from '../../widget/common/reads';
import { loadPortfolioDataset } from '../../widget/portfolio/data/load-portfolio';
import { connectZoho } from '../../widget/zoho/zoho-gateway';
import { useUtc } from '../../server/runtime/utc';

const log = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  useUtc();
  const i = process.argv.indexOf('--accounts');
  const accounts = i > 0 ? Number(process.argv[i + 1]) : 10_000;
  const loaded = loadConfigFile(DEFAULT_CONFIG_PATH);
  if (!loaded.ok) throw new Error('the shipped config is invalid');
  const config = loaded.config;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'es-read-batch-size-'));
  const emulator = await startLocalCrm({
    port: 0,
    stateDir: path.join(dir, 'crm'),
    reset: true,
    accounts,
    seed: 'read-batch-size',
  });
  try {
    const service = await SyncService.open({
      stateDir: path.join(dir, 'service'),
      connection: emulatorConnection(emulator.url),
      config,
      log: createLogger({ level: 'warn' }),
      dailyCredits: 5_000_000,
      budgetShare: 1,
    });
    const run = await service.sync({ full: true, trigger: 'read-batch-size' });
    service.close();
    log(`${accounts} accounts, one full sync: ${run.status}`);

    const host = createHostCrm({
      crmBaseUrl: emulator.url,
      accountsUrl: emulator.url,
      clientId: 'demo',
      clientSecret: 'demo',
      refreshToken: 'demo',
    });
    const answers: { bytes: number; rows: Record<string, number>; ms: number }[] = [];
    const request = async (op: string, arg: unknown) => {
      const mapped = restForSdkCall(op, arg);
      if (!mapped.ok) throw { code: 'INVALID_REQUEST', message: mapped.message };
      const reply = await host.request(mapped.request);
      if (reply.status < 200 || reply.status >= 300) throw reply.body;
      return reply.body ?? '';
    };
    const sdk = {
      embeddedApp: { on: () => undefined, init: () => Promise.resolve() },
      CRM: {
        API: Object.fromEntries(['coql', 'getAllUsers'].map((op) => [op, (a: unknown) => request(op, a)])),
        FUNCTIONS: {
          execute: async (name: string, c: { arguments: string }) => {
            const t0 = performance.now();
            const reply = (await request('executeFunction', { name, arguments: c.arguments })) as {
              details?: { output?: string };
            };
            const output = reply.details?.output ?? '';
            const parsed = JSON.parse(output) as { results: { data?: { id: string }[] }[] };
            const queries = (JSON.parse(JSON.parse(c.arguments).requests) as { coql: string }[]).map(
              (r) => /from (\w+)/.exec(r.coql)?.[1] ?? '?',
            );
            const rows: Record<string, number> = {};
            parsed.results.forEach((r, k) => {
              const m = queries[k] as string;
              rows[m] = (rows[m] ?? 0) + (r.data?.length ?? 0);
            });
            answers.push({ bytes: Buffer.byteLength(output), rows, ms: Math.round(performance.now() - t0) });
            return reply;
          },
        },
      },
    };
    const { gateway } = await connectZoho({ sdk, pageLoad: 'optional', callTimeoutMs: 120_000 });
    const reads = batchedReads(gateway);
    await loadPortfolioDataset(gateway, reads.read, config, Date.now() as Instant);
    if (reads.mode() !== 'function') throw new Error('the reads fell back to direct calls');
    const largest = answers.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    log(`rows per function call (cap): ${READ_BATCH_MAX_ROWS}`);
    log(`function calls: ${answers.length}`);
    log(
      `largest answer: ${(largest.bytes / 1e6).toFixed(2)} MB, rows ${JSON.stringify(largest.rows)}, ${largest.ms} ms here`,
    );
    const perRow: Record<string, { bytes: number; rows: number }> = {};
    for (const a of answers) {
      const total = Object.values(a.rows).reduce((s, n) => s + n, 0);
      if (Object.keys(a.rows).length !== 1 || total === 0) continue;
      const m = Object.keys(a.rows)[0] as string;
      const p = (perRow[m] ??= { bytes: 0, rows: 0 });
      p.bytes += a.bytes;
      p.rows += total;
    }
    for (const [m, p] of Object.entries(perRow))
      log(`  ${m}: ${Math.round(p.bytes / p.rows)} bytes a row (answers of that module alone)`);
    log(`all answers: ${answers.map((a) => `${(a.bytes / 1e6).toFixed(2)}`).join(' ')} MB`);
  } finally {
    await emulator.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : JSON.stringify(e)}\n`);
  process.exit(1);
});
