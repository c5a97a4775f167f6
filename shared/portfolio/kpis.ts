/**
 * KPI roll-ups against each stage's targets (DOMAIN §6): for every account the service has computed,
 * each KPI target of its current stage is met when the KPI_* value written back is at least the
 * target (an empty value is not met, as on the account page). Shares are met / accounts.
 */
import type { SalesProcessConfig } from '../config/schema';
import { KPI_KEYS, type KpiKey } from '../model/keys';
import type { PortfolioView } from './filter';
import { isComputed, NOT_STARTED, type PortfolioAccount, type StageSlot } from './model';
import { repsInView, stageSlots } from './reps';

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

/** The KPI targets of a slot: the stage's, or `notStarted`'s. */
export function targetsOf(config: SalesProcessConfig, slot: StageSlot): Partial<Record<KpiKey, number>> {
  if (slot === NOT_STARTED) return config.notStarted.kpiTargets;
  return config.stages.find((s) => s.key === slot)?.kpiTargets ?? {};
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
    return { kpi, target, actual, met: actual != null && actual >= target - 1e-9 };
  });
}

export function kpiRollup(view: PortfolioView, config: SalesProcessConfig): KpiRollup {
  const computed = view.accounts.filter(isComputed);
  const slots = stageSlots(config);
  // One pass: each account's targets tallied into the whole, its stage and its rep — per KPI (its
  // index in KPI_KEYS), [accounts with the target, of them met].
  type Tally = [number, number][];
  const tally = (): Tally => KPI_KEYS.map(() => [0, 0]);
  const all = tally();
  const byStage = new Map(slots.map((slot) => [slot, tally()]));
  const byOwner = new Map<string | null, Tally>();
  for (const a of computed) {
    const mine = byOwner.get(a.ownerId) ?? (byOwner.set(a.ownerId, tally()).get(a.ownerId) as Tally);
    const lists = [all, mine, byStage.get(a.stage as StageSlot) ?? tally()];
    const targets = targetsOf(config, a.stage as StageSlot);
    KPI_KEYS.forEach((k, i) => {
      const target = targets[k];
      if (target === undefined) return;
      const met = (a.kpis[k] ?? -Infinity) >= target - 1e-9 ? 1 : 0;
      for (const t of lists) {
        const c = t[i] as [number, number];
        c[0]++;
        c[1] += met;
      }
    });
  }
  const share = (kpi: KpiKey, [accounts, met]: [number, number]) => ({
    kpi,
    accounts,
    met,
    share: ratio(met, accounts),
  });
  const shares = (t: Tally): KpiShare[] =>
    KPI_KEYS.flatMap((kpi, i) =>
      (t[i] as [number, number])[0] > 0 ? [share(kpi, t[i] as [number, number])] : [],
    );
  return {
    computed: computed.length,
    notComputed: view.accounts.length - computed.length,
    byStage: slots.map((slot) => {
      const targets = targetsOf(config, slot);
      const t = byStage.get(slot) as Tally;
      return {
        slot,
        accounts: computed.filter((a) => a.stage === slot).length,
        kpis: KPI_KEYS.flatMap((kpi, i) => {
          const target = targets[kpi];
          return target === undefined ? [] : [{ ...share(kpi, t[i] as [number, number]), target }];
        }),
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
