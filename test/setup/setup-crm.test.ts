/**
 * `npm run setup:crm` against a fresh org (the local CRM started `--bare`): it shows the plan,
 * creates every custom field and module through the API with --apply, and then finds nothing to do.
 * A sync runs on the org it set up.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { productCustomizations } from '../../server/crm-schema/product-fields';
import { planSetup } from '../../server/setup/plan';
import { openService, shippedConfig, startCrm, tempDir, type Crm } from '../support/crm-harness';

const ROOT = path.resolve(__dirname, '../..');
let crm: Crm;
let stateDir: string;

beforeAll(async () => {
  crm = await startCrm({ bare: true });
  stateDir = tempDir('setup-');
}, 30_000);
afterAll(() => crm.stop());

/** The CLI as its own process (asynchronously: the CRM it talks to runs in this one). */
function setup(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'server/cli/setup-crm.ts'), ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        STATE_DIR: stateDir,
        EMULATOR_URL: crm.url,
        ZOHO_CLIENT_ID: '',
        ZOHO_CLIENT_SECRET: '',
        ZOHO_REFRESH_TOKEN: '',
      },
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += String(d)));
  child.stderr.on('data', (d: Buffer) => (err += String(d)));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, out, err })));
}

it('plans every custom field and module of DESIGN §2 for a fresh org', () => {
  const steps = planSetup(productCustomizations(shippedConfig()), {
    modules: new Set(['Accounts', 'Contacts', 'Deals', 'Tasks', 'Events', 'Calls']),
    fields: new Map(),
  });
  const names = steps.map((s) =>
    s.kind === 'create_module'
      ? `module ${s.module.apiName}`
      : s.kind === 'create_field'
        ? `${s.module}.${s.field.apiName}`
        : s.kind,
  );
  expect(names).toEqual(
    expect.arrayContaining([
      'module Account_Plans',
      'module Relationship_Stage_History',
      'Contacts.Buying_Role',
      'Accounts.KPI_Contacts_Reached',
      'Accounts.Relationship_Stage',
      'Deals.Forecast_Risk',
      'Potential_Map.Potential_Amount',
      'Plan_Updates.Updated_On',
      'Calls.Activity_Kind',
    ]),
  );
  expect(names.filter((n) => n.startsWith('Accounts.KPI_'))).toHaveLength(14);
});

it('shows, applies, and then has nothing to do; the sync runs on the org it set up', async () => {
  const dry = await setup();
  expect({ code: dry.code, err: dry.err }).toEqual({ code: 0, err: '' });
  expect(dry.out).toMatch(/would do .*\n.*create module Account_Plans/);
  expect(dry.out).toMatch(/run with --apply/);
  const applied = await setup('--apply');
  expect(applied).toMatchObject({ code: 0, err: '' });
  expect(applied.out).toMatch(/done: 63 created, 0 failed, 0 to fix by hand/);
  expect((await setup()).out).toMatch(/^nothing to do/m);

  const fields = (await (
    await fetch(`${crm.url}/crm/v6/settings/fields?module=Accounts`, {
      headers: { Authorization: `Zoho-oauthtoken ${await token()}` },
    })
  ).json()) as { fields: { api_name: string; pick_list_values?: { actual_value: string }[] }[] };
  const stage = fields.fields.find((f) => f.api_name === 'Relationship_Stage');
  expect(stage?.pick_list_values?.map((v) => v.actual_value)).toEqual([
    '未着手',
    '接点構築',
    '課題共有',
    '共創提案',
    '経営巻き込み',
    '信頼定着',
    '社内展開',
    '社外展開',
  ]);

  const svc = await openService(crm);
  expect(await svc.sync({ trigger: 'test' })).toMatchObject({ status: 'ok' });
  svc.close();
}, 120_000);

async function token(): Promise<string> {
  const res = await fetch(`${crm.url}/oauth/v2/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: 'demo',
      client_secret: 'demo',
      refresh_token: 'demo',
    }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}
