import type { Instant } from '../model/types';
import { normalisePortfolio } from './normalise';
import { CONFIG, P_AS_OF, acct, portfolioOf, viewOf } from '../testing/portfolio-builders';
import {
  computeTrends,
  planSnapshots,
  sameSnapshot,
  snapshotRecord,
  snapshotValues,
  trendMonths,
  trendWindow,
  type SnapshotValues,
} from './trends';

// 接点構築 has 6 KPI targets in the shipped config; a1 meets contacts_reached 5 and departments_reached 2.
const a1 = acct({
  id: 'a1',
  name: '白鷺製作所',
  owner: 'u1',
  stage: '接点構築',
  kpis: { contacts_reached: 6, departments_reached: 2, seminars: 0, study_sessions: 0, plan_updates: 0 },
  KGI_Annual_Revenue: 1_000_000,
  KGI_Share_Of_Wallet: 25,
  Account_Health: 60,
});
const a2 = acct({ id: 'a2', owner: 'u2', stage: '信頼定着', kpis: { csat: 4 }, KGI_Annual_Revenue: 500 });
const notComputed = acct({ id: 'a3', owner: 'u2', stage: '接点構築' });

/** A snapshot record as the CRM gives it back (the service wrote it). */
function snap(id: string, account: string, date: string, month: string | null, o: Record<string, unknown>) {
  return {
    id,
    Name: `${date} x`,
    Account: { id: account, name: 'x' },
    Snapshot_Date: date,
    Snapshot_Month: month,
    Owner: { id: account === 'a1' ? 'u1' : 'u2' },
    ...o,
  };
}

describe('snapshot values and records', () => {
  const p = portfolioOf({ accounts: [a1, a2, notComputed] });
  const [v1, v2, v3] = p.accounts.map((a) => snapshotValues(a, CONFIG));

  it('takes stage, owner, health, KPI targets met and KGIs from the account; nothing before the service computed it', () => {
    expect(v1).toMatchObject({
      stage: 'contact',
      ownerId: 'u1',
      health: 60,
      kpisMet: 2,
      kpiTargets: 6,
      kgis: { annual_revenue: 1_000_000, share_of_wallet: 0.25 },
    });
    expect(v2).toMatchObject({ stage: 'trust', kgis: { annual_revenue: 500 } });
    expect(v3).toBeNull();
  });

  it('a record round-trips through the normaliser (stage as its label, share of wallet in percent)', () => {
    const plan = planSnapshots(p.accounts, new Map(), CONFIG, P_AS_OF);
    const rec = snapshotRecord(CONFIG, plan.date, plan.rows[0] as (typeof plan.rows)[number]);
    expect(rec).toMatchObject({
      Name: '2026-11-26 白鷺製作所',
      Account: { id: 'a1' },
      Snapshot_Date: '2026-11-26',
      Snapshot_Month: '2026-11',
      Relationship_Stage: '接点構築',
      KGI_Share_Of_Wallet: 25,
      KPIs_Met: 2,
      KPI_Targets: 6,
      Owner: { id: 'u1' },
    });
    const back = portfolioOf({ accounts: [] });
    const read = normalisePortfolio({ ESM_Snapshots: [{ id: 's1', ...rec }] }, CONFIG).snapshots;
    expect(back.snapshots).toBeUndefined();
    expect(read?.[0]).toMatchObject({ accountId: 'a1', month: '2026-11', ...v1 });
    expect(sameSnapshot(read?.[0] as SnapshotValues, v1 as SnapshotValues)).toBe(true);
  });

  it('a record without account or date is a data issue, not a crash', () => {
    const out = normalisePortfolio({ ESM_Snapshots: [{ id: 's9', Snapshot_Date: '2026-11-01' }] }, CONFIG);
    expect(out.snapshots).toEqual([]);
    expect(out.issues[0]?.message.en).toMatch(/snapshot s9 has no Account or Snapshot_Date/);
    expect(out.issues[0]?.message.ja).toMatch(/スナップショット s9/);
  });
});

describe('planSnapshots', () => {
  const p = portfolioOf({ accounts: [a1, a2, notComputed] });
  const lastOf = (month: string) =>
    new Map(
      p.accounts.flatMap((a) => {
        const values = snapshotValues(a, CONFIG);
        return values ? [[a.id, { values, anchorMonth: month }] as const] : [];
      }),
    );

  it("the month's first run writes every computed account as its anchor of the month", () => {
    const plan = planSnapshots(p.accounts, lastOf('2026-10'), CONFIG, P_AS_OF);
    expect(plan.rows.map((r) => [r.accountId, r.month])).toEqual([
      ['a1', '2026-11'],
      ['a2', '2026-11'],
    ]);
  });

  it('later in the month only what changed; an account without an anchor gets one', () => {
    const last = lastOf('2026-11');
    expect(planSnapshots(p.accounts, last, CONFIG, P_AS_OF).rows).toEqual([]);
    const moved = portfolioOf({ accounts: [{ ...a1, KGI_Annual_Revenue: 1_200_000 }, a2] });
    const plan = planSnapshots(moved.accounts, last, CONFIG, P_AS_OF);
    expect(plan.rows.map((r) => [r.accountId, r.month, r.values.kgis.annual_revenue])).toEqual([
      ['a1', null, 1_200_000],
    ]);
    last.delete('a2'); // e.g. its anchor insert failed last run
    expect(planSnapshots(p.accounts, last, CONFIG, P_AS_OF).rows.map((r) => [r.accountId, r.month])).toEqual([
      ['a2', '2026-11'],
    ]);
  });

  it('the day is the org-local day (Tokyo): 2026-11-30 23:30 UTC is already December', () => {
    const plan = planSnapshots(
      p.accounts,
      lastOf('2026-11'),
      CONFIG,
      Date.parse('2026-11-30T23:30:00Z') as Instant,
    );
    expect(plan.date).toBe('2026-12-01');
    expect(plan.rows.map((r) => r.month)).toEqual(['2026-12', '2026-12']);
  });
});

