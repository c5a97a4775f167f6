/**
 * The official SDK (@zohocrm/typescript-sdk-6.0) against the emulator: token refresh after the emulator
 * expires tokens, paging past 2,000 records with page_token, COQL, a 100-record update with 3 invalid
 * rows (HTTP 207), If-Modified-Since → 304, and the credit meter counted call by call.
 */
import {
  Choice,
  Coql,
  HeaderMap,
  ParameterMap,
  Record as ZRecord,
  RecordsRelated,
} from '@zohocrm/typescript-sdk-6.0';
import { call, initSdk } from '../support/zoho-sdk';
import { TestEmulator, T0 } from './harness';

const CONTACTS = 2450;
const ACCOUNT_ID = '3652397000000900001';

function dataset() {
  const stamp = '2025-05-01T09:00:00+09:00';
  const owner = { name: '山本 翔太', id: '3652397000000186017', email: 'shota.yamamoto@example.co.jp' };
  return {
    Accounts: [
      {
        id: ACCOUNT_ID,
        Account_Name: '北辰精機株式会社',
        Owner: owner,
        Created_Time: stamp,
        Modified_Time: stamp,
      },
    ],
    Contacts: Array.from({ length: CONTACTS }, (_, i) => ({
      id: String(3652397000000910000n + BigInt(i)),
      Last_Name: `佐藤${i}`,
      First_Name: '太郎',
      Account_Name: { id: ACCOUNT_ID, name: '北辰精機株式会社' },
      Department: i % 3 === 0 ? '情報システム部' : '営業本部',
      Owner: owner,
      Created_Time: stamp,
      Modified_Time: stamp,
    })),
  };
}

let emu: TestEmulator;

beforeAll(async () => {
  emu = await TestEmulator.start({ dataset: dataset() });
  await initSdk({ url: emu.url, dir: emu.dir });
});
afterAll(async () => {
  await emu.stop();
});

async function getContacts(params: [unknown, unknown][], headers: [unknown, unknown][] = []) {
  const p = new ParameterMap();
  for (const [k, v] of params) await p.add(k as never, v as never);
  const h = new HeaderMap();
  for (const [k, v] of headers) await h.add(k as never, v as never);
  return call(() => new ZRecord.RecordOperations('Contacts').getRecords(p, h));
}

test('when the emulator expires every token mid-run, the next SDK call refreshes and succeeds', async () => {
  const first = await getContacts([
    [ZRecord.GetRecordsParam.FIELDS, 'Last_Name'],
    [ZRecord.GetRecordsParam.PER_PAGE, 1],
  ]);
  expect(first.getStatusCode()).toBe(200);
  const issued = emu.emu.ctx.tokens.issued;
  await emu.admin('POST', '/tokens/expire');
  const second = await getContacts([
    [ZRecord.GetRecordsParam.FIELDS, 'Last_Name'],
    [ZRecord.GetRecordsParam.PER_PAGE, 1],
  ]);
  expect(second.getStatusCode()).toBe(200);
  expect(emu.emu.ctx.tokens.issued).toBe(issued + 1);
});

test('page serves the first 2,000 records only; page_token reads all 2,450', async () => {
  const ids = new Set<string>();
  let token: string | null = null;
  for (let page = 1; page <= 10; page += 1) {
    const res = await getContacts([
      [ZRecord.GetRecordsParam.FIELDS, 'Last_Name,Account_Name'],
      [ZRecord.GetRecordsParam.PAGE, page],
    ]);
    const wrapper = res.getObject() as ZRecord.ResponseWrapper;
    for (const r of wrapper.getData()) ids.add(r.getId().toString());
    token = wrapper.getInfo().getNextPageToken();
  }
  const beyond = await getContacts([
    [ZRecord.GetRecordsParam.FIELDS, 'Last_Name'],
    [ZRecord.GetRecordsParam.PAGE, 11],
  ]);
  expect(beyond.getStatusCode()).toBe(400);
  expect((beyond.getObject() as ZRecord.APIException).getCode().getValue()).toBe(
    'DISCRETE_PAGINATION_LIMIT_EXCEEDED',
  );

  while (token) {
    const res = await getContacts([
      [ZRecord.GetRecordsParam.FIELDS, 'Last_Name,Account_Name'],
      [ZRecord.GetRecordsParam.PAGE_TOKEN, token],
    ]);
    expect(res.getStatusCode()).toBe(200);
    const wrapper = res.getObject() as ZRecord.ResponseWrapper;
    for (const r of wrapper.getData()) ids.add(r.getId().toString());
    token = wrapper.getInfo().getMoreRecords() ? wrapper.getInfo().getNextPageToken() : null;
  }
  expect(ids.size).toBe(CONTACTS);
});

test('COQL with where, order by and limit returns the rows Zoho would, lookups as { id }', async () => {
  const body = new Coql.BodyWrapper();
  body.setSelectQuery(
    "select Last_Name, Department, Account_Name, Account_Name.Account_Name from Contacts where (Department = '情報システム部' and Last_Name like '佐藤1%') order by Last_Name desc limit 5",
  );
  const res = await call(() => new Coql.CoqlOperations().getRecords(body));
  expect(res.getStatusCode()).toBe(200);
  const wrapper = res.getObject() as Coql.ResponseWrapper;
  const rows = wrapper.getData();
  expect(rows).toHaveLength(5);
  const names = rows.map((r) => r.getKeyValue('Last_Name') as string);
  expect(names).toEqual([...names].sort().reverse());
  expect(rows.every((r) => r.getKeyValue('Department') === '情報システム部')).toBe(true);
  expect(rows[0]?.getKeyValue('Account_Name.Account_Name')).toBe('北辰精機株式会社');
  expect(wrapper.getInfo().getMoreRecords()).toBe(true);
});

