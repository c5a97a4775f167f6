import { CONFIG, P_AS_OF, TEAM, acct, change, deal, portfolioOf } from '../testing/portfolio-builders';
import { DEFAULT_FILTERS } from './model';
import { computePortfolio } from './report';

const INPUT = {
  accounts: [
    acct({
      id: 'a1',
      owner: 'u1',
      stage: '信頼定着',
      since: '2026-06-30',
      industry: 'Retail',
      kpis: { executive_touchpoints: 0, csat: 5, relationship_activity_share: 50 },
    }),
    acct({
      id: 'a2',
      owner: 'u2',
      stage: '接点構築',
      since: '2026-10-31',
      industry: 'Manufacturing',
      kpis: { contacts_reached: 3 },
    }),
    acct({ id: 'a3', owner: 'u3', stage: '未着手', since: '2026-11-01' }),
  ],
  deals: [
    deal({
      id: 'd1',
      account: 'a1',
      stage: 'Proposal/Price Quote',
      amount: 1_000_000,
      closing: '2026-12-01',
      probability: 75,
    }),
  ],
  history: [
    change({ id: 'h1', account: 'a1', from: null, to: '経営巻き込み', at: '2026-01-31' }),
    change({ id: 'h2', account: 'a1', from: '経営巻き込み', to: '信頼定着', at: '2026-06-30' }),
    change({ id: 'h3', account: 'a2', from: '未着手', to: '接点構築', at: '2026-10-31' }),
  ],
  users: TEAM,
};

describe('computePortfolio', () => {
  const r = computePortfolio(portfolioOf(INPUT), CONFIG, DEFAULT_FILTERS, P_AS_OF);

  it('states as-of, period and filters', () => {
    expect(r.asOf).toBe('2026-11-26T03:00:00.000Z');
    expect(r.period).toEqual({
      key: 'quarter',
      label: { ja: '今四半期', en: 'This quarter' },
      start: '2026-09-30T15:00:00.000Z',
      startDate: '2026-10-01',
      endDate: '2026-11-26',
    });
    expect(r.totals).toEqual({ accounts: 3, assessed: 3, computed: 2, openDeals: 1, portfolio: 3 });
  });

  it('offers every owner, team, industry and stage to filter by', () => {
    expect(r.options.owners.map((o) => [o.id, o.kind])).toEqual([
      ['u3', 'inside'],
      ['u1', 'field'],
      ['u2', 'field'],
    ]);
    expect(r.options.teams).toEqual([{ id: 'm1', name: '部長' }]);
    expect(r.options.industries).toEqual(['Manufacturing', 'Retail']);
    expect(r.options.stages[0]).toEqual({ slot: 'not_started', label: { ja: '未着手', en: 'Not started' } });
  });

  it('holds every roll-up', () => {
    expect(r.movement.advances).toBe(1);
    expect(r.distribution.slots.find((s) => s.slot === 'contact')).toMatchObject({ now: 1, atStart: 0 });
    expect(r.guidance.map((g) => g.code)).toEqual(['SENIOR_VISIT', 'INSIDE_SALES_COVERAGE', 'ACTIVITY_MIX']);
    expect(r.forecast.quarters[0]).toMatchObject({
      deals: 1,
      buyerWeighted: 500_000,
      sellerWeighted: 750_000,
    });
    expect(r.accounts.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('while the deals are being read: the same first panels, no guidance and no account rows yet', () => {
    const first = portfolioOf({ ...INPUT, deals: [] });
    const pending = computePortfolio(first, CONFIG, DEFAULT_FILTERS, P_AS_OF, true);
    const whole = computePortfolio(first, CONFIG, DEFAULT_FILTERS, P_AS_OF);
    expect(whole.guidance).not.toEqual([]);
    expect(whole.accounts).toHaveLength(3);
    expect(pending).toEqual({ ...whole, guidance: [], accounts: [] });
  });

  it('filters narrow every part; options stay whole', () => {
    const only = computePortfolio(
      portfolioOf(INPUT),
      CONFIG,
      { ...DEFAULT_FILTERS, owners: ['u2'] },
      P_AS_OF,
    );
    expect(only.totals.accounts).toBe(1);
    expect(only.forecast.total.deals).toBe(0);
    expect(only.options.owners).toHaveLength(3);
  });

  it('does not depend on the order the CRM returned records in', () => {
    const reversed = {
      accounts: [...INPUT.accounts].reverse(),
      deals: [...INPUT.deals].reverse(),
      history: [...INPUT.history].reverse(),
      users: [...INPUT.users].reverse(),
    };
    expect(computePortfolio(portfolioOf(reversed), CONFIG, DEFAULT_FILTERS, P_AS_OF)).toEqual(r);
  });

  it('keeps at most 50 data issues and counts them all', () => {
    const bad = Array.from({ length: 60 }, (_, i) => ({ id: `h${i}`, To_Stage: 'x' }));
    const p = computePortfolio(portfolioOf({ ...INPUT, history: bad }), CONFIG, DEFAULT_FILTERS, P_AS_OF);
    expect([p.issues.length, p.issueCount]).toEqual([50, 60]);
  });
});
