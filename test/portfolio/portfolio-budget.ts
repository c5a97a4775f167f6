/**
 * The manager's view at scale (issue 6): the portfolio of 10,000 accounts (scale data: ≈30,000 deals)
 * after one full sync, so the fields the service writes and the stage history exist.
 *   - the web tab in headless Chromium (the built widget in the preview): CRM calls and credits per
 *     page load, time from connecting (init; a web tab gets no PageLoad) to the first panel with data,
 *     JavaScript per page (gzip);
 *   - GET /api/portfolio from the service's mirror: time and size.
 * `npm run portfolio:budget [-- --accounts N] [-- --crm http://127.0.0.1:4010] [-- --loads N]` (with
 * --crm: a running `npm run emulator -- --reset --accounts 10000`; otherwise an in-process emulator;
 * --loads N: N page loads, each in a fresh page — the table is the first's, the first panel of every
 * load on a line of its own: the first load meets a local CRM whose code has not run these reads yet).
 */
import { emulatorConnection } from '../../server/zoho/env';
import http from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../../server/config/load-config';
import type { RunningEmulator } from '../../server/local/emulator/emulator';
import { startLocalCrm } from '../../server/local/plugins/local-crm';
import { createPreviewRouter } from '../../server/local/widget-host/router';
import { createLogger } from '../../server/runtime/logger';
import { PortfolioCache, portfolioReport } from '../../server/http/portfolio';
import { SyncService } from '../../server/sync/sync-service';
import { jsGzipBytes, WIDGET_BUDGET } from '../bench/widget-budget';
import { launchChromium } from '../e2e/browser';
import { loadCalls, openPortfolio } from '../e2e/widget-page';
import { useUtc } from '../../server/runtime/utc';

const ROOT = path.resolve(__dirname, '..', '..');
/** The budget this script checks: the page load reads the CRM in at most this many calls. */
const PORTFOLIO_CALL_BUDGET = { accounts: 10_000, calls: 40 } as const;

