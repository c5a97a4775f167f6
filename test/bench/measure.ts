/**
 * One size of the credit benchmark: our sync (as its own process, `npm run sync -- --once --json`)
 * through a full pass, the echo of its own writes, a run with nothing changed, a run after 1 % of the
 * activities changed and that run's echo — then the naive baseline on a fresh CRM with the same
 * data and the same change. Credits and calls come from the CRM's meter, what had to be written
 * from the CRM's records, the change set from the CRM's write log.
 */
import { rmSync } from 'node:fs';
import type { SalesProcessConfig } from '../../shared/config/schema';
import type { Instant } from '../../shared/model/types';
import { writeCredits } from '../../server/local/emulator/credits';
import { syncStreams } from '../../server/sync/streams';
import { RUN_AS_OF, RUN_AS_OF_ISO, startCrmAfterData, tempDir, type Crm } from '../support/crm-harness';
import { runSyncCli } from '../support/sync-cli';
import { changeActivities, type ActivityChange } from './change-activities';
import { neededWrites, readServiceFields } from './crm-state';
import { boundRatio, lowerBound, type Credits } from './lower-bound';
import { runNaiveSync } from './naive-sync';
import {
  measurePortfolio,
  measureSyncCpu,
  median,
  usPerRecordOf,
  type PortfolioCpu,
  type SyncCpu,
} from './cpu';
import { loopText, onQuietestCpu } from './reference-loop';

const SEED = 'bench';

export type RunKind = 'full' | 'echo' | 'no-change' | 'activities-1pct' | 'echo-after-change';

export interface OurRun {
  kind: RunKind;
  changeSet: { records: Record<string, number>; needed: ReturnType<typeof neededWrites> };
  bound: Credits;
  credits: Credits;
  /** Of `credits.read`: field metadata and the user list (a first run; cached after), outside the bound's formula. */
  metadataCredits: number;
  /** (credits − metadata) ÷ bound. */
  ratio: number;
  calls: number;
  wallMs: number;
  runMs: number;
  peakRssMb: number;
  /** CPU time of the sync process's run (user + system). */
  cpuMs: number;
  /** The reference loop's CPU ms on the run's CPU before and after it (reference-loop.ts; null: not pinned). */
  reference: { beforeMs: number; afterMs: number } | null;
  status: string;
  recordsRead: number;
  recomputed: number;
  written: { accounts: number; deals: number; history: number };
}

export interface NaiveRun {
  kind: 'full' | 'no-change' | 'activities-1pct';
  /**
   * Not run but computed from the measured full run (large sizes: a naive run makes ~15 calls per
   * account): the same reads — the records are the same — and writes of every account and deal plus
   * the stage-history inserts our run of that kind made (the same engine, the same changes).
   */
  derived?: boolean;
  credits: Credits;
  calls: number;
  wallMs: number;
  recordsRead: number;
  written: { accounts: number; deals: number; history: number };
}

export interface SizeResult {
  accounts: number;
  records: Record<string, number>;
  emulatorStartMs: number;
  change: ActivityChange | null;
  ours: OurRun[];
  naive: NaiveRun[];
  /** The full sync's CPU per record read, median of fresh full syncs (the first is `ours[0]`). */
  syncCpu: SyncCpu;
  /** GET /api/portfolio on the mirror the runs left (null with --skip portfolio). */
  portfolio: PortfolioCpu | null;
}

