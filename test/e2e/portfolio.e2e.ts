/**
 * The manager's web tab in headless Chromium, hosted by the preview on the local Zoho CRM (the
 * demo org after one sync, so the fields the service writes exist): filtering by a rep shows stage
 * counts equal to the CRM's Relationship_Stage values of that rep's accounts; the account table
 * sorts and downloads as CSV; every panel is photographed in Japanese and English (test-artifacts/).
 * The web tab starts without PageLoad (Zoho fires it for entity pages only), and with one too.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { stageKeyFromCrmValue } from '../../shared/config/picklists';
import { startPreviewServer, type PreviewServer } from '../../server/local/widget-host/dev-server';
import { shippedConfig } from '../support/crm-harness';
import { launchChromium, type LaunchedBrowser } from './browser';
import { ARTIFACTS } from './harness';
import { PORTFOLIO_TABS, loadCalls, openPortfolio, openTab } from './widget-page';

const config = shippedConfig();
const SATO = '4876876000000090003'; // 佐藤 健一, a field rep
let server: PreviewServer;
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await startPreviewServer({ port: 0, sync: true });
  browser = await launchChromium({ locale: 'ja-JP', viewport: { width: 1280, height: 1000 } });
  page = await browser.context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** The CRM's accounts of one owner, counted per stage slot from their Relationship_Stage. */
async function crmStageCounts(ownerId: string): Promise<Record<string, number>> {
  const res = await fetch(`${server.emulator.url}/__emulator/records/Accounts`);
  const accounts = ((await res.json()) as { data: Record<string, unknown>[] }).data;
  const counts: Record<string, number> = Object.fromEntries(
    ['not_started', ...config.stages.map((s) => s.key)].map((k) => [k, 0]),
  );
  for (const a of accounts) {
    if ((a.Owner as { id?: string } | undefined)?.id !== ownerId) continue;
    const key = stageKeyFromCrmValue(config, a.Relationship_Stage);
    if (key === undefined) throw new Error(`account ${String(a.id)} has no known Relationship_Stage`);
    counts[key ?? 'not_started'] = (counts[key ?? 'not_started'] ?? 0) + 1;
  }
  return counts;
}

async function shownStageCounts(frame: Frame): Promise<Record<string, number>> {
  return frame.$$eval('[data-testid=distribution-table] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((r) => [
        r.getAttribute('data-slot') ?? '',
        Number((r.querySelector('[data-testid=stage-now]')?.textContent ?? '').replace(/\D/g, '')),
      ]),
    ),
  );
}

test('the web tab starts on init() alone, without PageLoad, and also when a PageLoad comes', async () => {
  const shim = (f: Frame) =>
    f.evaluate(
      () => (window as unknown as { __zohoShim: { pageLoadAt: number | null } }).__zohoShim.pageLoadAt,
    );
  const without = await openPortfolio(page, server.previewUrl);
  expect(await shim(without)).toBeNull();
  const counts = await shownStageCounts(without);
  const withPageLoad = await openPortfolio(page, server.previewUrl, { pageLoad: true });
  expect(await shim(withPageLoad)).not.toBeNull();
  expect(await shownStageCounts(withPageLoad)).toEqual(counts);
});

test('filtered by a rep, the stage counts equal the CRM’s Relationship_Stage values', async () => {
  const frame = await openPortfolio(page, server.previewUrl);
  const all = await shownStageCounts(frame);
  expect(Object.values(all).reduce((s, n) => s + n, 0)).toBe(18);
  await frame.selectOption('#filter-owner', SATO);
  await frame.waitForFunction(
    (n) => document.querySelector('[data-testid=in-view]')?.textContent?.includes(`${n} 社`),
    5,
  );
  const expected = await crmStageCounts(SATO);
  expect(await shownStageCounts(frame)).toEqual(expected);
  expect(Object.values(expected).reduce((s, n) => s + n, 0)).toBe(5);
  // the per-rep table shows the rep alone
  expect(await frame.$$eval('[data-testid=rep-distribution] tbody tr', (rs) => rs.length)).toBe(1);
  // and the account table lists exactly those accounts
  await openTab(frame, 'accounts');
  const slots = await frame.$$eval('[data-testid=accounts-table] tbody tr', (rs) =>
    rs.map((r) => r.getAttribute('data-slot')),
  );
  expect(slots.sort()).toEqual(
    Object.entries(expected)
      .flatMap(([k, n]) => Array.from({ length: n }, () => k))
      .sort(),
  );
});

