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

type Issue = (path: (string | number)[], message: string) => void;

/** Rules that refer to other sections: stage keys exist, codes and roles are listed once. */
export function checkPortfolioReferences(
  cfg: { stages: { key: string }[]; team: TeamConfig; guidance: GuidanceConfig },
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
  const seen = new Map<string, string>();
  (['fieldSalesRoles', 'insideSalesRoles', 'managerRoles'] as const).forEach((list) =>
    cfg.team[list].forEach((role, i) => {
      const before = seen.get(role);
      if (before) issue(['team', list, i], `role "${role}" is already listed under team.${before}`);
      else seen.set(role, list);
    }),
  );
}
