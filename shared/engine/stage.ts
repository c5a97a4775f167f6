/**
 * Where an account stands in the relationship process, and why (DOMAIN §2, DESIGN §4, issue 11).
 * A stage is the depth the relationship has reached:
 * - the stage reached before (the latest Relationship_Stage_History record up to the as-of instant,
 *   else the account's Relationship_Stage as last written) is kept;
 * - from there the account moves up one stage at a time while that stage's own criteria hold (an
 *   account with no stage climbs from the bottom, as every stage's criteria are checked in turn);
 * - criteria of the stages at or below the current one that no longer hold (evidence aged out of the
 *   window) do not demote: they make the stage "at risk" and are listed per stage;
 * - only `stageRegression` (no activity at all for N days, or no key person left) drops the kept
 *   stage, and then the account stands where its evidence puts it now.
 * Criteria are `metric ≥ min` over metrics that never fall when evidence is added, so recording more
 * work never lowers the stage.
 */
import type {
  Bilingual,
  Criterion,
  MetricCriterion,
  SalesProcessConfig,
  StageConfig,
} from '../config/schema';
import { stageKeyFromCrmValue } from '../config/picklists';
import { WINDOWED_METRICS } from '../model/keys';
import { inWindow } from '../model/time';
import { METRIC_LABELS, PLAN_SECTION_LABELS } from '../i18n/labels';
import type { CompiledConfig } from './compiled';
import type { AccountContext } from './context';
import { metricKey, metricValue, type MetricSpec } from './metrics';

export interface CriterionResult {
  /** A stable id, e.g. `key_person_meetings≥2/365d` or `anyOf(customer_consultations≥1/365d|…)`. */
  criterion: string;
  label: Bilingual;
  actual: number | null;
  required: number;
  met: boolean;
  /** 0..1: how far along this criterion is (met = 1). */
  progress: number;
}

/** A stage at or below the account's whose criteria no longer all hold: kept, but at risk. */
export interface StaleStage {
  stage: string;
  stale: CriterionResult[];
}

export type RegressionCode = 'NO_ACTIVITY' | 'LOST_KEY_PERSON';

export interface StageEvaluation {
  /** Index into config.stages; -1 = not started. */
  index: number;
  /** The criteria that hold now, of the stages up to `index`. */
  evidence: (CriterionResult & { stage: string })[];
  next: { stage: StageConfig; progress: number; missing: CriterionResult[] } | null;
  /** The stage reached before this evaluation (-1 none), and where that came from. */
  reached: { index: number; source: 'history' | 'crm' | 'none' };
  /** Set when a `stageRegression` rule dropped the reached stage. */
  regression: { code: RegressionCode; from: number } | null;
  /** Stages up to `index` with criteria that no longer hold: "at risk / evidence stale". */
  atRisk: StaleStage[];
}

export function evaluateStages(ctx: AccountContext): StageEvaluation {
  const stages = ctx.cc.config.stages;
  const reached = reachedStage(ctx);
  const regression = reached.index >= 0 ? regressionOf(ctx) : null;
  let index = regression ? -1 : reached.index;
  // Each stage's criteria evaluated when first needed: the stages above the next one never are.
  const results: CriterionResult[][] = [];
  const resultsOf = (i: number) =>
    (results[i] ??= (stages[i] as StageConfig).criteria.map((c) => evaluateCriterion(ctx, c)));
  let next: StageEvaluation['next'] = null;
  for (let i = index + 1; i < stages.length; i++) {
    const r = resultsOf(i);
    const stage = stages[i] as StageConfig;
    if (!r.every((x) => x.met)) {
      const progress = r.reduce((s, x) => s + x.progress, 0) / r.length;
      next = { stage, progress, missing: r.filter((x) => !x.met) };
      break;
    }
    index = i;
  }
  const evidence: StageEvaluation['evidence'] = [];
  const atRisk: StaleStage[] = [];
  for (let i = 0; i <= index; i++) {
    const key = (stages[i] as StageConfig).key;
    const r = resultsOf(i);
    evidence.push(...r.filter((x) => x.met).map((x) => ({ ...x, stage: key })));
    const stale = r.filter((x) => !x.met);
    if (stale.length > 0) atRisk.push({ stage: key, stale });
  }
  return {
    index,
    evidence,
    next,
    reached,
    regression: regression ? { code: regression, from: reached.index } : null,
    atRisk,
  };
}

