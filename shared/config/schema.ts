/**
 * The schema of `config/sales-process.yaml` (DESIGN §5). Both the service and the widget validate
 * with it, so what one accepts the other accepts. Cross-field rules (references between sections,
 * order of the buying process, a Zoho stage mapped once) live in `checkConfigReferences`.
 */
import { z } from 'zod';
import {
  ACTIVITY_KINDS,
  ACTIVITY_PURPOSES,
  BUYING_ROLES,
  BUYING_STAGE_KEYS,
  KGI_KEYS,
  KPI_KEYS,
  METRIC_KEYS,
  PLAN_SECTIONS,
  STAGE_GATE_METRICS,
  WINDOWED_METRICS,
} from '../model/keys';
import { fieldsSchema } from './fields';
import {
  alertsSchema,
  snapshotsSchema,
  checkPortfolioReferences,
  guidanceSchema,
  healthSchema,
  teamSchema,
} from './portfolio-schema';
import { patternProblem } from './patterns';

const text = z.string().trim().min(1, 'must not be empty');
export const bilingualSchema = z.strictObject({ ja: text, en: text });
export type Bilingual = z.infer<typeof bilingualSchema>;

const key = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be a lower_snake_case key (a–z, 0–9, _), e.g. shared_issues');
const share = z
  .number()
  .min(0, 'is a share between 0 and 1 (e.g. 0.6 for 60 %)')
  .max(1, 'is a share between 0 and 1 (e.g. 0.6 for 60 %)');
const days = z.number().int('must be a whole number of days').positive().max(3650);

/** One stage criterion: `metric ≥ min`, optionally over its own window, kinds or plan sections. */
const metricCriterionSchema = z.strictObject({
  metric: z.enum(METRIC_KEYS),
  min: z.number().nonnegative(),
  windowDays: days.optional(),
  kinds: z.array(z.enum(ACTIVITY_KINDS)).min(1).optional(),
  sections: z.array(z.enum(PLAN_SECTIONS)).min(1).optional(),
  label: bilingualSchema.optional(),
});
export type MetricCriterion = z.infer<typeof metricCriterionSchema>;

const criterionSchema = z
  .strictObject({
    metric: metricCriterionSchema.shape.metric.optional(),
    min: metricCriterionSchema.shape.min.optional(),
    windowDays: days.optional(),
    kinds: metricCriterionSchema.shape.kinds,
    sections: metricCriterionSchema.shape.sections,
    label: bilingualSchema.optional(),
    anyOf: z.array(metricCriterionSchema).min(2, 'anyOf needs at least two alternatives').optional(),
  })
  .superRefine((c, ctx) => {
    if (c.anyOf) {
      const extra = (['metric', 'min', 'windowDays', 'kinds', 'sections'] as const).filter(
        (k) => c[k] != null,
      );
      if (extra.length > 0)
        ctx.addIssue({ code: 'custom', message: `anyOf cannot be combined with ${extra.join(', ')}` });
      c.anyOf.forEach((alt, i) => checkMetricCriterion(alt, ctx, ['anyOf', i]));
      return;
    }
    if (c.metric == null) {
      ctx.addIssue({
        code: 'custom',
        message: 'a criterion needs `metric` and `min` (or `anyOf: [...]`)',
        path: ['metric'],
      });
      return;
    }
    if (c.min == null) {
      ctx.addIssue({
        code: 'custom',
        message: `missing \`min\`: the least value of ${c.metric} that meets the criterion`,
        path: ['min'],
      });
      return;
    }
    checkMetricCriterion({ ...c, metric: c.metric, min: c.min }, ctx, []);
  })
  .transform((c): Criterion => (c.anyOf ? { anyOf: c.anyOf, label: c.label } : (c as MetricCriterion)));

export type Criterion = MetricCriterion | { anyOf: MetricCriterion[]; label?: Bilingual | undefined };

