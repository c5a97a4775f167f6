/**
 * XSS in a real browser: the demo org with every CRM text field of one account — its name and
 * website, its contacts, deals, tasks, events, calls, plan sections, potential map and plan
 * updates — holding one of the payloads of shared/testing/xss-payloads. Opened in the preview
 * (headless Chromium), every panel shows each payload as literal text; no dialog opens, no payload
 * script runs (`window.__xss` stays unset), no element or event-handler attribute is created.
 * The same for every panel of the manager's web tab over that org.
 */
import type { Frame, Page } from 'playwright-core';
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import type { PreviewServer } from '../../server/local/widget-host/dev-server';
import { startPreviewServer } from '../../server/local/widget-host/dev-server';
import { XSS_PAYLOADS, XSS_URLS } from '../../shared/testing/xss-payloads';
import { launchChromium, type LaunchedBrowser } from './browser';
import { PORTFOLIO_TABS, openAccount, openPortfolio, openTab } from './widget-page';

type Rec = Record<string, unknown> & { id: string };
const TABS = ['stage', 'kpi', 'plan', 'buyers', 'potential', 'deals', 'activity'];

let server: PreviewServer;
let browser: LaunchedBrowser;
let page: Page;
let accountId: string;
const dialogs: string[] = [];

/** The demo account with the most records, its text replaced by payloads (cycled). */
function poisonedDemo(): { dataset: Record<string, Rec[]>; accountId: string } {
  const dataset = generateDemoDataset({ asOf: Date.now() }) as unknown as Record<string, Rec[]>;
  const of = (r: Rec, field: string) => (r[field] as { id?: string } | null)?.id;
  const related = (id: string) => ({
    contacts: (dataset.Contacts ?? []).filter((c) => of(c, 'Account_Name') === id),
    deals: (dataset.Deals ?? []).filter((d) => of(d, 'Account_Name') === id),
  });
  const account = [...(dataset.Accounts ?? [])].sort(
    (a, b) =>
      related(b.id).contacts.length +
      related(b.id).deals.length -
      (related(a.id).contacts.length + related(a.id).deals.length),
  )[0] as Rec;
  const { contacts, deals } = related(account.id);
  const dealIds = new Set(deals.map((d) => d.id));
  let i = 0;
  const next = () => XSS_PAYLOADS[i++ % XSS_PAYLOADS.length] as string;
  account.Account_Name = next();
  account.Website = XSS_URLS[0];
  for (const c of contacts) {
    c.Last_Name = next();
    c.First_Name = null;
    c.Full_Name = c.Last_Name;
    c.Department = next();
    c.Title = `取締役 ${next()}`;
  }
  for (const d of deals) d.Deal_Name = next();
  for (const [module, field] of [
    ['Tasks', 'Subject'],
    ['Events', 'Event_Title'],
    ['Calls', 'Subject'],
  ] as const)
    for (const a of dataset[module] ?? [])
      if (of(a, 'What_Id') === account.id || dealIds.has(of(a, 'What_Id') ?? '')) a[field] = next();
  for (const p of (dataset.Account_Plans ?? []).filter((x) => of(x, 'Account') === account.id)) {
    for (const f of [
      'Company_Overview',
      'Strategy_Hypothesis',
      'Issue_Hypothesis',
      'Group_Structure',
      'Long_Term_Actions',
      'Short_Term_Actions',
    ])
      p[f] = next();
    for (const row of (p.Potential_Map as Rec[] | undefined) ?? []) {
      row.Segment = next();
      row.Offering = next();
    }
    for (const row of (p.Plan_Updates as Rec[] | undefined) ?? []) row.Summary = next();
  }
  return { dataset, accountId: account.id };
}

