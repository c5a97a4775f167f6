/**
 * Next actions as Zoho Tasks (reused, not a store of our own): one click creates a task linked to the
 * account (`What_Id` + `$se_module`), due in a week, owned by whoever clicks (Zoho's default owner),
 * with an `Activity_Kind` when the action's words name one. A task whose subject is the action's
 * label (either language) is that action's task; its status is the task's.
 */
import type { ZohoFields } from '../../../shared/crm-read/records';
import type { SalesProcessConfig } from '../../../shared/config/schema';
import type { NextAction } from '../../../shared/engine/actions';
import { lookupId } from '../../../shared/crm-read/records';
import { addDays } from '../../../shared/model/time';
import type { LocalDate } from '../../../shared/model/types';
import type { CrmGateway } from '../../zoho/types';
import type { RawDataset } from './load-dataset';

export const TASK_DUE_DAYS = 7;

export interface ActionTask {
  id: string;
  status: string;
  dueDate: string | null;
  done: boolean;
}

/** The first kind (config order) one of whose keywords is in the action's label; null when none is. */
export function kindForAction(action: NextAction, config: SalesProcessConfig): string | null {
  const text = `${action.label.ja} ${action.label.en}`.toLowerCase();
  const kind = config.activityKinds.find((k) => k.keywords.some((w) => text.includes(w.toLowerCase())));
  return kind?.key ?? null;
}

/** The account's task for this action: the latest open one, else the latest done one. */
export function taskForAction(
  raw: RawDataset,
  config: SalesProcessConfig,
  accountId: string,
  action: NextAction,
): ActionTask | null {
  const t = config.fields.task;
  const subjects = new Set([action.label.ja, action.label.en]);
  const done = new Set(config.values.taskCompletedStatuses);
  const tasks = (raw[config.fields.modules.tasks] ?? [])
    .filter((r) => lookupId(r[config.fields.activity.what]) === accountId)
    .filter((r) => typeof r[t.subject] === 'string' && subjects.has(r[t.subject] as string))
    .map((r) => {
      const status = typeof r[t.status] === 'string' ? (r[t.status] as string) : '';
      const due = typeof r[t.dueDate] === 'string' ? (r[t.dueDate] as string) : null;
      return { id: String(r.id), status, dueDate: due, done: done.has(status) };
    });
  return tasks.find((x) => !x.done) ?? tasks[0] ?? null;
}

/** Insert the task; the dataset with it, so the page shows its status at once. */
export async function createActionTask(
  crm: CrmGateway,
  config: SalesProcessConfig,
  raw: RawDataset,
  o: { accountId: string; action: NextAction; lang: 'ja' | 'en'; today: LocalDate },
): Promise<RawDataset> {
  const f = config.fields;
  const kind = kindForAction(o.action, config);
  const record: ZohoFields = {
    [f.task.subject]: o.action.label[o.lang],
    [f.activity.what]: { id: o.accountId },
    $se_module: f.modules.accounts,
    [f.task.dueDate]: addDays(o.today, TASK_DUE_DAYS),
    [f.task.status]: 'Not Started',
    ...(kind ? { [f.activity.kind]: kind } : {}),
  };
  const id = await crm.insertRecord(f.modules.tasks, record);
  const module = f.modules.tasks;
  return { ...raw, [module]: [...(raw[module] ?? []), { ...record, id }] };
}
