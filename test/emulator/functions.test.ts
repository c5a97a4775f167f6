/**
 * The read-batch function as a REST API function (`POST /crm/v6/functions/esm_read_batch/actions/
 * execute`): several reads in one call, each answered as the direct call would be and metered as one.
 */
import { readBatchArguments, type ReadRequest } from '../../shared/crm-read/read-batch';
import { TestEmulator } from './harness';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start();
  const parent = await emu.api('POST', '/Accounts', { data: [{ Account_Name: '親会社' }] });
  const parentId = (parent.body as { data: { details: { id: string } }[] }).data[0]?.details.id;
  await emu.api('POST', '/Accounts', {
    data: [1, 2, 3].map((i) => ({ Account_Name: `子会社${i}`, Parent_Account: { id: parentId } })),
  });
  await emu.api('POST', '/Events', {
    data: [
      {
        Event_Title: '定例',
        Start_DateTime: '2025-05-01T10:00:00+09:00',
        End_DateTime: '2025-05-01T11:00:00+09:00',
        What_Id: { id: parentId },
        $se_module: 'Accounts',
      },
    ],
  });
  accountId = String(parentId);
});
afterAll(async () => {
  await emu.stop();
});

let accountId = '';
const execute = (args: unknown, name = 'esm_read_batch') =>
  emu.api('POST', `/functions/${name}/actions/execute?auth_type=oauth`, { arguments: args });

function output(body: unknown): { results: unknown[] } {
  const o = body as { code: string; details: { output: string; output_type: string } };
  expect(o.code).toBe('success');
  expect(o.details.output_type).toBe('string');
  return JSON.parse(o.details.output) as { results: unknown[] };
}

test('one call answers each read as its direct call does, in order, with errors per read', async () => {
  const requests: ReadRequest[] = [
    {
      coql: `select id, Account_Name from Accounts where Parent_Account = '${accountId}' order by id asc limit 2`,
    },
    { module: 'Events', criteria: `(What_Id:equals:${accountId})`, page: 1 },
    { coql: `select id from Deals where Stage = 'none' order by id asc limit 10` },
    { coql: 'select Nope from Accounts where id is not null' },
  ];
  const res = await execute(JSON.stringify(readBatchArguments(requests)));
  expect(res.status).toBe(200);
  const [children, events, none, bad] = output(res.body).results;
  const direct = await emu.api('POST', '/coql', { select_query: (requests[0] as { coql: string }).coql });
  expect(children).toEqual({ data: (direct.body as { data: unknown }).data, more: true });
  expect((events as { data: { Event_Title: string }[] }).data.map((e) => e.Event_Title)).toEqual(['定例']);
  expect(none).toEqual({ data: [], more: false });
  expect(bad).toEqual({ error: { code: 'INVALID_QUERY', message: expect.any(String) } });
});

test('pages are passed on as the CRM wrote them: the same output as writing the parsed results again', async () => {
  const tricky = 'A "quoted" name,"info":{"count":1} \\ 日本語';
  await emu.api('POST', '/Accounts', { data: [{ Account_Name: tricky }] });
  const requests: ReadRequest[] = [
    {
      coql: "select id, Account_Name, Parent_Account from Accounts where Account_Name like '%quoted%' limit 5",
    },
    { coql: 'select id, Account_Name from Accounts where id is not null order by id desc limit 2' },
  ];
  const res = await execute(JSON.stringify(readBatchArguments(requests)));
  const raw = (res.body as { details: { output: string } }).details.output;
  expect(raw).toBe(JSON.stringify(JSON.parse(raw)));
  const [one, two] = output(res.body).results as { data: { Account_Name: string }[]; more: boolean }[];
  expect(one).toEqual({
    data: [expect.objectContaining({ Account_Name: tricky, Parent_Account: null })],
    more: false,
  });
  expect(two?.more).toBe(true);
  for (const [i, r] of requests.entries()) {
    const direct = await emu.api('POST', '/coql', { select_query: (r as { coql: string }).coql });
    expect([one, two][i]?.data).toEqual((direct.body as { data: unknown }).data);
  }
});

