/**
 * The dataset looks as if the service had been running: each account's Relationship_Stage,
 * Relationship_Stage_Since and stage history agree with what the engine computes, so the first real
 * sync finds every stage unchanged and writes no history.
 */
import type { SalesProcessConfig } from '../../shared/config/schema';
import { localDateOf, offsetMinutes } from '../../shared/model/time';
import type { Instant } from '../../shared/model/types';
import { projectAccount } from '../../shared/writeback/project';
import { recordById, runDemo, shippedConfig, type DemoRun } from './demo-fixture';

let config: SalesProcessConfig;
let demo: DemoRun;

beforeAll(() => {
  config = shippedConfig();
  demo = runDemo(config);
});

const historyOf = (accountId: string) =>
  demo.dataset.Relationship_Stage_History.filter((h) => (h.Account as { id: string }).id === accountId).sort(
    (a, b) => Date.parse(String(a.Changed_At)) - Date.parse(String(b.Changed_At)),
  );

it('the first sync finds every stage unchanged (no stage change, Since kept)', () => {
  for (const insight of demo.insights) {
    const record = recordById(demo.dataset.Accounts, insight.accountId);
    const projection = projectAccount(insight, config, record);
    expect({ account: insight.accountName, change: projection.stageChange }).toEqual({
      account: insight.accountName,
      change: null,
    });
    expect(projection.fields.Relationship_Stage).toBe(record.Relationship_Stage);
    expect(projection.fields.Relationship_Stage_Since).toBe(record.Relationship_Stage_Since);
  }
});

it("writes the config's write-back label, 未着手 for not started", () => {
  for (const insight of demo.insights) {
    const record = recordById(demo.dataset.Accounts, insight.accountId);
    expect(record.Relationship_Stage).toBe((insight.stage?.label ?? config.notStarted.label).ja);
  }
  expect(
    demo.dataset.Accounts.filter((a) => a.Relationship_Stage === '未着手').length,
  ).toBeGreaterThanOrEqual(2);
});

it('each account has a history that chains from its first assessment to its current stage', () => {
  for (const account of demo.dataset.Accounts) {
    const history = historyOf(String(account.id));
    expect(history.length).toBeGreaterThan(0);
    expect(history[0]?.From_Stage).toBeNull();
    history.slice(1).forEach((h, i) => expect(h.From_Stage).toBe(history[i]?.To_Stage));
    const last = history[history.length - 1];
    expect(last?.To_Stage).toBe(account.Relationship_Stage);
    const since = localDateOf(
      Date.parse(String(last?.Changed_At)) as Instant,
      offsetMinutes(config.utcOffset),
    );
    expect(account.Relationship_Stage_Since).toBe(since);
    for (const h of history)
      expect(h.Name).toBe(
        `${String(account.Account_Name)}：${String(h.From_Stage ?? '（初回判定）')} → ${String(h.To_Stage)}`,
      );
  }
});

it('stages only move forward in the history (no quiet month demotes a demo account)', () => {
  const order = [config.notStarted.label.ja, ...config.stages.map((s) => s.label.ja)];
  for (const account of demo.dataset.Accounts) {
    const ranks = historyOf(String(account.id)).map((h) => order.indexOf(String(h.To_Stage)));
    expect(ranks.every((r) => r >= 0)).toBe(true);
    expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
  }
});

it('the flagship account climbed through every stage over the 18 months', () => {
  const hd = demo.dataset.Accounts.find((a) => a.Account_Name === '北斗ホールディングス株式会社');
  const steps = historyOf(String(hd?.id)).map((h) => h.To_Stage);
  expect(steps).toEqual(config.stages.map((s) => s.label.ja));
});