describe('trendWindow', () => {
  it('a quarter: the six month starts of this fiscal quarter and the previous one, then now', () => {
    const w = trendWindow('quarter', P_AS_OF, CONFIG);
    expect(w).toMatchObject({ previousStart: '2026-07-01', start: '2026-10-01', today: '2026-11-26' });
    expect(trendMonths(w)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    expect(w.samples.map((s) => s.part)).toEqual([
      'previous',
      'previous',
      'previous',
      'current',
      'current',
      'current',
    ]);
  });

  it('a fiscal year: each quarter start of last year and this one', () => {
    expect(trendMonths(trendWindow('fiscal_year', P_AS_OF, CONFIG))).toEqual([
      '2025-04',
      '2025-07',
      '2025-10',
      '2026-01',
      '2026-04',
      '2026-07',
      '2026-10',
    ]);
  });

  it('the trailing 90 days: from the month 180 days back (its anchor is the value at the previous start)', () => {
    const w = trendWindow('trailing_90d', P_AS_OF, CONFIG);
    expect(w.previousStart).toBe('2026-05-30');
    expect(trendMonths(w)).toEqual([
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
  });
});

describe('computeTrends', () => {
  const history = [
    // July: a1 not started, a2 at 接点構築; October: a1 at 接点構築 1 of 5 met, a2 at 信頼定着
    snap('s1', 'a1', '2026-07-01', '2026-07', {
      Relationship_Stage: '未着手',
      KPIs_Met: 0,
      KPI_Targets: 1,
      KGI_Annual_Revenue: 100,
    }),
    snap('s2', 'a2', '2026-07-01', '2026-07', {
      Relationship_Stage: '接点構築',
      KPIs_Met: 1,
      KPI_Targets: 5,
      KGI_Annual_Revenue: 0,
    }),
    snap('s3', 'a1', '2026-10-01', '2026-10', {
      Relationship_Stage: '接点構築',
      KPIs_Met: 1,
      KPI_Targets: 5,
      KGI_Annual_Revenue: 400,
    }),
    snap('s4', 'a2', '2026-10-01', '2026-10', {
      Relationship_Stage: '信頼定着',
      KPIs_Met: 2,
      KPI_Targets: 5,
      KGI_Annual_Revenue: 300,
    }),
    // a daily change row: not an anchor, not sampled
    snap('s5', 'a1', '2026-10-15', null, { Relationship_Stage: '信頼定着', KPIs_Met: 5, KPI_Targets: 5 }),
    // an account outside the view
    snap('s6', 'zz', '2026-10-01', '2026-10', {
      Relationship_Stage: '信頼定着',
      KPIs_Met: 5,
      KPI_Targets: 5,
    }),
  ];
  const view = viewOf({ accounts: [a1, a2] });
  const snapshots = normalisePortfolio({ ESM_Snapshots: history }, CONFIG).snapshots ?? [];
  const t = computeTrends(view, snapshots, CONFIG, trendWindow('quarter', P_AS_OF, CONFIG));

  it('the stage distribution at each sample, from the anchors and now from the accounts', () => {
    const row = (slot: string) => t.distribution.find((d) => d.slot === slot)?.counts;
    // samples: Jul, Aug, Sep, Oct, Nov, now — no anchors in Aug, Sep, Nov
    expect(t.covered).toEqual([2, 0, 0, 2, 0, 2]);
    expect(row('not_started')).toEqual([1, 0, 0, 0, 0, 0]);
    expect(row('contact')).toEqual([1, 0, 0, 1, 0, 1]);
    expect(row('trust')).toEqual([0, 0, 0, 1, 0, 1]);
  });

  it('KPI attainment over the team and per rep', () => {
    expect(t.attainment.team[0]).toBeCloseTo(1 / 6);
    expect(t.attainment.team[3]).toBeCloseTo(3 / 10);
    expect(t.attainment.team[1]).toBeNull();
    const u2 = t.attainment.perRep.find((r) => r.ownerId === 'u2')?.values;
    expect(u2?.[3]).toBeCloseTo(2 / 5);
  });

  it('KGI sparklines per account and totals', () => {
    expect(t.accountKgis.a1?.annual_revenue).toEqual([100, null, null, 400, null, 1_000_000]);
    expect(t.kgiTotals.find((k) => k.key === 'annual_revenue')?.values[3]).toBe(700);
  });

  it('this period against the previous one', () => {
    const kgi = t.comparison.find((c) => c.metric === 'annual_revenue');
    expect(kgi).toMatchObject({
      atPreviousStart: 100,
      atStart: 700,
      now: 1_000_500,
      previousChange: 600,
      currentChange: 999_800,
    });
    const advanced = t.comparison.find((c) => c.metric === 'advanced_share');
    // July: a2 at 接点構築, a1 not started → none past the first stage; October: a2 at 信頼定着
    expect(advanced).toMatchObject({ atPreviousStart: 0, atStart: 0.5, now: 0.5 });
  });

  it('without anchors the past is empty, not zero', () => {
    const empty = computeTrends(view, [], CONFIG, trendWindow('quarter', P_AS_OF, CONFIG));
    expect(empty.comparison.find((c) => c.metric === 'kpi_attainment')).toMatchObject({
      atPreviousStart: null,
      atStart: null,
      previousChange: null,
      currentChange: null,
    });
  });
});
