/** @jest-environment jsdom */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { ISSUE_TEXT } from '../../shared/i18n/issues';
import { widgetError } from '../common/errors';
import { PortfolioApp } from './app';
import { normalisePortfolio } from '../../shared/portfolio/normalise';
import type { PortfolioData, PortfolioSession } from './session';
import { CONFIG, LANGS, flush, sampleData, text } from './testing/fixtures';

function mountApp(session: PortfolioSession | null, lang: 'ja' | 'en' = 'ja'): HTMLElement {
  document.body.innerHTML = '<div id="root"></div>';
  const root = document.getElementById('root') as HTMLElement;
  act(() => {
    render(<PortfolioApp config={CONFIG} session={session} initialLang={lang} />, root);
  });
  return root;
}

function select(el: HTMLElement, id: string, value: string): void {
  const s = el.querySelector(`#${id}`) as HTMLSelectElement;
  act(() => {
    s.value = value;
    s.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe.each(LANGS)('PortfolioApp (%s)', (lang) => {
  it('loads once, then filters in the browser without another load', async () => {
    const load = jest.fn(async (): Promise<PortfolioData> => sampleData());
    const el = mountApp({ load }, lang);
    expect(el.querySelector('[data-state=loading]')).not.toBeNull();
    expect((el.querySelector('#filter-owner') as HTMLSelectElement).disabled).toBe(true);
    await flush();
    expect(text(el.querySelector('[data-testid=in-view]'))).toContain(
      lang === 'ja' ? '4 社 / 全 4 社' : '4 of 4 accounts',
    );
    select(el, 'filter-owner', 'u1');
    expect(text(el.querySelector('[data-testid=in-view]'))).toContain(
      lang === 'ja' ? '2 社 / 全 4 社' : '2 of 4 accounts',
    );
    expect(text(el.querySelector('[data-slot=trust] [data-testid=stage-now]'))).toBe('2');
    expect(text(el.querySelector('[data-slot=shared_issues] [data-testid=stage-now]'))).toBe('0');
    select(el, 'filter-team', 'm1');
    select(el, 'filter-period', 'fiscal_year');
    expect(text(el.querySelector('[data-testid=in-view]'))).toContain('2026/04/01');
    act(() => {
      (el.querySelector('.filters .btn') as HTMLButtonElement).click();
    });
    expect(text(el.querySelector('[data-testid=in-view]'))).toContain(lang === 'ja' ? '4 社' : '4 of 4');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('offers owners with their kind, teams, stages, industries', async () => {
    const el = mountApp({ load: async () => sampleData() }, lang);
    await flush();
    const options = (id: string) => [...el.querySelectorAll(`#${id} option`)].map((o) => o.textContent);
    expect(options('filter-owner')).toContain(
      lang === 'ja' ? '伊藤（インサイドセールス）' : '伊藤 (Inside sales)',
    );
    expect(options('filter-team')).toEqual([
      lang === 'ja' ? 'すべて' : 'All',
      lang === 'ja' ? '部長 のチーム' : "部長's team",
    ]);
    expect(options('filter-stage')).toHaveLength(9);
    expect(options('filter-industry')).toEqual([
      lang === 'ja' ? 'すべて' : 'All',
      'Food',
      'Manufacturing',
      'Retail',
    ]);
  });

  it("lists the data issues with their stable code and the message in the page's language", async () => {
    const data = sampleData();
    data.portfolio.issues.push({
      code: 'INVALID_VALUE',
      message: ISSUE_TEXT.dealWithoutStageLeftOut('d9'),
      recordId: 'd9',
    });
    const el = mountApp({ load: async () => data }, lang);
    await flush();
    const issues = text(el.querySelector('details.issues'));
    expect(issues).toContain('INVALID_VALUE');
    expect(issues).toContain(lang === 'ja' ? '商談 d9 にステージがありません' : 'deal d9 has no Stage');
  });

  it('every tab shows its panel', async () => {
    const el = mountApp({ load: async () => sampleData() }, lang);
    await flush();
    for (const tab of ['movement', 'kpi', 'activity', 'forecast', 'accounts', 'overview']) {
      act(() => {
        (el.querySelector(`#tab-${tab}`) as HTMLButtonElement).click();
      });
      expect(el.querySelector(`[data-panel=${tab}][data-state=ready]`)).not.toBeNull();
    }
  });

  it('two phases: the overview shows before the deals; forecast, guidance and alerts follow them', async () => {
    const full = sampleData();
    let deliver: (d: PortfolioData) => void = () => undefined;
    const rest = new Promise<PortfolioData>((r) => (deliver = r));
    const first: PortfolioData = { ...full, portfolio: { ...full.portfolio, deals: [], alerts: [] }, rest };
    const el = mountApp({ load: async () => first }, lang);
    await flush();
    expect(el.querySelector('[data-panel=overview][data-state=ready]')).not.toBeNull();
    expect(el.querySelector('[data-testid=guidance-pending]')).not.toBeNull();
    // no "no open alerts" while they are still being read
    expect(el.querySelector('[data-testid=alerts]')).toBeNull();
    act(() => {
      (el.querySelector('#tab-forecast') as HTMLButtonElement).click();
    });
    expect(el.querySelector('[data-panel=forecast][data-state=loading]')).not.toBeNull();
    deliver(full);
    await flush();
    expect(el.querySelector('[data-panel=forecast][data-state=ready]')).not.toBeNull();
    act(() => {
      (el.querySelector('#tab-overview') as HTMLButtonElement).click();
    });
    expect(el.querySelector('[data-testid=guidance-pending]')).toBeNull();
    expect(el.querySelector('[data-testid=alerts]')).not.toBeNull();
  });

  it('a failure reading the deals shows the error', async () => {
    const full = sampleData();
    const rest = Promise.reject(widgetError('CRM_ERROR', 'deals: LIMIT_EXCEEDED'));
    rest.catch(() => undefined);
    const el = mountApp({ load: async () => ({ ...full, rest }) }, lang);
    await flush();
    expect(text(el.querySelector('[role=alert]'))).toContain('CRM_ERROR');
  });

  it('trends: the first visit reads the month anchors of the period, then draws them', async () => {
    const snap = (id: string, account: string, month: string, stage: string, revenue: number) => ({
      id,
      Account: { id: account },
      Snapshot_Date: `${month}-01`,
      Snapshot_Month: month,
      Relationship_Stage: stage,
      KPIs_Met: 1,
      KPI_Targets: 4,
      KGI_Annual_Revenue: revenue,
    });
    const rows =
      normalisePortfolio(
        {
          ESM_Snapshots: [
            snap('s1', 'a1', '2026-07', '接点構築', 100),
            snap('s2', 'a1', '2026-10', '課題共有', 400),
          ],
        },
        CONFIG,
      ).snapshots ?? [];
    const loadSnapshots = jest.fn(async (_months: string[]) => rows);
    const el = mountApp({ load: async () => sampleData(), loadSnapshots }, lang);
    await flush();
    expect(loadSnapshots).not.toHaveBeenCalled();
    act(() => {
      (el.querySelector('#tab-trends') as HTMLButtonElement).click();
    });
    await flush();
    expect(loadSnapshots).toHaveBeenCalledWith(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(el.querySelector('[data-panel=trends][data-state=ready]')).not.toBeNull();
    expect(el.querySelector('[data-testid=trends-no-history]')).toBeNull();
    expect(
      text(
        el.querySelector(
          '[data-testid=trend-compare] [data-metric=annual_revenue] [data-testid=previous-change]',
        ),
      ),
    ).toMatch(/300/);
    expect(el.querySelectorAll('[data-testid=trend-kgis] .sparkline').length).toBeGreaterThan(0);
    expect(el.querySelector('[data-testid=stage-timeline]')).not.toBeNull();
    // another period reads only the months not read yet
    select(el, 'filter-period', 'fiscal_year');
    await flush();
    expect(loadSnapshots).toHaveBeenLastCalledWith(['2025-04', '2025-07', '2025-10', '2026-01', '2026-04']);
  });

  it('accounts: the KGI sparklines read the snapshots behind the first screen, once for both tabs', async () => {
    type Rows = NonNullable<ReturnType<typeof normalisePortfolio>['snapshots']>;
    const rows: Rows =
      normalisePortfolio(
        {
          ESM_Snapshots: [
            {
              id: 's1',
              Account: { id: 'a1' },
              Snapshot_Date: '2026-07-01',
              Snapshot_Month: '2026-07',
              KGI_Annual_Revenue: 100,
            },
          ],
        },
        CONFIG,
      ).snapshots ?? [];
    let answer: (rows: Rows) => void = () => undefined;
    const loadSnapshots = jest.fn(() => new Promise<Rows>((resolve) => (answer = resolve)));
    const el = mountApp({ load: async () => sampleData(), loadSnapshots }, lang);
    await flush();
    expect(el.querySelector('[data-panel=overview][data-state=ready]')).not.toBeNull();
    expect(loadSnapshots).not.toHaveBeenCalled(); // not before the first panel, nor for it
    act(() => {
      (el.querySelector('#tab-accounts') as HTMLButtonElement).click();
    });
    await flush();
    expect(loadSnapshots).toHaveBeenCalledTimes(1);
    expect(el.querySelectorAll('td[data-col=kgiTrend] [data-testid=kgi-trend-pending]').length).toBe(4);
    await act(async () => answer(rows));
    await flush();
    expect(el.querySelector('[data-testid=kgi-trend-pending]')).toBeNull();
    expect(el.querySelector('[data-account=a1] td[data-col=kgiTrend] .sparkline')).not.toBeNull();
    act(() => {
      (el.querySelector('#tab-trends') as HTMLButtonElement).click();
    });
    await flush();
    expect(el.querySelector('[data-panel=trends][data-state=ready]')).not.toBeNull();
    expect(loadSnapshots).toHaveBeenCalledTimes(1);
  });

  it('whitespace: the first visit reads the potential maps; a cell lists its accounts', async () => {
    const loadPotential = jest.fn(async () => [
      { accountId: 'a1', segment: '本社', offering: 'ERP', potential: 100, current: 40 },
      { accountId: 'a3', segment: '本社', offering: 'ERP', potential: 50, current: 0 },
      { accountId: 'a3', segment: '工場', offering: 'IoT', potential: 30, current: 30 },
    ]);
    const el = mountApp({ load: async () => sampleData(), loadPotential }, lang);
    await flush();
    expect(loadPotential).not.toHaveBeenCalled();
    act(() => {
      (el.querySelector('#tab-whitespace') as HTMLButtonElement).click();
    });
    await flush();
    expect(loadPotential).toHaveBeenCalledTimes(1);
    expect(el.querySelector('[data-panel=whitespace][data-state=ready]')).not.toBeNull();
    const cells = [...el.querySelectorAll('[data-testid=whitespace-map] button[data-cell]')];
    expect(cells).toHaveLength(2);
    act(() => {
      (cells[0] as HTMLButtonElement).click();
    });
    const listed = [...el.querySelectorAll('[data-testid=whitespace-accounts] li')].map((li) =>
      li.getAttribute('data-account'),
    );
    expect(listed).toEqual(['a1', 'a3']);
    // a filter applies to the heat map too
    select(el, 'filter-owner', 'u1');
    const owners = sampleData()
      .portfolio.accounts.filter((a) => a.ownerId === 'u1')
      .map((a) => a.id);
    const shown = [...el.querySelectorAll('[data-testid=whitespace-map] button[data-cell]')].length;
    expect(shown).toBe(owners.includes('a3') ? 2 : owners.includes('a1') ? 1 : 0);
    expect(loadPotential).toHaveBeenCalledTimes(1);
  });

  it('a failed load shows the error; retry loads again', async () => {
    const load = jest
      .fn<Promise<PortfolioData>, []>()
      .mockRejectedValueOnce(widgetError('TIMEOUT', 'coql gave no answer'))
      .mockResolvedValue(sampleData());
    const el = mountApp({ load }, lang);
    await flush();
    expect(text(el.querySelector('[role=alert]'))).toContain('TIMEOUT');
    act(() => {
      (el.querySelector('[role=alert] button') as HTMLButtonElement).click();
    });
    await flush();
    expect(el.querySelector('[data-panel=overview][data-state=ready]')).not.toBeNull();
  });

  it('outside the CRM: says where to open it', () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root') as HTMLElement;
    act(() => {
      render(
        <PortfolioApp
          config={CONFIG}
          session={null}
          initialLang={lang}
          initialState={{ status: 'error', error: widgetError('NOT_IN_ZOHO', 'no frame') }}
        />,
        root,
      );
    });
    expect(text(root.querySelector('[role=alert] p'))).toBe(
      lang === 'ja'
        ? 'このウィジェットは Zoho CRM のウェブタブ内で開いてください。'
        : 'Open this widget in its Zoho CRM web tab.',
    );
  });

  it('switches language', async () => {
    const el = mountApp({ load: async () => sampleData() }, lang);
    await flush();
    const btn = [...el.querySelectorAll('button')].find(
      (b) => b.textContent === (lang === 'ja' ? 'English' : '日本語'),
    );
    act(() => btn?.click());
    expect(text(el.querySelector('h1'))).toBe(lang === 'ja' ? 'Sales portfolio' : '営業ポートフォリオ');
  });
});
