/**
 * The service over HTTP: a signed webhook call queues its account (the attacks on the webhook are in
 * test/security/webhook.test.ts); our own write-back never fires the CRM's workflow webhook again; the
 * API wants its bearer token; secrets never reach a log line.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateDemoDataset } from '../../server/local/datasets/demo/generate';
import { DEFAULT_CONFIG_PATH } from '../../server/config/load-config';
import { createApp } from '../../server/http/app';
import { ConfigHolder } from '../../server/config/config-holder';
import { createLogger } from '../../server/runtime/logger';
import { SyncRunner } from '../../server/schedule/runner';
import type { SyncService } from '../../server/sync/sync-service';
import { sign } from '../../server/http/webhook';
import { AS_OF, captureLogs, openService, startCrm, tempDir, type Crm } from '../support/crm-harness';

const SECRET = 'whsec-test-5f1c2a9e7b3d';
const API_TOKEN = 'api-token-test-8d2e4f6a0c1b';
const CLIENT_SECRET = 'client-secret-test-0a9b8c7d';
const REFRESH_TOKEN = 'refresh-token-test-1e2d3c4b';

let crm: Crm;
let svc: SyncService;
let server: http.Server;
let base: string;
let runner: SyncRunner;
let configFile: string;
let holder: ConfigHolder;
const { stream, capture } = captureLogs();
const receivedByTestHook: string[] = [];
/** The service checks webhook timestamps against this clock: the wall clock, or the CRM's when it sends. */
let clock = () => Date.now();
let hookServer: http.Server;

beforeAll(async () => {
  crm = await startCrm({
    dataset: generateDemoDataset({ asOf: AS_OF }),
    clientSecret: CLIENT_SECRET,
    refreshToken: REFRESH_TOKEN,
  });
  const log = createLogger({
    level: 'debug',
    destination: stream,
    secrets: [SECRET, API_TOKEN, CLIENT_SECRET, REFRESH_TOKEN],
  });
  configFile = path.join(tempDir('cfg-'), 'sales-process.yaml');
  copyFileSync(DEFAULT_CONFIG_PATH, configFile);
  holder = ConfigHolder.load(configFile, log);
  svc = await openService(crm, {
    log,
    config: holder.current,
    connection: {
      apiBase: crm.url,
      tokenUrl: `${crm.url}/oauth/v2/token`,
      clientId: 'demo',
      clientSecret: CLIENT_SECRET,
      refreshToken: REFRESH_TOKEN,
    },
  });
  holder.onChange((c) => svc.setConfig(c));
  runner = new SyncRunner(svc, log, { debounceMs: 50, maxWaitMs: 200 });
  const app = createApp({
    service: svc,
    runner,
    config: holder,
    log,
    apiToken: API_TOKEN,
    webhookSecret: SECRET,
    ready: () => true,
    now: () => clock(),
  });
  server = http.createServer(app).listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A second listener stands in for the webhook URL, so we can count what the CRM's workflow sends.
  hookServer = http
    .createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += String(c)));
      req.on('end', () => {
        receivedByTestHook.push(body);
        res.writeHead(202).end();
      });
    })
    .listen(0, '127.0.0.1');
  await new Promise((r) => hookServer.once('listening', r));
  crm.emu.ctx.webhooks.register({
    url: `http://127.0.0.1:${(hookServer.address() as AddressInfo).port}/hooks/zoho`,
    secret: SECRET,
  });
}, 60_000);

afterAll(async () => {
  await runner.stop();
  server.closeAllConnections();
  server.close();
  hookServer.close();
  svc.close();
  await crm.stop();
});

