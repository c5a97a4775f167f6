import type { SalesProcessConfig } from '../config/schema';
import type { Instant } from '../model/types';
import { CONFIG } from '../testing/engine-harness';
import {
  accountHealth,
  freshness,
  healthBand,
  healthFields,
  healthPartsText,
  parseHealthParts,
} from './health';
import type { AccountSignals } from './signals';

const DAY = 86_400_000;
const AS_OF = Date.parse('2026-11-26T12:00:00+09:00') as Instant;
const ago = (days: number) => (AS_OF - days * DAY) as Instant;

function signals(o: Partial<AccountSignals> = {}): AccountSignals {
  return {
    accountId: 'a1',
    accountName: 'テスト商事',
    ownerId: 'u1',
    stageIndex: 2,
    stageKey: 'co_creation',
    nextProgress: 0.5,
    stageSince: null,
    lastEvidenceAt: ago(10),
    plan: { exists: true, sectionsFilled: 7, sections: 7, updatedAt: ago(5) },
    keyPeople: [
      { id: 'c1', name: 'A', lastContactAt: ago(20) },
      { id: 'c2', name: 'B', lastContactAt: ago(200) },
    ],
    decisionMakers: [],
    openDeals: [
      { id: 'd1', name: 'X', amount: 3_000_000, flags: [] },
      { id: 'd2', name: 'Y', amount: 1_000_000, flags: ['PREMATURE_QUOTE'] },
    ],
    ...o,
  };
}

const part = (s: AccountSignals, p: string, config: SalesProcessConfig = CONFIG) =>
  accountHealth(s, config, AS_OF).parts.find((x) => x.part === p);

describe('accountHealth', () => {
  const stages = CONFIG.stages.length;

  it('each part on a hand-made account, explained in both languages', () => {
    const h = accountHealth(signals(), CONFIG, AS_OF);
    const by = Object.fromEntries(h.parts.map((p) => [p.part, p.value]));
    expect(by.stage).toBeCloseTo(3.5 / stages);
    expect(by.evidence).toBe(1);
    expect(by.plan).toBe(1);
    expect(by.keyPeople).toBe(0.5);
    expect(by.dealRisk).toBeCloseTo(0.75);
    for (const p of h.parts) {
      expect(p.why.ja).not.toBe('');
      expect(p.why.en).not.toBe('');
    }
    const w = CONFIG.health.weights;
    const expected =
      (100 *
        (w.stage * (3.5 / stages) + w.evidence * 1 + w.plan * 1 + w.keyPeople * 0.5 + w.dealRisk * 0.75)) /
      (w.stage + w.evidence + w.plan + w.keyPeople + w.dealRisk);
    expect(h.score).toBe(Math.round(expected));
  });

  it('evidence fades linearly between the fresh and stale ages', () => {
    const { evidenceFreshDays: fresh, evidenceStaleDays: stale } = CONFIG.health;
    expect(part(signals({ lastEvidenceAt: ago(fresh) }), 'evidence')?.value).toBe(1);
    expect(part(signals({ lastEvidenceAt: ago((fresh + stale) / 2) }), 'evidence')?.value).toBeCloseTo(0.5);
    expect(part(signals({ lastEvidenceAt: ago(stale) }), 'evidence')?.value).toBe(0);
    expect(part(signals({ lastEvidenceAt: null }), 'evidence')?.value).toBe(0);
    expect(freshness(ago(-3), AS_OF, 10, 20)).toBe(1); // a future-dated record is not older than fresh
  });

  it('plan: half completeness, half freshness; no plan is 0', () => {
    const stale = CONFIG.windows.planStaleDays;
    expect(
      part(signals({ plan: { exists: true, sectionsFilled: 0, sections: 7, updatedAt: ago(1) } }), 'plan')
        ?.value,
    ).toBe(0.5);
    expect(
      part(
        signals({ plan: { exists: true, sectionsFilled: 7, sections: 7, updatedAt: ago(stale * 2) } }),
        'plan',
      )?.value,
    ).toBe(0.5);
    const none = part(
      signals({ plan: { exists: false, sectionsFilled: 0, sections: 7, updatedAt: null } }),
      'plan',
    );
    expect(none?.value).toBe(0);
    expect(none?.why.en).toBe('No account plan');
  });

  it('no open deal leaves deal risk out of the score instead of counting it as perfect', () => {
    const s = signals({ openDeals: [] });
    const h = accountHealth(s, CONFIG, AS_OF);
    expect(part(s, 'dealRisk')?.value).toBeNull();
    const w = CONFIG.health.weights;
    const counted = w.stage + w.evidence + w.plan + w.keyPeople;
    const sum = w.stage * (3.5 / stages) + w.evidence + w.plan + w.keyPeople * 0.5;
    expect(h.score).toBe(Math.round((100 * sum) / counted));
  });

  it('weights come from the config: a part with weight 0 does not move the score', () => {
    const config = {
      ...CONFIG,
      health: { ...CONFIG.health, weights: { stage: 0, evidence: 1, plan: 0, keyPeople: 0, dealRisk: 0 } },
    };
    expect(accountHealth(signals({ lastEvidenceAt: ago(0) }), config, AS_OF).score).toBe(100);
    expect(accountHealth(signals({ lastEvidenceAt: null }), config, AS_OF).score).toBe(0);
  });

  it('a not-started account with nothing recorded scores low and lands in the action band', () => {
    const h = accountHealth(
      signals({
        stageIndex: -1,
        stageKey: null,
        nextProgress: 0,
        lastEvidenceAt: null,
        plan: { exists: false, sectionsFilled: 0, sections: 7, updatedAt: null },
        keyPeople: [],
        openDeals: [],
      }),
      CONFIG,
      AS_OF,
    );
    expect(h.score).toBe(0);
    expect(h.band).toBe('act');
    expect(healthBand(CONFIG.health.bands.good, CONFIG)).toBe('good');
    expect(healthBand(CONFIG.health.bands.watch, CONFIG)).toBe('watch');
  });

  it('the parts text reads back into parts (what the web tab shows)', () => {
    const h = accountHealth(signals({ openDeals: [] }), CONFIG, AS_OF);
    const back = parseHealthParts(`${healthPartsText(h, CONFIG.writeBackLanguage)}\nnot ours`, CONFIG);
    expect(back.map((p) => p.part)).toEqual(['stage', 'evidence', 'plan', 'keyPeople', 'dealRisk']);
    expect(back.find((p) => p.part === 'keyPeople')?.value).toBe(50);
    expect(back.find((p) => p.part === 'dealRisk')?.value).toBeNull();
    expect(parseHealthParts(null, CONFIG)).toEqual([]);
  });

  it('the CRM fields: Account_Health and Account_Health_Parts', () => {
    const h = accountHealth(signals(), CONFIG, AS_OF);
    const f = healthFields(h, CONFIG);
    expect(f.Account_Health).toBe(h.score);
    expect(String(f.Account_Health_Parts)).not.toMatch(/日前|days ago/); // dates: no daily rewrite
  });

  it('parts as text for the CRM: one line per part', () => {
    const text = healthPartsText(accountHealth(signals(), CONFIG, AS_OF), 'ja');
    expect(text.split('\n')).toHaveLength(5);
    expect(text).toContain('キーパーソン 2 人中 1 人');
  });
});
