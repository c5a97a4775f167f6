/**
 * Engine throughput (DESIGN §9: ≥ 5,000 accounts/s): the scale dataset generated in memory, then
 * normalise + bundle (timed on their own) and `computeAccountInsight` over every bundle — pure
 * computation, no I/O. The compute pass runs five times after a warm-up; the median of their CPU
 * time counts (wall-clock accounts/s varies ×2 between runs on a shared 2-core machine).
 */
import { generateScaleData, generateUsers } from '../../server/local/datasets/scale/generate';
import { scaleVocabulary } from '../../server/local/plugins/scale-vocabulary';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { computeAccountInsight } from '../../shared/engine/insight';
import type { Instant } from '../../shared/model/types';
import { bundleByAccount } from '../../shared/normalise/bundle';
import { normaliseDataset } from '../../shared/normalise/normalise';

export interface EngineBench {
  accounts: number;
  records: number;
  normaliseMs: number;
  bundleMs: number;
  computeMs: number[];
  /** CPU time of each compute pass (this process, user + system). */
  computeCpuMs: number[];
  /** CPU µs per account, median pass: the stable figure on a shared machine. */
  cpuUsPerAccount: number;
  /** Accounts per second of CPU (median pass). */
  accountsPerSecond: number;
  /** Normalise + bundle + compute, per second. */
  endToEndAccountsPerSecond: number;
}

export function benchEngine(o: {
  accounts: number;
  seed: string;
  asOfMs: number;
  config: SalesProcessConfig;
}): EngineBench {
  const dataset: Record<string, unknown[]> = {};
  const vocabulary = scaleVocabulary(o.config);
  generateScaleData(
    { accounts: o.accounts, seed: o.seed, asOfMs: o.asOfMs, vocabulary },
    generateUsers(o.seed, vocabulary),
    (module, record) => (dataset[module] ??= []).push(record),
  );
  const records = Object.values(dataset).reduce((s, rows) => s + rows.length, 0);
  let t = performance.now();
  const normalised = normaliseDataset(dataset, o.config);
  const normaliseMs = performance.now() - t;
  if (!normalised.ok) throw new Error(`engine bench: ${normalised.error}`);
  t = performance.now();
  const bundles = [...bundleByAccount(normalised.dataset, o.config).bundles.values()];
  const bundleMs = performance.now() - t;
  const asOf = o.asOfMs as Instant;
  for (const b of bundles.slice(0, 500)) computeAccountInsight(b, o.config, asOf); // warm-up
  const computeMs: number[] = [];
  const computeCpuMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    const c0 = process.cpuUsage();
    for (const b of bundles) computeAccountInsight(b, o.config, asOf);
    const c = process.cpuUsage(c0);
    computeMs.push(performance.now() - t);
    computeCpuMs.push((c.user + c.system) / 1000);
  }
  const median = [...computeCpuMs].sort((a, b) => a - b)[2] as number;
  return {
    accounts: bundles.length,
    records,
    normaliseMs: Math.round(normaliseMs),
    bundleMs: Math.round(bundleMs),
    computeMs: computeMs.map(Math.round),
    computeCpuMs: computeCpuMs.map(Math.round),
    cpuUsPerAccount: Math.round((median * 1000 * 10) / bundles.length) / 10,
    accountsPerSecond: Math.round((bundles.length / median) * 1000),
    endToEndAccountsPerSecond: Math.round((bundles.length / (median + normaliseMs + bundleMs)) * 1000),
  };
}
