/**
 * `/__emulator/writes`: what the API wrote, per record — the fault suite counts on it to prove that
 * no value is written twice, and to tell a retry after a lost answer from a needless rewrite.
 */
import { until } from '../support/until';
import { TestEmulator } from './harness';

const A = '3652397000000900001';
const B = '3652397000000900002';
const dataset = {
  Accounts: [
    { id: A, Account_Name: '双葉電機株式会社' },
    { id: B, Account_Name: '楓物産株式会社' },
  ],
};

type Writes = {
  totals: Record<string, { created: number; updated: number; unanswered: number }>;
  records: Record<string, Record<string, number>>;
  unanswered: Record<string, string[]>;
};

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start({ dataset });
});
afterAll(() => emu.stop());
beforeEach(() => emu.admin('POST', '/writes/reset'));

const writes = async (q = '') => (await emu.admin('GET', `/writes${q}`)).body as Writes;

test('counts every update and create per record; a failed record is not a write', async () => {
  await emu.admin('POST', '/faults', { recordFailures: { ids: [B], times: 1 } });
  const put = (ids: string[]) =>
    emu.api('PUT', '/Accounts', { data: ids.map((id) => ({ id, Description: 'x' })), trigger: [] });
  expect((await put([A, B])).status).toBe(207);
  expect((await put([A, B])).status).toBe(200);
  const created = await emu.api('POST', '/Accounts', { data: [{ Account_Name: '新規株式会社' }] });
  const newId = (created.body as { data: { details: { id: string } }[] }).data[0]?.details.id as string;
  expect(await writes()).toEqual({
    totals: { Accounts: { created: 1, updated: 3, unanswered: 0 } },
    records: { Accounts: { [A]: 2, [B]: 1, [newId]: 1 } },
    unanswered: {},
  });
  expect((await writes('?module=Deals')).records).toEqual({});
});

test('a write applied after the client gave up is marked unanswered', async () => {
  await emu.admin('POST', '/faults', { kind: 'timeout', count: 1, delayMs: 300, match: { method: 'PUT' } });
  const gaveUp = await fetch(`${emu.url}/crm/v6/Accounts`, {
    method: 'PUT',
    headers: {
      Authorization: `Zoho-oauthtoken ${await emu.accessToken()}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify({ data: [{ id: A, Description: 'late' }], trigger: [] }),
    signal: AbortSignal.timeout(100),
  }).catch((e: Error) => e.name);
  expect(gaveUp).toBe('TimeoutError');
  // The held write is applied when its delay ends, whenever that is on this machine.
  await until(async () => (await writes()).totals.Accounts?.unanswered === 1, 10_000);
  const w = await writes();
  expect(w.totals.Accounts).toEqual({ created: 0, updated: 1, unanswered: 1 });
  expect(w.unanswered).toEqual({ Accounts: [A] });
  expect(
    (await emu.records<{ id: string; Description?: string }>('Accounts')).find((r) => r.id === A)
      ?.Description,
  ).toBe('late');
});