test('the account table sorts and downloads as CSV', async () => {
  const frame = await openPortfolio(page, server.previewUrl);
  await openTab(frame, 'accounts');
  await frame.click('[data-sort=days]');
  await frame.click('[data-sort=days]');
  const days = await frame.$$eval('[data-testid=accounts-table] td[data-col=days]', (cells) =>
    cells.map((c) => Number(c.textContent)),
  );
  expect(days).toEqual([...days].sort((a, b) => b - a));
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.click('[data-testid=csv-download]'),
  ]);
  const file = path.join(ARTIFACTS, 'portfolio-accounts.csv');
  await download.saveAs(file);
  const csv = readFileSync(file, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  expect(csv.trim().split('\r\n')).toHaveLength(19);
  expect(csv).toContain('北斗ホールディングス株式会社');
  // the health parts are not in the page load: opening a score reads that account's parts from the CRM
  await frame.click('[data-testid=accounts-table] td[data-col=health] details.health-parts summary');
  const part = await frame.waitForSelector(
    '[data-testid=accounts-table] td[data-col=health] details[open] li[data-part=stage]',
  );
  expect(await part.textContent()).toMatch(/ステージの進捗: \d+/);
});

test('drill-down: a stalled account opens its account page (Record.open → the account widget)', async () => {
  const frame = await openPortfolio(page, server.previewUrl);
  await openTab(frame, 'movement');
  const link = await frame.waitForSelector('[data-testid=stalled-table] a.record-link[data-record=Accounts]');
  const id = await link.getAttribute('data-id');
  const name = ((await link.textContent()) ?? '').trim();
  expect(id).toMatch(/^\d+$/);
  await Promise.all([page.waitForURL((u) => u.searchParams.get('account') === id), link.click()]);
  const widget = page.frameLocator('#widget-frame');
  await widget.locator('.account-name').first().waitFor({ timeout: 30_000 });
  expect((await widget.locator('.account-name').first().textContent())?.trim()).toBe(name);
  await page.screenshot({ path: path.join(ARTIFACTS, 'portfolio-drilldown-account.png'), fullPage: true });
});

test('the search box finds an account by its reading', async () => {
  const frame = await openPortfolio(page, server.previewUrl);
  await frame.fill('[data-testid=account-search]', 'ほくとほーる');
  await frame.waitForSelector('[data-testid=search-results] li');
  const found = await frame.$$eval('[data-testid=search-results] li a', (as) => as.map((a) => a.textContent));
  expect(found).toEqual(['北斗ホールディングス株式会社']);
  await (await frame.$('.app'))?.screenshot({ path: path.join(ARTIFACTS, 'portfolio-search-ja.png') });
});

