/**
 * Faults the sync must survive with the same end state as an undisturbed run: per-record failures,
 * 429 bursts, 500s, timeouts, an access token Zoho stops accepting mid-run, and a process killed
 * during a write batch.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { openService, serviceState, startCrm, tempDir, AS_OF, type Crm } from './harness';

const ACCOUNTS = 150;
let reference: Awaited<ReturnType<typeof serviceState>>;

beforeAll(async () => {
  const crm = await startCrm({ accounts: ACCOUNTS });
  const svc = await openService(crm);
  const run = await svc.sync({ trigger: 'reference' });
  expect(run).toMatchObject({ status: 'ok', failed: 0 });
  reference = await serviceState(crm);
  svc.close();
  await crm.stop();
}, 120_000);

describe('when 3 records of a batch of 100 fail', () => {
  let crm: Crm;
  afterAll(() => crm.stop());

  it('the other 97 are applied, the 3 are reported, and the next run writes them', async () => {
    crm = await startCrm({ accounts: ACCOUNTS });
    const svc = await openService(crm);
    const ids = (await crm.records('Accounts')).slice(10, 13).map((r) => String(r.id));
    expect(
      (await crm.admin('POST', '/faults', { recordFailures: { ids, code: 'INVALID_DATA', times: 1 } }))
        .status,
    ).toBe(201);
    const first = await svc.sync({ trigger: 'test' });
    expect(first).toMatchObject({ status: 'partial', failed: 3 });
    expect(first.failures.map((f) => f.accountId).sort()).toEqual([...ids].sort());
    expect(first.failures[0]).toMatchObject({ code: 'INVALID_DATA' });
    expect(
      svc.state
        .failures()
        .map((f) => f.accountId)
        .sort(),
    ).toEqual([...ids].sort());
    const second = await svc.sync({ trigger: 'test' });
    expect(second).toMatchObject({ status: 'ok', failed: 0, written: 3 });
    expect(await serviceState(crm)).toEqual(reference);
    svc.close();
  }, 120_000);
});

describe('429 bursts, 500s, a timeout and a rejected token mid-run', () => {
  let crm: Crm;
  afterAll(() => crm.stop());

  it('are survived with the same end state as a fault-free run', async () => {
    crm = await startCrm({ accounts: ACCOUNTS });
    const svc = await openService(crm, { timeoutMs: 1500 });
    for (const fault of [
      { kind: '429', count: 3, match: { pathPrefix: '/coql' } },
      { kind: '500', count: 2, match: { method: 'POST', pathPrefix: '/coql' } },
      { kind: 'timeout', count: 1, match: { pathPrefix: '/coql' } },
      { kind: 'invalid_token', count: 1, match: { method: 'PUT' } },
      { kind: '429', count: 4, match: { method: 'PUT' } },
      { kind: '500', count: 3, match: { method: 'GET', pathPrefix: '/Events' } },
    ]) {
      expect((await crm.admin('POST', '/faults', fault)).status).toBe(201);
    }
    const run = await svc.sync({ trigger: 'test' });
    expect(run).toMatchObject({ status: 'ok', failed: 0 });
    expect(run.retries).toBeGreaterThanOrEqual(6);
    expect(svc.gateway.calls.meter.tokenRefreshes).toBe(1);
    expect(((await crm.admin('GET', '/faults')).body as { calls: unknown[] }).calls).toEqual([]); // every fault was met
    expect(await serviceState(crm)).toEqual(reference);
    svc.close();
  }, 120_000);
});

describe('an access token that expired between runs', () => {
  it('is refreshed once, and the run carries on', async () => {
    const crm = await startCrm({ accounts: 20 });
    const svc = await openService(crm);
    expect(await svc.sync({ trigger: 'test' })).toMatchObject({ status: 'ok' });
    expect(((await crm.admin('POST', '/tokens/expire')).body as { expired: number }).expired).toBeGreaterThan(
      0,
    );
    const run = await svc.sync({ trigger: 'test', full: true });
    expect(run).toMatchObject({ status: 'ok', written: 0 });
    expect(svc.gateway.calls.meter.tokenRefreshes).toBe(1);
    expect(svc.tokens.refreshes).toBe(2); // the first token, and one refresh — not one per call
    svc.close();
    await crm.stop();
  }, 60_000);
});

describe('a process killed during a write batch', () => {
  let crm: Crm;
  afterAll(() => crm.stop());

  function syncProcess(stateDir: string) {
    const root = path.resolve(__dirname, '../..');
    return spawn(
      path.join(root, 'node_modules/.bin/tsx'),
      [path.join(root, 'server/cli/sync.ts'), '--once', '--json', '--as-of', new Date(AS_OF).toISOString()],
      {
        cwd: root,
        env: {
          ...process.env,
          STATE_DIR: stateDir,
          EMULATOR_URL: crm.url,
          ZOHO_CLIENT_ID: '',
          ZOHO_CLIENT_SECRET: '',
          ZOHO_REFRESH_TOKEN: '',
          LOG_LEVEL: 'error',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true, // its own process group: tsx runs the script in a child process, and both must die
      },
    );
  }

  it('and started again ends in the same CRM state as an undisturbed run, with no history written twice', async () => {
    crm = await startCrm({ accounts: ACCOUNTS });
    const stateDir = tempDir('svc-');
    // Accounts go through; the first deal batch never gets an answer: the process is stuck mid-write.
    await crm.admin('POST', '/faults', {
      kind: 'timeout',
      count: 1,
      match: { method: 'PUT', pathPrefix: '/Deals' },
    });
    const child = syncProcess(stateDir);
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += String(d)));
    for (let i = 0; i < 600; i++) {
      const pending = ((await crm.admin('GET', '/faults')).body as { calls: unknown[] }).calls.length;
      if (pending === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const writtenBeforeKill = (await crm.records('Accounts')).filter(
      (a) => a.Relationship_Stage != null,
    ).length;
    const exited = new Promise((r) => child.once('exit', r));
    process.kill(-(child.pid as number), 'SIGKILL');
    await exited;
    expect(out).toBe(''); // it never finished
    expect(writtenBeforeKill).toBe(ACCOUNTS); // the account batches were written before the kill
    expect((await crm.records('Relationship_Stage_History')).length).toBe(0); // history comes after deals

    const again = syncProcess(stateDir);
    let summary = '';
    let errors = '';
    again.stdout.on('data', (d: Buffer) => (summary += String(d)));
    again.stderr.on('data', (d: Buffer) => (errors += String(d)));
    const code = await new Promise((r) => again.once('exit', r));
    expect({ code, errors }).toEqual({ code: 0, errors: '' });
    expect(JSON.parse(summary)).toMatchObject({ status: 'ok', failed: 0 });
    expect(await serviceState(crm)).toEqual(reference);
  }, 180_000);
});
