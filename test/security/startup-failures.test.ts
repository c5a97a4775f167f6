/**
 * Fail loudly, exit cleanly (issue 13): `npm start` that cannot start — its port taken, its state
 * database damaged, a weak secret — prints one clear error and exits non-zero, so a supervisor sees
 * it and restarts it; it used to print the error and live on (the config watcher and the CRM
 * connection kept it alive). Run in credential mode against an emulator, as a real deployment is.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { startCrm, tempDir, type Crm } from '../support/crm-harness';

const ROOT = path.resolve(__dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const STRONG = 'a3f9c1e07b5d28469e0d1c2b3a4f5e6d7c8b9a0f';
let crm: Crm;

beforeAll(async () => {
  crm = await startCrm({ accounts: 2 });
});
afterAll(() => crm.stop());

/** Run `npm start`'s entry; resolve with its exit code, or 'still running' after 40 s (then kill it). */
function start(env: Record<string, string>): Promise<{ code: number | string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(TSX, [path.join(ROOT, 'server/main.ts')], {
      cwd: ROOT,
      detached: true, // its own process group, so a hung start is killed whole (tsx runs node under it)
      env: {
        ...process.env,
        DEBUG: '',
        LOG_LEVEL: 'warn',
        ZOHO_CLIENT_ID: 'demo',
        ZOHO_CLIENT_SECRET: 'demo',
        ZOHO_REFRESH_TOKEN: 'demo',
        ZOHO_API_BASE: crm.url,
        ZOHO_ACCOUNTS_URL: crm.url,
        SERVICE_API_TOKEN: STRONG,
        HOST: '127.0.0.1',
        PORT: '0',
        ...env,
      },
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
      resolve({ code: 'still running', stderr });
    }, 40_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 'killed', stderr });
    });
  });
}

it('the port is in use: a clear error and exit 1', async () => {
  const blocker = net.createServer().listen(0, '127.0.0.1');
  await new Promise((r) => blocker.once('listening', r));
  const port = (blocker.address() as AddressInfo).port;
  try {
    const r = await start({ PORT: String(port), STATE_DIR: path.join(tempDir('start-port-'), 'state') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`error: port ${port} is in use: stop the other process or set PORT`));
  } finally {
    blocker.close();
  }
}, 60_000);

it('the state database is damaged: a clear error with what to do, and exit 1', async () => {
  const stateDir = tempDir('start-corrupt-');
  writeFileSync(path.join(stateDir, 'service.sqlite'), Buffer.alloc(8192, 'garbage!'));
  const r = await start({ STATE_DIR: stateDir });
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(
    /error: the state database .*service\.sqlite is damaged .*Move it .*aside to start over/,
  );
  expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
}, 60_000);

it.each([
  ['SERVICE_API_TOKEN', ''],
  ['WEBHOOK_SECRET', 'secret'.repeat(8)],
])(
  '%s=%j: refused at start, exit 1',
  async (name, value) => {
    const r = await start({ [name]: value, STATE_DIR: path.join(tempDir('start-weak-'), 'state') });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`error: ${name} is too weak: `));
  },
  60_000,
);
