/**
 * The daily account snapshots (trends, issue 16) against the local Zoho CRM over HTTP, through the
 * real SDK: the first run of a month writes every computed account's anchor to ESM_Snapshots; another
 * run the same day writes nothing; the next day only the account that changed gets a row; the rows
 * read back through the shared normaliser as the web tab reads them.
 */
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import type { SyncService } from '../../server/sync/sync-service';
import type { Instant } from '../../shared/model/types';
import { normalisePortfolio } from '../../shared/portfolio/normalise';
import {
  AS_OF,
  RUN_AS_OF,
  openService,
  shippedConfig,
  startCrmAfterData,
  type Crm,
} from '../support/crm-harness';

const DAY = 86_400_000;
let crm: Crm;
let svc: SyncService;
let now = RUN_AS_OF;

type Writes = { totals: Record<string, { created: number; updated: number }> };
const writes = async () => (await crm.admin('GET', '/writes')).body as Writes;
const created = async (module: string) => (await writes()).totals[module]?.created ?? 0;

beforeAll(async () => {
  const dataset = generateDemoDataset({ asOf: AS_OF }) as unknown as Record<string, unknown[]>;
  // the org as setup:crm leaves it: no snapshot yet (the demo's history is tested elsewhere)
  delete dataset.ESM_Snapshots;
  crm = await startCrmAfterData({ dataset: dataset as never });
  svc = await openService(crm, { now: () => now });
}, 30_000);

afterAll(async () => {
  svc.close();
  await crm.stop();
});

describe('daily account snapshots', () => {
  let computed: number;

  it("the month's first snapshot run writes every computed account's anchor, in calls of ≤ 100", async () => {
    await crm.admin('POST', '/writes/reset');
    const run = await svc.sync({ trigger: 'test', snapshot: true });
    expect(run.status).toBe('ok');
    const accounts = normalisePortfolio(
      { Accounts: await crm.records('Accounts') },
      shippedConfig(),
    ).accounts;
    computed = accounts.filter((a) => a.stage != null && a.computedAt != null).length;
    expect(computed).toBeGreaterThan(10);
    expect(run.snapshots).toMatchObject({
      date: '2026-11-26',
      skipped: null,
      written: computed,
      anchors: computed,
      failed: [],
      credits: Math.ceil(computed / 10),
    });
    expect(await created('ESM_Snapshots')).toBe(computed);
    const rows = await crm.records('ESM_Snapshots');
    const read = normalisePortfolio({ ESM_Snapshots: rows }, shippedConfig());
    expect(read.issues).toEqual([]);
    expect(read.snapshots).toHaveLength(computed);
    expect(new Set(read.snapshots?.map((s) => s.month))).toEqual(new Set(['2026-11']));
    // each row carries the account's written values
    const byId = new Map(accounts.map((a) => [a.id, a]));
    for (const s of read.snapshots ?? []) {
      const a = byId.get(s.accountId);
      expect(s.stage).toBe(a?.stage);
      expect(s.health).toBe(a?.health);
      expect(s.ownerId).toBe(a?.ownerId);
      expect(s.kgis.annual_revenue ?? null).toBe(a?.kgis.annual_revenue ?? null);
    }
  }, 60_000);

  it('another run the same day writes none', async () => {
    await crm.admin('POST', '/writes/reset');
    const run = await svc.sync({ trigger: 'test', snapshot: true });
    expect(run.snapshots).toMatchObject({ skipped: 'done_today', written: 0 });
    expect(await created('ESM_Snapshots')).toBe(0);
  }, 60_000);

  it('the next day: only the account whose values changed', async () => {
    const account = (await crm.records('Accounts')).find((a) =>
      String(a.Account_Name).startsWith('翠嶺化学'),
    ) as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 1100));
    const res = await fetch(`${crm.url}/crm/v6/Accounts`, {
      method: 'PUT',
      headers: {
        Authorization: `Zoho-oauthtoken ${await svc.tokens.accessToken()}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ data: [{ id: account.id, Customer_Satisfaction: 1 }], trigger: [] }),
    });
    expect(res.status).toBe(200);
    await crm.admin('POST', '/writes/reset');
    now = (RUN_AS_OF + DAY) as Instant;
    const run = await svc.sync({ trigger: 'test', snapshot: true });
    expect(run.status).toBe('ok');
    expect(run.snapshots?.date).toBe('2026-11-27');
    expect(run.snapshots?.anchors).toBe(0);
    const rows = (await crm.records('ESM_Snapshots')).filter((r) => r.Snapshot_Date === '2026-11-27');
    expect(rows.length).toBe(run.snapshots?.written);
    expect(rows.map((r) => (r.Account as { id: string }).id)).toContain(String(account.id));
    expect(rows.length).toBeLessThan(computed);
    expect(rows.every((r) => r.Snapshot_Month == null)).toBe(true);
  }, 60_000);
});
