/**
 * The sync keeps the org's users for the manager's view: one GET /users on a full pass (the roles tell
 * field reps, inside sales and managers apart), none on an incremental run within a day.
 */
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import type { SyncService } from '../../server/sync/sync-service';
import { AS_OF, openService, startCrm, type Crm } from '../support/crm-harness';

let crm: Crm;
let svc: SyncService;

beforeAll(async () => {
  crm = await startCrm({ dataset: generateDemoDataset({ asOf: AS_OF }) });
  svc = await openService(crm);
}, 60_000);

afterAll(async () => {
  svc?.close();
  await crm?.stop();
});

async function usersCalls(): Promise<number> {
  return Object.entries((await crm.credits()).endpoints)
    .filter(([k]) => k.startsWith('GET /crm/v6/users'))
    .reduce((n, [, v]) => n + v.calls, 0);
}

test('a full pass reads the active users once and keeps role and manager', async () => {
  const run = await svc.sync({ full: true, trigger: 'test' });
  expect(run.recordsRead.users).toBe(6);
  expect(await usersCalls()).toBe(1);
  const users = svc.mirror.users();
  expect(users?.readAt).toBe(AS_OF);
  expect(users?.users.find((u) => u.full_name === '佐藤 健一')).toEqual({
    id: '4876876000000090003',
    full_name: '佐藤 健一',
    first_name: '健一',
    last_name: '佐藤',
    email: 'kenichi.sato@mirai-data.example.co.jp',
    role: { name: 'フィールドセールス', id: '4876876000000026003' },
    profile: { name: 'Standard', id: '4876876000000026014' },
    status: 'active',
    Reporting_To: { name: '渡辺 浩二', id: '4876876000000090002' },
  });
});

test('an incremental run within the day spends nothing on users', async () => {
  const run = await svc.sync({ full: false, trigger: 'test' });
  expect(run.recordsRead.users).toBeUndefined();
  expect(await usersCalls()).toBe(1);
});
