/**
 * KPI roll-ups against each stage's targets (DOMAIN §6): for every account the service has computed,
 * each KPI target of its current stage is met when the KPI_* value written back is at least the
 * target (an empty value is not met, as on the account page). Shares are met / accounts.
 */
import type { SalesProcessConfig } from '../config/schema';
import { KPI_KEYS, type KpiKey } from '../model/keys';
import type { PortfolioView } from './filter';
import { isComputed, type PortfolioAccount, type StageSlot } from './model';
import { repsInView, stageSlots } from './reps';
import { slotConfigs, targetsOf, type KpiTarget } from './slot-config';

export interface KpiShare {
  kpi: KpiKey;
  /** Accounts with a target for this KPI, and how many meet it. */
  accounts: number;
  met: number;
  /** met / accounts; null when no account has the target. */
  share: number | null;
}

export interface KpiRollup {
  /** Accounts in view with a stage and KPIs written by the service. */
  computed: number;
  /** Accounts in view the service has not computed yet (no Insight_Updated_At) or without a stage. */
  notComputed: number;
  byStage: { slot: StageSlot; accounts: number; kpis: (KpiShare & { target: number })[] }[];
  /** Across stages: every account counted against its own stage's target. */
  byKpi: KpiShare[];
  perRep: { ownerId: string | null; targets: number; met: number; share: number | null; kpis: KpiShare[] }[];
}

/** Each target of the account's stage with whether it is met; empty when the account is not computed. */
export function accountTargets(
  a: PortfolioAccount,
  config: SalesProcessConfig,
): { kpi: KpiKey; target: number; actual: number | null; met: boolean }[] {
  if (a.stage == null || a.computedAt == null) return [];
  const targets = targetsOf(config, a.stage);
  return KPI_KEYS.filter((k) => targets[k] !== undefined).map((kpi) => {
    const target = targets[kpi] as number;
    const actual = a.kpis[kpi] ?? null;
    return { kpi, target, actual, met: meets(actual, target) };
  });
}

/** How many of `targets` (the account's stage's) the account meets: accountTargets, counted. */
export function targetsMet(a: PortfolioAccount, targets: readonly KpiTarget[]): number {
  let met = 0;
  for (const { kpi, target } of targets) if (meets(a.kpis[kpi] ?? null, target)) met++;
  return met;
}

/** Met when the value written back is at least the target; an empty value is not met. */
function meets(actual: number | null, target: number): boolean {
  return actual != null && actual >= target - 1e-9;
}

/** Per KPI (its position in KPI_KEYS): accounts with the target, and of them how many meet it. */
interface Tally {
  accounts: number[];
  met: number[];
}

function tally(): Tally {
  return { accounts: KPI_KEYS.map(() => 0), met: KPI_KEYS.map(() => 0) };
}

/** One account with the target at `index`: met = 1 when it meets it, else 0. */
function add(t: Tally, index: number, met: number): void {
  t.accounts[index] = (t.accounts[index] as number) + 1;
  t.met[index] = (t.met[index] as number) + met;
}

export function kpiRollup(view: PortfolioView, config: SalesProcessConfig): KpiRollup {
  const slots = stageSlots(config);
  const slotConfig = slotConfigs(config);
  // One pass: each computed account's targets tallied into the whole, its stage and its rep.
  const all = tally();
  const byStage = new Map(slots.map((slot) => [slot, { accounts: 0, kpis: tally() }]));
  const byOwner = new Map<string | null, Tally>();
  let computed = 0;
  for (const a of view.accounts) {
    if (!isComputed(a)) continue;
    computed++;
    let mine = byOwner.get(a.ownerId);
    if (mine === undefined) {
      mine = tally();
      byOwner.set(a.ownerId, mine);
    }
    const stage = byStage.get(a.stage as StageSlot);
    if (stage) stage.accounts++;
    for (const { index, kpi, target } of slotConfig(a.stage as StageSlot).targets) {
      const met = (a.kpis[kpi] ?? -Infinity) >= target - 1e-9 ? 1 : 0;
      add(all, index, met);
      add(mine, index, met);
      if (stage) add(stage.kpis, index, met);
    }
  }
  const share = (kpi: KpiKey, t: Tally, index: number) => {
    const accounts = t.accounts[index] as number;
    const met = t.met[index] as number;
    return { kpi, accounts, met, share: ratio(met, accounts) };
  };
  const shares = (t: Tally): KpiShare[] =>
    KPI_KEYS.flatMap((kpi, i) => ((t.accounts[i] as number) > 0 ? [share(kpi, t, i)] : []));
  return {
    computed,
    notComputed: view.accounts.length - computed,
    byStage: slots.map((slot) => {
      const s = byStage.get(slot) as { accounts: number; kpis: Tally };
      return {
        slot,
        accounts: s.accounts,
        kpis: slotConfig(slot).targets.map(({ index, kpi, target }) => ({
          ...share(kpi, s.kpis, index),
          target,
        })),
      };
    }),
    byKpi: shares(all),
    perRep: repsInView(view).map((rep) => {
      const kpis = shares(byOwner.get(rep.id) ?? tally());
      const targets = kpis.reduce((n, k) => n + k.accounts, 0);
      const met = kpis.reduce((n, k) => n + k.met, 0);
      return { ownerId: rep.id, targets, met, share: ratio(met, targets), kpis };
    }),
  };
}

export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}
