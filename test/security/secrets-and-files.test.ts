/**
 * Secrets stay secret: nothing a sync run prints or writes — its logs at the most verbose level,
 * through retries, a token Zoho revokes mid-run, per-record failures and a refused refresh; the
 * Zoho SDK's own log and resource files — holds the client secret, the refresh token or an access
 * token. The state database (which must hold the access token) and the secret files are 0600 in
 * a 0700 directory, and are tightened again if someone loosened them.
 */
import { chmodSync, existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { metaSet, openStateDb } from '../../server/state/db';
import { persistentSecret } from '../../server/runtime/secrets';
import { startCrm, tempDir, type Crm } from '../support/crm-harness';
import { runSyncCli, type SyncCliResult } from '../support/sync-cli';

const CLIENT_ID = '1000.SECURITYTESTCLIENT';
const CLIENT_SECRET = 'client-secret-sec-9f8e7d6c5b4a';
const REFRESH_TOKEN = '1000.refresh-sec-0a1b2c3d4e5f.6a7b8c9d';
const WRONG_SECRET = 'wrong-secret-sec-1357924680';
/** The emulator's access tokens look like Zoho's: 1000.<32 hex>.<32 hex>. */
const ACCESS_TOKEN = /1000\.[0-9a-f]{32}\.[0-9a-f]{32}/;

let crm: Crm;
let stateDir: string;
const runs: SyncCliResult[] = [];

const cli = (secret = CLIENT_SECRET, full = false) =>
  runSyncCli({
    stateDir,
    crmUrl: crm.url,
    full,
    logLevel: 'trace',
    env: {
      ZOHO_CLIENT_ID: CLIENT_ID,
      ZOHO_CLIENT_SECRET: secret,
      ZOHO_REFRESH_TOKEN: REFRESH_TOKEN,
      ZOHO_API_BASE: crm.url,
      ZOHO_ACCOUNTS_URL: crm.url,
    },
  });

beforeAll(async () => {
  crm = await startCrm({
    accounts: 25,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    refreshToken: REFRESH_TOKEN,
  });
  stateDir = path.join(tempDir('sec-state-'), 'state');
  const ids = (await crm.records('Accounts')).slice(0, 2).map((a) => String(a.id));
  for (const fault of [
    { kind: '500', count: 2, match: { method: 'POST', pathPrefix: '/coql' } },
    { kind: 'invalid_token', count: 1, match: { method: 'PUT' } },
    { kind: '429', count: 1, match: { method: 'PUT' } },
    { recordFailures: { ids, code: 'INVALID_DATA', times: 1 } },
  ])
    await crm.admin('POST', '/faults', fault);
  runs.push(await cli(CLIENT_SECRET, true)); // a full run through retries, a revoked token, failed records
  await crm.admin('POST', '/tokens/expire');
  runs.push(await cli()); // refreshes the token, retries the failed records
  await crm.admin('POST', '/tokens/expire');
  runs.push(await cli(WRONG_SECRET)); // a refresh Zoho refuses
}, 180_000);

afterAll(async () => {
  await crm.stop();
  rmSync(path.dirname(stateDir), { recursive: true, force: true });
});

it('the runs went through the paths that log the most', () => {
  expect(runs.map((r) => [r.summary?.status, r.code])).toEqual([
    ['partial', 0],
    ['ok', 0],
    ['failed', 1],
  ]);
  expect(runs[0]?.summary?.retries).toBeGreaterThanOrEqual(2);
  expect(runs[2]?.summary?.error).toMatchObject({
    code: 'ZOHO_AUTH',
    message: expect.stringMatching(/refused/),
  });
  const lines = runs.flatMap((r) => r.stderr.split('\n')).filter(Boolean);
  expect(lines.length).toBeGreaterThan(20);
  expect(lines.some((l) => /"level":(10|20),/.test(l))).toBe(true); // debug and trace lines were written
});

describe('no secret in', () => {
  const secrets = [CLIENT_SECRET, REFRESH_TOKEN, WRONG_SECRET];

  it.each([0, 1, 2])('run %i’s output (stdout and stderr logs)', (i) => {
    const r = runs[i] as SyncCliResult;
    for (const text of [r.stderr, JSON.stringify(r.summary)]) {
      for (const s of secrets) expect(text).not.toContain(s);
      expect(text).not.toMatch(ACCESS_TOKEN);
    }
  });

  it('any file under STATE_DIR but the state database — the Zoho SDK’s log and resources included', () => {
    const files = walk(stateDir).filter((f) => !/service\.sqlite(-wal|-shm)?$/.test(f));
    expect(files.map((f) => path.relative(stateDir, f))).toContain(path.join('zoho-sdk', 'sdk.log'));
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      for (const s of secrets) expect({ f, leaked: text.includes(s) }).toEqual({ f, leaked: false });
      expect({ f, leaked: ACCESS_TOKEN.test(text) }).toEqual({ f, leaked: false });
    }
  });

  it('the state database: it keeps the access token, never the client secret or the refresh token', () => {
    const bytes = ['service.sqlite', 'service.sqlite-wal']
      .map((f) => path.join(stateDir, f))
      .filter(existsSync)
      .map((f) => readFileSync(f).toString('latin1'))
      .join('');
    for (const s of secrets) expect(bytes).not.toContain(s);
  });
});

describe('file modes', () => {
  const mode = (f: string) => (statSync(f).mode & 0o777).toString(8);

  it('STATE_DIR and the SDK folder are 0700; the database, its WAL and the SDK log are 0600', () => {
    expect(mode(stateDir)).toBe('700');
    expect(mode(path.join(stateDir, 'zoho-sdk'))).toBe('700');
    const db = openStateDb(stateDir); // the -wal and -shm files exist while it is open
    try {
      metaSet(db, 'security-test', 'x');
      for (const f of ['service.sqlite', 'service.sqlite-wal', 'service.sqlite-shm', 'zoho-sdk/sdk.log'])
        expect({ f, mode: mode(path.join(stateDir, f)) }).toEqual({ f, mode: '600' });
    } finally {
      db.close();
    }
  });

  it('a state database someone made world-readable is 0600 again once opened', () => {
    const dir = tempDir('sec-db-');
    openStateDb(dir).close();
    chmodSync(path.join(dir, 'service.sqlite'), 0o644);
    openStateDb(dir).close();
    expect(mode(path.join(dir, 'service.sqlite'))).toBe('600');
    rmSync(dir, { recursive: true, force: true });
  });

  it('the local API token and webhook secret files: created 0600, tightened back if loosened', () => {
    const dir = path.join(tempDir('sec-secret-'), 'state');
    const first = persistentSecret(dir, 'webhook-secret');
    expect(first).toMatch(/^[0-9a-f]{48}$/);
    expect(mode(dir)).toBe('700');
    expect(mode(path.join(dir, 'webhook-secret'))).toBe('600');
    chmodSync(path.join(dir, 'webhook-secret'), 0o644);
    expect(persistentSecret(dir, 'webhook-secret')).toBe(first);
    expect(mode(path.join(dir, 'webhook-secret'))).toBe('600');
    writeFileSync(path.join(dir, 'service-api-token'), 'f3a9c1e07b5d28469e0d1c2b3a4f5e6d7c8b9a0f1e2d3c4b', {
      mode: 0o666,
    });
    persistentSecret(dir, 'service-api-token');
    expect(mode(path.join(dir, 'service-api-token'))).toBe('600');
    rmSync(path.dirname(dir), { recursive: true, force: true });
  });
});

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}
