/**
 * The account widget's budgets (DESIGN §9), measured on the built widget in the preview:
 *   - gzip bytes of JavaScript the page loads (≤ 60 KB),
 *   - first render of the stage panel after PageLoad in headless Chromium (≤ 500 ms; median of
 *     several loads after a warm-up, each load a different demo account),
 *   - CRM calls per account page load, as the preview host counted them (target ≤ 6): with the
 *     read-batch function installed (config/deluge/esm_read_batch.deluge), and once in an org
 *     without it, where the widget reads directly.
 * `measureWidgetBudget()` is for `npm run bench`; run directly it prints a table (`npm run widget:budget`).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startPreviewServer } from '../../server/local/widget-host/dev-server';
import { launchChromium } from '../e2e/browser';
import { loadCalls, setEmulatorFunctions, widgetReady } from '../e2e/widget-page';
import { READ_BATCH_FUNCTION } from '../../shared/crm-read/read-batch';
import { useUtc } from '../../server/runtime/utc';

export const WIDGET_BUDGET = { jsGzipBytes: 60 * 1024, firstRenderMs: 500, crmCallsPerLoad: 6 } as const;

export interface WidgetBudgetResult {
  js: { file: string; bytes: number; gzipBytes: number }[];
  jsGzipBytes: number;
  /** Chunks loaded on demand (the buyer map), not part of the first load. */
  onDemandJs: { file: string; gzipBytes: number }[];
  /** ms from PageLoad to the stage panel's first render with data, per measured load. */
  firstRenderMs: number[];
  firstRenderMedianMs: number;
  /** CRM calls per page load (one entry per measured load) and what they were. */
  crmCalls: number[];
  crmCallOps: string[];
  /** The same page in an org without the read-batch function: calls and what they were. */
  withoutFunction: { crmCalls: number; crmCallOps: string[] };
}

const ROOT = path.resolve(__dirname, '..', '..');