test('trends: the stage distribution at each month start equals the CRM’s snapshot anchors of that month', async () => {
  const frame = await openPortfolio(page, server.previewUrl);
  await openTab(frame, 'trends');
  expect(await frame.$('[data-testid=trends-no-history]')).toBeNull();
  const res = await fetch(`${server.emulator.url}/__emulator/records/ESM_Snapshots`);
  const anchors = ((await res.json()) as { data: Record<string, unknown>[] }).data;
  const headers = await frame.$$eval('[data-testid=trend-distribution] thead th', (ths) =>
    ths.slice(1).map((t) => (t.textContent ?? '').trim()),
  );
  const months = headers.filter((h) => /^\d{4}\/\d{2}$/.test(h));
  expect(months.length).toBeGreaterThanOrEqual(4); // this quarter's and the previous quarter's month starts
  const columns = await frame.$$eval('[data-testid=trend-distribution] tbody tr', (rows) =>
    rows.map((r) => ({
      slot: r.getAttribute('data-slot') ?? '',
      counts: [...r.querySelectorAll('td')].map((td) => Number(td.textContent)),
    })),
  );
  for (const [i, month] of months.entries()) {
    const ofMonth = anchors.filter((a) => a.Snapshot_Month === month.replace('/', '-'));
    const expected: Record<string, number> = {};
    for (const a of ofMonth) {
      const key = stageKeyFromCrmValue(config, a.Relationship_Stage) ?? 'not_started';
      expected[key] = (expected[key] ?? 0) + 1;
    }
    const shown = Object.fromEntries(
      columns
        .map((c) => [c.slot, Number.isNaN(c.counts[i]) ? 0 : (c.counts[i] ?? 0)])
        .filter(([, n]) => n !== 0),
    );
    expect(shown).toEqual(expected);
  }
  // the two most recent anchors differ somewhere: the chart has something to show
  const lastTwo = months
    .slice(-2)
    .map((m) => anchors.filter((a) => a.Snapshot_Month === m.replace('/', '-')));
  expect(lastTwo[0]?.length).toBeGreaterThan(0);
  expect(await frame.$$eval('[data-testid=trend-kgis] .sparkline', (s) => s.length)).toBeGreaterThan(0);
});

test('accounts: each account’s KGI as a sparkline, month by month from the CRM’s snapshot anchors, then now; the Trends tab reads nothing more', async () => {
  const frame = await openPortfolio(page, server.previewUrl);
  const beforeTab = (await loadCalls(frame, server.previewUrl)).length;
  await openTab(frame, 'accounts');
  await frame.waitForSelector('[data-testid=accounts-table] td[data-col=kgiTrend] svg.sparkline');
  expect(await frame.$('[data-testid=kgi-trend-pending]')).toBeNull();
  expect((await loadCalls(frame, server.previewUrl)).length).toBeGreaterThan(beforeTab); // read on the tab's first showing
  const lines = await frame.$$eval(
    '[data-testid=accounts-table] td[data-col=kgiTrend] svg.sparkline',
    (svgs) =>
      svgs.map((svg) => ({
        account: svg.closest('tr')?.getAttribute('data-account') ?? '',
        label: svg.getAttribute('aria-label') ?? '',
      })),
  );
  /** `2026/07 ￥12,000,000` → ['2026-07', 12000000]; `現在 —` → ['now', null]. */
  const samples = (label: string) =>
    label
      .slice(label.lastIndexOf(': ') + 2)
      .split(' → ')
      .map((part) => {
        const [name = '', value = ''] = part.split(' ');
        const digits = value.replace(/[^\d]/g, '');
        return [
          /^\d{4}\/\d{2}$/.test(name) ? name.replace('/', '-') : 'now',
          digits === '' ? null : Number(digits),
        ] as const;
      });
  const line = lines.find((l) => samples(l.label).filter(([m, v]) => m !== 'now' && v !== null).length >= 2);
  expect(line).toBeDefined();
  const { account, label } = line as { account: string; label: string };
  const get = async (module: string) =>
    (
      (await (await fetch(`${server.emulator.url}/__emulator/records/${module}`)).json()) as {
        data: Record<string, unknown>[];
      }
    ).data;
  const anchors = (await get('ESM_Snapshots'))
    .filter((a) => (a.Account as { id?: string } | undefined)?.id === account && a.Snapshot_Month != null)
    .sort((a, b) => String(a.Snapshot_Date).localeCompare(String(b.Snapshot_Date)));
  const now = (await get('Accounts')).find((a) => a.id === account)?.KGI_Annual_Revenue ?? null;
  const expected = samples(label).map(([month]) => {
    if (month === 'now') return [month, now] as const;
    const anchor = anchors.find((a) => a.Snapshot_Month === month);
    return [month, (anchor?.KGI_Annual_Revenue as number | null | undefined) ?? null] as const;
  });
  expect(samples(label)).toEqual(expected);
  expect(expected.length).toBeGreaterThanOrEqual(5); // the previous quarter's and this quarter's months, and now
  // the Trends tab uses the same read: no CRM call more
  const afterAccounts = (await loadCalls(frame, server.previewUrl)).length;
  await openTab(frame, 'trends');
  expect(await frame.$$eval('[data-testid=trend-kgis] .sparkline', (s) => s.length)).toBeGreaterThan(0);
  expect((await loadCalls(frame, server.previewUrl)).length).toBe(afterAccounts);
  await (await frame.$('.app'))?.screenshot({ path: path.join(ARTIFACTS, 'portfolio-accounts-kgi-ja.png') });
});