export async function benchSize(
  accounts: number,
  config: SalesProcessConfig,
  o: {
    naive: 'all' | 'full' | 'none';
    log: (m: string) => void;
    /** Full syncs whose CPU makes the median (the first is the sequence's own full run). */
    cpuRuns?: number;
    portfolio?: boolean;
  },
): Promise<SizeResult> {
  const modules = syncStreams(config).map((r) => config.fields.modules[r.module]);
  const started = Date.now();
  const crm = await openCrm(accounts);
  const result: SizeResult = {
    accounts,
    records: crm.emu.summary(),
    emulatorStartMs: Date.now() - started,
    change: null,
    ours: [],
    naive: [],
    syncCpu: {
      cpuMs: [],
      records: [],
      recordsRead: 0,
      usPerRecord: 0,
      referenceMs: [],
      fastestReferenceMs: null,
      remeasured: [],
    },
    portfolio: null,
  };
  o.log(`${accounts} accounts: CRM ready in ${(result.emulatorStartMs / 1000).toFixed(1)} s`);
  const stateDir = tempDir('bench-sync-');
  try {
    const all = Object.fromEntries(modules.map((m) => [m, result.records[m] ?? 0]));
    const run = async (kind: RunKind) => {
      const r = await measureOurRun(crm, config, stateDir, modules, kind, kind === 'full' ? all : null);
      o.log(
        `${accounts} accounts, ours ${kind}: ${r.credits.total} credits (bound ${r.bound.total}, ×${r.ratio}), ${(r.wallMs / 1000).toFixed(1)} s, CPU ${(r.cpuMs / 1000).toFixed(1)} s, ${r.peakRssMb} MB`,
      );
      result.ours.push(r);
    };
    await run('full');
    await run('echo');
    await run('no-change');
    result.change = await changeActivities(crm.emu, config);
    await run('activities-1pct');
    await run('echo-after-change');
    if (o.portfolio !== false) {
      result.portfolio = measurePortfolio(stateDir, config);
      o.log(`${accounts} accounts, GET /api/portfolio: ${JSON.stringify(result.portfolio)}`);
    }
    const full = result.ours[0] as OurRun;
    const fastestBefore = full.reference ? Math.min(full.reference.beforeMs, full.reference.afterMs) : null;
    const more = await measureSyncCpu(crm, Math.max(0, (o.cpuRuns ?? 1) - 1), fastestBefore);
    const cpuMs = [full.cpuMs, ...more.cpuMs];
    const records = [full.recordsRead, ...more.records];
    const perRun = usPerRecordOf({ cpuMs, records });
    result.syncCpu = {
      cpuMs,
      records,
      recordsRead: full.recordsRead,
      usPerRecord: Math.round(median(perRun)),
      referenceMs: [full.reference?.afterMs ?? null, ...more.referenceMs],
      fastestReferenceMs: more.fastestReferenceMs ?? fastestBefore,
      remeasured: more.remeasured,
    };
    o.log(
      `${accounts} accounts, full sync CPU: ${perRun.join(' / ')} µs per record read; reference loop after each ${result.syncCpu.referenceMs.map(loopText).join(' / ')} ms (fastest ${loopText(result.syncCpu.fastestReferenceMs)})` +
        (more.remeasured.length
          ? `; measured again after a slowed CPU: ${more.remeasured.map((r) => `${r.usPerRecord} µs (loop ${loopText(r.referenceMs)} ms)`).join(', ')}`
          : ''),
    );
  } finally {
    await crm.stop();
    rmSync(stateDir, { recursive: true, force: true });
  }
  if (o.naive !== 'none') {
    const fresh = await openCrm(accounts);
    try {
      const naive = async (kind: NaiveRun['kind']) => {
        const r = await measureNaiveRun(fresh, config, kind);
        o.log(
          `${accounts} accounts, naive ${kind}: ${r.credits.total} credits, ${(r.wallMs / 1000).toFixed(1)} s`,
        );
        result.naive.push(r);
      };
      await naive('full');
      if (o.naive === 'all') {
        await naive('no-change');
        await changeActivities(fresh.emu, config);
        await naive('activities-1pct');
      }
    } finally {
      await fresh.stop();
    }
    if (o.naive === 'full') {
      const full = result.naive[0] as NaiveRun;
      const history = (k: RunKind) => result.ours.find((r) => r.kind === k)?.changeSet.needed.history ?? 0;
      result.naive.push(
        deriveNaive(full, 'no-change', history('no-change')),
        deriveNaive(full, 'activities-1pct', history('activities-1pct')),
      );
    }
  }
  return result;
}