function post(body: string, headers: Record<string, string>) {
  return fetch(`${base}/hooks/zoho`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
}

function signed(body: string, ts = Math.floor(Date.now() / 1000), secret = SECRET) {
  return { 'X-Timestamp': String(ts), 'X-Signature': sign(secret, String(ts), body) };
}

const accountId = () => svc.mirror.accountIds()[0] as string;
const payload = (o: Record<string, unknown> = {}) =>
  JSON.stringify({
    deliveryId: `d-${Math.random()}`,
    module: 'Tasks',
    recordId: '123',
    operation: 'update',
    accountId: accountId(),
    ...o,
  });

describe('our write-back', () => {
  it('does not fire the CRM workflow webhook again (trigger: [])', async () => {
    const run = await svc.sync({ trigger: 'test', full: true });
    expect(run.status).toBe('ok');
    expect(run.written + run.dealsWritten).toBeGreaterThan(0);
    await crm.emu.ctx.webhooks.idle(); // every delivery the writes caused has been made
    expect(receivedByTestHook).toEqual([]);
  }, 60_000);
});

describe('POST /hooks/zoho', () => {
  beforeEach(() => svc.state.clearDirty(svc.state.dirtyAccounts()));

  it('accepts a signed, fresh call at once and queues that account', async () => {
    const body = payload();
    const res = await post(body, signed(body));
    expect(res.status).toBe(202);
    // Answered before the recompute: the account is queued, not yet done.
    expect(svc.state.dirtyAccounts()).toEqual([accountId()]);
    await runner.idle(); // the debounced run starts and ends
    expect(runner.lastSummary?.trigger).toBe('webhook Tasks');
  });

  // Forged, stale, replayed, oversized and malformed calls: test/security/webhook.test.ts.

  it('is what the CRM workflow sends: a change made without trigger: [] reaches us signed and verified', async () => {
    const tasks = await crm.records('Tasks');
    const t = tasks.find((x) => x.$se_module === 'Accounts') as Record<string, unknown>;
    receivedByTestHook.length = 0;
    const token = await svc.tokens.accessToken();
    await fetch(`${crm.url}/crm/v6/Tasks`, {
      method: 'PUT',
      headers: { Authorization: `Zoho-oauthtoken ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: [{ id: t.id, Subject: '勉強会（日程変更）' }] }),
    });
    await crm.emu.ctx.webhooks.idle();
    expect(receivedByTestHook).toHaveLength(1);
    const delivered = JSON.parse(receivedByTestHook[0] as string) as { accountId: string };
    expect(delivered.accountId).toBe((t.What_Id as { id: string }).id);
  });
});

describe('the CRM workflow webhook, end to end', () => {
  it('a rep editing a deal in the CRM: the signed delivery is accepted and that account is recomputed', async () => {
    crm.emu.ctx.webhooks.clear();
    crm.emu.ctx.webhooks.register({ url: `${base}/hooks/zoho`, secret: SECRET });
    clock = () => crm.emu.org.now(); // the test CRM's clock runs behind the wall clock
    svc.state.clearDirty(svc.state.dirtyAccounts());
    const deal = (await crm.records('Deals'))[0] as Record<string, unknown>;
    const token = await svc.tokens.accessToken();
    await fetch(`${crm.url}/crm/v6/Deals`, {
      method: 'PUT',
      headers: { Authorization: `Zoho-oauthtoken ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: [{ id: deal.id, Amount: 4_321_000 }] }),
    });
    await crm.emu.ctx.webhooks.idle();
    const deliveries = (crm.emu.ctx.webhooks.list() as { deliveries: { status: number }[] }).deliveries;
    expect(deliveries.map((d) => d.status)).toEqual([202]);
    await runner.idle(); // the debounced run starts and ends
    expect(runner.lastSummary).toMatchObject({ trigger: 'webhook Deals', status: 'ok' });
    expect(svc.state.dirtyAccounts()).toEqual([]);
    clock = () => Date.now();
  });
});

