import { connectZoho, readPageLoad } from './zoho-gateway';

/** A stand-in for Zoho's SDK: PageLoad fires on init; API calls answer from `replies`. */
function fakeSdk(
  replies: Record<string, (arg: unknown) => Promise<unknown>>,
  pageLoad: unknown = { Entity: 'Accounts', EntityId: '42' },
) {
  let onLoad: ((d: unknown) => void) | undefined;
  const seen: { name: string; arg: unknown }[] = [];
  const api = Object.fromEntries(
    Object.entries(replies).map(([name, fn]) => [
      name,
      (arg: unknown) => (seen.push({ name, arg }), fn(arg)),
    ]),
  );
  return {
    seen,
    sdk: {
      embeddedApp: {
        on: (_: string, fn: (d: unknown) => void) => (onLoad = fn),
        init: () => {
          setTimeout(() => onLoad?.(pageLoad), 0);
          return Promise.resolve();
        },
      },
      CRM: { API: api, UI: { Resize: jest.fn().mockResolvedValue(true) } },
    },
  };
}

describe('readPageLoad', () => {
  it.each([
    [{ Entity: 'Accounts', EntityId: '3000000032096' }, ['3000000032096']],
    [{ Entity: 'Accounts', EntityId: ['1', '2'], ButtonPosition: 'ListView' }, ['1', '2']],
    [{ Entity: 'Accounts', EntityId: 3000000032096 }, ['3000000032096']],
    [{}, []],
    [null, []],
  ])('%j → %j', (data, ids) => {
    expect(readPageLoad(data).entityIds).toEqual(ids);
  });
});

