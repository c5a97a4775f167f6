/**
 * One sync run (DESIGN §8): finish what a crashed run left, read changes into the mirror,
 * recompute the accounts they touch (all of them on a full pass) in batches, write back only what
 * changed, then save the cursors. One bad record never aborts a run; an auth or budget stop does,
 * leaving every unfinished account marked for the next run.
 */
import type { SnapshotOutcome } from './snapshots';
import type { Logger } from 'pino';
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { Instant } from '../../shared/model/types';
import { toAppError } from '../errors';
import type { Mirror } from '../state/mirror';
import type { SyncState } from '../state/sync-state';
import type { ZohoGateway } from '../zoho/gateway';
import { syncStreams } from './streams';
import { readChanges } from './read';
import { emptyPlan, mergePlans, recomputeBatch, type BatchPlan } from './recompute';
import { readUsers, usersDue } from './users';
import { completeInterruptedHistory, writeBatch } from './write';
import type { RecordFailure } from '../zoho/map-error';

export interface SyncDeps {
  gateway: ZohoGateway;
  mirror: Mirror;
  state: SyncState;
  config: SalesProcessConfig;
  log: Logger;
  now?: () => number;
}

/** Planned record updates held before they are written (full calls of 100). */
const WRITE_AFTER = 2000;

/**
 * Accounts computed at a time. A batch's records, parsed, and what the engine builds from them live
 * until the batch is planned, and every young-generation collection meanwhile copies them: 50 rather
 * than 200 accounts halved the recompute's collection time (issue 14: a settled full sync at 10,000
 * accounts 1.55–1.78 → 1.0 s of scavenges, 14.6–15.2 → 11.2–11.7 s of recompute CPU; at 1,000 accounts
 * ≈ 70 ms less). Fewer is no better: each batch reads the mirror with one query per module.
 */
const RECOMPUTE_BATCH = 50;

/**
 * Whether the planned updates are written is decided every this many accounts computed, whatever
 * the batch: where a write starts decides how its last call per module is filled, so deciding after
 * every batch of 50 made more, smaller writes than deciding every 200 (10,000 accounts: 17 more calls
 * and 5 more credits for the same records).
 */
const WRITE_CHECK_ACCOUNTS = 200;

export interface SyncOptions {
  full: boolean;
  trigger: string;
  /** Accounts computed at a time (default `RECOMPUTE_BATCH`). */
  batchSize?: number;
  progress?: (message: string) => void;
}

export interface RunSummary {
  runId: number;
  /** The daily account snapshots, when the run was asked to write them (server/sync/snapshots.ts). */
  snapshots?: SnapshotOutcome;
  kind: 'full' | 'incremental';
  trigger: string;
  status: 'ok' | 'partial' | 'failed';
  asOf: string;
  recordsRead: Record<string, number>;
  accountsRead: number;
  recomputed: number;
  written: number;
  dealsWritten: number;
  unchanged: number;
  failed: number;
  stageChanges: number;
  credits: { read: number; write: number };
  calls: number;
  retries: number;
  durationMs: number;
  failures: RecordFailure[];
  error?: { code: string; message: string };
}

