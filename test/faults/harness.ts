/**
 * The fault suite's common ground: a CRM with ≥ 500 generated accounts whose clock runs after
 * every generated record (so our writes come back on the next read, as in Zoho), runs computed
 * at one fixed instant, the state a fault-free run leaves, the emulator's write log, and the
 * report of what was injected and what was survived.
 */
import type { WriteSnapshot } from '../../server/local/emulator/write-log';
import type { SyncService, SyncServiceOptions } from '../../server/sync/sync-service';
import { until } from '../support/until';
import { openService, RUN_AS_OF, serviceState, startCrmAfterData, type Crm } from '../support/crm-harness';

export const ACCOUNTS = Math.max(500, Number(process.env.FAULT_ACCOUNTS ?? 500));

export type CrmState = Awaited<ReturnType<typeof serviceState>>;

export function faultCrm(): Promise<Crm> {
  return startCrmAfterData({ accounts: ACCOUNTS, seed: 'faults' });
}

/** A sync service computing as of RUN_AS_OF (the generated data's now + 6 h), as every run here does. */
export function openSync(crm: Crm, o: Partial<SyncServiceOptions> = {}): Promise<SyncService> {
  return openService(crm, { now: () => RUN_AS_OF, timeoutMs: 1500, baseDelayMs: 5, ...o });
}

export async function writeLog(crm: Crm): Promise<WriteSnapshot> {
  return (await crm.admin('GET', '/writes')).body as WriteSnapshot;
}

/** What a fault-free run on the same data leaves in the CRM, and how often it wrote each record. */
export async function reference(): Promise<{ state: CrmState; writes: WriteSnapshot }> {
  const crm = await faultCrm();
  try {
    const svc = await openSync(crm);
    const run = await svc.sync({ trigger: 'reference' });
    if (run.status !== 'ok') throw new Error(`the fault-free run ended ${run.status}`);
    svc.close();
    return { state: await serviceState(crm), writes: await writeLog(crm) };
  } finally {
    await crm.stop();
  }
}

export interface ExtraWrite {
  module: string;
  id: string;
  times: number;
}

/** Records written more often than in the fault-free run, and by how much. */
export function extraWrites(ref: WriteSnapshot, got: WriteSnapshot): ExtraWrite[] {
  const out: ExtraWrite[] = [];
  for (const [module, byId] of Object.entries(got.records)) {
    for (const [id, n] of Object.entries(byId)) {
      const times = n - (ref.records[module]?.[id] ?? 0);
      if (times > 0) out.push({ module, id, times });
    }
  }
  return out;
}

/**
 * Extra writes a fault explains: a record in a call the client gave up on (its answer never came:
 * the retry writes it again), or one whose earlier write failed (the retry is its first success).
 */
export function unexplained(extra: ExtraWrite[], got: WriteSnapshot): ExtraWrite[] {
  const lost = new Set(Object.entries(got.unanswered).flatMap(([m, ids]) => ids.map((id) => `${m}:${id}`)));
  return extra.filter((e) => !lost.has(`${e.module}:${e.id}`));
}

/** Wait until the CRM has answered (or applied) every call a fault held back. */
export function faultsSettled(crm: Crm): Promise<void> {
  return until(async () => crm.emu.ctx.held.size === 0, 30_000, 'held calls never finished');
}

/** "What was injected, what was survived" — printed when the suite ends. */
export const report: { scenario: string; injected: string[]; survived: string[] }[] = [];

export function printReport(): void {
  const lines = ['', `Fault suite (${ACCOUNTS} accounts) — injected and survived`, ''];
  for (const r of report) {
    lines.push(`■ ${r.scenario}`);
    for (const i of r.injected) lines.push(`    injected: ${i}`);
    for (const s of r.survived) lines.push(`    survived: ${s}`);
    lines.push('');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
