/**
 * The fault suite (`npm run test:faults`): on ≥ 500 accounts, a sync hit by 429 bursts, 500s,
 * timeouts, an access token Zoho stops accepting, per-record failures inside good batches, calls
 * whose answer is lost after Zoho applied them, and a process killed during a write batch ends in
 * the CRM state a fault-free run leaves — with no record written more often than the fault-free run
 * wrote it, except where a call's answer was lost (the retry writes the same values again).
 */
import { rmSync } from 'node:fs';
import type { WriteSnapshot } from '../../server/local/emulator/write-log';
import { RUN_AS_OF_ISO, serviceState, tempDir, type Crm } from '../support/crm-harness';
import { awaitSyncCli, killSyncCli, startSyncCli } from '../support/sync-cli';
import { until } from '../support/until';
import {
  ACCOUNTS,
  extraWrites,
  faultCrm,
  faultsSettled,
  openSync,
  printReport,
  reference,
  report,
  unexplained,
  writeLog,
  type CrmState,
} from './harness';

let ref: { state: CrmState; writes: WriteSnapshot };

beforeAll(async () => {
  ref = await reference();
  expect(Object.keys(ref.state.accounts)).toHaveLength(ACCOUNTS);
});

afterAll(() => printReport());

/** The end state equals the fault-free one; extra writes are only those of calls whose answer was lost. */
async function expectSameAsFaultFree(crm: Crm): Promise<string[]> {
  await faultsSettled(crm);
  expect(await serviceState(crm)).toEqual(ref.state);
  const got = await writeLog(crm);
  // Inserted records (stage history, the alert tasks) get ids in the order of the inserts, which a
  // fault reorders: they are compared by how many were created, not by id.
  const inserted = ['Relationship_Stage_History', 'Tasks'];
  const extra = extraWrites(ref.writes, got).filter((e) => !inserted.includes(e.module));
  expect(unexplained(extra, got)).toEqual([]);
  const created = (w: WriteSnapshot) => w.totals.Relationship_Stage_History?.created ?? 0;
  expect(created(got)).toBe(created(ref.writes)); // no history record inserted twice
  const tasksCreated = (w: WriteSnapshot) => w.totals.Tasks?.created ?? 0;
  expect(tasksCreated(got)).toBe(tasksCreated(ref.writes)); // no alert task created twice
  const lost = Object.values(got.unanswered).reduce((s, ids) => s + ids.length, 0);
  return [
    `CRM state equal to the fault-free run's: ${Object.keys(ref.state.accounts).length} accounts, ${Object.keys(ref.state.deals).length} deals (every service-written field), ${ref.state.history.length} stage-history records`,
    `writes per record: ${extra.length} written again, all ${lost === 0 ? '(none)' : `within the ${lost} records of calls whose answer was lost`}; history records created ${created(got)} = ${created(ref.writes)}`,
  ];
}

