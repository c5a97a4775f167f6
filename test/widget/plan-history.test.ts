/**
 * A rep's widget session that saves the account plan more than 100 times (issue 12): through the
 * widget's CRM gateway and the preview host's SDK → REST mapping to the local CRM, which refuses a
 * subform of more than 100 rows as Zoho does. Every save passes; the subform never holds more than
 * 100 rows; older updates are in Archived_Plan_Updates; and the old way (all rows plus one) is refused.
 */
import type { ZohoRecord } from '../../shared/crm-read/records';
import { DEFAULT_FIELDS } from '../../shared/config/fields';
import { savePlan } from '../../widget/account/data/writes';
import { widgetGateway } from '../portfolio/crm-sdk';
import { shippedConfig, startCrm, type Crm } from '../support/crm-harness';

let crm: Crm;
beforeAll(async () => {
  crm = await startCrm({ bare: false });
});
afterAll(() => crm.stop());

const day = (n: number) => new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10);
const f = DEFAULT_FIELDS;

it('105 plan saves on 105 days, and more the same day: every one passes, the subform stays ≤ 100 rows', async () => {
  const config = shippedConfig();
  const { gateway } = await widgetGateway(crm.url);
  const accountId = await gateway.insertRecord('Accounts', { Account_Name: '白鷺電機株式会社' });
  const target = (plan: ZohoRecord | null, today: string) => ({
    accountId,
    accountName: '白鷺電機株式会社',
    plan,
    today,
  });
  const planOf = (raw: Record<string, ZohoRecord[]>) => (raw[f.modules.accountPlans] ?? [])[0] ?? null;
  let raw: Record<string, ZohoRecord[]> = {};
  for (let n = 0; n < 105; n++) {
    raw = await savePlan(gateway, config, raw, target(planOf(raw), day(n)), { summary: `更新 ${n}` });
    const rows = planOf(raw)?.[f.plan.updates] as unknown[];
    expect(rows.length).toBe(Math.min(n + 1, 100));
  }
  // Two more saves on the last day join that day's row.
  for (const s of ['追記 a', '追記 b'])
    raw = await savePlan(gateway, config, raw, target(planOf(raw), day(104)), { summary: s });
  const plan = planOf(raw) as ZohoRecord;
  const rows = plan[f.plan.updates] as ZohoRecord[];
  expect(rows).toHaveLength(100);
  expect(rows.at(-1)).toMatchObject({
    [f.plan.updatedOn]: day(104),
    [f.plan.summary]: '更新 104\n追記 a\n追記 b',
  });
  expect(rows[0]).toMatchObject({ [f.plan.updatedOn]: day(5) });

  const archived = await crm.records(f.modules.archivedPlanUpdates);
  expect(
    archived.map((r) => [
      r[f.plan.updatedOn],
      r[f.plan.summary],
      (r[f.plan.archivedPlan] as { id: string }).id,
    ]),
  ).toEqual([0, 1, 2, 3, 4].map((n) => [day(n), `更新 ${n}`, String(plan.id)]));

  // The old save (every row back plus a new one) is the 101st row: refused like Zoho.
  const old = [...rows.map((r) => ({ id: r.id })), { [f.plan.updatedOn]: day(105), [f.plan.summary]: 'x' }];
  await expect(
    gateway.updateRecord(f.modules.accountPlans, { id: String(plan.id), [f.plan.updates]: old }),
  ).rejects.toMatchObject({
    detail: expect.stringMatching(/LIMIT_EXCEEDED: a subform can have at most 100 rows/),
  });
}, 120_000);
