/**
 * Insight → the Zoho field values the service owns (DESIGN §2): the account's stage, progress,
 * gaps, KPIs and KGIs; each deal's buying stage, role, priority and forecast risk. Ratios become Zoho
 * percent values (0–100); labels are written in the config's `writeBackLanguage`.
 */
import { stageKeyFromCrmValue } from '../config/picklists';
import type { SalesProcessConfig } from '../config/schema';
import { KPI_KEYS, RATIO_KPIS, kgiFieldName, kpiFieldName, type KgiKey, type KpiKey } from '../model/keys';
import { once } from '../model/once';
import { formatInstant, localDateOf, offsetMinutes, parseInstant } from '../model/time';
import type { Instant } from '../model/types';
import type { DealInsight } from '../engine/deals';
import type { AccountInsight } from '../engine/insight';

export type ZohoValue = string | number | boolean | null;
export type FieldValues = Record<string, ZohoValue>;

export interface AccountProjection {
  fields: FieldValues;
  /** Set when the stage differs from the CRM's: the Relationship_Stage_History record to insert. */
  stageChange: { from: string | null; to: string; changedAt: string } | null;
}

/**
 * The account's service-owned fields. `current` is the CRM record as read (for the stage it had and
 * since when): `Relationship_Stage_Since` stays while the stage stays.
 */
export function projectAccount(
  insight: AccountInsight,
  config: SalesProcessConfig,
  current: Record<string, unknown>,
): AccountProjection {
  const f = config.fields.account;
  const lang = config.writeBackLanguage;
  const { offset, kpiFields, kgiFields } = accountFieldsOf(config);
  const asOf = parseInstant(insight.asOf) as Instant;
  const stageLabel = (insight.stage?.label ?? config.notStarted.label)[lang];
  const previousKey = stageKeyFromCrmValue(config, current[f.relationshipStage]);
  const sameStage = previousKey !== undefined && previousKey === (insight.stage?.key ?? null);
  const since = current[f.stageSince];
  const fields: FieldValues = {
    [f.relationshipStage]: stageLabel,
    [f.stageSince]:
      sameStage && typeof since === 'string' && since !== '' ? since : localDateOf(asOf, offset),
    [f.stageProgress]: insight.nextStage ? Math.round(insight.nextStage.progress * 100) : 100,
    [f.nextStageGaps]:
      insight.nextStage?.missing
        .map((m) => `・${m.label[lang]}（${m.actual ?? '—'} / ${m.required}）`)
        .join('\n') || null,
  };
  const unclassified = insight.activityMix.unclassifiedShare;
  fields[f.unclassifiedShare] = unclassified == null ? null : round(unclassified * 100, 1);
  for (const [key, field] of kpiFields) {
    const v = insight.kpis[key];
    fields[field] = v == null ? null : RATIO_KPIS.has(key) ? round(v * 100, 1) : v;
  }
  for (const [key, field] of kgiFields) {
    const v = insight.kgis[key] ?? null;
    fields[field] = v == null ? null : key === 'share_of_wallet' ? round(v * 100, 1) : round(v, 2);
  }
  const currentLabel =
    typeof current[f.relationshipStage] === 'string' ? (current[f.relationshipStage] as string) : null;
  return {
    fields,
    stageChange: sameStage
      ? null
      : { from: currentLabel || null, to: stageLabel, changedAt: formatInstant(asOf, offset) },
  };
}

/** The field written alongside any change to an account (never on its own: that would rewrite every account every run). */
export function insightTimestampField(insight: AccountInsight, config: SalesProcessConfig): FieldValues {
  const asOf = parseInstant(insight.asOf) as Instant;
  return { [config.fields.account.insightUpdatedAt]: formatInstant(asOf, accountFieldsOf(config).offset) };
}

interface AccountFields {
  offset: number;
  /** Each KPI with its Accounts field, in KPI_KEYS order; each KGI the config keeps with its field. */
  kpiFields: [KpiKey, string][];
  kgiFields: [KgiKey, string][];
}

/** What the account projection needs from the config, worked out once per config (every account asks). */
const accountFieldsOf = once((config: SalesProcessConfig): AccountFields => {
  const f = config.fields.account;
  return {
    offset: offsetMinutes(config.utcOffset),
    kpiFields: KPI_KEYS.map((key) => [key, kpiFieldName(key, f.kpiPrefix)]),
    kgiFields: config.kgis.map((key) => [key, kgiFieldName(key, f)]),
  };
}, new WeakMap());

/** A deal's service-owned fields. */
export function projectDeal(deal: DealInsight, config: SalesProcessConfig): FieldValues {
  const f = config.fields.deal;
  const lang = config.writeBackLanguage;
  const buying = config.buyingStages.find((b) => b.key === deal.buyingStage);
  const role = config.dealRoles.find((r) => r.key === deal.strategicRole);
  return {
    [f.buyingStage]: buying?.label[lang] ?? null,
    [f.strategicRole]: role?.label[lang] ?? null,
    [f.priority]: deal.priority,
    [f.forecastRisk]: deal.flags.map((fl) => `${fl.code}: ${fl.message[lang]}`).join('\n') || null,
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
