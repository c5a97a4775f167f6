/**
 * Zoho-shaped records (DESIGN §3: exactly as the GET records API returns them) → the domain model.
 * A dataset of the wrong overall shape is an error; a malformed record becomes a data issue and the
 * rest carries on.
 */
import type { SalesProcessConfig } from '../config/schema';
import { ACTIVITY_KINDS, ACTIVITY_PURPOSES, ATTITUDES, BUYING_ROLES } from '../model/keys';
import { offsetMinutes, startOfLocalDay } from '../model/time';
import type {
  Account,
  AccountPlan,
  Activity,
  ActivityModule,
  Contact,
  DataIssue,
  Dataset,
  Deal,
  StageChange,
  ZohoId,
} from '../model/types';
import { RecordReader } from './reader';

export type NormaliseResult = { ok: true; dataset: Dataset } | { ok: false; error: string };

type Fields = SalesProcessConfig['fields'];

/** Customer_Satisfaction is an integer rating 1–5 (DESIGN §3). */
export const CSAT_MIN = 1;
export const CSAT_MAX = 5;

export function normaliseDataset(raw: unknown, config: SalesProcessConfig): NormaliseResult {
  if (raw == null || typeof raw !== 'object' || Array.isArray(raw)) {
    return {
      ok: false,
      error: 'the dataset must be a JSON object keyed by module (Accounts, Contacts, Deals, …)',
    };
  }
  const data = raw as Record<string, unknown>;
  const m = config.fields.modules;
  const modules = [
    m.accounts,
    m.contacts,
    m.deals,
    m.tasks,
    m.events,
    m.calls,
    m.accountPlans,
    m.stageHistory,
  ];
  for (const name of modules) {
    if (data[name] !== undefined && !Array.isArray(data[name])) {
      return { ok: false, error: `"${name}" must be an array of ${name} records, got ${typeof data[name]}` };
    }
  }
  if (!Array.isArray(data[m.accounts])) {
    return {
      ok: false,
      error: `the dataset has no "${m.accounts}" array; found keys: ${Object.keys(data).join(', ') || 'none'}`,
    };
  }

  const issues: DataIssue[] = [];
  const offset = offsetMinutes(config.utcOffset);
  // One loop per module into one list (an account may hold a million activities: no copies).
  const each = <T>(module: string, read: (r: RecordReader) => T | null, out: T[] = []): T[] => {
    const list = (data[module] as unknown[] | undefined) ?? [];
    for (let i = 0; i < list.length; i++) {
      const r = RecordReader.open(list[i], module, i, issues, offset);
      if (!r) continue;
      const v = read(r);
      if (v !== null) out.push(v);
    }
    return out;
  };
  const f = config.fields;
  // The service's alert tasks (Alert_Key set) are reminders to reps, not work done with the customer.
  const activities = each(m.tasks, (r) => (r.text(f.task.alertKey) ? null : readTask(r, config, offset)));
  each(m.events, (r) => readEvent(r, f), activities);
  each(m.calls, (r) => readCall(r, config), activities);
  return {
    ok: true,
    dataset: {
      accounts: each(m.accounts, (r) => readAccount(r, f)),
      contacts: each(m.contacts, (r) => readContact(r, f)),
      deals: each(m.deals, (r) => readDeal(r, f)),
      activities,
      plans: each(m.accountPlans, (r) => readPlan(r, f)),
      stageHistory: each(m.stageHistory, (r) => readStageChange(r, f)),
      issues,
    },
  };
}

function readAccount(r: RecordReader, f: Fields): Account {
  const owner = r.lookup(f.account.owner);
  return {
    id: r.id,
    name: r.text(f.account.name) ?? `(${r.id})`,
    ownerId: owner?.id ?? null,
    ownerName: owner?.name ?? null,
    parentId: r.lookup(f.account.parent)?.id ?? null,
    industry: r.text(f.account.industry),
    customerSatisfaction: r.rating(f.account.customerSatisfaction, CSAT_MIN, CSAT_MAX),
    isTargetAccount: r.boolean(f.account.isTargetAccount),
    relationshipStage: r.text(f.account.relationshipStage),
    modifiedTime: r.instant(f.account.modifiedTime),
  };
}

function readContact(r: RecordReader, f: Fields): Contact {
  const c = f.contact;
  const name =
    r.text(c.fullName) ??
    ([r.text('First_Name'), r.text('Last_Name')].filter(Boolean).join(' ') || `(${r.id})`);
  return {
    id: r.id,
    accountId: r.lookup(c.account)?.id ?? null,
    name,
    department: r.text(c.department)?.trim() || null,
    title: r.text(c.title),
    reportingToId: r.lookup(c.reportingTo)?.id ?? null,
    buyingRole: r.picklist(c.buyingRole, BUYING_ROLES),
    attitude: r.picklist(c.attitude, ATTITUDES),
    influence: r.number(c.influence),
    executiveFlag: r.boolean(c.isExecutive) ?? false,
    influences: idList(r.text(c.influences)),
  };
}

