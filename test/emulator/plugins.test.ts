/**
 * The generic emulator knows Zoho only: started without plug-ins it is a bare Zoho org (standard
 * modules, no CRM functions, no workflow), and what a product adds — org settings, a CRM function,
 * a workflow rule, an admin's customisation — comes in as a plug-in.
 */
import { createHmac } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startEmulator, type RunningEmulator } from '../../server/local/emulator/emulator';
import { createField } from '../../server/local/emulator/metadata/create';
import type { EmulatorPlugin } from '../../server/local/emulator/plugins';

let dir: string;
let emu: RunningEmulator | null = null;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'emu-plugins-'));
});
afterEach(async () => {
  await emu?.close();
  emu = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

async function call(method: string, p: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const url = emu?.url ?? '';
  const token = (
    (await (
      await fetch(
        `${url}/oauth/v2/token?grant_type=refresh_token&client_id=demo&client_secret=demo&refresh_token=demo`,
        { method: 'POST' },
      )
    ).json()) as { access_token: string }
  ).access_token;
  const res = await fetch(`${url}${p}`, {
    method,
    headers: {
      ...(p.startsWith('/crm') ? { Authorization: `Zoho-oauthtoken ${token}` } : {}),
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
}

async function receiver(): Promise<{
  url: string;
  got: { headers: http.IncomingHttpHeaders; raw: string }[];
  close(): Promise<void>;
}> {
  const got: { headers: http.IncomingHttpHeaders; raw: string }[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
    req.on('end', () => {
      got.push({ headers: req.headers, raw });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    got,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

test('without plug-ins: a bare Zoho org — standard modules, no functions, no workflow deliveries', async () => {
  emu = await startEmulator({ port: 0, stateDir: dir });
  const modules = (await call('GET', '/crm/v6/settings/modules')).body as { modules: { api_name: string }[] };
  const names = modules.modules.map((m) => m.api_name);
  expect(names).toEqual(
    expect.arrayContaining(['Accounts', 'Contacts', 'Deals', 'Tasks', 'Events', 'Calls']),
  );
  expect(emu.org.catalog.modules.filter((m) => m.generatedType !== 'default')).toEqual([]);
  const fields = (await call('GET', '/crm/v6/settings/fields?module=Accounts')).body as {
    fields: { custom_field: boolean }[];
  };
  expect(fields.fields.filter((f) => f.custom_field)).toEqual([]);
  expect((await call('GET', '/__emulator/functions')).body).toEqual({ installed: [] });
  expect(
    await call('POST', '/crm/v6/functions/esm_read_batch/actions/execute', { arguments: {} }),
  ).toMatchObject({
    status: 400,
    body: { code: 'INVALID_DATA', details: { api_name: 'esm_read_batch' } },
  });
  const hook = await receiver();
  await call('POST', '/__emulator/webhooks', { url: hook.url, secret: 's' });
  expect(
    (await call('POST', '/crm/v6/Accounts', { data: [{ Account_Name: '若松運輸株式会社' }] })).status,
  ).toBe(201);
  await emu.ctx.webhooks.idle();
  expect(hook.got).toEqual([]);
  expect((await call('GET', '/crm/v6/org')).body).toMatchObject({ org: [{ currency: 'JPY' }] });
  await hook.close();
});

test('plug-ins bring settings, a function, a workflow rule and an admin’s set-up (again after a reset)', async () => {
  const prepared: number[] = [];
  const plugin: EmulatorPlugin = {
    name: 'probe',
    functions: {
      count_accounts: {
        async run(args, invoke) {
          const page = await invoke('GET', '/crm/v6/Accounts?fields=Account_Name');
          return JSON.stringify({
            label: args.label,
            rows: (page.json as { data?: unknown[] } | null)?.data?.length ?? 0,
          });
        },
      },
    },
    workflow: {
      modules: () => ['Accounts'],
      payload: (e) => ({
        deliveryId: `probe-${e.seq}`,
        module: e.module,
        recordId: e.recordId,
        op: e.operation,
      }),
    },
    prepare(org) {
      prepared.push(org.store.countsByModule().Accounts ?? 0);
      const accounts = org.catalog.module('Accounts');
      if (accounts && !org.catalog.field(accounts, 'Tier')) {
        createField(org.catalog, accounts, { field_label: 'Tier', data_type: 'text' }, 0, org.now());
        org.saveCatalog();
      }
    },
  };
  emu = await startEmulator({ port: 0, stateDir: dir, plugins: [plugin], org: { currency: 'USD' } });
  expect((await call('GET', '/crm/v6/org')).body).toMatchObject({
    org: [{ currency: 'USD', iso_code: 'USD' }],
  });
  expect((await call('GET', '/__emulator/functions')).body).toEqual({ installed: ['count_accounts'] });
  const hook = await receiver();
  await call('POST', '/__emulator/webhooks', { url: hook.url, secret: 'sec' });
  expect(
    (await call('POST', '/crm/v6/Accounts', { data: [{ Account_Name: '若松運輸株式会社', Tier: 'A' }] }))
      .status,
  ).toBe(201);
  await emu.ctx.webhooks.idle();
  expect(hook.got.map((g) => JSON.parse(g.raw) as unknown)).toEqual([
    { deliveryId: 'probe-1', module: 'Accounts', recordId: expect.any(String), op: 'create' },
  ]);
  const [delivery] = hook.got;
  expect(delivery?.headers['x-signature']).toBe(
    createHmac('sha256', 'sec')
      .update(`${String(delivery?.headers['x-timestamp'])}.${delivery?.raw ?? ''}`)
      .digest('hex'),
  );
  const run = (await call('POST', '/crm/v6/functions/count_accounts/actions/execute', {
    arguments: { label: 'x' },
  })) as { body: { details: { output: string } } };
  expect(JSON.parse(run.body.details.output)).toEqual({ label: 'x', rows: 1 });
  const stored = (await call('GET', '/__emulator/records/Accounts')).body as {
    data: Record<string, unknown>[];
  };
  expect(stored.data[0]?.Tier).toBe('A');

  await call('POST', '/__emulator/reset');
  expect(prepared).toEqual([0, 0]);
  const accounts = emu.org.catalog.module('Accounts');
  expect(accounts && emu.org.catalog.field(accounts, 'Tier')).toBeDefined();
  await hook.close();
});
