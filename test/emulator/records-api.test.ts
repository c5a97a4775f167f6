/**
 * The rest of the records API over HTTP: sorting and `ids`, one record, upsert by duplicate-check
 * field, search, related lists, delete and the recycle bin, values Zoho derives, and `/__emulator/reset`.
 */
import { TestEmulator } from './harness';

const A = '3652397000000400001';
const B = '3652397000000400002';
const owner = { name: '山本 翔太', id: '3652397000000186017', email: 'shota.yamamoto@example.co.jp' };
const at = (d: number) => `2025-05-${String(d).padStart(2, '0')}T09:00:00+09:00`;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start({
    dataset: {
      Accounts: [
        {
          id: A,
          Account_Name: '千代田電機株式会社',
          Owner: owner,
          Created_Time: at(1),
          Modified_Time: at(5),
        },
        { id: B, Account_Name: '高砂建設株式会社', Owner: owner, Created_Time: at(2), Modified_Time: at(3) },
      ],
      Contacts: [
        {
          id: '3652397000000400011',
          Last_Name: '石井',
          First_Name: '学',
          Email: 'ishii@c1.example.co.jp',
          Account_Name: { id: A, name: '千代田電機株式会社' },
        },
        {
          id: '3652397000000400012',
          Last_Name: '石川',
          First_Name: '綾',
          Email: 'ishikawa@c1.example.co.jp',
          Account_Name: { id: A, name: '千代田電機株式会社' },
        },
      ],
    },
  });
});
afterAll(async () => {
  await emu.stop();
});

const data = (res: { body: unknown }) => (res.body as { data: Record<string, unknown>[] }).data;
const firstId = (res: { body: unknown }) => String((data(res)[0] as { details: { id: string } }).details.id);

test('sort_by / sort_order, ids, and one record with all its fields', async () => {
  const byModified = await emu.api(
    'GET',
    '/Accounts?fields=Account_Name&sort_by=Modified_Time&sort_order=asc',
  );
  expect(data(byModified).map((r) => r.id)).toEqual([B, A]);
  expect((byModified.body as { info: object }).info).toMatchObject({
    sort_by: 'Modified_Time',
    sort_order: 'asc',
    page: 1,
    count: 2,
    more_records: false,
  });
  expect(data(await emu.api('GET', '/Accounts?fields=Account_Name')).map((r) => r.id)).toEqual([B, A]);
  expect(
    data(await emu.api('GET', `/Accounts?fields=Account_Name&ids=${A},3652397000000999999`)).map((r) => r.id),
  ).toEqual([A]);
  const one = await emu.api('GET', `/Accounts/${A}`);
  expect(data(one)[0]).toMatchObject({
    id: A,
    Account_Name: '千代田電機株式会社',
    Industry: null,
    Parent_Account: null,
    Owner: owner,
    Modified_Time: at(5),
  });
  expect((await emu.api('GET', `/Accounts/${A}`, undefined, { 'If-Modified-Since': at(6) })).status).toBe(
    304,
  );
  expect((await emu.api('GET', '/Accounts?fields=Account_Name&sort_by=Name')).body).toMatchObject({
    code: 'INVALID_DATA',
    details: { param_name: 'sort_by' },
  });
});

test('upsert updates the record matching a duplicate-check field and inserts the rest', async () => {
  const res = await emu.api('POST', '/Contacts/upsert', {
    data: [
      { Last_Name: '石井', Email: 'ishii@c1.example.co.jp', Title: '部長' },
      { Last_Name: '森', Email: 'mori@c2.example.co.jp' },
    ],
    duplicate_check_fields: ['Email'],
    trigger: [],
  });
  expect(res.status).toBe(200);
  expect(data(res).map((r) => [r.action, r.duplicate_field, r.message])).toEqual([
    ['update', 'Email', 'record updated'],
    ['insert', null, 'record added'],
  ]);
  expect((data(res)[0] as { details: { id: string } }).details.id).toBe('3652397000000400011');
  expect(
    (
      await emu.api('POST', '/Contacts/upsert', {
        data: [{ Last_Name: 'x' }],
        duplicate_check_fields: ['Nope'],
      })
    ).body,
  ).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'duplicate_check_fields' } });
});

test('search by criteria, email and word; 204 when nothing matches', async () => {
  const byCriteria = await emu.api(
    'GET',
    `/Contacts/search?criteria=${encodeURIComponent('((Last_Name:starts_with:石)and(Account_Name:equals:' + A + '))')}`,
  );
  expect(
    data(byCriteria)
      .map((r) => r.Last_Name)
      .sort(),
  ).toEqual(['石井', '石川']);
  expect((byCriteria.body as { info: object }).info).toMatchObject({
    count: 2,
    page: 1,
    more_records: false,
  });
  expect(
    data(await emu.api('GET', '/Contacts/search?email=ISHII@c1.example.co.jp&fields=Last_Name')),
  ).toEqual([{ Last_Name: '石井', id: '3652397000000400011' }]);
  expect(
    data(await emu.api('GET', `/Accounts/search?word=${encodeURIComponent('高砂')}&fields=Account_Name`)).map(
      (r) => r.id,
    ),
  ).toEqual([B]);
  expect(
    (await emu.api('GET', `/Contacts/search?criteria=${encodeURIComponent('(Last_Name:equals:佐藤)')}`))
      .status,
  ).toBe(204);
  expect((await emu.api('GET', '/Contacts/search?criteria=(Last_Name:sounds_like:x)')).body).toMatchObject({
    code: 'INVALID_QUERY',
  });
  expect((await emu.api('GET', '/Contacts/search')).body).toMatchObject({ code: 'REQUIRED_PARAM_MISSING' });
  expect(
    (
      await emu.api(
        'GET',
        `/Contacts/actions/count?criteria=${encodeURIComponent('(Last_Name:starts_with:石)')}`,
      )
    ).body,
  ).toEqual({ count: 2 });
  expect((await emu.api('GET', '/Accounts/actions/count')).body).toEqual({ count: 2 });
});

