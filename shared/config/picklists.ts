/**
 * The picklist values of the fields the service writes (DESIGN §2), derived from the config so the
 * CRM's picklists, the write-back and the manager view agree on one spelling.
 */
import { ACTIVITY_KINDS, ACTIVITY_PURPOSES, ATTITUDES, BUYING_ROLES } from '../model/keys';
import type { SalesProcessConfig } from './schema';

export interface CrmPicklists {
  relationshipStage: string[];
  buyingStage: string[];
  strategicRole: string[];
  activityKind: string[];
  activityPurpose: string[];
  buyingRole: string[];
  attitude: string[];
}

export function crmPicklists(config: SalesProcessConfig): CrmPicklists {
  const lang = config.writeBackLanguage;
  return {
    relationshipStage: [config.notStarted.label[lang], ...config.stages.map((s) => s.label[lang])],
    buyingStage: config.buyingStages.map((b) => b.label[lang]),
    strategicRole: config.dealRoles.map((r) => r.label[lang]),
    activityKind: [...ACTIVITY_KINDS],
    activityPurpose: [...ACTIVITY_PURPOSES],
    buyingRole: [...BUYING_ROLES],
    attitude: [...ATTITUDES],
  };
}

/**
 * The stage key a `Relationship_Stage` value names: a label in either language or a key.
 * `null` = not started; `undefined` = not a known stage (e.g. empty, or the config changed).
 */
export function stageKeyFromCrmValue(config: SalesProcessConfig, value: unknown): string | null | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const v = value.trim();
  const n = config.notStarted.label;
  if (v === n.ja || v === n.en || v === 'not_started') return null;
  return config.stages.find((s) => s.key === v || s.label.ja === v || s.label.en === v)?.key;
}
