/**
 * Metadata APIs and customising a fresh (`--bare`) org through them, as `npm run setup:crm` will:
 * create a custom module, its lookup and multi-line fields; the subform and its columns are added by
 * hand (the layout editor; here `/__emulator/subforms`); then use them in records, related lists and
 * COQL. Zoho's limits hold: module labels ≤ 25 characters, multi-line sizes, two subforms a module.
 */
import { TestEmulator } from './harness';

let emu: TestEmulator;
beforeAll(async () => {
  emu = await TestEmulator.start({ bare: true });
});
afterAll(async () => {
  await emu.stop();
});

type FieldJson = {
  api_name: string;
  data_type: string;
  json_type: string;
  custom_field: boolean;
  pick_list_values: {
    display_value: string;
    actual_value: string;
    probability?: number;
    forecast_category?: { name: string };
  }[];
  lookup: { module?: { api_name: string } };
  associated_module: { module: string } | null;
};
const fieldsOf = async (module: string) =>
  ((await emu.api('GET', `/settings/fields?module=${module}`)).body as { fields: FieldJson[] }).fields;

test('a bare org has the standard fields only; Deals.Stage carries Zoho’s 10 default stages', async () => {
  const accounts = await fieldsOf('Accounts');
  expect(accounts.some((f) => f.api_name === 'Relationship_Stage')).toBe(false);
  expect(accounts.find((f) => f.api_name === 'Parent_Account')).toMatchObject({
    data_type: 'lookup',
    json_type: 'jsonobject',
    custom_field: false,
    lookup: { module: { api_name: 'Accounts' } },
  });
  const stage = (await fieldsOf('Deals')).find((f) => f.api_name === 'Stage') as FieldJson;
  expect(stage.pick_list_values).toHaveLength(10);
  expect(stage.pick_list_values[0]).toMatchObject({
    display_value: 'Qualification',
    actual_value: 'Qualification',
    probability: 10,
    forecast_category: { name: 'Pipeline' },
  });
  expect(stage.pick_list_values.find((v) => v.display_value === 'Closed Won')).toMatchObject({
    probability: 100,
  });
  const modules = (
    (await emu.api('GET', '/settings/modules')).body as {
      modules: { api_name: string; generated_type: string }[];
    }
  ).modules;
  expect(modules.map((m) => m.api_name)).not.toContain('Account_Plans');
  const me = (await emu.api('GET', '/users?type=CurrentUser')).body as {
    users: { id: string; profile: { name: string } }[];
  };
  expect(me.users[0]?.profile.name).toBe('Administrator');
  expect((await emu.api('GET', '/settings/fields')).body).toMatchObject({
    code: 'REQUIRED_PARAM_MISSING',
    details: { param_name: 'module' },
  });
});

