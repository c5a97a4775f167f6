/**
 * Activity balance per rep (DOMAIN §5): deal-advancing vs relationship-deepening work, against the
 * mix the stages of the rep's accounts call for. Read from KPI_Relationship_Activity_Share (the
 * relationship share of each account's activities over the KPI window): each account counts once,
 * as each stage's `recommendedRelationshipShare` is a share per account.
 */
import type { SalesProcessConfig } from '../config/schema';
import type { PortfolioView } from './filter';
import { isComputed, NOT_STARTED, type PortfolioAccount, type StageSlot } from './model';
import { repsInView } from './reps';

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

export function recommendedShareOf(config: SalesProcessConfig, slot: StageSlot): number {
  if (slot === NOT_STARTED) return config.notStarted.recommendedRelationshipShare;
  return config.stages.find((s) => s.key === slot)?.recommendedRelationshipShare ?? 0;
}

/**
 * Balanced when |gap| ≤ guidance.activityTolerance; below it the rep leans to deal work, above it
 * to relationship work.
 */
export function balanceOf(
  accounts: readonly PortfolioAccount[],
  config: SalesProcessConfig,
): ActivityBalance {
  const computed = accounts.filter(isComputed);
  const active = computed.filter((a) => a.kpis.relationship_activity_share != null);
  const basis = active.length > 0 ? active : computed;
  const relationshipShare = mean(active.map((a) => a.kpis.relationship_activity_share as number));
  const recommendedShare = mean(basis.map((a) => recommendedShareOf(config, a.stage as StageSlot)));
  const gap =
    relationshipShare != null && recommendedShare != null
      ? round4(relationshipShare - recommendedShare)
      : null;
  const tol = config.guidance.activityTolerance;
  return {
    accounts: computed.length,
    withActivity: active.length,
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
  return {
    team: balanceOf(view.accounts, config),
    perRep: repsInView(view).map((rep) => ({
      ownerId: rep.id,
      ...balanceOf(
        view.accounts.filter((a) => a.ownerId === rep.id),
        config,
      ),
    })),
  };
}

function mean(xs: readonly number[]): number | null {
  return xs.length === 0 ? null : xs.reduce((s, x) => s + x, 0) / xs.length;
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
