/**
 * Alerts that reach reps (issue 16) against the local Zoho CRM over HTTP, through the real SDK: the
 * service creates one Task per rule and account for the owner, updates that same task when what it
 * says changes, closes it when the condition clears — and the emulator's write log shows no second
 * task for the key.
 */
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import type { SyncService } from '../../server/sync/sync-service';
import { parseAlertStamp } from '../../shared/portfolio/alerts';
import { AS_OF, RUN_AS_OF, openService, startCrmAfterData, type Crm } from '../support/crm-harness';

let crm: Crm;
let svc: SyncService;

type Rec = Record<string, unknown>;
type Writes = {
  totals: Record<string, { created: number; updated: number }>;
  records: Record<string, Record<string, number>>;
};

beforeAll(async () => {
  // The CRM's clock runs after the data, so what the test edits between runs is read as a change.
  crm = await startCrmAfterData({ dataset: generateDemoDataset({ asOf: AS_OF }) });
  svc = await openService(crm, { now: () => RUN_AS_OF });
}, 30_000);

afterAll(async () => {
  svc.close();
  await crm.stop();
});

const alertTasks = async () => (await crm.records('Tasks')).filter((t) => typeof t.Alert_Key === 'string');
const keyOf = (t: Rec) => parseAlertStamp(String(t.Alert_Key)).key;
const writes = async () => (await crm.admin('GET', '/writes')).body as Writes;
const idOf = (v: unknown) => String((v as { id: string }).id);

async function put(module: string, data: Rec) {
  // A change in the same CRM second as the last record read is outside If-Modified-Since; the service
  // looks back a second only while that second is recent by the wall clock, and this CRM's clock runs
  // weeks behind it (AS_OF). Start the change in the next second, as any edit by a person would.
  await new Promise((r) => setTimeout(r, 1100));
  const res = await fetch(`${crm.url}/crm/v6/${module}`, {
    method: 'PUT',
    headers: {
      Authorization: `Zoho-oauthtoken ${await svc.tokens.accessToken()}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ data: [data], trigger: [] }),
  });
  expect(res.status).toBe(200);
}

describe('alert tasks', () => {
  let suirei: Rec;
  let key: string;

  beforeAll(async () => {
    await crm.admin('POST', '/writes/reset');
    const run = await svc.sync({ trigger: 'test' });
    expect(run.status).toBe('ok');
    suirei = (await crm.records('Accounts')).find((a) =>
      String(a.Account_Name).startsWith('翠嶺化学'),
    ) as Rec;
    key = `STALE_PLAN:${String(suirei.id)}`;
  }, 60_000);

  it('creates one task per rule and account, for the owner, linked to the account', async () => {
    const tasks = await alertTasks();
    expect(tasks.length).toBeGreaterThan(0);
    const keys = tasks.map(keyOf);
    expect(new Set(keys).size).toBe(keys.length); // one task per key
    const stale = tasks.filter((t) => keyOf(t) === key);
    expect(stale).toHaveLength(1);
    const task = stale[0] as Rec;
    expect(task).toMatchObject({ Status: 'Not Started', $se_module: 'Accounts', Priority: 'High' });
    expect(idOf(task.What_Id)).toBe(String(suirei.id));
    expect(idOf(task.Owner)).toBe(idOf(suirei.Owner));
    expect(String(task.Subject)).toBe('アカウントプランを更新してください: 翠嶺化学工業株式会社');
    expect(String(task.Description)).toMatch(/プランの最終更新: 2026-/);
    // the flagship with a fresh plan has no stale-plan alert
    const hokuto = (await crm.records('Accounts')).find((a) =>
      String(a.Account_Name).startsWith('北斗ホールディングス'),
    );
    expect(keys).not.toContain(`STALE_PLAN:${String(hokuto?.id)}`);
  });

  it('the next runs create nothing and write nothing: the alert tasks do not count as activities', async () => {
    const before = await writes();
    await svc.sync({ trigger: 'test' });
    await svc.sync({ trigger: 'test' });
    const after = await writes();
    expect(after.totals.Tasks).toEqual(before.totals.Tasks);
    expect(after.totals.Accounts).toEqual(before.totals.Accounts);
  }, 60_000);

  it('updates the same task when the owner changes (no second task)', async () => {
    const accounts = await crm.records('Accounts');
    const other = accounts.map((a) => idOf(a.Owner)).find((o) => o !== idOf(suirei.Owner)) as string;
    await put('Accounts', { id: suirei.id, Owner: { id: other } });
    const now = (await crm.records('Accounts')).find((a) => a.id === suirei.id) as Rec;
    expect(idOf(now.Owner)).toBe(other);
    await svc.sync({ trigger: 'test' });
    const stale = (await alertTasks()).filter((t) => keyOf(t) === key);
    expect(stale).toHaveLength(1);
    expect(idOf(stale[0]?.Owner)).toBe(other);
    const w = await writes();
    expect(w.records.Tasks?.[String(stale[0]?.id)]).toBe(2); // created once, updated once
  }, 60_000);

  it('closes the task when the condition clears, and the write log shows one task for the key', async () => {
    const plan = (await crm.records('Account_Plans')).find(
      (p) => idOf(p.Account) === String(suirei.id),
    ) as Rec;
    await put('Account_Plans', {
      id: plan.id,
      Strategy_Hypothesis: '中期経営計画の改訂を受けて戦略仮説を更新',
    });
    await svc.sync({ trigger: 'test' });
    const stale = (await alertTasks()).filter((t) => keyOf(t) === key);
    expect(stale).toHaveLength(1);
    expect(stale[0]?.Status).toBe('Completed');
    const w = await writes();
    expect(w.records.Tasks?.[String(stale[0]?.id)]).toBe(3); // created, updated, closed: one record
    const created = (await alertTasks()).length;
    expect(w.totals.Tasks?.created).toBe(created); // every task the service created is one alert key
  }, 60_000);
});
