import type { Instant, LocalDate } from '../model/types';
import { CONFIG, P_AS_OF, acct, change, viewOf } from '../testing/portfolio-builders';
import { median, stageDwell, stageMovement, stageStay, stageStays, stalledAccounts } from './movement';

const Q_START = Date.parse('2026-10-01T00:00:00+09:00') as Instant;

describe('stageMovement in the period', () => {
  const view = viewOf({
    accounts: [
      acct({ id: 'a1', owner: 'u1', stage: '共創提案' }),
      acct({ id: 'a2', owner: 'u2', stage: '接点構築' }),
      acct({ id: 'a3', owner: 'u2', stage: '未着手' }),
      acct({ id: 'a4', owner: 'u1', stage: '接点構築' }),
    ],
    history: [
      change({ id: 'h1', account: 'a1', from: '接点構築', to: '課題共有', at: '2026-09-30' }), // before
      change({ id: 'h2', account: 'a1', from: '課題共有', to: '共創提案', at: '2026-10-31' }), // advance
      change({ id: 'h3', account: 'a2', from: '課題共有', to: '接点構築', at: '2026-11-10' }), // regression
      change({ id: 'h4', account: 'a3', from: null, to: '未着手', at: '2026-11-01' }), // first assessment
      change({ id: 'h5', account: 'a4', from: '旧ステージ', to: '接点構築', at: '2026-11-02' }), // unknown: out
      change({ id: 'h6', account: 'a4', from: '未着手', to: '接点構築', at: '2026-10-01T00:00:00+09:00' }), // at start: out
    ],
  });
  const m = stageMovement(view, CONFIG, Q_START, P_AS_OF);

  it('counts advances and regressions strictly after the period start', () => {
    expect([m.advances, m.regressions, m.firstAssessments]).toEqual([1, 1, 1]);
  });

  it('lists moves newest first', () => {
    expect(m.moves.map((x) => [x.accountId, x.from, x.to, x.direction])).toEqual([
      ['a2', 'shared_issues', 'contact', 'regression'],
      ['a1', 'shared_issues', 'co_creation', 'advance'],
    ]);
    expect(m.moves[0]?.at).toBe('2026-11-10T14:00:00.000Z');
  });

  it('by stage and per rep', () => {
    expect(m.byStage.find((s) => s.slot === 'co_creation')).toMatchObject({
      advancedInto: 1,
      regressedInto: 0,
    });
    expect(m.byStage.find((s) => s.slot === 'contact')).toMatchObject({ regressedInto: 1 });
    expect(m.byStage.find((s) => s.slot === 'shared_issues')).toMatchObject({
      advancedFrom: 1,
      regressedFrom: 1,
    });
    expect(m.perRep).toEqual([
      { ownerId: 'u1', advances: 1, regressions: 0 },
      { ownerId: 'u2', advances: 0, regressions: 1 },
    ]);
  });
});

describe('stageDwell', () => {
  it('medians of completed stays, ignoring stays opened by a first assessment above 未着手', () => {
    const view = viewOf({
      accounts: [
        acct({ id: 'a1', stage: '課題共有', since: '2026-07-01' }),
        acct({ id: 'a2', stage: '課題共有', since: '2026-11-16' }),
      ],
      history: [
        change({ id: 'h1', account: 'a1', from: null, to: '未着手', at: '2026-01-01T00:00:00+09:00' }),
        change({ id: 'h2', account: 'a1', from: '未着手', to: '接点構築', at: '2026-01-11T00:00:00+09:00' }), // 未着手 10 days
        change({
          id: 'h3',
          account: 'a1',
          from: '接点構築',
          to: '課題共有',
          at: '2026-03-12T00:00:00+09:00',
        }), // contact 60
        change({ id: 'h4', account: 'a2', from: null, to: '接点構築', at: '2026-01-01T00:00:00+09:00' }), // censored: out
        change({
          id: 'h5',
          account: 'a2',
          from: '接点構築',
          to: '課題共有',
          at: '2026-05-01T00:00:00+09:00',
        }),
      ],
    });
    const dwell = stageDwell(view, CONFIG, P_AS_OF);
    expect(dwell.find((d) => d.slot === 'not_started')).toMatchObject({ completedStays: 1, medianDays: 10 });
    expect(dwell.find((d) => d.slot === 'contact')).toMatchObject({ completedStays: 1, medianDays: 60 });
    // current stays: 148 and 10 days since Relationship_Stage_Since
    expect(dwell.find((d) => d.slot === 'shared_issues')).toMatchObject({
      completedStays: 0,
      medianDays: null,
      current: 2,
      currentMedianDays: 79,
    });
  });

  it.each([
    [[], null],
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %j', (xs, m) => {
    expect(median(xs)).toBe(m);
  });
});

