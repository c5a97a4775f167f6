import { sampleView } from '../testing/fixtures';
import { accountRisks, riskCounts } from './risks';

describe('accountRisks', () => {
  it('the sample account: a premature quote, no decision maker, a stale plan — each pointing at its tab', () => {
    const view = sampleView();
    const risks = accountRisks(view);
    expect(risks).toEqual(
      expect.arrayContaining([
        { key: 'premature', count: 1, tab: 'deals' },
        { key: 'noDecisionMaker', count: 1, tab: 'buyers' },
        { key: 'stalePlan', count: 1, tab: 'plan' },
      ]),
    );
    expect(risks.every((r) => r.count > 0)).toBe(true);
    const counts = riskCounts(view);
    expect(counts.plan).toBe(1);
    expect(counts.buyers).toBeGreaterThanOrEqual(1);
    expect(counts.deals).toBe(1); // one deal, whatever number of flags
  });

  it('a decision maker nobody has met is a risk of the buyer map', () => {
    const view = sampleView();
    const person = view.people[0];
    if (!person) throw new Error('sample has no people');
    const dm = {
      ...person,
      contact: { ...person.contact, buyingRole: 'decision_maker' as const },
      lastTouch: null,
    };
    const risks = accountRisks({ ...view, people: [dm], buyerGaps: [] });
    expect(risks).toContainEqual({ key: 'dmUncontacted', count: 1, tab: 'buyers' });
    expect(risks.map((r) => r.key)).not.toContain('noDecisionMaker');
  });

  it('an account with nothing to flag has no risks', () => {
    const view = sampleView();
    const calm = {
      ...view,
      buyerGaps: [],
      people: [],
      insight: { ...view.insight, deals: [], nextActions: [] },
    };
    expect(accountRisks(calm)).toEqual([]);
    expect(riskCounts(calm)).toEqual({});
  });
});
