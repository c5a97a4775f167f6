/**
 * COQL over HTTP: the operators Zoho supports, lookup paths, ordering, LIMIT forms and the errors Zoho
 * gives (SYNTAX_ERROR with line/column/near or clause, INVALID_QUERY, LIMIT_EXCEEDED).
 */
import { TestEmulator } from './harness';

const A1 = '3652397000000700001';
const A2 = '3652397000000700002';
const stamp = (day: number) => `2025-05-${String(day).padStart(2, '0')}T09:00:00+09:00`;

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start({
    dataset: {
      Accounts: [
        {
          id: A1,
          Account_Name: '東邦精機株式会社',
          Industry: 'Manufacturing',
          Employees: 800,
          Created_Time: stamp(1),
          Modified_Time: stamp(1),
        },
        {
          id: A2,
          Account_Name: '青葉銀行株式会社',
          Industry: 'Financial Services',
          Employees: 5000,
          Created_Time: stamp(2),
          Modified_Time: stamp(9),
        },
      ],
      Deals: Array.from({ length: 30 }, (_, i) => ({
        id: String(3652397000000710000n + BigInt(i)),
        Deal_Name: `案件${String(i).padStart(2, '0')}`,
        Stage: i % 3 === 0 ? 'Closed Won' : 'Qualification',
        Amount: (i + 1) * 1_000_000,
        Closing_Date: `2025-${String((i % 12) + 1).padStart(2, '0')}-15`,
        Account_Name: {
          id: i % 2 === 0 ? A1 : A2,
          name: i % 2 === 0 ? '東邦精機株式会社' : '青葉銀行株式会社',
        },
        Created_Time: stamp(1 + (i % 20)),
        Modified_Time: stamp(1 + (i % 20)),
      })),
    },
  });
});
afterAll(async () => {
  await emu.stop();
});

async function coql(query: string) {
  return emu.api('POST', '/coql', { select_query: query });
}
const rows = (res: { body: unknown }) => (res.body as { data: Record<string, unknown>[] }).data;

test('comparators, in, between, like, is null and and/or with parentheses', async () => {
  const cases: [string, number][] = [
    ["select Deal_Name from Deals where Stage = 'Closed Won'", 10],
    ["select Deal_Name from Deals where Stage != 'Closed Won'", 20],
    ['select Deal_Name from Deals where Amount >= 25000000', 6],
    ['select Deal_Name from Deals where Amount between 5000000 and 9000000', 5],
    ["select Deal_Name from Deals where Stage in ('Closed Won', 'Closed Lost')", 10],
    ["select Deal_Name from Deals where Stage not in ('Closed Won')", 20],
    ["select Deal_Name from Deals where Deal_Name like '案件1%'", 10],
    ["select Deal_Name from Deals where Deal_Name not like '案件1%'", 20],
    ['select Deal_Name from Deals where Contact_Name is null', 30],
    [
      "select Deal_Name from Deals where (Stage = 'Closed Won' and Amount > 10000000) or Deal_Name = '案件01'",
      7,
    ],
    [
      "select Deal_Name from Deals where ((Stage = 'Closed Won' and Amount > 10000000) and Closing_Date >= '2025-06-01')",
      2,
    ],
    [`select Deal_Name from Deals where Account_Name = '${A1}'`, 15],
    ["select Deal_Name from Deals where Account_Name.Industry = 'Financial Services'", 15],
    ["select Deal_Name from Deals where Modified_Time > '2025-05-10T00:00:00+09:00'", 12],
  ];
  for (const [q, n] of cases) {
    const res = await coql(q);
    expect([q, res.status, (res.body as { info?: { count: number } } | null)?.info?.count]).toEqual([
      q,
      200,
      n,
    ]);
  }
});

test('rows carry the selected columns and id; lookups as { id }; dot paths under their dotted name', async () => {
  const res = await coql(
    "select Deal_Name, Account_Name, Account_Name.Account_Name, Owner, Modified_Time from Deals where Deal_Name = '案件03'",
  );
  expect(rows(res)).toEqual([
    {
      Deal_Name: '案件03',
      Account_Name: { id: A2 },
      'Account_Name.Account_Name': '青葉銀行株式会社',
      Owner: { id: '3652397000000186017' },
      Modified_Time: stamp(4),
      id: '3652397000000710003',
    },
  ]);
});

test('order by several columns; limit n offset m and limit m, n; more_records', async () => {
  const ordered = await coql(
    'select Deal_Name, Stage, Amount from Deals where id is not null order by Stage asc, Amount desc limit 3',
  );
  expect(rows(ordered).map((r) => r.Deal_Name)).toEqual(['案件27', '案件24', '案件21']);
  expect((ordered.body as { info: object }).info).toEqual({ count: 3, more_records: true });
  const a = await coql('select Deal_Name from Deals where id is not null order by id limit 5 offset 25');
  const b = await coql('select Deal_Name from Deals where id is not null order by id limit 25, 5');
  expect(rows(a)).toEqual(rows(b));
  expect(rows(a).map((r) => r.Deal_Name)).toEqual(['案件25', '案件26', '案件27', '案件28', '案件29']);
  expect((a.body as { info: { more_records: boolean } }).info.more_records).toBe(false);
});

