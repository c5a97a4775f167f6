/**
 * Zoho's error envelopes and limits over plain HTTP: `{ code, details, message, status: "error" }` for
 * call-level errors, `{ data: [ … ] }` for record-level ones.
 */
import { TestEmulator } from './harness';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start();
});
afterAll(async () => {
  await emu.stop();
});

const envelope = (code: string, details: object = expect.any(Object)) => ({
  code,
  details,
  message: expect.any(String),
  status: 'error',
});

test('GET records without fields: 400 REQUIRED_PARAM_MISSING; 51 fields: LIMIT_EXCEEDED', async () => {
  const missing = await emu.api('GET', '/Accounts');
  expect(missing.status).toBe(400);
  expect(missing.body).toEqual(envelope('REQUIRED_PARAM_MISSING', { param_name: 'fields' }));
  const fields = Array.from({ length: 51 }, (_, i) => `F${i}`).join(',');
  const many = await emu.api('GET', `/Accounts?fields=${fields}`);
  expect(many.body).toEqual(envelope('LIMIT_EXCEEDED', { limit: 50, param_name: 'fields' }));
});

test('per_page over 200 is refused; an empty module answers 204 without a body', async () => {
  const big = await emu.api('GET', '/Accounts?fields=Account_Name&per_page=500');
  expect(big.status).toBe(400);
  expect(big.body).toEqual(envelope('INVALID_DATA', expect.objectContaining({ param_name: 'per_page' })));
  const empty = await emu.api('GET', '/Accounts?fields=Account_Name');
  expect(empty.status).toBe(204);
  expect(empty.text).toBe('');
  expect(empty.headers.get('content-type')).toBeNull();
});

test('101 records in one write: 400 LIMIT_EXCEEDED inside data', async () => {
  const data = Array.from({ length: 101 }, (_, i) => ({ Account_Name: `会社${i}` }));
  const res = await emu.api('POST', '/Accounts', { data });
  expect(res.status).toBe(400);
  expect(res.body).toEqual({ data: [envelope('LIMIT_EXCEEDED', { maximum_length: 100, api_name: 'data' })] });
  expect((await emu.records('Accounts')).length).toBe(0);
});

test('per-record errors: wrong type, unknown picklist value, missing mandatory field, unknown lookup id', async () => {
  const res = await emu.api('POST', '/Accounts', {
    data: [
      { Account_Name: 123 },
      { Account_Name: 'A社', Industry: '宇宙' },
      { Industry: 'Retail' },
      { Account_Name: 'B社', Parent_Account: { id: '3652397000999999999' } },
      { Account_Name: 'C社', Employees: 10 },
    ],
  });
  expect(res.status).toBe(207);
  const [typeErr, picklist, mandatory, lookup, ok] = (res.body as { data: object[] }).data;
  expect(typeErr).toEqual(
    envelope('INVALID_DATA', {
      expected_data_type: 'text',
      api_name: 'Account_Name',
      json_path: '$.data[0].Account_Name',
    }),
  );
  expect(picklist).toEqual(
    envelope('INVALID_DATA', { api_name: 'Industry', json_path: '$.data[1].Industry' }),
  );
  expect(mandatory).toEqual(
    envelope('MANDATORY_NOT_FOUND', { api_name: 'Account_Name', json_path: '$.data[2].Account_Name' }),
  );
  expect(lookup).toEqual(envelope('INVALID_DATA', expect.objectContaining({ api_name: 'Parent_Account' })));
  expect(ok).toEqual(
    expect.objectContaining({ code: 'SUCCESS', status: 'success', message: 'record added' }),
  );
});

test('unknown module, malformed JSON, unknown URL, wrong method', async () => {
  expect((await emu.api('GET', '/Widgets?fields=Name')).body).toEqual(envelope('INVALID_MODULE'));
  const malformed = await emu.api('POST', '/Accounts', '{"data": [');
  expect(malformed.status).toBe(400);
  expect(malformed.body).toEqual(envelope('INVALID_DATA'));
  const url = await emu.api('GET', '/crm/v9/Accounts');
  expect(url.status).toBe(404);
  expect(url.body).toEqual(envelope('INVALID_URL_PATTERN', {}));
  const method = await emu.api('PATCH', '/Accounts', { data: [] });
  expect(method.status).toBe(400);
  expect(method.body).toEqual(envelope('INVALID_REQUEST_METHOD', {}));
});

test('no token: 401 AUTHENTICATION_FAILURE; an unknown one: 401 INVALID_TOKEN', async () => {
  const none = await fetch(`${emu.url}/crm/v6/Accounts?fields=Account_Name`);
  expect(none.status).toBe(401);
  expect(await none.json()).toEqual(envelope('AUTHENTICATION_FAILURE', {}));
  const bad = await emu.api('GET', '/Accounts?fields=Account_Name', undefined, {
    Authorization: 'Zoho-oauthtoken 1000.nope',
  });
  expect(bad.status).toBe(401);
  expect(bad.body).toEqual(envelope('INVALID_TOKEN', {}));
});

test('the token endpoint answers Zoho Accounts errors for wrong credentials', async () => {
  const post = (body: string) =>
    fetch(`${emu.url}/oauth/v2/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body,
    }).then((r) => r.json());
  expect(await post('grant_type=refresh_token&client_id=x&client_secret=demo&refresh_token=demo')).toEqual({
    error: 'invalid_client',
  });
  expect(await post('grant_type=refresh_token&client_id=demo&client_secret=demo&refresh_token=old')).toEqual({
    error: 'invalid_code',
  });
  const ok = await post('grant_type=refresh_token&client_id=demo&client_secret=demo&refresh_token=demo');
  expect(ok).toEqual({
    access_token: expect.stringMatching(/^1000\./),
    scope: expect.any(String),
    api_domain: emu.url,
    token_type: 'Bearer',
    expires_in: 3600,
  });
});

test('an expired access token gets 401 INVALID_TOKEN', async () => {
  await emu.admin('POST', '/tokens/expire');
  const res = await emu.api('GET', '/Accounts?fields=Account_Name');
  expect(res.status).toBe(401);
  expect((res.body as { code: string }).code).toBe('INVALID_TOKEN');
});
