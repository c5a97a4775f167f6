import { CONFIG, acct, viewOf } from '../testing/portfolio-builders';
import { accountTargets, kpiRollup, targetsMet } from './kpis';
import { slotConfigs } from './slot-config';

// Targets (shipped config): 接点構築 contacts_reached 5, departments_reached 2, seminars 1,
// study_sessions 1, plan_updates 1; 信頼定着 csat 4, referrals 1, customer_consultations 3,
// executive_touchpoints 1.
const view = viewOf({
  accounts: [
    acct({
      id: 'a1',
      owner: 'u1',
      stage: '接点構築',
      kpis: {
        contacts_reached: 5,
        departments_reached: 1,
        seminars: 0,
        study_sessions: 2,
        plan_updates: null,
      },
    }),
    acct({
      id: 'a2',
      owner: 'u1',
      stage: '信頼定着',
      kpis: { csat: 4, referrals: 0, customer_consultations: 3, executive_touchpoints: 1 },
    }),
    acct({
      id: 'a3',
      owner: 'u2',
      stage: '接点構築',
      kpis: { contacts_reached: 9, departments_reached: 2, seminars: 1, study_sessions: 0, plan_updates: 1 },
    }),
    acct({ id: 'a4', owner: 'u2', stage: '接点構築' }), // not computed yet
    acct({ id: 'a5', owner: 'u2', stage: null, computed: true }), // not assessed
  ],
});
const r = kpiRollup(view, CONFIG);

describe('kpiRollup', () => {
  it('counts computed accounts with a stage; the rest are not computed', () => {
    expect([r.computed, r.notComputed]).toEqual([3, 2]);
  });

  it.each([
    ['contact', 'contacts_reached', 5, 2, 2],
    ['contact', 'departments_reached', 2, 2, 1],
    ['contact', 'plan_updates', 1, 2, 1],
    ['contact', 'seminars', 1, 2, 1],
    ['trust', 'csat', 4, 1, 1],
    ['trust', 'referrals', 1, 1, 0],
  ])('%s · %s (target %i): %i accounts, %i met', (slot, kpi, target, accounts, met) => {
    const stage = r.byStage.find((s) => s.slot === slot);
    expect(stage?.kpis.find((k) => k.kpi === kpi)).toEqual({
      kpi,
      target,
      accounts,
      met,
      share: met / accounts,
    });
  });

  it('a stage without computed accounts lists its targets with no share', () => {
    const exec = r.byStage.find((s) => s.slot === 'executive');
    expect(exec?.accounts).toBe(0);
    expect(exec?.kpis.every((k) => k.share === null && k.target > 0)).toBe(true);
  });

  it('per rep: every target of every account counted once', () => {
    expect(r.perRep.map((p) => [p.ownerId, p.met, p.targets])).toEqual([
      ['u1', 2 + 3, 6 + 4],
      ['u2', 4, 6],
    ]);
    expect(r.perRep[1]?.kpis.find((k) => k.kpi === 'study_sessions')).toEqual({
      kpi: 'study_sessions',
      accounts: 1,
      met: 0,
      share: 0,
    });
  });

  it('byKpi adds up the stages', () => {
    expect(r.byKpi.find((k) => k.kpi === 'contacts_reached')).toMatchObject({
      accounts: 2,
      met: 2,
      share: 1,
    });
  });
});

describe('accountTargets', () => {
  it('a ratio KPI is compared as a share (written as percent)', () => {
    const config = {
      ...CONFIG,
      notStarted: { ...CONFIG.notStarted, kpiTargets: { relationship_activity_share: 0.7 } },
    };
    const [a, b] = viewOf({
      accounts: [
        acct({ id: 'a1', stage: '未着手', kpis: { relationship_activity_share: 70 } }),
        acct({ id: 'a2', stage: '未着手', kpis: { relationship_activity_share: 69.9 } }),
      ],
    }).accounts;
    expect(accountTargets(a!, config)).toEqual([
      { kpi: 'relationship_activity_share', target: 0.7, actual: 0.7, met: true },
    ]);
    expect(accountTargets(b!, config)[0]?.met).toBe(false);
  });
});

describe('targetsMet', () => {
  it('counts what accountTargets marks met', () => {
    const accounts = viewOf({
      accounts: [
        acct({
          id: 'a1',
          stage: '接点構築',
          kpis: { contacts_reached: 5, departments_reached: 1, seminars: 1 },
        }),
        acct({ id: 'a2', stage: '接点構築', kpis: { contacts_reached: 4.9999999999, plan_updates: null } }),
        acct({ id: 'a3', stage: '未着手', kpis: { contacts_reached: 2, seminars: 1, plan_updates: 3 } }),
        acct({ id: 'a4', stage: '信頼定着', kpis: {} }),
      ],
    }).accounts;
    const slot = slotConfigs(CONFIG);
    expect(accounts.map((a) => targetsMet(a, slot(a.stage!).targets))).toEqual(
      accounts.map((a) => accountTargets(a, CONFIG).filter((t) => t.met).length),
    );
    expect(accounts.map((a) => targetsMet(a, slot(a.stage!).targets))).toEqual([2, 1, 3, 0]);
  });
});
