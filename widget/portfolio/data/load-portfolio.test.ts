import type { ZohoRecord } from '../../../shared/crm-read/records';
import type { Instant, LocalDate } from '../../../shared/model/types';
import { CONFIG } from '../../../shared/testing/portfolio-builders';
import type { CrmGateway, ListOptions, ListPage } from '../../zoho/types';
import { batchedReads, directReads } from '../../common/reads';
import {
  MAX_PAGES,
  loadDealsDataset,
  loadFirstDataset,
  loadPortfolioDataset,
  loadPotentialRows,
} from './load-portfolio';
import { PAGE_ROWS, dealStreams, healthPartsQuery, streamQuery } from './queries';

const AS_OF = Date.parse('2026-11-26T12:00:00+09:00') as Instant;
const Q3 = '2026-10-01' as LocalDate;

describe('streamQuery', () => {
  it.each([
    [
      'accounts, first page',
      'accounts',
      null,
      /^select id, Account_Name, Owner, Parent_Account, Industry, Is_Target_Account, Account_Reading, Relationship_Stage, Relationship_Stage_Since, Stage_Progress, Next_Stage_Gaps, Insight_Updated_At, Account_Health, KPI_Contacts_Reached, .*, KGI_Expansion_Revenue from Accounts where id is not null order by id asc limit 2000$/,
    ],
    [
      'accounts, next page',
      'accounts',
      '4876876000000100009',
      / where id > '4876876000000100009' order by id asc limit 2000$/,
    ],
    [
      'history',
      'history',
      null,
      /^select id, Account, From_Stage, To_Stage, Changed_At from Relationship_Stage_History where id is not null /,
    ],
    [
      'open deals, next page',
      'openDeals',
      '77',
      /from Deals where \(Stage not in \('Closed Won', 'Closed Lost', 'Closed-Lost to Competition'\) and id > '77'\) order by id asc/,
    ],
    [
      'deals won since the quarter start, next page: criteria in pairs',
      'wonDeals',
      '77',
      /where \(\(Stage in \('Closed Won'\) and Closing_Date >= '2026-10-01'\) and id > '77'\) order/,
    ],
  ] as const)('%s', (_what, stream, after, expected) => {
    expect(streamQuery(CONFIG, stream, after, Q3)).toMatch(expected);
  });

  it("leaves the health parts out of the page load; one account's parts are a 1-credit read", () => {
    expect(streamQuery(CONFIG, 'accounts', null, Q3)).not.toContain('Account_Health_Parts');
    expect(healthPartsQuery(CONFIG, '4876876000000100009')).toBe(
      "select id, Account_Health_Parts from Accounts where id = '4876876000000100009' limit 1",
    );
    expect(() => healthPartsQuery(CONFIG, "1' or id is not null or '")).toThrow(/not a record id/);
  });

  it('selects at most 50 columns (Zoho v6 COQL)', () => {
    const columns = streamQuery(CONFIG, 'accounts', null, Q3).split(' from ')[0]?.split(',') ?? [];
    expect(columns.length).toBeLessThanOrEqual(50);
  });

  it('refuses an id that is not an id, rather than interpolating it', () => {
    expect(() => streamQuery(CONFIG, 'accounts', "1' or id is not null or '", Q3)).toThrow(/not a record id/);
  });

  it('reads every deal when a stage value cannot be quoted', () => {
    expect(dealStreams(CONFIG)).toEqual(['openDeals', 'wonDeals']);
    const odd = { ...CONFIG, dealOutcomes: { won: ['Closed Won'], lost: ["Lost (customer's choice)"] } };
    expect(dealStreams(odd)).toEqual(['allDeals']);
  });
});