export async function runSync(deps: SyncDeps, o: SyncOptions): Promise<RunSummary> {
  const started = Date.now();
  const asOf = (deps.now ?? Date.now)() as Instant;
  const kind = o.full ? 'full' : 'incremental';
  const runId = deps.state.startRun(kind);
  const log = deps.log.child({ runId, kind, trigger: o.trigger });
  const meter0 = { ...deps.gateway.calls.meter };
  const summary: RunSummary = {
    runId,
    kind,
    trigger: o.trigger,
    status: 'ok',
    asOf: new Date(asOf).toISOString(),
    recordsRead: {},
    accountsRead: 0,
    recomputed: 0,
    written: 0,
    dealsWritten: 0,
    unchanged: 0,
    failed: 0,
    stageChanges: 0,
    credits: { read: 0, write: 0 },
    calls: 0,
    retries: 0,
    durationMs: 0,
    failures: [],
  };
  log.info({ asOf: summary.asOf }, 'sync run started');
  try {
    summary.stageChanges += await completeInterruptedHistory({ ...deps, log });
    const read = await readChanges({ ...deps, log }, syncStreams(deps.config), {
      full: o.full,
      progress: (module, n) => o.progress?.(`read ${module}: ${n}`),
    });
    if (usersDue(deps.mirror, { full: o.full, now: asOf }))
      read.records.users = await readUsers({ ...deps, log }, asOf);
    summary.recordsRead = read.records;
    summary.accountsRead = read.records[deps.mirror.moduleName('accounts')] ?? 0;
    if (o.full) deps.state.markDirty(deps.mirror.accountIds(), 'full pass');
    await recomputeDirty(deps, log, asOf, o, summary);
    deps.state.saveCursors(read.cursors, started);
    deps.state.setExpectedEcho({
      [deps.mirror.moduleName('accounts')]: summary.written,
      [deps.mirror.moduleName('deals')]: summary.dealsWritten,
      [deps.mirror.moduleName('stageHistory')]: summary.stageChanges,
    });
    summary.status = summary.failed > 0 ? 'partial' : 'ok';
  } catch (e) {
    const err = toAppError(e);
    summary.status = 'failed';
    summary.error = { code: err.code, message: err.message };
    log.error({ err, code: err.code }, 'sync run stopped');
  } finally {
    const m = deps.gateway.calls.meter;
    summary.credits = {
      read: m.creditsRead - meter0.creditsRead,
      write: m.creditsWrite - meter0.creditsWrite,
    };
    summary.calls = m.calls - meter0.calls;
    summary.retries = m.retries - meter0.retries;
    summary.durationMs = Date.now() - started;
    summary.failures = summary.failures.slice(0, 50);
    deps.state.finishRun(runId, summary.status, summary);
    log.info({ summary: { ...summary, failures: summary.failures.length } }, 'sync run finished');
  }
  return summary;
}

/**
 * Recompute every dirty account until none is left, in rounds. A round computes the dirty accounts
 * in batches (memory) but writes their plans merged, in calls of up to 100 records: Zoho charges
 * 1 credit per 10 records rounded up per call, so a partial call per small batch would cost up to
 * 3 credits a batch for nothing. A stage change makes the account's group companies dirty (their
 * "group companies engaged" may change), so the next round picks them up — each account at most
 * twice per run.
 */
async function recomputeDirty(
  deps: SyncDeps,
  log: Logger,
  asOf: Instant,
  o: SyncOptions,
  summary: RunSummary,
): Promise<void> {
  const batchSize = o.batchSize ?? RECOMPUTE_BATCH;
  const done = new Map<string, number>();
  const failed = new Set<string>(); // retried by the next run, not this one
  const total = deps.state.dirtyCount();
  const flush = async (plan: BatchPlan) => {
    const written = await writeBatch({ ...deps, log }, plan);
    summary.written += written.accountsWritten;
    summary.dealsWritten += written.dealsWritten;
    summary.stageChanges += written.historyInserted;
    summary.failed += new Set(written.failed.map((f) => f.accountId)).size;
    summary.failures.push(...written.failed);
    for (const f of written.failed) failed.add(f.accountId);
    for (const id of written.stageChanged) {
      const account = deps.mirror.get('accounts', id);
      if (account)
        deps.state.markDirty(
          deps.mirror.groupOf(account).map((a) => a.id),
          'group stage changed',
        );
    }
    o.progress?.(`recomputed ${summary.recomputed}/${total}, written ${summary.written}`);
  };
  for (;;) {
    const round = deps.state.dirtyAccounts().filter((id) => !failed.has(id) && (done.get(id) ?? 0) < 2);
    if (round.length === 0) return;
    let pending = emptyPlan();
    for (let i = 0; i < round.length; i += batchSize) {
      const batch = round.slice(i, i + batchSize);
      for (const id of batch) done.set(id, (done.get(id) ?? 0) + 1);
      const plan = recomputeBatch(deps.mirror, deps.config, batch, asOf);
      summary.recomputed += plan.accountIds.length;
      summary.unchanged += plan.unchangedAccounts;
      pending = mergePlans(pending, plan);
      const last = i + batchSize >= round.length;
      // this batch took the count of accounts computed past a multiple of WRITE_CHECK_ACCOUNTS
      const check =
        Math.floor((i + batch.length) / WRITE_CHECK_ACCOUNTS) > Math.floor(i / WRITE_CHECK_ACCOUNTS);
      if (last || (check && pending.accountUpdates.length + pending.dealUpdates.length >= WRITE_AFTER)) {
        await flush(pending);
        pending = emptyPlan();
      }
    }
  }
}