test('whitespace: a heat-map cell lists the accounts whose plans have that segment × offering; a group narrows it', async () => {
  const frame = await openPortfolio(page, server.previewUrl);
  await openTab(frame, 'whitespace');
  const get = async (module: string) =>
    (
      (await (await fetch(`${server.emulator.url}/__emulator/records/${module}`)).json()) as {
        data: Record<string, unknown>[];
      }
    ).data;
  const plans = new Map(
    (await get('Account_Plans')).map((p) => [String(p.id), String((p.Account as { id: string }).id)]),
  );
  const rows = await get('Potential_Map');
  const cell = await frame.waitForSelector('[data-testid=whitespace-map] button[data-cell]');
  const key = (await cell.getAttribute('data-cell')) ?? '';
  const [segment, offering] = key.split('\u0000');
  await cell.click();
  const listed = await frame.$$eval('[data-testid=whitespace-accounts] li', (lis) =>
    lis.map((li) => li.getAttribute('data-account')),
  );
  const expected = new Set(
    rows
      .filter((r) => r.Segment === segment && r.Offering === offering)
      .map((r) => plans.get(String((r.Parent_Id as { id: string }).id))),
  );
  expect(new Set(listed)).toEqual(expected);
  expect(listed.length).toBeGreaterThan(0);
  // the account link opens the record (drill-down)
  expect(
    await frame.$('[data-testid=whitespace-accounts] a.record-link[data-record=Accounts]'),
  ).not.toBeNull();
  // one group of companies: fewer (or as many) cells, all of that group's accounts
  const all = await frame.$$eval('[data-testid=whitespace-map] button[data-cell]', (b) => b.length);
  const groups = await frame.$$eval('#whitespace-group option', (os) =>
    os.map((o) => (o as HTMLOptionElement).value),
  );
  expect(groups.length).toBeGreaterThan(1);
  const totals = await frame.textContent('[data-testid=whitespace-totals]');
  await frame.selectOption('#whitespace-group', groups[1] as string);
  // the group has fewer accounts than the whole view: the totals line changes
  await frame.waitForFunction(
    (before) => document.querySelector('[data-testid=whitespace-totals]')?.textContent !== before,
    totals,
  );
  const inGroup = await frame.$$eval('[data-testid=whitespace-map] button[data-cell]', (b) => b.length);
  expect(inGroup).toBeLessThanOrEqual(all);
  expect(inGroup).toBeGreaterThan(0);
});

test('screenshots of every panel in Japanese and English', async () => {
  for (const lang of ['ja', 'en'] as const) {
    const frame = await openPortfolio(page, server.previewUrl);
    if ((await frame.getAttribute('.app', 'lang')) !== lang) await frame.click('.header-tools button[lang]');
    for (const tab of PORTFOLIO_TABS) {
      await openTab(frame, tab);
      if (tab === 'overview')
        await frame.$$eval('.guidance details', (ds) =>
          ds.forEach((d) => ((d as HTMLDetailsElement).open = true)),
        );
      await (
        await frame.$('.app')
      )?.screenshot({ path: path.join(ARTIFACTS, `portfolio-${tab}-${lang}.png`) });
    }
    await frame.selectOption('#filter-owner', SATO);
    await frame.click('#tab-overview');
    await (await frame.$('.app'))?.screenshot({ path: path.join(ARTIFACTS, `portfolio-rep-${lang}.png`) });
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'portfolio-page.png'), fullPage: true });
});