function checkMetricCriterion(c: MetricCriterion, ctx: z.RefinementCtx, at: (string | number)[]): void {
  const issue = (message: string, field: string) =>
    ctx.addIssue({ code: 'custom', message, path: [...at, field] });
  if (!STAGE_GATE_METRICS.has(c.metric)) {
    issue(
      `${c.metric} cannot gate a stage: it can fall when evidence is added, so recording more work could demote an account`,
      'metric',
    );
  }
  if (c.windowDays != null && !WINDOWED_METRICS.has(c.metric)) {
    issue(`windowDays does not apply to ${c.metric} (it is not counted over a window)`, 'windowDays');
  }
  if (c.kinds && c.metric !== 'activities') issue('kinds only applies to metric: activities', 'kinds');
  if (c.sections && c.metric !== 'plan_sections_filled')
    issue('sections only applies to metric: plan_sections_filled', 'sections');
  if (c.metric === 'decision_maker_identified' && c.min > 1)
    issue('decision_maker_identified is 0 or 1; use min: 1', 'min');
  if (c.metric === 'csat' && c.min > 5) issue('csat is a 1–5 rating; min must be at most 5', 'min');
  if (c.metric === 'plan_sections_filled' && c.min > (c.sections?.length ?? PLAN_SECTIONS.length)) {
    issue(
      `min ${c.min} is more than the ${c.sections?.length ?? PLAN_SECTIONS.length} section(s) counted`,
      'min',
    );
  }
}

const actionSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an UPPER_SNAKE_CASE code, e.g. FIND_KEY_PERSON'),
  label: bilingualSchema,
  planSection: z.enum(PLAN_SECTIONS),
});
export type NextActionRule = z.infer<typeof actionSchema>;

const kpiTargetsSchema = z.partialRecord(z.enum(KPI_KEYS), z.number().nonnegative());

const stageSchema = z.strictObject({
  key,
  label: bilingualSchema,
  /** What the relationship is like at this stage: shown on the ladder. */
  description: bilingualSchema,
  criteria: z.array(criterionSchema).min(1, 'a stage needs at least one criterion'),
  kpiTargets: kpiTargetsSchema.refine(
    (t) => Object.keys(t).length > 0,
    'list at least one KPI target for the stage',
  ),
  recommendedRelationshipShare: share,
  dealRole: key,
  /** Other roles a deal started at this stage may take, chosen by the role's `when` (issue 11). */
  otherDealRoles: z.array(key).optional(),
  stallDays: days.optional(),
  nextActions: z.array(actionSchema).min(1, 'give at least one next action'),
});
export type StageConfig = z.infer<typeof stageSchema>;

/**
 * When a stage once reached may be lost (issue 11): only by these rules, never because evidence
 * aged out of a criterion's window. `noActivityDays: null` switches the no-activity rule off.
 */
const stageRegressionSchema = z
  .strictObject({
    noActivityDays: days.nullable(),
    lostKeyPerson: z.boolean(),
  })
  .prefault({ noActivityDays: 365, lostKeyPerson: false });
export type StageRegressionConfig = z.infer<typeof stageRegressionSchema>;

/** Something the buyer did or said that a rep can verify, ticked on the deal card (Buying_Evidence). */
const exitCriterionSchema = z.strictObject({
  key: key.max(60, 'at most 60 characters (it is stored in the deal)'),
  label: bilingualSchema,
});
export type ExitCriterionConfig = z.infer<typeof exitCriterionSchema>;

const buyingStageSchema = z.strictObject({
  key: z.enum(BUYING_STAGE_KEYS),
  label: bilingualSchema,
  probability: share,
  zohoStages: z.array(text),
  customerNeeds: bilingualSchema,
  standardActions: z.array(bilingualSchema).min(1, 'list the standard actions of this buying stage'),
  exitCriteria: z
    .array(exitCriterionSchema)
    .min(1, "list the buyer's evidence that the customer has finished this stage"),
});
export type BuyingStageConfig = z.infer<typeof buyingStageSchema>;

