/**
 * Where an account stands in the relationship process, and why (DOMAIN §2, DESIGN §4). An account
 * sits at the highest stage whose criteria hold together with those of every lower stage; the
 * next stage's unmet criteria are what is missing. Criteria are `metric ≥ min` over metrics that
 * never fall when evidence is added, so recording more work never lowers the stage.
 */
import type {
  Bilingual,
  Criterion,
  MetricCriterion,
  SalesProcessConfig,
  StageConfig,
} from '../config/schema';
import { WINDOWED_METRICS } from '../model/keys';
import { METRIC_LABELS, PLAN_SECTION_LABELS } from '../i18n/labels';
import type { AccountContext } from './context';
import { metricValue } from './metrics';

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

export interface StageEvaluation {
  /** Index into config.stages; -1 = not started. */
  index: number;
  evidence: (CriterionResult & { stage: string })[];
  next: { stage: StageConfig; progress: number; missing: CriterionResult[] } | null;
}

export function evaluateStages(ctx: AccountContext): StageEvaluation {
  const stages = ctx.cc.config.stages;
  let index = -1;
  const evidence: StageEvaluation['evidence'] = [];
  for (const [i, stage] of stages.entries()) {
    const results = stage.criteria.map((c) => evaluateCriterion(ctx, c));
    if (!results.every((r) => r.met)) {
      const missing = results.filter((r) => !r.met);
      const progress = results.reduce((s, r) => s + r.progress, 0) / results.length;
      return { index, evidence, next: { stage, progress, missing } };
    }
    index = i;
    evidence.push(...results.map((r) => ({ ...r, stage: stage.key })));
  }
  return { index, evidence, next: null };
}

export function evaluateCriterion(ctx: AccountContext, c: Criterion): CriterionResult {
  if ('anyOf' in c) {
    const alternatives = c.anyOf.map((alt) => evaluateMetricCriterion(ctx, alt));
    const best = alternatives.reduce((a, b) => (b.progress > a.progress ? b : a));
    return {
      criterion: `anyOf(${alternatives.map((a) => a.criterion).join('|')})`,
      label: c.label ?? {
        ja: `いずれか: ${alternatives.map((a) => a.label.ja).join(' / ')}`,
        en: `Any of: ${alternatives.map((a) => a.label.en).join(' / ')}`,
      },
      actual: best.actual,
      required: best.required,
      met: alternatives.some((a) => a.met),
      progress: best.progress,
    };
  }
  return evaluateMetricCriterion(ctx, c);
}

function evaluateMetricCriterion(ctx: AccountContext, c: MetricCriterion): CriterionResult {
  const windowDays = c.windowDays ?? ctx.cc.config.windows.stageCriteriaDays;
  const actual = metricValue(ctx, { metric: c.metric, windowDays, kinds: c.kinds, sections: c.sections });
  const met = actual != null && actual >= c.min;
  const progress = met ? 1 : actual == null || c.min <= 0 ? 0 : Math.min(1, Math.max(0, actual / c.min));
  const { id, label } = describeCriterion(ctx, c, windowDays);
  return { criterion: id, label, actual, required: c.min, met, progress };
}

/** A criterion's id and label depend only on the config: built once per criterion and window. */
function describeCriterion(
  ctx: AccountContext,
  c: MetricCriterion,
  windowDays: number,
): { id: string; label: Bilingual } {
  const memo = ctx.cc.memo.labels;
  let byWindow = memo.get(c) as Map<number, { id: string; label: Bilingual }> | undefined;
  if (!byWindow) {
    byWindow = new Map();
    memo.set(c, byWindow);
  }
  let d = byWindow.get(windowDays);
  if (!d) {
    d = {
      id: criterionId(c, windowDays),
      label: c.label ?? criterionLabel(ctx.cc.kindConfig, c, windowDays),
    };
    byWindow.set(windowDays, d);
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
