/** @jest-environment jsdom */
import { act } from 'preact/test-utils';
import {
  ERROR_STATE,
  LANGS,
  LOADING_STATE,
  READY,
  click,
  flush,
  mount,
  sampleReport,
  text,
} from '../testing/fixtures';
import { DEFAULT_FILTERS } from '../../../shared/portfolio/model';
import { applyFilters } from '../../../shared/portfolio/filter';
import { computeTrends, trendWindow, type AccountSnapshot } from '../../../shared/portfolio/trends';
import type { AsyncState } from '../../common/async-state';
import { CONFIG, sampleData } from '../testing/fixtures';
import { AccountsPanel } from './accounts-panel';
import type { TrendsView } from './trends-panel';

const names = (el: HTMLElement) =>
  [...el.querySelectorAll('[data-testid=accounts-table] tbody tr td[data-col=name]')].map(text);

/** jsdom's Blob has no text(): its bytes through a FileReader (which keeps the BOM). */
function readBlob(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.readAsArrayBuffer(blob);
  });
}

/** Trends of the sample portfolio: a1 has annual-revenue anchors in July, September and October, and 500 now. */
function sampleTrends(): AsyncState<TrendsView> {
  const d = sampleData();
  const accounts = d.portfolio.accounts.map((a) =>
    a.id === 'a1' ? { ...a, kgis: { ...a.kgis, annual_revenue: 500 } } : a,
  );
  const snap = (month: string, revenue: number): AccountSnapshot => ({
    id: `s-${month}`,
    accountId: 'a1',
    date: `${month}-01` as AccountSnapshot['date'],
    month,
    stage: 'trust',
    ownerId: 'u1',
    health: null,
    kpisMet: 1,
    kpiTargets: 2,
    kgis: { annual_revenue: revenue },
  });
  const trends = computeTrends(
    applyFilters({ ...d.portfolio, accounts }, DEFAULT_FILTERS),
    [snap('2026-10', 200), snap('2026-07', 100), snap('2026-09', 300)],
    CONFIG,
    trendWindow('quarter', d.asOf, CONFIG),
  );
  return { status: 'ready', data: { trends, accountNames: new Map(), repNames: new Map() } };
}

