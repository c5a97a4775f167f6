/**
 * The whitespace heat map's read at scale: the plans of N accounts (scale data, default 10,000) by
 * GET records through the widget's gateway and the preview host's SDK → REST mapping, as the web tab
 * reads them when the Whitespace tab is first opened — calls, credits, rounds and time.
 * `npx tsx test/portfolio/whitespace-budget.ts [--accounts N]`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../../server/config/load-config';
import { startLocalCrm } from '../../server/local/plugins/local-crm';
import { loadPotentialRows } from '../../widget/portfolio/data/load-portfolio';
import { widgetGateway } from './crm-sdk';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  const i = argv.indexOf('--accounts');
  const accounts = i >= 0 ? Number(argv[i + 1]) : 10_000;
  if (!Number.isInteger(accounts) || accounts < 1) throw new Error('--accounts must be a whole number');
  const loaded = loadConfigFile(DEFAULT_CONFIG_PATH);
  if (!loaded.ok) throw new Error('the shipped config is invalid');
  const config = loaded.config;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'es-whitespace-budget-'));
  const crm = await startLocalCrm({
    port: 0,
    stateDir: dir,
    reset: true,
    accounts,
    seed: 'whitespace-budget',
  });
  try {
    const admin = (p: string, method = 'GET') =>
      fetch(`${crm.url}/__emulator${p}`, { method }).then((r) => r.json());
    const plans = ((await admin(`/records/${config.fields.modules.accountPlans}`)) as { data: unknown[] })
      .data.length;
    const { gateway, calls } = await widgetGateway(crm.url);
    await admin('/credits/reset', 'POST');
    const t0 = performance.now();
    const rows = await loadPotentialRows(gateway, config);
    const ms = Math.round(performance.now() - t0);
    const credits = (await admin('/credits')) as { totals: { calls: number; credits: number } };
    const out = {
      accounts,
      plans,
      potentialRows: rows.length,
      calls: calls.length,
      ops: [...new Set(calls)],
      crmCalls: credits.totals.calls,
      credits: credits.totals.credits,
      rounds: Math.ceil(calls.length / 2),
      ms,
    };
    process.stdout.write(`${JSON.stringify(out)}\n`);
  } finally {
    await crm.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
