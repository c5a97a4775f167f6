/**
 * CPU figures that hold on a shared machine (DESIGN §9, issue 14): CPU time (user + system of the
 * process doing the work, `process.cpuUsage`) rather than wall time, the median of several runs.
 *   - the sync process alone: µs of CPU per record read, a fresh full sync each run, pinned to the
 *     quieter CPU and measured again when the host slowed that CPU meanwhile (reference-loop.ts);
 *   - GET /api/portfolio on the mirror a full sync left: the first call after the sync — after the
 *     service's own refresh, and with nothing kept — and a filtered call after it, each the report
 *     and its JSON, as the route answers.
 */
import { rmSync } from 'node:fs';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { PortfolioCache, portfolioReport } from '../../server/http/portfolio';
import { openStateDb } from '../../server/state/db';
import { Mirror } from '../../server/state/mirror';
import { SyncState } from '../../server/state/sync-state';
import { RUN_AS_OF, RUN_AS_OF_ISO, tempDir, type Crm } from '../support/crm-harness';
import { runSyncCli } from '../support/sync-cli';
import { onQuietestCpu, slowedRun } from './reference-loop';

export interface SyncCpu {
  /** CPU ms of each fresh full sync (the sync process, its run only). */
  cpuMs: number[];
  /** Records each of those runs read (the first run's writes — alert tasks, stage history — are read by the later ones). */
  records: number[];
  /** Records the first run read. */
  recordsRead: number;
  /** Median of the runs' CPU µs per record read (each run over what it read). */
  usPerRecord: number;
  /** The reference loop's CPU ms on each run's CPU right after it (null: the bench could not pin). */
  referenceMs: (number | null)[];
  /** The fastest the reference loop ran during these runs (null: not measured). */
  fastestReferenceMs: number | null;
  /** Runs measured again because the loop after them was over SLOWED × the fastest: what they read. */
  remeasured: { usPerRecord: number; referenceMs: number }[];
}

/** Runs measured again at most, per size. */
const MAX_REMEASURES = 3;

/**
 * Each fresh run takes an access token, and Zoho mints 10 in 10 minutes per refresh token (the local
 * CRM too): the sequence's runs share one, so 9 are left for the fresh runs and those measured again.
 */
const FRESH_RUN_TOKENS = 9;

/** µs of CPU per record read, one per run. */
export function usPerRecordOf(c: Pick<SyncCpu, 'cpuMs' | 'records'>): number[] {
  return c.cpuMs.map((ms, i) => Math.round((ms * 1000) / (c.records[i] || 1)));
}