test('creating a custom module with a lookup, multi-line and subform fields, then using it (subform rows with their record; COQL over the subform module refused)', async () => {
  const profiles = ((await emu.api('GET', '/settings/profiles')).body as { profiles: { id: string }[] })
    .profiles;
  const noProfiles = await emu.api('POST', '/settings/modules', {
    modules: [{ singular_label: 'Account Plan', plural_label: 'Account Plans' }],
  });
  expect(noProfiles.body).toEqual({
    modules: [
      expect.objectContaining({
        code: 'MANDATORY_NOT_FOUND',
        details: { api_name: 'profiles', json_path: '$.modules[0].profiles' },
      }),
    ],
  });
  const created = await emu.api('POST', '/settings/modules', {
    modules: [
      {
        singular_label: 'Account Plan',
        plural_label: 'Account Plans',
        api_name: 'Account_Plans',
        profiles: [{ id: profiles[0]?.id }],
      },
    ],
  });
  expect(created.status).toBe(201);
  expect(created.body).toEqual({
    modules: [
      {
        code: 'SUCCESS',
        details: { id: expect.stringMatching(/^\d+$/) },
        message: 'module created',
        status: 'success',
      },
    ],
  });
  const again = await emu.api('POST', '/settings/modules', {
    modules: [
      {
        singular_label: 'X',
        plural_label: 'Y',
        api_name: 'Account_Plans',
        profiles: [{ id: profiles[0]?.id }],
      },
    ],
  });
  expect(again.status).toBe(400);

  const fields = await emu.api('POST', '/settings/fields?module=Account_Plans', {
    fields: [
      { field_label: 'Account', data_type: 'lookup', lookup: { module: { api_name: 'Accounts' } } },
      { field_label: 'Company Overview', data_type: 'textarea', length: 32000, textarea: { type: 'large' } },
      { field_label: 'Potential Map', data_type: 'subform' },
      { field_label: 'Company Overview', data_type: 'textarea' },
      { field_label: 'Broken', data_type: 'hologram' },
      // Without textarea.type a multi-line field is small: 2,000 characters at most.
      { field_label: 'Strategy', data_type: 'textarea', length: 32000 },
      { field_label: 'Strategy', data_type: 'textarea', textarea: { type: 'huge' } },
    ],
  });
  expect(fields.status).toBe(207);
  const codes = (fields.body as { fields: { code: string; message: string }[] }).fields;
  expect(codes.map((f) => f.code)).toEqual([
    'SUCCESS',
    'SUCCESS',
    'INVALID_DATA',
    'DUPLICATE_DATA',
    'INVALID_DATA',
    'INVALID_DATA',
    'INVALID_DATA',
  ]);
  expect(codes[2]?.message).toMatch(/layout editor/);
  expect((await fieldsOf('Account_Plans')).find((f) => f.api_name === 'Company_Overview')).toMatchObject({
    length: 32000,
  });

  const byHand = await fetch(`${emu.url}/__emulator/subforms`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      module: 'Account_Plans',
      subform: { field_label: 'Potential Map' },
      columns: [
        { field_label: 'Segment', data_type: 'text' },
        { field_label: 'Potential Amount', data_type: 'currency' },
      ],
    }),
  });
  expect(byHand.status).toBe(201);
  // The columns of a subform are not added through the API either.
  const column = await emu.api('POST', '/settings/fields?module=Potential_Map', {
    fields: [{ field_label: 'Offering', data_type: 'text' }],
  });
  expect(column.status).toBe(400);

  const planFields = await fieldsOf('Account_Plans');
  expect(planFields.find((f) => f.api_name === 'Potential_Map')).toMatchObject({
    data_type: 'subform',
    json_type: 'jsonarray',
    associated_module: { module: 'Potential_Map' },
  });
  expect(planFields.find((f) => f.api_name === 'Account')).toMatchObject({
    custom_field: true,
    lookup: { module: { api_name: 'Accounts' } },
  });
  const related = (
    (await emu.api('GET', '/settings/related_lists?module=Accounts')).body as {
      related_lists: { api_name: string; href: string }[];
    }
  ).related_lists;
  expect(related.find((r) => r.api_name === 'Account_Plans')).toMatchObject({
    href: 'Accounts/{ENTITYID}/Account_Plans',
  });

  const account = await emu.api('POST', '/Accounts', {
    data: [{ Account_Name: '錦食品株式会社' }],
    trigger: [],
  });
  const accountId = (account.body as { data: { details: { id: string } }[] }).data[0]?.details.id as string;
  const plan = await emu.api('POST', '/Account_Plans', {
    data: [
      {
        Name: '錦食品 プラン',
        Account: { id: accountId },
        Company_Overview: '老舗',
        Potential_Map: [
          { Segment: '製造部', Potential_Amount: 5_000_000 },
          { Segment: '物流部', Potential_Amount: 2_000_000 },
        ],
      },
    ],
    trigger: [],
  });
  expect(plan.status).toBe(201);
  const planId = (plan.body as { data: { details: { id: string } }[] }).data[0]?.details.id as string;

  const viaRelated = await emu.api('GET', `/Accounts/${accountId}/Account_Plans?fields=Name,Potential_Map`);
  expect(viaRelated.body).toMatchObject({
    data: [
      { id: planId, Name: '錦食品 プラン', Potential_Map: [{ Segment: '製造部' }, { Segment: '物流部' }] },
    ],
    info: { count: 1, more_records: false },
  });
  // the rows come with their record (GET records, related lists); COQL over the subform module is refused
  const listed = await emu.api(
    'GET',
    '/Account_Plans?fields=Account,Potential_Map&sort_by=id&sort_order=asc',
  );
  expect(listed.body).toMatchObject({
    data: [{ id: planId, Potential_Map: [{ Segment: '製造部' }, { Segment: '物流部' }] }],
  });
  const rows = await emu.api('POST', '/coql', {
    select_query: `select Segment, Potential_Amount, Parent_Id from Potential_Map where Parent_Id = '${planId}' order by Potential_Amount`,
  });
  expect(rows).toMatchObject({
    status: 400,
    body: { code: 'INVALID_QUERY', details: { module: 'Potential_Map' }, status: 'error' },
  });

  const keep = ((
    (await emu.api('GET', `/Account_Plans/${planId}`)).body as { data: { Potential_Map: { id: string }[] }[] }
  ).data[0]?.Potential_Map ?? [])[1]?.id;
  await emu.api('PUT', `/Account_Plans/${planId}`, {
    data: [{ Potential_Map: [{ id: keep, Potential_Amount: 2_500_000 }] }],
    trigger: [],
  });
  const after = await emu.api('GET', `/Account_Plans/${planId}`);
  expect(after.body).toMatchObject({
    data: [{ Potential_Map: [{ Segment: '物流部', Potential_Amount: 2_500_000, id: keep }] }],
  });
  expect(((after.body as { data: { Potential_Map: unknown[] }[] }).data[0]?.Potential_Map ?? []).length).toBe(
    1,
  );
});

test('module labels longer than 25 characters, or with other than letters, numbers and spaces, are refused', async () => {
  const profiles = ((await emu.api('GET', '/settings/profiles')).body as { profiles: { id: string }[] })
    .profiles;
  const create = (singular: string, plural: string) =>
    emu.api('POST', '/settings/modules', {
      modules: [{ singular_label: singular, plural_label: plural, profiles: [{ id: profiles[0]?.id }] }],
    });
  const long = await create('Stage History Entry', 'Relationship Stage History');
  expect(long.status).toBe(400);
  expect(long.body).toEqual({
    modules: [
      expect.objectContaining({
        code: 'INVALID_DATA',
        details: { api_name: 'plural_label', json_path: '$.modules[0].plural_label', maximum_length: 25 },
      }),
    ],
  });
  expect((await create('Stage/History', 'Stage Histories')).status).toBe(400);
  expect((await create('ステージ履歴 Entry', 'Stage History')).status).toBe(201);
});

test('a module holds at most two subforms (Enterprise)', async () => {
  const add = (label: string) =>
    fetch(`${emu.url}/__emulator/subforms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ module: 'Account_Plans', subform: { field_label: label }, columns: [] }),
    });
  // Account_Plans has Potential Map from the test above.
  expect((await add('Plan Updates')).status).toBe(201);
  const third = await add('Third Subform');
  expect(third.status).toBe(400);
  expect(await third.json()).toEqual({ fields: [expect.objectContaining({ code: 'LIMIT_EXCEEDED' })] });
});
