import { call, contact, dataset, task } from '../testing/zoho-builders';
import { AS_OF, CONFIG } from '../testing/engine-harness';
import type { AccountBundle, Instant } from '../model/types';
import { compileConfig } from './compiled';
import { accountContext } from './context';
import { computeAccountInsight } from './insight';
import { bundlesOf } from './pipeline';
import { accountSignals } from '../portfolio/signals';

const asOf = Date.parse(AS_OF) as Instant;
const IN = '2026-11-20T10:00:00+09:00';

function bundle(): AccountBundle {
  const r = bundlesOf(
    dataset({
      Contacts: [contact({ id: 'c1' }), contact({ id: 'c2' })],
      Tasks: [task({ id: 't', who: 'c1', closed: IN })],
      Calls: [call({ id: 'k', who: 'c2', start: IN })],
    }),
    CONFIG,
  );
  if (!r.ok) throw new Error(r.error);
  const [b] = r.bundles.values();
  if (!b) throw new Error('no bundle');
  return b;
}

describe('accountContext: one context per account bundle and instant', () => {
  test('the same bundle, config and instant give the same context; another instant or bundle a new one', () => {
    const b = bundle();
    const cc = compileConfig(CONFIG);
    const ctx = accountContext(b, cc, asOf);
    expect(accountContext(b, cc, asOf)).toBe(ctx);
    const later = accountContext(b, cc, (asOf + 86_400_000) as Instant);
    expect(later).not.toBe(ctx);
    expect(later.asOf).toBe(asOf + 86_400_000);
    expect(accountContext(bundle(), cc, asOf)).not.toBe(later);
  });

  test("the signals read the insight's context: the same figures as computed on a fresh bundle", () => {
    const shared = bundle();
    const insight = computeAccountInsight(shared, CONFIG, asOf);
    const afterInsight = accountSignals(shared, insight, CONFIG, asOf, null);
    const alone = bundle();
    const fresh = accountSignals(alone, computeAccountInsight(alone, CONFIG, asOf), CONFIG, asOf, null);
    expect(afterInsight).toEqual(fresh);
    expect(afterInsight.lastEvidenceAt).toBe(Date.parse(IN));
  });
});
