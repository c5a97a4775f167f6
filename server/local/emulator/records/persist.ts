/**
 * Saving a record the way Zoho does: system fields (id, Created_/Modified_ Time and By, a default Owner),
 * the values Zoho derives (Contacts Full_Name, Deals Probability and Expected_Revenue from Stage, Tasks
 * Closed_Time on completion, Calls duration in seconds) and the rows of its subforms, which COQL reads
 * as records of the subform module.
 */
import { dealStageOptions } from '../metadata/deal-stages';
import type { ModuleDef } from '../metadata/types';
import type { Org } from '../org';
import type { RecordData, StoredRecord } from '../store/record-store';
import { formatDateTime } from '../time';

const STAGE_PROBABILITY = new Map(dealStageOptions().map((o) => [o.display, o.probability ?? 0]));

/** Zoho's display order for names in a Japanese org (a guess: family name first). */
export function fullName(data: RecordData): string {
  return [data.Last_Name, data.First_Name].filter((p) => typeof p === 'string' && p !== '').join(' ');
}

function durationSeconds(text: unknown): number | undefined {
  if (typeof text !== 'string') return undefined;
  const parts = text.split(':').map(Number);
  if (parts.some((n) => !Number.isFinite(n))) return undefined;
  return parts.reduce((acc, n) => acc * 60 + n, 0);
}

function derive(
  org: Org,
  module: ModuleDef,
  data: RecordData,
  explicit: ReadonlySet<string>,
  before: RecordData | undefined,
  nowText: string,
): void {
  switch (module.apiName) {
    case 'Contacts':
    case 'Leads':
      data.Full_Name = fullName(data);
      break;
    case 'Deals': {
      const stageChanged = !before || before.Stage !== data.Stage;
      if (stageChanged && !explicit.has('Probability') && typeof data.Stage === 'string') {
        const p = STAGE_PROBABILITY.get(data.Stage);
        if (p !== undefined) data.Probability = p;
      }
      if (typeof data.Amount === 'number' && typeof data.Probability === 'number') {
        data.Expected_Revenue = Math.round((data.Amount * data.Probability) / 100);
      } else delete data.Expected_Revenue;
      break;
    }
    case 'Tasks': {
      const completed = (status: unknown) => org.settings.closedTaskStatuses.includes(String(status));
      if (!completed(data.Status)) delete data.Closed_Time;
      else if (!(before && completed(before.Status) && before.Closed_Time)) data.Closed_Time = nowText;
      break;
    }
    case 'Calls': {
      const s = durationSeconds(data.Call_Duration);
      if (s === undefined) delete data.Call_Duration_in_seconds;
      else data.Call_Duration_in_seconds = s;
      break;
    }
  }
}

function displayName(module: ModuleDef, data: RecordData): string | null {
  const v = data[module.displayField];
  return typeof v === 'string' ? v : null;
}

/** Write the rows of each subform as records of the subform module (COQL reads them there). */
export function saveSubformRows(
  org: Org,
  module: ModuleDef,
  data: RecordData,
  before: RecordData | undefined,
  createdMs: number,
  modifiedMs: number,
): void {
  for (const f of module.fields) {
    if (f.dataType !== 'subform' || !f.subform) continue;
    const sub = org.catalog.module(f.subform);
    if (!sub) continue;
    const rows = (Array.isArray(data[f.apiName]) ? data[f.apiName] : []) as RecordData[];
    const keep = new Set(rows.map((r) => String(r.id)));
    for (const old of (Array.isArray(before?.[f.apiName]) ? before?.[f.apiName] : []) as RecordData[]) {
      if (!keep.has(String(old.id))) org.store.remove(String(old.id));
    }
    const parent = { name: displayName(module, data), id: String(data.id) };
    for (const row of rows) {
      org.store.put(sub.apiName, String(row.id), null, createdMs, modifiedMs, { ...row, Parent_Id: parent });
    }
  }
}

/**
 * Stamp, derive and store `data` (the applied record). `before` is the stored record on update.
 * `explicit` are the field names the request sent.
 */
export function persistRecord(
  org: Org,
  module: ModuleDef,
  data: RecordData,
  before: StoredRecord | undefined,
  explicit: ReadonlySet<string>,
): StoredRecord {
  const nowMs = Math.floor(org.now() / 1000) * 1000;
  const nowText = formatDateTime(nowMs, org.tz);
  const me = org.users.currentRef();
  const createdMs = before?.createdMs ?? nowMs;
  if (!before) {
    data.id = org.newRecordId();
    data.Created_Time = nowText;
    data.Created_By = me;
    if (!data.Owner) data.Owner = me;
  }
  data.Modified_Time = nowText;
  data.Modified_By = me;
  derive(org, module, data, explicit, before?.data, nowText);
  const id = String(data.id);
  org.store.put(module.apiName, id, displayName(module, data), createdMs, nowMs, data);
  saveSubformRows(org, module, data, before?.data, createdMs, nowMs);
  return { id, module: module.apiName, createdMs, modifiedMs: nowMs, data };
}

export function storeDisplayName(module: ModuleDef, data: RecordData): string | null {
  return displayName(module, data);
}
