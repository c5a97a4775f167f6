import { CONFIG, acct, viewOf } from '../testing/portfolio-builders';
import { activityBalance, balanceOf } from './activity';

// Recommended relationship share: 未着手 0.9, 接点構築 0.8, 共創提案 0.5, 信頼定着 0.7. Tolerance 0.1.
describe('balanceOf', () => {
  it.each([
    ['on the recommendation', [['接点構築', 80]], 0.8, 0.8, 'balanced'],
    ['within the tolerance', [['接点構築', 71]], 0.71, 0.8, 'balanced'],
    ['at the tolerance edge', [['接点構築', 70]], 0.7, 0.8, 'balanced'],
    [
      'leaning to deals',
      [
        ['接点構築', 50],
        ['共創提案', 30],
      ],
      0.4,
      0.65,
      'deal_heavy',
    ],
    ['leaning to relationships', [['共創提案', 90]], 0.9, 0.5, 'relationship_heavy'],
  ] as const)('%s', (_what, accounts, actual, recommended, verdict) => {
    const view = viewOf({
      accounts: accounts.map(([stage, share], i) =>
        acct({ id: `a${i}`, stage, kpis: { relationship_activity_share: share } }),
      ),
    });
    const b = balanceOf(view.accounts, CONFIG);
    expect(b.relationshipShare).toBeCloseTo(actual);
    expect(b.recommendedShare).toBeCloseTo(recommended);
    expect(b.verdict).toBe(verdict);
  });

  it('accounts without activity do not count towards the share, and none at all is no data', () => {
    const view = viewOf({
      accounts: [
        acct({ id: 'a1', stage: '接点構築', kpis: { relationship_activity_share: null } }),
        acct({ id: 'a2', stage: '未着手', kpis: { relationship_activity_share: null } }),
        acct({ id: 'a3', stage: '接点構築' }), // not computed
      ],
    });
    expect(balanceOf(view.accounts, CONFIG)).toEqual({
      accounts: 2,
      withActivity: 0,
      relationshipShare: null,
      recommendedShare: 0.85,
      gap: null,
      verdict: 'no_data',
    });
  });

  it('per rep and for the team', () => {
    const view = viewOf({
      accounts: [
        acct({ id: 'a1', owner: 'u1', stage: '接点構築', kpis: { relationship_activity_share: 40 } }),
        acct({ id: 'a2', owner: 'u2', stage: '接点構築', kpis: { relationship_activity_share: 80 } }),
      ],
    });
    const b = activityBalance(view, CONFIG);
    expect(b.perRep.map((r) => [r.ownerId, r.verdict])).toEqual([
      ['u1', 'deal_heavy'],
      ['u2', 'balanced'],
    ]);
    expect(b.team).toMatchObject({
      relationshipShare: 0.6,
      recommendedShare: 0.8,
      gap: -0.2,
      verdict: 'deal_heavy',
    });
  });
});