/** A naive run like the measured full one, but with `history` stage-history inserts (see NaiveRun.derived). */
export function deriveNaive(full: NaiveRun, kind: NaiveRun['kind'], history: number): NaiveRun {
  // n records written 100 per call: the full calls, then one with the rest (if any).
  const writeCalls = (n: number) => Math.ceil(n / 100);
  const batchCredits = (n: number) =>
    Math.floor(n / 100) * writeCredits(100) + (n % 100 > 0 ? writeCredits(n % 100) : 0);
  const write = full.credits.write - batchCredits(full.written.history) + batchCredits(history);
  return {
    kind,
    derived: true,
    credits: { read: full.credits.read, write, total: full.credits.read + write },
    calls: full.calls - writeCalls(full.written.history) + writeCalls(history),
    wallMs: full.wallMs,
    recordsRead: full.recordsRead,
    written: { ...full.written, history },
  };
}

function openCrm(accounts: number): Promise<Crm> {
  return startCrmAfterData({ accounts, seed: SEED });
}

async function measureOurRun(
  crm: Crm,
  config: SalesProcessConfig,
  stateDir: string,
  modules: string[],
  kind: RunKind,
  fullSet: Record<string, number> | null,
): Promise<OurRun> {
  const records = fullSet ?? (await changedSinceLastRun(crm, modules));
  await crm.admin('POST', '/writes/reset');
  const before = await readServiceFields(crm.url, config);
  await crm.admin('POST', '/credits/reset');
  // On the quietest CPU, as the CPU runs (cpu.ts); the loop's time on it after the run is kept.
  const { value: res, reference } = await onQuietestCpu((cpu) =>
    runSyncCli({
      stateDir,
      crmUrl: crm.url,
      asOf: RUN_AS_OF_ISO,
      full: kind === 'full',
      ...(cpu === undefined ? {} : { cpu }),
    }),
  );
  if (res.code !== 0 || !res.summary)
    throw new Error(`sync (${kind}) exited ${res.code}: ${res.stderr.slice(0, 2000)}`);
  const snapshot = await crm.credits();
  const meter = snapshot.totals;
  const metadataCredits = Object.entries(snapshot.endpoints)
    .filter(([endpoint]) => /\/settings\/|\/users/.test(endpoint))
    .reduce((sum, [, u]) => sum + u.credits, 0);
  const after = await readServiceFields(crm.url, config);
  const needed = neededWrites(before, after);
  const bound = lowerBound({ records, neededWrites: needed.total });
  const s = res.summary;
  return {
    kind,
    changeSet: { records, needed },
    bound,
    credits: { read: meter.readCredits, write: meter.writeCredits, total: meter.credits },
    metadataCredits,
    ratio: boundRatio(meter.credits - metadataCredits, bound.total),
    calls: meter.calls,
    wallMs: res.wallMs,
    runMs: s.durationMs,
    peakRssMb: s.process.peakRssMb,
    cpuMs: s.process.cpuMs,
    reference,
    status: s.status,
    recordsRead: Object.values(s.recordsRead).reduce((a, b) => a + b, 0),
    recomputed: s.recomputed,
    written: { accounts: s.written, deals: s.dealsWritten, history: s.stageChanges },
  };
}

/** Distinct records written through the API since the write log was last reset, per module read. */
async function changedSinceLastRun(crm: Crm, modules: string[]): Promise<Record<string, number>> {
  const log = (await crm.admin('GET', '/writes')).body as { records: Record<string, Record<string, number>> };
  return Object.fromEntries(modules.map((m) => [m, Object.keys(log.records[m] ?? {}).length]));
}

async function measureNaiveRun(
  crm: Crm,
  config: SalesProcessConfig,
  kind: NaiveRun['kind'],
): Promise<NaiveRun> {
  await crm.admin('POST', '/credits/reset');
  const started = Date.now();
  const s = await runNaiveSync({ url: crm.url, config, asOf: RUN_AS_OF as Instant });
  const meter = (await crm.credits()).totals;
  return {
    kind,
    credits: { read: meter.readCredits, write: meter.writeCredits, total: meter.credits },
    calls: meter.calls,
    wallMs: Date.now() - started,
    recordsRead: s.recordsRead,
    written: s.written,
  };
}