test('related lists of an account; values Zoho derives on write', async () => {
  const deal = await emu.api('POST', '/Deals', {
    data: [
      {
        Deal_Name: '基幹システム刷新 導入',
        Stage: 'Proposal/Price Quote',
        Amount: 20_000_000,
        Closing_Date: '2025-08-31',
        Account_Name: { id: A },
      },
    ],
    trigger: [],
  });
  const dealId = firstId(deal);
  const task = await emu.api('POST', '/Tasks', {
    data: [{ Subject: '提案書説明', What_Id: { id: A }, $se_module: 'Accounts', Status: 'In Progress' }],
    trigger: [],
  });
  const taskId = firstId(task);
  const related = await emu.api(
    'GET',
    `/Accounts/${A}/Deals?fields=Deal_Name,Stage,Probability,Expected_Revenue`,
  );
  expect(data(related)).toEqual([
    {
      Deal_Name: '基幹システム刷新 導入',
      Stage: 'Proposal/Price Quote',
      Probability: 75,
      Expected_Revenue: 15_000_000,
      id: dealId,
    },
  ]);
  expect(data(await emu.api('GET', `/Accounts/${A}/Tasks?fields=Subject,What_Id`))).toEqual([
    {
      Subject: '提案書説明',
      What_Id: { name: '千代田電機株式会社', id: A },
      $se_module: 'Accounts',
      id: taskId,
    },
  ]);
  expect((await emu.api('GET', `/Accounts/${B}/Deals?fields=Deal_Name`)).status).toBe(204);
  expect((await emu.api('GET', `/Accounts/${A}/Widgets?fields=Name`)).body).toMatchObject({
    code: 'INVALID_DATA',
  });

  emu.advance(60_000);
  await emu.api('PUT', `/Tasks/${taskId}`, { data: [{ Status: 'Completed' }], trigger: [] });
  const done = data(await emu.api('GET', `/Tasks/${taskId}`))[0];
  expect(done).toMatchObject({ Status: 'Completed', Closed_Time: expect.stringMatching(/\+09:00$/) });
  await emu.api('PUT', `/Deals/${dealId}`, { data: [{ Stage: 'Closed Won' }], trigger: [] });
  expect(data(await emu.api('GET', `/Deals/${dealId}?fields=Probability,Expected_Revenue`))[0]).toMatchObject(
    { Probability: 100, Expected_Revenue: 20_000_000 },
  );
});

test('delete by ids (per-record results) and the recycle bin with If-Modified-Since', async () => {
  emu.advance(60_000);
  const since = new Date(emu.clock).toISOString();
  emu.advance(1000);
  const del = await emu.api('DELETE', `/Contacts?ids=3652397000000400012,3652397000000999999`);
  expect(del.status).toBe(207);
  expect(data(del).map((r) => r.code)).toEqual(['SUCCESS', 'INVALID_DATA']);
  const bin = await emu.api('GET', '/Contacts/deleted?type=recycle');
  expect(data(bin)).toEqual([
    {
      deleted_by: { name: owner.name, id: owner.id },
      id: '3652397000000400012',
      display_name: '石川 綾',
      type: 'recycle',
      created_by: expect.any(Object),
      deleted_time: expect.any(String),
    },
  ]);
  expect((await emu.api('GET', '/Contacts/deleted', undefined, { 'If-Modified-Since': since })).status).toBe(
    200,
  );
  expect(
    (
      await emu.api('GET', '/Contacts/deleted', undefined, {
        'If-Modified-Since': new Date(emu.clock + 1000).toISOString(),
      })
    ).status,
  ).toBe(304);
  expect((await emu.api('DELETE', '/Contacts')).body).toMatchObject({
    code: 'REQUIRED_PARAM_MISSING',
    details: { param_name: 'ids' },
  });
});

test('/__emulator/reset gives a fresh org', async () => {
  await emu.api('POST', '/settings/fields?module=Accounts', {
    fields: [{ field_label: 'Tier', data_type: 'text' }],
  });
  await emu.admin('POST', '/reset');
  expect((await emu.admin('GET', '/summary')).body).toEqual({ records: {}, users: 1 });
  const fields = (await emu.api('GET', '/settings/fields?module=Accounts')).body as {
    fields: { api_name: string }[];
  };
  expect(fields.fields.some((f) => f.api_name === 'Tier')).toBe(false);
  expect(fields.fields.some((f) => f.api_name === 'Relationship_Stage')).toBe(true);
  expect((await emu.admin('GET', '/credits')).body).toMatchObject({ totals: { calls: 1 } });
});
