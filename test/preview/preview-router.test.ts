/**
 * The preview host against the local Zoho CRM (emulator in-process): the widget page is served with
 * Zoho's CDN SDK swapped for the shim, SDK calls become Zoho REST calls, and calls are counted per
 * widget page load.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import type { RunningEmulator } from '../../server/local/emulator/emulator';
import { startLocalCrm } from '../../server/local/plugins/local-crm';
import { createPreviewRouter } from '../../server/local/widget-host/router';

const ACCOUNT = '4876876000000900001';
let emulator: RunningEmulator;
let server: http.Server;
let base: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'es-preview-test-'));
  const app = path.join(dir, 'app');
  mkdirSync(path.join(app, 'assets'), { recursive: true });
  writeFileSync(
    path.join(app, 'account.html'),
    '<html><head><script src="https://live.zwidgets.com/js-sdk/1.2/ZohoEmbededAppSDK.min.js"></script></head><body></body></html>',
  );
  writeFileSync(path.join(app, 'assets', 'a.js'), 'console.log(1)');
  emulator = await startLocalCrm({
    port: 0,
    stateDir: path.join(dir, 'state'),
    reset: true,
    dataset: { Accounts: [{ id: ACCOUNT, Account_Name: '<b>テスト</b>商事' }] },
  });
  const web = express();
  web.use(
    '/preview',
    createPreviewRouter({
      crmBaseUrl: emulator.url,
      accountsUrl: emulator.url,
      clientId: 'demo',
      clientSecret: 'demo',
      refreshToken: 'demo',
      appDir: app,
      shimFile: path.join(dir, 'missing-shim.js'),
    }),
  );
  server = http.createServer(web);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/preview`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A call straight to the local CRM's REST API (with a token of the demo client): the reply's text. */
async function crmText(method: string, pathname: string, body: unknown): Promise<string> {
  const token = (await (
    await fetch(
      `${emulator.url}/oauth/v2/token?grant_type=refresh_token&client_id=demo&client_secret=demo&refresh_token=demo`,
      { method: 'POST' },
    )
  ).json()) as { access_token: string };
  const res = await fetch(`${emulator.url}${pathname}`, {
    method,
    headers: { authorization: `Zoho-oauthtoken ${token.access_token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return res.text();
}

/** Zoho's reply body, loosely: records, a per-record write result, or an error envelope. */
interface Reply {
  data: Record<string, unknown>[];
  code?: string;
  status?: string;
}

const sdk = (op: string, arg: unknown, load = 'load-0001-abcd') =>
  fetch(`${base}/api/sdk`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-preview-load': load },
    body: JSON.stringify({ op, arg }),
  }).then(async (r) => ({ status: r.status, json: (await r.json()) as { ok: boolean; body: Reply } }));

test('serves the built widget with the shim instead of Zoho’s CDN script', async () => {
  const html = await (await fetch(`${base}/widget/account.html`)).text();
  expect(html).toContain('<script src="../shim/zoho-shim.js"></script>');
  expect(html).not.toContain('live.zwidgets.com');
  expect((await fetch(`${base}/widget/assets/a.js`)).status).toBe(200);
  const shim = await fetch(`${base}/shim/zoho-shim.js`);
  expect([shim.status, await shim.text()]).toEqual([
    503,
    `${path.join(dir, 'missing-shim.js')} is missing: run \`npm run build\``,
  ]);
});

test('the host page lists the accounts, escaped, and frames the widget for the chosen one', async () => {
  const html = await (await fetch(`${base}/?account=${ACCOUNT}`)).text();
  expect(html).toContain('&#60;b&#62;テスト&#60;/b&#62;商事');
  expect(html).not.toContain('<b>テスト');
  expect(html).toContain(`src="/preview/widget/account.html?entity=Accounts&#38;entityId=${ACCOUNT}"`);
});

test('SDK calls become Zoho REST calls, counted per page load; errors keep Zoho’s envelope', async () => {
  const coql = await sdk('coql', {
    select_query: `select id, Account_Name from Accounts where id = '${ACCOUNT}'`,
  });
  expect(coql.json.ok).toBe(true);
  expect(coql.json.body.data).toEqual([{ id: ACCOUNT, Account_Name: '<b>テスト</b>商事' }]);
  // the CRM's reply is relayed as it came: the same JSON as Zoho's REST answer, not re-encoded
  const direct = await crmText('POST', '/crm/v6/coql', {
    select_query: `select id, Account_Name from Accounts where id = '${ACCOUNT}'`,
  });
  const relayed = await (
    await fetch(`${base}/api/sdk`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        op: 'coql',
        arg: { select_query: `select id, Account_Name from Accounts where id = '${ACCOUNT}'` },
      }),
    })
  ).text();
  expect(relayed).toBe(`{"ok":true,"status":200,"body":${direct}}`);
  const empty = await sdk('searchRecord', {
    Entity: 'Events',
    Type: 'criteria',
    Query: `(What_Id:equals:${ACCOUNT})`,
  });
  expect(empty.json).toEqual({ ok: true, status: 204, body: '' });
  const bad = await sdk('coql', { select_query: 'select Nope from Accounts where id is not null' });
  expect(bad.json.ok).toBe(false);
  expect(bad.json.body).toMatchObject({ code: 'INVALID_QUERY', status: 'error' });
  const upd = await sdk('updateRecord', {
    Entity: 'Accounts',
    APIData: { id: ACCOUNT, Industry: 'Retail' },
    Trigger: [],
  });
  expect(upd.json.body.data[0]).toMatchObject({ code: 'SUCCESS', status: 'success' });
  const load = (await (await fetch(`${base}/api/loads/load-0001-abcd`)).json()) as {
    count: number;
    calls: { op: string }[];
  };
  expect(load.count).toBe(4);
  expect(load.calls.map((c) => c.op)).toEqual(['coql', 'searchRecord', 'coql', 'updateRecord']);
  expect((await sdk('deleteRecord', { Entity: 'Accounts', RecordID: ACCOUNT })).status).toBe(400);
});

test('the manager’s web tab: a host page without a record, the built page with the shim, users through the SDK', async () => {
  const host = await (await fetch(`${base}/portfolio`)).text();
  // Like Zoho's web tabs, no PageLoad unless asked for (?pageload=1).
  expect(host).toContain('src="/preview/widget/portfolio.html?entity=WebTab&#38;pageload=none"');
  expect(await (await fetch(`${base}/portfolio?pageload=1`)).text()).toContain(
    'src="/preview/widget/portfolio.html?entity=WebTab"',
  );
  expect(host).toContain('class="active">営業ポートフォリオ');
  const missing = await fetch(`${base}/widget/portfolio.html`);
  expect([missing.status, await missing.text()]).toEqual([
    503,
    `${path.join(dir, 'app', 'portfolio.html')} is missing: run \`npm run build\``,
  ]);
  const users = await sdk('getAllUsers', { Type: 'ActiveUsers', page: 1, per_page: 200 });
  expect(users.json.ok).toBe(true);
  expect((users.json.body as unknown as { users: unknown[] }).users.length).toBeGreaterThan(0);
});
