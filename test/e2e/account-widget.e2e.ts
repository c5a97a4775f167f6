/**
 * The account widget in headless Chromium, hosted by the preview on the local Zoho CRM (the
 * emulator with the demo org): the numbers it shows equal `npm run insight` over the same data, edits
 * persist in the CRM and move KPIs / next actions, CRM text with markup stays inert, and every panel
 * is photographed in Japanese and English (test-artifacts/).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AccountInsight } from '../../shared/engine/insight';
import { formatCount, formatMoney, formatShare } from '../../widget/common/format';
import type { PreviewServer } from '../../server/local/widget-host/dev-server';
import { launchChromium, type LaunchedBrowser } from './browser';
import {
  ARTIFACTS,
  dumpDataset,
  emulatorRecord,
  insightFromCli,
  runInsightCli,
  startPreview,
} from './harness';
import {
  asOf,
  loadCalls,
  nextActionCodes,
  openAccount,
  openTab,
  setEmulatorFunctions,
  shownKpis,
  textOf,
  widgetReady,
} from './widget-page';

let server: PreviewServer;
let browser: LaunchedBrowser;
let page: Page;
let all: AccountInsight[];

const formatted = (key: string, v: number | null) =>
  key === 'relationship_activity_share' ? formatShare(v, 'ja') : formatCount(v, 'ja');

beforeAll(async () => {
  server = await startPreview();
  browser = await launchChromium({ locale: 'ja-JP' });
  page = await browser.context.newPage();
  page.on('dialog', (d) => {
    throw new Error(`a dialog opened: ${d.message()}`);
  });
  const file = await dumpDataset(server.emulator.url);
  all = runInsightCli(file);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function expectSameAsCli(accountId: string) {
  const frame = await widgetReady(page);
  const file = await dumpDataset(server.emulator.url);
  const expected = insightFromCli(file, await asOf(frame), accountId);
  expect(await textOf(frame, '[data-testid=stage-label]')).toBe(expected.stage?.label.ja ?? '未着手');
  if (expected.nextStage) {
    expect(await textOf(frame, '[data-testid=stage-progress]')).toBe(
      formatShare(expected.nextStage.progress, 'ja'),
    );
  }
  expect(await nextActionCodes(frame)).toEqual(expected.nextActions.map((a) => a.code));
  await openTab(frame, 'kpi');
  const shown = await shownKpis(frame);
  const want = Object.fromEntries(
    Object.entries(expected.targets).map(([k, t]) => [
      k,
      [formatted(k, t?.actual ?? null), formatted(k, t?.target ?? null)],
    ]),
  );
  expect(shown).toEqual(want);
  for (const [key, value] of Object.entries(expected.kgis)) {
    const text = await textOf(frame, `[data-kgi=${key}] dd > .num`); // the value; a KGI target note may follow
    expect(text).toBe(
      key === 'share_of_wallet' ? formatShare(value ?? null, 'ja') : formatMoney(value ?? null, 'JPY', 'ja'),
    );
  }
  await openTab(frame, 'stage');
  return expected;
}

test('the stage and KPI numbers equal `npm run insight`, across an account switch', async () => {
  const [first, second, third] = ['external_expansion', 'trust', null].map(
    (stage) => all.find((i) => (i.stage?.key ?? null) === stage && i.deals.length >= 0) as AccountInsight,
  );
  await openAccount(page, server.previewUrl, (first as AccountInsight).accountId);
  await expectSameAsCli((first as AccountInsight).accountId);
  for (const next of [second, third] as AccountInsight[]) {
    await Promise.all([page.waitForNavigation(), page.selectOption('#account-switcher', next.accountId)]);
    expect(await page.textContent('#record-name')).toBe(next.accountName);
    await expectSameAsCli(next.accountId);
  }
});

test('a buyer-map role edit persists in the CRM and changes the next actions', async () => {
  const target = all.find((i) => i.nextActions.some((a) => a.code === 'IDENTIFY_DECISION_MAKER'));
  if (!target) throw new Error('the demo has no account missing a decision maker');
  const frame = await openAccount(page, server.previewUrl, target.accountId);
  expect(await nextActionCodes(frame)).toContain('IDENTIFY_DECISION_MAKER');
  await openTab(frame, 'buyers');
  await frame.click('[data-view=list]'); // the list view (the map is the default)
  const contactId = (await frame.getAttribute('[data-contact]', 'data-contact')) as string;
  await frame.click(`[data-contact="${contactId}"] .person-tags .link-btn`);
  await frame.selectOption(`#buyer-${contactId}-role`, 'decision_maker');
  await frame.click(`[data-contact="${contactId}"] button[type=submit]`);
  await frame.waitForSelector(`[data-contact="${contactId}"] .person-tags [role=status]`);
  expect(await frame.$('[data-gap=NO_DECISION_MAKER]')).toBeNull();
  expect((await emulatorRecord(server.emulator.url, 'Contacts', contactId)).Buying_Role).toBe(
    'decision_maker',
  );
  await openTab(frame, 'stage');
  expect(await nextActionCodes(frame)).not.toContain('IDENTIFY_DECISION_MAKER');
  await page.reload();
  const after = await expectSameAsCli(target.accountId);
  expect(after.nextActions.map((a) => a.code)).not.toContain('IDENTIFY_DECISION_MAKER');
});

test('a plan section edit persists with a Plan_Updates row and moves the plan-update KPI', async () => {
  const target = all.find(
    (i) => i.targets.plan_updates && !i.nextActions.some((a) => a.code === 'CREATE_PLAN'),
  );
  if (!target) throw new Error('the demo has no account with a plan and a plan-update KPI');
  const frame = await openAccount(page, server.previewUrl, target.accountId);
  await openTab(frame, 'kpi');
  const before = (await shownKpis(frame)).plan_updates?.[0];
  await openTab(frame, 'plan');
  const text = `E2E 戦略仮説 ${Date.now()}`;
  await frame.fill('textarea[name=strategy]', text);
  await frame.fill('.form-footer input[type=text]', 'E2E で戦略仮説を更新');
  await frame.click('.plan button[type=submit]');
  await frame.waitForSelector('.plan .form-footer .save-status.ok', { timeout: 15_000 });
  const plans = (await (await fetch(`${server.emulator.url}/__emulator/records/Account_Plans`)).json()) as {
    data: Record<string, unknown>[];
  };
  const plan = plans.data.find(
    (p) => (p.Account as { id?: string } | null)?.id === target.accountId,
  ) as Record<string, unknown>;
  expect(plan.Strategy_Hypothesis).toBe(text);
  const rows = plan.Plan_Updates as { Summary: string; Updated_On: string }[];
  expect(rows.at(-1)?.Summary).toBe('E2E で戦略仮説を更新');
  await openTab(frame, 'kpi');
  const after = (await shownKpis(frame)).plan_updates?.[0];
  const hadToday =
    (target.kpis.plan_updates ?? 0) === Number(before) &&
    rows.slice(0, -1).some((r) => r.Updated_On === rows.at(-1)?.Updated_On);
  expect(Number(after)).toBe(Number(before) + (hadToday ? 0 : 1));
  await page.reload();
  await expectSameAsCli(target.accountId);
});

test('an account named with an HTML/script payload renders inert', async () => {
  const evil = all.find((i) => /[<>]/.test(i.accountName));
  if (!evil) throw new Error('the demo has no account with markup in its name');
  let dialogs = 0;
  page.on('dialog', () => void (dialogs += 1));
  const frame = await openAccount(page, server.previewUrl, evil.accountId);
  expect(await textOf(frame, '[data-testid=account-name]')).toBe(evil.accountName);
  expect(await page.textContent('#record-name')).toBe(evil.accountName);
  for (const f of [page.mainFrame(), frame]) {
    expect(await f.$$eval('img[src="x"], img[onerror], script:not([src])', (els) => els.length)).toBe(
      f === frame ? 0 : 1, // the host page has exactly one inline script of its own
    );
  }
  await page.waitForTimeout(300);
  expect(dialogs).toBe(0);
});

test('screenshots of every panel in Japanese and English', async () => {
  const rich = all.find((i) => i.deals.length >= 3 && i.stage) ?? (all[0] as AccountInsight);
  for (const lang of ['ja', 'en'] as const) {
    const frame = await openAccount(page, server.previewUrl, rich.accountId);
    const current = await frame.getAttribute('.app', 'lang');
    if (current !== lang) await frame.click('.header-tools button[lang]');
    for (const tab of ['stage', 'kpi', 'plan', 'buyers', 'potential', 'deals', 'activity']) {
      await openTab(frame, tab);
      if (tab === 'deals')
        await frame.$$eval('details.rationale', (ds) =>
          ds.forEach((d) => ((d as HTMLDetailsElement).open = true)),
        );
      await (await frame.$('.app'))?.screenshot({ path: path.join(ARTIFACTS, `widget-${tab}-${lang}.png`) });
    }
  }
  await page.screenshot({ path: path.join(ARTIFACTS, 'preview-page.png'), fullPage: true });
  await page.setViewportSize({ width: 420, height: 900 }); // a narrow related-list frame
  const narrow = await openAccount(page, server.previewUrl, rich.accountId);
  expect(
    await narrow.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth'),
  ).toBe(true);
  await page.screenshot({ path: path.join(ARTIFACTS, 'preview-narrow.png'), fullPage: true });
  await page.setViewportSize({ width: 1100, height: 900 });
});

test('a page load makes 2 CRM calls through esm_read_batch, 8 reads without it (DESIGN §9: ≤ 6)', async () => {
  const callsOf = async (accountId: string) =>
    loadCalls(await openAccount(page, server.previewUrl, accountId), server.previewUrl);
  const id = (all[0] as AccountInsight).accountId;
  expect(await callsOf(id)).toEqual(['executeFunction', 'executeFunction']);
  await setEmulatorFunctions(server.emulator.url, []);
  try {
    const without = await callsOf(id);
    expect(without[0]).toBe('executeFunction'); // asked once, refused
    expect(without.slice(1).sort()).toEqual([
      'coql', // the published config (read directly on this first load only)
      'coql',
      'coql',
      'coql',
      'coql',
      'coql',
      'coql', // the stage history (a deal's role is fixed by the stage when it was created)
      'searchRecord',
      'searchRecord',
    ]);
    // the tab remembers: the next load reads directly at once
    expect(await callsOf(id)).toHaveLength(8);
  } finally {
    await setEmulatorFunctions(server.emulator.url, ['esm_read_batch']);
    await page.evaluate('sessionStorage.clear()');
  }
});