describe('one run hit by every kind of call fault, and per-record failures', () => {
  let crm: Crm;
  afterAll(() => crm?.stop());

  it('ends, after the next run retries the failed records, in the fault-free state', async () => {
    crm = await faultCrm();
    const svc = await openSync(crm);
    const accounts = Object.keys(ref.state.accounts);
    const deals = Object.keys(ref.state.deals);
    const failingAccounts = [
      accounts[7],
      accounts[150],
      accounts[333],
      accounts[400],
      accounts[499],
    ] as string[];
    const failingDeals = [deals[3], deals[600], deals[1200]] as string[];
    const before: {
      kind: string;
      count: number;
      delayMs?: number;
      match: { method?: string; pathPrefix?: string };
    }[] = [
      { kind: '500', count: 2, match: { method: 'POST', pathPrefix: '/coql' } },
      { kind: 'invalid_token', count: 1, match: { method: 'PUT' } },
      { kind: '429', count: 4, match: { method: 'PUT', pathPrefix: '/Accounts' } },
      { kind: '500', count: 2, match: { method: 'PUT', pathPrefix: '/Deals' } },
      { kind: 'timeout', count: 1, delayMs: 3000, match: { method: 'PUT', pathPrefix: '/Deals' } },
      { kind: '429', count: 3, match: { method: 'POST', pathPrefix: '/Relationship_Stage_History' } },
      {
        kind: 'timeout',
        count: 1,
        delayMs: 3000,
        match: { method: 'POST', pathPrefix: '/Relationship_Stage_History' },
      },
    ];
    for (const f of before) expect((await crm.admin('POST', '/faults', f)).status).toBe(201);
    for (const ids of [failingAccounts, failingDeals])
      await crm.admin('POST', '/faults', { recordFailures: { ids, code: 'INVALID_DATA', times: 1 } });
    // Mid-read: a 429 burst on COQL, 500s and a call never answered on Events, every token revoked.
    const midRun: [string, string, () => void][] = [
      [
        'read Contacts',
        '429 ×5 on COQL',
        () => crm.emu.ctx.faults.add({ kind: '429', count: 5, match: { pathPrefix: '/coql' } }),
      ],
      [
        'read Events',
        '500 ×3 and 1 call never answered on GET Events',
        () => {
          crm.emu.ctx.faults.add({ kind: '500', count: 3, match: { method: 'GET', pathPrefix: '/Events' } });
          crm.emu.ctx.faults.add({
            kind: 'timeout',
            count: 1,
            match: { method: 'GET', pathPrefix: '/Events' },
          });
        },
      ],
      ['read Calls', 'every access token revoked (INVALID_TOKEN)', () => void crm.emu.ctx.tokens.expireAll()],
    ];
    const fired: string[] = [];
    const refreshesBefore = svc.tokens.refreshes;
    const first = await svc.sync({
      trigger: 'faults',
      progress: (m) => {
        for (const [prefix, what, inject] of midRun)
          if (m.startsWith(prefix) && !fired.includes(what)) {
            fired.push(what);
            inject();
          }
      },
    });
    expect(fired).toHaveLength(midRun.length);
    expect(((await crm.admin('GET', '/faults')).body as { calls: unknown[] }).calls).toEqual([]); // every call fault was met
    const failedIds = new Set(first.failures.map((f) => f.accountId));
    expect(first).toMatchObject({ status: 'partial' });
    for (const id of failingAccounts) expect(failedIds.has(id)).toBe(true);
    expect(first.failures.find((f) => f.accountId === failingAccounts[0])).toMatchObject({
      code: 'INVALID_DATA',
    });
    expect(svc.state.failures().map((f) => f.accountId)).toEqual(expect.arrayContaining(failingAccounts));
    const refreshesInRun1 = svc.tokens.refreshes - refreshesBefore;
    const rejectedInRun1 = svc.gateway.calls.meter.tokenRefreshes;
    // The calls whose answer was lost have been applied by now (that is what a lost answer means:
    // the CRM did the work, the client never heard) — the next run finds them.
    await faultsSettled(crm);
    const second = await svc.sync({ trigger: 'faults' });
    expect(second).toMatchObject({ status: 'ok', failed: 0 });
    // Between runs every access token expires: one refresh, and a full pass finds nothing to write.
    const refreshes = svc.tokens.refreshes;
    await crm.admin('POST', '/tokens/expire');
    const third = await svc.sync({ trigger: 'faults', full: true });
    expect(third).toMatchObject({ status: 'ok', written: 0, dealsWritten: 0, stageChanges: 0 });
    expect(svc.tokens.refreshes - refreshes).toBe(1);
    svc.close();
    const outcome = await expectSameAsFaultFree(crm);
    report.push({
      scenario: 'one run: call faults before, during the read and during the writes; per-record failures',
      injected: [
        ...before.map(
          (f) =>
            `${f.kind}${f.delayMs !== undefined ? ` (answered after ${f.delayMs} ms: the client gave up, the CRM applied it)` : ''} ×${f.count} on ${f.match.method ?? 'any'} ${f.match.pathPrefix ?? 'call'}`,
        ),
        ...fired.map((f) => `mid-read: ${f}`),
        `INVALID_DATA once for ${failingAccounts.length} accounts and ${failingDeals.length} deals inside otherwise good batches`,
      ],
      survived: [
        `run 1 ${first.status}: ${first.retries} retries, ${rejectedInRun1} calls refused for the token → ${refreshesInRun1} token refreshes (single-flight), ${first.failed} account(s) failed and kept for the next run (${first.written} accounts, ${first.dealsWritten} deals, ${first.stageChanges} history written)`,
        `run 2 ${second.status}: retried what had failed — ${second.written} accounts and ${second.dealsWritten} deals written (a failed record a late-applied call had written meanwhile needed none), the history records whose insert answer was lost looked up by name before any insert`,
        `run 3 (full, every access token expired before it) ${third.status}: 1 token refresh, nothing to write`,
        ...outcome,
      ],
    });
  });
});