export interface PortfolioCpu {
  /**
   * First call after a sync the service ran itself: its refresh (after the run, in the background)
   * has read the portfolio from the mirror; the call computes the report. ms of CPU / wall, median.
   */
  firstCpuMs: number;
  firstWallMs: number;
  /** That refresh: reading and normalising the portfolio from the mirror (not part of any request). */
  refreshCpuMs: number;
  /** First call with nothing kept (after `npm run sync` in another process, or the first ever): read + report. */
  coldCpuMs: number;
  coldWallMs: number;
  /** A filtered call after that one (owner + fiscal year). */
  filteredCpuMs: number;
  filteredWallMs: number;
  runs: number;
  jsonMb: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * `runs` full syncs, each with a fresh state directory, against the same CRM, each on the CPU the
 * reference loop found quietest just before; a run after which the loop on its CPU was slowed
 * (`slowedRun`, against the fastest time seen here or `fastestMs`) is measured again, up to
 * MAX_REMEASURES times in all (fewer when the access tokens would run out), and what it read is kept
 * in `remeasured`.
 */
export async function measureSyncCpu(
  crm: Crm,
  runs: number,
  fastestMs: number | null = null,
): Promise<SyncCpu> {
  const cpuMs: number[] = [];
  const records: number[] = [];
  const referenceAfter: (number | null)[] = [];
  const remeasured: SyncCpu['remeasured'] = [];
  let fastest = fastestMs ?? Infinity;
  const remeasures = Math.min(MAX_REMEASURES, Math.max(0, FRESH_RUN_TOKENS - runs));
  while (cpuMs.length < runs) {
    const { value: run, reference } = await onQuietestCpu((cpu) => freshFullSync(crm, cpu));
    const after = reference?.afterMs ?? null;
    if (reference) fastest = Math.min(fastest, reference.beforeMs, reference.afterMs);
    const us = usPerRecordOf({ cpuMs: [run.cpuMs], records: [run.records] })[0] as number;
    if (after !== null && slowedRun(after, fastest) && remeasured.length < remeasures) {
      remeasured.push({ usPerRecord: us, referenceMs: after });
      continue;
    }
    cpuMs.push(run.cpuMs);
    records.push(run.records);
    referenceAfter.push(after);
  }
  return {
    cpuMs,
    records,
    recordsRead: records[0] ?? 0,
    usPerRecord: Math.round(median(usPerRecordOf({ cpuMs, records }))),
    referenceMs: referenceAfter,
    fastestReferenceMs: Number.isFinite(fastest) ? fastest : null,
    remeasured,
  };
}

/** One full sync into a fresh state directory (the sync CLI, on `cpu` when given): its CPU ms and records read. */
async function freshFullSync(crm: Crm, cpu: number | undefined): Promise<{ cpuMs: number; records: number }> {
  const stateDir = tempDir('bench-cpu-');
  try {
    const res = await runSyncCli({
      stateDir,
      crmUrl: crm.url,
      asOf: RUN_AS_OF_ISO,
      full: true,
      ...(cpu === undefined ? {} : { cpu }),
    });
    if (res.code !== 0 || !res.summary)
      throw new Error(`sync (cpu run) exited ${res.code}: ${res.stderr.slice(0, 2000)}`);
    return {
      cpuMs: res.summary.process.cpuMs,
      records: Object.values(res.summary.recordsRead).reduce((a, b) => a + b, 0),
    };
  } finally {
    rmSync(stateDir, { recursive: true, force: true });
  }
}

/** GET /api/portfolio's work on the state a sync left in `stateDir` (this process, CRM idle). */
export function measurePortfolio(stateDir: string, config: SalesProcessConfig, runs = 5): PortfolioCpu {
  const db = openStateDb(stateDir);
  try {
    const mirror = new Mirror(db, config);
    const state = new SyncState(db);
    const first = { cpu: [] as number[], wall: [] as number[] };
    const refresh = { cpu: [] as number[], wall: [] as number[] };
    const cold = { cpu: [] as number[], wall: [] as number[] };
    const filtered = { cpu: [] as number[], wall: [] as number[] };
    let bytes = 0;
    const now = () => RUN_AS_OF;
    const time = (into: { cpu: number[]; wall: number[] }, fn: () => void) => {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      fn();
      const c = process.cpuUsage(c0);
      into.wall.push(performance.now() - t0);
      into.cpu.push((c.user + c.system) / 1000);
    };
    for (let i = 0; i < runs; i++) {
      // Nothing kept: what a service has that did not run the sync itself.
      time(cold, () => {
        JSON.stringify(
          portfolioReport(mirror, config, {}, now, new PortfolioCache({ state, busy: false }).get),
        );
      });
      // What the service has right after one of its runs finished: its refresh read the portfolio.
      const cache = new PortfolioCache({ state, busy: false });
      time(refresh, () => cache.get(mirror, config));
      let owner = '';
      time(first, () => {
        const report = portfolioReport(mirror, config, {}, now, cache.get);
        bytes = JSON.stringify(report).length;
        owner = report.options.owners[1]?.id ?? '';
      });
      time(filtered, () => {
        JSON.stringify(portfolioReport(mirror, config, { owner, period: 'fiscal_year' }, now, cache.get));
      });
    }
    const r = (x: number) => Math.round(x);
    return {
      firstCpuMs: r(median(first.cpu)),
      firstWallMs: r(median(first.wall)),
      refreshCpuMs: r(median(refresh.cpu)),
      coldCpuMs: r(median(cold.cpu)),
      coldWallMs: r(median(cold.wall)),
      filteredCpuMs: r(median(filtered.cpu)),
      filteredWallMs: r(median(filtered.wall)),
      runs,
      jsonMb: Math.round((bytes / 1_048_576) * 10) / 10,
    };
  } finally {
    db.close();
  }
}