test('the reads are metered as themselves, the execution as one more call', async () => {
  await emu.admin('POST', '/credits/reset');
  await execute(
    readBatchArguments([
      { coql: 'select id from Accounts where id is not null limit 200' },
      { coql: 'select id from Accounts where id is not null limit 1000' },
    ]),
  );
  const credits = (await emu.admin('GET', '/credits')).body as {
    totals: { calls: number; credits: number };
    endpoints: Record<string, { calls: number; credits: number }>;
  };
  expect(credits.endpoints['POST /crm/v6/coql']).toEqual({ calls: 2, credits: 3 });
  expect(credits.endpoints['POST /crm/v6/functions/{name}/actions/execute']).toEqual({
    calls: 1,
    credits: 1,
  });
  expect(credits.totals).toMatchObject({ calls: 3, credits: 4 });
});

test.each([
  ['not JSON', '{'],
  ['no requests', JSON.stringify({})],
  ['an empty list', JSON.stringify({ requests: '[]' })],
  [
    'eleven reads',
    JSON.stringify(
      readBatchArguments(Array(11).fill({ coql: 'select id from Accounts where id is not null' })),
    ),
  ],
  [
    'a module outside the product',
    JSON.stringify(readBatchArguments([{ coql: 'select id from Leads where id is not null' }])),
  ],
  [
    'a search of users',
    JSON.stringify(readBatchArguments([{ module: 'users', criteria: '(x:equals:1)', page: 1 }])),
  ],
  [
    'a bad page',
    JSON.stringify(readBatchArguments([{ module: 'Events', criteria: '(x:equals:1)', page: 0 }])),
  ],
])('refuses %s with 400 INVALID_DATA, reading nothing', async (_what, args) => {
  await emu.admin('POST', '/credits/reset');
  const res = await execute(args);
  expect(res.status).toBe(400);
  expect(res.body).toMatchObject({ code: 'INVALID_DATA', status: 'error' });
  const credits = (await emu.admin('GET', '/credits')).body as { endpoints: Record<string, unknown> };
  // The refused execution is the only call charged: no read behind it, whatever endpoint it would use.
  expect(Object.keys(credits.endpoints)).toEqual(['POST /crm/v6/functions/{name}/actions/execute']);
});

test('an org without the function answers 400 and the admin switch reinstalls it', async () => {
  expect((await emu.admin('PUT', '/functions', { installed: [] })).body).toEqual({ installed: [] });
  const missing = await execute(
    readBatchArguments([{ coql: 'select id from Accounts where id is not null' }]),
  );
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'esm_read_batch' } });
  expect(await emu.admin('PUT', '/functions', { installed: 'all' })).toMatchObject({ status: 400 });
  await emu.admin('PUT', '/functions', { installed: ['esm_read_batch'] });
  const back = await execute(readBatchArguments([{ coql: 'select id from Accounts where id is not null' }]));
  expect(back.status).toBe(200);
});

test('without a token the function is refused like any API call', async () => {
  const res = await fetch(`${emu.url}/crm/v6/functions/esm_read_batch/actions/execute`, { method: 'POST' });
  expect(res.status).toBe(401);
});

test('an answer over the function limit (Zoho: 10 MB) or a run over its time (1 minute) is refused', async () => {
  const requests: ReadRequest[] = [{ coql: 'select id, Account_Name from Accounts where id is not null' }];
  const limits = emu.emu.ctx.functionLimits;
  try {
    emu.emu.ctx.functionLimits = { maxBytes: 50, maxMs: limits.maxMs };
    const big = await execute(readBatchArguments(requests));
    expect(big.status).toBe(400);
    expect(big.body).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit_bytes: 50 } });
    emu.emu.ctx.functionLimits = { maxBytes: limits.maxBytes, maxMs: -1 };
    const slow = await execute(readBatchArguments(requests));
    expect(slow.body).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit_ms: -1 } });
  } finally {
    emu.emu.ctx.functionLimits = limits;
  }
  expect(output((await execute(readBatchArguments(requests))).body).results).toHaveLength(1);
});