describe('connectZoho', () => {
  it('refuses at once when the SDK is not on the page (opened outside Zoho)', async () => {
    await expect(connectZoho({ sdk: undefined })).rejects.toMatchObject({ code: 'NOT_IN_ZOHO' });
  });

  it('times out when no CRM host answers the handshake (the SDK would wait forever)', async () => {
    const sdk = {
      embeddedApp: { on: () => undefined, init: () => new Promise(() => undefined) },
      CRM: { API: {} },
    };
    await expect(connectZoho({ sdk, connectTimeoutMs: 20 })).rejects.toMatchObject({ code: 'NOT_IN_ZOHO' });
  });

  describe('a web tab: no PageLoad (Zoho fires it for entity pages only)', () => {
    const noPageLoad = () => ({
      embeddedApp: { on: () => undefined, init: () => Promise.resolve() },
      CRM: { API: { coql: async () => ({ data: [{ id: '7' }] }) } },
    });

    it('connects on init() alone when PageLoad is optional, and reads', async () => {
      const { gateway, page } = await connectZoho({ sdk: noPageLoad(), pageLoad: 'optional' });
      expect(page).toEqual({ entity: '', entityIds: [] });
      expect((await gateway.coql('select id from Accounts where id is not null')).data).toEqual([
        { id: '7' },
      ]);
    });

    it('still takes a PageLoad that came with init when optional', async () => {
      const { sdk } = fakeSdk({}, { Entity: 'WebTab', EntityId: '' });
      const early = {
        ...sdk,
        embeddedApp: {
          on: sdk.embeddedApp.on,
          init: () => {
            // the host's PageLoad arrives before init resolves
            const p = sdk.embeddedApp.init();
            return new Promise((r) => setTimeout(r, 5)).then(() => p);
          },
        },
      };
      expect((await connectZoho({ sdk: early, pageLoad: 'optional' })).page.entity).toBe('WebTab');
    });

    it('a record page without PageLoad still fails, in time, with NOT_IN_ZOHO', async () => {
      await expect(connectZoho({ sdk: noPageLoad(), connectTimeoutMs: 20 })).rejects.toMatchObject({
        code: 'NOT_IN_ZOHO',
        detail: expect.stringMatching(/no PageLoad/),
      });
    });

    it('an optional PageLoad does not wait past an init that never answers', async () => {
      const sdk = {
        embeddedApp: { on: () => undefined, init: () => new Promise(() => undefined) },
        CRM: { API: {} },
      };
      await expect(connectZoho({ sdk, pageLoad: 'optional', connectTimeoutMs: 20 })).rejects.toMatchObject({
        code: 'NOT_IN_ZOHO',
        detail: expect.stringMatching(/init/),
      });
    });
  });

  it('reads users pages (GET /users answers `users`, not `data`) and a 204 as none', async () => {
    const { sdk, seen } = fakeSdk({
      getAllUsers: async (arg) =>
        (arg as { page: number }).page === 1
          ? { users: [{ id: 'u1', full_name: '佐藤' }, 'junk'], info: { more_records: true } }
          : '',
    });
    const { gateway } = await connectZoho({ sdk });
    expect(await gateway.getUsers('ActiveUsers')).toEqual({
      data: [{ id: 'u1', full_name: '佐藤' }],
      more: true,
    });
    expect(await gateway.getUsers('ActiveUsers', 2)).toEqual({ data: [], more: false });
    expect(seen[0]).toEqual({ name: 'getAllUsers', arg: { Type: 'ActiveUsers', page: 1, per_page: 200 } });
  });

  it('a row without an id is a broken answer naming the call and the row, not a record to count', async () => {
    const { sdk } = fakeSdk({
      coql: async () => ({ data: [{ id: '1' }, { Deal_Name: 'no id' }], info: { more_records: false } }),
    });
    const { gateway } = await connectZoho({ sdk });
    await expect(gateway.coql('select id from Deals where id is not null')).rejects.toMatchObject({
      code: 'CRM_ERROR',
      detail: 'coql: row 1 of the answer has no id',
    });
  });

  it('reads COQL pages and treats a 204 (no body) as no rows', async () => {
    const { sdk } = fakeSdk({
      coql: async () => ({ data: [{ id: '1' }], info: { count: 1, more_records: true } }),
      searchRecord: async () => '',
    });
    const { gateway, page } = await connectZoho({ sdk });
    expect(page).toEqual({ entity: 'Accounts', entityIds: ['42'] });
    expect(await gateway.coql('select id from Accounts where id is not null')).toEqual({
      data: [{ id: '1' }],
      more: true,
    });
    expect(await gateway.searchRecords('Events', '(What_Id:equals:1)')).toEqual({ data: [], more: false });
  });

  it('lists records (GET records): by page, then by the page token the answer gave, never both', async () => {
    const { sdk, seen } = fakeSdk({
      getAllRecords: async (arg) =>
        (arg as { page_token?: string }).page_token
          ? { data: [{ id: '3' }], info: { more_records: false, next_page_token: null } }
          : { data: [{ id: '1' }, { id: '2' }], info: { more_records: true, next_page_token: 'tok-2' } },
    });
    const { gateway } = await connectZoho({ sdk });
    const fields = ['Account', 'Potential_Map'];
    const first = await gateway.listRecords('Account_Plans', { fields, order: 'desc', page: 1 });
    expect(first).toEqual({ data: [{ id: '1' }, { id: '2' }], more: true, nextPageToken: 'tok-2' });
    const next = await gateway.listRecords('Account_Plans', {
      fields,
      order: 'desc',
      page: 2,
      pageToken: 'tok-2',
    });
    expect(next).toEqual({ data: [{ id: '3' }], more: false, nextPageToken: null });
    expect(seen.map((s) => s.arg)).toEqual([
      {
        Entity: 'Account_Plans',
        fields: 'Account,Potential_Map',
        sort_by: 'id',
        sort_order: 'desc',
        per_page: 200,
        page: 1,
      },
      {
        Entity: 'Account_Plans',
        fields: 'Account,Potential_Map',
        sort_by: 'id',
        sort_order: 'desc',
        per_page: 200,
        page_token: 'tok-2',
      },
    ]);
  });

  it('times out a call that never answers', async () => {
    const { sdk } = fakeSdk({ coql: () => new Promise(() => undefined) });
    const { gateway } = await connectZoho({ sdk, callTimeoutMs: 20 });
    await expect(gateway.coql('select id from Accounts where id is not null')).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
  });

  it('maps an error envelope and a rejected call to CRM_ERROR with the vendor text', async () => {
    const { sdk } = fakeSdk({
      coql: async () => ({
        code: 'INVALID_QUERY',
        status: 'error',
        message: 'column given seems to be invalid',
      }),
      getRecord: () => Promise.reject({ code: 'NO_PERMISSION', message: 'permission denied' }),
    });
    const { gateway } = await connectZoho({ sdk });
    await expect(gateway.coql('x')).rejects.toEqual({
      code: 'CRM_ERROR',
      detail: 'coql: INVALID_QUERY: column given seems to be invalid',
    });
    await expect(gateway.getRecord('Accounts', '1')).rejects.toEqual({
      code: 'CRM_ERROR',
      detail: 'getRecord: NO_PERMISSION: permission denied',
    });
  });

  it('INVALID_DATA is a rejected write only for a write; for a read it is a CRM error', async () => {
    const invalid = () => Promise.reject({ code: 'INVALID_DATA', message: 'invalid data', status: 'error' });
    const { sdk } = fakeSdk({ searchRecord: invalid, updateRecord: invalid });
    const { gateway } = await connectZoho({ sdk });
    await expect(gateway.searchRecords('Events', '(x:equals:1)')).rejects.toEqual({
      code: 'CRM_ERROR',
      detail: 'searchRecord: INVALID_DATA: invalid data',
    });
    await expect(gateway.updateRecord('Contacts', { id: '7' })).rejects.toEqual({
      code: 'WRITE_REJECTED',
      detail: 'updateRecord: INVALID_DATA: invalid data',
    });
  });

  it('writes without triggering workflows and checks the per-record result inside a 2xx', async () => {
    const { sdk, seen } = fakeSdk({
      updateRecord: async () => ({ data: [{ code: 'SUCCESS', status: 'success', details: { id: '7' } }] }),
      insertRecord: async () => ({
        data: [
          {
            code: 'INVALID_DATA',
            status: 'error',
            message: 'invalid data',
            details: { api_name: 'Influence_Level' },
          },
        ],
      }),
    });
    const { gateway } = await connectZoho({ sdk });
    expect(await gateway.updateRecord('Contacts', { id: '7', Attitude: 'neutral' })).toBe('7');
    expect(seen[0]?.arg).toEqual({
      Entity: 'Contacts',
      APIData: { id: '7', Attitude: 'neutral' },
      Trigger: [],
    });
    await expect(gateway.insertRecord('Contacts', {})).rejects.toEqual({
      code: 'WRITE_REJECTED',
      detail: 'insertRecord: INVALID_DATA: invalid data: field Influence_Level',
    });
  });
});