/**
 * The stage the account had reached by `asOf`: the `to` of its latest history record up to then;
 * with no history at all, the Relationship_Stage value last written to the account.
 */
export function reachedStage(ctx: AccountContext): StageEvaluation['reached'] {
  const { config } = ctx.cc;
  const history = ctx.bundle.stageHistory;
  if (history.length > 0) {
    let latest: (typeof history)[number] | undefined;
    for (const h of history) if (h.changedAt != null && h.changedAt <= ctx.asOf) latest = h;
    return latest
      ? { index: stageIndexOf(ctx, latest.to), source: 'history' }
      : { index: -1, source: 'none' };
  }
  const key = stageKeyFromCrmValue(config, ctx.bundle.account.relationshipStage);
  if (key === undefined) return { index: -1, source: 'none' };
  return { index: key === null ? -1 : config.stages.findIndex((s) => s.key === key), source: 'crm' };
}

/** A Relationship_Stage value (label in either language, or key) → stage index; -1 when none. */
export function stageIndexOf(ctx: AccountContext, value: string | null): number {
  const key = stageKeyFromCrmValue(ctx.cc.config, value);
  return key ? ctx.cc.config.stages.findIndex((s) => s.key === key) : -1;
}

/** The `stageRegression` rule that drops a reached stage, if one applies. */
function regressionOf(ctx: AccountContext): RegressionCode | null {
  const rule = ctx.cc.config.stageRegression;
  if (rule.noActivityDays != null) {
    const days = rule.noActivityDays;
    const active = ctx.activities.some(
      (a) => a.happened && a.activity.at != null && inWindow(a.activity.at, ctx.asOf, days),
    );
    if (!active) return 'NO_ACTIVITY';
  }
  if (rule.lostKeyPerson && ![...ctx.contacts.values()].some((c) => c.key)) return 'LOST_KEY_PERSON';
  return null;
}

export function evaluateCriterion(ctx: AccountContext, c: Criterion): CriterionResult {
  if ('anyOf' in c) {
    const alternatives = c.anyOf.map((alt) => evaluateMetricCriterion(ctx, alt));
    const best = alternatives.reduce((a, b) => (b.progress > a.progress ? b : a));
    const { id, label } = describeAnyOf(ctx.cc, c, alternatives);
    return {
      criterion: id,
      label,
      actual: best.actual,
      required: best.required,
      met: alternatives.some((a) => a.met),
      progress: best.progress,
    };
  }
  return evaluateMetricCriterion(ctx, c);
}

function evaluateMetricCriterion(ctx: AccountContext, c: MetricCriterion): CriterionResult {
  const { id, label, spec, key } = prepareCriterion(ctx.cc, c);
  const actual = metricValue(ctx, spec, key);
  const met = actual != null && actual >= c.min;
  const progress = met ? 1 : actual == null || c.min <= 0 ? 0 : Math.min(1, Math.max(0, actual / c.min));
  return { criterion: id, label, actual, required: c.min, met, progress };
}

/** A metric criterion as the config states it: the metric it asks (and its memo key), its id and label. */
interface PreparedCriterion {
  id: string;
  label: Bilingual;
  spec: MetricSpec;
  key: string;
}

