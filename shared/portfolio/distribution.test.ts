import type { Instant } from '../model/types';
import { CONFIG, acct, change, portfolioOf, viewOf } from '../testing/portfolio-builders';
import { stageAt, stageDistribution } from './distribution';

const Q_START = Date.parse('2026-10-01T00:00:00+09:00') as Instant;

describe('stageAt', () => {
  const history = [
    change({ id: 'h1', from: null, to: '未着手', at: '2026-01-31' }),
    change({ id: 'h2', from: '未着手', to: '接点構築', at: '2026-06-30' }),
    change({ id: 'h3', from: '接点構築', to: '課題共有', at: '2026-10-31' }),
  ];
  const p = portfolioOf({ accounts: [acct({ id: 'a1', stage: '課題共有' })], history });
  const a = p.accounts[0]!;
  it.each([
    ['before the first assessment: nothing', '2025-12-01T00:00:00+09:00', null],
    ['right at a change: its target', '2026-06-30T23:00:00+09:00', 'contact'],
    ['between changes: the earlier target', '2026-10-01T00:00:00+09:00', 'contact'],
    ['after the last change', '2026-11-26T00:00:00+09:00', 'shared_issues'],
  ])('%s', (_what, t, slot) => {
    expect(stageAt(a, p.history, Date.parse(t) as Instant)).toBe(slot);
  });

  it('before a first change that came from a stage: that stage', () => {
    const q = portfolioOf({
      accounts: [acct({ id: 'a1', stage: '課題共有' })],
      history: [change({ id: 'h1', from: '接点構築', to: '課題共有', at: '2026-10-31' })],
    });
    expect(stageAt(q.accounts[0]!, q.history, Q_START)).toBe('contact');
  });

  it('without history: the current stage (null when not assessed)', () => {
    const q = portfolioOf({
      accounts: [acct({ id: 'a1', stage: '信頼定着' }), acct({ id: 'a2', stage: null })],
    });
    expect(stageAt(q.accounts[0]!, [], Q_START)).toBe('trust');
    expect(stageAt(q.accounts[1]!, [], Q_START)).toBeNull();
  });
});

describe('stageDistribution', () => {
  const view = viewOf({
    accounts: [
      // advanced this quarter
      acct({ id: 'a1', owner: 'u1', stage: '課題共有' }),
      // unchanged, no history
      acct({ id: 'a2', owner: 'u1', stage: '接点構築' }),
      // new this quarter
      acct({ id: 'a3', owner: 'u2', stage: '未着手' }),
      // regressed this quarter
      acct({ id: 'a4', owner: 'u2', stage: '共創提案' }),
      // not assessed
      acct({ id: 'a5', owner: 'u2', stage: null }),
    ],
    history: [
      change({ id: 'h1', account: 'a1', from: '接点構築', to: '課題共有', at: '2026-10-31' }),
      change({ id: 'h2', account: 'a3', from: null, to: '未着手', at: '2026-11-01' }),
      change({ id: 'h3', account: 'a4', from: null, to: '経営巻き込み', at: '2026-01-31' }),
      change({ id: 'h4', account: 'a4', from: '経営巻き込み', to: '共創提案', at: '2026-11-20' }),
    ],
  });
  const d = stageDistribution(view, CONFIG, Q_START);
  const row = (slot: string) => d.slots.find((s) => s.slot === slot);

  it('lists 未着手 and the seven stages in order', () => {
    expect(d.slots.map((s) => s.slot)).toEqual([
      'not_started',
      'contact',
      'shared_issues',
      'co_creation',
      'executive',
      'trust',
      'internal_expansion',
      'external_expansion',
    ]);
  });

  it.each([
    ['not_started', 1, 0, 1],
    ['contact', 1, 2, -1],
    ['shared_issues', 1, 0, 1],
    ['co_creation', 1, 0, 1],
    ['executive', 0, 1, -1],
    ['trust', 0, 0, 0],
  ])('%s: now %i, at the period start %i, change %i', (slot, now, atStart, change) => {
    expect(row(slot)).toEqual({ slot, now, atStart, change });
  });

  it('counts the unassessed and the new', () => {
    expect(d.unassessed).toBe(1);
    expect(d.newSinceStart).toBe(1);
  });

  it('per rep, by name', () => {
    expect(d.perRep.map((r) => [r.ownerId, r.total])).toEqual([
      ['u1', 2],
      ['u2', 3],
    ]);
    const u2 = d.perRep[1]!.slots.filter((s) => s.now || s.atStart);
    expect(u2).toEqual([
      { slot: 'not_started', now: 1, atStart: 0, change: 1 },
      { slot: 'co_creation', now: 1, atStart: 0, change: 1 },
      { slot: 'executive', now: 0, atStart: 1, change: -1 },
    ]);
  });
});