/** A gateway that pages each module's rows by `id > last` like the CRM, and counts calls. */
function pagingCrm(data: Record<string, ZohoRecord[]>, users: ZohoRecord[], pageRows = PAGE_ROWS) {
  const calls: string[] = [];
  const crm: Partial<CrmGateway> = {
    async coql(q) {
      calls.push(q);
      const module = /from (\w+)/.exec(q)?.[1] ?? '';
      const after = /id > '(\w+)'/.exec(q)?.[1];
      const before = /id < '(\w+)'/.exec(q)?.[1];
      const rows = (data[module] ?? []).filter(
        (r) =>
          (after === undefined || Number(r.id) > Number(after)) &&
          (before === undefined || Number(r.id) < Number(before)),
      );
      if (q.includes('order by id desc')) rows.reverse();
      return { data: rows.slice(0, pageRows), more: rows.length > pageRows };
    },
    async getUsers(_type, page = 1) {
      calls.push(`users ${page}`);
      return { data: users.slice((page - 1) * 200, page * 200), more: users.length > page * 200 };
    },
  };
  return { crm: crm as CrmGateway, calls };
}

const ids = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ id: String(from + i) }));

describe('loadPortfolioDataset', () => {
  it('reads every stream to its end in pages, and the users', async () => {
    const { crm, calls } = pagingCrm(
      { Accounts: ids(4500), Relationship_Stage_History: ids(10), Deals: ids(2001, 10_000) },
      ids(250, 900),
    );
    const raw = await loadPortfolioDataset(crm, directReads(crm), CONFIG, AS_OF);
    expect(raw.Accounts).toHaveLength(4500);
    expect(raw.Relationship_Stage_History).toHaveLength(10);
    expect(raw.users).toHaveLength(250);
    // both deal streams answer from the same fake module: deduplicated by id
    expect(raw.Deals).toHaveLength(2001);
    expect(calls.filter((c) => c.includes('from Accounts'))).toHaveLength(3);
    expect(calls.filter((c) => c.startsWith('users'))).toEqual(['users 1', 'users 2']);
    expect(calls.filter((c) => c.includes('from Tasks where (Alert_Key is not null'))).toHaveLength(1);
    // accounts (both ends, one range), history (one short page), open alerts, 2 deal streams (2 pages), users
    expect(calls.length).toBe(3 + 1 + 1 + 2 + 2 + 2);
  });

  it('through the read-batch function, ≤ 4,000 rows a call, the streams advancing together', async () => {
    const { crm, calls } = pagingCrm(
      { Accounts: ids(4500), Relationship_Stage_History: ids(10), Deals: ids(2001, 10_000) },
      ids(250, 900),
    );
    const functionCalls: number[] = [];
    crm.executeFunction = async (_name, args) => {
      const requests = JSON.parse(String(args.requests)) as { coql: string }[];
      functionCalls.push(requests.length);
      const results = await Promise.all(requests.map((r) => crm.coql(r.coql)));
      return JSON.stringify({ results });
    };
    const raw = await loadPortfolioDataset(crm, batchedReads(crm).read, CONFIG, AS_OF);
    expect(raw.Accounts).toHaveLength(4500);
    expect(raw.Deals).toHaveLength(2001);
    // first phase, side by side: accounts from both ends, the history's one page; then the 500
    // accounts between the two pages (one range). Then both deal streams with the open alert tasks
    // (2 + 1), then the deals' second pages. At most two 2,000-row pages a function call
    // (READ_BATCH_MAX_ROWS: Zoho's 10 MB answer)
    expect(functionCalls).toEqual([2, 1, 1, 2, 1, 2]);
    expect(calls.filter((c) => c.startsWith('users'))).toHaveLength(2);
  });

  it('in two phases: the first reads no deal and no alert, the second the deals and alerts', async () => {
    const { crm, calls } = pagingCrm(
      { Accounts: ids(10), Relationship_Stage_History: ids(3), Deals: ids(5, 100) },
      ids(2, 900),
    );
    const first = await loadFirstDataset(crm, directReads(crm), CONFIG, AS_OF);
    expect(Object.keys(first).sort()).toEqual(['Accounts', 'Relationship_Stage_History', 'users']);
    expect(calls.some((c) => c.includes('from Deals') || c.includes('from Tasks'))).toBe(false);
    calls.length = 0;
    const rest = await loadDealsDataset(directReads(crm), CONFIG, AS_OF);
    expect(Object.keys(rest)).toEqual(['Deals', 'Tasks']);
    expect(rest.Deals).toHaveLength(5);
    expect(calls.every((c) => c.includes('from Deals') || c.includes('from Tasks where'))).toBe(true);
  });

  it('a large stream in parallel id ranges: every record once, even with skewed ids', async () => {
    // 15,000 accounts: ids dense at both ends, a gap, and a dense block in the middle
    const skewed = [...ids(5000, 1), ...ids(5000, 1_000_000), ...ids(5000, 9_000_000)];
    const { crm, calls } = pagingCrm({ Accounts: skewed }, []);
    const first = await loadFirstDataset(crm, directReads(crm), CONFIG, AS_OF);
    const got = first.Accounts?.map((r) => Number(r.id)) ?? [];
    expect(got).toHaveLength(15_000);
    expect(new Set(got).size).toBe(15_000);
    const accountCalls = calls.filter((c) => c.includes('from Accounts'));
    expect(accountCalls.filter((c) => c.includes('order by id desc'))).toHaveLength(1);
    expect(accountCalls.some((c) => / and id < '\d+'\)/.test(c))).toBe(true);
    // no range is empty-read twice: each call's rows were new (15,000 rows over ≥ 8 pages)
    expect(accountCalls.length).toBeGreaterThanOrEqual(8);
  });

  it('reads a long stage history like the accounts: from both ends, then id ranges, every record once', async () => {
    const { crm, calls } = pagingCrm({ Accounts: ids(10), Relationship_Stage_History: ids(10_001, 50) }, []);
    const first = await loadFirstDataset(crm, directReads(crm), CONFIG, AS_OF);
    const got = first.Relationship_Stage_History?.map((r) => Number(r.id)) ?? [];
    expect(got).toHaveLength(10_001);
    expect(new Set(got).size).toBe(10_001);
    const historyCalls = calls.filter((c) => c.includes('from Relationship_Stage_History'));
    expect(historyCalls.filter((c) => c.includes('order by id desc'))).toHaveLength(1);
    expect(historyCalls.some((c) => / and id < '\d+'\)/.test(c))).toBe(true);
    // as many 2,000-row pages as one keyset stream would take (⌈10,001 / 2,000⌉ = 6): no credit more
    expect(historyCalls).toHaveLength(6);
  });

  it('dense ids: the ranges are whole pages, no more pages than one keyset stream', async () => {
    const { crm, calls } = pagingCrm({ Accounts: ids(10_000, 7) }, []);
    const first = await loadFirstDataset(crm, directReads(crm), CONFIG, AS_OF);
    expect(new Set(first.Accounts?.map((r) => r.id)).size).toBe(10_000);
    // both ends, then three ranges of exactly 2,000: ⌈10,000 / 2,000⌉ = 5 pages
    expect(calls.filter((c) => c.includes('from Accounts'))).toHaveLength(5);
  });

  it('stops a runaway stream with a clear error', async () => {
    const { crm } = pagingCrm({ Accounts: ids(MAX_PAGES + 5) }, [], 1);
    await expect(loadPortfolioDataset(crm, directReads(crm), CONFIG, AS_OF)).rejects.toMatchObject({
      code: 'DATA_INVALID',
      detail: expect.stringMatching(/accounts: more than 100 pages/),
    });
  });

  it('passes a CRM failure on', async () => {
    const crm = {
      coql: async () => Promise.reject({ code: 'CRM_ERROR', detail: 'coql: LIMIT_EXCEEDED' }),
      getUsers: async () => ({ data: [], more: false }),
    } as unknown as CrmGateway;
    await expect(loadPortfolioDataset(crm, directReads(crm), CONFIG, AS_OF)).rejects.toMatchObject({
      code: 'CRM_ERROR',
    });
  });
});

