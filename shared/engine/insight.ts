/**
 * `computeAccountInsight`: one account's records → where it stands, why, what is missing, its KPIs
 * and KGIs, deals in context and next actions (DESIGN §4). Pure: the same bundle, config and as-of
 * instant always give the same insight, in the widget and in the service.
 */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import type { KgiKey, KpiKey } from '../model/keys';
import type { Account, AccountBundle, DataIssue, Instant } from '../model/types';
import { nextActionsFor, type NextAction } from './actions';
import { compileConfig } from './compiled';
import { accountContext } from './context';
import { analyseDeals, type DealInsight } from './deals';
import { computeKgis, computeKpis, kgiTargetsOf, windowSummary, type KgiTarget } from './metrics';
import { evaluateStages, type RegressionCode } from './stage';
import { regressionMessage } from './actions';

export interface AccountInsight {
  accountId: string;
  accountName: string;
  /** Is_Target_Account is not unticked: a strategically chosen target company (S:50). */
  isTarget: boolean;
  asOf: string;
  stage: { key: string; index: number; label: Bilingual } | null;
  nextStage: {
    key: string;
    label: Bilingual;
    progress: number;
    missing: { criterion: string; actual: number | null; required: number; label: Bilingual }[];
  } | null;
  evidence: { stage: string; criterion: string; actual: number | null; required: number; label: Bilingual }[];
  /**
   * The stage is kept once reached (issue 11): where the reached stage came from, the regression
   * rule that dropped it (if any), and the stages whose evidence went stale ("at risk").
   */
  stageStatus: {
    reachedFrom: 'history' | 'crm' | 'none';
    regression: { code: RegressionCode; fromStage: string; message: Bilingual } | null;
    atRisk: {
      stage: string;
      label: Bilingual;
      stale: { criterion: string; actual: number | null; required: number; label: Bilingual }[];
    }[];
  };
  kpis: Record<KpiKey, number | null>;
  kgis: Partial<Record<KgiKey, number | null>>;
  /** KGIs with a target in the config (kgiTargets): actual vs target. */
  kgiTargets: Partial<Record<KgiKey, KgiTarget>>;
  targets: Partial<Record<KpiKey, { target: number; actual: number | null; met: boolean }>>;
  /**
   * Activities that happened in the KPI window. `deal` and `relationship` are the two sides of the mix;
   * `neither` counts the rest (unclassified, administrative, internal), of which `unclassified` are
   * the ones nobody classified (kind other, no Activity_Purpose). relationshipShare =
   * relationship ÷ (deal + relationship); unclassifiedShare = unclassified ÷ all (null when none).
   */
  activityMix: {
    deal: number;
    relationship: number;
    neither: number;
    unclassified: number;
    relationshipShare: number | null;
    unclassifiedShare: number | null;
    recommendedRelationshipShare: number;
  };
  deals: DealInsight[];
  nextActions: NextAction[];
  issues: DataIssue[];
}

export function computeAccountInsight(
  bundle: AccountBundle,
  config: SalesProcessConfig,
  asOf: Instant,
): AccountInsight {
  const cc = compileConfig(config);
  const ctx = accountContext(bundle, cc, asOf);
  const evaluation = evaluateStages(ctx);
  const stage = evaluation.index >= 0 ? (config.stages[evaluation.index] ?? null) : null;
  const kpis = computeKpis(ctx);
  const kgis = computeKgis(ctx);
  const stageTargets = (stage ?? config.notStarted).kpiTargets;
  const targets: AccountInsight['targets'] = {};
  for (const [key, target] of Object.entries(stageTargets) as [KpiKey, number][]) {
    const actual = kpis[key];
    targets[key] = { target, actual, met: actual != null && actual >= target };
  }
  const { total, relationship, deal, unclassified } = windowSummary(ctx, config.windows.kpiWindowDays);
  const { deals, issues: dealIssues } = analyseDeals(ctx, stage);
  return {
    accountId: bundle.account.id,
    accountName: bundle.account.name,
    isTarget: bundle.account.isTargetAccount !== false,
    asOf: new Date(asOf).toISOString(),
    stage: stage ? { key: stage.key, index: evaluation.index, label: stage.label } : null,
    nextStage: evaluation.next
      ? {
          key: evaluation.next.stage.key,
          label: evaluation.next.stage.label,
          progress: round(evaluation.next.progress, 4),
          missing: evaluation.next.missing.map(({ criterion, actual, required, label }) => ({
            criterion,
            actual,
            required,
            label,
          })),
        }
      : null,
    evidence: evaluation.evidence.map(({ stage: s, criterion, actual, required, label }) => ({
      stage: s,
      criterion,
      actual,
      required,
      label,
    })),
    stageStatus: {
      reachedFrom: evaluation.reached.source,
      regression: evaluation.regression
        ? {
            code: evaluation.regression.code,
            fromStage: config.stages[evaluation.regression.from]?.key ?? '',
            message: regressionMessage(ctx, evaluation.regression.code, evaluation.regression.from),
          }
        : null,
      atRisk: evaluation.atRisk.map((r) => ({
        stage: r.stage,
        label: config.stages.find((s) => s.key === r.stage)?.label ?? { ja: r.stage, en: r.stage },
        stale: r.stale.map(({ criterion, actual, required, label }) => ({
          criterion,
          actual,
          required,
          label,
        })),
      })),
    },
    kpis,
    kgis,
    kgiTargets: kgiTargetsOf(kgis, config.kgiTargets),
    targets,
    activityMix: {
      deal,
      relationship,
      neither: total - deal - relationship,
      unclassified,
      relationshipShare: kpis.relationship_activity_share,
      unclassifiedShare: total === 0 ? null : round(unclassified / total, 4),
      recommendedRelationshipShare: (stage ?? config.notStarted).recommendedRelationshipShare,
    },
    deals,
    nextActions: nextActionsFor(ctx, stage, evaluation),
    issues: [...bundle.issues, ...dealIssues],
  };
}

/**
 * Whether the service computes (and writes back) the account: always, unless `targets.computeNonTargets`
 * is false and Is_Target_Account is unticked. An account without the field counts as a target.
 */
export function isComputedAccount(
  account: Pick<Account, 'isTargetAccount'>,
  config: SalesProcessConfig,
): boolean {
  return config.targets.computeNonTargets || account.isTargetAccount !== false;
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
