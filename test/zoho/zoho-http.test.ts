/**
 * The gateway (the official SDK, our token store and call path) against Zoho's own hosts, with nock
 * at the HTTP boundary: the Japanese data centre's URLs (accounts.zoho.jp, www.zohoapis.jp/crm/v6),
 * the refresh-token grant, the `Zoho-oauthtoken` header, and answers shaped as Zoho documents them
 * (lookups as `{ name, id }`, `$`-keys, `info.more_records`, 204 for no rows, 401 INVALID_TOKEN,
 * 429 TOO_MANY_REQUESTS, HTTP 207 with a result per record). Field metadata is served as the local
 * CRM renders it (the SDK reads it to type values); everything else is written here.
 */
import { rmSync } from 'node:fs';
import nock from 'nock';
import pino from 'pino';
import { SyncService } from '../../server/sync/sync-service';
import { zohoConnectionFromEnv, type ZohoConnection } from '../../server/zoho/env';
import { shippedConfig, startCrm, tempDir, type Crm } from '../support/crm-harness';

const API = 'https://www.zohoapis.jp';
const ACCOUNTS = 'https://accounts.zoho.jp';
const ENV = {
  ZOHO_DC: 'jp',
  ZOHO_CLIENT_ID: '1000.NOCKCLIENT',
  ZOHO_CLIENT_SECRET: 'nock-secret',
  ZOHO_REFRESH_TOKEN: '1000.nock-refresh',
};
const TOKEN_1 = `1000.${'a'.repeat(32)}.${'b'.repeat(32)}`;
const TOKEN_2 = `1000.${'c'.repeat(32)}.${'d'.repeat(32)}`;

let crm: Crm;
/** settings/fields answers per module, as the local CRM renders them. */
const fields: Record<string, Record<string, unknown>> = {};
let service: SyncService;
let stateDir: string;

const tokenReply = (token: string) => ({
  access_token: token,
  scope: 'ZohoCRM.modules.ALL ZohoCRM.settings.ALL ZohoCRM.coql.READ ZohoCRM.users.READ',
  api_domain: API,
  token_type: 'Bearer',
  expires_in: 3600,
});

/** The token grant Zoho expects: form fields, our client and refresh token. */
function expectTokenGrant(token: string) {
  return nock(ACCOUNTS)
    .post('/oauth/v2/token', (body: Record<string, string>) => {
      return (
        body.grant_type === 'refresh_token' &&
        body.client_id === ENV.ZOHO_CLIENT_ID &&
        body.client_secret === ENV.ZOHO_CLIENT_SECRET &&
        body.refresh_token === ENV.ZOHO_REFRESH_TOKEN
      );
    })
    .reply(200, tokenReply(token));
}

const api = (token = TOKEN_1) => nock(API, { reqheaders: { authorization: `Zoho-oauthtoken ${token}` } });

