/**
 * The config sections of the manager's view (DESIGN §5): `team` (how Zoho user roles tell field reps,
 * inside sales and managers apart) and `guidance` (the rules that turn a portfolio into advice).
 * Cross-references (stage keys, duplicate codes, a role listed twice) are checked in
 * `checkPortfolioReferences`, called from the main schema's reference check.
 */
import { z } from 'zod';

const text = z.string().trim().min(1, 'must not be empty');
const bilingual = z.strictObject({ ja: text, en: text });
const stageRef = z
  .string()
  .regex(/^[a-z][a-z0-9_]*$/, 'must be a stage key such as trust (or not_started where allowed)');
const share = z
  .number()
  .min(0, 'is a share between 0 and 1 (e.g. 0.1 for 10 %)')
  .max(1, 'is a share between 0 and 1 (e.g. 0.1 for 10 %)');

/** Placeholders a guidance message may use; anything else in braces is a typo. */
export const GUIDANCE_PLACEHOLDERS = [
  'count',
  'total',
  'share',
  'stage',
  'days',
  'rep',
  'actual',
  'recommended',
] as const;

const message = bilingual.superRefine((m, ctx) => {
  for (const lang of ['ja', 'en'] as const) {
    for (const [, name] of m[lang].matchAll(/\{(\w+)\}/g)) {
      if (!(GUIDANCE_PLACEHOLDERS as readonly string[]).includes(name ?? '')) {
        ctx.addIssue({
          code: 'custom',
          path: [lang],
          message: `unknown placeholder {${name}}; use ${GUIDANCE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`,
        });
      }
    }
  }
});

const ruleBase = {
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an UPPER_SNAKE_CASE code, e.g. SENIOR_VISIT'),
  /** A short name for tables and the CSV (default: one per kind). */
  label: bilingual.optional(),
  message,
};

export const guidanceRuleSchema = z.discriminatedUnion(
  'kind',
  [
    /** Many accounts at one stage (now): e.g. 信頼定着 → prioritise customer-success work. */
    z.strictObject({
      ...ruleBase,
      kind: z.literal('stage_concentration'),
      stage: stageRef,
      minShare: share,
      minAccounts: z.number().int().min(1),
    }),
    /** Accounts at `fromStage` or beyond whose KPI executive_touchpoints is 0 over the KPI window. */
    z.strictObject({ ...ruleBase, kind: z.literal('no_executive_touch'), fromStage: stageRef }),
    /** Accounts up to `upToStage` (not_started allowed) owned by field reps. */
    z.strictObject({ ...ruleBase, kind: z.literal('early_stage_field_owned'), upToStage: stageRef }),
    /** Accounts at `fromStage` or beyond not owned by a field rep, or whose open deals other reps hold. */
    z.strictObject({ ...ruleBase, kind: z.literal('deep_without_dedicated_owner'), fromStage: stageRef }),
    /** Reps whose relationship share is below what their accounts' stages recommend, by more than the tolerance. */
    z.strictObject({ ...ruleBase, kind: z.literal('activity_imbalance') }),
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union'
        ? 'kind must be one of stage_concentration, no_executive_touch, early_stage_field_owned, deep_without_dedicated_owner, activity_imbalance'
        : undefined,
  },
);
export type GuidanceRule = z.infer<typeof guidanceRuleSchema>;
export type GuidanceKind = GuidanceRule['kind'];

export const teamSchema = z
  .strictObject({
    fieldSalesRoles: z.array(text).default([]),
    insideSalesRoles: z.array(text).default([]),
    managerRoles: z.array(text).default([]),
  })
  .prefault({});
export type TeamConfig = z.infer<typeof teamSchema>;

export const guidanceSchema = z
  .strictObject({
    /** A rep's relationship share may differ from the recommended one by this much and still be balanced. */
    activityTolerance: share.default(0.1),
    /** Fiscal quarters in the forecast, from the current one. */
    forecastQuarters: z.number().int().min(1).max(8).default(4),
    rules: z.array(guidanceRuleSchema).default([]),
  })
  .prefault({});
export type GuidanceConfig = z.infer<typeof guidanceSchema>;

/** The parts of the account health score (shared/portfolio/health.ts). */
// The parts live in the zod-free keys module so the web tab can name them without bundling zod.
export { HEALTH_PARTS, type HealthPart } from '../model/keys';

const weight = z.number().min(0, 'a weight is 0 or more');
const dayCount = z.number().int().min(1, 'must be at least 1 day');

/**
 * One health score per account, 0–100: Σ weight × part / Σ weight over the parts that apply (each
 * part 0–1; a part with nothing to judge — no open deal for deal risk — is left out).
 */
export const healthSchema = z
  .strictObject({
    weights: z
      .strictObject({
        stage: weight.default(0.25),
        evidence: weight.default(0.2),
        plan: weight.default(0.2),
        keyPeople: weight.default(0.2),
        dealRisk: weight.default(0.15),
      })
      .prefault({})
      .refine((w) => Object.values(w).some((v) => v > 0), 'at least one weight must be above 0'),
    /** Evidence (the latest completed activity) counts fully up to this age, and nothing from staleDays on. */
    evidenceFreshDays: dayCount.default(30),
    evidenceStaleDays: dayCount.default(120),
    /** A key person counts as covered when someone met or called them within this many days. */
    keyPersonContactDays: dayCount.default(90),
    /** Score bands: at least good = 良好, at least watch = 注意, below = 要対応. */
    bands: z
      .strictObject({
        good: z.number().min(0).max(100).default(70),
        watch: z.number().min(0).max(100).default(40),
      })
      .prefault({}),
  })
  .prefault({})
  .superRefine((h, ctx) => {
    if (h.evidenceStaleDays <= h.evidenceFreshDays)
      ctx.addIssue({
        code: 'custom',
        path: ['evidenceStaleDays'],
        message: `must be more than evidenceFreshDays (${h.evidenceFreshDays})`,
      });
    if (h.bands.watch > h.bands.good)
      ctx.addIssue({
        code: 'custom',
        path: ['bands', 'watch'],
        message: `must not be above bands.good (${h.bands.good})`,
      });
  });
