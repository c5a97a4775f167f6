/**
 * Activity balance per rep (DOMAIN §5): deal-advancing vs relationship-deepening work, against the
 * mix the stages of the rep's accounts call for. Read from KPI_Relationship_Activity_Share (the
 * relationship share of each account's activities over the KPI window): each account counts once,
 * as each stage's `recommendedRelationshipShare` is a share per account.
 */
import type { SalesProcessConfig } from '../config/schema';
import type { PortfolioView } from './filter';
import { isComputed, type PortfolioAccount, type StageSlot } from './model';
import { repsInView } from './reps';
import { slotConfigs } from './slot-config';

export type BalanceVerdict = 'balanced' | 'deal_heavy' | 'relationship_heavy' | 'no_data';

export interface ActivityBalance {
  /** Computed accounts with a stage. */
  accounts: number;
  /** Of those, accounts with activities in the KPI window (their relationship share is known). */
  withActivity: number;
  /** Mean relationship share of the accounts with activity (0..1); the deal share is 1 − this. */
  relationshipShare: number | null;
  /** Mean recommended share of the same accounts' stages (of all accounts when none had activity). */
  recommendedShare: number | null;
  /** relationshipShare − recommendedShare. */
  gap: number | null;
  verdict: BalanceVerdict;
}

/**
 * Balanced when |gap| ≤ guidance.activityTolerance; below it the rep leans to deal work, above it
 * to relationship work.
 */
export function balanceOf(
  accounts: readonly PortfolioAccount[],
  config: SalesProcessConfig,
): ActivityBalance {
  const slotConfig = slotConfigs(config);
  // Sums in account order, as the means always added them.
  let computed = 0;
  let active = 0;
  let relationship = 0;
  let recommendedActive = 0;
  let recommendedAll = 0;
  for (const a of accounts) {
    if (!isComputed(a)) continue;
    const recommended = slotConfig(a.stage as StageSlot).recommendedShare;
    computed++;
    recommendedAll += recommended;
    const share = a.kpis.relationship_activity_share;
    if (share == null) continue;
    active++;
    relationship += share;
    recommendedActive += recommended;
  }
  const relationshipShare = mean(relationship, active);
  // of the accounts with activity; of all computed ones when none had any
  const recommendedShare = active > 0 ? mean(recommendedActive, active) : mean(recommendedAll, computed);
  const gap =
    relationshipShare != null && recommendedShare != null
      ? round4(relationshipShare - recommendedShare)
      : null;
  const tol = config.guidance.activityTolerance;
  return {
    accounts: computed,
    withActivity: active,
    relationshipShare: relationshipShare == null ? null : round4(relationshipShare),
    recommendedShare: recommendedShare == null ? null : round4(recommendedShare),
    gap,
    verdict:
      gap == null
        ? 'no_data'
        : gap < -tol - 1e-9
          ? 'deal_heavy'
          : gap > tol + 1e-9
            ? 'relationship_heavy'
            : 'balanced',
  };
}

export function activityBalance(
  view: PortfolioView,
  config: SalesProcessConfig,
): { team: ActivityBalance; perRep: (ActivityBalance & { ownerId: string | null })[] } {
  const byOwner = new Map<string | null, PortfolioAccount[]>();
  for (const a of view.accounts) {
    const mine = byOwner.get(a.ownerId);
    if (mine) mine.push(a);
    else byOwner.set(a.ownerId, [a]);
  }
  return {
    team: balanceOf(view.accounts, config),
    perRep: repsInView(view).map((rep) => ({
      ownerId: rep.id,
      ...balanceOf(byOwner.get(rep.id) ?? [], config),
    })),
  };
}

function mean(sum: number, n: number): number | null {
  return n === 0 ? null : sum / n;
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