const dealRoleSchema = z.strictObject({
  key,
  label: bilingualSchema,
  judgeOn: bilingualSchema,
  basePriority: z.number().int().min(1).max(5),
  rationale: bilingualSchema,
  /** When a stage lists this role under otherDealRoles: the deal evidence that selects it (all must hold). */
  when: z
    .strictObject({
      dealTypes: z.array(text).min(1).optional(),
      newDepartment: z.boolean().optional(),
    })
    .optional(),
});
export type DealRoleConfig = z.infer<typeof dealRoleSchema>;

/** A premature-action rule's code: the config names it, the prefix keeps it apart from the engine's own flags. */
export type PrematureCode = `PREMATURE_${string}`;

const prematureRuleSchema = z.strictObject({
  code: z
    .string()
    .regex(/^PREMATURE_[A-Z0-9_]+$/, 'must look like PREMATURE_QUOTE')
    .transform((c) => c as PrematureCode),
  kinds: z.array(z.enum(ACTIVITY_KINDS)).min(1),
  allowedFrom: z.enum(BUYING_STAGE_KEYS),
  /** Not flagged when the customer asked for it (customerRequests). */
  unlessRequested: z.boolean().optional(),
  message: bilingualSchema,
});
export type PrematureRule = z.infer<typeof prematureRuleSchema>;

const activityKindSchema = z.strictObject({
  key: z.enum(ACTIVITY_KINDS),
  label: bilingualSchema,
  purpose: z.enum(ACTIVITY_PURPOSES).nullable(),
  keywords: z.array(text),
});
export type ActivityKindConfig = z.infer<typeof activityKindSchema>;

