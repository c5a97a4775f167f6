/**
 * Workflow webhooks: a write with `"trigger": []` fires nothing; one without `trigger` fires exactly one
 * signed delivery per record with the contract body (contract: server/local/plugins/workflow.ts).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { TestEmulator } from './harness';

interface Received {
  headers: http.IncomingHttpHeaders;
  raw: string;
}

const SECRET = 'whsec-test';
const ACCOUNT = '3652397000000600001';
const DEAL = '3652397000000600002';

let emu: TestEmulator;
let receiver: http.Server;
let received: Received[] = [];

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      received.push({ headers: req.headers, raw });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
  emu = await TestEmulator.start({
    dataset: {
      Accounts: [{ id: ACCOUNT, Account_Name: '若松運輸株式会社' }],
      Deals: [
        {
          id: DEAL,
          Deal_Name: '物流最適化 導入',
          Stage: 'Qualification',
          Closing_Date: '2025-09-30',
          Account_Name: { id: ACCOUNT, name: '若松運輸株式会社' },
        },
      ],
    },
  });
  const port = (receiver.address() as AddressInfo).port;
  expect(
    (await emu.admin('POST', '/webhooks', { url: `http://127.0.0.1:${port}/hooks/zoho`, secret: SECRET }))
      .status,
  ).toBe(201);
});
afterAll(async () => {
  await emu.stop();
  await new Promise<void>((r) => receiver.close(() => r()));
});
beforeEach(() => {
  received = [];
});

function verify(r: Received): boolean {
  const ts = String(r.headers['x-timestamp']);
  const expected = createHmac('sha256', SECRET).update(`${ts}.${r.raw}`).digest('hex');
  const given = String(r.headers['x-signature']);
  return /^[0-9a-f]{64}$/.test(given) && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

test('a write with "trigger": [] fires no webhook', async () => {
  const res = await emu.api('PUT', '/Accounts', { data: [{ id: ACCOUNT, Rating: 'Active' }], trigger: [] });
  expect(res.status).toBe(200);
  await emu.emu.ctx.webhooks.idle();
  expect(received).toEqual([]);
});

test('a write without trigger fires exactly one signed webhook with the contract body', async () => {
  emu.advance(1000);
  const res = await emu.api('POST', '/Tasks', {
    data: [{ Subject: '見積提出', What_Id: { id: DEAL }, $se_module: 'Deals', Status: 'Not Started' }],
  });
  expect(res.status).toBe(201);
  const taskId = (res.body as { data: { details: { id: string; Modified_Time: string } }[] }).data[0]
    ?.details;
  await emu.emu.ctx.webhooks.idle();
  expect(received).toHaveLength(1);
  const [hook] = received as [Received];
  expect(hook.headers['content-type']).toBe('application/json');
  expect(hook.headers['x-timestamp']).toBe(String(Math.floor(emu.clock / 1000)));
  expect(verify(hook)).toBe(true);
  expect(JSON.parse(hook.raw)).toEqual({
    deliveryId: expect.stringMatching(new RegExp(`^Tasks:${taskId?.id}:\\d+:\\d+$`)),
    module: 'Tasks',
    recordId: taskId?.id,
    operation: 'create',
    accountId: ACCOUNT,
    modifiedTime: taskId?.Modified_Time,
  });
  const log = (await emu.admin('GET', '/webhooks')).body as { deliveries: { status: number }[] };
  expect(log.deliveries.at(-1)?.status).toBe(204);
});

test('updates of accounts and contacts name their account; trigger ["workflow"] fires too', async () => {
  const contact = await emu.api('POST', '/Contacts', {
    data: [{ Last_Name: '伊藤', Account_Name: { id: ACCOUNT } }],
    trigger: ['workflow'],
  });
  expect(contact.status).toBe(201);
  const update = await emu.api('PUT', `/Accounts/${ACCOUNT}`, { data: [{ Rating: 'Acquired' }] });
  expect(update.status).toBe(200);
  await emu.emu.ctx.webhooks.idle();
  const bodies = received.map(
    (r) => JSON.parse(r.raw) as { module: string; operation: string; accountId: string },
  );
  expect(bodies.map((b) => [b.module, b.operation, b.accountId]).sort()).toEqual([
    ['Accounts', 'update', ACCOUNT],
    ['Contacts', 'create', ACCOUNT],
  ]);
  expect(received.every(verify)).toBe(true);
});
