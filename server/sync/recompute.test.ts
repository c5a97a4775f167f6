import { DEFAULT_CONFIG_PATH, loadConfigFile } from '../config/load-config';
import type { AccountBundle, Instant, StageChange, ZohoId } from '../../shared/model/types';
import { missingHistory } from './recompute';

const loaded = loadConfigFile(DEFAULT_CONFIG_PATH);
if (!loaded.ok) throw new Error('shipped config invalid');
const config = loaded.config;

const bundle = (history: [from: string | null, to: string, at: string][]): AccountBundle =>
  ({
    account: { id: 'a1' as ZohoId, name: '白鷺重工業' },
    stageHistory: history.map(([from, to, at], i): StageChange => ({
      id: `h${i}` as ZohoId,
      accountId: 'a1' as ZohoId,
      from,
      to,
      changedAt: Date.parse(at) as Instant,
    })),
  }) as AccountBundle;

const account = (o: Record<string, unknown>) => ({
  Relationship_Stage: '共創提案',
  Relationship_Stage_Since: '2026-11-20',
  Insight_Updated_At: '2026-11-20T18:00:00+09:00',
  ...o,
});

describe('missingHistory: a stage the CRM holds without its history record (state database lost)', () => {
  it('none when the latest history record ends at the stage held', () => {
    const b = bundle([[null, '共創提案', '2026-11-20T18:00:00+09:00']]);
    expect(missingHistory(b, 'co_creation', account({}), config)).toBeNull();
  });

  it('the first record (from nothing) at Insight_Updated_At when that is the Since day', () => {
    expect(missingHistory(bundle([]), 'co_creation', account({}), config)).toEqual({
      from: null,
      to: '共創提案',
      changedAt: '2026-11-20T18:00:00+09:00',
      recovered: true,
    });
  });

  it("from the latest record's stage, at the start of the Since day when the insight was stamped later", () => {
    const b = bundle([[null, '課題共有', '2026-09-01T10:00:00+09:00']]);
    expect(
      missingHistory(b, 'co_creation', account({ Insight_Updated_At: '2026-11-24T09:00:00+09:00' }), config),
    ).toEqual({ from: '課題共有', to: '共創提案', changedAt: '2026-11-20T00:00:00+09:00', recovered: true });
  });

  it('none when the engine computes another stage (that is an ordinary stage change)', () => {
    expect(missingHistory(bundle([]), 'executive', account({}), config)).toBeNull();
  });

  it('none when nothing says when (no Since, no stamp) or the CRM holds no stage', () => {
    const undated = account({ Relationship_Stage_Since: null, Insight_Updated_At: null });
    expect(missingHistory(bundle([]), 'co_creation', undated, config)).toBeNull();
    expect(missingHistory(bundle([]), null, account({ Relationship_Stage: null }), config)).toBeNull();
  });
});
