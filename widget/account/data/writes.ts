/**
 * The rep's edits → CRM writes (through the gateway), and the dataset as it is after the write, so
 * the page recomputes the insight at once without reloading everything. Plan writes read the plan
 * back (one call): new subform rows get their ids only from the CRM.
 */
import type { ZohoFields, ZohoRecord } from '../../../shared/crm-read/records';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import { planUpdateHistory } from '../../../shared/writeback/plan';
import type { ActivityKind, Attitude, BuyingRole } from '../../../shared/model/keys';
import type { ActivityModule } from '../../../shared/model/types';
import { lookupId } from '../../../shared/crm-read/records';
import type { CrmGateway } from '../../zoho/types';
import type { RawDataset } from './load-dataset';

export interface BuyerEdit {
  buyingRole: BuyingRole | null;
  attitude: Attitude | null;
  influence: number | null;
  isExecutive: boolean;
  /** Contacts.Influences: the people this person sways (influence lines on the map). */
  influences: string[];
}

export async function saveBuyerEdit(
  crm: CrmGateway,
  config: SalesProcessConfig,
  raw: RawDataset,
  contactId: string,
  edit: BuyerEdit,
): Promise<RawDataset> {
  const c = config.fields.contact;
  const fields: ZohoFields = {
    [c.buyingRole]: edit.buyingRole,
    [c.attitude]: edit.attitude,
    [c.influence]: edit.influence,
    [c.isExecutive]: edit.isExecutive,
    [c.influences]: edit.influences.length > 0 ? edit.influences.join('\n') : null,
  };
  await crm.updateRecord(config.fields.modules.contacts, { id: contactId, ...fields });
  const module = config.fields.modules.contacts;
  return {
    ...raw,
    [module]: (raw[module] ?? []).map((r) => (String(r.id) === contactId ? { ...r, ...fields } : r)),
  };
}

/** The buyer-evidence checklist of a deal (issue 11): exit-criterion keys ticked, and Quote_Requested. */
export interface DealEvidenceEdit {
  evidence: string[];
  quoteRequested: boolean;
}

export async function saveDealEvidence(
  crm: CrmGateway,
  config: SalesProcessConfig,
  raw: RawDataset,
  dealId: string,
  edit: DealEvidenceEdit,
): Promise<RawDataset> {
  const d = config.fields.deal;
  const fields: ZohoFields = {
    [d.buyingEvidence]: edit.evidence.length > 0 ? edit.evidence.join('\n') : null,
    [d.quoteRequested]: edit.quoteRequested,
  };
  const module = config.fields.modules.deals;
  await crm.updateRecord(module, { id: dealId, ...fields });
  return {
    ...raw,
    [module]: (raw[module] ?? []).map((r) => (String(r.id) === dealId ? { ...r, ...fields } : r)),
  };
}

/**
 * A deal's buying committee (Buying_Committee, contact ids one per line). The deal's Contact_Name is
 * on it anyway and is not written into the field.
 */
export async function saveDealCommittee(
  crm: CrmGateway,
  config: SalesProcessConfig,
  raw: RawDataset,
  dealId: string,
  contactIds: string[],
): Promise<RawDataset> {
  const d = config.fields.deal;
  const module = config.fields.modules.deals;
  const record = (raw[module] ?? []).find((r) => String(r.id) === dealId);
  const own = lookupId(record?.[d.contact]);
  const ids = [...new Set(contactIds)].filter((id) => id !== own);
  const fields: ZohoFields = { [d.buyingCommittee]: ids.length > 0 ? ids.join('\n') : null };
  await crm.updateRecord(module, { id: dealId, ...fields });
  return {
    ...raw,
    [module]: (raw[module] ?? []).map((r) => (String(r.id) === dealId ? { ...r, ...fields } : r)),
  };
}

/** The plan's text sections, by the config's field keys. */
export const PLAN_TEXT_FIELDS = [
  'overview',
  'strategy',
  'issues',
  'group',
  'longTermActions',
  'shortTermActions',
  'deploymentPlan',
] as const;
export type PlanTextField = (typeof PLAN_TEXT_FIELDS)[number];
export type PlanTexts = Record<PlanTextField, string>;