beforeAll(async () => {
  const poisoned = poisonedDemo();
  accountId = poisoned.accountId;
  // One sync first: the manager's view reads the fields the service writes (and the sync must carry
  // the payloads through as data too).
  server = await startPreviewServer({ port: 0, dataset: poisoned.dataset, sync: true });
  browser = await launchChromium({ locale: 'ja-JP' });
  page = await browser.context.newPage();
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Elements and attributes inside the widget that markup in the payloads would have created. */
function injected(frame: Frame): Promise<string[]> {
  return frame.evaluate(`(() => {
    const bad = new Set(['script','iframe','object','embed','img','svg','math','video','audio','source','base','meta','link','style','marquee','body','frame','frameset','template']);
    const found = [];
    for (const el of document.querySelectorAll('.app *')) {
      const tag = el.tagName.toLowerCase();
      // Our own drawings: the manager's charts (<svg> children of <figure class="chart">), its
      // sparklines (<svg class="sparkline"> in a table cell) and the account page's relationship map
      // (<svg class="rmap-svg"> in its .rmap box); what is inside them is still checked like everything else.
      const ourChart = tag === 'svg' && el.parentElement &&
        (el.parentElement.matches('figure.chart') || (el.matches('svg.sparkline') && el.parentElement.matches('td')) ||
          (el.matches('svg.rmap-svg') && el.parentElement.matches('.rmap')));
      if (bad.has(tag) && !ourChart) found.push('<' + tag + '>');
      for (const a of el.getAttributeNames()) {
        const v = el.getAttribute(a) || '';
        if (/^on/i.test(a)) found.push(tag + '[' + a + ']');
        if (['href','src','action','formaction','data','srcdoc','style'].includes(a) && /script:|data:text/i.test(v)) found.push(tag + '[' + a + '=' + v + ']');
      }
    }
    return found;
  })()`) as Promise<string[]>;
}

function shown(frame: Frame): Promise<string> {
  return frame.evaluate(`(() => [document.querySelector('.app').textContent,
    ...[...document.querySelectorAll('.app input, .app textarea, .app select')].map((e) => e.value)].join('\\n'))()`) as Promise<string>;
}

test(`${XSS_PAYLOADS.length} payloads in every CRM text field stay text in every panel`, async () => {
  const frame = await openAccount(page, server.previewUrl, accountId);
  let all = '';
  for (const tab of TABS) {
    await openTab(frame, tab);
    await frame.hover(`[data-panel=${tab}]`);
    expect({ tab, injected: await injected(frame) }).toEqual({ tab, injected: [] });
    all += await shown(frame);
    if (tab === 'buyers') {
      // The buyers tab opens on the relationship map; its list view is the other drawing of the same people.
      await frame.click('[data-view=list]');
      await frame.waitForSelector('[data-contact]');
      expect({ tab: 'buyers list', injected: await injected(frame) }).toEqual({
        tab: 'buyers list',
        injected: [],
      });
      all += await shown(frame);
    }
  }
  await page.waitForTimeout(500); // anything deferred (onload, onfocus, meta refresh) would have run
  expect(await frame.evaluate('window.__xss')).toBeUndefined();
  expect(await page.evaluate('window.__xss')).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(XSS_PAYLOADS.filter((p) => !all.includes(p))).toEqual([]);
  expect(await page.textContent('#record-name')).toBe(XSS_PAYLOADS[0]); // the host page too
  expect(await frame.$('a[href^="javascript" i]')).toBeNull();
});

test('the manager’s web tab shows the poisoned account and deals as text in every panel', async () => {
  const frame = await openPortfolio(page, server.previewUrl);
  let all = '';
  for (const tab of PORTFOLIO_TABS) {
    await openTab(frame, tab);
    await frame.hover(`[data-panel=${tab}]`);
    expect({ tab, injected: await injected(frame) }).toEqual({ tab, injected: [] });
    all += await shown(frame);
  }
  await page.waitForTimeout(500);
  expect(await frame.evaluate('window.__xss')).toBeUndefined();
  expect(await page.evaluate('window.__xss')).toBeUndefined();
  expect(dialogs).toEqual([]);
  expect(all).toContain(XSS_PAYLOADS[0]); // the account's name, in the account table
  expect(await frame.$('a[href^="javascript" i]')).toBeNull();
});
