import fc from 'fast-check';
import { CONFIG, P_AS_OF, acct, deal, viewOf } from '../testing/portfolio-builders';
import { forecastByQuarter, money } from './forecast';

// As of 2026-11-26: FY2026-Q3 (Oct–Dec) … FY2027-Q2. Buying-stage probabilities: 情報収集 0.1,
// 比較・検討 0.25, 社内稟議 0.5, 交渉 0.85.
const deals = [
  // Q3: Zoho says 75 %, the customer is at internal approval (50 %)
  deal({
    id: 'd1',
    stage: 'Proposal/Price Quote',
    amount: 10_000_000,
    closing: '2026-12-20',
    probability: 75,
  }),
  // Q3: a premature quote (Needs Analysis 10 % vs Zoho 60 %)
  deal({
    id: 'd2',
    stage: 'Needs Analysis',
    amount: 4_000_000,
    closing: '2026-10-05',
    probability: 60,
    risk: 'PREMATURE_QUOTE: 顧客がまだ比較・検討前なのに見積を提出している',
  }),
  // Q4: unmapped stage: the customer side counts 0
  deal({ id: 'd3', stage: 'Verbal Commit', amount: 2_000_000, closing: '2027-02-01', probability: 80 }),
  // Q4: the customer ahead of Zoho: negative gap, not a gap deal
  deal({ id: 'd4', stage: 'Negotiation/Review', amount: 1_000_000, closing: '2027-03-31', probability: 50 }),
  // overdue, still open
  deal({ id: 'd5', stage: 'Value Proposition', amount: 3_000_000, closing: '2026-09-30', probability: 30 }),
  // won in Q3: booked
  deal({ id: 'd6', stage: 'Closed Won', amount: 5_000_000, closing: '2026-10-15', probability: 100 }),
  // won last quarter, lost, undated, beyond the horizon: not in any bucket
  deal({ id: 'd7', stage: 'Closed Won', amount: 9_000_000, closing: '2026-09-15', probability: 100 }),
  deal({ id: 'd8', stage: 'Closed Lost', amount: 9_000_000, closing: '2026-11-15', probability: 0 }),
  deal({ id: 'd9', stage: 'Qualification', amount: 9_000_000, probability: 10 }),
  deal({ id: 'd10', stage: 'Qualification', amount: 9_000_000, closing: '2027-10-01', probability: 10 }),
  // another account's deal: out of view
  deal({
    id: 'd11',
    account: 'zz',
    stage: 'Qualification',
    amount: 9_000_000,
    closing: '2026-12-01',
    probability: 10,
  }),
];
const f = forecastByQuarter(viewOf({ accounts: [acct({ id: 'a1' })], deals }), CONFIG, P_AS_OF);

describe('forecastByQuarter', () => {
  it('four fiscal quarters from this one', () => {
    expect(f.quarters.map((q) => [q.key, q.start, q.end])).toEqual([
      ['FY2026-Q3', '2026-10-01', '2027-01-01'],
      ['FY2026-Q4', '2027-01-01', '2027-04-01'],
      ['FY2027-Q1', '2027-04-01', '2027-07-01'],
      ['FY2027-Q2', '2027-07-01', '2027-10-01'],
    ]);
  });

  it.each([
    ['FY2026-Q3', 2, 14_000_000, 5_000_000, 5_400_000, 9_900_000],
    ['FY2026-Q4', 2, 3_000_000, 0, 850_000, 2_100_000],
    ['overdue', 1, 3_000_000, 0, 750_000, 900_000],
  ])('%s: %i open deals, %i open, %i booked, buyer %i, seller %i', (key, n, open, booked, buyer, seller) => {
    const b = key === 'overdue' ? f.overdue : f.quarters.find((q) => q.key === key);
    expect(b).toMatchObject({
      deals: n,
      openAmount: open,
      booked,
      buyerWeighted: buyer,
      sellerWeighted: seller,
      buyerTotal: booked + buyer,
      sellerTotal: booked + seller,
      gap: seller - buyer,
    });
  });

  it('totals every bucket and counts what is outside them', () => {
    expect(f.total).toMatchObject({
      deals: 5,
      booked: 5_000_000,
      buyerWeighted: 7_000_000,
      sellerWeighted: 12_900_000,
    });
    expect([f.unmapped, f.undated, f.later]).toEqual([1, 1, 1]);
  });

  it('lists the deals the seller rates higher, largest gap first, with the reason', () => {
    expect(f.gapDeals.map((d) => [d.dealId, d.gap, d.reason])).toEqual(
      [
        ['d2', 2_000_000, 'premature'],
        ['d1', 2_500_000, 'stage_ahead'],
        ['d3', 1_600_000, 'unmapped'],
        ['d5', 150_000, 'stage_ahead'],
      ].sort((a, b) => (b[1] as number) - (a[1] as number)),
    );
    expect(f.gapDealsTotal).toBe(4);
    expect(f.gapDeals.find((d) => d.dealId === 'd2')?.risks[0]?.code).toBe('PREMATURE_QUOTE');
  });
});