interface Args {
  accounts: number;
  crm: string | null;
  loads: number;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { accounts: PORTFOLIO_CALL_BUDGET.accounts, crm: null, loads: 1 };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--accounts') args.accounts = Number(argv[++i]);
    else if (argv[i] === '--crm') args.crm = argv[++i] ?? null;
    else if (argv[i] === '--loads') args.loads = Number(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]}; use --accounts N, --crm URL, --loads N`);
  }
  if (!Number.isInteger(args.accounts) || args.accounts < 1)
    throw new Error('--accounts must be a whole number');
  if (!Number.isInteger(args.loads) || args.loads < 1 || args.loads > 20)
    throw new Error('--loads must be a whole number from 1 to 20');
  return args;
}

const log = (s: string) => process.stdout.write(`${s}\n`);
const ms = (t0: number) => Math.round(performance.now() - t0);

async function main(): Promise<void> {
  useUtc();
  const args = parseArgs(process.argv.slice(2));
  const loaded = loadConfigFile(DEFAULT_CONFIG_PATH);
  if (!loaded.ok) throw new Error('the shipped config is invalid');
  const config = loaded.config;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'es-portfolio-budget-'));
  let emulator: RunningEmulator | null = null;
  let crmUrl = args.crm;
  try {
    if (!crmUrl) {
      const t0 = performance.now();
      emulator = await startLocalCrm({
        port: 0,
        stateDir: path.join(dir, 'crm'),
        reset: true,
        accounts: args.accounts,
        seed: 'portfolio-budget',
      });
      crmUrl = emulator.url;
      log(`scale data: ${JSON.stringify(emulator.summary())} in ${ms(t0)} ms`);
    }
    const admin = (p: string, method = 'GET') =>
      fetch(`${crmUrl}/__emulator${p}`, { method }).then((r) => r.json());

    const t1 = performance.now();
    const service = await SyncService.open({
      stateDir: path.join(dir, 'service'),
      connection: emulatorConnection(crmUrl),
      config,
      log: createLogger({ level: 'warn' }),
      dailyCredits: 5_000_000,
      budgetShare: 1,
    });
    const run = await service.sync({ full: true, trigger: 'portfolio-budget' });
    log(
      `one full sync: ${run.status}, ${run.recomputed} accounts, credits ${JSON.stringify(run.credits)}, ${ms(t1)} ms`,
    );

    const cache = new PortfolioCache(service);
    const t2 = performance.now();
    const report = portfolioReport(service.mirror, config, {}, Date.now, cache.get);
    const apiMs = ms(t2);
    const apiBytes = Buffer.byteLength(JSON.stringify(report));
    const t3 = performance.now();
    const rep = report.options.owners[1]?.id ?? '';
    portfolioReport(service.mirror, config, { owner: rep, period: 'fiscal_year' }, Date.now, cache.get);
    const apiFilteredMs = ms(t3);
    service.close();

    const app = express();
    app.use(
      '/preview',
      createPreviewRouter({
        crmBaseUrl: crmUrl,
        accountsUrl: crmUrl,
        clientId: 'demo',
        clientSecret: 'demo',
        refreshToken: 'demo',
        appDir: path.join(ROOT, 'app'),
      }),
    );
    const server = http.createServer(app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/preview`;
    const browser = await launchChromium({ viewport: { width: 1280, height: 1000 } });
    try {
      const page = await browser.context.newPage();
      await admin('/credits/reset', 'POST');
      const frame = await openPortfolio(page, `${base}/`, { timeoutMs: 300_000 });
      const m = (await frame.evaluate(`({
        ms: performance.getEntriesByName('es:portfolio-ready')[0].startTime -
          performance.getEntriesByName('es:pageload')[0].startTime,
        completeMs: performance.getEntriesByName('es:portfolio-complete')[0].startTime -
          performance.getEntriesByName('es:pageload')[0].startTime,
        shown: document.querySelector('[data-testid=in-view]').textContent,
        steps: ['es:portfolio-first-read', 'es:portfolio-first-normalised', 'es:portfolio-computed', 'es:portfolio-ready'].map(
          (n) => [n, Math.round(performance.getEntriesByName(n)[0].startTime - performance.getEntriesByName('es:pageload')[0].startTime)],
        ),
      })`)) as { ms: number; completeMs: number; shown: string; steps: [string, number][] };
      const calls = await loadCalls(frame, `${base}/`);
      const credits = (await admin('/credits')) as { totals: { calls: number; credits: number } };
      const t4 = performance.now();
      await frame.selectOption('#filter-owner', { index: 2 });
      await frame.waitForFunction(
        (before) => document.querySelector('[data-testid=in-view]')?.textContent !== before,
        m.shown,
      );
      const filterMs = ms(t4);
      const ops = calls.reduce<Record<string, number>>(
        (acc, op) => ({ ...acc, [op]: (acc[op] ?? 0) + 1 }),
        {},
      );
      const js = jsGzipBytes(path.join(ROOT, 'app'), 'portfolio.html');
      log('');
      log(`| measure (${args.accounts} accounts) | value |`);
      log('|---|---|');
      log(
        `| CRM calls per web-tab load | ${calls.length} (${Object.entries(ops)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')}); budget ≤ ${PORTFOLIO_CALL_BUDGET.calls} |`,
      );
      log(`| API credits per web-tab load | ${credits.totals.credits} |`);
      log(`| PageLoad → first panel with data (accounts, history, users) | ${Math.round(m.ms)} ms |`);
      log(`| PageLoad → every panel (the deals and alerts too) | ${Math.round(m.completeMs)} ms |`);
      log(
        `| first panel, step by step (ms after PageLoad) | ${m.steps.map(([n, t]) => `${n.replace('es:portfolio-', '')} ${t}`).join(', ')} |`,
      );
      log(`| a filter change (in the browser, no CRM call) | ${filterMs} ms |`);
      log(
        `| JavaScript per page (gzip) | ${(js / 1024).toFixed(1)} KB; budget ≤ ${WIDGET_BUDGET.jsGzipBytes / 1024} KB |`,
      );
      log(
        `| GET /api/portfolio from the mirror | ${apiMs} ms (${(apiBytes / 1_048_576).toFixed(1)} MB JSON); filtered ${apiFilteredMs} ms |`,
      );
      log(`| shown | ${m.shown} |`);
      if (calls.length > PORTFOLIO_CALL_BUDGET.calls) process.exitCode = 1;
      // later page loads, each in a fresh page
      const later: string[] = [];
      for (let n = 1; n < args.loads; n++) {
        const again = await browser.context.newPage();
        await admin('/credits/reset', 'POST');
        const f = await openPortfolio(again, `${base}/`, { timeoutMs: 300_000 });
        const t = (await f.evaluate(`({
          ready: performance.getEntriesByName('es:portfolio-ready')[0].startTime -
            performance.getEntriesByName('es:pageload')[0].startTime,
          read: performance.getEntriesByName('es:portfolio-first-read')[0].startTime -
            performance.getEntriesByName('es:pageload')[0].startTime,
        })`)) as { ready: number; read: number };
        const c = (await admin('/credits')) as { totals: { calls: number; credits: number } };
        later.push(
          `${Math.round(t.ready)} ms (read ${Math.round(t.read)}; ${(await loadCalls(f, `${base}/`)).length} calls, ${c.totals.credits} credits)`,
        );
        await again.close();
      }
      if (later.length > 0) log(`| later page loads → first panel | ${later.join('; ')} |`);
    } finally {
      await browser.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  } finally {
    await emulator?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`portfolio budget failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
