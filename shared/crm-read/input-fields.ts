/**
 * The fields of each module the engine reads (DESIGN §3), named by the config (an org that renamed a
 * field still works). The widget selects exactly these; the service's sync selects these plus what
 * it writes back and its cursor field. One list, so the two never read different inputs. Pure.
 */
import type { FieldNames } from '../config/fields';
import { KPI_KEYS, kgiFieldName, kpiFieldName, type KgiKey } from '../model/keys';

export function accountInputFields(f: FieldNames): string[] {
  const a = f.account;
  return [
    a.name,
    a.owner,
    a.parent,
    a.industry,
    a.customerSatisfaction,
    a.isTargetAccount,
    a.relationshipStage,
    a.modifiedTime,
  ];
}

export function contactInputFields(f: FieldNames): string[] {
  const c = f.contact;
  return [
    c.account,
    c.fullName,
    'First_Name',
    'Last_Name',
    c.department,
    c.title,
    c.reportingTo,
    c.buyingRole,
    c.attitude,
    c.influence,
    c.isExecutive,
    c.influences,
    c.modifiedTime,
  ];
}

export function dealInputFields(f: FieldNames): string[] {
  const d = f.deal;
  return [
    d.name,
    d.account,
    d.contact,
    d.stage,
    d.amount,
    d.closingDate,
    d.type,
    d.probability,
    d.createdTime,
    d.owner,
    d.buyingEvidence,
    d.quoteRequested,
    d.buyingCommittee,
    d.modifiedTime,
  ];
}

/** Tasks, events or calls: the link (What_Id, Who_Id), the explicit kind and purpose, then their own. */
export function activityInputFields(f: FieldNames, module: 'tasks' | 'events' | 'calls'): string[] {
  const own =
    module === 'tasks'
      ? [f.task.subject, f.task.status, f.task.dueDate, f.task.closedTime, f.task.alertKey]
      : module === 'events'
        ? [f.event.title, f.event.start, f.event.end, f.event.participants]
        : [f.call.subject, f.call.callType, f.call.start, f.call.purpose];
  return [f.activity.what, f.activity.who, f.activity.kind, f.activity.purpose, ...own];
}

/**
 * Relationship_Stage_History: the stage an account reached and when. The engine fixes a deal's
 * strategic role by the account's stage when the deal was created (shared/engine/deals.ts), so the
 * widget reads these exactly as the service does, or a deal's role would differ between them.
 */
export function stageHistoryInputFields(f: FieldNames): string[] {
  const h = f.stageHistory;
  return [h.account, h.from, h.to, h.changedAt];
}

/**
 * What the service writes into an account besides its stage (DESIGN §2): the sync reads them back to
 * write only what differs, and the mirror leaves them out of an account's input hash (a write-back is
 * not a change of input). One list for both.
 */
export function accountWrittenFields(f: FieldNames, kgis: readonly KgiKey[]): string[] {
  const a = f.account;
  return [
    a.stageSince,
    a.stageProgress,
    a.nextStageGaps,
    a.insightUpdatedAt,
    a.healthScore,
    a.healthParts,
    a.unclassifiedShare,
    ...KPI_KEYS.map((k) => kpiFieldName(k, a.kpiPrefix)),
    ...kgis.map((k) => kgiFieldName(k, a)),
  ];
}

/** What the service writes into a deal (DESIGN §2); see `accountWrittenFields`. */
export function dealWrittenFields(f: FieldNames): string[] {
  const d = f.deal;
  return [d.buyingStage, d.strategicRole, d.priority, d.forecastRisk];
}