export interface PotentialEdit {
  /** The subform row id when the row exists in the CRM. */
  rowId: string | null;
  segment: string;
  offering: string;
  potential: number;
  current: number;
}

export interface PlanChange {
  texts?: PlanTexts;
  potential?: PotentialEdit[];
  /** What changed, in the rep's words; stored in the new `Plan_Updates` row. */
  summary: string;
}

/**
 * Save the plan: changed sections plus today's `Plan_Updates` row {Updated_On: today, Summary} (the
 * plan-update KPI counts these days). Existing subform rows are sent back with their ids, because a
 * subform written without a row drops that row. Zoho keeps at most 100 rows a subform: one row a day,
 * and the rows past the newest 100 move to the archive module first (shared/writeback/plan.ts
 * `planUpdateHistory`), which also migrates a plan that was over the cap on its next save.
 */
export async function savePlan(
  crm: CrmGateway,
  config: SalesProcessConfig,
  raw: RawDataset,
  target: { accountId: string; accountName: string; plan: ZohoRecord | null; today: string },
  change: PlanChange,
): Promise<RawDataset> {
  const p = config.fields.plan;
  const module = config.fields.modules.accountPlans;
  const body: ZohoFields = {};
  if (change.texts) for (const key of PLAN_TEXT_FIELDS) body[p[key]] = change.texts[key];
  if (change.potential) {
    body[p.potentialMap] = change.potential.map((r) => ({
      ...(r.rowId ? { id: r.rowId } : {}),
      [p.segment]: r.segment,
      [p.offering]: r.offering,
      [p.potentialAmount]: r.potential,
      [p.currentAmount]: r.current,
    }));
  }
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const history = planUpdateHistory(
    rowsOf(target.plan?.[p.updates]).map((r) => ({
      ...(r.id != null ? { id: String(r.id) } : {}),
      updatedOn: text(r[p.updatedOn]),
      summary: text(r[p.summary]),
    })),
    target.today,
    change.summary,
  );
  body[p.updates] = history.keep.map((r) => ({
    ...(r.id ? { id: r.id } : {}),
    [p.updatedOn]: r.updatedOn,
    [p.summary]: r.summary,
  }));

  let id: string;
  if (target.plan) {
    id = String(target.plan.id);
    for (const r of history.archive)
      await crm.insertRecord(config.fields.modules.archivedPlanUpdates, {
        Name: `${r.updatedOn ?? ''} ${target.accountName}`.trim().slice(0, 120),
        [p.archivedPlan]: { id },
        [p.updatedOn]: r.updatedOn,
        [p.summary]: r.summary,
      });
    await crm.updateRecord(module, { id, ...body });
  } else {
    const name = `${target.accountName} Account Plan`.slice(0, 120);
    id = await crm.insertRecord(module, { Name: name, [p.account]: { id: target.accountId }, ...body });
  }
  const fresh = await crm.getRecord(module, id);
  const others = (raw[module] ?? []).filter((r) => String(r.id) !== id);
  return { ...raw, [module]: fresh ? [...others, fresh] : others };
}

function rowsOf(v: unknown): ZohoFields[] {
  return Array.isArray(v)
    ? v.filter((r): r is ZohoFields => r != null && typeof r === 'object' && !Array.isArray(r))
    : [];
}

/**
 * The rep classifies an activity in one click: `Activity_Kind` on the Task, Event or Call (the field the
 * engine reads before any keyword), so an unclassified activity joins its side of the mix at once.
 */
export async function saveActivityKind(
  crm: CrmGateway,
  config: SalesProcessConfig,
  raw: RawDataset,
  activity: { module: ActivityModule; id: string },
  kind: ActivityKind,
): Promise<RawDataset> {
  const m = config.fields.modules;
  const module = activity.module === 'Tasks' ? m.tasks : activity.module === 'Events' ? m.events : m.calls;
  const fields: ZohoFields = { [config.fields.activity.kind]: kind };
  await crm.updateRecord(module, { id: activity.id, ...fields });
  return {
    ...raw,
    [module]: (raw[module] ?? []).map((r) => (String(r.id) === activity.id ? { ...r, ...fields } : r)),
  };
}
