/**
 * Alerts as Zoho Tasks (issue 16): for each rule and account the service keeps exactly one Task for
 * the account's owner, found by its Alert_Key (`CODE:accountId`). Planned from the findings of
 * `accountAlerts` and the alert tasks the mirror holds for the account:
 *   - a finding without a task → insert one (open, due in `dueInDays`);
 *   - a finding whose task is open → update it only if its subject, description or owner changed;
 *   - a finding whose task was closed → reopen it (the same task: never a second one);
 *   - an open task without a finding (the condition cleared, or the rule was removed) → close it;
 *   - two tasks with one key (e.g. an insert whose answer was lost and then retried) → close the later ones.
 * Writing uses the same gateway as the write-back (≤100 records a call, `trigger: []`).
 */
import type { Logger } from 'pino';
import type { SalesProcessConfig } from '../../shared/config/schema';
import { lookupId } from '../../shared/crm-read/records';
import { addDays, localDateOf, offsetMinutes } from '../../shared/model/time';
import type { Instant } from '../../shared/model/types';
import { alertStamp, parseAlertStamp, type AlertFinding } from '../../shared/portfolio/alerts';
import type { ZohoRecord } from '../../shared/crm-read/records';
import type { Mirror } from '../state/mirror';
import type { ZohoGateway } from '../zoho/gateway';
import type { RecordFailure, RecordResult } from '../zoho/map-error';

export interface AlertInsert {
  accountId: string;
  key: string;
  fields: Record<string, unknown>;
}
export interface AlertUpdate {
  accountId: string;
  id: string;
  fields: Record<string, unknown>;
}
export interface AlertPlan {
  inserts: AlertInsert[];
  updates: AlertUpdate[];
}

/** The alert tasks of one account among its records (What_Id = the account, Alert_Key ends with its id). */
export function alertTasksOf(tasks: readonly ZohoRecord[], accountId: string, config: SalesProcessConfig) {
  const t = config.fields.task;
  return tasks.filter((r) => {
    const stamp = r[t.alertKey];
    return (
      typeof stamp === 'string' &&
      parseAlertStamp(stamp).key.endsWith(`:${accountId}`) &&
      lookupId(r[config.fields.activity.what]) === accountId
    );
  });
}

export function planAlerts(
  accountId: string,
  findings: readonly AlertFinding[],
  existing: readonly ZohoRecord[],
  config: SalesProcessConfig,
  asOf: Instant,
): AlertPlan {
  const a = config.alerts;
  const t = config.fields.task;
  const lang = config.writeBackLanguage;
  const today = localDateOf(asOf, offsetMinutes(config.utcOffset));
  const closed = (r: ZohoRecord) => {
    const s = r[t.status];
    return s === a.closedStatus || (typeof s === 'string' && config.values.taskCompletedStatuses.includes(s));
  };
  const byKey = new Map<string, ZohoRecord[]>();
  for (const r of [...existing].sort((x, y) => String(x.id).localeCompare(String(y.id)))) {
    const { key } = parseAlertStamp(String(r[t.alertKey]));
    byKey.set(key, [...(byKey.get(key) ?? []), r]);
  }
  const plan: AlertPlan = { inserts: [], updates: [] };
  const wanted = new Map(findings.map((f) => [f.key, f]));
  for (const f of findings) {
    const stamp = alertStamp(f, lang);
    const desired: Record<string, unknown> = {
      [t.subject]: f.subject[lang],
      Description: f.detail[lang],
      ...(f.ownerId ? { Owner: { id: f.ownerId } } : {}),
      [t.alertKey]: stamp,
    };
    const [task, ...extra] = byKey.get(f.key) ?? [];
    for (const e of extra)
      if (!closed(e))
        plan.updates.push({ accountId, id: String(e.id), fields: { [t.status]: a.closedStatus } });
    if (!task) {
      plan.inserts.push({
        accountId,
        key: f.key,
        fields: {
          ...desired,
          [t.status]: a.openStatus,
          [t.dueDate]: addDays(today, a.dueInDays),
          Priority: a.priority,
          [config.fields.activity.what]: { id: accountId },
          $se_module: config.fields.modules.accounts,
        },
      });
      continue;
    }
    // Only Subject, Status and Alert_Key are read back: the stamp tells whether the rest changed.
    if (closed(task))
      plan.updates.push({
        accountId,
        id: String(task.id),
        fields: { ...desired, [t.status]: a.openStatus, [t.dueDate]: addDays(today, a.dueInDays) },
      });
    else if (task[t.alertKey] !== stamp)
      plan.updates.push({ accountId, id: String(task.id), fields: desired });
  }
  for (const [key, tasks] of byKey) {
    if (wanted.has(key)) continue;
    for (const r of tasks)
      if (!closed(r))
        plan.updates.push({ accountId, id: String(r.id), fields: { [t.status]: a.closedStatus } });
  }
  return plan;
}

export interface AlertWriteOutcome {
  created: number;
  updated: number;
  failed: RecordFailure[];
}

/** Insert and update the planned alert tasks; the mirror keeps what was written. */
export async function writeAlerts(
  deps: { gateway: ZohoGateway; mirror: Mirror; config: SalesProcessConfig; log: Logger },
  plan: AlertPlan,
): Promise<AlertWriteOutcome> {
  const out: AlertWriteOutcome = { created: 0, updated: 0, failed: [] };
  const module = deps.config.fields.modules.tasks;
  const fail = (accountId: string, r: Partial<RecordResult>) => {
    // A success without the new id is a broken answer too.
    const code = r.code === 'SUCCESS' ? 'MALFORMED_RESPONSE' : (r.code ?? 'UNKNOWN');
    out.failed.push({ accountId, code, message: r.message ?? '' });
    deps.log.warn({ accountId, code: r.code }, 'alert task write failed; will retry next run');
  };
  for (const chunk of chunks(plan.inserts, 100)) {
    const results = await deps.gateway.insertRecords(
      module,
      chunk.map((i) => ({ fields: i.fields })),
    );
    chunk.forEach((ins, n) => {
      const r = results[n];
      if (!r?.ok || !r.id) return fail(ins.accountId, r ?? {});
      out.created++;
      deps.mirror.addInserted('tasks', { id: r.id, ...ins.fields });
    });
  }
  for (const chunk of chunks(plan.updates, 100)) {
    const results = await deps.gateway.updateRecords(
      module,
      chunk.map(({ id, fields }) => ({ id, fields })),
    );
    chunk.forEach((u, n) => {
      const r = results[n];
      if (!r?.ok) return fail(u.accountId, r ?? {});
      out.updated++;
      deps.mirror.applyWritten('tasks', u.id, u.fields);
    });
  }
  return out;
}

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}