describe('executeFunction', () => {
  const withFunctions = (execute: (name: string, config: { arguments: string }) => Promise<unknown>) => {
    const { sdk } = fakeSdk({});
    return { ...sdk, CRM: { ...sdk.CRM, FUNCTIONS: { execute } } };
  };

  it('sends the arguments as one JSON string and resolves with details.output', async () => {
    const execute = jest.fn().mockResolvedValue({
      code: 'success',
      details: { output: '{"results":[]}', output_type: 'string', id: 'u1' },
      message: 'function executed successfully',
    });
    const { gateway } = await connectZoho({ sdk: withFunctions(execute) });
    await expect(gateway.executeFunction('esm_read_batch', { requests: '[1]' })).resolves.toBe(
      '{"results":[]}',
    );
    expect(execute).toHaveBeenCalledWith('esm_read_batch', { arguments: '{"requests":"[1]"}' });
  });

  it.each([
    [
      'an error envelope',
      () => Promise.resolve({ code: 'INVALID_DATA', message: 'no such function', status: 'error' }),
    ],
    ['a rejection', () => Promise.reject({ code: 'INVALID_URL_PATTERN', message: 'not found' })],
    ['an answer without success', () => Promise.resolve({ code: 'failure', details: {} })],
  ])('maps %s to CRM_ERROR', async (_what, reply) => {
    const { gateway } = await connectZoho({ sdk: withFunctions(reply) });
    await expect(gateway.executeFunction('esm_read_batch', {})).rejects.toMatchObject({ code: 'CRM_ERROR' });
  });

  it('an SDK without FUNCTIONS is NOT_IN_ZOHO', async () => {
    const { sdk } = fakeSdk({});
    const { gateway } = await connectZoho({ sdk });
    await expect(gateway.executeFunction('esm_read_batch', {})).rejects.toMatchObject({
      code: 'NOT_IN_ZOHO',
    });
  });
});