describe.each(LANGS)('AccountsPanel (%s)', (lang) => {
  it("KGI trend: a placeholder until the snapshots are in, then the account's values in order as a sparkline", () => {
    const pending = mount(<AccountsPanel state={READY()} trends={{ status: 'loading' }} />, lang);
    const cells = pending.querySelectorAll('[data-testid=accounts-table] td[data-col=kgiTrend]');
    expect(cells).toHaveLength(4);
    expect(pending.querySelectorAll('td[data-col=kgiTrend] [data-testid=kgi-trend-pending]')).toHaveLength(4);
    expect(pending.querySelector('td[data-col=kgiTrend] .sparkline')).toBeNull();

    const el = mount(<AccountsPanel state={READY()} trends={sampleTrends()} />, lang);
    expect(el.querySelector('[data-testid=kgi-trend-pending]')).toBeNull();
    const svg = el.querySelector('[data-account=a1] td[data-col=kgiTrend] svg.sparkline') as SVGElement;
    // samples: 2026/07 … 2026/11 and now; the anchors read out of order come out in month order
    const label = svg.getAttribute('aria-label') ?? '';
    const values = label
      .slice(label.indexOf(':') + 1)
      .split('→')
      .map((part) => part.trim().split(' ').slice(1).join(' '));
    const money = (n: number) =>
      new Intl.NumberFormat(lang === 'ja' ? 'ja-JP' : 'en-US', {
        style: 'currency',
        currency: CONFIG.currency,
        maximumFractionDigits: 0,
      }).format(n);
    expect(values).toEqual([money(100), '—', money(300), money(200), '—', money(500)]);
    expect(label.startsWith('北斗商事: 2026/07 ')).toBe(true);
    expect(label).toContain(lang === 'ja' ? '現在' : 'Now');
    // the drawn line: one run per stretch of samples with a value (100; 300 → 200; 500), left to right,
    // each value higher than a smaller one (SVG y grows downward)
    const runs = [...svg.querySelectorAll('polyline')].map((p) => p.getAttribute('points')?.split(' ') ?? []);
    expect(runs.map((r) => r.length)).toEqual([1, 2, 1]);
    const points = runs.flat().map((pt) => pt.split(',').map(Number) as [number, number]);
    const xs = points.map((p) => p[0]);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    const [y100, y300, y200, y500] = points.map((p) => p[1]);
    expect(
      [y100, y200, y300, y500].every((y, i, all) => i === 0 || (y as number) < (all[i - 1] as number)),
    ).toBe(true);
    // an account without snapshots or KGIs has no line
    expect(text(el.querySelector('[data-account=a4] td[data-col=kgiTrend]'))).toBe('—');
  });

  it('KGI trend: sorts by the change since the period start; other columns still sort; a failed read says so', () => {
    const el = mount(<AccountsPanel state={READY()} trends={sampleTrends()} />, lang);
    click(el.querySelector('[data-sort=kgiTrend]'));
    expect(names(el)[0]).toBe('北斗商事'); // the only account with a change (+300 since October)
    click(el.querySelector('[data-sort=days]'));
    expect(names(el)).toEqual(['<b>白鷺</b>重工', '朝霧フーズ', '東邦精機', '北斗商事']);
    expect(el.querySelector('td[data-col=kgiTrend] .sparkline')).not.toBeNull();

    const failed = mount(
      <AccountsPanel
        state={READY()}
        trends={{ status: 'error', error: { code: 'CRM_ERROR', detail: 'x' } }}
      />,
      lang,
    );
    expect(failed.querySelector('.note.warn')).not.toBeNull();
    expect(text(failed.querySelector('[data-account=a1] td[data-col=kgiTrend]'))).toBe('—');
    // without a trends source the table has no such column
    expect(mount(<AccountsPanel state={READY()} />, lang).querySelector('td[data-col=kgiTrend]')).toBeNull();
  });

  afterEach(() => jest.restoreAllMocks());

  it('loading and error', () => {
    expect(
      mount(<AccountsPanel state={LOADING_STATE} />, lang).querySelector('[role=status]'),
    ).not.toBeNull();
    expect(mount(<AccountsPanel state={ERROR_STATE} />, lang).querySelector('[role=alert]')).not.toBeNull();
  });

  it('ready: one row per account; a click on a header sorts, a second click reverses', () => {
    const el = mount(<AccountsPanel state={READY()} />, lang);
    expect(names(el)).toEqual(['北斗商事', '東邦精機', '<b>白鷺</b>重工', '朝霧フーズ']);
    click(el.querySelector('[data-sort=days]'));
    expect(names(el)).toEqual(['<b>白鷺</b>重工', '朝霧フーズ', '東邦精機', '北斗商事']); // 26, 57, 149, 360 days
    expect(el.querySelector('th[aria-sort=ascending]')).not.toBeNull();
    click(el.querySelector('[data-sort=days]'));
    expect(names(el)[0]).toBe('北斗商事');
    expect(el.querySelector('th[aria-sort=descending]')).not.toBeNull();
    expect(el.querySelector('[data-account=a1] .badge-warn')).not.toBeNull(); // stalled
  });

  it('CSV: the download gets the rows with a BOM; a copy falls back to a text box when refused', async () => {
    const blobs: Blob[] = [];
    URL.createObjectURL = jest.fn((b: Blob) => (blobs.push(b), 'blob:x'));
    URL.revokeObjectURL = jest.fn();
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    const el = mount(<AccountsPanel state={READY()} />, lang);
    click(el.querySelector('[data-testid=csv-download]'));
    const bytes = await readBlob(blobs[0] as Blob);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // UTF-8 BOM: Excel reads it as UTF-8
    const csv = Buffer.from(bytes).toString('utf8');
    expect(csv?.split('\r\n')[0]).toMatch(
      lang === 'ja' ? /^\uFEFF?ID,取引先名,担当者/ : /^\uFEFF?ID,Account,Owner/,
    );
    expect(csv).toContain('a3,<b>白鷺</b>重工');

    Object.assign(navigator, { clipboard: { writeText: jest.fn().mockRejectedValue(new Error('denied')) } });
    document.execCommand = jest.fn(() => false);
    click(el.querySelector('[data-testid=csv-copy]'));
    await flush();
    const box = el.querySelector('[data-testid=csv-text]') as HTMLTextAreaElement | null;
    expect(box?.value.split(/\r?\n/)).toHaveLength(6); // a textarea's value has LF line ends
  });

  it('Copy CSV copies tab-separated text, which a spreadsheet pastes into columns', async () => {
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.assign(navigator, { clipboard: { writeText } });
    const el = mount(<AccountsPanel state={READY()} />, lang);
    click(el.querySelector('[data-testid=csv-copy]'));
    await flush();
    const copied = String(writeText.mock.calls[0]?.[0] ?? '');
    const [header, first] = copied.split('\r\n');
    expect(header?.split('\t').slice(0, 3)).toEqual(
      lang === 'ja' ? ['ID', '取引先名', '担当者'] : ['ID', 'Account', 'Owner'],
    );
    expect(first?.split('\t')).toHaveLength(header?.split('\t').length ?? 0);
    expect(copied.startsWith('\uFEFF')).toBe(false);
  });

  it('every account and owner is a link: the account opens in the CRM, the owner narrows the view', () => {
    const open = jest.fn();
    const focusRep = jest.fn();
    const el = mount(<AccountsPanel state={READY()} />, lang, { open, focusRep });
    click(el.querySelector('[data-account=a3] td[data-col=name] a'));
    expect(open).toHaveBeenCalledWith('Accounts', 'a3');
    const owner = el.querySelector('[data-account=a3] td[data-col=owner] a') as HTMLElement;
    click(owner);
    expect(focusRep).toHaveBeenCalledWith(owner.getAttribute('data-rep'));
    expect(text(el.querySelector('[data-account=a3] td[data-col=name] a'))).toBe('<b>白鷺</b>重工');
  });

  it('health: sortable, with its band and the parts explained', () => {
    const base = sampleReport();
    const parts =
      'ステージの進捗: 43 (×0.25) 7段階中 3 段階に到達\n案件リスク: — (×0.15) 進行中の案件なし（対象外）';
    const accounts = base.accounts.map((a, i) => ({
      ...a,
      health: [80, 20, null, 55][i] ?? null,
      healthBand: (['good', 'act', null, 'watch'] as const)[i] ?? null,
      healthParts: i === 0 ? parts : null,
    }));
    const el = mount(<AccountsPanel state={READY({ ...base, accounts })} />, lang);
    click(el.querySelector('[data-sort=health]'));
    const scores = [...el.querySelectorAll('td[data-col=health]')].map(text);
    expect(scores[0]).toMatch(/^20 /);
    expect(scores[2]).toMatch(/^80 /);
    expect(scores[3]).toBe('—');
    const open = el.querySelector('.health-parts li[data-part=stage]');
    expect(text(open)).toContain(lang === 'ja' ? 'ステージの進捗: 43' : 'Stage progress: 43');
  });

  it("health parts not in the page load: opening the score reads that account's parts once", async () => {
    const base = sampleReport();
    const accounts = base.accounts.map((a, i) => ({
      ...a,
      health: [80, 20, null, 55][i] ?? null,
      healthBand: (['good', 'act', null, 'watch'] as const)[i] ?? null,
      healthParts: null,
    }));
    const parts = 'キーパーソンのカバー: 50 (×0.2) キーパーソン 2 人中 1 人と直近90日に接点あり';
    const healthParts = jest.fn(async (id: string) => (id === accounts[0]!.id ? parts : null));
    const el = mount(<AccountsPanel state={READY({ ...base, accounts })} />, lang, { healthParts });
    const row = (i: number) => el.querySelector(`[data-account=${accounts[i]!.id}] td[data-col=health]`);
    const toggle = async (i: number) => {
      const details = row(i)?.querySelector('details') as HTMLDetailsElement;
      act(() => {
        details.open = true;
        details.dispatchEvent(new Event('toggle'));
      });
      await act(async () => undefined);
    };
    expect(healthParts).not.toHaveBeenCalled();
    await toggle(0);
    expect(healthParts).toHaveBeenCalledWith(accounts[0]!.id);
    expect(text(row(0)?.querySelector('li[data-part=keyPeople]') ?? null)).toContain(
      lang === 'ja' ? 'キーパーソンのカバー: 50' : 'Key-person coverage: 50',
    );
    await toggle(0);
    expect(healthParts).toHaveBeenCalledTimes(1);
    // an account without parts says so, rather than an empty list
    await toggle(1);
    expect(row(1)?.querySelector('li')).toBeNull();
    expect(text(row(1)?.querySelector('p') ?? null)).toBe(
      lang === 'ja' ? 'この取引先には内訳がありません' : 'No parts written for this account',
    );
  });

  it('guidance shows names, never codes', () => {
    const el = mount(<AccountsPanel state={READY()} />, lang);
    const cells = [...el.querySelectorAll('td[data-col=guidance]')].map(text).join(' ');
    expect(el.querySelectorAll('td[data-col=guidance] li[data-code]').length).toBeGreaterThan(0);
    expect(cells).not.toMatch(/[A-Z]{3,}_[A-Z_]+/);
  });

  it('shows the first rows and more on demand', () => {
    const many = sampleReport();
    const rows = Array.from({ length: 450 }, (_, i) => ({
      ...many.accounts[0]!,
      id: `x${i}`,
      name: `社${i}`,
    }));
    const el = mount(<AccountsPanel state={READY({ ...many, accounts: rows })} />, lang);
    expect(names(el)).toHaveLength(200);
    click(el.querySelector('.table-more button'));
    expect(names(el)).toHaveLength(400);
    expect(text(el.querySelector('.table-more'))).toContain(
      lang === 'ja' ? '400 / 450 件を表示' : 'Showing 400 of 450',
    );
  });

  it('empty', () => {
    const el = mount(<AccountsPanel state={READY(sampleReport({ industries: ['Mining'] }))} />, lang);
    expect(el.querySelector('.empty')).not.toBeNull();
  });
});