const configObjectSchema = z.strictObject({
  version: z.literal(1),
  fiscalYearStartMonth: z.number().int().min(1).max(12),
  utcOffset: z.string().regex(/^[+-](0\d|1[0-4]):[0-5]\d$/, 'must be an offset like +09:00'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code like JPY'),
  writeBackLanguage: z.enum(['ja', 'en']),
  windows: z.strictObject({
    kpiWindowDays: days,
    stageCriteriaDays: days,
    planStaleDays: days,
    dealStaleDays: days,
  }),
  notStarted: z.strictObject({
    label: bilingualSchema,
    description: bilingualSchema.optional(),
    kpiTargets: kpiTargetsSchema,
    recommendedRelationshipShare: share,
    dealRole: key,
    nextActions: z.array(actionSchema).min(1),
  }),
  stages: z.array(stageSchema).min(2, 'define at least two relationship stages').max(12),
  stageRegression: stageRegressionSchema,
  buyingStages: z.array(buyingStageSchema),
  dealOutcomes: z.strictObject({ won: z.array(text).min(1), lost: z.array(text) }),
  dealRoles: z.array(dealRoleSchema).min(1),
  dealPriority: z.strictObject({
    lateStageFrom: z.enum(BUYING_STAGE_KEYS),
    largeAmount: z.number().positive(),
  }),
  prematureActions: z.array(prematureRuleSchema),
  customerRequests: z
    .strictObject({ keywords: z.array(text) })
    .prefault({ keywords: ['見積依頼', '概算依頼', 'requested a quote', 'quote request'] }),
  activityKinds: z.array(activityKindSchema),
  buyerMap: z.strictObject({
    keyRoles: z.array(z.enum(BUYING_ROLES)).min(1),
    keyInfluenceMin: z.number().int().min(1).max(5),
  }),
  executiveTitles: z.strictObject({ include: z.array(text).min(1), exclude: z.array(text) }),
  kgis: z.array(z.enum(KGI_KEYS)),
  /** Per-account KGI targets (share_of_wallet as 0..1); a KGI without one shows no target. */
  kgiTargets: z.partialRecord(z.enum(KGI_KEYS), z.number().nonnegative()).prefault({}),
  /** Strategic targets (Is_Target_Account): whether the service computes the other accounts at all. */
  targets: z.strictObject({ computeNonTargets: z.boolean() }).prefault({ computeNonTargets: true }),
  values: z.strictObject({
    taskCompletedStatuses: z.array(text).min(1),
    inboundCallTypes: z.array(text),
    existingBusinessTypes: z.array(text),
  }),
  sync: z
    .strictObject({
      dailyCredits: z.number().int().positive(),
      budgetShare: z
        .number()
        .gt(0, 'must be above 0')
        .max(1, 'is a share between 0 and 1 (e.g. 0.5 for half)'),
    })
    .prefault({ dailyCredits: 50_000, budgetShare: 0.5 }),
  fields: fieldsSchema,
  team: teamSchema,
  guidance: guidanceSchema,
  health: healthSchema,
  alerts: alertsSchema,
  snapshots: snapshotsSchema,
});

export type SalesProcessConfig = z.infer<typeof configObjectSchema>;
export const salesProcessConfigSchema = configObjectSchema.superRefine(checkConfigReferences);

/** Rules that span sections: each reported at the path of the offending value. */
function checkConfigReferences(cfg: SalesProcessConfig, ctx: z.RefinementCtx): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  firstDuplicates(cfg.stages.map((s) => s.key)).forEach((i) =>
    issue(['stages', i, 'key'], `duplicate stage key "${cfg.stages[i]?.key}": each stage needs its own key`),
  );
  firstDuplicates(cfg.dealRoles.map((r) => r.key)).forEach((i) =>
    issue(['dealRoles', i, 'key'], `duplicate deal role "${cfg.dealRoles[i]?.key}"`),
  );
  const roles = new Set(cfg.dealRoles.map((r) => r.key));
  const roleList = [...roles].join(', ');
  cfg.stages.forEach((s, i) => {
    if (!roles.has(s.dealRole))
      issue(['stages', i, 'dealRole'], `unknown deal role "${s.dealRole}"; defined: ${roleList}`);
    s.otherDealRoles?.forEach((r, j) => {
      const role = cfg.dealRoles.find((x) => x.key === r);
      if (!role) issue(['stages', i, 'otherDealRoles', j], `unknown deal role "${r}"; defined: ${roleList}`);
      else if (!role.when)
        issue(
          ['stages', i, 'otherDealRoles', j],
          `deal role "${r}" has no \`when\`: an alternative role needs the deal evidence that selects it`,
        );
    });
  });
  if (!roles.has(cfg.notStarted.dealRole)) {
    issue(['notStarted', 'dealRole'], `unknown deal role "${cfg.notStarted.dealRole}"; defined: ${roleList}`);
  }

  cfg.buyingStages.forEach((b, i) => {
    const expected = BUYING_STAGE_KEYS[i];
    if (expected === undefined)
      issue(['buyingStages', i], `only ${BUYING_STAGE_KEYS.length} buying stages exist`);
    else if (b.key !== expected) {
      issue(
        ['buyingStages', i, 'key'],
        `expected "${expected}" here: buying stages follow the customer's process in order (${BUYING_STAGE_KEYS.join(' → ')})`,
      );
    }
    const prev = cfg.buyingStages[i - 1];
    if (prev && b.probability < prev.probability) {
      issue(
        ['buyingStages', i, 'probability'],
        `${b.probability} is lower than the previous stage's ${prev.probability}: probabilities must not fall along the buying process`,
      );
    }
  });
  if (cfg.buyingStages.length < BUYING_STAGE_KEYS.length) {
    issue(
      ['buyingStages'],
      `all ${BUYING_STAGE_KEYS.length} buying stages are required (${BUYING_STAGE_KEYS.join(', ')}); found ${cfg.buyingStages.length}`,
    );
  }

  const mapped = new Map<string, string>();
  const mapOnce = (value: string, where: string, path: (string | number)[]) => {
    const before = mapped.get(value);
    if (before) issue(path, `Zoho deal stage "${value}" is already mapped by ${before}; map each value once`);
    else mapped.set(value, where);
  };
  cfg.buyingStages.forEach((b, i) =>
    b.zohoStages.forEach((v, j) =>
      mapOnce(v, `buyingStages[${i}] (${b.key})`, ['buyingStages', i, 'zohoStages', j]),
    ),
  );
  cfg.dealOutcomes.lost.forEach((v, j) => mapOnce(v, 'dealOutcomes.lost', ['dealOutcomes', 'lost', j]));
  const contract = cfg.buyingStages.find((b) => b.key === 'contract');
  cfg.dealOutcomes.won.forEach((v, j) => {
    if (contract && !contract.zohoStages.includes(v)) {
      issue(
        ['dealOutcomes', 'won', j],
        `won stage "${v}" must also be listed under the contract buying stage's zohoStages`,
      );
    }
  });

  firstDuplicates(cfg.activityKinds.map((k) => k.key)).forEach((i) =>
    issue(['activityKinds', i, 'key'], `activity kind "${cfg.activityKinds[i]?.key}" is listed twice`),
  );
  const kinds = new Set(cfg.activityKinds.map((k) => k.key));
  const absent = ACTIVITY_KINDS.filter((k) => !kinds.has(k));
  if (absent.length > 0)
    issue(
      ['activityKinds'],
      `every activity kind needs an entry (labels are shown to users); missing: ${absent.join(', ')}`,
    );
  cfg.activityKinds.forEach((k, i) => {
    if (k.purpose !== null && k.key === 'other') {
      issue(
        ['activityKinds', i, 'purpose'],
        '"other" (an activity nobody classified) must have purpose: null: it counts on neither side of the mix',
      );
    }
  });

  (['include', 'exclude'] as const).forEach((list) =>
    cfg.executiveTitles[list].forEach((pattern, i) => {
      const problem = patternProblem(pattern);
      if (problem) issue(['executiveTitles', list, i], problem);
    }),
  );
  const exitKeys = cfg.buyingStages.flatMap((b, i) =>
    b.exitCriteria.map((c, j) => ({ key: c.key, path: ['buyingStages', i, 'exitCriteria', j, 'key'] })),
  );
  firstDuplicates(exitKeys.map((e) => e.key)).forEach((i) => {
    const e = exitKeys[i];
    if (e)
      issue(
        e.path,
        `exit criterion "${e.key}" is listed twice: each needs its own key (it is stored on the deal)`,
      );
  });
  firstDuplicates(cfg.prematureActions.map((r) => r.code)).forEach((i) =>
    issue(['prematureActions', i, 'code'], `duplicate rule code "${cfg.prematureActions[i]?.code}"`),
  );
  firstDuplicates(cfg.kgis).forEach((i) => issue(['kgis', i], `KGI "${cfg.kgis[i]}" is listed twice`));
  for (const [k, target] of Object.entries(cfg.kgiTargets)) {
    if (!cfg.kgis.includes(k as (typeof cfg.kgis)[number]))
      issue(
        ['kgiTargets', k],
        `KGI "${k}" has a target but is not listed under kgis: add it there or drop the target`,
      );
    else if (k === 'share_of_wallet' && (target ?? 0) > 1)
      issue(['kgiTargets', k], 'share_of_wallet is a share between 0 and 1 (e.g. 0.3 for 30 %)');
  }
  checkPortfolioReferences(cfg, issue);
}

/** Indexes of entries that repeat an earlier entry. */
function firstDuplicates(values: readonly string[]): number[] {
  const seen = new Set<string>();
  const out: number[] = [];
  values.forEach((v, i) => {
    if (seen.has(v)) out.push(i);
    seen.add(v);
  });
  return out;
}