test('an update of 100 records with 3 invalid ones applies 97 and answers HTTP 207 with 3 errors', async () => {
  const ids = Array.from({ length: 100 }, (_, i) => 3652397000000910000n + BigInt(i));
  const bad = new Set([ids[7], ids[42], ids[99]]);
  const body = new ZRecord.BodyWrapper();
  body.setData(
    ids.map((id) => {
      const r = new ZRecord.Record();
      r.setId(id);
      r.addKeyValue('Buying_Role', new Choice(bad.has(id) ? 'kingmaker' : 'champion'));
      return r;
    }),
  );
  body.setTrigger([]);
  const res = await call(() => new ZRecord.RecordOperations('Contacts').updateRecords(body));
  expect(res.getStatusCode()).toBe(207);
  const results = (res.getObject() as ZRecord.ActionWrapper).getData();
  const errors = results.filter((r) => r instanceof ZRecord.APIException) as ZRecord.APIException[];
  expect(results.filter((r) => r instanceof ZRecord.SuccessResponse)).toHaveLength(97);
  expect(errors.map((e) => e.getCode().getValue())).toEqual(['INVALID_DATA', 'INVALID_DATA', 'INVALID_DATA']);
  expect(errors.map((e) => e.getDetails().get('json_path'))).toEqual([
    '$.data[7].Buying_Role',
    '$.data[42].Buying_Role',
    '$.data[99].Buying_Role',
  ]);
  const stored = await emu.records<{ id: string; Buying_Role: string | null }>('Contacts');
  expect(stored.filter((c) => c.Buying_Role === 'champion')).toHaveLength(97);
});

test('If-Modified-Since: 304 while nothing changed after it, then only the changed record', async () => {
  emu.advance(60_000);
  const since = new Date(emu.clock);
  const unchanged = await getContacts(
    [[ZRecord.GetRecordsParam.FIELDS, 'Last_Name']],
    [[ZRecord.GetRecordsHeader.IF_MODIFIED_SINCE, since]],
  );
  expect(unchanged.getStatusCode()).toBe(304);
  expect(unchanged.getObject()).toBeNull();

  emu.advance(5_000);
  const put = await emu.api('PUT', '/Contacts', {
    data: [{ id: '3652397000000910005', Department: '経営企画部' }],
    trigger: [],
  });
  expect(put.status).toBe(200);
  const changed = await getContacts(
    [[ZRecord.GetRecordsParam.FIELDS, 'Last_Name,Department']],
    [[ZRecord.GetRecordsHeader.IF_MODIFIED_SINCE, since]],
  );
  expect(changed.getStatusCode()).toBe(200);
  const data = (changed.getObject() as ZRecord.ResponseWrapper).getData();
  expect(data.map((r) => r.getId().toString())).toEqual(['3652397000000910005']);
  expect(T0).toBeLessThan(emu.clock);
});

test('credits are counted as Zoho counts them, call by call', async () => {
  const coql = async (limit: number) => {
    const body = new Coql.BodyWrapper();
    body.setSelectQuery(`select Last_Name from Contacts where id is not null limit ${limit}`);
    return call(() => new Coql.CoqlOperations().getRecords(body));
  };
  const related = () => {
    const p = new ParameterMap();
    return p
      .add(RecordsRelated.GetRelatedRecordsParam.FIELDS, 'Last_Name')
      .then(() =>
        call(() =>
          new RecordsRelated.RelatedRecordsOperations('Contacts', 'Accounts').getRelatedRecords(
            BigInt(ACCOUNT_ID),
            p,
          ),
        ),
      );
  };
  const update = (n: number) => {
    const body = new ZRecord.BodyWrapper();
    body.setData(
      Array.from({ length: n }, (_, i) => {
        const r = new ZRecord.Record();
        r.setId(3652397000000911000n + BigInt(i));
        r.addKeyValue('Title', '課長');
        return r;
      }),
    );
    body.setTrigger([]);
    return call(() => new ZRecord.RecordOperations('Contacts').updateRecords(body));
  };
  await related(); // warms the SDK's related-list and field metadata cache
  await emu.admin('POST', '/credits/reset');

  expect((await getContacts([[ZRecord.GetRecordsParam.FIELDS, 'Last_Name']])).getStatusCode()).toBe(200);
  expect((await coql(2000)).getStatusCode()).toBe(200);
  expect((await coql(1000)).getStatusCode()).toBe(200);
  expect((await coql(200)).getStatusCode()).toBe(200);
  expect((await update(25)).getStatusCode()).toBe(200);
  expect((await update(100)).getStatusCode()).toBe(200);
  expect((await related()).getStatusCode()).toBe(200);

  const meter = (await emu.admin('GET', '/credits')).body as { totals: object; endpoints: object };
  expect(meter.endpoints).toEqual({
    'GET /crm/v6/{module}': { calls: 1, credits: 1 },
    'GET /crm/v6/{module}/{id}/{related_list}': { calls: 1, credits: 1 },
    'POST /crm/v6/coql': { calls: 3, credits: 3 + 2 + 1 },
    'PUT /crm/v6/{module}': { calls: 2, credits: 3 + 10 },
  });
  expect(meter.totals).toEqual({ calls: 7, credits: 21, readCredits: 8, writeCredits: 13 });
});