describe('loadPotentialRows: the plans by GET records (COQL cannot be relied on for subform rows)', () => {
  /**
   * GET records as Zoho pages it: sorted by id, `page` within the first `discrete` records, then a
   * page token (here the offset) — and a token on every page with more, as the v8 docs show.
   */
  function listingCrm(plans: ZohoRecord[], discrete = 2000) {
    const calls: ListOptions[] = [];
    const crm = {
      async listRecords(entity: string, o: ListOptions): Promise<ListPage> {
        expect(entity).toBe('Account_Plans');
        calls.push(o);
        const per = o.perPage ?? 200;
        const sorted = [...plans].sort((a, b) => Number(a.id) - Number(b.id));
        if (o.order === 'desc') sorted.reverse();
        const from = o.pageToken ? Number(o.pageToken) : ((o.page ?? 1) - 1) * per;
        if (!o.pageToken && from + per > discrete)
          throw { code: 'CRM_ERROR', detail: 'DISCRETE_PAGINATION_LIMIT_EXCEEDED' };
        const data = sorted.slice(from, from + per);
        const more = from + per < sorted.length;
        return { data, more, nextPageToken: more ? String(from + per) : null };
      },
    };
    return { crm, calls };
  }
  const plan = (i: number): ZohoRecord => ({
    id: String(1000 + i),
    Account: { id: `a${i}` },
    Potential_Map: [
      {
        id: `r${i}`,
        Segment: '本社',
        Offering: i % 2 ? 'ERP' : 'IoT',
        Potential_Amount: i,
        Current_Amount: 0,
      },
    ],
  });

  it.each([1, 5, 23, 40])(
    '%i plans, 5 a page: every plan once, the two ends meet (≤ two pages more than one chain)',
    async (n) => {
      const plans = Array.from({ length: n }, (_, i) => plan(i));
      const { crm, calls } = listingCrm(plans);
      const rows = await loadPotentialRows(crm, CONFIG, { perPage: 5 });
      expect(rows.map((r) => r.accountId).sort()).toEqual(
        plans.map((p) => (p.Account as { id: string }).id).sort(),
      );
      expect(calls.length).toBeLessThanOrEqual(Math.ceil(n / 5) + 2);
      expect(calls.every((c) => c.fields.join() === 'Account,Potential_Map')).toBe(true);
      if (n > 5) expect(new Set(calls.map((c) => c.order))).toEqual(new Set(['asc', 'desc']));
    },
  );

  it('past the first records reachable by page number it follows the page token', async () => {
    const plans = Array.from({ length: 60 }, (_, i) => plan(i));
    const { crm, calls } = listingCrm(plans, 10);
    const rows = await loadPotentialRows(crm, CONFIG, { perPage: 5 });
    expect(new Set(rows.map((r) => r.accountId)).size).toBe(60);
    expect(calls.filter((c) => c.pageToken).length).toBeGreaterThan(0);
  });

  it('a failed call fails the load and stops the other end', async () => {
    const plans = Array.from({ length: 40 }, (_, i) => plan(i));
    const { crm, calls } = listingCrm(plans);
    let n = 0;
    const failing = {
      listRecords: (e: string, o: ListOptions) =>
        ++n === 3
          ? Promise.reject({ code: 'CRM_ERROR', detail: 'getAllRecords: INTERNAL_ERROR' })
          : crm.listRecords(e, o),
    };
    await expect(loadPotentialRows(failing, CONFIG, { perPage: 5 })).rejects.toMatchObject({
      code: 'CRM_ERROR',
    });
    expect(calls.length).toBeLessThanOrEqual(3);
  });
});