export type HealthConfig = z.infer<typeof healthSchema>;

/** What an alert rule watches (shared/portfolio/alerts.ts). */
export const ALERT_KINDS = [
  'stale_plan',
  'key_person_not_contacted',
  'account_stalled',
  'premature_large_deal',
  'decision_maker_never_met',
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

const alertRuleSchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'must be an UPPER_SNAKE_CASE code, e.g. STALE_PLAN'),
  kind: z.enum(ALERT_KINDS),
  /** The task's subject (before the account name), in both languages; the service writes one. */
  label: bilingual,
  /** The rule applies to accounts at this stage or beyond (default: every assessed account). */
  fromStage: stageRef.optional(),
  /** key_person_not_contacted: days without a meeting or call. */
  days: z.number().int().min(1).optional(),
  /** premature_large_deal: the smallest amount that counts as large (default dealPriority.largeAmount). */
  minAmount: z.number().positive().optional(),
});
export type AlertRule = z.infer<typeof alertRuleSchema>;

/**
 * Alerts that reach reps as Zoho Tasks: one task per rule and account for the account's owner,
 * updated while the condition holds and closed when it clears.
 */
export const alertsSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
    /** The task's due date: this many days after the alert was raised. */
    dueInDays: z.number().int().min(0).default(7),
    /** Task Status values for an open alert and a closed one. */
    openStatus: text.default('Not Started'),
    closedStatus: text.default('Completed'),
    priority: text.default('High'),
    rules: z.array(alertRuleSchema).default([]),
  })
  .prefault({})
  .superRefine((a, ctx) => {
    const codes = new Set<string>();
    a.rules.forEach((r, i) => {
      if (codes.has(r.code))
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'code'],
          message: `duplicate alert code "${r.code}"`,
        });
      codes.add(r.code);
      if (r.kind === 'key_person_not_contacted' && r.days == null)
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'days'],
          message: 'key_person_not_contacted needs days',
        });
      if (r.days != null && r.kind !== 'key_person_not_contacted')
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'days'],
          message: 'days only applies to key_person_not_contacted',
        });
      if (r.minAmount != null && r.kind !== 'premature_large_deal')
        ctx.addIssue({
          code: 'custom',
          path: ['rules', i, 'minAmount'],
          message: 'minAmount only applies to premature_large_deal',
        });
    });
  });
export type AlertsConfig = z.infer<typeof alertsSchema>;

type Issue = (path: (string | number)[], message: string) => void;

/** Rules that refer to other sections: stage keys exist, codes and roles are listed once. */
export function checkPortfolioReferences(
  cfg: { stages: { key: string }[]; team: TeamConfig; guidance: GuidanceConfig; alerts: AlertsConfig },
  issue: Issue,
): void {
  cfg.stages.forEach((s, i) => {
    if (s.key === 'not_started')
      issue(['stages', i, 'key'], '"not_started" is reserved for accounts before the first stage');
  });
  const stages = new Set(cfg.stages.map((s) => s.key));
  const known = [...stages].join(', ');
  const codes = new Set<string>();
  cfg.guidance.rules.forEach((rule, i) => {
    const at = ['guidance', 'rules', i];
    if (codes.has(rule.code)) issue([...at, 'code'], `duplicate guidance code "${rule.code}"`);
    codes.add(rule.code);
    const check = (field: string, value: string, notStarted: boolean) => {
      if (stages.has(value) || (notStarted && value === 'not_started')) return;
      issue(
        [...at, field],
        `unknown stage "${value}"; defined: ${notStarted ? 'not_started, ' : ''}${known}`,
      );
    };
    if (rule.kind === 'stage_concentration') check('stage', rule.stage, true);
    if (rule.kind === 'no_executive_touch' || rule.kind === 'deep_without_dedicated_owner')
      check('fromStage', rule.fromStage, false);
    if (rule.kind === 'early_stage_field_owned') check('upToStage', rule.upToStage, true);
  });
  cfg.alerts.rules.forEach((rule, i) => {
    if (rule.fromStage != null && !stages.has(rule.fromStage))
      issue(['alerts', 'rules', i, 'fromStage'], `unknown stage "${rule.fromStage}"; defined: ${known}`);
  });
  const seen = new Map<string, string>();
  (['fieldSalesRoles', 'insideSalesRoles', 'managerRoles'] as const).forEach((list) =>
    cfg.team[list].forEach((role, i) => {
      const before = seen.get(role);
      if (before) issue(['team', list, i], `role "${role}" is already listed under team.${before}`);
      else seen.set(role, list);
    }),
  );
}

/**
 * The daily account snapshots the service writes to the snapshot module (shared/portfolio/trends.ts):
 * the manager's trends. Off in a config that does not mention them.
 */
export const snapshotsSchema = z
  .strictObject({
    enabled: z.boolean().default(false),
  })
  .prefault({});
export type SnapshotsConfig = z.infer<typeof snapshotsSchema>;
