/** @jest-environment jsdom */
/**
 * CRM text is data, never markup: with an XSS payload in every text field the widget shows —
 * account, owner, contacts, deals (one with an unmapped stage, so it also reaches the issues list),
 * every kind of activity, every plan section, the potential map and plan updates — and a
 * `javascript:` website, every panel renders each payload as literal text, creates no element and
 * no attribute from it, and runs none of it. (The same payloads run in Chromium: test/e2e/xss.e2e.ts.)
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import * as z from '../../shared/testing/zoho-builders';
import { XSS_PAYLOADS, XSS_URLS } from '../../shared/testing/xss-payloads';
import type { RawDataset } from './data/load-dataset';
import { App, type TabKey } from './app';
import { createSession } from './session';
import { fakeCrm } from './testing/fake-crm';
import { AS_OF, flush, sampleDataset, testConfig } from './testing/fixtures';

const TABS: TabKey[] = ['stage', 'kpi', 'plan', 'buyers', 'potential', 'deals', 'activity'];
const PAYLOAD = (i: number) => XSS_PAYLOADS[i % XSS_PAYLOADS.length] as string;

/** The sample account with text `P(i)` in every field the widget shows (an unmapped deal stage too). */
function withText(P: (i: number) => string, website: string): RawDataset {
  return sampleDataset({
    Accounts: [z.account({ name: P(0), Website: website, Industry: P(1), Owner: { id: 'u1', name: P(2) } })],
    Contacts: [
      z.contact({ id: 'c1', Full_Name: P(3), dept: P(4), title: P(5), role: 'champion', influence: 4 }),
      z.contact({ id: 'c2', Full_Name: P(6), dept: P(7), title: P(8), boss: 'c1', role: 'user' }),
      z.contact({ id: 'c3', Full_Name: P(9), dept: P(10), title: '取締役' }),
    ],
    Deals: [
      z.deal({ id: 'd1', Deal_Name: P(11), stage: 'Needs Analysis', amount: 5_000_000, contact: 'c1' }),
      z.deal({ id: 'd2', Deal_Name: P(12), stage: P(13), amount: 1_000_000 }),
    ],
    Tasks: [
      z.task({ id: 't1', deal: 'd1', subject: P(14), closed: '2026-11-10T10:00:00+09:00', who: 'c1' }),
      z.task({ id: 't2', subject: P(1), closed: '2026-11-12T10:00:00+09:00' }),
    ],
    Events: [
      z.event({ id: 'e1', subject: P(15), start: '2026-11-05T14:00:00+09:00', participants: ['c1', 'c2'] }),
      z.event({ id: 'e2', subject: P(2), start: '2026-11-06T14:00:00+09:00' }),
    ],
    Calls: [
      z.call({ id: 'k1', subject: P(16), start: '2026-11-20T10:00:00+09:00', type: 'Inbound', who: 'c2' }),
      z.call({ id: 'k2', subject: P(17), start: '2026-11-21T10:00:00+09:00' }),
    ],
    Account_Plans: [
      {
        ...z.plan({ updates: ['2026-11-01'], potential: [[10_000_000, 0]] }),
        Name: P(17),
        Company_Overview: P(18),
        Strategy_Hypothesis: P(19),
        Issue_Hypothesis: P(20),
        Group_Structure: P(21),
        Long_Term_Actions: P(22),
        Short_Term_Actions: P(23),
        Potential_Map: [
          { id: 'pm0', Segment: P(24), Offering: P(25), Potential_Amount: 10_000_000, Current_Amount: 0 },
        ],
        Plan_Updates: [{ id: 'u0', Updated_On: '2026-11-01', Summary: P(1) }],
      },
    ],
  } as Partial<RawDataset>);
}

/** What the widget shows: text, and the values of its form controls (plan sections are edited in place). */
function shown(root: HTMLElement): string {
  const values = [...root.querySelectorAll('input, textarea, select')].map(
    (e) => (e as HTMLInputElement).value,
  );
  return [root.textContent ?? '', ...values].join('\n');
}

/** Elements, attributes and URLs the payloads would create if any were parsed as markup. */
function injected(root: HTMLElement, baselineTags: Set<string>): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.tagName.toLowerCase();
    if (!baselineTags.has(tag)) found.push(`<${tag}>`);
    for (const a of el.getAttributeNames()) {
      const v = el.getAttribute(a) ?? '';
      if (/^on/i.test(a)) found.push(`${tag}[${a}]`);
      if (
        ['href', 'src', 'action', 'formaction', 'data', 'srcdoc', 'style'].includes(a) &&
        /script:|data:text/i.test(v)
      )
        found.push(`${tag}[${a}=${v}]`);
    }
  }
  return found;
}

async function mountApp(data: RawDataset): Promise<HTMLElement> {
  document.body.innerHTML = '<div id="root"></div>';
  const root = document.getElementById('root') as HTMLElement;
  const session = createSession(fakeCrm(data), testConfig(), z.ACCOUNT, () => AS_OF);
  act(() => render(<App config={testConfig()} session={session} initialLang="ja" />, root));
  await flush();
  return root;
}

async function openTab(root: HTMLElement, tab: TabKey): Promise<void> {
  act(() => (root.querySelector(`#tab-${tab}`) as HTMLButtonElement).click());
  await flush();
  await flush(); // the buyer map's chunk
  expect(root.querySelector(`[data-panel=${tab}][data-state=ready]`)).not.toBeNull();
}

let baselineTags: Set<string>;

beforeAll(async () => {
  // The elements the widget itself uses, with harmless text in the same fields, on every tab.
  const root = await mountApp(withText((i) => `text ${i}`, 'https://www.example.co.jp'));
  baselineTags = new Set();
  for (const tab of TABS) {
    await openTab(root, tab);
    for (const el of root.querySelectorAll('*')) baselineTags.add(el.tagName.toLowerCase());
  }
});

afterEach(() => {
  delete (window as { __xss?: unknown }).__xss;
});

it(`uses ${XSS_PAYLOADS.length} payloads`, () => {
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(20);
});

describe.each(XSS_URLS)('with every text field poisoned and the website %s', (website) => {
  it.each(TABS)('the %s panel renders it inert', async (tab) => {
    const root = await mountApp(withText(PAYLOAD, website));
    await openTab(root, tab);
    expect(injected(root, baselineTags)).toEqual([]);
    expect(root.querySelector('a[href]:not([href^="http://"]):not([href^="https://"])')).toBeNull();
    expect((window as { __xss?: unknown }).__xss).toBeUndefined();
  });

  it('every payload shows as literal text somewhere in the panels', async () => {
    const root = await mountApp(withText(PAYLOAD, website));
    let all = '';
    for (const tab of TABS) {
      await openTab(root, tab);
      all += shown(root);
      if (tab === 'buyers') {
        // the map (its chunk loaded by now) and then the list view
        expect(root.querySelector('[data-testid=relationship-map]')).not.toBeNull();
        act(() => (root.querySelector('[data-view=list]') as HTMLButtonElement).click());
        all += shown(root);
      }
    }
    const missing = XSS_PAYLOADS.filter((p) => !all.includes(p));
    expect(missing).toEqual([]);
  });
});
