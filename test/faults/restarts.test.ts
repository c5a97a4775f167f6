/**
 * Zoho's token rule against real restarts (issue 12): a refresh token mints at most ten access tokens
 * in ten minutes, and the local CRM enforces it. Here the service (`server/main.ts`, as `npm start`
 * runs it against a Zoho org) starts as twelve separate processes in a row on one state directory,
 * each until it answers /healthz, then is stopped. Every start succeeds, and together they mint one
 * access token: each start finds the token the first one kept in the state database (no refresh
 * storm; the eleventh start would otherwise be refused). In the fault suite: twelve process starts
 * take tens of seconds.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startCrm, tempDir, type Crm } from '../support/crm-harness';

const ROOT = path.resolve(__dirname, '..', '..');
const STARTS = 12;

let crm: Crm;
beforeAll(async () => {
  crm = await startCrm({ accounts: 20 });
});
afterAll(() => crm.stop());

interface Start {
  code: number | null;
  healthz: number | null;
  stderr: string;
}

/** One `npm start` against the CRM as a Zoho org: up until /healthz answers, then SIGTERM. */
function startOnce(stateDir: string): Promise<Start> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      STATE_DIR: stateDir,
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ZOHO_API_BASE: crm.url,
      ZOHO_ACCOUNTS_URL: crm.url,
      ZOHO_CLIENT_ID: 'demo',
      ZOHO_CLIENT_SECRET: 'demo',
      ZOHO_REFRESH_TOKEN: 'demo',
      SERVICE_API_TOKEN: 'restart-test-token-0123456789abcdef',
      WEBHOOK_SECRET: 'restart-test-secret-0123456789abcdef',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let healthz: number | null = null;
  let asked = false;
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    stdout += d.toString();
    const base = /service\s+(http:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1];
    if (!base || asked) return;
    asked = true;
    void fetch(`${base}/healthz`)
      .then((r) => (healthz = r.status))
      .catch(() => (healthz = -1))
      .finally(() => child.kill('SIGTERM'));
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, healthz, stderr })));
}

it('twelve service processes started in a row mint one access token, and every start succeeds', async () => {
  await crm.admin('POST', '/reset');
  const stateDir = tempDir('restarts-');
  const starts: Start[] = [];
  for (let i = 0; i < STARTS; i++) starts.push(await startOnce(stateDir));
  expect(starts.map((s) => [s.code, s.healthz, s.stderr])).toEqual(
    Array.from({ length: STARTS }, () => [0, 200, expect.not.stringMatching(/error|Access Denied/i)]),
  );
  expect((await crm.admin('GET', '/tokens')).body).toMatchObject({ issued: 1, refused: 0, blocked: false });
});
