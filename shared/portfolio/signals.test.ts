import { insightsFromDataset } from '../engine/pipeline';
import type { Instant, ZohoId } from '../model/types';
import { bundleByAccount } from '../normalise/bundle';
import { normaliseDataset } from '../normalise/normalise';
import { AS_OF, CONFIG } from '../testing/engine-harness';
import { ACCOUNT, contact, dataset, deal, event, plan } from '../testing/zoho-builders';
import { accountSignals } from './signals';

function signalsOf(records: unknown) {
  const asOf = Date.parse(AS_OF) as Instant;
  const n = normaliseDataset(records, CONFIG);
  if (!n.ok) throw new Error(n.error);
  const bundle = bundleByAccount(n.dataset, CONFIG).bundles.get(ACCOUNT as ZohoId);
  const r = insightsFromDataset(records, CONFIG, asOf, { accountId: ACCOUNT });
  if (!bundle || !r.ok || !r.insights[0]) throw new Error('no insight');
  return accountSignals(bundle, r.insights[0], CONFIG, asOf, null);
}

describe('accountSignals', () => {
  it('key persons and decision makers with their last contact, the plan, the latest evidence', () => {
    const s = signalsOf(
      dataset({
        Contacts: [
          contact({ id: 'c1', role: 'decision_maker' }),
          contact({ id: 'c2', influence: 5 }),
          contact({ id: 'c3' }),
        ],
        Events: [
          event({ id: 'e1', start: '2026-11-01T10:00:00+09:00', participants: ['c1'] }),
          event({ id: 'e2', start: '2026-10-01T10:00:00+09:00', participants: ['c1', 'c3'] }),
        ],
        Account_Plans: [plan({ updates: ['2026-11-20'], Overview: '概要' })],
      }),
    );
    expect(s.keyPeople.map((p) => p.id).sort()).toEqual(['c1', 'c2']);
    expect(s.decisionMakers.map((p) => p.id)).toEqual(['c1']);
    expect(new Date(s.keyPeople.find((p) => p.id === 'c1')?.lastContactAt ?? 0).toISOString()).toBe(
      '2026-11-01T01:00:00.000Z',
    );
    expect(s.keyPeople.find((p) => p.id === 'c2')?.lastContactAt).toBeNull();
    expect(new Date(s.lastEvidenceAt ?? 0).toISOString()).toBe('2026-11-01T01:00:00.000Z');
    expect(s.plan.exists).toBe(true);
    expect(s.plan.sectionsFilled).toBeGreaterThanOrEqual(1);
    expect(s.plan.updatedAt).not.toBeNull();
  });

  it('open deals with their risk flag codes; closed deals are not listed', () => {
    const s = signalsOf(
      dataset({
        Deals: [
          deal({ id: 'd1', stage: 'Needs Analysis', amount: 1000, closing: '2026-01-01' }),
          deal({ id: 'd2', stage: 'Closed Won', amount: 5000, closing: '2026-06-01' }),
        ],
      }),
    );
    expect(s.openDeals.map((d) => d.id)).toEqual(['d1']);
    expect(s.openDeals[0]?.flags).toContain('OVERDUE_CLOSE');
  });
});