function readDeal(r: RecordReader, f: Fields): Deal {
  const d = f.deal;
  const owner = r.lookup(d.owner);
  return {
    id: r.id,
    name: r.text(d.name) ?? `(${r.id})`,
    accountId: r.lookup(d.account)?.id ?? null,
    contactId: r.lookup(d.contact)?.id ?? null,
    zohoStage: r.text(d.stage),
    amount: r.number(d.amount),
    closingDate: r.date(d.closingDate),
    type: r.text(d.type),
    probability: r.number(d.probability),
    createdTime: r.instant(d.createdTime),
    ownerId: owner?.id ?? null,
    ownerName: owner?.name ?? null,
    buyingEvidence: evidenceKeys(r.text(d.buyingEvidence)),
    quoteRequested: r.boolean(d.quoteRequested) ?? false,
    committee: idList(r.text(d.buyingCommittee)),
  };
}

/** Buying_Evidence: exit-criterion keys, one per line (commas and semicolons also separate). */
export function evidenceKeys(text: string | null): string[] {
  if (!text) return [];
  return [
    ...new Set(
      text
        .split(/[\n,;]+/)
        .map((k) => k.trim())
        .filter((k) => k !== ''),
    ),
  ];
}

/** Influences, Buying_Committee: record ids, one per line (commas and semicolons also separate). */
export function idList(text: string | null): ZohoId[] {
  return evidenceKeys(text) as ZohoId[];
}

/**
 * One activity record, built as one object (no intermediate copies: an account may hold a million).
 * `contactIds` is Who_Id, then the event's participating contacts, each once.
 */
function activity(
  r: RecordReader,
  f: Fields,
  module: ActivityModule,
  subject: string,
  at: Activity['at'],
  completed: boolean,
  inbound: boolean,
  participants?: Record<string, unknown>[],
): Activity {
  const what = r.lookup(f.activity.what);
  const seModule = r.text('$se_module');
  const who = r.lookup(f.activity.who);
  const contactIds: ZohoId[] = who ? [who.id] : [];
  if (participants && participants.length > 0) {
    const seen = new Set(contactIds);
    for (const p of participants) {
      if (p.type !== 'contact') continue;
      if (typeof p.participant !== 'string' && typeof p.participant !== 'number') continue;
      const id = String(p.participant) as ZohoId;
      if (!seen.has(id)) {
        seen.add(id);
        contactIds.push(id);
      }
    }
  }
  return {
    id: r.id,
    module,
    subject,
    kindField: r.picklist(f.activity.kind, ACTIVITY_KINDS),
    purposeField: r.picklist(f.activity.purpose, ACTIVITY_PURPOSES),
    what: what && seModule ? { module: seModule, id: what.id } : null,
    contactIds,
    at,
    completed,
    inbound,
  };
}

function readTask(r: RecordReader, config: SalesProcessConfig, offset: number): Activity {
  const t = config.fields.task;
  const due = r.date(t.dueDate);
  const status = r.text(t.status);
  const subject = r.text(t.subject) ?? '';
  const at = r.instant(t.closedTime) ?? (due ? startOfLocalDay(due, offset) : null);
  const completed = status != null && config.values.taskCompletedStatuses.includes(status);
  return activity(r, config.fields, 'Tasks', subject, at, completed, false);
}

function readEvent(r: RecordReader, f: Fields): Activity {
  const subject = r.text(f.event.title) ?? '';
  const participants = r.rows(f.event.participants);
  return activity(r, f, 'Events', subject, r.instant(f.event.start), true, false, participants);
}

function readCall(r: RecordReader, config: SalesProcessConfig): Activity {
  const c = config.fields.call;
  const s = r.text(c.subject);
  const p = r.text(c.purpose);
  const subject = s && p ? `${s} ${p}` : (s ?? p ?? '');
  const type = r.text(c.callType);
  const inbound = type != null && config.values.inboundCallTypes.includes(type);
  return activity(r, config.fields, 'Calls', subject, r.instant(c.start), true, inbound);
}

function readPlan(r: RecordReader, f: Fields): AccountPlan {
  const p = f.plan;
  const text = (field: string) => r.text(field)?.trim() ?? '';
  return {
    id: r.id,
    accountId: r.lookup(p.account)?.id ?? null,
    overview: text(p.overview),
    strategy: text(p.strategy),
    issues: text(p.issues),
    group: text(p.group),
    longTermActions: text(p.longTermActions),
    shortTermActions: text(p.shortTermActions),
    deploymentPlan: text(p.deploymentPlan),
    potentialMap: r.rows(p.potentialMap).map((row) => {
      const rr = r.row(row);
      return {
        segment: rr.text(p.segment) ?? '',
        offering: rr.text(p.offering) ?? '',
        potential: rr.number(p.potentialAmount) ?? 0,
        current: rr.number(p.currentAmount) ?? 0,
      };
    }),
    updates: r.rows(p.updates).flatMap((row) => {
      const rr = r.row(row);
      const date = rr.date(p.updatedOn);
      return date ? [{ date, summary: rr.text(p.summary) ?? '' }] : [];
    }),
    modifiedTime: r.instant(p.modifiedTime),
  };
}

function readStageChange(r: RecordReader, f: Fields): StageChange {
  const h = f.stageHistory;
  return {
    id: r.id,
    accountId: r.lookup(h.account)?.id ?? null,
    from: r.text(h.from),
    to: r.text(h.to),
    changedAt: r.instant(h.changedAt),
  };
}