describe('the API', () => {
  it('wants the bearer token', async () => {
    expect((await fetch(`${base}/api/sync/status`)).status).toBe(401);
    expect(
      (await fetch(`${base}/api/sync/status`, { headers: { Authorization: 'Bearer wrong' } })).status,
    ).toBe(401);
    const ok = await fetch(`${base}/api/sync/status`, { headers: { Authorization: `Bearer ${API_TOKEN}` } });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({
      running: expect.any(Boolean),
      lastRuns: expect.any(Array),
      pendingAccounts: expect.any(Number),
    });
  });

  it('serves an account insight computed from the synced data', async () => {
    const res = await fetch(`${base}/api/accounts/${accountId()}/insight`, {
      headers: { Authorization: `Bearer ${API_TOKEN}` },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ accountId: accountId(), kpis: expect.any(Object) });
    expect(
      (await fetch(`${base}/api/accounts/999/insight`, { headers: { Authorization: `Bearer ${API_TOKEN}` } }))
        .status,
    ).toBe(404);
    expect(
      (await fetch(`${base}/api/accounts/abc/insight`, { headers: { Authorization: `Bearer ${API_TOKEN}` } }))
        .status,
    ).toBe(400);
  });

  it('health and readiness need no token', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });
});

describe('config changes on a running service', () => {
  it('a bad config is refused and the last good one keeps working', async () => {
    const good = holder.current;
    writeFileSync(configFile, 'version: 1\nstages: [oops\n');
    expect(holder.reload()).toBe(false);
    expect(holder.current).toBe(good);
    expect(holder.lastError).toMatch(/sales-process\.yaml:\d+:\d+: .*YAML syntax/);
    const status = (await (
      await fetch(`${base}/api/sync/status`, { headers: { Authorization: `Bearer ${API_TOKEN}` } })
    ).json()) as { configError: string };
    expect(status.configError).toMatch(/YAML syntax/);
    expect((await svc.sync({ trigger: 'test' })).status).toBe('ok');
    copyFileSync(DEFAULT_CONFIG_PATH, configFile);
    expect(holder.reload()).toBe(true);
  });

  it('an alias bomb saved while it runs is refused too, and the status says so without the install path', async () => {
    const good = holder.current;
    let bomb = 'l0: &l0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 1; i <= 8; i++)
      bomb += `l${i}: &l${i} [${Array(9)
        .fill(`*l${i - 1}`)
        .join(',')}]\n`;
    writeFileSync(configFile, `${readFileSync(DEFAULT_CONFIG_PATH, 'utf8')}\n${bomb}`);
    expect(holder.reload()).toBe(false);
    expect(holder.current).toBe(good);
    const ready = (await (await fetch(`${base}/readyz`)).json()) as { configError: string };
    expect(ready.configError).toMatch(/refused; the last good config is still in use/);
    expect(ready.configError).not.toMatch(/sales-process\.yaml|:\d+:\d+/);
    const status = (await (
      await fetch(`${base}/api/sync/status`, { headers: { Authorization: `Bearer ${API_TOKEN}` } })
    ).json()) as { configError: string };
    expect(status.configError).toMatch(
      /\nsales-process\.yaml:\d+:\d+: \(root\): YAML aliases expand too much/,
    );
    expect(status.configError).not.toContain(path.dirname(configFile));
    expect((await svc.sync({ trigger: 'test' })).status).toBe('ok');
    copyFileSync(DEFAULT_CONFIG_PATH, configFile);
    expect(holder.reload()).toBe(true);
    expect((await (await fetch(`${base}/readyz`)).json()) as unknown).toMatchObject({ configError: null });
  });
});

describe('logs', () => {
  it('hold no secret: client secret, refresh and access tokens, webhook secret, API token', async () => {
    const accessToken = await svc.tokens.accessToken();
    const text = capture.text();
    expect(capture.lines.length).toBeGreaterThan(10); // debug logging of full runs and requests
    for (const secret of [CLIENT_SECRET, REFRESH_TOKEN, accessToken, SECRET, API_TOKEN])
      expect(text).not.toContain(secret);
  });
});
