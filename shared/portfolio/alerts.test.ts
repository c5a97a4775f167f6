import type { Instant, LocalDate } from '../model/types';
import { CONFIG } from '../testing/engine-harness';
import { accountAlerts, alertStamp, parseAlertStamp } from './alerts';
import type { AccountSignals } from './signals';

const DAY = 86_400_000;
const AS_OF = Date.parse('2026-11-26T12:00:00+09:00') as Instant;
const ago = (days: number) => (AS_OF - days * DAY) as Instant;

/** A healthy account at 共創提案 (index 2): no rule holds. */
function signals(o: Partial<AccountSignals> = {}): AccountSignals {
  return {
    accountId: 'a1',
    accountName: 'テスト商事',
    ownerId: 'u1',
    stageIndex: 2,
    stageKey: 'co_creation',
    nextProgress: 0.5,
    stageSince: '2026-10-01' as LocalDate,
    lastEvidenceAt: ago(3),
    plan: { exists: true, sectionsFilled: 7, sections: 7, updatedAt: ago(10) },
    keyPeople: [{ id: 'c1', name: '山田', lastContactAt: ago(5) }],
    decisionMakers: [{ id: 'c1', name: '山田', lastContactAt: ago(5) }],
    openDeals: [{ id: 'd1', name: '基盤刷新', amount: 50_000_000, flags: [] }],
    ...o,
  };
}
const codes = (s: AccountSignals) => accountAlerts(s, CONFIG, AS_OF).map((f) => f.code);

describe('accountAlerts (the shipped rules)', () => {
  it('a healthy account raises nothing', () => {
    expect(codes(signals())).toEqual([]);
  });

  it.each<[string, Partial<AccountSignals>, string]>([
    ['no plan', { plan: { exists: false, sectionsFilled: 0, sections: 7, updatedAt: null } }, 'STALE_PLAN'],
    [
      'a plan not updated for planStaleDays',
      {
        plan: { exists: true, sectionsFilled: 7, sections: 7, updatedAt: ago(CONFIG.windows.planStaleDays) },
      },
      'STALE_PLAN',
    ],
    [
      'a key person not met for 60 days',
      { keyPeople: [{ id: 'c2', name: '佐々木', lastContactAt: ago(61) }] },
      'KEY_PERSON_QUIET',
    ],
    [
      'a key person never met',
      { keyPeople: [{ id: 'c2', name: '佐々木', lastContactAt: null }] },
      'KEY_PERSON_QUIET',
    ],
    ['longer than the stage’s stallDays', { stageSince: '2026-01-01' as LocalDate }, 'ACCOUNT_STALLED'],
    [
      'a premature quote on a large deal',
      { openDeals: [{ id: 'd1', name: '基盤刷新', amount: 50_000_000, flags: ['PREMATURE_QUOTE'] }] },
      'PREMATURE_LARGE_DEAL',
    ],
    [
      'a decision maker never met',
      { decisionMakers: [{ id: 'c9', name: '社長', lastContactAt: null }] },
      'DECISION_MAKER_NEVER_MET',
    ],
    ['no decision maker on the map', { decisionMakers: [] }, 'DECISION_MAKER_NEVER_MET'],
  ])('%s → %s', (_what, change, code) => {
    expect(codes(signals(change))).toEqual([code]);
  });

  it('leaves out what does not qualify: a small deal, a non-premature flag, an early stage, not assessed', () => {
    expect(
      codes(signals({ openDeals: [{ id: 'd', name: 'x', amount: 1_000, flags: ['PREMATURE_QUOTE'] }] })),
    ).toEqual([]);
    expect(
      codes(signals({ openDeals: [{ id: 'd', name: 'x', amount: 9e9, flags: ['OVERDUE_CLOSE'] }] })),
    ).toEqual([]);
    // STALE_PLAN and KEY_PERSON_QUIET start at 課題共有, DECISION_MAKER_NEVER_MET at 共創提案
    const early = {
      stageIndex: 0,
      stageKey: 'contact',
      decisionMakers: [],
      plan: { exists: false, sectionsFilled: 0, sections: 7, updatedAt: null },
    };
    expect(codes(signals(early))).toEqual([]);
    expect(
      codes(signals({ ...early, stageIndex: -1, stageKey: null, stageSince: '2020-01-01' as LocalDate })),
    ).toEqual([]);
  });

  it('one finding per rule and account, keyed CODE:account, for the owner, in both languages', () => {
    const [f] = accountAlerts(signals({ decisionMakers: [] }), CONFIG, AS_OF);
    expect(f).toMatchObject({
      key: 'DECISION_MAKER_NEVER_MET:a1',
      ownerId: 'u1',
      subject: {
        ja: '意思決定者に会えていません: テスト商事',
        en: 'The decision maker has never been met: テスト商事',
      },
    });
    expect(f?.detail.en).toBe('No decision maker on the buyer map');
  });

  it('the stamp changes with what the task says or who owns it, never with the day', () => {
    const f = accountAlerts(signals({ decisionMakers: [] }), CONFIG, AS_OF)[0]!;
    const later = accountAlerts(signals({ decisionMakers: [] }), CONFIG, (AS_OF + 3 * DAY) as Instant)[0]!;
    expect(alertStamp(later, 'ja')).toBe(alertStamp(f, 'ja'));
    expect(alertStamp({ ...f, ownerId: 'u2' }, 'ja')).not.toBe(alertStamp(f, 'ja'));
    expect(parseAlertStamp(alertStamp(f, 'ja')).key).toBe('DECISION_MAKER_NEVER_MET:a1');
  });

  it('nothing when alerts are off', () => {
    const off = { ...CONFIG, alerts: { ...CONFIG.alerts, enabled: false } };
    expect(accountAlerts(signals({ decisionMakers: [] }), off, AS_OF)).toEqual([]);
  });
});
