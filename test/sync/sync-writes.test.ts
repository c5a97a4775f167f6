/**
 * The sync against the local Zoho CRM over HTTP, through the real SDK: what a full run writes, that
 * the next run writes nothing, and that one changed activity rewrites only its account.
 */
import { insightsFromDataset } from '../../shared/engine/pipeline';
import type { Instant } from '../../shared/model/types';
import { projectAccount, projectDeal } from '../../shared/writeback/project';
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import type { SyncService } from '../../server/sync/sync-service';
import { AS_OF, openService, serviceState, shippedConfig, startCrm, type Crm } from '../support/crm-harness';

const config = shippedConfig();
let crm: Crm;
let svc: SyncService;

beforeAll(async () => {
  crm = await startCrm({ dataset: generateDemoDataset({ asOf: AS_OF }) });
  svc = await openService(crm);
}, 30_000);

afterAll(async () => {
  svc.close();
  await crm.stop();
});

/** The engine over the CRM's records as they are now (what `npm run insight` would print). */
async function engineView() {
  const modules = [
    'Accounts',
    'Contacts',
    'Deals',
    'Tasks',
    'Events',
    'Calls',
    'Account_Plans',
    'Relationship_Stage_History',
  ];
  const dataset = Object.fromEntries(
    await Promise.all(modules.map(async (m) => [m, await crm.records(m)] as const)),
  );
  const r = insightsFromDataset(dataset, config, AS_OF as Instant);
  if (!r.ok) throw new Error(r.error);
  return r.insights;
}

describe('a full sync of the demo org', () => {
  let first: Awaited<ReturnType<SyncService['sync']>>;

  beforeAll(async () => {
    first = await svc.sync({ trigger: 'test' });
  }, 60_000);

  it('reads every module and recomputes every account', () => {
    expect(first).toMatchObject({ kind: 'full', status: 'ok', failed: 0 });
    expect(first.recordsRead).toMatchObject({ Accounts: 18, Contacts: 97, Deals: 27, Account_Plans: 11 });
    expect(first.recomputed).toBeGreaterThanOrEqual(18);
  });

  it('writes what the engine computes, for every account and deal', async () => {
    const insights = await engineView();
    const accounts = new Map((await crm.records('Accounts')).map((r) => [String(r.id), r]));
    const deals = new Map((await crm.records('Deals')).map((r) => [String(r.id), r]));
    expect(insights).toHaveLength(18);
    for (const insight of insights) {
      const written = accounts.get(insight.accountId) ?? {};
      const expected = projectAccount(insight, config, written).fields;
      for (const [field, value] of Object.entries(expected)) {
        expect([insight.accountName, field, written[field] ?? null]).toEqual([
          insight.accountName,
          field,
          value,
        ]);
      }
      for (const d of insight.deals) {
        const dw = deals.get(d.id) ?? {};
        for (const [field, value] of Object.entries(projectDeal(d, config)))
          expect([d.name, field, dw[field] ?? null]).toEqual([d.name, field, value]);
      }
    }
  });

  it('writes one health score per account, with its parts explained, that Zoho reports can use', async () => {
    const accounts = await crm.records('Accounts');
    expect(accounts).toHaveLength(18);
    for (const a of accounts) {
      expect([a.Account_Name, typeof a.Account_Health]).toEqual([a.Account_Name, 'number']);
      expect(a.Account_Health as number).toBeGreaterThanOrEqual(0);
      expect(a.Account_Health as number).toBeLessThanOrEqual(100);
      expect(String(a.Account_Health_Parts).split('\n')).toHaveLength(5);
    }
    const score = (name: string) =>
      accounts.find((a) => String(a.Account_Name).startsWith(name))?.Account_Health;
    // the flagship at 社外展開 with a fresh plan is healthier than a never-contacted group company
    expect(score('北斗ホールディングス') as number).toBeGreaterThan(score('北斗エナジー') as number);
  });

  it('keeps the stages the demo history already recorded (no new history)', () => {
    expect(first.stageChanges).toBe(0);
  });

  it('the next run writes nothing and spends no write credits', async () => {
    const before = await crm.credits();
    const second = await svc.sync({ trigger: 'test' });
    const third = await svc.sync({ trigger: 'test' });
    const after = await crm.credits();
    expect([second.written, second.dealsWritten, third.written, third.dealsWritten]).toEqual([0, 0, 0, 0]);
    expect(after.totals.writeCredits).toBe(before.totals.writeCredits);
    // a run with nothing new: at most one read credit per module
    expect(third).toMatchObject({ kind: 'incremental', credits: { read: 8, write: 0 } }); // 8 modules
  }, 60_000);

  it('changing one activity rewrites only its account', async () => {
    const before = await serviceState(crm);
    const tasks = await crm.records('Tasks');
    const target = tasks.find((t) => t.$se_module === 'Accounts' && t.Status !== 'Completed') as Record<
      string,
      unknown
    >;
    const accountId = String((target.What_Id as { id: string }).id);
    // the edit lands in a later CRM second than the last record read (see test/alerts/alert-tasks.test.ts)
    await new Promise((r) => setTimeout(r, 1100));
    const res = await fetch(`${crm.url}/crm/v6/Tasks`, {
      method: 'PUT',
      headers: {
        Authorization: `Zoho-oauthtoken ${await svc.tokens.accessToken()}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        data: [
          {
            id: target.id,
            Status: 'Completed',
            Closed_Time: '2026-11-26T10:00:00+09:00',
            Subject: '見積提出（追加）',
          },
        ],
        trigger: [],
      }),
    });
    expect(res.status).toBe(200);
    const run = await svc.sync({ trigger: 'test' });
    expect(run).toMatchObject({ status: 'ok', recomputed: 1, written: 1 }); // KPI_Proposals went up by one
    const after = await serviceState(crm);
    const changed = Object.keys(after.accounts).filter(
      (id) => JSON.stringify(after.accounts[id]) !== JSON.stringify(before.accounts[id]),
    );
    expect(changed).toEqual([accountId]);
  }, 60_000);
});