/** The JavaScript files a widget page loads: its own scripts and module preloads (not Zoho's SDK). */
export function pageScripts(appDir: string, page = 'account.html'): string[] {
  const html = readFileSync(path.join(appDir, page), 'utf8');
  const refs = [
    ...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"|<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ]
    .map((m) => m[1] ?? m[2] ?? '')
    .filter((src) => src !== '' && !/^https?:/.test(src));
  return refs.map((src) => path.join(appDir, src));
}

const gzipBytes = (file: string) => gzipSync(readFileSync(file)).length;

/**
 * Chunks a page imports only when needed (`import('./x.js')` in its scripts, e.g. the account page's
 * buyer-map chunk, loaded when the map is first shown): outside the first-load budget, reported apart.
 */
export function onDemandScripts(appDir: string, page = 'account.html'): string[] {
  const first = pageScripts(appDir, page);
  const found = new Set<string>();
  for (const file of first) {
    for (const m of readFileSync(file, 'utf8').matchAll(/import\(\s*[`'"]\.\/([\w.-]+\.js)[`'"]\s*\)/g))
      found.add(path.join(path.dirname(file), m[1] as string));
  }
  return [...found].filter((f) => !first.includes(f));
}

/** gzip bytes of all the JavaScript a built widget page loads (the budget's measure). */
export function jsGzipBytes(appDir: string, page: string): number {
  return pageScripts(appDir, page).reduce((sum, file) => sum + gzipBytes(file), 0);
}

export async function measureWidgetBudget(
  opts: { appDir?: string; loads?: number } = {},
): Promise<WidgetBudgetResult> {
  const appDir = opts.appDir ?? path.join(ROOT, 'app');
  const js = pageScripts(appDir).map((file) => ({
    file: path.relative(ROOT, file),
    bytes: readFileSync(file).length,
    gzipBytes: gzipBytes(file),
  }));
  const server = await startPreviewServer({ port: 0, appDir });
  const browser = await launchChromium();
  try {
    const accounts = await accountIds(server.emulator.url);
    const page = await browser.context.newPage();
    const firstRenderMs: number[] = [];
    const crmCalls: number[] = [];
    let crmCallOps: string[] = [];
    const loads = opts.loads ?? 5;
    const open = async (id: string) => {
      await page.goto(`${server.previewUrl}?account=${id}`);
      const frame = await widgetReady(page);
      await frame.waitForFunction(() => performance.getEntriesByName('es:stage-ready').length > 0);
      // A string, not a function: tsx's helpers (`__name`) do not exist inside the page.
      const ms = (await frame.evaluate(
        `performance.getEntriesByName('es:stage-ready')[0].startTime -
          performance.getEntriesByName('zoho-shim:pageload')[0].startTime`,
      )) as number;
      return { ms, ops: await loadCalls(frame, server.previewUrl) };
    };
    for (let i = 0; i <= loads; i += 1) {
      const load = await open(accounts[i % accounts.length] as string);
      if (i === 0) continue; // warm-up: first token, first queries
      firstRenderMs.push(Math.round(load.ms));
      crmCalls.push(load.ops.length);
      crmCallOps = load.ops;
    }
    await setEmulatorFunctions(server.emulator.url, []);
    const direct = await open(accounts[0] as string);
    await setEmulatorFunctions(server.emulator.url, [READ_BATCH_FUNCTION]);
    return {
      js,
      jsGzipBytes: jsGzipBytes(appDir, 'account.html'),
      onDemandJs: onDemandScripts(appDir).map((file) => ({
        file: path.relative(ROOT, file),
        gzipBytes: gzipBytes(file),
      })),
      firstRenderMs,
      firstRenderMedianMs: median(firstRenderMs),
      crmCalls,
      crmCallOps,
      withoutFunction: { crmCalls: direct.ops.length, crmCallOps: direct.ops },
    };
  } finally {
    await browser.close();
    await server.close();
  }
}

async function accountIds(emulatorUrl: string): Promise<string[]> {
  const res = await fetch(`${emulatorUrl}/__emulator/records/Accounts`);
  return ((await res.json()) as { data: { id: string }[] }).data.map((a) => a.id);
}

function median(list: number[]): number {
  const s = [...list].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length === 0
    ? NaN
    : s.length % 2
      ? (s[mid] as number)
      : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** `coql ×4, searchRecord ×2` from a list of ops. */
function summarise(ops: string[]): string {
  const counts = new Map<string, number>();
  for (const op of ops) counts.set(op, (counts.get(op) ?? 0) + 1);
  return [...counts].map(([op, n]) => (n > 1 ? `${op} ×${n}` : op)).join(', ');
}

export function formatBudgetTable(r: WidgetBudgetResult): string {
  const maxCalls = Math.max(...r.crmCalls);
  const rows: [string, string, string, boolean][] = [
    [
      'JavaScript per page (gzip)',
      `${(r.jsGzipBytes / 1024).toFixed(1)} KB`,
      '≤ 60 KB',
      r.jsGzipBytes <= WIDGET_BUDGET.jsGzipBytes,
    ],
    ...r.onDemandJs.map((f): [string, string, string, boolean] => [
      '  … loaded on demand (not at first load)',
      `${(f.gzipBytes / 1024).toFixed(1)} KB (${path.basename(f.file).replace(/-[\w]+\.js$/, '')})`,
      'own chunk',
      true,
    ]),
    [
      'Stage panel first render after PageLoad',
      `${r.firstRenderMedianMs} ms median (${r.firstRenderMs.join(', ')})`,
      '≤ 500 ms',
      r.firstRenderMedianMs <= WIDGET_BUDGET.firstRenderMs,
    ],
    [
      'CRM calls per account page load',
      `${maxCalls} (${r.crmCallOps.join(', ')})`,
      '≤ 6',
      maxCalls <= WIDGET_BUDGET.crmCallsPerLoad,
    ],
    [
      '  … in an org without esm_read_batch',
      `${r.withoutFunction.crmCalls} (${summarise(r.withoutFunction.crmCallOps)})`,
      'fallback',
      true,
    ],
  ];
  const table = [
    ['budget', 'measured', 'limit', 'status'],
    ...rows.map(([a, b, c, ok]) => [a, b, c, ok ? 'ok' : 'OVER']),
  ];
  const w = [0, 1, 2, 3].map((i) => Math.max(...table.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(w[i] ?? 0)).join(' | ')} |`;
  return [line(table[0] as string[]), line(w.map((n) => '-'.repeat(n))), ...table.slice(1).map(line)].join(
    '\n',
  );
}

if (require.main === module) {
  useUtc();
  measureWidgetBudget().then(
    (r) => {
      process.stdout.write(`${formatBudgetTable(r)}\n`);
      for (const f of r.js) process.stdout.write(`  ${f.file}: ${f.bytes} B, ${f.gzipBytes} B gzip\n`);
    },
    (e: unknown) => {
      process.stderr.write(`widget budget failed: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