beforeAll(async () => {
  // Field metadata as the local CRM renders it, fetched once over plain HTTP before nock takes over.
  crm = await startCrm({ accounts: 1 });
  const grant = await fetch(`${crm.url}/oauth/v2/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=refresh_token&client_id=demo&client_secret=demo&refresh_token=demo',
  });
  const token = ((await grant.json()) as { access_token: string }).access_token;
  for (const module of ['Deals', 'Accounts', 'Contacts']) {
    const res = await fetch(`${crm.url}/crm/v6/settings/fields?module=${module}`, {
      headers: { authorization: `Zoho-oauthtoken ${token}` },
    });
    fields[module] = (await res.json()) as Record<string, unknown>;
  }
  await crm.stop();

  nock.disableNetConnect();
  stateDir = tempDir('zoho-http-');
  expectTokenGrant(TOKEN_1);
  api().get('/crm/v6/settings/fields').query({ module: 'Deals' }).reply(200, fields.Deals);
  service = await SyncService.open({
    stateDir,
    connection: zohoConnectionFromEnv(ENV) as ZohoConnection,
    config: shippedConfig(),
    log: pino({ level: 'silent' }),
    maxAttempts: 4,
    baseDelayMs: 10,
  });
  await service.gateway.fieldTypes('Deals');
});

afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

afterAll(() => {
  service?.close();
  nock.enableNetConnect();
  rmSync(stateDir, { recursive: true, force: true });
});

const COQL =
  "select Deal_Name, Account_Name, Amount, Stage from Deals where Stage = 'Negotiation/Review' limit 200";

test('COQL at www.zohoapis.jp: lookups as { id, name }, Zoho’s $-keys kept as data, more_records read', async () => {
  api()
    .post('/crm/v6/coql', { select_query: COQL })
    .reply(200, {
      data: [
        {
          Deal_Name: '基幹システム刷新',
          Account_Name: { name: '北斗ホールディングス', id: '4876876000000100001' },
          Amount: 48000000,
          Stage: 'Negotiation/Review',
          $currency_symbol: '¥',
          $approval_state: 'approved',
          id: '4876876000000200001',
        },
        {
          Deal_Name: 'データ基盤 PoC',
          Account_Name: { name: '東邦グループ', id: '4876876000000100002' },
          Amount: null,
          Stage: 'Negotiation/Review',
          id: '4876876000000200002',
        },
      ],
      info: { count: 2, more_records: true },
    });
  const page = await service.gateway.coql('Deals', COQL, 200);
  expect(page.more).toBe(true);
  expect(page.data).toEqual([
    {
      id: '4876876000000200001',
      Deal_Name: '基幹システム刷新',
      Account_Name: { id: '4876876000000100001', name: '北斗ホールディングス' },
      Amount: 48000000,
      Stage: 'Negotiation/Review',
      $currency_symbol: '¥',
      $approval_state: 'approved',
    },
    {
      id: '4876876000000200002',
      Deal_Name: 'データ基盤 PoC',
      Account_Name: { id: '4876876000000100002', name: '東邦グループ' },
      Amount: null,
      Stage: 'Negotiation/Review',
    },
  ]);
});

test('204 No Content (no row matches) is an empty page', async () => {
  api().post('/crm/v6/coql').reply(204);
  await expect(service.gateway.coql('Deals', COQL, 200)).resolves.toEqual({ data: [], more: false });
});

test('401 INVALID_TOKEN mid-run: one refresh at accounts.zoho.jp, the call retried with the new token', async () => {
  api(TOKEN_1)
    .post('/crm/v6/coql')
    .reply(401, { code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' });
  expectTokenGrant(TOKEN_2);
  api(TOKEN_2)
    .post('/crm/v6/coql')
    .reply(200, { data: [{ Deal_Name: 'A', id: '1' }], info: { count: 1, more_records: false } });
  const page = await service.gateway.coql('Deals', COQL, 200);
  expect(page.data.map((r) => r.id)).toEqual(['1']);
});

test('429 TOO_MANY_REQUESTS and a 500 are retried; the answer after them is used', async () => {
  api(TOKEN_2).post('/crm/v6/coql').reply(429, {
    code: 'TOO_MANY_REQUESTS',
    details: {},
    message: 'The API request limit has been reached',
    status: 'error',
  });
  api(TOKEN_2)
    .post('/crm/v6/coql')
    .reply(500, { code: 'INTERNAL_ERROR', details: {}, message: 'Internal Server Error', status: 'error' });
  api(TOKEN_2)
    .post('/crm/v6/coql')
    .reply(200, { data: [{ Deal_Name: 'B', id: '2' }], info: { count: 1, more_records: false } });
  const page = await service.gateway.coql('Deals', COQL, 200);
  expect(page.data.map((r) => r.id)).toEqual(['2']);
});

test('an update answered 207: a result per record, in order; trigger [] sent; ids as strings', async () => {
  let sent: { data: Record<string, unknown>[]; trigger?: unknown } | undefined;
  // Before its first write of a module the SDK reads that module's fields itself, and those of the
  // modules its lookups point to (to type values): 3 more credits, once per resource folder.
  const fieldReads: string[] = [];
  api(TOKEN_2)
    .get('/crm/v6/settings/fields')
    .query(true)
    .times(3)
    .reply(200, (uri) => {
      const module = new URL(uri, API).searchParams.get('module') ?? '';
      fieldReads.push(module);
      return fields[module];
    });
  api(TOKEN_2)
    .put('/crm/v6/Deals', (body: typeof sent) => {
      sent = body;
      return true;
    })
    .reply(207, {
      data: [
        {
          code: 'SUCCESS',
          details: {
            Modified_Time: '2026-11-26T21:00:00+09:00',
            Modified_By: { name: 'API', id: '4876876000000090001' },
            id: '4876876000000200001',
          },
          message: 'record updated',
          status: 'success',
        },
        {
          code: 'INVALID_DATA',
          details: {
            expected_data_type: 'picklist',
            api_name: 'Buying_Stage',
            json_path: '$.data[1].Buying_Stage',
          },
          message: 'invalid data',
          status: 'error',
        },
        {
          code: 'SUCCESS',
          details: { id: '4876876000000200003' },
          message: 'record updated',
          status: 'success',
        },
      ],
    });
  const results = await service.gateway.updateRecords('Deals', [
    { id: '4876876000000200001', fields: { Deal_Priority: 'high' } },
    { id: '4876876000000200002', fields: { Buying_Stage: '発注' } },
    { id: '4876876000000200003', fields: { Deal_Priority: 'low' } },
  ]);
  expect(fieldReads).toEqual(['Deals', 'Accounts', 'Contacts']);
  expect(sent?.trigger).toEqual([]);
  expect(sent?.data.map((r) => r.id)).toEqual([
    '4876876000000200001',
    '4876876000000200002',
    '4876876000000200003',
  ]);
  expect(results.map((r) => [r.id, r.ok, r.code, r.field])).toEqual([
    ['4876876000000200001', true, 'SUCCESS', undefined],
    ['4876876000000200002', false, 'INVALID_DATA', 'Buying_Stage'],
    ['4876876000000200003', true, 'SUCCESS', undefined],
  ]);
});

test('an update answered 400 that still carries a result per record: each record its own failure', async () => {
  api(TOKEN_2)
    .put('/crm/v6/Deals')
    .reply(400, {
      data: [
        {
          code: 'INVALID_DATA',
          details: {
            expected_data_type: 'picklist',
            api_name: 'Buying_Stage',
            json_path: '$.data[0].Buying_Stage',
          },
          message: 'invalid data',
          status: 'error',
        },
        {
          code: 'DUPLICATE_DATA',
          details: { api_name: 'Deal_Name', id: '4876876000000200009' },
          message: 'duplicate data',
          status: 'error',
        },
      ],
    });
  const results = await service.gateway.updateRecords('Deals', [
    { id: '4876876000000200001', fields: { Buying_Stage: '発注' } },
    { id: '4876876000000200002', fields: { Deal_Priority: 'high' } },
  ]);
  expect(results.map((r) => [r.id, r.ok, r.code, r.field, r.message])).toEqual([
    ['4876876000000200001', false, 'INVALID_DATA', 'Buying_Stage', 'invalid data'],
    ['4876876000000200009', false, 'DUPLICATE_DATA', 'Deal_Name', 'duplicate data'],
  ]);
});

test("an insert refused as a whole (400 with Zoho's code, no per-record results) fails the call with it", async () => {
  api(TOKEN_2).post('/crm/v6/Deals').reply(400, {
    code: 'INVALID_MODULE',
    details: {},
    message: 'the module name given seems to be invalid',
    status: 'error',
  });
  await expect(
    service.gateway.insertRecords('Deals', [{ fields: { Deal_Name: 'x' } }]),
  ).rejects.toMatchObject({ message: expect.stringMatching(/module name given seems to be invalid/) });
});

test.each([
  ['no data array', { info: {} }],
  ['an empty object', {}],
  ['a data array that is not one', { data: 'oops' }],
])('an update answered 200 with %s is a clear error for that call, naming it', async (_what, body) => {
  api(TOKEN_2).put('/crm/v6/Deals').reply(200, body);
  await expect(
    service.gateway.updateRecords('Deals', [
      { id: '4876876000000200001', fields: { Deal_Priority: 'high' } },
    ]),
  ).rejects.toMatchObject({
    code: 'ZOHO_REJECTED',
    message: expect.stringMatching(/update Deals: the answer has no data array/),
  });
});

describe('malformed answers are a clear error for that call, decoded at the gateway (zod), not a crash', () => {
  test.each([
    [
      'no data array',
      { data: 'oops', info: { more_records: false } },
      /coql Deals: the answer has no data array/,
    ],
    ['a row without an id', { data: [{ id: '1' }, { Deal_Name: 'x' }] }, /coql Deals: row 1 has no id/],
    ['a row that is not a record', { data: [{ id: '1' }, 'junk'] }, /coql Deals: row 1 is not a record/],
  ])('COQL answered with %s', async (_what, body, message) => {
    api(TOKEN_2).post('/crm/v6/coql').reply(200, body);
    await expect(service.gateway.coql('Deals', COQL, 200)).rejects.toMatchObject({
      code: 'ZOHO_REJECTED',
      message: expect.stringMatching(message),
    });
  });

  test('a mistyped info block is read as no more pages, the rows kept', async () => {
    api(TOKEN_2)
      .post('/crm/v6/coql')
      .reply(200, { data: [{ id: 7 }], info: { more_records: 'yes' } });
    await expect(service.gateway.coql('Deals', COQL, 200)).resolves.toEqual({
      data: [{ id: '7' }],
      more: false,
    });
  });

  test.each([
    [
      'a field without its data type',
      { fields: [{ api_name: 'Deal_Name' }] },
      /fields Deals: the answer is not a list of fields \(fields\.0\.data_type/,
    ],
    ['no fields array', { fields: null }, /fields Deals: the answer is not a list of fields \(fields:/],
  ])('field metadata answered with %s', async (_what, body, message) => {
    api(TOKEN_2).get('/crm/v6/settings/fields').query({ module: 'Deals' }).reply(200, body);
    await expect(service.gateway.getFields('Deals')).rejects.toMatchObject({
      code: 'ZOHO_REJECTED',
      message: expect.stringMatching(message),
    });
  });

  test('users answered without a users array, or a user without an id, is a clear error', async () => {
    api(TOKEN_2).get('/crm/v6/users').query(true).reply(200, { users: 'none' });
    await expect(service.gateway.listUsers('ActiveUsers', 1)).rejects.toMatchObject({
      code: 'ZOHO_REJECTED',
      message: expect.stringMatching(/users: the answer is not a list of users \(users:/),
    });
    api(TOKEN_2)
      .get('/crm/v6/users')
      .query(true)
      .reply(200, { users: [{ full_name: 'No Id' }] });
    await expect(service.gateway.listUsers('ActiveUsers', 1)).rejects.toMatchObject({
      message: expect.stringMatching(/users: the answer is not a list of users \(users\.0\.id/),
    });
  });

  test("field metadata refused by Zoho is that call's failure, with Zoho's code and message", async () => {
    api(TOKEN_2).get('/crm/v6/settings/fields').query({ module: 'Nope' }).reply(400, {
      code: 'INVALID_MODULE',
      details: {},
      message: 'the module name given seems to be invalid',
      status: 'error',
    });
    await expect(service.gateway.getFields('Nope')).rejects.toMatchObject({
      message: expect.stringMatching(/module name given seems to be invalid/),
    });
  });

  test('a settings call answered with an HTML page (a proxy) names the call and the status', async () => {
    api(TOKEN_2).get('/crm/v6/settings/modules').reply(200, '<html>gateway</html>');
    await expect(service.gateway.settings('modules', 'GET', 'modules', undefined, 1)).rejects.toMatchObject({
      code: 'ZOHO_REJECTED',
      message: expect.stringMatching(/modules: the answer \(HTTP 200\) is not JSON/),
    });
  });
});
