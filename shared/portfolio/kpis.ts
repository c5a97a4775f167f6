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
  // Each account's targets once (they are tallied by stage, by KPI and by rep).
  const targetsByAccount = new Map(computed.map((a) => [a, accountTargets(a, config)]));
  const byOwner = new Map<string | null, PortfolioAccount[]>();
  for (const a of computed) {
    const list = byOwner.get(a.ownerId);
    if (list) list.push(a);
    else byOwner.set(a.ownerId, [a]);
  }
  const shares = (accounts: readonly PortfolioAccount[]): KpiShare[] => {
    const tally = new Map<KpiKey, { accounts: number; met: number }>();
    for (const a of accounts) {
      for (const t of targetsByAccount.get(a) ?? accountTargets(a, config)) {
        const s = tally.get(t.kpi) ?? { accounts: 0, met: 0 };
        s.accounts++;
        if (t.met) s.met++;
        tally.set(t.kpi, s);
      }
    }
    return KPI_KEYS.filter((k) => tally.has(k)).map((kpi) => {
      const s = tally.get(kpi) as { accounts: number; met: number };
      return { kpi, accounts: s.accounts, met: s.met, share: ratio(s.met, s.accounts) };
    });
  };
  return {
    computed: computed.length,
    notComputed: view.accounts.length - computed.length,
    byStage: stageSlots(config).map((slot) => {
      const here = computed.filter((a) => a.stage === slot);
      const targets = targetsOf(config, slot);
      const got = new Map(shares(here).map((s) => [s.kpi, s]));
      return {
        slot,
        accounts: here.length,
        kpis: KPI_KEYS.filter((k) => targets[k] !== undefined).map((kpi) => ({
          kpi,
          target: targets[kpi] as number,
          accounts: got.get(kpi)?.accounts ?? 0,
          met: got.get(kpi)?.met ?? 0,
          share: got.get(kpi)?.share ?? null,
        })),
      };
    }),
    byKpi: shares(computed),
    perRep: repsInView(view).map((rep) => {
      const kpis = shares(byOwner.get(rep.id) ?? []);
      const targets = kpis.reduce((n, k) => n + k.accounts, 0);
      const met = kpis.reduce((n, k) => n + k.met, 0);
      return { ownerId: rep.id, targets, met, share: ratio(met, targets), kpis };
    }),
  };
}

export function ratio(n: number, d: number): number | null {
  return d === 0 ? null : n / d;
}
