/** Bilingual labels of the manager's view that neither the config nor the engine labels name. */
import type { Bilingual, SalesProcessConfig } from '../config/schema';
import { FLAG_LABELS } from '../i18n/labels';
import type { BalanceVerdict } from './activity';
import type { GapReason } from './forecast';
import type { GuidanceKind } from '../config/portfolio-schema';
import type { OwnerReason } from './guidance';
import { NOT_STARTED, type PeriodKey, type StageSlot, type UserKind } from './model';

export const PERIOD_LABELS: Record<PeriodKey, Bilingual> = {
  quarter: { ja: '今四半期', en: 'This quarter' },
  fiscal_year: { ja: '今年度', en: 'This fiscal year' },
  trailing_90d: { ja: '直近90日', en: 'Last 90 days' },
};

export const USER_KIND_LABELS: Record<UserKind, Bilingual> = {
  field: { ja: 'フィールドセールス', en: 'Field sales' },
  inside: { ja: 'インサイドセールス', en: 'Inside sales' },
  manager: { ja: 'マネージャー', en: 'Manager' },
  other: { ja: 'その他', en: 'Other' },
};

export const VERDICT_LABELS: Record<BalanceVerdict, Bilingual> = {
  balanced: { ja: '適正', en: 'Balanced' },
  deal_heavy: { ja: '案件推進に偏り', en: 'Leans to deal work' },
  relationship_heavy: { ja: '顧客深耕に偏り', en: 'Leans to relationship work' },
  no_data: { ja: '活動データなし', en: 'No activity data' },
};

export const GAP_REASON_LABELS: Record<GapReason, Bilingual> = {
  premature: { ja: '先走り行動あり', en: 'Seller ahead of the buyer' },
  unmapped: { ja: '購買段階が未対応', en: 'Buying stage not mapped' },
  stage_ahead: { ja: 'Zoho のステージが先行', en: 'Zoho stage ahead of the buyer' },
};

export const OWNER_REASON_LABELS: Record<OwnerReason, Bilingual> = {
  no_owner: { ja: '担当者なし', en: 'No owner' },
  owner_unknown: { ja: '担当者が有効なユーザーでない', en: 'Owner is not an active user' },
  owner_not_field: { ja: '担当がフィールドセールスでない', en: 'Owner is not a field rep' },
  split_deals: { ja: '案件の担当が分散', en: 'Deals held by other reps' },
};

/** Short names of the guidance rules (a rule's own `label` in the config wins). */
export const GUIDANCE_KIND_LABELS: Record<GuidanceKind, Bilingual> = {
  stage_concentration: { ja: 'カスタマーサクセス優先', en: 'Focus on customer success' },
  no_executive_touch: { ja: '役員接点なし', en: 'No executive touchpoint' },
  early_stage_field_owned: { ja: 'インサイドセールスへ', en: 'Hand to inside sales' },
  deep_without_dedicated_owner: { ja: '専任担当なし', en: 'No dedicated owner' },
  activity_imbalance: { ja: '活動が案件推進に偏り', en: 'Activity leans to deals' },
};

/** A guidance code's short name: the rule's label, else its kind's, else the code as is. */
export function guidanceLabel(code: string, config: SalesProcessConfig): Bilingual {
  const rule = config.guidance.rules.find((r) => r.code === code);
  if (!rule) return { ja: code, en: code };
  return rule.label ?? GUIDANCE_KIND_LABELS[rule.kind];
}

const NOT_ASSESSED: Bilingual = { ja: '未判定', en: 'Not assessed' };

/** A stage slot's label: "not started" or the stage's (its key when the config has no such stage). */
export function slotLabel(slot: StageSlot, config: SalesProcessConfig): Bilingual {
  if (slot === NOT_STARTED) return config.notStarted.label;
  return config.stages.find((s) => s.key === slot)?.label ?? { ja: slot, en: slot };
}

/** A stage slot's label in one language, or not assessed (null). */
export function stageSlotLabel(
  slot: StageSlot | null,
  config: SalesProcessConfig,
  lang: keyof Bilingual,
): string {
  return (slot == null ? NOT_ASSESSED : slotLabel(slot, config))[lang];
}

/**
 * A deal risk in the UI's language: Forecast_Risk is written in the service's language, so a known
 * code (a premature-action rule or an engine flag) reads from its label; an unknown one as written.
 */
export function riskLabel(
  risk: { code: string; text: string },
  config: SalesProcessConfig,
  lang: keyof Bilingual,
): string {
  const known =
    config.prematureActions.find((p) => p.code === risk.code)?.message ??
    (FLAG_LABELS as Record<string, Bilingual | undefined>)[risk.code];
  return known ? known[lang] : risk.text;
}