describe('stalledAccounts', () => {
  // contact and shared_issues stall after 180 days, trust after 270; 未着手 never stalls.
  it.each([
    ['180 days at 接点構築: not yet', '接点構築', '2026-05-30', false],
    ['181 days at 接点構築: stalled', '接点構築', '2026-05-29', true],
    ['200 days at 信頼定着: not yet', '信頼定着', '2026-05-10', false],
    ['a year at 未着手: no threshold', '未着手', '2025-11-01', false],
  ])('%s', (_what, stage, since, stalled) => {
    const view = viewOf({ accounts: [acct({ id: 'a1', stage, since })] });
    expect(stalledAccounts(view, CONFIG, P_AS_OF).length > 0).toBe(stalled);
  });

  it('lists the missing criteria, most overdue first', () => {
    const view = viewOf({
      accounts: [
        acct({
          id: 'a1',
          stage: '接点構築',
          since: '2026-05-01',
          progress: 50,
          gaps: '・接触した人数（1 / 2）',
        }),
        acct({ id: 'a2', stage: '信頼定着', since: '2025-01-01' }),
      ],
    });
    const s = stalledAccounts(view, CONFIG, P_AS_OF);
    expect(s.map((x) => [x.accountId, x.days, x.stallDays])).toEqual([
      ['a2', 694, 270],
      ['a1', 209, 180],
    ]);
    expect(s[1]).toMatchObject({ progress: 0.5, missing: ['接触した人数（1 / 2）'], since: '2026-05-01' });
  });
});

describe('stageStays', () => {
  it("reads as stageStay account by account: days since, the stage's stallDays, stalled past them", () => {
    const today = '2026-11-26' as LocalDate;
    const accounts = viewOf({
      accounts: [
        acct({ id: 'a1', stage: '接点構築', since: '2026-11-26' }),
        acct({ id: 'a2', stage: '接点構築', since: '2024-02-29' }),
        acct({ id: 'a3', stage: '未着手', since: '2020-01-01' }),
        acct({ id: 'a4', stage: '信頼定着' }),
        acct({ id: 'a5', stage: null, since: '2026-01-01' }),
        acct({ id: 'a6', stage: '共創提案', since: '2024-02-29' }),
      ],
    }).accounts;
    const stayOf = stageStays(CONFIG, today);
    const contact = CONFIG.stages.find((s) => s.key === 'contact')?.stallDays ?? null;
    expect(accounts.map((a) => stayOf(a))).toEqual(accounts.map((a) => stageStay(a, CONFIG, today)));
    expect(accounts.slice(0, 5).map((a) => stayOf(a))).toEqual([
      { days: 0, stallDays: contact, stalled: false },
      { days: 1001, stallDays: contact, stalled: true },
      { days: 2521, stallDays: null, stalled: false },
      {
        days: null,
        stallDays: CONFIG.stages.find((s) => s.key === 'trust')?.stallDays ?? null,
        stalled: false,
      },
      { days: null, stallDays: null, stalled: false },
    ]);
  });
});