test('keyset paging by Modified_Time and id visits every row once', async () => {
  const seen: string[] = [];
  let cursor = { time: '2000-01-01T00:00:00+00:00', id: '0' };
  for (;;) {
    const res = await coql(
      `select Deal_Name, Modified_Time from Deals where ((Modified_Time > '${cursor.time}') or (Modified_Time = '${cursor.time}' and id > ${cursor.id})) order by Modified_Time, id limit 7`,
    );
    if (res.status === 204) break;
    const page = rows(res);
    seen.push(...page.map((r) => String(r.id)));
    const last = page[page.length - 1] as { Modified_Time: string; id: string };
    cursor = { time: last.Modified_Time, id: last.id };
  }
  expect(seen).toHaveLength(30);
  expect(new Set(seen).size).toBe(30);
});

test('no match: 204 without a body', async () => {
  const res = await coql("select Deal_Name from Deals where Deal_Name = 'none'");
  expect(res.status).toBe(204);
  expect(res.text).toBe('');
});

test('syntax errors point at line and column', async () => {
  const res = await coql('select Deal_Name\nfrom Deals\nwhere Amount >> 3');
  expect(res.status).toBe(400);
  expect(res.body).toEqual({
    code: 'SYNTAX_ERROR',
    details: { line: 3, column: 15, near: '>' },
    message: expect.any(String),
    status: 'error',
  });
  expect((await coql('select Deal_Name from Deals')).body).toEqual({
    code: 'SYNTAX_ERROR',
    details: { clause: 'where' },
    message: 'missing clause',
    status: 'error',
  });
  expect((await coql('select * from Deals where id is not null')).body).toMatchObject({
    code: 'SYNTAX_ERROR',
    details: { line: 1, column: 8, near: '*' },
  });
  const three = await coql("select Deal_Name from Deals where Stage = 'a' and Amount > 1 and id is not null");
  expect(three.body).toMatchObject({ code: 'SYNTAX_ERROR', details: { near: 'and' } });
});

test('unknown columns and modules, bad operators and values: INVALID_QUERY', async () => {
  expect((await coql('select Nope from Deals where id is not null')).body).toMatchObject({
    code: 'INVALID_QUERY',
    details: { column_name: 'Nope' },
  });
  expect((await coql('select Name from Widgets where id is not null')).body).toMatchObject({
    code: 'INVALID_QUERY',
    details: { module: 'Widgets' },
  });
  expect((await coql("select Deal_Name from Deals where Deal_Name > 'a'")).body).toMatchObject({
    code: 'INVALID_QUERY',
    details: { reason: 'invalid operator found', operator: '>' },
  });
  expect((await coql("select Deal_Name from Deals where Amount = 'lots'")).body).toMatchObject({
    code: 'INVALID_QUERY',
    details: { column_name: 'Amount' },
  });
  expect((await coql("select Deal_Name from Deals where Description = 'x'")).body).toMatchObject({
    code: 'INVALID_QUERY',
    details: { column_name: 'Description' },
  });
});

test('LIMIT over 2,000 and reads past 10,000 rows: LIMIT_EXCEEDED', async () => {
  expect((await coql('select Deal_Name from Deals where id is not null limit 2001')).body).toMatchObject({
    code: 'LIMIT_EXCEEDED',
  });
  expect((await coql('select Deal_Name from Deals where id is not null limit 9900, 200')).body).toMatchObject(
    { code: 'LIMIT_EXCEEDED' },
  );
  expect((await coql('select Deal_Name from Deals where id is not null limit 200 offset 9800')).status).toBe(
    204,
  );
});

test('each value as Zoho gives it, with several columns read from a row at once: booleans, numbers, text with quotes and lines, empty lookups, missing fields', async () => {
  const made = await emu.api('POST', '/Contacts', {
    data: [
      {
        Last_Name: '山田 "QA"',
        Email_Opt_Out: true,
        Description: '一行目\n"二行目", {"not": "json"}',
        Account_Name: { id: A1 },
      },
      { Last_Name: '佐藤', Email_Opt_Out: false },
    ],
  });
  expect(made.status).toBe(201);
  const res = await coql(
    "select Last_Name, Email_Opt_Out, Description, Account_Name, Reporting_To, Title, Account_Name.Employees from Contacts where Last_Name in ('山田 \"QA\"', '佐藤') order by Last_Name asc",
  );
  expect(rows(res)).toEqual([
    {
      Last_Name: '佐藤',
      Email_Opt_Out: false,
      Description: null,
      Account_Name: null,
      Reporting_To: null,
      Title: null,
      'Account_Name.Employees': null,
      id: expect.stringMatching(/^\d+$/),
    },
    {
      Last_Name: '山田 "QA"',
      Email_Opt_Out: true,
      Description: '一行目\n"二行目", {"not": "json"}',
      Account_Name: { id: A1 },
      Reporting_To: null,
      Title: null,
      'Account_Name.Employees': 800,
      id: expect.stringMatching(/^\d+$/),
    },
  ]);
  // a single selected column (and the id): the same values
  const one = await coql("select Email_Opt_Out from Contacts where Last_Name = '佐藤'");
  expect(rows(one)).toEqual([{ Email_Opt_Out: false, id: expect.stringMatching(/^\d+$/) }]);
});