describe('gap deals held by another rep', () => {
  it('name the deal owner even when that rep holds none of the accounts in view', () => {
    const view = viewOf({
      accounts: [acct({ id: 'a1', owner: 'u1' })],
      deals: [
        deal({ id: 'd1', owner: 'u3', amount: 1_000_000, closing: '2026-12-20', probability: 75 }),
        deal({ id: 'd2', owner: 'gone', amount: 1_000_000, closing: '2026-12-20', probability: 75 }),
      ],
    });
    const gap = forecastByQuarter(view, CONFIG, P_AS_OF).gapDeals;
    expect(gap.map((d) => [d.dealId, d.ownerId, d.ownerName])).toEqual([
      ['d1', 'u3', '伊藤'],
      ['d2', 'gone', 'gone'],
    ]);
  });
});

describe('the largest gap deals', () => {
  // Few amounts, stages and probabilities, so many deals tie on the gap; ids of several lengths.
  const gapDeal = fc.record({
    amount: fc.constantFrom(1_000_000, 2_000_000, 2_500_000, 3_000_000),
    stage: fc.constantFrom('Needs Analysis', 'Value Proposition', 'Proposal/Price Quote', 'Verbal Commit'),
    probability: fc.constantFrom(30, 60, 75, 90),
    closing: fc.constantFrom('2026-09-30', '2026-12-20', '2027-02-01', '2027-05-10'),
    account: fc.constantFrom('a1', 'a2'),
  });
  const deals = fc
    .uniqueArray(fc.integer({ min: 1, max: 99_999 }), { minLength: 200, maxLength: 400 })
    .chain((ids) => fc.tuple(...ids.map((id) => gapDeal.map((d) => deal({ id: String(id), ...d })))));
  const accounts = [acct({ id: 'a1' }), acct({ id: 'a2', name: '二社目' })];

  // (200 or more deals in these give well over 100 gap deals, most of them tied with others)
  it('are the first 100 of all gap deals sorted by gap (largest first), then by id', () => {
    fc.assert(
      fc.property(deals, (list) => {
        const shown = forecastByQuarter(viewOf({ accounts, deals: list }), CONFIG, P_AS_OF);
        // every gap deal, from views small enough to list them all
        const all = [];
        for (let i = 0; i < list.length; i += 50)
          all.push(
            ...forecastByQuarter(viewOf({ accounts, deals: list.slice(i, i + 50) }), CONFIG, P_AS_OF)
              .gapDeals,
          );
        all.sort(
          (x, y) => y.gap - x.gap || x.dealId.length - y.dealId.length || (x.dealId < y.dealId ? -1 : 1),
        );
        expect(shown.gapDealsTotal).toBe(all.length);
        expect(shown.gapDeals).toEqual(all.slice(0, 100));
      }),
      { numRuns: 30 },
    );
  });
});

describe('money', () => {
  it('rounds float products to the cent', () => {
    expect(0.07 * 100_000.1).not.toBe(7_000.007);
    expect(money(0.07 * 100_000.1)).toBe(7_000.01);
    expect(money(0.1 + 0.2)).toBe(0.3);
  });
});