/** A criterion's id, label and metric depend only on the config: worked out once per criterion. */
function prepareCriterion(cc: CompiledConfig, c: MetricCriterion): PreparedCriterion {
  let p = cc.memo.criteria.get(c) as PreparedCriterion | undefined;
  if (!p) {
    const windowDays = c.windowDays ?? cc.config.windows.stageCriteriaDays;
    const spec: MetricSpec = { metric: c.metric, windowDays, kinds: c.kinds, sections: c.sections };
    p = {
      id: criterionId(c, windowDays),
      label: c.label ?? criterionLabel(cc.kindConfig, c, windowDays),
      spec,
      key: metricKey(spec),
    };
    cc.memo.criteria.set(c, p);
  }
  return p;
}

/** An anyOf criterion's id and label, from its alternatives' (once per criterion: they depend only on the config). */
function describeAnyOf(
  cc: CompiledConfig,
  c: Exclude<Criterion, MetricCriterion>,
  alternatives: readonly CriterionResult[],
): { id: string; label: Bilingual } {
  let d = cc.memo.criteria.get(c) as { id: string; label: Bilingual } | undefined;
  if (!d) {
    d = {
      id: `anyOf(${alternatives.map((a) => a.criterion).join('|')})`,
      label: c.label ?? {
        ja: `いずれか: ${alternatives.map((a) => a.label.ja).join(' / ')}`,
        en: `Any of: ${alternatives.map((a) => a.label.en).join(' / ')}`,
      },
    };
    cc.memo.criteria.set(c, d);
  }
  return d;
}

function criterionId(c: MetricCriterion, windowDays: number): string {
  const qualifier = c.kinds ?? c.sections;
  return `${c.metric}${qualifier ? `[${qualifier.join(',')}]` : ''}≥${c.min}${WINDOWED_METRICS.has(c.metric) ? `/${windowDays}d` : ''}`;
}

/** "キーパーソンとの面談 2以上（直近365日）" / "Key-person meetings ≥ 2 (last 365 days)". */
function criterionLabel(
  kindConfig: ReadonlyMap<string, { label: Bilingual }>,
  c: MetricCriterion,
  windowDays: number,
): Bilingual {
  const base = METRIC_LABELS[c.metric];
  const kindLabels = c.kinds?.map((k) => kindConfig.get(k)?.label ?? { ja: k, en: k });
  const sectionLabels = c.sections?.map((s) => PLAN_SECTION_LABELS[s]);
  const detail = kindLabels ?? sectionLabels;
  const name = (lang: 'ja' | 'en') =>
    detail ? `${base[lang]}（${detail.map((d) => d[lang]).join('・')}）` : base[lang];
  if (c.metric === 'decision_maker_identified') return base;
  const w = WINDOWED_METRICS.has(c.metric);
  return {
    ja: `${name('ja')} ${c.min}以上${w ? `（直近${windowDays}日）` : ''}`,
    en: `${name('en').replace('（', ' (').replace('）', ')')} ≥ ${c.min}${w ? ` (last ${windowDays} days)` : ''}`,
  };
}

/**
 * Every criterion label the config can produce (each stage's criteria, anyOf alternatives and the
 * anyOf line itself), for reading back text written in one language (Next_Stage_Gaps) in the other.
 */
export function criterionLabelsOf(config: SalesProcessConfig): Bilingual[] {
  const kinds = new Map(config.activityKinds.map((k) => [k.key as string, k]));
  const window = config.windows.stageCriteriaDays;
  const metric = (c: MetricCriterion) => c.label ?? criterionLabel(kinds, c, c.windowDays ?? window);
  return config.stages.flatMap((s) =>
    s.criteria.flatMap((c) => {
      if (!('anyOf' in c)) return [metric(c)];
      const alts = c.anyOf.map(metric);
      return [
        ...alts,
        c.label ?? {
          ja: `いずれか: ${alts.map((a) => a.ja).join(' / ')}`,
          en: `Any of: ${alts.map((a) => a.en).join(' / ')}`,
        },
      ];
    }),
  );
}