describe('a process killed during a write batch, then started again', () => {
  const variants = [
    {
      name: 'killed while an account batch hangs (never answered, never applied)',
      fault: { kind: 'timeout', count: 1, match: { method: 'PUT', pathPrefix: '/Accounts' } },
      afterAccounts: 200,
    },
    {
      name: 'killed while a deal batch is in flight; the CRM applies it after the process died',
      fault: { kind: 'timeout', count: 1, delayMs: 4000, match: { method: 'PUT', pathPrefix: '/Deals' } },
      afterAccounts: 0,
    },
    {
      name: 'killed while a stage-history insert is in flight; the CRM applies it after the process died',
      fault: {
        kind: 'timeout',
        count: 1,
        delayMs: 4000,
        match: { method: 'POST', pathPrefix: '/Relationship_Stage_History' },
      },
      afterAccounts: 0,
    },
    {
      // The state database held the only note of the history records in flight; the CRM itself
      // (each account's stage, Relationship_Stage_Since and Insight_Updated_At against its latest
      // history record) tells the restarted process which are missing.
      name: 'killed while a stage-history insert hangs (never applied), and the state database deleted',
      fault: {
        kind: 'timeout',
        count: 1,
        match: { method: 'POST', pathPrefix: '/Relationship_Stage_History' },
      },
      afterAccounts: 0,
      loseState: true,
    },
  ];

  it.each(variants)('$name: the restarted process ends in the fault-free state', async (v) => {
    const crm = await faultCrm();
    const stateDir = tempDir('faults-sync-');
    try {
      if (v.afterAccounts === 0) await crm.admin('POST', '/faults', v.fault);
      const child = startSyncCli({ stateDir, crmUrl: crm.url, asOf: RUN_AS_OF_ISO });
      const done = awaitSyncCli(child);
      if (v.afterAccounts > 0) {
        await until(
          async () => ((await writeLog(crm)).totals.Accounts?.updated ?? 0) >= v.afterAccounts,
          300_000,
        );
        await crm.admin('POST', '/faults', v.fault);
      }
      await until(
        async () => ((await crm.admin('GET', '/faults')).body as { calls: unknown[] }).calls.length === 0,
        300_000,
      );
      const log = await writeLog(crm);
      await killSyncCli(child);
      const killed = await done;
      expect(killed.summary).toBeNull(); // it never finished
      await faultsSettled(crm); // a held call the CRM still applies lands now, with nobody to answer
      if ('loseState' in v) rmSync(stateDir, { recursive: true, force: true });
      const again = await awaitSyncCli(startSyncCli({ stateDir, crmUrl: crm.url, asOf: RUN_AS_OF_ISO }));
      expect({ code: again.code, stderr: again.stderr }).toEqual({ code: 0, stderr: '' });
      expect(again.summary).toMatchObject({ status: 'ok', failed: 0 });
      const outcome = await expectSameAsFaultFree(crm);
      const t = log.totals;
      report.push({
        scenario: `crash: ${v.name}`,
        injected: [
          `${v.fault.kind}${'delayMs' in v.fault ? ` answered after ${v.fault.delayMs} ms` : ' never answered'} on ${v.fault.match.method} ${v.fault.match.pathPrefix}, then SIGKILL of the sync process (its tsx child too)${'loseState' in v ? ' and the state directory deleted' : ''} — before the kill ${t.Accounts?.updated ?? 0} accounts, ${t.Deals?.updated ?? 0} deals, ${t.Relationship_Stage_History?.created ?? 0} history records written`,
        ],
        survived: [
          `restart (${again.summary?.kind} run): ${again.summary?.written} accounts, ${again.summary?.dealsWritten} deals and ${again.summary?.stageChanges} history records written, status ${again.summary?.status}`,
          ...outcome,
        ],
      });
    } finally {
      await crm.stop();
      rmSync(stateDir, { recursive: true, force: true });
    }
  });
});
