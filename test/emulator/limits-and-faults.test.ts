/**
 * The daily credit budget and the concurrency cap (both 429 TOO_MANY_REQUESTS), Zoho's
 * X-API-CREDITS-REMAINING header, and faults injected on demand.
 */
import { TestEmulator } from './harness';

const ACCOUNT = '3652397000000800001';
const dataset = {
  Accounts: [
    { id: ACCOUNT, Account_Name: '双葉電機株式会社' },
    { id: '3652397000000800002', Account_Name: '楓物産株式会社' },
  ],
};

describe('credit budget', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await TestEmulator.start({ dataset, creditsPerDay: 6, tokenTtlSeconds: 7 * 86_400 });
  });
  afterAll(async () => {
    await emu.stop();
  });

  test('answers 429 once the rolling 24-hour budget is spent, and again after the window moves', async () => {
    const get = () => emu.api('GET', '/Accounts?fields=Account_Name');
    const headers: (string | null)[] = [];
    for (let i = 0; i < 3; i += 1) headers.push((await get()).headers.get('x-api-credits-remaining'));
    expect(headers).toEqual([null, null, '3']);
    const coql = await emu.api('POST', '/coql', {
      select_query: 'select Account_Name from Accounts where id is not null limit 1000',
    });
    expect(coql.status).toBe(200);
    expect(coql.headers.get('x-api-credits-remaining')).toBe('1');
    const expensive = await emu.api('POST', '/coql', {
      select_query: 'select Account_Name from Accounts where id is not null limit 2000',
    });
    expect(expensive.status).toBe(429);
    expect(expensive.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', status: 'error' });
    expect((await get()).status).toBe(200);
    const over = await get();
    expect(over.status).toBe(429);
    expect(over.headers.get('x-api-credits-remaining')).toBe('0');
    emu.advance(24 * 3600 * 1000 + 1000);
    expect((await get()).status).toBe(200);
  });
});

describe('concurrency and faults', () => {
  let emu: TestEmulator;
  beforeAll(async () => {
    emu = await TestEmulator.start({ dataset, concurrency: 2 });
    await emu.accessToken();
  });
  afterAll(async () => {
    await emu.stop();
  });
  afterEach(async () => {
    await emu.admin('DELETE', '/faults');
  });

  test('a call beyond the concurrency cap gets 429 while two are in flight', async () => {
    await emu.admin('POST', '/faults', {
      kind: 'timeout',
      count: 2,
      delayMs: 1000,
      match: { pathPrefix: '/Accounts' },
    });
    const slow = [
      emu.api('GET', '/Accounts?fields=Account_Name'),
      emu.api('GET', '/Accounts?fields=Account_Name'),
    ];
    // Both are held inside the emulator (however slow the machine) before the third is made.
    while (emu.emu.ctx.held.size < 2) await new Promise((r) => setTimeout(r, 5));
    const third = await emu.api('GET', `/Accounts/${ACCOUNT}`);
    expect(third.status).toBe(429);
    expect(third.body).toMatchObject({ code: 'TOO_MANY_REQUESTS', details: { reason: 'concurrency' } });
    expect((await Promise.all(slow)).map((r) => r.status)).toEqual([200, 200]);
    expect((await emu.api('GET', `/Accounts/${ACCOUNT}`)).status).toBe(200);
  });

  test('the next N matching calls answer 500, then calls succeed; other paths are untouched', async () => {
    const added = await emu.admin('POST', '/faults', {
      kind: '500',
      count: 2,
      match: { method: 'GET', pathPrefix: '/Accounts' },
    });
    expect(added.status).toBe(201);
    expect(
      (
        await emu.api('POST', '/coql', {
          select_query: 'select Account_Name from Accounts where id is not null',
        })
      ).status,
    ).toBe(200);
    const statuses = [];
    for (let i = 0; i < 3; i += 1)
      statuses.push((await emu.api('GET', '/Accounts?fields=Account_Name')).status);
    expect(statuses).toEqual([500, 500, 200]);
  });

  test('invalid_token and 429 faults answer in Zoho envelopes', async () => {
    await emu.admin('POST', '/faults', { kind: 'invalid_token', count: 1 });
    await emu.admin('POST', '/faults', { kind: '429', count: 1 });
    const first = await emu.api('GET', '/Accounts?fields=Account_Name');
    const second = await emu.api('GET', '/Accounts?fields=Account_Name');
    expect([first.status, (first.body as { code: string }).code]).toEqual([401, 'INVALID_TOKEN']);
    expect([second.status, (second.body as { code: string }).code]).toEqual([429, 'TOO_MANY_REQUESTS']);
    expect(((await emu.admin('GET', '/faults')).body as { calls: unknown[] }).calls).toEqual([]);
  });

  test('a timeout without delay never answers; the client gives up', async () => {
    await emu.admin('POST', '/faults', { kind: 'timeout', count: 1 });
    const res = emu.api('GET', '/Accounts?fields=Account_Name', undefined, {});
    const outcome = await Promise.race([
      res.then(() => 'answered'),
      new Promise((r) => setTimeout(() => r('pending'), 300)),
    ]);
    expect(outcome).toBe('pending');
    emu.emu.ctx.held.forEach((release) => release());
    await expect(res).rejects.toThrow();
  });

  test('record failures make chosen ids fail inside a good batch (207)', async () => {
    await emu.admin('POST', '/faults', {
      recordFailures: { ids: [ACCOUNT], code: 'INVALID_DATA', times: 1 },
    });
    const body = {
      data: [
        { id: ACCOUNT, Rating: 'Active' },
        { id: '3652397000000800002', Rating: 'Active' },
      ],
      trigger: [],
    };
    const first = await emu.api('PUT', '/Accounts', body);
    expect(first.status).toBe(207);
    expect((first.body as { data: { code: string }[] }).data.map((r) => r.code)).toEqual([
      'INVALID_DATA',
      'SUCCESS',
    ]);
    const again = await emu.api('PUT', '/Accounts', body);
    expect(again.status).toBe(200);
  });
});
